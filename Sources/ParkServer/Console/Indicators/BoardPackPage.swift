import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The month's board pack as a print-ready A4 page (the print stylesheet drops navigation and
/// buttons, repeats table headers, and starts each section on a new page), and the same
/// sections as an `.xlsx` workbook (one sheet per section) or CSV.
enum BoardPackPage {
    enum View {
        static func render(_ m: LeadershipPage.Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let sheets = IndicatorReportSheets.sheets(m.report, derived: m.derived, lang)
            let tables = sheets.enumerated().map { i, s -> HTML in
                let numeric = s.columns.indices.map { c in s.rows.contains { if case .number = $0[c] { true } else { false } } }
                let head = s.columns.enumerated().map { c, name -> HTML in "<th class=\"\(numeric[c] ? "num" : "")\">\(name)</th>" }
                let rows = s.rows.map { r -> HTML in
                    "<tr>\(r.enumerated().map { c, cell -> HTML in "<td class=\"\(numeric[c] ? "num" : "")\">\(cell.text)</td>" })</tr>"
                }
                let charts: HTML = i == 1 ? """
                    <div class="kpi">\(m.report.trends.compactMap { t -> HTML? in
                        guard let f = m.report.figures.first(where: { $0.definition.code == t.indicator }), f.definition.headline else { return nil }
                        return "<div><h3>\(f.definition.name.text(lang)) <span class=\"sub\">\(IndicatorFormat.unit(f.definition.unit, t.thisYear + t.lastYear, lang))</span></h3>\(IndicatorCharts.trend(t, lang))</div>"
                    })</div>
                    """ : .empty
                // The trend sheet's rows (indicator × month) are in the workbook; on paper the charts say it.
                let table: HTML = i == 1 ? .empty : "<div class=\"scroll\"><table class=\"pack\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
                return """
                <section class="card pack\(i > 0 ? " page-break" : "")"><h2>\(s.title)</h2>\(charts)\(table)</section>
                """
            }
            let body: HTML = """
            <p class="actions"><a href="\(ConsoleURL.indicators(.leadership).href(m.query))">← \(IndicatorText.back(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.boardPackXLSX).href(m.query))">\(IndicatorText.downloadXLSX(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.indicators(.boardPackCSV).href(m.query))">\(IndicatorText.downloadCSV(lang))</a></p>
            <p class="sub actions">\(IndicatorText.printHint(lang))</p>
            <div class="board-pack"><h1>\(IndicatorText.title(lang)) · \(m.month.iso)</h1>
            \(tables)</div>
            """
            return ConsolePage(title: "\(IndicatorText.boardPack(lang)) \(m.month.iso)", section: .indicators, body: body)
        }
    }

    /// The workbook or the CSV of the month, named after it.
    static func download(_ req: Request, xlsx: Bool) async throws -> Response {
        let ctx = PageContext(req)
        let m = try await LeadershipPage.Model.load(req, on: ctx)
        let sheets = IndicatorReportSheets.sheets(m.report, derived: m.derived, ctx.language)
        let res: Response
        if xlsx {
            res = Response(body: .init(data: try XLSXWorkbook.data(sheets)))
            res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else {
            res = Response(body: .init(data: IndicatorReportCSV.data(sheets)))
            res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }
        res.headers.contentDisposition = .init(.attachment, filename: "parkos-indicators-\(m.month.iso).\(xlsx ? "xlsx" : "csv")")
        return res
    }
}
