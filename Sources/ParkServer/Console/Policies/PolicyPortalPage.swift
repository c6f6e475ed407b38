import ParkDomain
import ParkStore
import Vapor

/// "Policies for me": every policy in force evaluated on the enterprise's current data, in three
/// sections: entitled (amount and why), not entitled (the condition not met), undetermined (the
/// data to supply, each with where to supply it). The enterprise's own page at /policies/me;
/// staff see any enterprise's at /policies/enterprise/:id.
enum PolicyPortalPage {
    static func mine(_ req: Request) async throws -> Response {
        let p = try PageContext(req).user()
        if p.isStaff { return req.redirect(to: .policies(.list)) }
        guard let own = p.enterpriseID else {
            throw DomainError(.forbidden, code: "forbidden", en: "this account is not linked to an enterprise", zh: "该账号未关联企业")
        }
        return try await render(req, enterprise: own, base: .mine, by: p)
    }

    static func staff(_ req: Request) async throws -> Response {
        let p = try PageContext(req).user()
        let id = try req.pathID()
        return try await render(req, enterprise: id, base: .enterprise(id), by: p)
    }

    static func render(_ req: Request, enterprise id: UUID, base: PolicyPortalScope, by p: Principal,
                       notice: (ok: Bool, text: String)? = nil) async throws -> Response {
        let layout = Layout(req)
        let lang = layout.lang
        guard let e = try await req.park.enterprises.find(id) else { throw Names.notFound(ConsoleText.enterpriseRecord, id: id.uuidString) }
        let today = req.park.today
        let answers = try await PolicyRunRepository(db: req.db, clock: req.park.clock).forEnterprise(id, asOf: today, by: p)
        var notice = notice
        if notice == nil, req.query[String.self, at: "saved"] != nil { notice = (true, PolicyText.factsSaved(lang)) }
        let link = { (fact: String) -> HTML in supplyLink(fact, enterprise: id, base: base, staff: p.isStaff, lang: lang) }
        let entitled = answers.filter { $0.explanation.outcome.status == .eligible }
            .sorted { ($0.explanation.outcome.amountFen ?? 0) > ($1.explanation.outcome.amountFen ?? 0) }
        let notEntitled = answers.filter { $0.explanation.outcome.status == .notEligible }
        let undetermined = answers.filter { $0.explanation.outcome.status == .undetermined }
        let total = entitled.compactMap(\.explanation.outcome.amountFen).reduce(Int64(0), +)
        let name = PolicyFormat.name(zh: e.nameZh, en: e.nameEn, lang)
        let back: HTML = p.isStaff ? "<p><a href=\"\(ConsoleURL.policies(.list))\">← \(PolicyText.backToPolicies(lang))</a> · <a href=\"\(ConsoleURL.enterprises(.detail(.value(id))))\">\(ConsoleText.enterprise(lang))</a></p>" : .empty
        let body: HTML = """
        \(back)<h1>\(PolicyText.myTitle(lang)) · \(name)</h1>\(notice.map { Notice(ok: $0.ok, text: $0.text) }.html)
        <section class="card"><p>\(PolicyText.myIntro(lang))</p>
        <div class="grid g4"><div class="stat"><div class="v">\(entitled.count)</div><div class="k">\(PolicyText.entitledSection(lang))</div></div>
        <div class="stat"><div class="v">\(PolicyFormat.money(total, lang))</div><div class="k">\(PolicyText.netTotal(lang))</div></div>
        <div class="stat"><div class="v">\(undetermined.count)</div><div class="k">\(PolicyText.undeterminedSection(lang))</div></div>
        <div class="stat"><div class="v">\(notEntitled.count)</div><div class="k">\(PolicyText.notEntitledSection(lang))</div></div></div>
        <p class="spaced"><span class="sub">\(PolicyText.asOf(lang)) \(today.iso)</span> · <a class="btn ghost small" href="\(base.facts)">\(PolicyText.supplyFacts(lang))</a></p></section>
        <section class="card" id="entitled"><h2>\(PolicyText.entitledSection(lang)) (\(entitled.count))</h2>
        \(list(entitled, lang: lang) { x in PolicyExplanationView(explanation: x, lang: lang, supplyLink: link, forStaff: p.isStaff).render() })</section>
        <section class="card" id="undetermined"><h2>\(PolicyText.undeterminedSection(lang)) (\(undetermined.count))</h2>
        \(list(undetermined, lang: lang) { x in
            PolicyExplanationView(explanation: x, lang: lang, supplyLink: link, forStaff: p.isStaff).render(conditions: { $0.result != true }, showDetails: false)
        })</section>
        <section class="card" id="not-entitled"><h2>\(PolicyText.notEntitledSection(lang)) (\(notEntitled.count))</h2>
        \(list(notEntitled, lang: lang) { x in
            "<b>\(PolicyText.failing(lang))</b>\(PolicyExplanationView(explanation: x, lang: lang, forStaff: p.isStaff).conditionTable(x.conditions.filter { $0.result == false }))"
        })</section>
        """
        return layout.response(PolicyText.myTitle(lang), .policies, body)
    }

    static func list(_ answers: [(policy: PolicyRepository.Stored, explanation: PolicyExplanation)], lang: Language,
                     _ content: (PolicyExplanation) -> HTML) -> HTML {
        guard !answers.isEmpty else { return "<p class=\"sub\">\(PolicyText.none(lang))</p>" }
        let items = answers.map { a -> HTML in
            let h = a.policy.policy.header
            return """
            <article class="policy-answer" data-policy="\(h.id)"><h3>\(h.title.text(lang)) \(PolicyFormat.applicationBadge(h, lang))</h3>
            <p class="sub">\(h.department.text(lang)) · \(h.legalReference) · \(PolicyText.validity(lang)) \(PolicyFormat.validity(h, lang))</p>
            \(h.summary.map { "<p>\($0.text(lang))</p>" as HTML } ?? .empty)\(content(a.explanation))</article>
            """
        }
        return "\(items)"
    }

    /// Where a missing fact can be supplied: the facts form, the lease reports, the per-mu page, or the park.
    static func supplyLink(_ fact: String, enterprise: UUID, base: PolicyPortalScope, staff: Bool, lang: Language) -> HTML {
        if PolicyFactText.supplied.contains(fact) { return "<a href=\"\(base.facts)\">\(PolicyText.supplyLink(lang))</a>" }
        switch PolicyFactCatalogue.builtIn[fact]?.source {
        case .yearly?, .energy?, .lease?: return "<a href=\"\(ConsoleURL.enterprises(.detail(.value(enterprise))))\">\(PolicyText.reportLink(lang))</a>"
        case .permu?: return "<a href=\"\(staff ? ConsoleURL.permu(.overview) : ConsoleURL.permu(.mine))\">\(PolicyText.permuLink(lang))</a>"
        default: return "<span class=\"sub\">\(PolicyText.contactPark(lang))</span>"
        }
    }
}
