import Foundation

/// Where an outbound (ODI) project stands: consulting → preparing filings → filed → funds
/// remitted → operating, or abandoned (with a reason) from any stage before operating.
public enum OutboundStage: String, Sendable, Codable, CaseIterable {
    case consulting
    case preparingFilings = "preparing_filings"
    case filed
    case fundsRemitted = "funds_remitted"
    case operating
    case abandoned

    public var label: Bilingual {
        switch self {
        case .consulting: Bilingual(zh: "咨询中", en: "Consulting")
        case .preparingFilings: Bilingual(zh: "准备备案", en: "Preparing filings")
        case .filed: Bilingual(zh: "已备案", en: "Filed")
        case .fundsRemitted: Bilingual(zh: "资金已汇出", en: "Funds remitted")
        case .operating: Bilingual(zh: "运营中", en: "Operating")
        case .abandoned: Bilingual(zh: "已放弃", en: "Abandoned")
        }
    }

    /// Stages in which the firm still has the project (alerts reach it): all but abandoned.
    public var isLive: Bool { self != .abandoned }

    /// The one stage that follows in the normal order, if any.
    public var next: OutboundStage? {
        switch self {
        case .consulting: .preparingFilings
        case .preparingFilings: .filed
        case .filed: .fundsRemitted
        case .fundsRemitted: .operating
        case .operating, .abandoned: nil
        }
    }

    /// The stage `target` if it may follow this one (the next stage, or abandoned before
    /// operating), else `invalid_stage_move` naming both.
    public func transition(to target: OutboundStage) throws(DomainError) -> OutboundStage {
        if target == next || (target == .abandoned && self != .abandoned && self != .operating) { return target }
        throw DomainError(.conflict, code: "invalid_stage_move", field: "stage",
                          en: "a project cannot move from \(label.en.lowercased()) to \(target.label.en.lowercased())",
                          zh: "项目不能从“\(label.zh)”变为“\(target.label.zh)”")
    }
}

/// How the firm invests abroad. Every form counts as ODI only from 10 % of the equity.
public enum InvestmentForm: String, Sendable, Codable, CaseIterable {
    case greenfield
    case acquisition
    case equityStake = "equity_stake"
    case capitalIncrease = "capital_increase"

    public var label: Bilingual {
        switch self {
        case .greenfield: Bilingual(zh: "绿地投资（新设）", en: "Greenfield")
        case .acquisition: Bilingual(zh: "并购", en: "Merger or acquisition")
        case .equityStake: Bilingual(zh: "参股", en: "Equity stake")
        case .capitalIncrease: Bilingual(zh: "增资", en: "Capital increase")
        }
    }
}

/// Where the money comes from.
public enum FinancingSource: String, Sendable, Codable, CaseIterable {
    case ownFunds = "own_funds"
    case domesticLoan = "domestic_loan"
    case offshoreLoan = "offshore_loan"
    case equityRaised = "equity_raised"
    case other

    public var label: Bilingual {
        switch self {
        case .ownFunds: Bilingual(zh: "自有资金", en: "Own funds")
        case .domesticLoan: Bilingual(zh: "境内贷款", en: "Domestic bank loan")
        case .offshoreLoan: Bilingual(zh: "境外融资", en: "Offshore financing")
        case .equityRaised: Bilingual(zh: "股权融资", en: "Equity raised")
        case .other: Bilingual(zh: "其他", en: "Other")
        }
    }
}

/// A park enterprise's investment abroad (境外投资项目).
public struct OutboundProject: Sendable, Hashable, Codable {
    public var id: UUID?
    public var enterpriseID: UUID
    /// Short name of the project ("Acquisition of Kuka Systems GmbH").
    public var title: String
    /// ISO 3166-1 alpha-2 code of the target country.
    public var countryCode: String
    /// The company invested in or acquired; nil for a greenfield project.
    public var targetCompany: String?
    /// GB/T 4754-2017 division of the overseas business.
    public var industryCode: String
    /// Activities named by the sensitive-industry catalogue that GB/T 4754 has no division for
    /// (weapons, cross-border water, funds without a real project, …), as declared by the firm.
    public var sensitiveActivities: [SensitiveActivity]
    public var form: InvestmentForm
    /// The Chinese investor's share of the target's equity after the deal, in basis points (1 % = 100).
    public var equityBasisPoints: Int
    /// The amount in its own currency, converted to US$ and yuan through the rate of its month.
    public var amount: ConvertedAmount
    public var financing: [FinancingSource]
    /// Set from the Belt and Road country list (data) when the project is recorded.
    public var beltAndRoad: Bool
    public var stage: OutboundStage
    public var abandonReason: String?
    /// The date the investment was agreed (the investment agreement or board decision); the
    /// statistics count a project from this date. Nil while the firm is only consulting.
    public var agreedOn: LocalDate?
    /// When the funds were remitted abroad (the investment "made", which keeps a MOFCOM certificate alive).
    public var remittedOn: LocalDate?

