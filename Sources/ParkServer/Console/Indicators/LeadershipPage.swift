import FluentKit
import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The leadership page (`GET /indicators?period=YYYY-MM`): headline tiles with level, growth and
/// target progress, a trend chart per indicator (this year against last), ParkOS's own figures
/// with breakdown bars and the drill-down, a month picker and the board pack's downloads.
enum LeadershipPage {
    struct Model {
        var month: YearMonth
        var latest: YearMonth
        var report: IndicatorReport
        var derived: DerivedFigures

        static func load(_ req: Request, on ctx: PageContext) async throws -> Model {
            let repo = IndicatorRepository(db: ctx.db, clock: ctx.park.clock)
            let month = try (req.query[String.self, at: "period"]).flatMap { $0.isEmpty ? nil : $0 }.map { try repo.reportMonth($0) }
            return try await load(month: month, repo: repo, by: try ctx.user(), today: ctx.today)
        }

        /// The month's model (last month when nil), from the database.
        static func load(month: YearMonth?, repo: IndicatorRepository, by p: Principal, today: LocalDate) async throws -> Model {
            let latest = YearMonth(today).adding(months: -1) ?? YearMonth(today)
            let month = month ?? latest
            let pack = try await repo.boardPack(month: month, by: p)
            return Model(month: month, latest: latest, report: pack.report, derived: pack.derived)
        }

        /// The month's query for links.
        var query: [(String, String?)] { [("period", month.iso)] }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage { render(m, ctx.language) }

        static func render(_ m: Model, _ lang: Language) -> ConsolePage {
            let picker: HTML = """
            <form class="filters card" method="get" action="\(ConsoleURL.indicators(.leadership))">
            <label>\(IndicatorText.month(lang))\(Markup.monthSelect(name: "period", selected: m.month, last: m.latest, count: 120, lang))</label>
            <button class="btn">\(IndicatorText.show(lang))</button>
            <span class="actions"><a class="btn ghost" href="\(ConsoleURL.indicators(.boardPack).href(m.query))">\(IndicatorText.boardPack(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.boardPackXLSX).href(m.query))">\(IndicatorText.downloadXLSX(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.boardPackCSV).href(m.query))">\(IndicatorText.downloadCSV(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.importForm))">\(IndicatorText.importValues(lang))</a></span>
            </form>
            """
            let alerts = m.report.alerts
            let alertBox: HTML = alerts.isEmpty ? .empty : """
            <div class="notice bad"><b>\(IndicatorText.alerts(lang))</b><ul class="notes">\(alerts.map { f -> HTML in
                let name = f.definition.name.text(lang)
                if let p = f.progress, let goal = p.target.growthPct, let g = f.growthPct, g < goal {
                    return "<li>\(IndicatorText.alertGrowth(lang, ["name": name, "growth": IndicatorFormat.growth(g), "target": IndicatorFormat.growth(goal)]))</li>"
                }
                return "<li>\(IndicatorText.alertLine(lang, ["name": name, "share": IndicatorFormat.share(f.progress?.sharePct), "pace": IndicatorFormat.share(f.progress?.expectedSharePct)]))</li>"
            })</ul></div>
            """
            let tiles = m.report.figures.filter(\.definition.headline).map { tile($0, lang) }
            let trends = m.report.trends.compactMap { t -> HTML? in
                guard let f = m.report.figures.first(where: { $0.definition.code == t.indicator }), f.definition.headline else { return nil }
                return "<div><h3>\(f.definition.name.text(lang)) <span class=\"sub\">\(IndicatorFormat.unit(f.definition.unit, t.thisYear + t.lastYear, lang)) · \(f.definition.accumulation.label.text(lang))</span></h3>\(IndicatorCharts.trend(t, lang))</div>"
            }
            let body: HTML = """
            <h1>\(IndicatorText.title(lang)) · \(m.month.iso)</h1>
            \(picker)\(alertBox)
            <div class="grid tiles">\(tiles)</div>
            <section class="card"><h2>\(IndicatorText.trend(lang))</h2><div class="kpi">\(trends)</div></section>
            \(DerivedView.section(m.derived, month: m.month, lang))
            """
            return ConsolePage(title: IndicatorText.title(lang), section: .indicators, body: body)
        }

