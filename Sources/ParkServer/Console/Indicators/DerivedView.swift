import Foundation
import ParkDomain
import ParkStore
import Vapor

/// ParkOS's own figures on the leadership page and the board pack: tiles for enterprises, tax,
/// above-scale output (comparable-set growth beside the ratio of totals) and FDI from the
/// ledgers, each linking to the enterprises behind it; breakdown bars per dimension.
enum DerivedView {
    static func drill(_ month: YearMonth, _ metric: DerivedMetric, _ dimension: BreakdownDimension? = nil, _ key: String? = nil) -> String {
        ConsoleURL.indicators(.drill).href([("period", month.iso), ("metric", metric.rawValue), ("dimension", dimension?.rawValue), ("key", key)])
    }

    /// Whole yuan as fen, held at the largest amount instead of trapping.
    static func fen(_ yuan: Int64) -> Int64 { (try? Checked.multiply(yuan, 100, "yuan")) ?? Int64.max }

    static func section(_ d: DerivedFigures, month: YearMonth, _ lang: Language, links: Bool = true) -> HTML {
        func tile(_ label: IndicatorText, _ value: String, _ growth: HTML, _ metric: DerivedMetric?) -> HTML {
            let more: HTML = links && metric != nil ? "<div><a href=\"\(drill(month, metric!))\">\(IndicatorText.drill(lang)) →</a></div>" : .empty
            return "<div class=\"stat\"><div class=\"k\">\(label(lang))</div><div class=\"v\">\(value)</div><div>\(growth)</div>\(more)</div>"
        }
        func g(_ main: Decimal?, _ label: IndicatorText, _ other: Decimal? = nil, _ otherLabel: IndicatorText? = nil) -> HTML {
            let second: HTML = otherLabel.map { l -> HTML in "<div class=\"sub\">\(l(lang)) \(IndicatorFormat.growth(other))</div>" } ?? .empty
            return "\(IndicatorText.growth(lang)) <b>\(IndicatorFormat.growth(main))</b> <span class=\"sub\">\(label(lang))</span>\(second)"
        }
        var tiles: [HTML] = [
            tile(.enterprises, Numbers.count(d.enterprises), g(d.enterprisesGrowthPct, .fromLevels), .enterprises),
            tile(.tax, Numbers.yuan(fen: fen(d.taxYuan), lang),
                 g(d.taxGrowthPct, .fromLevels), .tax),
            tile(.output, Numbers.yuan(fen: fen(d.outputYuan), lang),
                 "\(g(d.outputComparableGrowthPct, .comparableGrowth, d.outputLevelsGrowthPct, .levelsRatio))<div class=\"sub\">\(IndicatorText.aboveScaleFirms(lang, ["n": Numbers.count(d.aboveScaleFirms)]))</div>", .output),
        ]
        if let f = d.fdi {
            tiles.append(tile(.fdiUtilised, Numbers.usd(cents: f.utilisedUSDCents, lang),
                              g(f.utilisedGrowthPct, .comparableGrowth, f.utilisedLevelsGrowthPct, .levelsRatio), nil))
            tiles.append(tile(.fdiContracted, Numbers.usd(cents: f.contractedUSDCents, lang),
                              g(f.contractedGrowthPct, .comparableGrowth, f.contractedLevelsGrowthPct, .levelsRatio), nil))
        }
        if let s = d.service {
            let detail = IndicatorText.serviceDetail(lang, ["share": IndicatorFormat.share(s.resolvedInTimePct),
                                                           "rating": s.averageRating.map { DecimalText.fixed($0, places: 1) } ?? "—",
                                                           "overdue": Numbers.count(s.overdueOpen)])
            tiles.append(tile(.serviceReceived, Numbers.count(s.received), "\(g(s.receivedGrowthPct, .sameMonth))<div class=\"sub\">\(detail)</div>", nil))
        }
        if let o = d.odi {
            let detail = IndicatorText.odiDetail(lang, ["projects": Numbers.count(o.total.projects), "firms": Numbers.count(o.total.firms),
                                                       "br": Numbers.usd(cents: o.beltAndRoad.usdCents, lang), "share": IndicatorFormat.share(o.beltAndRoadSharePct)])
            tiles.append(tile(.odiAgreed, Numbers.usd(cents: o.total.usdCents, lang), "\(g(o.usdGrowthPct, .sameMonthsLastYear))<div class=\"sub\">\(detail)</div>", nil))
        }
        var bars = BreakdownDimension.allCases.map { dim -> HTML in
            let rows = Array((d.breakdowns[dim] ?? []).prefix(10))
            let most = max(1, rows.map(\.enterprises).max() ?? 1)
            let tax = Numbers.yuanColumn(rows.map(\.taxYuan), lang)
            let lines = rows.map { r -> HTML in
                let pct = String(format: "%.1f", 100 * Double(r.enterprises) / Double(most))
                let label: HTML = links ? "<a class=\"lbl\" href=\"\(drill(month, .enterprises, dim, r.key))\">\(r.label.text(lang))</a>" : "<span class=\"lbl\">\(r.label.text(lang))</span>"
                return """
                <div class="bar">\(label)<svg class="track" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true"><rect class="fill" width="\(pct)" height="14"/></svg><span class="n">\(Numbers.count(r.enterprises))</span><span class="n wide">\(tax.yuan(r.taxYuan))</span></div>
                """
            }
            return "<div><h3>\(dim.label.text(lang))</h3>\(lines)</div>"
        }
        if let o = d.odi, !o.byRegion.isEmpty {
            let rows = Array(o.byRegion.prefix(10))
            let most = max(1, rows.map(\.totals.usdCents).max() ?? 1)
            let usd = Numbers.usdColumn(cents: rows.map(\.totals.usdCents), lang)
            let lines = rows.map { r -> HTML in
                let pct = String(format: "%.1f", 100 * Double(r.totals.usdCents) / Double(most))
                return """
                <div class="bar"><span class="lbl">\(r.label.text(lang))</span><svg class="track" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true"><rect class="fill" width="\(pct)" height="14"/></svg><span class="n">\(Numbers.count(r.totals.projects))</span><span class="n wide">\(usd(r.totals.usdCents))</span></div>
                """
            }
            bars.append("<div><h3>\(IndicatorText.odiByRegion(lang))</h3>\(lines)</div>")
        }
        return """
        <section class="card derived"><h2>\(IndicatorText.derivedTitle(lang)) <span class="sub">\(IndicatorText.dataYear(lang)) \(String(d.dataYear))</span></h2>
        <p class="sub">\(IndicatorText.derivedNote(lang, ["year": String(d.dataYear)]))\(d.asOfText.map { t -> HTML in " \(IndicatorText.asOf(lang, ["time": t]))" } ?? .empty)</p>
        <div class="grid g4">\(tiles)</div>
        <h2 class="spaced">\(IndicatorText.breakdowns(lang))</h2><p class="sub">\(IndicatorText.breakdownNote(lang))</p>
        <div class="grid g2">\(bars)</div></section>
        """
    }
}
