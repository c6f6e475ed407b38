import ParkDomain
import ParkStore
import Vapor

/// The filters of the information reports page, read from the URL; a bad value is refused
/// naming its field.
struct InfoReportsRequest: Equatable {
    var listing: InfoReportService.Listing = .due
    var officer: UUID?
    var kind: InfoReportKind?
    var page = 1

    init(_ params: [String: String]) throws(DomainError) {
        func value(_ k: String) -> String? { params[k].flatMap { $0.isEmpty ? nil : $0 } }
        if let l = value("list") { listing = try parseCode(l, as: InfoReportService.Listing.self, field: "list") }
        if let o = value("officer") {
            guard let id = UUID(uuidString: o) else { throw DomainError(code: "invalid_value", field: "officer", en: "officer is not a user id", zh: "负责人无效") }
            officer = id
        }
        if let k = value("kind") { kind = try parseCode(k, as: InfoReportKind.self, field: "kind") }
        if let p = value("page") {
            guard let n = Int(p) else { throw DomainError(code: "invalid_value", field: "page", en: "page must be a number", zh: "页码须为数字") }
            page = try Bounds.check(n, in: 1...PageRequest.maxPage, field: "page")
        }
    }

    func params(_ changes: [String: String?] = [:]) -> [(String, String?)] {
        var p: [(String, String?)] = [("list", listing.rawValue), ("officer", officer?.uuidString), ("kind", kind?.rawValue), ("page", String(page))]
        for (k, v) in changes { if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) } }
        return p
    }
}

/// Foreign investment information reports (DOMAIN.md §8): what is due and what is overdue, for
/// everyone or one officer, a page at a time, with the forms to mark a report filed, generate a
/// year and record a change (officers of the investment bureau), and the CSV export.
enum InfoReportsPage {
    static let perPage = 50

    struct Model {
        var request: InfoReportsRequest
        var page: Page<InfoReportService.Row>
        var counts: (due: Int, overdue: Int)
        var officers: [(id: UUID, username: String, name: String)]
        var canWrite: Bool
        var notice: Notice?

        static func load(_ params: [String: String], notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let request = try InfoReportsRequest(params)
            let s = InfoReportService(db: ctx.db, clock: ctx.park.clock)
            return Model(request: request,
                         page: try await s.list(request.listing, officer: request.officer, kind: request.kind,
                                                try PageRequest(page: request.page, perPage: perPage), by: p),
                         counts: try await s.counts(officer: request.officer),
                         officers: try await InvestmentRepository(db: ctx.db).officers(limit: 200),
                         canWrite: (try? ProjectVisibility.requireInvestOfficer(p)) != nil, notice: notice)
        }
    }

