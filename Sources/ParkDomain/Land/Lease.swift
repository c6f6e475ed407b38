import Foundation

/// The life of a flexible-term ("10+N") industrial lease.
public enum LeaseState: String, Sendable, Codable, CaseIterable {
    case auctioned, confirmed, contracted
    case underConstruction = "under_construction"
    case inProduction = "in_production"
    case assessmentDue = "assessment_due"
    case assessed, extended, reclaimed, expired, lapsed

    public var label: Bilingual {
        switch self {
        case .auctioned: Bilingual(zh: "已拍卖", en: "Auctioned")
        case .confirmed: Bilingual(zh: "已确认成交", en: "Confirmed")
        case .contracted: Bilingual(zh: "已签出让合同", en: "Contracted")
        case .underConstruction: Bilingual(zh: "在建", en: "Under construction")
        case .inProduction: Bilingual(zh: "已投产", en: "In production")
        case .assessmentDue: Bilingual(zh: "待评估", en: "Assessment due")
        case .assessed: Bilingual(zh: "已评估", en: "Assessed")
        case .extended: Bilingual(zh: "已续期", en: "Extended")
        case .reclaimed: Bilingual(zh: "已收回", en: "Reclaimed")
        case .expired: Bilingual(zh: "已到期", en: "Expired")
        case .lapsed: Bilingual(zh: "已失效（未确认）", en: "Lapsed (unconfirmed)")
        }
    }

    /// Whether a lease in this state still holds its parcel (the parcel cannot be sold again).
    public var holdsLand: Bool { ![.lapsed, .reclaimed, .expired].contains(self) }

    /// The states a lease may move to from this one.
    public var next: Set<LeaseState> {
        switch self {
        case .auctioned: [.confirmed, .lapsed]
        case .confirmed: [.contracted]
        case .contracted: [.underConstruction]
        case .underConstruction: [.inProduction, .assessmentDue]
        case .inProduction: [.assessmentDue]
        case .assessmentDue: [.assessed]
        case .assessed: [.extended, .reclaimed, .expired]
        case .extended: [.assessmentDue, .expired]
        case .reclaimed, .expired, .lapsed: []
        }
    }

    /// Refuses a move the life cycle does not allow, naming both states.
    public func transition(to target: LeaseState) throws(DomainError) -> LeaseState {
        guard next.contains(target) else {
            let allowed = next.map(\.rawValue).sorted().joined(separator: ", ")
            throw DomainError(.conflict, code: "invalid_transition", field: "state",
                              en: "a lease that is \(rawValue) cannot become \(target.rawValue) (allowed: \(allowed.isEmpty ? "none" : allowed))",
                              zh: "租约状态“\(label.zh)”不能变为“\(target.label.zh)”")
        }
        return target
    }
}

/// The auction that sold a parcel. Money in whole yuan.
public struct AuctionRecord: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var reservePriceYuan: Int64
    public var winningBidYuan: Int64
    public var depositYuan: Int64
    public var winnerEnterpriseID: UUID
    /// The date the confirmation of the deal was signed, if it was.
    public var confirmedOn: LocalDate?
    public init(date: LocalDate, reservePriceYuan: Int64, winningBidYuan: Int64, depositYuan: Int64,
                winnerEnterpriseID: UUID, confirmedOn: LocalDate? = nil) {
        self.date = date; self.reservePriceYuan = reservePriceYuan; self.winningBidYuan = winningBidYuan
        self.depositYuan = depositYuan; self.winnerEnterpriseID = winnerEnterpriseID; self.confirmedOn = confirmedOn
    }
}

/// The Land Grant Contract (出让合同) terms.
public struct GrantContract: Sendable, Hashable, Codable {
    public var signedOn: LocalDate
    public var startDate: LocalDate
    public var firstTermYears: Int
    public var maxTotalYears: Int
    public var priceYuan: Int64
    public init(signedOn: LocalDate, startDate: LocalDate, firstTermYears: Int = 10, maxTotalYears: Int = 30, priceYuan: Int64) {
        self.signedOn = signedOn; self.startDate = startDate; self.firstTermYears = firstTermYears
        self.maxTotalYears = maxTotalYears; self.priceYuan = priceYuan
    }
}

/// What a commitment of the Industry Development Agreement measures.
public enum CommitmentKind: String, Sendable, Codable, CaseIterable {
    case totalInvestment = "total_investment"          // yuan, from investment to date
    case investmentIntensity = "investment_intensity"  // yuan per mu
    case productionStart = "production_start"          // by a date
    case taxPerMu = "tax_per_mu"                       // yuan per mu per year
    case outputPerMu = "output_per_mu"                 // revenue yuan per mu per year
    case rdRatio = "rd_ratio"                          // R&D spend ÷ revenue
    case valueAddedPerEnergy = "value_added_per_energy"     // yuan per t standard coal
    case valueAddedPerEmissions = "value_added_per_emissions" // yuan per t emissions
    case jobs                                          // average employees
    case custom
}

