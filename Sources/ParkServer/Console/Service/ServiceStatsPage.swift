import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The month's service performance: headline rates, per-department bars (server-drawn SVG),
/// the overdue backlog by age, top categories, the per-category table.
enum ServiceStatsPage {
    struct Query: Decodable { var month: String? }

    struct Model {
        var stats: ServiceStats
        var names: ServiceNames

        static func load(_ q: Query, on ctx: PageContext) async throws -> Model {
            let month = try q.month.flatMap { $0.isEmpty ? nil : $0 }.map { try YearMonth.parse($0, field: "month") } ?? (YearMonth(ctx.today).adding(months: -1) ?? YearMonth(ctx.today))
            return Model(stats: try await ServiceStatsQuery(db: ctx.db, clock: ctx.park.clock).run(month: month), names: try await ServiceNames.load(ctx))
        }
    }

    enum View {
        static func pct(_ x: Double?) -> String { x.map { Numbers.percent(ratio: $0, digits: 1) } ?? "–" }

        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, s = m.stats, t = s.total
            let kpis: [(ServiceText, String)] = [
                (.received2, Numbers.count(t.received)), (.acceptedInTime, pct(t.acceptedInTimeRate)), (.firstReplyInTime, pct(t.firstReplyInTimeRate)),
                (.resolvedInTime, pct(t.resolvedInTimeRate)), (.resolutionRate, pct(t.resolutionRate)), (.satisfactionRate, pct(t.satisfactionRate)),
                (.averageRating, t.averageRating.map { Numbers.decimal($0, digits: 2) } ?? "–"), (.reopenedShare, pct(t.reopenedShare)),
            ]
            let kpiHTML: [HTML] = kpis.map { "<div class=\"stat\"><div class=\"v\">\($0.1)</div><div class=\"k\">\($0.0(lang))</div></div>" }
            func table(_ rows: [ServiceStatsRow], name: (String) -> String) -> HTML {
                let body: [HTML] = rows.map { r in
                    "<tr><td>\(name(r.key))</td><td class=\"num\">\(Numbers.count(r.received))</td><td class=\"num\">\(pct(r.acceptedInTimeRate))</td><td class=\"num\">\(pct(r.firstReplyInTimeRate))</td><td class=\"num\">\(pct(r.resolvedInTimeRate))</td><td class=\"num\">\(pct(r.resolutionRate))</td><td class=\"num\">\(pct(r.satisfactionRate))</td><td class=\"num\">\(r.averageRating.map { Numbers.decimal($0, digits: 2) } ?? "–")</td><td class=\"num\">\(pct(r.reopenedShare))</td><td class=\"num\">\(Numbers.count(r.overdueOpen))</td></tr>"
                }
                let head: [HTML] = [ServiceText.received2, .acceptedInTime, .firstReplyInTime, .resolvedInTime, .resolutionRate, .satisfactionRate, .averageRating, .reopenedShare, .overdueCount]
                    .map { "<th>\($0(lang))</th>" }
                return "<table><thead><tr><th></th>\(head)</tr></thead><tbody>\(body)</tbody></table>"
            }
            let backlog: [HTML] = OverdueAge.allCases.map { "<div class=\"stat\"><div class=\"v\">\(Numbers.count(s.backlog[$0] ?? 0))</div><div class=\"k\">\($0.label.text(lang))</div></div>" }
            let top: [HTML] = s.topCategories().map { "<li>\(m.names.category($0.key, lang)) · \(Numbers.count($0.received))</li>" }
            let body: HTML = """
            <h1>\(ServiceText.statsTitle(lang))</h1>
            <form class="filters card" method="get" action="\(ConsoleURL.service(.stats))"><label>\(ServiceText.month(lang))\(Markup.monthSelect(name: "month", selected: s.month, last: YearMonth(ctx.today), lang))</label><button class="btn">\(ServiceText.apply(lang))</button></form>
            <p class="muted">\(ServiceText.requestsInMonth(lang, ["month": Numbers.month(s.month, lang)]))</p>
            <div class="grid g4">\(kpiHTML)</div>
            <div class="charts spaced">\(ServiceCharts.received(s.byDepartment, names: m.names, lang))\(ServiceCharts.rates(s.byDepartment, names: m.names, lang))</div>
            <h2 class="spaced">\(ServiceText.overdueBacklog(lang))</h2><div class="grid g4">\(backlog)</div>
            <div class="grid g2 spaced"><section class="card"><h2>\(ServiceText.topCategories(lang))</h2><ol>\(top)</ol></section></div>
            <section class="card flush scroll"><h2 class="pad">\(ServiceText.byDepartment(lang))</h2>\(table(s.byDepartment) { m.names.department($0, lang) })</section>
            <section class="card flush scroll"><h2 class="pad">\(ServiceText.byCategory(lang))</h2>\(table(s.byCategory) { m.names.category($0, lang) })</section>
            """
            return ConsolePage(title: ServiceText.statsTitle(lang), section: .service, body: body)
        }
    }
}