    static func reportText(_ r: InfoReport, _ lang: Language) -> String {
        r.kind == .annual ? InfoReportText.annualOf(lang, ["year": String(r.reportYear ?? 0)])
                          : InfoReportText.changeOf(lang, ["note": r.changeNote ?? ""])
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, q = m.request, here = ConsoleURL.investment(.infoReports), today = ctx.today
            let tabs: HTML = """
            <div class="grid g4"><a class="stat" href="\(here.href(q.params(["list": "due", "page": "1"])))"><div class="k">\(InfoReportText.due(lang))</div><div class="v">\(Numbers.count(m.counts.due))</div></a>
            <a class="stat" href="\(here.href(q.params(["list": "overdue", "page": "1"])))"><div class="k">\(InfoReportText.overdue(lang))</div><div class="v\(m.counts.overdue > 0 ? " bad" : "")">\(Numbers.count(m.counts.overdue))</div></a></div>
            """
            let filters: HTML = """
            <form class="filters card" method="get" action="\(here)">
            <label>\(InfoReportText.list(lang))<select name="list">\(InfoReportService.Listing.allCases.map { Markup.option($0.rawValue, $0 == .due ? InfoReportText.due(lang) : InfoReportText.overdue(lang), selected: q.listing.rawValue) })</select></label>
            <label>\(InfoReportText.officer(lang))<select name="officer">\(Markup.option("", InfoReportText.all(lang), selected: q.officer?.uuidString))\(m.officers.map { Markup.option($0.id.uuidString, $0.name, selected: q.officer?.uuidString) })</select></label>
            <label>\(InfoReportText.kind(lang))<select name="kind">\(Markup.option("", InfoReportText.all(lang), selected: q.kind?.rawValue))\(InfoReportKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: q.kind?.rawValue) })</select></label>
            <button class="btn" type="submit">\(InfoReportText.apply(lang))</button>
            <a class="btn ghost" href="\(ConsoleURL.investment(.infoReportsCSV).href(q.params()))">\(InfoReportText.exportCSV(lang))</a>
            </form>
            """
            let rows = m.page.items.map { row -> HTML in
                let r = row.report, state = r.state(on: today)
                let late: HTML = state == .overdue
                    ? " <span class=\"badge bad\">\(InfoReportText.daysOverdue(lang, ["n": Numbers.count(r.dueOn.days(until: today))]))</span>" : .empty
                let form: HTML = m.canWrite ? """
                <form method="post" action="\(ConsoleURL.investment(.fileInfoReport(.value(r.id))))" class="inline">\(Markup.csrfField(ctx.csrf))
                <input type="date" name="filed_on" value="\(today.iso)" max="\(today.iso)" aria-label="\(InfoReportText.filedOn(lang))"><button class="btn small">\(InfoReportText.markFiled(lang))</button></form>
                """ : .empty
                return """
                <tr class="\(state == .overdue ? "overdue" : "")"><td><a href="\(ConsoleURL.indicators(.profile(.value(r.enterpriseID))))">\(row.enterpriseName.text(lang))</a><div class="sub mono">\(row.creditCode)</div></td>
                <td>\(reportText(r, lang))</td><td>\(r.opensOn.iso)</td><td>\(r.dueOn.iso)\(late)</td><td>\(row.officer ?? "—")</td><td>\(form)</td></tr>
                """
            }
            let tbody: HTML = rows.isEmpty ? "<tr><td colspan=\"6\">\(InfoReportText.none(lang))</td></tr>" : "\(rows)"
            let page = m.page
            let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(here.href(q.params(["page": String(page.page - 1)])))\">\(ConsoleText.previous(lang))</a>" : .empty
            let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(here.href(q.params(["page": String(page.page + 1)])))\">\(ConsoleText.next(lang))</a>" : .empty
            let forms: HTML = m.canWrite ? """
            <div class="grid g2"><section class="card"><h2>\(InfoReportText.generate(lang))</h2><p class="sub">\(InfoReportText.generateHint(lang))</p>
            <form method="post" action="\(ConsoleURL.investment(.generateInfoReports))" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(InfoReportText.year(lang))<input type="number" name="year" min="\(InfoReportRule.years.lowerBound)" max="\(today.year - 1)" value="\(today.year - 1)" required></label>
            <button class="btn">\(InfoReportText.generate(lang))</button></form></section>
            <section class="card"><h2>\(InfoReportText.recordChange(lang))</h2>
            <form method="post" action="\(ConsoleURL.investment(.recordInfoReportChange))" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(InfoReportText.creditCode(lang))<input name="credit_code" required maxlength="18" class="mono"></label>
            <label>\(InfoReportText.changeOn(lang))<input type="date" name="change_on" required max="\(today.iso)" value="\(today.iso)"></label>
            <label class="grow">\(InfoReportText.note(lang))<input name="note" required maxlength="\(InfoReportRule.maxNote)"></label>
            <button class="btn">\(InfoReportText.record(lang))</button></form></section></div>
            """ : .empty
            let body: HTML = """
            <h1>\(InfoReportText.title(lang))</h1>\(m.notice.html)
            <p class="sub">\(InfoReportText.intro(lang))</p>
            \(tabs)\(filters)
            <div class="toolbar"><span>\(q.listing == .due ? InfoReportText.due(lang) : InfoReportText.overdue(lang)) · \(InfoReportText.count(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)]))</span><span class="pager">\(prev)\(next)</span></div>
            <div class="card flush scroll"><table><thead><tr><th>\(InfoReportText.enterprise(lang))</th><th>\(InfoReportText.report(lang))</th><th>\(InfoReportText.opensOn(lang))</th>
            <th>\(InfoReportText.dueOn(lang))</th><th>\(InfoReportText.officer(lang))</th><th>\(InfoReportText.filedOn(lang))</th></tr></thead><tbody>\(tbody)</tbody></table></div>
            \(forms)
            """
            var p = ConsolePage(title: InfoReportText.title(lang), section: .investment, body: body)
            p.status = status
            return p
        }
    }

    struct FiledForm: Content { var filed_on: String? }
    struct GenerateForm: Content { var year: String? }
    struct ChangeForm: Content { var credit_code: String?; var change_on: String?; var note: String? }

    /// Runs a form's use case, then shows the list again with the outcome (a refusal names its
    /// field and keeps a 4xx status).
    static func act(_ req: Request, _ body: @escaping @Sendable (PageContext, InfoReportService, Principal) async throws -> String) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let params = req.queryParameters
        do {
            let text = try await body(ctx, InfoReportService(db: ctx.db, clock: ctx.park.clock), p)
            return View.render(try await Model.load(params, notice: Notice(ok: true, text: text), on: ctx), ctx).response(ctx)
        } catch let e as DomainError where e.kind != .notFound && e.kind != .forbidden {
            return View.render(try await Model.load(params, notice: Notice.refusal(e, ctx.language), on: ctx), ctx, status: Problem.status(of: e.kind)).response(ctx)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.investment(.infoReports)) { ctx, req in View.render(try await Model.load(req.queryParameters, on: ctx), ctx) }
        router.on(.investment(.infoReportsCSV)) { req in try await csv(req) }
        router.on(.investment(.fileInfoReport(.key))) { req in
            let f = try req.form(FiledForm.self), id = try req.pathID()
            return try await act(req) { ctx, s, p in
                let on = try (f.filed_on ?? "").isEmpty ? nil : ProjectForms.date(f.filed_on, "filed_on")
                _ = try await s.markFiled(id, on: on, by: p)
                return InfoReportText.saved(ctx.language)
            }
        }
        router.on(.investment(.generateInfoReports)) { req in
            let f = try req.form(GenerateForm.self)
            return try await act(req) { ctx, s, p in
                guard let year = Int(f.year ?? "") else { throw DomainError(code: "invalid_value", field: "year", en: "year must be a number", zh: "年度须为数字") }
                let n = try await s.generateAnnual(year: year, by: p)
                return InfoReportText.generated(ctx.language, ["n": Numbers.count(n), "year": String(year)])
            }
        }
        router.on(.investment(.recordInfoReportChange)) { req in
            let f = try req.form(ChangeForm.self)
            return try await act(req) { ctx, s, p in
                try ProjectVisibility.requireInvestOfficer(p)
                let code = try CreditCode((f.credit_code ?? "").trimmingCharacters(in: .whitespaces).uppercased())
                guard let e = try await EnterpriseRepository(db: ctx.db).find(creditCode: code.value) else {
                    throw DomainError(code: "unknown_enterprise", field: "credit_code", en: InfoReportText.notFound.text.en, zh: InfoReportText.notFound.text.zh)
                }
                _ = try await s.recordChange(enterpriseID: e.id!, changeOn: try ProjectForms.date(f.change_on, "change_on"), note: f.note ?? "", by: p)
                return InfoReportText.saved(ctx.language)
            }
        }
    }

    /// Every report of the list (all pages, streamed 500 at a time), in the reader's language,
    /// with a BOM so Excel opens it.
    static func csv(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let lang = ctx.language, request = try InfoReportsRequest(req.queryParameters), today = ctx.today
        let s = InfoReportService(db: ctx.db, clock: ctx.park.clock)
        let header = [InfoReportText.creditCode(lang), InfoReportText.enterprise(lang), InfoReportText.report(lang), InfoReportText.opensOn(lang),
                      InfoReportText.dueOn(lang), InfoReportText.officer(lang), InfoReportText.state(lang)]
        let stream = ExportStream(head: EnterpriseCSV.utf8BOM + CSVWriter.line(header) + "\n", tail: "") { after in
            let number = (after.flatMap(Int.init) ?? 0) + 1
            let page = try await s.list(request.listing, officer: request.officer, kind: request.kind, try PageRequest(page: number, perPage: 500), by: p)
            guard !page.items.isEmpty else { return nil }
            let text = page.items.map { row in
                CSVWriter.line([row.creditCode, row.enterpriseName.text(lang), reportText(row.report, lang), row.report.opensOn.iso,
                                row.report.dueOn.iso, row.officer ?? "", row.report.state(on: today).label.text(lang)], formulaGuard: true) + "\n"
            }.joined()
            return (text, String(number))
        }
        let res = Response(body: stream.responseBody)
        res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "info-reports-\(request.listing.rawValue)-\(today.iso).csv")
        return res
    }
}
