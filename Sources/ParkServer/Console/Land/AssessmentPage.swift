import ParkDomain
import ParkStore
import Vapor

/// The assessment of a lease: the trace behind the proposal (commitment → value → target →
/// ratio → rule), and the decision form (approve, or override with a written reason).
enum AssessmentPage {
    struct Model {
        var loaded: LeasePage.Loaded
        var stored: AssessmentRepository.Stored?
        /// The stored proposal, or a preview computed for today (not stored).
        var proposal: AssessmentProposal?
        var isStaff: Bool
        var notice: Notice?

        static func load(_ id: UUID, notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let x = try await LeasePage.Loaded.load(id, on: ctx)
            let repo = AssessmentRepository(db: ctx.db, clock: ctx.park.clock)
            let stored = try await repo.latest(leaseID: id)
            let proposal: AssessmentProposal? = if let stored { stored.proposal }
                else if x.lease.contract != nil { try await repo.propose(leaseID: id, asOf: ctx.today) }
                else { nil }
            return Model(loaded: x, stored: stored, proposal: proposal, isStaff: ctx.isStaff, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, x = m.loaded, id = x.lease.id!
            var parts: [HTML] = [m.notice.html]
            if let proposal = m.proposal {
                let preview: HTML = m.stored == nil ? "<p class=\"sub\">\(LandText.previewNotStored(lang))</p>" : .empty
                parts.append("""
                <section class="card"><h2>\(LandText.proposal(lang)): \(proposal.kind.label.text(lang))</h2>\(preview)
                <p>\(LandText.asOf(lang)) \(proposal.asOf.iso) · \(LandText.score(lang)) <strong>\(Numbers.decimal(proposal.score, digits: 1))</strong> ·
                \(proposal.ruleset) v\(proposal.rulesetVersion)</p><p><strong>\(LandText.rule(lang)):</strong> \(proposal.rule(lang))</p>
                \(AssessmentPage.trace(proposal, lease: x.lease, lang: lang))</section>
                """)
            }
            if m.isStaff && x.lease.state == .assessmentDue {
                parts.append("""
                <section class="card"><form method="post" action="\(ConsoleURL.land(.runAssessment(.value(id))))" class="filters">\(Markup.csrfField(ctx.csrf))
                <label>\(LandText.asOf(lang))<input type="date" name="as_of" value="\(ctx.today.iso)" required></label>
                <button class="btn">\(LandText.runAssessment(lang))</button></form></section>
                """)
            }
            if let stored = m.stored, let d = stored.decision {
                let reason: HTML = d.overrideReason.isEmpty ? .empty : "<p><strong>\(LandText.overrideReason(lang)):</strong> \(d.overrideReason)</p>"
                let comp: HTML = d.compensationYuan.map { "<p>\(LandText.compensation(lang)): \(Fmt.yuan($0, lang))</p>" } ?? .empty
                parts.append("""
                <section class="card"><h2>\(LandText.decision(lang)): \(d.kind.label.text(lang)) · \(d.extensionYears) \(LandText.years(lang))</h2>
                <p>\(LandText.decidedBy(lang)) \(d.decidedBy) · \(d.decidedOn.iso)</p>\(reason)\(comp)</section>
                """)
            } else if let stored = m.stored, m.isStaff, x.lease.state == .assessed {
                parts.append(AssessmentPage.decisionForm(id, stored.proposal, csrf: ctx.csrf, lang: lang))
            }
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.lease(.value(id))))">← \(LandText.lease(lang)) \(x.parcel.code)</a></p>
            <h1>\(LandText.assessment(lang)) · \(x.parcel.code) · \(x.enterprise)</h1>\(parts)
            """
            return ConsolePage(title: LandText.assessment(lang), section: m.isStaff ? .land : .enterprises, body: body, status: status)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.land(.assessment(.key))) { ctx, req in View.render(try await Model.load(try req.pathID(), on: ctx), ctx) }
        router.on(.land(.runAssessment(.key))) { req in try await run(req) }
        router.on(.land(.decide(.key))) { req in try await decide(req) }
    }

    static func response(_ id: UUID, notice: Notice? = nil, status: HTTPResponseStatus = .ok, _ ctx: PageContext) async throws -> Response {
        View.render(try await Model.load(id, notice: notice, on: ctx), ctx, status: status).response(ctx)
    }

    static func trace(_ proposal: AssessmentProposal, lease: Lease, lang: Language) -> HTML {
        let rows = proposal.results.map { r -> HTML in
            let c = r.index < lease.commitments.count ? lease.commitments[r.index] : nil
            let name = c.map { $0.kind == .custom ? $0.label : $0.kind.label.text(lang) } ?? r.kind.rawValue
            let target = r.direction == .byDate ? (c?.targetDate?.iso ?? "—") : Fmt.value(r.target, kind: r.kind)
            return """
            <tr><td>\(name)\(r.mandatory ? " *" : "")</td><td class="num">\(r.direction == .byDate ? (r.met ? "✓" : "✗") : Fmt.value(r.value, kind: r.kind))</td>
            <td>\(r.direction.label.text(lang)) \(target)</td><td class="num">\(Numbers.percent(ratio: r.ratio, digits: 1))</td>
            <td class="\(r.met ? "met" : "miss")">\(r.met ? LandText.met(lang) : LandText.notMet(lang))</td><td class="num">\(Numbers.decimal(r.weight, digits: 0))</td>
            <td class="sub">\(r.explanation(lang))</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(LandText.commitment(lang))</th><th class="num">\(LandText.value(lang))</th><th>\(LandText.target(lang))</th><th class="num">\(LandText.ratio(lang))</th>
        <th></th><th class="num">\(LandText.weight(lang))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        <p class="sub">* \(LandText.mandatory(lang))</p>
        """
    }

    static func decisionForm(_ id: UUID, _ proposal: AssessmentProposal, csrf: String?, lang: Language) -> HTML {
        """
        <section class="card"><h2>\(LandText.decision(lang))</h2>
        <form method="post" action="\(ConsoleURL.land(.decide(.value(id))))" class="stack">\(Markup.csrfField(csrf))
        <div class="filters">
        <label>\(LandText.decision(lang))<select name="kind">\(ProposalKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: proposal.kind.rawValue) })</select></label>
        <label>\(LandText.extensionTerm(lang))<input type="number" name="extension_years" min="0" max="40" value="\(proposal.extensionYears)"></label>
        <label>\(LandText.compensation(lang))<input type="number" name="compensation_yuan" min="0" step="1"></label></div>
        <label>\(LandText.overrideReason(lang))<textarea name="override_reason" maxlength="2000"></textarea></label>
        <div><button class="btn">\(LandText.decide(lang))</button></div></form></section>
        """
    }

    struct RunForm: Content { var as_of: String? }

    static func run(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let id = try req.pathID()
        let x = try await LeasePage.Loaded.load(id, on: ctx)
        do {
            guard let asOf = try req.form(RunForm.self).as_of.flatMap(LocalDate.init(iso:)) else {
                throw DomainError(code: "invalid_date", field: "as_of", en: "as_of must be a date YYYY-MM-DD", zh: "评估基准日格式应为 YYYY-MM-DD")
            }
            _ = try await AssessmentRepository(db: ctx.db, clock: ctx.park.clock).assess(leaseID: x.lease.id!, asOf: asOf, by: try ctx.user())
            return try await response(id, ctx)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await response(id, notice: Notice(ok: false, text: e.message.text(ctx.language)), status: Problem.status(of: e.kind), ctx)
        }
    }

    struct DecisionForm: Content { var kind: String?; var extension_years: Int?; var compensation_yuan: Int64?; var override_reason: String? }

    static func decide(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let lang = ctx.language, id = try req.pathID()
        let x = try await LeasePage.Loaded.load(id, on: ctx)
        do {
            let f = (try? req.form(DecisionForm.self)) ?? DecisionForm()
            guard let kind = f.kind.flatMap(ProposalKind.init(rawValue:)) else { throw DomainError.required("kind") }
            let repo = AssessmentRepository(db: ctx.db, clock: ctx.park.clock)
            guard let stored = try await repo.latest(leaseID: x.lease.id!) else { throw Names.notFound(LandText.assessment, id: id.uuidString) }
            _ = try await repo.decide(assessmentID: stored.id, kind: kind, extensionYears: f.extension_years ?? 0,
                                      overrideReason: f.override_reason ?? "", compensationYuan: f.compensation_yuan, by: try ctx.user())
            return try await LeasePage.response(id, notice: Notice(ok: true, text: "\(LandText.decision(lang)): \(kind.label.text(lang))"), ctx)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await response(id, notice: .refusal(e, lang), status: Problem.status(of: e.kind), ctx)
        }
    }
}
