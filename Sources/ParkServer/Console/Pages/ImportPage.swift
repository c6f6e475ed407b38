import ParkDomain
import ParkStore
import Vapor

/// CSV upload with a dry-run option and the row-level error report.
enum ImportPage {
    static func form(_ req: Request) throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        return layout.response(ConsoleText.importTitle(layout.lang), .importCSV, page(layout, report: nil))
    }

    struct Upload: Content { var file: File?; var dry_run: String?; var _csrf: String? }

    static func upload(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let layout = Layout(req)
        let form = try req.content.decode(Upload.self)
        guard let file = form.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
        let data = Data(buffer: file.data)
        let report = try await EnterpriseImporter(db: req.park.db, clock: req.park.clock).run(data, dryRun: form.dry_run != nil, by: p)
        return layout.response(ConsoleText.importTitle(layout.lang), .importCSV, page(layout, report: report),
                               status: report.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func page(_ layout: Layout, report: EnterpriseImporter.Report?) -> HTML {
        let lang = layout.lang
        let result: HTML = report.map { r -> HTML in
            let summary = "\(ConsoleText.rows(lang)): \(r.rows) · \(ConsoleText.imported(lang)): \(r.imported) · \(ConsoleText.encodingDetected(lang)): \(r.encoding)"
            if r.errors.isEmpty {
                let done = r.dryRun ? ConsoleText.dryRunOK(lang) : ConsoleText.importDone(lang)
                return "<div class=\"notice ok\"><strong>\(done)</strong> — \(summary)</div>"
            }
            let rows = r.errors.map { e -> HTML in
                "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>"
            }
            return """
            <div class="notice bad"><strong>\(ConsoleText.nothingWritten(lang))</strong> — \(summary)</div>
            <section class="card"><h2>\(ConsoleText.errorsTitle(lang)) (\(r.errors.count))</h2>
            <table><thead><tr><th class="num">\(ConsoleText.row(lang))</th><th>\(ConsoleText.column(lang))</th><th>\(ConsoleText.reason(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
        } ?? .empty
        return """
        <h1>\(ConsoleText.importTitle(lang))</h1>
        \(result)
        <section class="card"><p>\(ConsoleText.importIntro(lang))</p>
        <form method="post" action="/enterprises/import" enctype="multipart/form-data" class="filters">
        \(Markup.csrfField(layout.csrf))
        <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".csv,text/csv" required></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
        <button class="btn" type="submit">\(ConsoleText.upload(lang))</button>
        <a class="btn ghost" href="/enterprises/template.csv">\(ConsoleText.downloadTemplate(lang))</a>
        </form>
        <p class="sub">\(ConsoleText.columnsHelp(lang)): <span class="mono">\(EnterpriseCSV.columns.joined(separator: ", "))</span></p></section>
        """
    }
}
