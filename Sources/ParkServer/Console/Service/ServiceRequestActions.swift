import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The forms of the request page (each posts `do=<action>` to the request's `act` route) and
/// the handler that runs them: a refusal re-renders the page with the reason, naming the field.
enum ServiceRequestActions {
    static func form(_ id: UUID, _ action: String, _ ctx: PageContext, fields: HTML = .empty, button: String, ghost: Bool = false) -> HTML {
        """
        <form method="post" action="\(ConsoleURL.service(.act(.value(id))))" class="inline-form">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="do" value="\(action)">\(fields)<button class="btn small\(ghost ? " ghost" : "")">\(button)</button></form>
        """
    }

    static func departmentOptions(_ m: ServiceRequestPage.Model, _ lang: Language, except: Set<String> = []) -> HTML {
        let opts: [HTML] = m.names.departments.keys.sorted().filter { !except.contains($0) }.map { Markup.option($0, m.names.department($0, lang), selected: nil) }
        return "\(opts)"
    }

    /// What an officer may do here, by role and state.
    static func staff(_ m: ServiceRequestPage.Model, _ ctx: PageContext) -> HTML {
        guard let p = ctx.principal else { return .empty }
        let lang = ctx.language, r = m.request, id = r.id
        let lead = p.role == .admin || p.departmentCode == r.leadDepartment
        let dispatcher = p.role == .admin || p.departmentCode == ServiceDesk.dispatcherDepartment
        var parts: [HTML] = []
        if r.state == .dispatched && lead {
            parts.append(form(id, "accept", ctx, button: ServiceText.accept(lang)))
            parts.append(form(id, "return", ctx, fields: "<input name=\"reason\" required placeholder=\"\(ServiceText.reason(lang))\">", button: ServiceText.returnIt(lang), ghost: true))
        }
        if (r.state == .submitted || r.state == .dispatched) && dispatcher {
            parts.append(form(id, "dispatch", ctx, fields: "<select name=\"department\">\(departmentOptions(m, lang))</select>", button: ServiceText.dispatch(lang), ghost: true))
        }
        if (r.state == .inProgress || r.state == .awaitingEnterprise) && lead {
            let taken = Set(m.subtasks.map(\.department))
            parts.append(form(id, "subtask_add", ctx, fields: """
                <select name="department">\(departmentOptions(m, lang, except: taken))</select><input name="instructions" required placeholder="\(ServiceText.instructions(lang))">\
                <input type="number" name="limit_days" min="1" max="30" value="10" title="\(ServiceText.limitDays(lang))">
                """, button: ServiceText.addSubtask(lang), ghost: true))
            parts.append(form(id, "extend", ctx, fields: "<input type=\"number\" name=\"days\" min=\"1\" max=\"30\" value=\"30\" title=\"\(ServiceText.days(lang))\"><input name=\"reason\" required placeholder=\"\(ServiceText.reason(lang))\">",
                              button: ServiceText.extend(lang), ghost: true))
        }
        var writing: HTML = .empty
        if r.state != .closed && r.state != .submitted {
            let kinds: [(String, ServiceText)] = lead ? [("note", .note), ("message", .message), ("question", .question)] : [("note", .note)]
            let opts: [HTML] = kinds.map { Markup.option($0.0, $0.1(lang), selected: "note") }
            writing = form(id, "post", ctx, fields: "<select name=\"kind\">\(opts)</select><textarea name=\"body\" rows=\"2\" required></textarea>", button: ServiceText.send(lang))
        }
        var reply: HTML = .empty
        if r.state == .inProgress && lead {
            reply = """
            <h3 class="spaced">\(ServiceText.reply(lang))</h3><p class="muted">\(ServiceText.replyHint(lang))</p>
            \(form(id, "reply", ctx, fields: "<textarea name=\"body\" rows=\"4\" required></textarea>", button: ServiceText.reply(lang)))
            """
        }
        var after: [HTML] = []
        if r.state == .replied || r.state == .closed {
            after.append(form(id, "callback", ctx, fields: """
                <input type="date" name="called_on" value="\(ctx.today.iso)"><label class="check"><input type="checkbox" name="satisfied" value="1" checked> \(ServiceText.satisfied(lang))</label><input name="notes" required placeholder="\(ServiceText.callback(lang))">
                """, button: ServiceText.callback(lang), ghost: true))
            if lead || dispatcher {
                after.append(form(id, "precedent", ctx, fields: "<input name=\"precedent_title\" required placeholder=\"\(ServiceText.precedentTitle(lang))\" value=\"\(r.precedentTitle ?? "")\">",
                                  button: ServiceText.markPrecedent(lang), ghost: true))
            }
        }
        guard !(parts.isEmpty && writing.raw.isEmpty && reply.raw.isEmpty && after.isEmpty) else { return .empty }
        return "<section class=\"card\"><h2>\(ServiceText.actions(lang))</h2><div class=\"actions\">\(parts)</div>\(writing)\(reply)<div class=\"actions spaced\">\(after)</div></section>"
    }

    /// What the requesting enterprise may do: answer, confirm or reject, rate.
    static func enterprise(_ m: ServiceRequestPage.Model, _ ctx: PageContext) -> HTML {
        let lang = ctx.language, r = m.request, id = r.id
        var parts: [HTML] = []
        if r.state != .closed && r.state != .replied {
            parts.append(form(id, "post", ctx, fields: "<input type=\"hidden\" name=\"kind\" value=\"message\"><textarea name=\"body\" rows=\"3\" required></textarea>", button: ServiceText.send(lang)))
        }
        if r.state == .replied {
            parts.append(form(id, "confirm", ctx, button: ServiceText.confirm(lang)))
            parts.append(form(id, "reject", ctx, fields: "<input name=\"reason\" required placeholder=\"\(ServiceText.rejectHint(lang))\">", button: ServiceText.reject(lang), ghost: true))
        }
        if r.state == .closed {
            if let stars = r.rating {
                parts.append("<p>\(ServiceText.yourRating(lang, ["n": String(stars)])) \(r.ratingComment ?? "")</p>")
            } else {
                let opts: [HTML] = (1...5).reversed().map { Markup.option(String($0), String(repeating: "★", count: $0), selected: "5") }
                parts.append(form(id, "rate", ctx, fields: "<select name=\"stars\" title=\"\(ServiceText.stars(lang))\">\(opts)</select><input name=\"comment\" placeholder=\"\(ServiceText.comment(lang))\">",
                                  button: ServiceText.rate(lang)))
            }
        }
        guard !parts.isEmpty else { return .empty }
        return "<section class=\"card\">\(parts)</section>"
    }

    struct ActForm: Content {
        var `do`: String
        var reason: String?
        var department: String?
        var instructions: String?
        var limit_days: Int?
        var subtask_id: String?
        var result: String?
        var kind: String?
        var body: String?
        var stars: Int?
        var comment: String?
        var called_on: String?
        var satisfied: String?
        var notes: String?
        var days: Int?
        var clock_id: String?
        var precedent_title: String?
    }

    /// Runs one action and returns to the request (303); a refusal shows the page again with it.
    static func act(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let id = try req.pathID()
        _ = try await ServiceRepository(db: ctx.db, clock: ctx.park.clock).visible(id, to: p)
        let desk = ServiceDesk(db: ctx.db, clock: ctx.park.clock)
        do {
            let f = try req.form(ActForm.self)
            func uuid(_ s: String?, _ field: String) throws(DomainError) -> UUID {
                guard let s, let u = UUID(uuidString: s) else { throw DomainError.required(field) }
                return u
            }
            switch f.do {
            case "accept": _ = try await desk.accept(id, by: p)
            case "return": _ = try await desk.returnToDispatcher(id, reason: f.reason ?? "", by: p)
            case "dispatch": _ = try await desk.dispatch(id, to: f.department ?? "", by: p)
            case "subtask_add": _ = try await desk.addSubtask(id, department: f.department ?? "", instructions: f.instructions ?? "", limitDays: f.limit_days ?? 0, by: p)
            case "subtask_accept": _ = try await desk.acceptSubtask(try uuid(f.subtask_id, "subtask_id"), by: p)
            case "subtask_done": _ = try await desk.completeSubtask(try uuid(f.subtask_id, "subtask_id"), result: f.result ?? "", by: p)
            case "post":
                guard let kind = ServiceDesk.Post(rawValue: f.kind ?? "") else { throw DomainError.required("kind") }
                _ = try await desk.post(id, kind, body: f.body ?? "", by: p)
            case "reply": _ = try await desk.reply(id, body: f.body ?? "", by: p)
            case "confirm": _ = try await desk.confirm(id, accepted: true, by: p)
            case "reject": _ = try await desk.confirm(id, accepted: false, reason: f.reason ?? "", by: p)
            case "rate": _ = try await desk.rate(id, stars: f.stars ?? 0, comment: f.comment ?? "", by: p)
            case "callback":
                guard let day = LocalDate(iso: f.called_on ?? "") else { throw DomainError.required("called_on") }
                _ = try await desk.recordCallback(id, calledOn: day, satisfied: f.satisfied == "1", notes: f.notes ?? "", by: p)
            case "extend": _ = try await desk.requestExtension(id, days: f.days ?? 0, reason: f.reason ?? "", by: p)
            case "extension_approve", "extension_refuse":
                _ = try await desk.decideExtension(id, clockID: try uuid(f.clock_id, "clock_id"), approve: f.do == "extension_approve", by: p)
            case "precedent": _ = try await desk.markPrecedent(id, title: f.precedent_title ?? "", by: p)
            default: throw DomainError(code: "invalid_value", field: "do", en: "unknown action", zh: "未知操作")
            }
        } catch let e as DomainError where e.kind != .notFound {
            let m = try await ServiceRequestPage.Model.load(id, notice: Notice.refusal(e, ctx.language), on: ctx)
            var page = ServiceRequestPage.View.render(m, ctx)
            page.status = e.kind == .forbidden ? .forbidden : e.kind == .conflict ? .conflict : .badRequest
            return page.response(ctx)
        }
        return req.redirect(to: .service(.request(.value(id))))
    }

    struct Upload: Content {
        var file: File
        var `internal`: String?
    }

    /// A file posted from the request page, stored in the database.
    static func attach(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let id = try req.pathID()
        _ = try await ServiceRepository(db: ctx.db, clock: ctx.park.clock).visible(id, to: p)
        do {
            let u = try req.content.decode(Upload.self)
            _ = try await ServiceDesk(db: ctx.db, clock: ctx.park.clock).attach(id, filename: u.file.filename, data: Data(buffer: u.file.data),
                                                                                internalOnly: u.`internal` == "1", by: p)
        } catch let e as DomainError where e.kind != .notFound {
            let m = try await ServiceRequestPage.Model.load(id, notice: Notice.refusal(e, ctx.language), on: ctx)
            var page = ServiceRequestPage.View.render(m, ctx)
            page.status = e.kind == .tooLarge ? .payloadTooLarge : .badRequest
            return page.response(ctx)
        }
        return req.redirect(to: .service(.request(.value(id))))
    }

    /// An attachment's bytes, to those who may see it (404 otherwise), never rendered inline.
    static func file(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let file = try await ServiceRepository(db: ctx.db, clock: ctx.park.clock).attachment(try req.pathID("fid"), of: try req.pathID(), for: try ctx.user())
        let res = Response(body: .init(data: file.data))
        res.headers.replaceOrAdd(name: .contentType, value: file.info.contentType)
        let ascii = file.info.filename.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" } ? file.info.filename : "attachment"
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"")
        return res
    }
}
