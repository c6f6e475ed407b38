import ParkDomain
import ParkStore
import Vapor

/// The forms of the project page and their handlers. Each handler calls the service and shows
/// the page again with the outcome; a refusal names its field and keeps the page's status 4xx.
enum ProjectForms {
    static func currencySelect(_ lang: Language, selected: String = "USD") -> HTML {
        "<select name=\"currency\">\(Currency.codes.map { Markup.option($0, "\($0) · \(Currency.known[$0]!.name.text(lang))", selected: selected) })</select>"
    }

    static func moveForms(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        let lang = ctx.language, p = m.detail.project, id = p.id!, csrf = ctx.csrf
        guard m.isStaff, !m.detail.masked else { return .empty }
        if let pending = m.pending {
            guard m.isHead else { return "<p class=\"notice\">\(InvestmentText.pendingReview(lang)): \(pending.toStage.label.text(lang))</p>" }
            return """
            <form method="post" action="\(ConsoleURL.investment(.review(.value(pending.id))))" class="filters">\(Markup.csrfField(csrf))
            <span>\(InvestmentText.pendingReview(lang)): \(pending.fromStage.label.text(lang)) → \(pending.toStage.label.text(lang)) (\(pending.effectiveOn.iso))</span>
            <label class="grow">\(InvestmentText.comment(lang))<input name="comment" maxlength="1000"></label>
            <button class="btn" name="decision" value="approve">\(InvestmentText.approve(lang))</button>
            <button class="btn ghost" name="decision" value="send_back">\(InvestmentText.sendBack(lang))</button></form>
            """
        }
        guard !p.stage.isFinal else { return .empty }
        let targets = [p.stage.next, .dropped].compactMap { $0 }
        return """
        <h3>\(InvestmentText.proposeMove(lang))</h3>
        <form method="post" action="\(ConsoleURL.investment(.propose(.value(id))))" class="filters">\(Markup.csrfField(csrf))
        <label>\(InvestmentText.toStage(lang))<select name="to_stage">\(targets.map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label>\(InvestmentText.effectiveOn(lang))<input type="date" name="effective_on" required value="\(ctx.today.iso)"></label>
        <label>\(InvestmentText.dropReason(lang))<select name="drop_reason">\(Markup.option("", "—", selected: ""))\(DropReason.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label class="grow">\(InvestmentText.note(lang))<input name="note" maxlength="1000"></label>
        <button class="btn">\(InvestmentText.propose(lang))</button></form>
        """
    }

    static func taskForceForm(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        guard m.isStaff, !m.detail.masked else { return .empty }
        let lang = ctx.language
        return """
        <form method="post" action="\(ConsoleURL.investment(.taskForce(.value(m.detail.project.id!))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label class="grow">\(InvestmentText.members(lang))<input name="members" maxlength="1000" placeholder="invest, land"></label>
        <button class="btn ghost">\(InvestmentText.saveTaskForce(lang))</button></form>
        """
    }

    static func departmentSelect(_ m: ProjectPage.Model, _ lang: Language) -> HTML {
        "<select name=\"department\">\(m.departments.map { Markup.option($0.code, $0.name.text(lang), selected: nil) })</select>"
    }

    static func blockerForm(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        guard m.isStaff, !m.detail.masked, !m.detail.project.stage.isFinal else { return .empty }
        let lang = ctx.language
        return """
        <h3>\(InvestmentText.openBlocker(lang))</h3>
        <form method="post" action="\(ConsoleURL.investment(.openBlocker(.value(m.detail.project.id!))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label class="grow">\(InvestmentText.title(lang))<input name="title" required maxlength="300"></label>
        <label>\(InvestmentText.department(lang))\(departmentSelect(m, lang))</label>
        <label>\(InvestmentText.openedOn(lang))<input type="date" name="opened_on" value="\(ctx.today.iso)"></label>
        <button class="btn ghost">\(InvestmentText.openBlocker(lang))</button></form>
        """
    }

