import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The portal: the firm's own requests, and the new-request form that offers precedents and
/// similar requests as the firm writes (found by the database's text search).
enum ServiceMinePage {
    struct Model {
        var requests: Page<ServiceRequest>
        var names: ServiceNames
        var index: WorkingDayIndex

        static func load(page: Int?, on ctx: PageContext) async throws -> Model {
            let repo = ServiceRepository(db: ctx.db, clock: ctx.park.clock)
            return Model(requests: try await repo.list(.init(), page: try PageRequest(page: page, perPage: 50), for: try ctx.user()),
                         names: try await ServiceNames.load(ctx), index: try await repo.calendarIndex())
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let rows: [HTML] = m.requests.items.map { r in
                """
                <tr><td class="nowrap"><a href="\(ConsoleURL.service(.request(.value(r.id))))">\(r.reference)</a></td><td>\(r.title)</td><td>\(m.names.category(r.categoryCode, lang))</td>
                <td>\(ServiceFormat.stateBadge(r.state, lang))</td><td>\(ServiceFormat.countdown(due: r.dueOn, today: ctx.today, index: m.index, paused: r.state == .awaitingEnterprise, lang))</td></tr>
                """
            }
            let body: HTML = """
            <h1>\(ServiceText.mineTitle(lang))</h1>
            <div class="toolbar"><span>\(ServiceText.count(lang, ["n": Numbers.count(m.requests.total)]))</span><a class="btn" href="\(ConsoleURL.service(.newRequest))">\(ServiceText.newTitle(lang))</a></div>
            <section class="card flush scroll"><table><thead><tr><th>\(ServiceText.reference(lang))</th><th>\(ServiceText.title(lang))</th><th>\(ServiceText.category(lang))</th>
            <th>\(ServiceText.state(lang))</th><th>\(ServiceText.countdown(lang))</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"5\">\(ServiceText.noRequests(lang))</td></tr>" : HTML(raw: rows.map(\.raw).joined()))</tbody></table></section>
            """
            return ConsolePage(title: ServiceText.mineTitle(lang), section: .servicePortal, body: body)
        }
    }
}

enum ServiceNewPage {
    struct Form: Content {
        var category: String?
        var title: String?
        var description: String?
        var urgency: String?
        var contact_name: String?
        var contact_phone: String?
        var credit_code: String?
        var channel: String?
    }

    struct Model {
        var form: Form
        var names: ServiceNames
        var precedents: [ServiceSearch.Hit]
        var similar: [ServiceSearch.Hit]
        var notice: Notice?

