import ParkDomain
import ParkStore
import Vapor

/// Upload of the tax or statistics bureau's yearly reports (CSV), with dry run and row errors.
enum ReportImportPage {
    /// What an upload gave: rows read, every row error, whether it was a dry run.
    struct Result { var rows: Int; var errors: [RowError]; var dryRun: Bool }

    enum View {
        static func render(_ result: Result?, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.overview))">← \(LandText.land(lang))</a></p><h1>\(LandText.importReportsTitle(lang))</h1>
            \(result.map { ImportReport.render(rows: $0.rows, what: ConsoleText.rows(lang), errors: $0.errors, dryRun: $0.dryRun, lang) } ?? .empty)
            <section class="card"><p>\(LandText.importReportsIntro(lang))</p>
            <form method="post" action="\(ConsoleURL.land(.reportImport))" enctype="multipart/form-data" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(ConsoleText.file(lang))<input type="file" name="file" accept=".csv,text/csv" required></label>
            <label>\(LandText.source(lang))<select name="source">\([ReportSource.statisticsBureau, .taxBureau].map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
            <label class="check"><input type="checkbox" name="dry_run" value="1">\(ConsoleText.dryRun(lang))</label>
            <button class="btn">\(ConsoleText.upload(lang))</button></form>
            <p class="sub">\(ConsoleText.columnsHelp(lang)): <span class="mono">\(ReportCSV.columns.joined(separator: ", "))</span></p></section>
            """
            let failed = !(result?.errors.isEmpty ?? true)
            return ConsolePage(title: LandText.importBureauReports(lang), section: .land, body: body, status: failed ? .unprocessableEntity : .ok)
        }
    }

    struct Upload: Content { var file: File?; var dry_run: String?; var source: String? }

    static func register(_ router: ConsoleRouter) {
        router.page(.land(.reportImportForm)) { ctx, _ in View.render(nil, ctx) }
        router.on(.land(.reportImport), body: .collect(maxSize: ByteCount(value: ReportCSV.maxBytes + 64 * 1024))) { req in
            let ctx = PageContext(req)
            let f = try req.form(Upload.self)
            guard let file = f.file, file.data.readableBytes > 0 else { throw DomainError.required("file") }
            let source = f.source.flatMap(ReportSource.init(rawValue:)).flatMap { $0 == .selfReported ? nil : $0 } ?? .statisticsBureau
            let dry = f.dry_run != nil
            let r = try await ReportRepository(db: ctx.db, clock: ctx.park.clock).importCSV(Data(buffer: file.data), source: source, dryRun: dry, by: try ctx.user())
            return View.render(Result(rows: r.rows, errors: r.errors, dryRun: dry), ctx).response(ctx)
        }
    }
}

/// The outcome of an import: done (with the count) or nothing written, with every row error.
enum ImportReport {
    static func render(rows: Int, what: String, errors: [RowError], dryRun: Bool, _ lang: Language) -> HTML {
        if errors.isEmpty {
            return "<div class=\"notice ok\"><strong>\(dryRun ? ConsoleText.dryRunOK(lang) : ConsoleText.importDone(lang))</strong> — \(what): \(Numbers.count(rows))</div>"
        }
        let trs = errors.map { e -> HTML in "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" }
        return """
        <div class="notice bad"><strong>\(ConsoleText.nothingWritten(lang))</strong></div>
        <section class="card"><h2>\(ConsoleText.errorsTitle(lang)) (\(Numbers.count(errors.count)))</h2><table><thead><tr><th class="num">\(ConsoleText.row(lang))</th><th>\(ConsoleText.column(lang))</th><th>\(ConsoleText.reason(lang))</th></tr></thead><tbody>\(trs)</tbody></table></section>
        """
    }
}
