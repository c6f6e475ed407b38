import Foundation

/// The dimensions ParkOS breaks its own figures down by.
public enum BreakdownDimension: String, Sendable, Codable, CaseIterable {
    case cluster
    case ownership
    case origin
    case size
    case subArea = "sub_area"

    public var label: Bilingual {
        switch self {
        case .cluster: Bilingual(zh: "产业集群", en: "Cluster")
        case .ownership: Bilingual(zh: "所有制", en: "Ownership")
        case .origin: Bilingual(zh: "投资来源地", en: "Origin country")
        case .size: Bilingual(zh: "规模", en: "Size")
        case .subArea: Bilingual(zh: "片区", en: "Sub-area")
        }
    }
}

/// The figures a breakdown and a drill-down can show.
public enum DerivedMetric: String, Sendable, Codable, CaseIterable {
    case enterprises
    case tax
    case output

    public var label: Bilingual {
        switch self {
        case .enterprises: Bilingual(zh: "企业数", en: "Enterprises")
        case .tax: Bilingual(zh: "税收", en: "Tax")
        case .output: Bilingual(zh: "规上产值", en: "Above-scale output")
        }
    }
}

/// One group of a breakdown: its enterprises on the register, their tax and their above-scale
/// output in the data year (yuan).
public struct BreakdownRow: Sendable, Hashable, Codable {
    public var key: String
    public var label: Bilingual
    public var enterprises: Int
    public var taxYuan: Int64
    public var outputYuan: Int64

    public init(key: String, label: Bilingual, enterprises: Int, taxYuan: Int64, outputYuan: Int64) {
        self.key = key; self.label = label; self.enterprises = enterprises; self.taxYuan = taxYuan; self.outputYuan = outputYuan
    }

    public func value(_ metric: DerivedMetric) -> Int64 {
        switch metric {
        case .enterprises: Int64(enterprises)
        case .tax: taxYuan
        case .output: outputYuan
        }
    }
}

/// An enterprise behind a derived figure (the drill-down).
public struct DerivedEnterpriseRow: Sendable, Hashable, Codable {
    public var enterpriseID: UUID
    public var creditCode: String
    public var name: Bilingual
    public var taxYuan: Int64
    public var revenueYuan: Int64
    public var revenueLastYearYuan: Int64
    public var aboveScale: Bool

    public init(enterpriseID: UUID, creditCode: String, name: Bilingual, taxYuan: Int64, revenueYuan: Int64,
                revenueLastYearYuan: Int64, aboveScale: Bool) {
        self.enterpriseID = enterpriseID; self.creditCode = creditCode; self.name = name; self.taxYuan = taxYuan
        self.revenueYuan = revenueYuan; self.revenueLastYearYuan = revenueLastYearYuan; self.aboveScale = aboveScale
    }
}

/// FDI year to date from the investment module's ledgers (DOMAIN.md §8): utilised by arrival,
/// contracted by recording, in US$ cents and yuan fen, with the comparable (non-financial)
/// subset on which growth is computed.
public struct DerivedFDI: Sendable, Hashable, Codable {
    public var utilisedUSDCents: Int64
    public var utilisedLastYearUSDCents: Int64
    public var utilisedComparableUSDCents: Int64
    public var utilisedComparableLastYearUSDCents: Int64
    public var utilisedCNYFen: Int64
    public var contractedUSDCents: Int64
    public var contractedLastYearUSDCents: Int64
    public var contractedComparableUSDCents: Int64
    public var contractedComparableLastYearUSDCents: Int64
    public var contractedCNYFen: Int64
    public var newProjects: Int

    public init(utilisedUSDCents: Int64 = 0, utilisedLastYearUSDCents: Int64 = 0, utilisedComparableUSDCents: Int64 = 0,
                utilisedComparableLastYearUSDCents: Int64 = 0, utilisedCNYFen: Int64 = 0, contractedUSDCents: Int64 = 0,
                contractedLastYearUSDCents: Int64 = 0, contractedComparableUSDCents: Int64 = 0,
                contractedComparableLastYearUSDCents: Int64 = 0, contractedCNYFen: Int64 = 0, newProjects: Int = 0) {
        self.utilisedUSDCents = utilisedUSDCents; self.utilisedLastYearUSDCents = utilisedLastYearUSDCents
        self.utilisedComparableUSDCents = utilisedComparableUSDCents; self.utilisedComparableLastYearUSDCents = utilisedComparableLastYearUSDCents
        self.utilisedCNYFen = utilisedCNYFen; self.contractedUSDCents = contractedUSDCents; self.contractedLastYearUSDCents = contractedLastYearUSDCents
        self.contractedComparableUSDCents = contractedComparableUSDCents
        self.contractedComparableLastYearUSDCents = contractedComparableLastYearUSDCents; self.contractedCNYFen = contractedCNYFen
        self.newProjects = newProjects
    }

    /// Growth on the comparable scope (what is published), and the ratio of the two totals.
    public var utilisedGrowthPct: Decimal? { DerivedFigures.growth(utilisedComparableUSDCents, utilisedComparableLastYearUSDCents) }
    public var utilisedLevelsGrowthPct: Decimal? { DerivedFigures.growth(utilisedUSDCents, utilisedLastYearUSDCents) }
    public var contractedGrowthPct: Decimal? { DerivedFigures.growth(contractedComparableUSDCents, contractedComparableLastYearUSDCents) }
    public var contractedLevelsGrowthPct: Decimal? { DerivedFigures.growth(contractedUSDCents, contractedLastYearUSDCents) }
}

