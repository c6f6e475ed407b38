import ParkDomain
import ParkStore
import Vapor

/// CSV upload with a dry-run option and the row-level error report.
enum ImportPage {
    enum View {
        static func render(_ report: EnterpriseImporter.Report?, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let result: HTML = report.map { r -> HTML in
                let summary = "\(ConsoleText.rows(lang)): \(Numbers.count(r.rows)) · \(ConsoleText.imported(lang)): \(Numbers.count(r.imported)) · \(ConsoleText.encodingDetected(lang)): \(r.encoding)"
                if r.errors.isEmpty {
                    let done = r.dryRun ? ConsoleText.dryRunOK(lang) : ConsoleText.importDone(lang)
                    return "<div class=\"notice ok\"><strong>\(done)</strong> — \(summary)</div>"
                }
                let rows = r.errors.map { e -> HTML in
                    "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>"
                }
                return """
                <div class="notice bad"><strong>\(ConsoleText.nothingWritten(lang))</strong> — \(summary)</div>
                <section class="card"><h2>\(ConsoleText.errorsTitle(lang)) (\(Numbers.count(r.errors.count)))</h2>
                <table><thead><tr><th class="num">\(ConsoleText.row(lang))</th><th>\(ConsoleText.column(lang))</th><th>\(ConsoleText.reason(lang))</th></tr></thead><tbody>\(rows)</tbody></table></section>
                """
            } ?? .empty
            let body: HTML = """
            <h1>\(ConsoleText.importTitle(lang))</h1>
            \(result)
            <section class="card"><p>\(ConsoleText.importIntro(lang))</p>
            <form method="post" action="\(ConsoleURL.enterprises(.importUpload))" enctype="multipart/form-data" class="filters">
            \(Markup.csrfField(ctx.csrf))
            <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".csv,text/csv" required></label>
            <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
            <button class="btn" type="submit">\(ConsoleText.upload(lang))</button>
            <a class="btn ghost" href="\(ConsoleURL.enterprises(.template))">\(ConsoleText.downloadTemplate(lang))</a>
            </form>
            <p class="sub">\(ConsoleText.columnsHelp(lang)): <span class="mono">\(EnterpriseCSV.columns.joined(separator: ", "))</span></p></section>
            """
            return ConsolePage(title: ConsoleText.importTitle(lang), section: .importCSV, body: body,
                               status: (report?.errors.isEmpty ?? true) ? .ok : .unprocessableEntity)
        }
    }

    struct Upload: Content { var file: File?; var dry_run: String? }

    static func register(_ router: ConsoleRouter) {
        router.page(.enterprises(.importForm)) { ctx, _ in View.render(nil, ctx) }
        router.on(.enterprises(.importUpload), body: .collect(maxSize: ByteCount(value: EnterpriseCSV.maxBytes + 64 * 1024))) { req in
            let ctx = PageContext(req)
            let form = try req.form(Upload.self)
            guard let file = form.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
            let report = try await EnterpriseImporter(db: ctx.db, clock: ctx.park.clock).run(Data(buffer: file.data), dryRun: form.dry_run != nil,
                                                                                             by: try ctx.user())
            return View.render(report, ctx).response(ctx)
        }
        router.on(.enterprises(.template)) { _ in
            EnterpriseFiles.download(Data((EnterpriseCSV.utf8BOM + EnterpriseCSV.template()).utf8), name: "enterprises-template.csv")
        }
    }
}