public enum CommitmentDirection: String, Sendable, Codable, CaseIterable {
    case atLeast = "at_least", atMost = "at_most", byDate = "by_date"
}

public enum CommitmentMeasure: String, Sendable, Codable, CaseIterable {
    case cumulative, latest
    case averageLastYears = "average_last_years"
}

/// One commitment of an Industry Development Agreement (产业发展协议).
public struct Commitment: Sendable, Hashable, Codable {
    public var kind: CommitmentKind
    /// For `custom`: what is measured (the report's `custom` figures are keyed by it).
    public var label: String
    /// The target value in the kind's unit; for `byDate` commitments, ignored (see `targetDate`).
    public var target: Double
    public var targetDate: LocalDate?
    public var direction: CommitmentDirection
    public var measure: CommitmentMeasure
    /// k for `averageLastYears`.
    public var years: Int
    public var mandatory: Bool
    public var weight: Double

    public init(kind: CommitmentKind, label: String = "", target: Double = 0, targetDate: LocalDate? = nil,
                direction: CommitmentDirection = .atLeast, measure: CommitmentMeasure = .latest, years: Int = 1,
                mandatory: Bool = false, weight: Double = 1) {
        self.kind = kind; self.label = label; self.target = target; self.targetDate = targetDate
        self.direction = direction; self.measure = measure; self.years = years; self.mandatory = mandatory
        self.weight = weight
    }
}

/// Where a yearly report's figures came from.
public enum ReportSource: String, Sendable, Codable, CaseIterable {
    case selfReported = "self_reported", taxBureau = "tax_bureau", statisticsBureau = "statistics_bureau"

    public var label: Bilingual {
        switch self {
        case .selfReported: Bilingual(zh: "企业自报", en: "Self-reported")
        case .taxBureau: Bilingual(zh: "税务局", en: "Tax bureau")
        case .statisticsBureau: Bilingual(zh: "统计局", en: "Statistics bureau")
        }
    }
}

public enum VerificationStatus: String, Sendable, Codable, CaseIterable {
    case unverified, verified, rejected
}

/// One year's performance of a lease. Money in whole yuan.
public struct PerformanceReport: Sendable, Hashable, Codable {
    public var year: Int
    public var investmentToDateYuan: Int64
    public var productionStartDate: LocalDate?
    public var taxPaidYuan: Int64
    public var revenueYuan: Int64
    public var valueAddedYuan: Int64
    public var rdSpendYuan: Int64
    public var energyTonnesCoal: Double
    /// Electricity bought in the year (kWh), for tax per kWh in the per-mu evaluation.
    public var electricityKWh: Double
    public var emissionsTonnes: Double
    public var averageEmployees: Int
    public var custom: [String: Double]
    public var source: ReportSource
    public var verification: VerificationStatus

    public init(year: Int, investmentToDateYuan: Int64 = 0, productionStartDate: LocalDate? = nil, taxPaidYuan: Int64 = 0,
                revenueYuan: Int64 = 0, valueAddedYuan: Int64 = 0, rdSpendYuan: Int64 = 0, energyTonnesCoal: Double = 0,
                electricityKWh: Double = 0,
                emissionsTonnes: Double = 0, averageEmployees: Int = 0, custom: [String: Double] = [:],
                source: ReportSource = .selfReported, verification: VerificationStatus = .unverified) {
        self.year = year; self.investmentToDateYuan = investmentToDateYuan; self.productionStartDate = productionStartDate
        self.taxPaidYuan = taxPaidYuan; self.revenueYuan = revenueYuan; self.valueAddedYuan = valueAddedYuan
        self.rdSpendYuan = rdSpendYuan; self.energyTonnesCoal = energyTonnesCoal; self.electricityKWh = electricityKWh
        self.emissionsTonnes = emissionsTonnes
        self.averageEmployees = averageEmployees; self.custom = custom; self.source = source; self.verification = verification
    }
}

/// A lease as the land bureau tracks it.
public struct Lease: Sendable, Hashable, Codable {
    public var id: UUID?
    public var parcelID: UUID
    public var enterpriseID: UUID
    public var state: LeaseState
    public var auction: AuctionRecord
    public var contract: GrantContract?
    public var commitments: [Commitment]
    /// Years granted after the first term (N); 0 until an extension is decided.
    public var extensionYears: Int

    public init(id: UUID? = nil, parcelID: UUID, enterpriseID: UUID, state: LeaseState, auction: AuctionRecord,
                contract: GrantContract? = nil, commitments: [Commitment] = [], extensionYears: Int = 0) {
        self.id = id; self.parcelID = parcelID; self.enterpriseID = enterpriseID; self.state = state
        self.auction = auction; self.contract = contract; self.commitments = commitments; self.extensionYears = extensionYears
    }
}
