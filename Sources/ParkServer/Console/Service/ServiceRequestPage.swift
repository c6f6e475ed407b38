import Foundation
import ParkDomain
import ParkStore
import Vapor

/// One request: for officers the whole file (thread with internal notes, task force, clocks,
/// attachments, call-backs, actions by role); for the requesting enterprise the public thread,
/// the countdown, its files, confirm/reject and rating. Anyone else: 404.
enum ServiceRequestPage {
    struct Model {
        var request: ServiceRequest
        var firm: String
        var names: ServiceNames
        var subtasks: [Subtask]
        var clocks: [StoredClock]
        var thread: [ThreadMessage]
        var attachments: [AttachmentInfo]
        var callbacks: [CallbackRecord]
        var index: WorkingDayIndex
        var notice: Notice?

        static func load(_ id: UUID, notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let repo = ServiceRepository(db: ctx.db, clock: ctx.park.clock)
            let r = try await repo.visible(id, to: p)
            let firm = try await ctx.park.enterprises.find(r.enterpriseID)
            return Model(request: r, firm: firm?.name(ctx.language) ?? "", names: try await ServiceNames.load(ctx),
                         subtasks: p.isStaff ? try await repo.subtasks(of: id) : [],
                         clocks: try await repo.clocks(of: id).filter { p.isStaff || $0.subtaskID == nil },
                         thread: try await repo.thread(of: id, for: p), attachments: try await repo.attachments(of: id, for: p),
                         callbacks: p.isStaff ? try await repo.callbacks(of: id) : [], index: try await repo.calendarIndex(), notice: notice)
        }

        var paused: Bool { request.state == .awaitingEnterprise }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, r = m.request
            let p = ctx.principal
            let staff = p?.isStaff ?? false
            let header: HTML = """
            <h1>\(r.reference) · \(r.title)</h1>
            \(m.notice.html)
            <section class="card"><div class="grid g4">
            <div><span class="k">\(ServiceText.state(lang))</span><br>\(ServiceFormat.stateBadge(r.state, lang))\(r.precedent ? Markup.badge(ServiceText.precedent(lang), kind: "rd") : .empty)</div>
            <div><span class="k">\(ServiceText.enterprise(lang))</span><br>\(m.firm)</div>
            <div><span class="k">\(ServiceText.category(lang))</span><br>\(m.names.category(r.categoryCode, lang))</div>
            <div><span class="k">\(ServiceText.lead(lang))</span><br>\(m.names.department(r.leadDepartment, lang))</div>
            <div><span class="k">\(ServiceText.received(lang))</span><br>\(r.receivedOn.iso) · \(r.channel.label.text(lang))</div>
            <div><span class="k">\(ServiceText.urgency(lang))</span><br>\(r.urgency.label.text(lang))</div>
            <div><span class="k">\(ServiceText.contactName(lang))</span><br>\(r.contactName) · \(r.contactPhone)</div>
            <div><span class="k">\(ServiceText.countdown(lang))</span><br>\(ServiceFormat.countdown(due: r.dueOn, today: ctx.today, index: m.index, paused: m.paused, lang))</div>
            </div><p class="spaced">\(r.description)</p></section>
            """
            let body: HTML = """
            \(header)
            \(staff ? ServiceRequestActions.staff(m, ctx) : ServiceRequestActions.enterprise(m, ctx))
            <div class="grid g2">
            <section class="card"><h2>\(ServiceText.thread(lang))</h2>\(thread(m, lang))</section>
            <div>\(staff ? subtasks(m, ctx) : .empty)\(clocks(m, ctx))\(attachments(m, ctx))\(staff ? callbacks(m, lang) : .empty)</div>
            </div>
            """
            return ConsolePage(title: r.reference, section: staff ? .service : .servicePortal, body: body)
        }

        static func thread(_ m: Model, _ lang: Language) -> HTML {
            let items: [HTML] = m.thread.map { t in
                let when = Markup.date(Date(timeIntervalSince1970: Double(t.atMillis) / 1000), lang)
                let kind = t.kind == .internalNote ? Markup.badge(ServiceText.internalNote(lang), kind: "off") : Markup.badge(t.kind.label.text(lang))
                let who = t.authorRole == .enterprise ? t.authorName : t.authorName + (t.department.map { " · " + m.names.department($0, lang) } ?? "")
                let text = t.kind == .event ? eventText(t.body, lang) : t.body
                return "<li class=\"msg \(t.kind.rawValue)\"><div class=\"meta\">\(kind) \(who) · \(when)</div><div class=\"text\">\(text)</div></li>"
            }
            return "<ol class=\"thread\">\(items)</ol>"
        }

        /// Events are stored as "中文 | English"; the reader gets one language.
        static func eventText(_ body: String, _ lang: Language) -> String {
            let parts = body.components(separatedBy: " | ")
            guard parts.count == 2 else { return body }
            return Bilingual(zh: parts[0], en: parts[1]).text(lang)
        }

