import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The dispatcher's board: open requests per lead department and state (GROUP BY counts, the
/// overdue share in red), and the requests waiting for dispatch (new or returned) to route.
enum ServiceBoardPage {
    struct Model {
        var cells: [ServiceQueue.BoardCell]
        var waiting: [ServiceRequest]
        var firms: [UUID: Bilingual]
        var names: ServiceNames

        static func load(on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let waiting = try await ServiceRepository(db: ctx.db, clock: ctx.park.clock)
                .list(.init(state: .submitted), page: try PageRequest(page: 1, perPage: 100), for: p).items
            return Model(cells: try await ServiceQueue(db: ctx.db, clock: ctx.park.clock).board(), waiting: waiting,
                         firms: try await ctx.park.enterprises.names(Set(waiting.map(\.enterpriseID))), names: try await ServiceNames.load(ctx))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let states = RequestState.allCases.filter(\.isOpen)
            let departments = Array(Set(m.cells.map(\.department))).sorted()
            let head: [HTML] = states.map { "<th>\($0.label.text(lang))</th>" }
            let rows: [HTML] = departments.map { d in
                let cells: [HTML] = states.map { s in
                    guard let c = m.cells.first(where: { $0.department == d && $0.state == s }) else { return "<td>–</td>" }
                    let over: HTML = c.overdue > 0 ? " <span class=\"over\">(\(ServiceText.overdueCount(lang)) \(Numbers.count(c.overdue)))</span>" : .empty
                    return "<td><a href=\"\(ConsoleURL.service(.queue).href([("scope", "all")]))\">\(Numbers.count(c.count))</a>\(over)</td>"
                }
                return "<tr><th>\(m.names.department(d, lang))</th>\(cells)</tr>"
            }
            let dispatcher = ctx.principal?.role == .admin || ctx.principal?.departmentCode == ServiceDesk.dispatcherDepartment
            let deptOptions: [HTML] = m.names.departments.keys.sorted().map { Markup.option($0, m.names.department($0, lang), selected: nil) }
            let waiting: [HTML] = m.waiting.map { r in
                let route: HTML = dispatcher ? """
                    <form method="post" action="\(ConsoleURL.service(.act(.value(r.id))))" class="inline-form">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="do" value="dispatch">\
                    <select name="department">\(deptOptions)</select><button class="btn small">\(ServiceText.dispatch(lang))</button></form>
                    """ : .empty
                return """
                <tr><td class="nowrap"><a href="\(ConsoleURL.service(.request(.value(r.id))))">\(r.reference)</a></td><td>\(r.title)</td><td>\(m.firms[r.enterpriseID]?.text(lang) ?? "")</td>
                <td>\(m.names.category(r.categoryCode, lang))</td><td>\(r.receivedOn.iso)</td><td>\(route)</td></tr>
                """
            }
            let body: HTML = """
            <h1>\(ServiceText.boardTitle(lang))</h1>
            <section class="card flush scroll"><h2 class="pad">\(ServiceText.boardByState(lang))</h2><table><thead><tr><th>\(ServiceText.lead(lang))</th>\(head)</tr></thead><tbody>\(rows)</tbody></table></section>
            <section class="card flush scroll"><h2 class="pad">\(ServiceText.awaitingDispatch(lang))</h2><table><thead><tr><th>\(ServiceText.reference(lang))</th><th>\(ServiceText.title(lang))</th>
            <th>\(ServiceText.enterprise(lang))</th><th>\(ServiceText.category(lang))</th><th>\(ServiceText.received(lang))</th><th>\(ServiceText.dispatch(lang))</th></tr></thead>
            <tbody>\(waiting.isEmpty ? "<tr><td colspan=\"6\">\(ServiceText.noRequests(lang))</td></tr>" : HTML(raw: waiting.map(\.raw).joined()))</tbody></table></section>
            """
            return ConsolePage(title: ServiceText.boardTitle(lang), section: .service, body: body)
        }
    }
}