    static func blockerActionForm(_ b: Blocker, _ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        let lang = ctx.language
        return """
        <form method="post" action="\(ConsoleURL.investment(.blockerAction(.value(b.id))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label>\(InvestmentText.state(lang))<select name="action">\(Markup.option("note", InvestmentText.addNote(lang), selected: nil))\(Markup.option("reassign", InvestmentText.reassign(lang), selected: nil))\(Markup.option("close", InvestmentText.close(lang), selected: nil))</select></label>
        <label class="grow">\(InvestmentText.note(lang))<input name="text" maxlength="2000"></label>
        <label>\(InvestmentText.department(lang))\(departmentSelect(m, lang))</label>
        <button class="btn ghost small">\(InvestmentText.record(lang))</button></form>
        """
    }

    static func contractedForm(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        guard m.isStaff, !m.detail.masked, m.detail.project.signedOn != nil else { return .empty }
        let lang = ctx.language
        return """
        <h3>\(InvestmentText.recordContracted(lang))</h3>
        <form method="post" action="\(ConsoleURL.investment(.contracted(.value(m.detail.project.id!))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label>\(InvestmentText.recordedOn(lang))<input type="date" name="recorded_on" required value="\(ctx.today.iso)"></label>
        <label>\(InvestmentText.kind(lang))<select name="kind">\(ContractedKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label>\(InvestmentText.event(lang))<select name="event">\(ContractedEvent.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label>\(InvestmentText.amount(lang))<input name="amount" required inputmode="decimal" maxlength="30" placeholder="20000000.00"></label>
        <label>\(InvestmentText.currency(lang))\(currencySelect(lang))</label>
        <button class="btn ghost">\(InvestmentText.record(lang))</button></form>
        """
    }

    static func inflowForm(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        guard m.isStaff, !m.detail.masked, m.detail.project.signedOn != nil else { return .empty }
        let lang = ctx.language
        return """
        <h3>\(InvestmentText.recordInflow(lang))</h3>
        <form method="post" action="\(ConsoleURL.investment(.inflow(.value(m.detail.project.id!))))" class="filters">\(Markup.csrfField(ctx.csrf))
        <label>\(InvestmentText.arrivedOn(lang))<input type="date" name="arrived_on" required value="\(ctx.today.iso)"></label>
        <label>\(InvestmentText.kind(lang))<select name="kind">\(InflowKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: nil) })</select></label>
        <label>\(InvestmentText.amount(lang))<input name="amount" required inputmode="decimal" maxlength="30" placeholder="1000000.00"></label>
        <label>\(InvestmentText.currency(lang))\(currencySelect(lang))</label>
        <label>\(InvestmentText.bankReference(lang))<input name="bank_reference" maxlength="100"></label>
        <button class="btn ghost">\(InvestmentText.record(lang))</button></form>
        """
    }

    // MARK: handlers

    struct MoveForm: Content { var to_stage: String?; var effective_on: String?; var drop_reason: String?; var note: String? }
    struct ReviewForm: Content { var decision: String?; var comment: String? }
    struct TaskForceForm: Content { var members: String? }
    struct BlockerForm: Content { var title: String?; var department: String?; var opened_on: String? }
    struct BlockerActionForm: Content { var action: String?; var text: String?; var department: String? }
    struct LedgerForm: Content {
        var recorded_on: String?; var arrived_on: String?; var kind: String?; var event: String?
        var amount: String?; var currency: String?; var bank_reference: String?
    }

    static func date(_ raw: String?, _ field: String) throws(DomainError) -> LocalDate {
        guard let raw, !raw.isEmpty else { throw DomainError.required(field) }
        guard let d = LocalDate(iso: raw) else { throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD", zh: "\(field) 须为日期") }
        return d
    }

    /// Runs `body` for the project `id` and shows the page with its outcome.
    static func act(_ req: Request, project id: UUID, _ body: @escaping @Sendable (PageContext, InvestmentService, Principal) async throws -> Void) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        do {
            try await body(ctx, InvestmentService(db: ctx.db, clock: ctx.park.clock), p)
            return try await ProjectPage.response(id, notice: Notice(ok: true, text: InvestmentText.saved(ctx.language)), ctx)
        } catch let e as DomainError where e.kind != .notFound {
            return try await ProjectPage.response(id, notice: Notice.refusal(e, ctx.language), status: Problem.status(of: e.kind), ctx)
        }
    }

