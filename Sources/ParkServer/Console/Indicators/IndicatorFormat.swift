import Foundation
import ParkDomain

/// How the indicator pages write their exact decimals (through `Numbers`' conventions: thousands
/// separators, a no-break space before a unit or %).
enum IndicatorFormat {
    /// A published value as officials read it, through the one money formatter (`MoneyScale`):
    /// 1,290 亿元 is "1,290.00 亿元" / "129.00 bn yuan", 12.8 亿美元 "12.80 亿美元" / "US$ 1.28 bn";
    /// counts without decimals ("14,661 家").
    static func level(_ d: Decimal?, _ unit: IndicatorUnit, _ lang: Language) -> String {
        guard let d else { return "—" }
        return unit.text(d, lang).replacingOccurrences(of: " ", with: Numbers.unitSpace)
    }

    /// The unit a chart of `values` is read in (the largest value's): "亿元" / "bn yuan", "家".
    static func unit(_ unit: IndicatorUnit, _ values: [Decimal?], _ lang: Language) -> String {
        unit.unitText(in: unit.moneyScale(values, lang), lang).replacingOccurrences(of: " ", with: Numbers.unitSpace)
    }

    /// A number alone, two decimals (or none for a count).
    static func number(_ d: Decimal?, places: Int = 2) -> String { d.map { DecimalText.fixed($0, places: places) } ?? "—" }

    /// A growth rate with its sign: "+2.1 %", "−3.0 %".
    static func growth(_ d: Decimal?) -> String {
        guard let d else { return "—" }
        let r = IndicatorNumber.rounded(d, 1)
        return (r > 0 ? "+" : r < 0 ? "−" : "") + DecimalText.fixed(r.magnitude, places: 1) + Numbers.unitSpace + "%"
    }

    /// A share in percent: "45.5 %".
    static func share(_ d: Decimal?) -> String { d.map { DecimalText.fixed($0, places: 1) + Numbers.unitSpace + "%" } ?? "—" }

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }
}

/// The leadership page's SVG: trend lines this year against last, target progress, bars. Only
/// attributes (the CSP drops inline styles).
enum IndicatorCharts {
    /// This year's levels (solid) against last year's (dashed) by month.
    static func trend(_ t: IndicatorTrend, _ lang: Language) -> HTML {
        let w = 360.0, h = 150.0, left = 8.0, right = 8.0, top = 10.0, bottom = 22.0
        let all = (t.thisYear + t.lastYear).compactMap { $0 }.map(IndicatorFormat.double)
        guard let maxV = all.max(), maxV > 0 else {
            return "<p class=\"sub\">\(IndicatorText.noValue(lang))</p>"
        }
        func x(_ i: Int) -> Double { left + (w - left - right) * Double(i) / 11 }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - v / (maxV * 1.05)) }
        func line(_ values: [Decimal?], _ color: String, dashed: Bool) -> HTML {
            let pts = values.enumerated().compactMap { i, v in v.map { String(format: "%.1f,%.1f", x(i), y(IndicatorFormat.double($0))) } }
            guard !pts.isEmpty else { return .empty }
            let dots = values.enumerated().compactMap { i, v -> HTML? in
                v.map { HTML(raw: String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"\(color)\"/>", x(i), y(IndicatorFormat.double($0)))) }
            }
            return "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(HTML(raw: dashed ? " stroke-dasharray=\"5 4\"" : ""))/>\(dots)"
        }
        let labels = (0..<12).map { i -> HTML in
            HTML(raw: String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6b7a\">%d</text>", x(i), h - 6, i + 1))
        }
        let axis = HTML(raw: String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cdd5df\"/>", left, h - bottom, w - right, h - bottom))
        return """
        <svg class="chart" viewBox="0 0 \(Int(w)) \(Int(h))" role="img" aria-label="\(IndicatorText.trend(lang))">\(axis)\(labels)\(line(t.lastYear, "#9aa5b4", dashed: true))\(line(t.thisYear, "#0b5cab", dashed: false))</svg>
        <div class="legends"><span class="legend"><svg class="swatch" viewBox="0 0 14 14"><rect width="14" height="4" y="5" fill="#0b5cab"/></svg>\(String(t.year)) \(IndicatorText.thisYear(lang))</span>
        <span class="legend"><svg class="swatch" viewBox="0 0 14 14"><rect width="14" height="4" y="5" fill="#9aa5b4"/></svg>\(String(t.year - 1)) \(IndicatorText.lastYear(lang))</span></div>
        """
    }

    /// Progress against the target as a bar, with the pace as a marker line.
    static func progress(_ p: TargetProgress) -> HTML {
        guard let share = p.sharePct else { return .empty }
        let filled = min(100, max(0, IndicatorFormat.double(share)))
        let pace = p.expectedSharePct.map { min(100, max(0, IndicatorFormat.double($0))) }
        let colour = p.behind ? "#c62828" : "#1a7f37"
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        let marker = pace.map { "<line x1=\"\(f($0))\" y1=\"0\" x2=\"\(f($0))\" y2=\"14\" stroke=\"#1c2430\" stroke-width=\"1.5\"/>" } ?? ""
        return HTML(raw: "<svg class=\"track progress\" viewBox=\"0 0 100 14\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"100\" height=\"14\" fill=\"#eef2f7\"/><rect width=\"\(f(filled))\" height=\"14\" fill=\"\(colour)\"/>\(marker)</svg>")
    }
}
