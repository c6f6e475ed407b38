import Foundation

/// A per-mu evaluation indicator (亩均效益评价指标, DOMAIN.md §2) and its definition from one
/// enterprise-year's figures. Units: money in 万元 (10,000 yuan) as the published benchmarks
/// use, land in mu, energy in tonnes of standard coal (吨标煤), emissions in tonnes of main
/// pollutants, electricity in kWh; tax per kWh alone is in yuan (the 2022 benchmark 0.2352 is
/// yuan per kWh).
///
/// A value is missing (and the indicator's `PerMuMissingRule` applies) when a figure it needs is
/// not reported, when its denominator is 0 or negative, or when the quotient is not finite.
public enum PerMuIndicator: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tax per mu = evaluated tax (万元) ÷ land (mu), 万元/mu.
    case taxPerMu = "tax_per_mu"
    /// Value added per mu = industrial value added (万元) ÷ land (mu), 万元/mu.
    case valueAddedPerMu = "value_added_per_mu"
    /// Value added per unit of energy = value added (万元) ÷ energy (t standard coal), 万元/tce.
    case valueAddedPerEnergy = "value_added_per_energy"
    /// Value added per unit of emissions = value added (万元) ÷ main pollutant emissions (t), 万元/t.
    case valueAddedPerEmissions = "value_added_per_emissions"
    /// Labour productivity = value added (万元) ÷ average employees, 万元/person.
    case labourProductivity = "labour_productivity"
    /// R&D intensity = R&D spend (万元) ÷ main business revenue (万元), a fraction (0.0302 = 3.02 %).
    case rdIntensity = "rd_intensity"
    /// Tax per kWh = tax (yuan, i.e. 万元 × 10,000) ÷ electricity used (kWh), yuan/kWh.
    case taxPerKWh = "tax_per_kwh"
    /// Sales per mu = main business revenue (万元) ÷ land (mu), 万元/mu.
    case salesPerMu = "sales_per_mu"

    /// The indicator's name in both languages.
    public var name: Bilingual {
        switch self {
        case .taxPerMu: Bilingual(zh: "亩均税收", en: "tax per mu")
        case .valueAddedPerMu: Bilingual(zh: "亩均增加值", en: "value added per mu")
        case .valueAddedPerEnergy: Bilingual(zh: "单位能耗增加值", en: "value added per unit of energy")
        case .valueAddedPerEmissions: Bilingual(zh: "单位排放增加值", en: "value added per unit of emissions")
        case .labourProductivity: Bilingual(zh: "全员劳动生产率", en: "labour productivity")
        case .rdIntensity: Bilingual(zh: "研发经费投入强度", en: "R&D intensity")
        case .taxPerKWh: Bilingual(zh: "单位电耗税收", en: "tax per kWh")
        case .salesPerMu: Bilingual(zh: "亩均销售收入", en: "sales per mu")
        }
    }

    /// The unit of the indicator's value.
    public var unit: Bilingual {
        switch self {
        case .taxPerMu, .valueAddedPerMu, .salesPerMu: Bilingual(zh: "万元/亩", en: "万元/mu")
        case .valueAddedPerEnergy: Bilingual(zh: "万元/吨标煤", en: "万元/t standard coal")
        case .valueAddedPerEmissions: Bilingual(zh: "万元/吨", en: "万元/t")
        case .labourProductivity: Bilingual(zh: "万元/人", en: "万元/person")
        case .rdIntensity: Bilingual(zh: "（比值）", en: "(ratio)")
        case .taxPerKWh: Bilingual(zh: "元/千瓦时", en: "yuan/kWh")
        }
    }

    /// The definition in words, with units.
    public var definition: Bilingual {
        switch self {
        case .taxPerMu: Bilingual(zh: "实缴税收（万元）÷ 用地面积（亩）", en: "tax (万元) ÷ land (mu)")
        case .valueAddedPerMu: Bilingual(zh: "工业增加值（万元）÷ 用地面积（亩）", en: "industrial value added (万元) ÷ land (mu)")
        case .valueAddedPerEnergy: Bilingual(zh: "工业增加值（万元）÷ 综合能耗（吨标煤）",
                                             en: "value added (万元) ÷ energy (t standard coal)")
        case .valueAddedPerEmissions: Bilingual(zh: "工业增加值（万元）÷ 主要污染物排放量（吨）",
                                                en: "value added (万元) ÷ main pollutant emissions (t)")
        case .labourProductivity: Bilingual(zh: "工业增加值（万元）÷ 年平均职工人数", en: "value added (万元) ÷ average employees")
        case .rdIntensity: Bilingual(zh: "研发经费支出（万元）÷ 主营业务收入（万元）", en: "R&D spend (万元) ÷ main business revenue (万元)")
        case .taxPerKWh: Bilingual(zh: "实缴税收（元）÷ 用电量（千瓦时）", en: "tax (yuan) ÷ electricity (kWh)")
        case .salesPerMu: Bilingual(zh: "主营业务收入（万元）÷ 用地面积（亩）", en: "main business revenue (万元) ÷ land (mu)")
        }
    }

    /// Whether the group's enterprises report the figures the indicator needs. Below-size
    /// enterprises file no industrial statistics (value added, energy, emissions, employees and
    /// R&D come from the above-size reporting system), so their group may use tax per mu, tax per
    /// kWh and sales per mu only; the above-size group may use every indicator.
    public func isAvailable(in group: PerMuGroupKind) -> Bool {
        switch group {
        case .aboveSize: true
        case .belowSize: self == .taxPerMu || self == .taxPerKWh || self == .salesPerMu
        }
    }

    /// Stable code for the columnar engine.
    var code: UInt8 {
        switch self {
        case .taxPerMu: 0
        case .valueAddedPerMu: 1
        case .valueAddedPerEnergy: 2
        case .valueAddedPerEmissions: 3
        case .labourProductivity: 4
        case .rdIntensity: 5
        case .taxPerKWh: 6
        case .salesPerMu: 7
        }
    }
}

