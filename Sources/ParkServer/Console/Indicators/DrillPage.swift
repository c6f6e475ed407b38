import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The enterprises behind a figure ParkOS derives (`/indicators/enterprises?period&metric&dimension&key&page`),
/// largest first, 50 a page, sorted and paged in SQL.
enum DrillPage {
    struct Model {
        var month: YearMonth
        var metric: DerivedMetric
        var dimension: BreakdownDimension?
        var key: String?
        var groupLabel: String?
        var page: PageRequest
        var rows: [DerivedEnterpriseRow]
        var total: Int

        static func load(_ req: Request, on ctx: PageContext) async throws -> Model {
            _ = try ctx.user()
            let repo = IndicatorRepository(db: ctx.db, clock: ctx.park.clock)
            let month = try req.query[String.self, at: "period"].map { try repo.reportMonth($0) }
                ?? (YearMonth(ctx.today).adding(months: -1) ?? YearMonth(ctx.today))
            let rawMetric = req.query[String.self, at: "metric"] ?? DerivedMetric.output.rawValue
            guard let metric = DerivedMetric(rawValue: rawMetric) else {
                throw DomainError(code: "invalid_metric", field: "metric", en: "unknown metric '\(rawMetric.prefix(30))'", zh: "未知的指标“\(rawMetric.prefix(30))”")
            }
            var dimension: BreakdownDimension?
            if let raw = req.query[String.self, at: "dimension"], !raw.isEmpty {
                guard let d = BreakdownDimension(rawValue: raw) else {
                    throw DomainError(code: "invalid_dimension", field: "dimension", en: "unknown dimension '\(raw.prefix(30))'", zh: "未知的维度“\(raw.prefix(30))”")
                }
                dimension = d
            }
            let key = req.query[String.self, at: "key"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
            if dimension != nil, key == nil { throw DomainError.required("key") }
            let page = try PageRequest(page: try req.query.get(Int?.self, at: "page"), perPage: 50)
            let query = DerivedFiguresQuery(db: ctx.db)
            let r = try await query.enterprises(month: month, metric: metric, dimension: dimension, key: key, page: page)
            var label: String?
            if let dimension, let key {
                label = try await query.label(dimension, key: key).text(ctx.language)
            }
            return Model(month: month, metric: metric, dimension: dimension, key: key, groupLabel: label, page: page, rows: r.rows, total: r.total)
        }

        func href(page: Int) -> String {
            ConsoleURL.indicators(.drill).href([("period", month.iso), ("metric", metric.rawValue), ("dimension", dimension?.rawValue), ("key", key),
                                                ("page", String(page))])
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let figure = m.metric.label.text(lang) + (m.dimension.map { " · \($0.label.text(lang)): \(m.groupLabel ?? m.key ?? "")" } ?? "")
            let tax = Numbers.yuanColumn(m.rows.map(\.taxYuan), lang), revenue = Numbers.yuanColumn(m.rows.map(\.revenueYuan), lang)
            let lastYear = Numbers.yuanColumn(m.rows.map(\.revenueLastYearYuan), lang)
            let rows = m.rows.map { r -> HTML in
                """
                <tr><td class="mono">\(r.creditCode)</td><td><a href="\(ConsoleURL.indicators(.profile(.value(r.enterpriseID))))">\(lang == .zh || r.name.en.isEmpty ? r.name.zh : r.name.en)</a></td>
                <td class="num">\(tax.yuan(r.taxYuan))</td><td class="num">\(revenue.yuan(r.revenueYuan))</td>
                <td class="num">\(lastYear.yuan(r.revenueLastYearYuan))</td><td>\(r.aboveScale ? IndicatorText.aboveScale(lang) : IndicatorText.belowScale(lang))</td></tr>
                """
            }
            let pages = max(1, (m.total + m.page.perPage - 1) / m.page.perPage)
            let pager: HTML = """
            <div class="pager">\(m.page.page > 1 ? HTML("<a href=\"\(m.href(page: m.page.page - 1))\">\(IndicatorText.previous(lang))</a>") : .empty)
            <span>\(IndicatorText.page(lang, ["page": String(m.page.page), "pages": String(pages)]))</span>
            \(m.page.page < pages ? HTML("<a href=\"\(m.href(page: m.page.page + 1))\">\(IndicatorText.next(lang))</a>") : .empty)</div>
            """
            let body: HTML = """
            <p><a href="\(ConsoleURL.indicators(.leadership).href([("period", m.month.iso)]))">← \(IndicatorText.back(lang))</a></p>
            <h1>\(IndicatorText.drillTitle(lang, ["figure": figure])) · \(m.month.iso)</h1>
            <p class="sub">\(IndicatorText.dataYear(lang)) \(String(DerivedFigures.dataYear(for: m.month))) · \(IndicatorText.total(lang, ["n": Numbers.count(m.total)]))</p>
            <section class="card flush"><div class="scroll"><table><thead><tr><th>\(IndicatorText.creditCode(lang))</th><th>\(IndicatorText.name(lang))</th>
            <th class="num">\(IndicatorText.tax(lang))</th><th class="num">\(IndicatorText.revenue(lang))</th><th class="num">\(IndicatorText.revenueLastYear(lang))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            \(pager)
            """
            return ConsolePage(title: IndicatorText.drillTitle(lang, ["figure": figure]), section: .indicators, body: body)
        }
    }
}
