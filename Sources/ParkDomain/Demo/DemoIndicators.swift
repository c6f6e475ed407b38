import Foundation

/// The demo park's published series (issue 13 item 9): monthly (GDP quarterly) YTD values from
/// 2019-01 to the last month ended, consistent with SIP's H1 2020 figures (DOMAIN.md §7): GDP
/// 1,290 亿元 +2.1 % (constant prices), trade 3,052 亿元 +4.5 %, contracted and utilised FDI
/// US$20.7 亿 and 12.8 亿, +149 % and +196 %. Each year is a total spread over the months by a
/// seasonal profile with a little deterministic wobble; the first half of 2019 and of 2020 are
/// pinned so the H1 figures and their growth come out exactly.
public enum DemoIndicators {
    struct Plan: Sendable {
        var code: String
        /// The H1 2020 YTD level and its year-on-year growth (levels), or the 2019 total.
        var h1_2020: Decimal?
        var levelsGrowth2020: Double
        var total2019: Decimal
        /// Yearly level growth from 2021 on.
        var growth: [Int: Double]
        /// What is published as growth, from the levels' growth in percent (nil: nothing published).
        var published: @Sendable (_ levelsPct: Double, _ month: YearMonth) -> Double?
    }

    /// The share of the year by month: first half 45 %.
    static let season: [Double] = [0.06, 0.055, 0.08, 0.08, 0.085, 0.09, 0.085, 0.085, 0.09, 0.085, 0.09, 0.115]

    static let plans: [Plan] = [
        // GDP: levels at current prices grow ~1.5 points faster than the constant-price growth published.
        Plan(code: "gdp", h1_2020: 1290, levelsGrowth2020: 3.6, total2019: 0, growth: [2021: 11.5, 2022: 4.0, 2023: 6.3, 2024: 5.2, 2025: 5.6, 2026: 5.4],
             published: { p, m in YearMonth(year: 2020, month: 6) == m ? 2.1 : p - 1.5 }),
        Plan(code: "trade", h1_2020: 3052, levelsGrowth2020: 4.5, total2019: 0, growth: [2021: 12.0, 2022: -3.0, 2023: -5.5, 2024: 4.0, 2025: 3.5, 2026: 2.8],
             published: { p, _ in p }),
        Plan(code: "fdi_contracted", h1_2020: Decimal(string: "20.7")!, levelsGrowth2020: 149, total2019: 0,
             growth: [2021: 8.0, 2022: -12.0, 2023: 5.0, 2024: 6.0, 2025: 4.0, 2026: 3.0], published: { p, _ in p }),
        // FDI utilised: since May 2022 the total includes finance; growth is published on the comparable scope.
        Plan(code: "fdi_utilised", h1_2020: Decimal(string: "12.8")!, levelsGrowth2020: 196, total2019: 0,
             growth: [2021: 15.0, 2022: 6.0, 2023: -8.0, 2024: 3.0, 2025: 5.0, 2026: 4.0],
             published: { p, m in m >= YearMonth(year: 2022, month: 5)! ? p - 0.8 : p }),
        Plan(code: "budget_revenue", h1_2020: nil, levelsGrowth2020: 2.0, total2019: 350, growth: [2021: 9.0, 2022: 1.5, 2023: 6.5, 2024: 3.0, 2025: 4.2, 2026: 3.8],
             published: { p, _ in p }),
        // Above-scale output: compared on this year's firms, so published growth is not the levels' ratio.
        Plan(code: "industrial_output", h1_2020: nil, levelsGrowth2020: 3.0, total2019: 5200, growth: [2021: 14.0, 2022: 5.0, 2023: 3.0, 2024: 4.5, 2025: 5.0, 2026: 4.6],
             published: { p, _ in p + 1.2 }),
        Plan(code: "fixed_asset_investment", h1_2020: nil, levelsGrowth2020: -4.0, total2019: 620, growth: [2021: 6.0, 2022: 3.0, 2023: -2.0, 2024: 2.5, 2025: 3.0, 2026: 2.0],
             published: { p, _ in p }),
        Plan(code: "tax_revenue", h1_2020: nil, levelsGrowth2020: 1.5, total2019: 300, growth: [2021: 8.5, 2022: 0.5, 2023: 5.5, 2024: 2.5, 2025: 3.8, 2026: 3.5],
             published: { p, _ in p }),
    ]

