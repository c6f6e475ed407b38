import FluentKit
import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The grants of one policy in a run (policies paid without application): budget and rule,
/// Σ entitled against Σ proposed, each proposal with confirm / reject, confirm-all, and the
/// payment export of the confirmed ones.
enum PolicyGrantsView {
    static func render(run: PolicyRunRepository.Stored, used: PolicyRunRepository.UsedPolicy, policy: PolicyRepository.Stored,
                       csrf: String?, lang: Language, db: any Database) async throws -> HTML {
        let h = policy.policy.header
        let title = "<h2 class=\"pad\">\(PolicyText.grants(lang)) · \(h.title.text(lang))</h2>" as HTML
        guard h.withoutApplication else {
            return "<section class=\"card flush\" id=\"grants\">\(title)<p class=\"sub pad\">\(PolicyText.notWithoutApplication(lang))</p></section>"
        }
        let grants = try await PolicyRunRepository(db: db).grants(runID: run.id, policyID: used.id)
        let entitled = grants.reduce(Int64(0)) { $0 + $1.entitledFen }
        let proposed = grants.reduce(Int64(0)) { $0 + $1.proposedFen }
        let confirmed = grants.filter { $0.state == .confirmed }.reduce(Int64(0)) { $0 + $1.proposedFen }
        let open = grants.filter { $0.state == .proposed }.count
        let decide = ConsoleURL.policies(.decideGrants(.value(run.id)))
        let summary = PolicyFormat.facts([
            (PolicyText.budget(lang), "\(PolicyFormat.budget(h, lang))"),
            (PolicyText.budgetRule(lang), "\(PolicyFormat.rule(h.budgetRule, lang))"),
            (PolicyText.sumEntitled(lang), "\(PolicyFormat.money(entitled, lang)) (\(grants.count))"),
            (PolicyText.sumProposed(lang), "\(PolicyFormat.money(proposed, lang))"),
            (PolicyText.sumConfirmed(lang), "\(PolicyFormat.money(confirmed, lang))"),
        ])
        let rows = grants.map { g -> HTML in
            let actions: HTML = g.state == .proposed ? """
                <form method="post" action="\(decide)" class="inline">\(Markup.csrfField(csrf))<input type="hidden" name="policy" value="\(g.policyID)">
                <input type="hidden" name="grant_id" value="\(g.id.uuidString)"><button class="btn small" name="decision" value="confirm">\(PolicyText.confirm(lang))</button>
                <button class="btn ghost small" name="decision" value="reject">\(PolicyText.reject(lang))</button></form>
                """ : "\(g.decidedBy ?? "")"
            return """
            <tr><td><a href="\(ConsoleURL.policies(.enterprise(.value(g.enterpriseID))))">\(PolicyFormat.name(zh: g.nameZh, en: g.nameEn, lang))</a>
            <div class="mono sub">\(g.creditCode)</div></td>
            <td class="num nowrap">\(PolicyFormat.money(g.entitledFen, lang))</td><td class="num nowrap">\(PolicyFormat.money(g.proposedFen, lang))</td>
            <td>\(PolicyFormat.grantState(g.state, lang))</td><td class="nowrap">\(actions)</td></tr>
            """
        }
        let bulk: HTML = open == 0 ? .empty : """
            <form method="post" action="\(decide)" class="inline">\(Markup.csrfField(csrf))<input type="hidden" name="policy" value="\(used.id)">
            <button class="btn" name="decision" value="confirm_all">\(PolicyText.confirmAll(lang)) (\(open))</button></form>
            <span class="sub">\(PolicyText.confirmAllHint(lang))</span>
            """
        let table: HTML = grants.isEmpty ? "<p class=\"sub pad\">\(PolicyText.noGrants(lang))</p>" : """
            <div class="scroll"><table><thead><tr><th>\(PolicyText.enterprise(lang))</th><th class="num">\(PolicyText.entitled(lang))</th>
            <th class="num">\(PolicyText.proposed(lang))</th><th>\(PolicyText.state(lang))</th><th>\(PolicyText.decidedBy(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return """
        <section class="card flush" id="grants">\(title)<div class="pad">\(summary)<p class="sub">\(PolicyText.budgetNote(lang))</p>
        <div class="actions">\(bulk)<a class="btn ghost" href="\(ConsoleURL.policies(.paymentCSV(.value(run.id))).href([("policy", used.id)]))">\(PolicyText.exportPayment(lang))</a></div></div>
        \(table)</section>
        """
    }

    /// `decision` = confirm | reject (one `grant_id`) or confirm_all (every proposal of `policy`).
    static func decide(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user(), lang = ctx.language
        let runID = try req.pathID()
        let form = try req.form([String: String].self)
        let policy = form["policy"].flatMap { $0.isEmpty ? nil : $0 }
        let repo = PolicyRunRepository(db: ctx.db, clock: ctx.park.clock)
        do {
            let outcome: (count: Int, totalFen: Int64)
            switch form["decision"] ?? "" {
            case "confirm_all":
                guard let policy else { throw DomainError.required("policy") }
                outcome = try await repo.decide(runID: runID, policyID: policy, ids: nil, confirm: true, by: p)
            case let d where d == "confirm" || d == "reject":
                guard let raw = form["grant_id"], let id = UUID(uuidString: raw) else { throw DomainError.required("grant_id") }
                outcome = try await repo.decide(runID: runID, policyID: policy, ids: [id], confirm: d == "confirm", by: p)
            default:
                throw EnterpriseListRequest.bad("decision", form["decision"] ?? "")
            }
            let url = ConsoleURL.policies(.run(.value(runID))).href([("policy", policy), ("decided", String(outcome.count)), ("fen", String(outcome.totalFen))])
            return req.redirect(to: url + "#grants", redirectType: .normal)
        } catch let e as DomainError where e.kind == .invalid || e.kind == .conflict || e.kind == .notFound {
            return try await PolicyRunPage.render(req, notice: .refusal(e, lang),
                                                  status: e.kind == .conflict ? .conflict : e.kind == .notFound ? .notFound : .badRequest)
        }
    }
}