    public init(id: UUID? = nil, enterpriseID: UUID, title: String, countryCode: String, targetCompany: String?, industryCode: String,
                sensitiveActivities: [SensitiveActivity] = [], form: InvestmentForm, equityBasisPoints: Int, amount: ConvertedAmount,
                financing: [FinancingSource] = [.ownFunds], beltAndRoad: Bool = false, stage: OutboundStage = .consulting,
                abandonReason: String? = nil, agreedOn: LocalDate? = nil, remittedOn: LocalDate? = nil) {
        self.id = id; self.enterpriseID = enterpriseID; self.title = title; self.countryCode = countryCode
        self.targetCompany = targetCompany; self.industryCode = industryCode; self.sensitiveActivities = sensitiveActivities
        self.form = form; self.equityBasisPoints = equityBasisPoints; self.amount = amount; self.financing = financing
        self.beltAndRoad = beltAndRoad; self.stage = stage; self.abandonReason = abandonReason; self.agreedOn = agreedOn
        self.remittedOn = remittedOn
    }
}

/// Checks on a project as recorded, each naming its field.
public enum OutboundRules {
    /// ODI starts at 10 % of the equity (1,000 basis points).
    public static let odiMinimumBasisPoints = 1_000

    /// Parses a share of equity in percent ("10", "9.99", "100") to basis points, exactly;
    /// more than two decimals, a negative share or more than 100 % are refused naming `field`.
    public static func basisPoints(_ raw: String, field: String = "equity_percent") throws(DomainError) -> Int {
        let text = raw.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3, parts[0].allSatisfy(\.isASCII),
              let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (parts[1].count <= 2 && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }) else {
            throw DomainError(code: "invalid_percent", field: field,
                              en: "\(field) must be a percentage 0–100 with at most two decimals, not '\(raw.prefix(20))'",
                              zh: "\(field) 须为 0–100 的百分数，最多两位小数，而非“\(raw.prefix(20))”")
        }
        let frac = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        let bp = whole * 100 + frac
        guard bp <= 10_000 else { throw Bounds.outOfRange(field, 0...100) }
        return bp
    }

    /// "9.99" for 999 basis points.
    public static func percentText(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, frac = basisPoints % 100
        if frac == 0 { return String(whole) }
        return frac % 10 == 0 ? "\(whole).\(frac / 10)" : String(format: "%d.%02d", whole, frac)
    }

    /// Refuses what cannot be an ODI project: an unknown country or industry, China itself,
    /// a stake under 10 %, an empty title, an abandoned project without its reason.
    public static func validate(_ p: OutboundProject, countries: Set<String>, industries: Set<String>) throws(DomainError) {
        let title = p.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty { throw .required("title") }
        if title.count > 200 { throw .tooLong("title", max: 200) }
        if (p.targetCompany?.count ?? 0) > 200 { throw .tooLong("target_company", max: 200) }
        guard countries.contains(p.countryCode) else {
            throw DomainError(code: "unknown_country", field: "country",
                              en: "'\(p.countryCode.prefix(10))' is not an ISO 3166-1 country code", zh: "“\(p.countryCode.prefix(10))”不是 ISO 3166-1 国家代码")
        }
        if p.countryCode == "CN" {
            throw DomainError(code: "not_abroad", field: "country", en: "an outbound investment goes to a country other than China",
                              zh: "境外投资的目的地不能是中国")
        }
        guard industries.contains(p.industryCode) else {
            throw DomainError(code: "unknown_industry", field: "industry_code",
                              en: "'\(p.industryCode.prefix(10))' is not a GB/T 4754-2017 division", zh: "“\(p.industryCode.prefix(10))”不是 GB/T 4754-2017 行业大类")
        }
        guard (0...10_000).contains(p.equityBasisPoints) else { throw Bounds.outOfRange("equity_percent", 0...100) }
        if p.equityBasisPoints < odiMinimumBasisPoints {
            throw DomainError(code: "below_odi_threshold", field: "equity_percent",
                              en: "a stake of \(percentText(p.equityBasisPoints)) % is a portfolio investment, not ODI: ODI starts at 10 % of the equity",
                              zh: "持股 \(percentText(p.equityBasisPoints))% 属于证券投资而非境外直接投资：境外直接投资须持股 10% 及以上")
        }
        if p.form != .greenfield, (p.targetCompany ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError.required("target_company")
        }
        if p.financing.isEmpty { throw .required("financing") }
        if p.stage == .abandoned, (p.abandonReason ?? "").trimmingCharacters(in: .whitespaces).count < 5 {
            throw DomainError(code: "reason_required", field: "reason", en: "say why the project was abandoned (at least 5 characters)",
                              zh: "请说明放弃原因（至少 5 个字）")
        }
        if let r = p.abandonReason, r.count > 500 { throw .tooLong("reason", max: 500) }
    }
}
