import ParkDomain
import ParkStore
import Vapor

/// Imports the monthly rate table and utilised-FDI inflows (CSV): all rows or none, every row
/// error listed with its line and column.
enum InvestmentImportPage {
    struct Model {
        var notice: Notice?
        var errors: [RowError]
        var months: [YearMonth]
        static func load(notice: Notice? = nil, errors: [RowError] = [], on ctx: PageContext) async throws -> Model {
            _ = try ctx.user()
            return Model(notice: notice, errors: errors, months: try await ExchangeRateRepository(db: ctx.db).months(limit: 24))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            func form(_ url: ConsoleURL, _ title: InvestmentText, _ columns: InvestmentText) -> HTML {
                """
                <section class="card"><h2>\(title(lang))</h2><p class="sub">\(columns(lang))</p>
                <form method="post" action="\(url)" enctype="multipart/form-data" class="filters">\(Markup.csrfField(ctx.csrf))
                <input type="file" name="file" accept=".csv,text/csv" required>
                <label class="check"><input type="checkbox" name="dry_run" value="1"> \(InvestmentText.dryRun(lang))</label>
                <button class="btn">\(InvestmentText.upload(lang))</button></form></section>
                """
            }
            let errors: HTML = m.errors.isEmpty ? .empty : """
            <section class="card"><table><thead><tr><th>\(InvestmentText.row(lang))</th><th>\(InvestmentText.column(lang))</th><th>\(InvestmentText.reason(lang))</th></tr></thead>
            <tbody>\(m.errors.prefix(500).map { e -> HTML in "<tr><td>\(e.row)</td><td>\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" })</tbody></table></section>
            """
            let body: HTML = """
            <h1>\(InvestmentText.imports(lang))</h1>\(m.notice.html)\(errors)
            <div class="grid g2">\(form(.investment(.importRates), .importRates, .ratesColumns))\(form(.investment(.importInflows), .importInflows, .inflowsColumns))</div>
            <p class="sub">\(m.months.map(\.iso).joined(separator: " · "))</p>
            """
            var page = ConsolePage(title: InvestmentText.imports(lang), section: .investment, body: body)
            page.status = status
            return page
        }
    }

    struct Upload: Content { var file: File?; var dry_run: String? }

    static func upload(_ req: Request, rates: Bool) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let u = try req.form(Upload.self)
        guard let file = u.file, file.data.readableBytes > 0 else {
            return View.render(try await Model.load(notice: Notice.refusal(.required("file"), ctx.language), on: ctx), ctx, status: .badRequest).response(ctx)
        }
        let data = Data(file.data.readableBytesView), dry = u.dry_run == "1"
        let rows: Int, errors: [RowError]
        do {
            if rates {
                let r = try await ExchangeRateRepository(db: ctx.db, clock: ctx.park.clock).importCSV(data, dryRun: dry, by: p)
                (rows, errors) = (r.rows, r.errors)
            } else {
                let r = try await InvestmentService(db: ctx.db, clock: ctx.park.clock).importInflows(data, dryRun: dry, by: p)
                (rows, errors) = (r.rows, r.errors)
            }
        } catch let e as DomainError where e.kind != .forbidden {
            return View.render(try await Model.load(notice: Notice.refusal(e, ctx.language), on: ctx), ctx, status: Problem.status(of: e.kind)).response(ctx)
        }
        let lang = ctx.language
        let notice = errors.isEmpty ? Notice(ok: true, text: InvestmentText.imported(lang, ["n": Numbers.count(rows)]) + (dry ? " (\(InvestmentText.dryRun(lang)))" : ""))
                                    : Notice(ok: false, text: InvestmentText.rowErrors(lang, ["n": Numbers.count(errors.count)]))
        return View.render(try await Model.load(notice: notice, errors: errors, on: ctx), ctx, status: errors.isEmpty ? .ok : .unprocessableEntity).response(ctx)
    }
}

/// Registers the investment pages (called once from `ConsoleRoutes.register`).
enum InvestmentRoutes {
    static func register(_ router: ConsoleRouter) {
        router.page(.investment(.board)) { ctx, req in BoardPage.View.render(try await BoardPage.Model.load(req.queryParameters, on: ctx), ctx) }
        router.page(.investment(.newProject)) { ctx, _ in NewProjectPage.View.render(try await NewProjectPage.Model.load(on: ctx), ctx) }
        router.on(.investment(.createProject)) { req in try await NewProjectPage.create(req) }
        router.page(.investment(.report)) { ctx, req in FDIReportPage.View.render(try await FDIReportPage.Model.load(req.queryParameters, on: ctx), ctx) }
        router.page(.investment(.fortune500)) { ctx, _ in Fortune500Page.View.render(try await Fortune500Page.Model.load(on: ctx), ctx) }
        router.page(.investment(.imports)) { ctx, _ in InvestmentImportPage.View.render(try await InvestmentImportPage.Model.load(on: ctx), ctx) }
        router.on(.investment(.importRates), body: .collect(maxSize: "10mb")) { req in try await InvestmentImportPage.upload(req, rates: true) }
        router.on(.investment(.importInflows), body: .collect(maxSize: "10mb")) { req in try await InvestmentImportPage.upload(req, rates: false) }
        ProjectForms.register(router)
        InfoReportsPage.register(router)
    }
}