        static func load(_ form: Form, notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            var precedents: [ServiceSearch.Hit] = [], similar: [ServiceSearch.Hit] = []
            let title = String((form.title ?? "").prefix(200)), description = String((form.description ?? "").prefix(2000))
            if !title.trimmingCharacters(in: .whitespaces).isEmpty {
                let search = ServiceSearch(db: ctx.db)
                precedents = try await search.similar(title: title, description: description, precedentsOnly: true, limit: 3, for: p)
                similar = try await search.similar(title: title, description: description, precedentsOnly: false, limit: 5, for: p)
            }
            return Model(form: form, names: try await ServiceNames.load(ctx), precedents: precedents, similar: similar, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, f = m.form
            let cats: [HTML] = m.names.categories.values.filter(\.active).sorted { $0.code < $1.code }
                .map { Markup.option($0.code, $0.name.text(lang) + " → " + m.names.department($0.leadDepartment, lang), selected: f.category) }
            let urgencies: [HTML] = Urgency.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.urgency ?? "normal") }
            let staffFields: HTML = ctx.isStaff ? """
                <label>\(ServiceText.enterprise(lang)) (\(ServiceText.creditCode(lang)))<input name="credit_code" required value="\(f.credit_code ?? "")" maxlength="18"></label>
                <label>\(ServiceText.channel(lang))<select name="channel">\(HTML(raw: [RequestChannel.visit, .phone, .hotline, .businessCentre].map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.channel ?? "visit").raw }.joined()))</select></label>
                """ : .empty
            func hits(_ list: [ServiceSearch.Hit]) -> HTML {
                let items: [HTML] = list.map { h in
                    let title = h.request.precedentTitle ?? h.request.title
                    // An enterprise reads a precedent's title and category, not another firm's file.
                    let link: HTML = ctx.isStaff || h.request.enterpriseID == ctx.principal?.enterpriseID
                        ? "<a href=\"\(ConsoleURL.service(.request(.value(h.request.id))))\">\(h.request.reference)</a>" : "\(h.request.reference)"
                    return "<li>\(link) \(title) <span class=\"muted\">\(m.names.category(h.request.categoryCode, lang))</span></li>"
                }
                return items.isEmpty ? "<p class=\"muted\">\(ServiceText.noSuggestions(lang))</p>" : "<ul>\(items)</ul>"
            }
            let suggestions: HTML = (f.title ?? "").isEmpty ? .empty : """
                <section class="card"><h2>\(ServiceText.suggestions(lang))</h2><h3>\(ServiceText.precedents(lang))</h3>\(hits(m.precedents))
                <h3>\(ServiceText.similar(lang))</h3>\(hits(m.similar))</section>
                """
            let body: HTML = """
            <h1>\(ServiceText.newTitle(lang))</h1>\(m.notice.html)
            <div class="grid g31"><form class="card form-grid" method="post" action="\(ConsoleURL.service(.create))">\(Markup.csrfField(ctx.csrf))
            \(staffFields)
            <label>\(ServiceText.category(lang))<select name="category" required>\(cats)</select></label>
            <label>\(ServiceText.title(lang))<input name="title" required maxlength="200" value="\(f.title ?? "")"></label>
            <label>\(ServiceText.description(lang))<textarea name="description" rows="6" required maxlength="10000">\(f.description ?? "")</textarea></label>
            <label>\(ServiceText.urgency(lang))<select name="urgency">\(urgencies)</select></label>
            <label>\(ServiceText.contactName(lang))<input name="contact_name" required maxlength="100" value="\(f.contact_name ?? "")"></label>
            <label>\(ServiceText.contactPhone(lang))<input name="contact_phone" required maxlength="40" value="\(f.contact_phone ?? "")"></label>
            <div class="actions"><button class="btn ghost" formmethod="get" formaction="\(ConsoleURL.service(.newRequest))" formnovalidate>\(ServiceText.checkSimilar(lang))</button>
            <button class="btn">\(ServiceText.submit(lang))</button></div></form>
            <div>\(suggestions)</div></div>
            """
            return ConsolePage(title: ServiceText.newTitle(lang), section: ctx.isStaff ? .service : .servicePortal, body: body,
                               status: m.notice == nil ? .ok : .badRequest)
        }
    }

    /// POST: raises the request (an enterprise user: always for its own enterprise).
    static func create(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let f = try req.form(Form.self)
        do {
            let enterpriseID: UUID
            if p.isStaff {
                guard let code = f.credit_code, let e = try await ctx.park.enterprises.find(creditCode: code) else {
                    throw DomainError(code: "unknown_enterprise", field: "credit_code", en: "no enterprise has this credit code", zh: "登记簿中没有该统一社会信用代码")
                }
                enterpriseID = e.id!
            } else {
                guard let own = p.enterpriseID else { throw DomainError(.forbidden, code: "forbidden", en: "no enterprise", zh: "未绑定企业") }
                enterpriseID = own
            }
            let draft = RequestDraft(enterpriseID: enterpriseID, categoryCode: f.category ?? "", title: f.title ?? "", description: f.description ?? "",
                                     urgency: Urgency(rawValue: f.urgency ?? "") ?? .normal,
                                     channel: RequestChannel(rawValue: f.channel ?? "") ?? (p.isStaff ? .visit : .portal),
                                     contactName: f.contact_name ?? "", contactPhone: f.contact_phone ?? "")
            let r = try await ServiceDesk(db: ctx.db, clock: ctx.park.clock).raise(draft, by: p)
            return req.redirect(to: .service(.request(.value(r.id))))
        } catch let e as DomainError {
            let m = try await Model.load(f, notice: Notice.refusal(e, ctx.language), on: ctx)
            return View.render(m, ctx).response(ctx)
        }
    }
}