        static func subtasks(_ m: Model, _ ctx: PageContext) -> HTML {
            let lang = ctx.language
            let rows: [HTML] = m.subtasks.map { s in
                let mineDept = ctx.principal?.role == .admin || ctx.principal?.departmentCode == s.department
                let open = m.request.state.isOpen && m.request.state != .replied
                var act: HTML = .empty
                if mineDept && open && s.state == .assigned {
                    act = ServiceRequestActions.form(m.request.id, "subtask_accept", ctx, fields: "<input type=\"hidden\" name=\"subtask_id\" value=\"\(s.id.uuidString)\">",
                                                     button: ServiceText.acceptSubtask(lang))
                } else if mineDept && open && s.state == .accepted {
                    act = ServiceRequestActions.form(m.request.id, "subtask_done", ctx,
                        fields: "<input type=\"hidden\" name=\"subtask_id\" value=\"\(s.id.uuidString)\"><textarea name=\"result\" rows=\"2\" required placeholder=\"\(ServiceText.result(lang))\"></textarea>",
                        button: ServiceText.complete(lang))
                }
                let who: HTML = s.assigneeName.map { "<br><span class=\"muted\">\(ServiceText.assignedTo(lang, ["name": $0]))</span>" } ?? .empty
                return """
                <tr><td>\(m.names.department(s.department, lang))\(who)</td><td>\(s.state.label.text(lang))</td><td>\(s.limitDays)</td>\(ServiceFormat.dueCell(s.dueOn, today: ctx.today))
                <td>\(s.result ?? s.instructions)</td><td>\(act)</td></tr>
                """
            }
            return """
            <section class="card scroll"><h2>\(ServiceText.subtasks(lang))</h2>
            <table><thead><tr><th>\(ServiceText.department(lang))</th><th>\(ServiceText.state(lang))</th><th>\(ServiceText.limit(lang))</th><th>\(ServiceText.due(lang))</th><th>\(ServiceText.instructions(lang))</th><th></th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"6\">\(ServiceText.none(lang))</td></tr>" : HTML(raw: rows.map(\.raw).joined()))</tbody></table></section>
            """
        }

        static func clocks(_ m: Model, _ ctx: PageContext) -> HTML {
            let lang = ctx.language
            let subDept = Dictionary(uniqueKeysWithValues: m.subtasks.map { ($0.id, $0.department) })
            let rows: [HTML] = m.clocks.map { c in
                let state = c.clock.state(on: ctx.today, m.index)
                let owner = c.subtaskID.map { m.names.department(subDept[$0] ?? c.department, lang) } ?? ServiceText.reference(lang) + " " + m.request.reference
                let due: String = c.clock.pausedOn == nil ? c.clock.dueOn(m.index).iso : "–"
                let left: String = c.clock.remainingDays(on: ctx.today, m.index).map(String.init) ?? "–"
                var pending: HTML = .empty
                if let ext = c.pendingExtension {
                    pending = "<br><span class=\"muted\">\(ServiceText.pendingExtension(lang, ["n": String(ext.days), "reason": ext.reason]))</span>"
                    if ctx.principal?.isHead(of: m.request.leadDepartment) == true {
                        let fields: HTML = "<input type=\"hidden\" name=\"clock_id\" value=\"\(c.id.uuidString)\">"
                        pending = "\(pending)\(ServiceRequestActions.form(m.request.id, "extension_approve", ctx, fields: fields, button: ServiceText.approve(lang)))\(ServiceRequestActions.form(m.request.id, "extension_refuse", ctx, fields: fields, button: ServiceText.refuse(lang)))"
                    }
                }
                return "<tr><td>\(owner)</td><td>\(c.clock.kind.label.text(lang))</td><td>\(c.clock.limitDays)\(c.clock.extended ? "*" : "")</td><td>\(due)</td><td>\(left)</td><td>\(ServiceFormat.clockBadge(state, lang))\(pending)</td></tr>"
            }
            return """
            <section class="card scroll"><h2>\(ServiceText.clocks(lang))</h2>
            <table><thead><tr><th></th><th>\(ServiceText.kind(lang))</th><th>\(ServiceText.limit(lang))</th><th>\(ServiceText.due(lang))</th><th>\(ServiceText.remaining(lang))</th><th>\(ServiceText.clockState(lang))</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
        }

        static func attachments(_ m: Model, _ ctx: PageContext) -> HTML {
            let lang = ctx.language
            let rows: [HTML] = m.attachments.map { a in
                let tag: HTML = a.internalOnly ? Markup.badge(ServiceText.internalNote(lang), kind: "off") : .empty
                return "<li><a href=\"\(ConsoleURL.service(.file(.value(m.request.id), .value(a.id))))\">\(a.filename)</a> \(tag) <span class=\"muted\">\(Numbers.count(a.sizeBytes)) B · SHA-256 \(String(a.sha256.prefix(12)))…</span></li>"
            }
            let upload: HTML = m.request.state == .closed ? .empty : """
            <form method="post" enctype="multipart/form-data" action="\(ConsoleURL.service(.attach(.value(m.request.id))))" class="filters spaced">\(Markup.csrfField(ctx.csrf))
            <label>\(ServiceText.file(lang))<input type="file" name="file" required accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.doc,.xls"></label>
            \(ctx.isStaff ? HTML(raw: "<label class=\"check\"><input type=\"checkbox\" name=\"internal\" value=\"1\"> \(HTML.escape(ServiceText.internalFile(lang)))</label>") : .empty)
            <button class="btn small">\(ServiceText.upload(lang))</button></form><p class="muted">\(ServiceText.sizeLimit(lang))</p>
            """
            return "<section class=\"card\"><h2>\(ServiceText.attachments(lang))</h2><ul>\(rows)</ul>\(upload)</section>"
        }

        static func callbacks(_ m: Model, _ lang: Language) -> HTML {
            guard !m.callbacks.isEmpty else { return .empty }
            let rows: [HTML] = m.callbacks.map { "<li>\($0.calledOn.iso) · \($0.officer) · \($0.satisfied ? ServiceText.satisfied(lang) : "✗") — \($0.notes)</li>" }
            return "<section class=\"card\"><h2>\(ServiceText.callbacks(lang))</h2><ul>\(rows)</ul></section>"
        }
    }
}
