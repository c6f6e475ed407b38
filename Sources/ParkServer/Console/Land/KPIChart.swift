import Foundation
import ParkDomain

/// A small SVG chart of one commitment: the yearly actual values as bars, the target as a
/// dashed line; bars that meet the target are green, the others red.
enum KPIChart {
    static func render(title: String, series: [(year: Int, value: Double)], target: Double, atMost: Bool, lang: Language) -> HTML {
        let w = 360.0, h = 170.0, left = 56.0, bottom = 24.0, top = 26.0
        let heading: HTML = "<text x=\"8\" y=\"16\" font-size=\"12\" font-weight=\"600\">\(title)</text>"
        guard !series.isEmpty else {
            return "<svg viewBox=\"0 0 360 170\" xmlns=\"http://www.w3.org/2000/svg\">\(heading)<text x=\"10\" y=\"90\" font-size=\"12\" fill=\"#5f6b7a\">\(LandText.noReports(lang))</text></svg>"
        }
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        let maxV = max(series.map(\.value).max() ?? 0, target) * 1.1
        let scale = maxV > 0 ? (h - bottom - top) / maxV : 0
        let slot = (w - left - 8) / Double(series.count)
        var parts: [HTML] = []
        for (i, p) in series.enumerated() {
            let bh = max(p.value, 0) * scale
            let x = left + Double(i) * slot + slot * 0.15
            let ok = atMost ? p.value <= target : p.value >= target
            parts.append("""
            <rect x="\(f(x))" y="\(f(h - bottom - bh))" width="\(f(slot * 0.7))" height="\(f(bh))" fill="\(ok ? "#31a354" : "#de2d26")"><title>\(String(p.year)): \(Numbers.decimal(p.value))</title></rect>
            <text x="\(f(x + slot * 0.35))" y="\(f(h - 8))" font-size="12" text-anchor="middle" fill="#5f6b7a">\(String(p.year))</text>
            """)
        }
        let ty = h - bottom - target * scale
        parts.append("""
        <line x1="\(f(left))" x2="\(f(w - 8))" y1="\(f(ty))" y2="\(f(ty))" stroke="#0b5cab" stroke-dasharray="5 3" stroke-width="1.5"/>
        <text x="\(f(w - 8))" y="\(f(ty - 4))" font-size="12" text-anchor="end" fill="#0b5cab">\(Numbers.decimal(target, digits: target >= 1000 ? 0 : 2))</text>
        """)
        return "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\(heading)\(parts)</svg>"
    }
}