/// The inbox: the user's messages, newest first, with links to their requests; and the header's
/// unread badge, an SVG image (no script needed, fits the security policy).
enum ServiceInboxPage {
    struct Model {
        var items: Page<InboxItem>
        var unread: Int

        static func load(page: Int?, on ctx: PageContext) async throws -> Model {
            guard let user = try ctx.user().userID else { throw DomainError(.forbidden, code: "forbidden", en: "no user", zh: "无用户") }
            let inbox = ServiceInbox(db: ctx.db, clock: ctx.park.clock)
            return Model(items: try await inbox.items(user, page: try PageRequest(page: page, perPage: 50)), unread: try await inbox.unreadCount(user))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let rows: [HTML] = m.items.items.map { i in
                let when = Markup.date(Date(timeIntervalSince1970: Double(i.atMillis) / 1000), lang)
                // A request's message links to the request; an outbound risk alert to the firm's outbound page.
                let link: ConsoleURL? = i.requestID.map { .service(.request(.value($0))) } ?? (i.kind == "outbound_alert" ? .outbound(.mine) : nil)
                let text: HTML = link.map { "<a href=\"\($0)\">\(i.text.text(lang))</a>" } ?? "\(i.text.text(lang))"
                // Reading one message (an outbound alert's counts as the firm's receipt of it).
                let mark: HTML = i.read ? .empty : """
                    <form method="post" action="\(ConsoleURL.service(.inboxRead))" class="inline-form">\(Markup.csrfField(ctx.csrf))\
                    <input type="hidden" name="id" value="\(i.id.uuidString)"><button class="btn small ghost">\(ServiceText.markOneRead(lang))</button></form>
                    """
                return "<tr class=\"\(i.read ? "" : "unread")\"><td>\(when)</td><td>\(text)</td><td>\(mark)</td></tr>"
            }
            let body: HTML = """
            <h1>\(ServiceText.inbox(lang))</h1>
            <div class="toolbar"><span>\(ServiceText.unread(lang, ["n": Numbers.count(m.unread)]))</span>
            <form method="post" action="\(ConsoleURL.service(.inboxRead))" class="inline-form">\(Markup.csrfField(ctx.csrf))<button class="btn small ghost">\(ServiceText.markAllRead(lang))</button></form></div>
            <section class="card flush"><table><tbody>\(rows.isEmpty ? "<tr><td>\(ServiceText.noMessages(lang))</td></tr>" : HTML(raw: rows.map(\.raw).joined()))</tbody></table></section>
            """
            return ConsolePage(title: ServiceText.inbox(lang), section: .inbox, body: body)
        }
    }

    static func markRead(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let user = try ctx.user().userID else { throw DomainError(.forbidden, code: "forbidden", en: "no user", zh: "无用户") }
        struct Form: Decodable { var id: String? }
        let one = try req.form(Form.self).id.flatMap { $0.isEmpty ? nil : $0 }
        let id: UUID? = try one.map { s in
            guard let u = UUID(uuidString: s) else { throw DomainError(code: "invalid_id", field: "id", en: "not a message id", zh: "不是消息编号") }
            return u
        }
        try await ServiceInbox(db: ctx.db, clock: ctx.park.clock).markRead(user, id: id)
        return req.redirect(to: .service(.inbox))
    }

    /// The unread count as a small SVG the header shows next to the user's name.
    static func badge(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        var n = 0
        if let user = try ctx.user().userID { n = try await ServiceInbox(db: ctx.db, clock: ctx.park.clock).unreadCount(user) }
        let label = n > 99 ? "99+" : String(n)
        let width = 14 + 8 * label.count
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="18" viewBox="0 0 \(width) 18"><rect width="\(width)" height="18" rx="9" fill="\(n > 0 ? "#d92d20" : "#98a2b3")"/>\
        <text x="\(width / 2)" y="13" font-family="sans-serif" font-size="11" font-weight="700" fill="#fff" text-anchor="middle">\(label)</text></svg>
        """
        let res = Response(body: .init(string: svg))
        res.headers.contentType = .init(type: "image", subType: "svg+xml")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