/// The month's enterprise-service figures, from the service module's statistics: requests
/// received in the month and in the same month last year, how many of the month's requests were
/// answered and how many within their limit, their ratings, and how many are still open past
/// their deadline today.
public struct DerivedService: Sendable, Hashable, Codable {
    public var received: Int
    public var receivedLastYear: Int
    public var resolved: Int
    public var resolvedInTime: Int
    public var rated: Int
    public var ratingSum: Int
    public var overdueOpen: Int

    public init(received: Int = 0, receivedLastYear: Int = 0, resolved: Int = 0, resolvedInTime: Int = 0, rated: Int = 0,
                ratingSum: Int = 0, overdueOpen: Int = 0) {
        self.received = received; self.receivedLastYear = receivedLastYear; self.resolved = resolved
        self.resolvedInTime = resolvedInTime; self.rated = rated; self.ratingSum = ratingSum; self.overdueOpen = overdueOpen
    }

    /// Requests received against the same month last year (nil without last year's).
    public var receivedGrowthPct: Decimal? { DerivedFigures.growth(Int64(received), Int64(receivedLastYear)) }
    /// The share of the month's answered requests answered within their limit, in percent.
    public var resolvedInTimePct: Decimal? { resolved == 0 ? nil : Decimal(resolvedInTime) * 100 / Decimal(resolved) }
    public var averageRating: Decimal? { rated == 0 ? nil : Decimal(ratingSum) / Decimal(rated) }
}

/// What ParkOS computes from its own records for a month (issue 13 item 4), with the same
/// conventions as the published figures: tax and above-scale output of the data year (the last
/// full year of yearly reports) and the year before, above-scale output's growth on this year's
/// set of firms (同口径) beside the growth of the two years' own sets, and enterprises on the
/// register at the month's end and a year earlier.
public struct DerivedFigures: Sendable, Codable {
    /// Revenue from which a firm counts as above scale (DOMAIN.md §10): 20 M yuan.
    public static let aboveScaleRevenueYuan: Int64 = 20_000_000

    public var month: YearMonth
    public var dataYear: Int
    public var enterprises: Int
    public var enterprisesLastYear: Int
    public var taxYuan: Int64
    public var taxLastYearYuan: Int64
    /// Revenue of this data year's above-scale firms.
    public var outputYuan: Int64
    /// Last year's revenue of this year's above-scale firms (the comparable base).
    public var outputComparableBaseYuan: Int64
    /// Revenue of last year's above-scale firms (last year's own level).
    public var outputLastYearYuan: Int64
    public var aboveScaleFirms: Int
    public var breakdowns: [BreakdownDimension: [BreakdownRow]]
    /// Year to date through the month, from the investment ledgers (nil when not read).
    public var fdi: DerivedFDI?
    /// The month's service requests, from the service module's statistics (nil when not read).
    public var service: DerivedService?
    /// Outbound investment agreed year to date, from the outbound module's statistics (nil when not read).
    public var odi: DerivedODI?
    /// When these figures were computed (ms since 1970), set when they come from the stored
    /// snapshot (`DerivedSnapshots`); nil when computed for this request.
    public var asOfMillis: Int64?

    public init(month: YearMonth, dataYear: Int, enterprises: Int, enterprisesLastYear: Int, taxYuan: Int64, taxLastYearYuan: Int64,
                outputYuan: Int64, outputComparableBaseYuan: Int64, outputLastYearYuan: Int64, aboveScaleFirms: Int,
                breakdowns: [BreakdownDimension: [BreakdownRow]] = [:]) {
        self.month = month; self.dataYear = dataYear; self.enterprises = enterprises; self.enterprisesLastYear = enterprisesLastYear
        self.taxYuan = taxYuan; self.taxLastYearYuan = taxLastYearYuan; self.outputYuan = outputYuan
        self.outputComparableBaseYuan = outputComparableBaseYuan; self.outputLastYearYuan = outputLastYearYuan
        self.aboveScaleFirms = aboveScaleFirms; self.breakdowns = breakdowns
    }

    /// The data year for a month: the last full year before it (yearly reports are filed after
    /// the year ends), or the month's own year for December.
    public static func dataYear(for month: YearMonth) -> Int { month.month == 12 ? month.year : month.year - 1 }

    static func growth(_ now: Int64, _ then: Int64) -> Decimal? {
        IndicatorEngine.yoy(Decimal(now), Decimal(then))
    }

    public var taxGrowthPct: Decimal? { Self.growth(taxYuan, taxLastYearYuan) }
    /// Above-scale output growth on this year's set of firms: the figure statistics publish.
    public var outputComparableGrowthPct: Decimal? { Self.growth(outputYuan, outputComparableBaseYuan) }
    /// The ratio of the two years' own levels (differs when firms enter or leave the set).
    public var outputLevelsGrowthPct: Decimal? { Self.growth(outputYuan, outputLastYearYuan) }
    public var enterprisesGrowthPct: Decimal? { Self.growth(Int64(enterprises), Int64(enterprisesLastYear)) }

    /// When the figures were computed, in the park's time (UTC+8), "YYYY-MM-DD HH:mm" (nil when
    /// computed for this request).
    public var asOfText: String? {
        asOfMillis.map { ms in
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(secondsFromGMT: 8 * 3600); f.dateFormat = "yyyy-MM-dd HH:mm"
            return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
    }
}
