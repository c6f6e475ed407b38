import Foundation
import ParkDomain

/// Server-rendered SVG charts of the FDI report: monthly bars (utilised and contracted), the
/// year-to-date growth line on the comparable scope, and horizontal breakdown bars.
enum FDICharts {
    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
    static let utilisedColour = "#0b5cab", contractedColour = "#9ecae1"

    /// Paired bars per month, in US$ millions.
    static func monthly(_ months: [FDIMonthFigures], title: String, lang: Language) -> HTML {
        let w = 720.0, h = 240.0, left = 56.0, bottom = 28.0, top = 28.0
        let values = months.map { (Double($0.utilisedUSDCents) / 1e8, Double($0.contractedUSDCents) / 1e8) }
        let maxV = max(1, values.map { max($0.0, $0.1) }.max() ?? 1) * 1.1
        let scale = (h - bottom - top) / maxV
        let slot = (w - left - 8) / Double(max(values.count, 1))
        var parts: [HTML] = ["<text x=\"8\" y=\"16\" font-size=\"12\" font-weight=\"600\">\(title)</text>"]
        for tick in 0...4 {
            let v = maxV * Double(tick) / 4, y = h - bottom - v * scale
            parts.append("<line x1=\"\(f(left))\" x2=\"\(f(w - 8))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#e3e8ef\"/><text x=\"\(f(left - 4))\" y=\"\(f(y + 4))\" font-size=\"12\" text-anchor=\"end\" fill=\"#5f6b7a\">\(Numbers.decimal(v, digits: 0))</text>")
        }
        let labelEvery = max(1, values.count / 12)
        for (i, (u, c)) in values.enumerated() {
            let x = left + Double(i) * slot
            let bw = slot * 0.38
            parts.append("""
            <rect x="\(f(x + slot * 0.1))" y="\(f(h - bottom - u * scale))" width="\(f(bw))" height="\(f(u * scale))" fill="\(utilisedColour)"><title>\(months[i].month.iso) \(Numbers.usd(cents: months[i].utilisedUSDCents, lang))</title></rect>
            <rect x="\(f(x + slot * 0.1 + bw))" y="\(f(h - bottom - c * scale))" width="\(f(bw))" height="\(f(max(0, c) * scale))" fill="\(contractedColour)"><title>\(months[i].month.iso) \(Numbers.usd(cents: months[i].contractedUSDCents, lang))</title></rect>
            """)
            if i % labelEvery == 0 {
                parts.append("<text x=\"\(f(x + slot / 2))\" y=\"\(f(h - 10))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5f6b7a\">\(months[i].month.iso)</text>")
            }
        }
        parts.append("""
        <rect x="\(f(w - 250))" y="6" width="12" height="12" fill="\(utilisedColour)"/><text x="\(f(w - 234))" y="16" font-size="12">\(InvestmentText.utilised(lang))</text>
        <rect x="\(f(w - 130))" y="6" width="12" height="12" fill="\(contractedColour)"/><text x="\(f(w - 114))" y="16" font-size="12">\(InvestmentText.contractedFDI(lang))</text>
        """)
        return "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\(parts)</svg>"
    }