/// Server-drawn SVG bar charts of the stats page.
enum ServiceCharts {
    static func svg(_ title: String, _ bars: [(label: String, values: [Double], texts: [String])], max: Double, colors: [String], legend: [String]) -> HTML {
        // The label column fits the longest name (12 px type: ~6.7 px a Latin letter, 12 px a Han character).
        let longest = bars.map { b in b.label.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? 12.5 : 6.7) } }.max() ?? 0
        let rowH = 30, left = Swift.min(320, Swift.max(80, Int(longest.rounded(.up)) + 14)), width = left + 490, top = 40
        let height = top + bars.count * rowH + 10
        // Drawn at its own size (width and height in px, the stylesheet only shrinks it on a narrow
        // screen): scaled into a half-width card its 11 px labels read at 8 px.
        var out = "<svg class=\"natural\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<text x=\"8\" y=\"16\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2939\">\(HTML.escape(title))</text>"
        for (i, l) in legend.enumerated() {
            out += "<rect x=\"\(8 + i * 150)\" y=\"24\" width=\"10\" height=\"10\" fill=\"\(colors[i])\"/><text x=\"\(22 + i * 150)\" y=\"33\" font-size=\"11\" fill=\"#475467\">\(HTML.escape(l))</text>"
        }
        let span = Double(width - left - 60)
        for (i, b) in bars.enumerated() {
            let y = top + i * rowH
            out += "<text x=\"\(left - 6)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\" fill=\"#344054\">\(HTML.escape(b.label))</text>"
            let h = 24 / Swift.max(1, b.values.count)
            for (j, v) in b.values.enumerated() {
                let w = max == 0 ? 0 : Int((v / max * span).rounded())
                out += "<rect x=\"\(left)\" y=\"\(y + 2 + j * h)\" width=\"\(w)\" height=\"\(h - 1)\" fill=\"\(colors[j])\"/>"
                out += "<text x=\"\(left + w + 4)\" y=\"\(y + 2 + j * h + h - 3)\" font-size=\"11\" fill=\"#475467\">\(HTML.escape(b.texts[j]))</text>"
            }
        }
        return HTML(raw: out + "</svg>")
    }

    static func received(_ rows: [ServiceStatsRow], names: ServiceNames, _ lang: Language) -> HTML {
        let m = Double(rows.map(\.received).max() ?? 0)
        return svg(ServiceText.chartReceived(lang), rows.map { r in
            (names.department(r.key, lang), [Double(r.received), Double(r.resolvedInTime)], [Numbers.count(r.received), Numbers.count(r.resolvedInTime)])
        }, max: m, colors: ["#2e6fd8", "#1a9850"], legend: [ServiceText.received2(lang), ServiceText.resolvedInTime(lang)])
    }

    static func rates(_ rows: [ServiceStatsRow], names: ServiceNames, _ lang: Language) -> HTML {
        svg(ServiceText.chartRates(lang), rows.map { r in
            (names.department(r.key, lang), [r.resolutionRate ?? 0, r.satisfactionRate ?? 0],
             [ServiceStatsPage.View.pct(r.resolutionRate), ServiceStatsPage.View.pct(r.satisfactionRate)])
        }, max: 1, colors: ["#2e6fd8", "#f79009"], legend: [ServiceText.resolutionRate(lang), ServiceText.satisfactionRate(lang)])
    }
}
