import ParkDomain
import ParkStore
import Vapor

/// The assessment of a lease: the trace behind the proposal (commitment → value → target →
/// ratio → rule), and the decision form (approve, or override with a written reason).
enum AssessmentPage {
    static func render(_ req: Request, notice: (ok: Bool, text: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        let layout = Layout(req)
        let lang = layout.lang
        let x = try await LeasePage.load(req, p, lang)
        let repo = AssessmentRepository(db: req.db, clock: req.park.clock)
        let stored = try await repo.latest(leaseID: x.lease.id!)
        let proposal: AssessmentProposal?
        if let stored { proposal = stored.proposal }
        else if x.lease.contract != nil { proposal = try await repo.propose(leaseID: x.lease.id!, asOf: req.park.today) }
        else { proposal = nil }
        let id = x.lease.id!.uuidString
        var parts: [HTML] = []
        if let n = notice { parts.append("<div class=\"notice \(n.ok ? "ok" : "bad")\">\(n.text)</div>") }
        if let proposal {
            let preview: HTML = stored == nil ? "<p class=\"sub\">\(lang == .zh ? "预览（尚未保存）" : "Preview (not stored yet)")</p>" : .empty
            parts.append("""
            <section class="card"><h2>\(LandText.proposal(lang)): \(proposal.kind.label.text(lang))</h2>\(preview)
            <p>\(LandText.asOf(lang)) \(proposal.asOf.iso) · \(LandText.score(lang)) <strong>\(Numbers.decimal(proposal.score, digits: 1))</strong> ·
            \(proposal.ruleset) v\(proposal.rulesetVersion)</p><p><strong>\(LandText.rule(lang)):</strong> \(proposal.rule(lang))</p>
            \(trace(proposal, lease: x.lease, lang: lang))</section>
            """)
        }
        if p.isStaff && x.lease.state == .assessmentDue {
            parts.append("""
            <section class="card"><form method="post" action="/leases/\(id)/assessment" class="filters">\(Markup.csrfField(layout.csrf))
            <label>\(LandText.asOf(lang))<input type="date" name="as_of" value="\(req.park.today.iso)" required></label>
            <button class="btn">\(LandText.runAssessment(lang))</button></form></section>
            """)
        }
        if let stored, let d = stored.decision {
            let reason: HTML = d.overrideReason.isEmpty ? .empty : "<p><strong>\(LandText.overrideReason(lang)):</strong> \(d.overrideReason)</p>"
            let comp: HTML = d.compensationYuan.map { "<p>\(LandText.compensation(lang)): \(Fmt.yuan($0, lang))</p>" } ?? .empty
            parts.append("""
            <section class="card"><h2>\(LandText.decision(lang)): \(d.kind.label.text(lang)) · \(d.extensionYears) \(LandText.years(lang))</h2>
            <p>\(LandText.decidedBy(lang)) \(d.decidedBy) · \(d.decidedOn.iso)</p>\(reason)\(comp)</section>
            """)
        } else if let stored, p.isStaff, x.lease.state == .assessed {
            parts.append(decisionForm(id, stored.proposal, csrf: layout.csrf, lang: lang))
        }
        let body: HTML = """
        <p><a href="/leases/\(id)">← \(LandText.lease(lang)) \(x.parcel.code)</a></p>
        <h1>\(LandText.assessment(lang)) · \(x.parcel.code) · \(x.enterprise)</h1>\(parts)
        """
        return layout.response(LandText.assessment(lang), p.isStaff ? .land : .enterprises, body, status: status)
    }

    static func trace(_ proposal: AssessmentProposal, lease: Lease, lang: Language) -> HTML {
        let rows = proposal.results.map { r -> HTML in
            let c = r.index < lease.commitments.count ? lease.commitments[r.index] : nil
            let name = c.map { $0.kind == .custom ? $0.label : $0.kind.label.text(lang) } ?? r.kind.rawValue
            let target = r.direction == .byDate ? (c?.targetDate?.iso ?? "—") : Fmt.value(r.target, kind: r.kind)
            return """
            <tr><td>\(name)\(r.mandatory ? " *" : "")</td><td class="num">\(r.direction == .byDate ? (r.met ? "✓" : "✗") : Fmt.value(r.value, kind: r.kind))</td>
            <td>\(r.direction.label.text(lang)) \(target)</td><td class="num">\(Numbers.decimal(r.ratio * 100, digits: 1)) %</td>
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

    static func decisionForm(_ id: String, _ proposal: AssessmentProposal, csrf: String?, lang: Language) -> HTML {
        """
        <section class="card"><h2>\(LandText.decision(lang))</h2>
        <form method="post" action="/leases/\(id)/decision" class="stack">\(Markup.csrfField(csrf))
        <div class="filters">
        <label>\(LandText.decision(lang))<select name="kind">\(ProposalKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: proposal.kind.rawValue) })</select></label>
        <label>\(LandText.extensionTerm(lang))<input type="number" name="extension_years" min="0" max="40" value="\(proposal.extensionYears)"></label>
        <label>\(LandText.compensation(lang))<input type="number" name="compensation_yuan" min="0" step="1"></label></div>
        <label>\(LandText.overrideReason(lang))<textarea name="override_reason" maxlength="2000"></textarea></label>
        <div><button class="btn">\(LandText.decide(lang))</button></div></form></section>
        """
    }

    static func run(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let lang = RequestContext.current.language
        let x = try await LeasePage.load(req, p, lang)
        do {
            guard let asOf = (try? req.content.get(String.self, at: "as_of")).flatMap(LocalDate.init(iso:)) else {
                throw DomainError(code: "invalid_date", field: "as_of", en: "as_of must be a date YYYY-MM-DD", zh: "评估基准日格式应为 YYYY-MM-DD")
            }
            _ = try await AssessmentRepository(db: req.db, clock: req.park.clock).assess(leaseID: x.lease.id!, asOf: asOf, by: p)
            return try await render(req)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, notice: (false, e.message.text(lang)), status: Problem.status(of: e.kind))
        }
    }

    struct DecisionForm: Content { var kind: String?; var extension_years: Int?; var compensation_yuan: Int64?; var override_reason: String? }

    static func decide(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let lang = RequestContext.current.language
        let x = try await LeasePage.load(req, p, lang)
        do {
            let f = (try? req.content.decode(DecisionForm.self)) ?? DecisionForm()
            guard let kind = f.kind.flatMap(ProposalKind.init(rawValue:)) else { throw DomainError.required("kind") }
            let repo = AssessmentRepository(db: req.db, clock: req.park.clock)
            guard let stored = try await repo.latest(leaseID: x.lease.id!) else { throw DomainError.notFound("assessment", id: x.lease.id!.uuidString) }
            _ = try await repo.decide(assessmentID: stored.id, kind: kind, extensionYears: f.extension_years ?? 0,
                                      overrideReason: f.override_reason ?? "", compensationYuan: f.compensation_yuan, by: p)
            return try await LeasePage.render(req, notice: (true, "\(LandText.decision(lang)): \(kind.label.text(lang))"))
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(req, notice: (false, (e.field.map { "\($0): " } ?? "") + e.message.text(lang)), status: Problem.status(of: e.kind))
        }
    }
}
