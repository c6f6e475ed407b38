import Foundation

/// The currency or kind of quantity an indicator is published in. Every figure carries it:
/// trade was once published in US$, FDI is published in US$ and yuan.
public enum IndicatorCurrency: String, Sendable, Codable, CaseIterable {
    case cny
    case usd
    /// A count (enterprises, projects): no currency.
    case count
}

/// The scale of the published figure: 1, 万 (10^4) or 亿 (10^8).
public enum IndicatorScale: String, Sendable, Codable, CaseIterable {
    case one
    case wan
    case yi

    /// 10^0, 10^4, 10^8.
    public var factor: Decimal {
        switch self {
        case .one: 1
        case .wan: 10_000
        case .yi: 100_000_000
        }
    }
}

/// An indicator's unit: currency and scale ("亿元", "亿美元", "万元", "家").
public struct IndicatorUnit: Sendable, Hashable, Codable {
    public var currency: IndicatorCurrency
    public var scale: IndicatorScale

    public init(_ currency: IndicatorCurrency, _ scale: IndicatorScale) { self.currency = currency; self.scale = scale }

    public static let yiYuan = IndicatorUnit(.cny, .yi)
    public static let wanYuan = IndicatorUnit(.cny, .wan)
    public static let yuan = IndicatorUnit(.cny, .one)
    public static let yiUSD = IndicatorUnit(.usd, .yi)
    public static let wanUSD = IndicatorUnit(.usd, .wan)
    public static let enterprises = IndicatorUnit(.count, .one)

    /// The unit a series is published and imported in: 亿元 / "100 million yuan", 家 /
    /// enterprises. Figures are written through `text(_:_:)` (MoneyScale), never as a number
    /// followed by this label.
    public var label: Bilingual {
        switch (currency, scale) {
        case (.cny, .one): Bilingual(zh: "元", en: "yuan")
        case (.cny, .wan): Bilingual(zh: "万元", en: "10,000 yuan")
        case (.cny, .yi): Bilingual(zh: "亿元", en: "100 million yuan")
        case (.usd, .one): Bilingual(zh: "美元", en: "US$")
        case (.usd, .wan): Bilingual(zh: "万美元", en: "US$ 10,000")
        case (.usd, .yi): Bilingual(zh: "亿美元", en: "US$ 100 million")
        case (.count, .one): Bilingual(zh: "家", en: "enterprises")
        case (.count, .wan): Bilingual(zh: "万家", en: "10k enterprises")
        case (.count, .yi): Bilingual(zh: "亿家", en: "100 M enterprises")
        }
    }
}

/// Whether a published series is cumulative from January (statistical offices publish most
/// indicators this way) or a value for the period alone.
public enum IndicatorAccumulation: String, Sendable, Codable, CaseIterable {
    case ytd
    case periodic
    /// A level at the period's end (enterprises on the register): never summed.
    case stock

    public var label: Bilingual {
        switch self {
        case .ytd: Bilingual(zh: "年初累计", en: "Year to date")
        case .periodic: Bilingual(zh: "当期值", en: "Value for the period")
        case .stock: Bilingual(zh: "期末数", en: "Level at the period's end")
        }
    }
}

/// How often the series is published: monthly, or quarterly (GDP).
public enum IndicatorFrequency: String, Sendable, Codable, CaseIterable {
    case monthly
    case quarterly

    public var label: Bilingual {
        switch self {
        case .monthly: Bilingual(zh: "月度", en: "Monthly")
        case .quarterly: Bilingual(zh: "季度", en: "Quarterly")
        }
    }
}

/// The basis of a level or of a growth rate (DOMAIN.md §10): GDP levels are at current prices
/// and its growth at constant prices; above-scale industry compares with last year recomputed
/// on this year's set of firms; FDI growth (since 2022) on a comparable scope leaving out
/// banking, securities and insurance; everything else is nominal.
public enum PriceBasis: String, Sendable, Codable, CaseIterable {
    case current
    case nominal
    case constantPrices = "constant_prices"
    case comparableSet = "comparable_set"
    case comparableScope = "comparable_scope"