    /// A deterministic wobble in [-1, 1] for an indicator, year and month.
    static func wobble(_ code: String, _ year: Int, _ month: Int) -> Double {
        var h: UInt64 = 1469598103934665603
        for b in "\(code)/\(year)/\(month)".utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return Double(h % 2001) / 1000 - 1
    }

    /// Twelve YTD shares (the last 1): the season wobbled ±6 %, each half renormalised so the
    /// first half is exactly 45 % of the year.
    static func cumulativeShares(_ code: String, _ year: Int) -> [Double] {
        var w = (0..<12).map { season[$0] * (1 + 0.06 * wobble(code, year, $0 + 1)) }
        let h1 = w[0..<6].reduce(0, +), h2 = w[6..<12].reduce(0, +)
        for i in 0..<6 { w[i] *= 0.45 / h1 }
        for i in 6..<12 { w[i] *= 0.55 / h2 }
        var acc = 0.0
        return w.map { acc += $0; return acc }
    }

    /// The rows of the statistics bureau's file for every plan, 2019-01 through `through`
    /// (quarter ends only for GDP), with growth from 2020 on (2019's own growth is not in the demo).
    public static func rows(through: YearMonth) -> [IndicatorImportRow] {
        var out: [IndicatorImportRow] = []
        var line = 1
        for plan in plans {
            guard let def = IndicatorCatalogue.shipped(plan.code) else { continue }
            // Yearly totals.
            var total: [Int: Double] = [:]
            if let h1 = plan.h1_2020 {
                let t2020 = NSDecimalNumber(decimal: h1).doubleValue / 0.45
                total[2020] = t2020
                total[2019] = t2020 / (1 + plan.levelsGrowth2020 / 100)
            } else {
                total[2019] = NSDecimalNumber(decimal: plan.total2019).doubleValue
                total[2020] = total[2019]! * (1 + plan.levelsGrowth2020 / 100)
            }
            for y in 2021...max(2021, through.year) { total[y] = total[y - 1]! * (1 + (plan.growth[y] ?? 4.0) / 100) }
            // Published to 0.01 亿 (large figures) or 0.0001 亿 (FDI in 亿美元).
            let places = total[2019]! >= 1000 ? 2 : 4
            func ytd(_ m: YearMonth) -> Decimal {
                // H1 of 2019 and 2020 pinned: 45 % of the year exactly, so H1 2020 is the anchor.
                let share = cumulativeShares(plan.code, m.year)[m.month - 1]
                return IndicatorNumber.rounded(Decimal(total[m.year]! * share), places)
            }
            for m in YearMonth(year: 2019, month: 1)!.through(through) {
                if def.frequency == .quarterly && m.month % 3 != 0 { continue }
                var value = ytd(m)
                if let h1 = plan.h1_2020, m == YearMonth(year: 2020, month: 6) { value = h1 }
                var growth = ""
                if m.year >= 2020, let last = m.lastYear {
                    let before = ytd(last)
                    let levels = NSDecimalNumber(decimal: (value - before) / before * 100).doubleValue
                    let anchor = plan.h1_2020 != nil && m == YearMonth(year: 2020, month: 6)
                    if let g = plan.published(anchor && plan.code != "gdp" ? plan.levelsGrowth2020 : levels, m) {
                        growth = IndicatorNumber.text(IndicatorNumber.rounded(Decimal(g), 1))
                    }
                }
                line += 1
                let period = def.frequency == .quarterly ? IndicatorPeriod(year: m.year, quarter: m.month / 3)!.text : m.iso
                out.append(IndicatorImportRow(line: line, indicator: plan.code, period: period, value: IndicatorNumber.text(value), growthPct: growth))
            }
        }
        return out
    }

    /// This year's targets: last year's total grown 2 %, and an ambitious 8 % for trade and
    /// fixed-asset investment (so the demo shows indicators on pace and behind it); GDP also has a
    /// growth target of 3.5 %.
    public static func targets(year: Int, lastYearTotals: [String: Decimal]) -> [IndicatorTarget] {
        lastYearTotals.keys.sorted().map { code in
            let factor = Decimal(string: ["trade", "fixed_asset_investment"].contains(code) ? "1.08" : "1.02")!
            return IndicatorTarget(indicator: code, year: year, level: IndicatorNumber.rounded(lastYearTotals[code]! * factor, 0),
                                   growthPct: code == "gdp" ? Decimal(string: "3.5")! : nil)
        }
    }
}
