import Foundation
import ParkDomain

/// Server-rendered SVG charts of the per-mu pages (no script): grade shares by year as 100 %
/// stacked bars, and the score distribution as a histogram coloured by grade.
enum PerMuCharts {
    private static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// One row per year: A/B/C/D shares of the graded units as a stacked bar with the counts.
    static func gradeShares(_ rows: [(year: Int, caption: String, counts: [Int])], lang: Language) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"sub\">\(PerMuText.noRuns(lang))</p>" }
        let w = 520.0, left = 140.0, right = 52.0, rowH = 32.0, top = 8.0
        let h = top + Double(rows.count) * rowH + 6
        var parts: [HTML] = []
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let total = row.counts.reduce(0, +)
            parts.append("""
            <text x="4" y="\(f(y + 13))" font-size="12" font-weight="600">\(String(row.year))</text>
            <text x="4" y="\(f(y + 25))" font-size="11" fill="#5f6b7a">\(row.caption)</text>
            <text x="\(f(w - right + 6))" y="\(f(y + 17))" font-size="11" fill="#5f6b7a">n = \(total)</text>
            """)
            guard total > 0 else {
                parts.append("<rect x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(w - left - right))\" height=\"20\" fill=\"#eef2f7\"/>")
                continue
            }
            var x = left
            for (g, n) in zip(PerMuGrade.allCases, row.counts) where n > 0 {
                let share = Double(n) / Double(total)
                let bw = (w - left - right) * share
                let pct = Numbers.decimal(share * 100, digits: 1)
                parts.append("""
                <rect x="\(f(x))" y="\(f(y + 4))" width="\(f(bw))" height="20" fill="\(PerMuFormat.colour(g))"><title>\(String(row.year)) \(g.label.text(lang)): \(n) (\(pct) %)</title></rect>
                """)
                if bw > 44 {
                    parts.append("<text x=\"\(f(x + bw / 2))\" y=\"\(f(y + 18))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\">\(g.rawValue) \(pct)%</text>")
                }
                x += bw
            }
        }
        return """
        <svg class="chart" viewBox="0 0 \(Int(w)) \(Int(h))" role="img" xmlns="http://www.w3.org/2000/svg"><title>\(PerMuText.gradeShares(lang))</title>\(parts)</svg>
        \(PerMuFormat.legend(lang))
        """
    }

    /// A histogram of the graded totals of one group; each bin is stacked by grade so the
    /// cut-offs show.
    static func histogram(title: String, _ histogram: PerMuHistogram, lang: Language) -> HTML {
        let w = 640.0, h = 220.0, left = 40.0, right = 10.0, top = 24.0, bottom = 30.0
        let heading: HTML = "<text x=\"4\" y=\"15\" font-size=\"13\" font-weight=\"600\">\(title)</text>"
        let bins = histogram.bins, counts = histogram.counts, width = histogram.width
        let maxN = max(1, counts.map { $0.reduce(0, +) }.max() ?? 1)
        let plotH = h - top - bottom, slot = (w - left - right) / Double(bins)
        var parts: [HTML] = [heading]
        // Whole-unit gridlines: every unit up to 5, else about four steps.
        let step = maxN <= 5 ? 1 : Int((Double(maxN) / 4).rounded(.up))
        for n in stride(from: 0, through: maxN, by: step) {
            let y = h - bottom - plotH * Double(n) / Double(maxN)
            parts.append("""
            <line x1="\(f(left))" x2="\(f(w - right))" y1="\(f(y))" y2="\(f(y))" stroke="#e3e7ee"/>
            <text x="\(f(left - 4))" y="\(f(y + 3))" font-size="13" text-anchor="end" fill="#5f6b7a">\(n)</text>
            """)
        }
        for (i, c) in counts.enumerated() {
            let x = left + Double(i) * slot + 1
            var base = h - bottom
            let lower = histogram.lowerBound(ofBin: i)
            for g in PerMuGrade.allCases where c[Int(g.code)] > 0 {
                let bh = plotH * Double(c[Int(g.code)]) / Double(maxN)
                base -= bh
                parts.append("""
                <rect x="\(f(x))" y="\(f(base))" width="\(f(slot - 2))" height="\(f(bh))" fill="\(PerMuFormat.colour(g))"><title>\(Numbers.trimmed(lower))–\(Numbers.trimmed(lower + width)): \(g.rawValue) × \(c[Int(g.code)])</title></rect>
                """)
            }
            if i % max(1, bins / 5) == 0 {
                parts.append("<text x=\"\(f(x))\" y=\"\(f(h - bottom + 13))\" font-size=\"13\" fill=\"#5f6b7a\">\(Numbers.trimmed(lower, maxDigits: 1))</text>")
            }
        }
        parts.append("""
        <text x="\(f(w - right))" y="\(f(h - 4))" font-size="13" text-anchor="end" fill="#5f6b7a">\(PerMuText.scoreAxis(lang)) →</text>
        <text x="\(f(w - right))" y="\(f(top - 6))" font-size="13" text-anchor="end" fill="#5f6b7a">↑ \(PerMuText.unitsAxis(lang))</text>
        """)
        return "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\(parts)</svg>"
    }
}