/// The two groups a scheme scores with separate indicator sets: above-designated-size
/// industrial enterprises (规上, annual revenue ≥ 20 million yuan) and below-size ones (规下).
public enum PerMuGroupKind: String, Sendable, Hashable, Codable, CaseIterable {
    case aboveSize = "above_size"
    case belowSize = "below_size"

    /// The group's name in both languages.
    public var name: Bilingual {
        switch self {
        case .aboveSize: Bilingual(zh: "规上企业", en: "above-size enterprises")
        case .belowSize: Bilingual(zh: "规下企业", en: "below-size enterprises")
        }
    }

    /// 0 above-size, 1 below-size (the columns' `group` code).
    var code: UInt8 { self == .aboveSize ? 0 : 1 }
}

/// Whether a larger value of an indicator is better (tax per mu) or a smaller one (energy per
/// unit of output, when a scheme uses such an indicator the other way round).
public enum PerMuDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
}

/// The four grades: A priority (优先发展类), B upgrade (提升发展类), C regulate and assist
/// (帮扶转型类), D forced rectification (倒逼整治类). `A < B` means A is the better grade.
public enum PerMuGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"

    /// 0 for A … 3 for D (the batch's grade codes).
    public var code: UInt8 {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        case .d: 3
        }
    }

    /// The grade of a batch code 0…3, nil for any other code (ungraded, out of scope).
    public init?(code: UInt8) {
        switch code {
        case 0: self = .a
        case 1: self = .b
        case 2: self = .c
        case 3: self = .d
        default: return nil
        }
    }

    /// The grade's name in both languages.
    public var label: Bilingual {
        switch self {
        case .a: Bilingual(zh: "A 类（优先发展类）", en: "A (priority)")
        case .b: Bilingual(zh: "B 类（提升发展类）", en: "B (upgrade)")
        case .c: Bilingual(zh: "C 类（帮扶转型类）", en: "C (regulate and assist)")
        case .d: Bilingual(zh: "D 类（倒逼整治类）", en: "D (forced rectification)")
        }
    }

    /// A is better than (less than) B.
    public static func < (lhs: PerMuGrade, rhs: PerMuGrade) -> Bool { lhs.code < rhs.code }
}
