import Foundation

/// The indicator catalogue: SIP's headline set (DOMAIN.md §7, §10), shipped as the rows the
/// migration stores. A park adds or changes indicators as data.
public enum IndicatorCatalogue {
    static let statistics = Bilingual(zh: "统计局", en: "Statistics bureau")
    static let finance = Bilingual(zh: "财政局", en: "Finance bureau")
    static let customs = Bilingual(zh: "海关", en: "Customs")
    static let commerce = Bilingual(zh: "商务局", en: "Commerce bureau")
    static let tax = Bilingual(zh: "税务局", en: "Tax bureau")
    static let market = Bilingual(zh: "市场监督管理局", en: "Market supervision")

    /// SIP's headline set, in the order of the leadership page.
    public static let sipHeadline: [IndicatorDefinition] = [
        IndicatorDefinition(code: "gdp", name: Bilingual(zh: "地区生产总值", en: "Regional GDP"), unit: .yiYuan,
                            frequency: .quarterly, levelBasis: .current, growthBasis: .constantPrices, source: statistics, position: 1),
        IndicatorDefinition(code: "budget_revenue", name: Bilingual(zh: "一般公共预算收入", en: "General public budget revenue"),
                            unit: .yiYuan, source: finance, position: 2),
        IndicatorDefinition(code: "industrial_output", name: Bilingual(zh: "规模以上工业总产值", en: "Above-scale industrial output"),
                            unit: .yiYuan, growthBasis: .comparableSet, source: statistics, derivation: .reportOutput, position: 3),
        IndicatorDefinition(code: "trade", name: Bilingual(zh: "进出口总额", en: "Imports and exports"), unit: .yiYuan,
                            source: customs, position: 4),
        IndicatorDefinition(code: "fdi_utilised", name: Bilingual(zh: "实际使用外资", en: "Utilised FDI"), unit: .yiUSD,
                            growthBasis: .comparableScope, source: commerce, derivation: .fdiUtilised, position: 5),
        IndicatorDefinition(code: "fdi_contracted", name: Bilingual(zh: "合同外资", en: "Contracted (registered) FDI"), unit: .yiUSD,
                            source: commerce, derivation: .fdiContracted, position: 6),
        IndicatorDefinition(code: "fixed_asset_investment", name: Bilingual(zh: "固定资产投资", en: "Fixed-asset investment"),
                            unit: .yiYuan, source: statistics, position: 7),
        IndicatorDefinition(code: "tax_revenue", name: Bilingual(zh: "税收收入", en: "Tax revenue"), unit: .yiYuan,
                            source: tax, derivation: .reportTax, headline: false, position: 8),
        IndicatorDefinition(code: "enterprises", name: Bilingual(zh: "在册企业数", en: "Registered enterprises"), unit: .enterprises,
                            accumulation: .stock, growthBasis: .nominal, source: market, derivation: .enterpriseCount,
                            headline: false, position: 9),
    ]

    /// The shipped definition of `code`, if any.
    public static func shipped(_ code: String) -> IndicatorDefinition? { sipHeadline.first { $0.code == code } }
}