        /// A headline tile: level, the period's own value, growth (as published, or from levels
        /// where that is allowed) with the other rate beside it, target progress.
        static func tile(_ f: IndicatorFigure, _ lang: Language) -> HTML {
            let d = f.definition
            let source: HTML = switch f.growthSource {
            case .published: "<span class=\"sub\">\(IndicatorText.published(lang)) · \(d.growthBasis.label.text(lang))</span>"
            case .levels: "<span class=\"sub\">\(IndicatorText.fromLevels(lang))</span>"
            case .none: .empty
            }
            let other: HTML = f.growthSource == .published && f.levelsGrowthPct != nil
                ? "<div class=\"sub\">\(IndicatorText.levelsGrowth(lang)) \(IndicatorFormat.growth(f.levelsGrowthPct))\(f.growthDifferencePct.map { diff -> HTML in " <span class=\"badge warn\">\(IndicatorText.differs(lang, ["diff": DecimalText.fixed(IndicatorNumber.rounded(diff, 1), places: 1)]))</span>" } ?? .empty)</div>"
                : .empty
            let progress: HTML = f.progress.map { p -> HTML in
                let target: String = [p.target.level.map { IndicatorFormat.level($0, d.unit, lang) }, p.target.growthPct.map { IndicatorFormat.growth($0) }]
                    .compactMap { $0 }.joined(separator: " · ")
                return """
                <div class="progress-block"><div class="sub">\(IndicatorText.target(lang)) \(target)</div>
                \(p.sharePct == nil ? .empty : "<div class=\"bar\">\(IndicatorCharts.progress(p))<span class=\"n\">\(IndicatorFormat.share(p.sharePct))</span></div>")
                <div class="sub">\(IndicatorText.pace(lang)) \(IndicatorFormat.share(p.expectedSharePct)) (\(p.seasonalPace ? IndicatorText.seasonalPace(lang) : IndicatorText.calendarPace(lang)))\(p.neededPerMonth.map { n -> HTML in " · \(IndicatorText.neededPerMonth(lang)) \(IndicatorFormat.level(n, d.unit, lang))" } ?? .empty)\(p.neededGrowthPct.map { g -> HTML in " · \(IndicatorText.neededGrowth(lang)) \(IndicatorFormat.growth(g))" } ?? .empty)</div>
                \(p.behind ? Markup.badge(IndicatorText.behind(lang), kind: "off") : Markup.badge(IndicatorText.onPace(lang), kind: "rd"))</div>
                """
            } ?? .empty
            return """
            <div class="stat tile"><div class="k">\(d.name.text(lang))\(f.revised ? Markup.badge(IndicatorText.revised(lang), kind: "f500") : .empty) <span class="sub">\(f.period?.text ?? "")</span></div>
            <div class="v">\(f.level == nil ? IndicatorText.noValue(lang) : IndicatorFormat.level(f.level, d.unit, lang))</div>
            <div>\(IndicatorText.growth(lang)) <b>\(IndicatorFormat.growth(f.growthPct))</b> \(source)</div>\(other)
            \(progress)</div>
            """
        }
    }
}

/// The leadership page as a whole HTML document, straight from the database: what
/// `indicators-db-bench` times (the console's handler does the same through its router).
public enum LeadershipPageRenderer {
    public static func html(db: any Database, clock: ParkClock, month: YearMonth, language: Language, by principal: Principal) async throws -> String {
        let repo = IndicatorRepository(db: db, clock: clock)
        let m = try await LeadershipPage.Model.load(month: month, repo: repo, by: principal, today: LocalDate(clock.now()))
        let page = LeadershipPage.View.render(m, language)
        return Layout(lang: language, principal: principal, csrf: nil, here: URI(path: "/indicators")).page(page.title, page.section, page.body).raw
    }
}