    /// The year-to-date growth of utilised FDI on the comparable scope, month by month, as a
    /// line (months whose prior is zero are left out).
    static func growthLine(_ points: [(YearMonth, Double?)], title: String, lang: Language) -> HTML {
        let w = 720.0, h = 200.0, left = 56.0, bottom = 28.0, top = 28.0
        let known = points.compactMap { p in p.1.map { (p.0, $0 * 100) } }
        var parts: [HTML] = ["<text x=\"8\" y=\"16\" font-size=\"12\" font-weight=\"600\">\(title)</text>"]
        guard !known.isEmpty else {
            return "<svg viewBox=\"0 0 720 200\" xmlns=\"http://www.w3.org/2000/svg\">\(parts)<text x=\"60\" y=\"100\" font-size=\"12\" fill=\"#5f6b7a\">\(InvestmentText.none(lang))</text></svg>"
        }
        let lo = min(0, known.map(\.1).min()!), hi = max(1, known.map(\.1).max()!)
        let span = (hi - lo) * 1.1
        func y(_ v: Double) -> Double { h - bottom - (v - lo) / span * (h - bottom - top) }
        let slot = (w - left - 8) / Double(max(points.count, 1))
        parts.append("<line x1=\"\(f(left))\" x2=\"\(f(w - 8))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#5f6b7a\" stroke-dasharray=\"4 3\"/><text x=\"\(f(left - 4))\" y=\"\(f(y(0) + 4))\" font-size=\"12\" text-anchor=\"end\" fill=\"#5f6b7a\">0</text>")
        var path: [String] = []
        for (i, p) in points.enumerated() {
            guard let g = p.1 else { continue }
            let x = left + Double(i) * slot + slot / 2, yy = y(g * 100)
            path.append("\(path.isEmpty ? "M" : "L")\(f(x)) \(f(yy))")
            parts.append("<circle cx=\"\(f(x))\" cy=\"\(f(yy))\" r=\"3\" fill=\"#de2d26\"><title>\(p.0.iso) \(Numbers.percent(ratio: g, digits: 1))</title></circle>")
        }
        parts.append("<path d=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"#de2d26\" stroke-width=\"2\"/>")
        if let last = known.last {
            parts.append("<text x=\"\(f(w - 8))\" y=\"\(f(y(last.1) - 6))\" font-size=\"12\" text-anchor=\"end\" fill=\"#de2d26\">\(Numbers.decimal(last.1, digits: 1)) %</text>")
        }
        let labelEvery = max(1, points.count / 12)
        for (i, p) in points.enumerated() where i % labelEvery == 0 {
            parts.append("<text x=\"\(f(left + Double(i) * slot + slot / 2))\" y=\"\(f(h - 10))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5f6b7a\">\(p.0.iso)</text>")
        }
        return "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\(parts)</svg>"
    }

    /// `label` cut to about `width` Latin characters (a Chinese character counts two), with "…" when cut.
    static func clipped(_ label: String, width: Int) -> String {
        func cost(_ c: Character) -> Int { (c.unicodeScalars.first?.value ?? 0) >= 0x2E80 ? 2 : 1 }
        guard label.reduce(0, { $0 + cost($1) }) > width else { return label }
        var used = 0, out = ""
        for c in label {
            if used + cost(c) > width - 1 { break }
            used += cost(c); out.append(c)
        }
        return out + "…"
    }

    /// Horizontal bars of utilised FDI by a breakdown's keys (the first 10).
    static func bars(_ lines: [(label: String, cents: Int64)], title: String, lang: Language) -> HTML {
        let top10 = Array(lines.prefix(10))
        // A label column wide enough for "Biomedicine and health" at 12 px; longer labels end in "…"
        // and keep their full text in a tooltip. The card shows the chart about 400 px wide: a
        // wider view box would scale the 12 px labels below the 11 px the browser check allows.
        let w = 400.0, row = 22.0, h = 30 + row * Double(max(top10.count, 1)), left = 170.0
        let maxV = max(1, top10.map(\.cents).max() ?? 1)
        var parts: [HTML] = ["<text x=\"8\" y=\"16\" font-size=\"12\" font-weight=\"600\">\(title)</text>"]
        for (i, l) in top10.enumerated() {
            let y = 26 + Double(i) * row
            let bw = (w - left - 70) * Double(max(l.cents, 0)) / Double(maxV)
            parts.append("""
            <text x="\(f(left - 6))" y="\(f(y + 13))" font-size="12" text-anchor="end"><title>\(l.label)</title>\(clipped(l.label, width: 23))</text>
            <rect x="\(f(left))" y="\(f(y + 2))" width="\(f(bw))" height="\(f(row - 6))" fill="\(utilisedColour)"><title>\(l.label) \(Numbers.usd(cents: l.cents, lang))</title></rect>
            <text x="\(f(left + bw + 4))" y="\(f(y + 13))" font-size="12" fill="#5f6b7a">\(Numbers.decimal(Double(l.cents) / 1e8, digits: 1))</text>
            """)
        }
        return "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\(parts)</svg>"
    }
}