    public var label: Bilingual {
        switch self {
        case .current: Bilingual(zh: "现价", en: "Current prices")
        case .nominal: Bilingual(zh: "名义增速", en: "Nominal")
        case .constantPrices: Bilingual(zh: "可比价", en: "Constant prices")
        case .comparableSet: Bilingual(zh: "同口径（本年企业）", en: "Comparable set (this year's firms)")
        case .comparableScope: Bilingual(zh: "可比口径（不含金融业）", en: "Comparable scope (excluding finance)")
        }
    }
}

/// What ParkOS can compute an indicator from, in its own records.
public enum IndicatorDerivation: String, Sendable, Codable, CaseIterable {
    /// Tax paid in the yearly lease reports (newest version of each).
    case reportTax = "report_tax"
    /// Revenue of above-size firms in the yearly lease reports (output), with the comparable set.
    case reportOutput = "report_output"
    /// Enterprises registered and not deregistered at the period's end.
    case enterpriseCount = "enterprise_count"
    /// Utilised FDI from the investment module's ledgers.
    case fdiUtilised = "fdi_utilised"
    /// Contracted (registered) FDI from the investment module's ledgers.
    case fdiContracted = "fdi_contracted"

    public var label: Bilingual {
        switch self {
        case .reportTax: Bilingual(zh: "用地企业年报税收", en: "Tax in the yearly lease reports")
        case .reportOutput: Bilingual(zh: "规上企业年报营业收入", en: "Above-size firms' revenue in the yearly reports")
        case .enterpriseCount: Bilingual(zh: "企业名录", en: "The enterprise register")
        case .fdiUtilised: Bilingual(zh: "招商台账实际使用外资", en: "Utilised FDI in the investment ledgers")
        case .fdiContracted: Bilingual(zh: "招商台账合同外资", en: "Contracted FDI in the investment ledgers")
        }
    }

    /// Derived from yearly records (the figure exists per year, not per month).
    public var isYearly: Bool { self == .reportTax || self == .reportOutput }
}

/// One indicator of the catalogue (data: stored in `indicators`, shipped with SIP's headline set).
public struct IndicatorDefinition: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public var unit: IndicatorUnit
    public var accumulation: IndicatorAccumulation
    public var frequency: IndicatorFrequency
    public var levelBasis: PriceBasis
    public var growthBasis: PriceBasis
    /// The department that publishes it.
    public var source: Bilingual
    public var derivation: IndicatorDerivation?
    /// On the leadership page's headline tiles.
    public var headline: Bool
    /// Order on pages and in reports.
    public var position: Int

    public init(code: String, name: Bilingual, unit: IndicatorUnit, accumulation: IndicatorAccumulation = .ytd,
                frequency: IndicatorFrequency = .monthly, levelBasis: PriceBasis = .current, growthBasis: PriceBasis = .nominal,
                source: Bilingual, derivation: IndicatorDerivation? = nil, headline: Bool = true, position: Int) {
        self.code = code; self.name = name; self.unit = unit; self.accumulation = accumulation; self.frequency = frequency
        self.levelBasis = levelBasis; self.growthBasis = growthBasis; self.source = source; self.derivation = derivation
        self.headline = headline; self.position = position
    }

    /// Growth may be computed from the two years' levels only when it is nominal; otherwise the
    /// published rate is the only headline growth (never replaced by the levels' ratio).
    public var growthDerivableFromLevels: Bool { growthBasis == .nominal }

    /// Codes are lower-case letters, digits and `_`, 2–40 characters.
    public static func validate(code: String) throws(DomainError) {
        guard (2...40).contains(code.count), code.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) else {
            throw DomainError(code: "invalid_code", field: "code",
                              en: "an indicator code is 2–40 lower-case letters, digits or _, not '\(code.prefix(40))'",
                              zh: "指标代码须为 2–40 个小写字母、数字或下划线，而非“\(code.prefix(40))”")
        }
    }
}
