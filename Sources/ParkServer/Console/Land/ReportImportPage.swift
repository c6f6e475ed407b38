import ParkDomain
import ParkStore
import Vapor

/// Upload of the tax or statistics bureau's yearly reports (CSV), with dry run and row errors.
enum ReportImportPage {
    static func register(_ router: ConsoleRouter) {
        router.on(.land(.reportImportForm)) { req async throws -> Response in try form(req, result: nil) }
        router.on(.land(.reportImport), body: .collect(maxSize: ByteCount(value: ReportCSV.maxBytes + 64 * 1024))) { req in
            try await upload(req)
        }
    }

    static func form(_ req: Request, result: (rows: Int, errors: [RowError], dryRun: Bool)?, status: HTTPResponseStatus = .ok) throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let zh = lang == .zh
        let report: HTML = result.map { r -> HTML in
            if r.errors.isEmpty {
                return "<div class=\"notice ok\"><strong>\(r.dryRun ? ConsoleText.dryRunOK(lang) : ConsoleText.importDone(lang))</strong> — \(ConsoleText.rows(lang)): \(r.rows)</div>"
            }
            let rows = r.errors.map { e -> HTML in "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" }
            return """
            <div class="notice bad"><strong>\(ConsoleText.nothingWritten(lang))</strong></div>
            <section class="card"><h2>\(ConsoleText.errorsTitle(lang)) (\(r.errors.count))</h2><table><thead><tr><th class="num">\(ConsoleText.row(lang))</th><th>\(ConsoleText.column(lang))</th><th>\(ConsoleText.reason(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
        } ?? .empty
        let body: HTML = """
        <p><a href="/land">← \(LandText.land(lang))</a></p><h1>\(zh ? "导入部门年度数据" : "Import the bureaus' yearly reports")</h1>\(report)
        <section class="card"><p>\(zh ? "税务局或统计局提供的 CSV，每行一个地块一个年度。金额单位为元，能耗为吨标煤。已填报年度视为更正并保留历史。任一行有误则全部不导入。" : "A CSV from the tax or statistics bureau, one row per parcel and year. Amounts in yuan, energy in t standard coal. A year already filed becomes a correction and the history is kept. If any row is wrong nothing is imported.")</p>
        <form method="post" action="/land/reports/import" enctype="multipart/form-data" class="filters">\(Markup.csrfField(layout.csrf))
        <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".csv,text/csv" required></label>
        <label>\(LandText.source(lang))<select name="source">\([ReportSource.statisticsBureau, .taxBureau].map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
        <button class="btn">\(ConsoleText.upload(lang))</button></form>
        <p class="sub">\(ConsoleText.columnsHelp(lang)): <span class="mono">\(ReportCSV.columns.joined(separator: ", "))</span></p></section>
        """
        return layout.response(zh ? "导入年度数据" : "Import reports", .land, body, status: status)
    }

    struct Upload: Content { var file: File?; var dry_run: String?; var source: String? }

    static func upload(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let f = try req.content.decode(Upload.self)
        guard let file = f.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
        let source = f.source.flatMap(ReportSource.init(rawValue:)).flatMap { $0 == .selfReported ? nil : $0 } ?? .statisticsBureau
        let dry = f.dry_run != nil
        let r = try await ReportRepository(db: req.db, clock: req.park.clock).importCSV(Data(buffer: file.data), source: source, dryRun: dry, by: p)
        return try form(req, result: (r.rows, r.errors, dry), status: r.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