    static func register(_ router: ConsoleRouter) {
        ProjectLandSection.register(router)
        router.page(.investment(.project(.key))) { ctx, req in ProjectPage.View.render(try await ProjectPage.Model.load(try req.pathID(), on: ctx), ctx) }
        router.on(.investment(.propose(.key))) { req in
            let f = try req.form(MoveForm.self), id = try req.pathID()
            return try await act(req, project: id) { _, s, p in
                let to = try parseCode(f.to_stage ?? "", as: ProjectStage.self, field: "to_stage")
                let reason = try (f.drop_reason ?? "").isEmpty ? nil : DropReason.parse(f.drop_reason ?? "")
                _ = try await s.proposeMove(id, to: to, effectiveOn: try date(f.effective_on, "effective_on"), dropReason: reason, note: f.note ?? "", by: p)
            }
        }
        router.on(.investment(.review(.key))) { req in
            let f = try req.form(ReviewForm.self), moveID = try req.pathID()
            let ctx = PageContext(req)
            guard let move = try await InvestmentRepository(db: ctx.db).moveByID(moveID) else {
                throw DomainError.notFound("stage move", id: moveID.uuidString)
            }
            return try await act(req, project: move.projectID) { _, s, p in
                _ = try await s.review(moveID, approve: f.decision == "approve", comment: f.comment ?? "", by: p)
            }
        }
        router.on(.investment(.taskForce(.key))) { req in
            let f = try req.form(TaskForceForm.self), id = try req.pathID()
            return try await act(req, project: id) { ctx, s, p in
                let names = (f.members ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
                var members: [(userID: UUID, lead: Bool)] = []
                for (i, n) in names.enumerated() {
                    guard let u = try await ctx.park.accounts.find(username: n), u.role != .enterprise else {
                        throw DomainError(code: "unknown_officer", field: "members", en: "\(n) is not an officer's username", zh: "\(n) 不是工作人员的用户名")
                    }
                    members.append((u.id, i == 0))
                }
                _ = try await s.setTaskForce(id, members: members, by: p)
            }
        }
        router.on(.investment(.openBlocker(.key))) { req in
            let f = try req.form(BlockerForm.self), id = try req.pathID()
            return try await act(req, project: id) { _, s, p in
                let opened = try (f.opened_on ?? "").isEmpty ? nil : date(f.opened_on, "opened_on")
                _ = try await s.openBlocker(id, title: f.title ?? "", department: f.department ?? "", openedOn: opened, by: p)
            }
        }
        router.on(.investment(.blockerAction(.key))) { req in
            let f = try req.form(BlockerActionForm.self), bid = try req.pathID()
            let ctx = PageContext(req)
            guard let b = try await InvestmentRepository(db: ctx.db).blocker(bid) else { throw DomainError.notFound("blocker", id: bid.uuidString) }
            return try await act(req, project: b.projectID) { _, s, p in
                let action: InvestmentService.BlockerAction = switch f.action {
                case "reassign": .reassign(f.department ?? "")
                case "close": .close(f.text ?? "")
                default: .note(f.text ?? "")
                }
                _ = try await s.act(onBlocker: bid, action, by: p)
            }
        }
        router.on(.investment(.contracted(.key))) { req in
            let f = try req.form(LedgerForm.self), id = try req.pathID()
            return try await act(req, project: id) { _, s, p in
                _ = try await s.recordContracted(id, recordedOn: try date(f.recorded_on, "recorded_on"),
                                                 kind: try parseCode(f.kind ?? "", as: ContractedKind.self, field: "kind"),
                                                 event: try parseCode(f.event ?? "", as: ContractedEvent.self, field: "event"),
                                                 amount: try CurrencyAmount.parse(f.amount ?? "", currency: f.currency ?? "", field: "amount"), by: p)
            }
        }
        router.on(.investment(.inflow(.key))) { req in
            let f = try req.form(LedgerForm.self), id = try req.pathID()
            return try await act(req, project: id) { _, s, p in
                _ = try await s.recordInflow(id, arrivedOn: try date(f.arrived_on, "arrived_on"),
                                             kind: try parseCode(f.kind ?? "", as: InflowKind.self, field: "kind"),
                                             amount: try CurrencyAmount.parse(f.amount ?? "", currency: f.currency ?? "", field: "amount"),
                                             bankReference: f.bank_reference ?? "", by: p)
            }
        }
    }
}
