import Foundation

/// FDI of one month as the statistics count it, in hundredths of US$ and of yuan. Utilised FDI
/// is counted by the inflow's arrival month; contracted FDI by the month its ledger entry was
/// recorded (signing or capital change, reductions negative). `comparable…` leave out the
/// financial sector (banking, securities, insurance: the industry categories marked
/// `financial`), the scope year-on-year growth is computed on. `newProjects` counts the
/// projects signed in the month. Month values, not year to date: cumulate them for YTD.
public struct FDIMonthFigures: Sendable, Hashable, Codable {
    public var month: YearMonth
    public var utilisedUSDCents: Int64
    public var utilisedCNYFen: Int64
    public var utilisedComparableUSDCents: Int64
    public var utilisedComparableCNYFen: Int64
    public var contractedUSDCents: Int64
    public var contractedCNYFen: Int64
    public var contractedComparableUSDCents: Int64
    public var contractedComparableCNYFen: Int64
    public var newProjects: Int

    public init(month: YearMonth, utilisedUSDCents: Int64 = 0, utilisedCNYFen: Int64 = 0, utilisedComparableUSDCents: Int64 = 0,
                utilisedComparableCNYFen: Int64 = 0, contractedUSDCents: Int64 = 0, contractedCNYFen: Int64 = 0,
                contractedComparableUSDCents: Int64 = 0, contractedComparableCNYFen: Int64 = 0, newProjects: Int = 0) {
        self.month = month; self.utilisedUSDCents = utilisedUSDCents; self.utilisedCNYFen = utilisedCNYFen
        self.utilisedComparableUSDCents = utilisedComparableUSDCents; self.utilisedComparableCNYFen = utilisedComparableCNYFen
        self.contractedUSDCents = contractedUSDCents; self.contractedCNYFen = contractedCNYFen
        self.contractedComparableUSDCents = contractedComparableUSDCents; self.contractedComparableCNYFen = contractedComparableCNYFen
        self.newProjects = newProjects
    }
}

/// Industry categories the FDI statistics need, kept as data per GB/T 4754 division.
public enum IndustryCategory: String, Sendable, Codable, CaseIterable {
    /// Banking, securities, insurance: left out of the comparable scope.
    case financial
    /// Strategic emerging industries (战略性新兴产业).
    case strategicEmerging = "strategic_emerging"
    /// High-tech manufacturing (高技术制造业).
    case highTechManufacturing = "high_tech_manufacturing"

    public var label: Bilingual {
        switch self {
        case .financial: Bilingual(zh: "金融业（不计入同口径）", en: "Financial sector (outside the comparable scope)")
        case .strategicEmerging: Bilingual(zh: "战略性新兴产业", en: "Strategic emerging industries")
        case .highTechManufacturing: Bilingual(zh: "高技术制造业", en: "High-tech manufacturing")
        }
    }

    /// The defaults seeded by the migration: financial 66 (monetary finance, i.e. banking), 67
    /// (capital markets, securities), 68 (insurance); high-tech manufacturing 27 (medicines),
    /// 37 (aircraft and spacecraft, railway and ships), 39 (computers, communications and other
    /// electronics), 40 (instruments); strategic emerging the divisions the park's clusters
    /// live in: 26 (chemicals, new materials), 27, 34 and 35 (general and special equipment),
    /// 38 (electrical machinery, new energy), 39, 40, 63, 64 and 65 (telecoms, internet,
    /// software and IT services), 73 (research and experimental development).
    public static let defaults: [(division: String, category: IndustryCategory)] =
        ["66", "67", "68"].map { ($0, .financial) }
        + ["27", "37", "39", "40"].map { ($0, .highTechManufacturing) }
        + ["26", "27", "34", "35", "38", "39", "40", "63", "64", "65", "73"].map { ($0, .strategicEmerging) }
}
