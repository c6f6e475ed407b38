import ParkDomain
import ParkStore
import Vapor

/// The policy list (staff): every policy's newest version with its header, the "run the match"
/// form and the recent matching runs.
enum PolicyListPage {
    struct Model {
        var policies: [PolicyRepository.Stored]
        var runs: [PolicyRunRepository.Stored]
        /// The match form as posted (kept when refused).
        var form: [String: String]
        var notice: Notice?

        static func load(form: [String: String] = [:], notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            Model(policies: try await PolicyRepository(db: ctx.db).latest(), runs: Array(try await PolicyRunRepository(db: ctx.db).all().prefix(20)),
                  form: form, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, today = ctx.today
            let body: HTML = """
            <div class="toolbar"><h1>\(PolicyText.title(lang))</h1><span><a class="btn ghost" href="\(ConsoleURL.policies(.reference))">\(PolicyText.reference(lang))</a> <a class="btn" href="\(ConsoleURL.policies(.new))">\(PolicyText.newPolicy(lang))</a></span></div>
            \(m.notice.html)
            <section class="card flush"><h2 class="pad">\(PolicyText.policies(lang))</h2>\(PolicyListPage.table(m.policies, today: today, lang: lang))</section>
            <div class="grid g2">\(PolicyListPage.matchForm(m.policies, form: m.form, today: today, csrf: ctx.csrf, lang: lang))
            <section class="card flush"><h2 class="pad">\(PolicyText.recentRuns(lang))</h2>\(PolicyListPage.runsTable(m.runs, lang: lang))</section></div>
            """
            return ConsolePage(title: PolicyText.title(lang), section: .policies, body: body, status: status)
        }
    }

    static func table(_ list: [PolicyRepository.Stored], today: LocalDate, lang: Language) -> HTML {
        guard !list.isEmpty else { return "<p class=\"sub pad\">\(PolicyText.noPolicies(lang))</p>" }
        let rows = list.map { s -> HTML in
            let h = s.policy.header
            let warnings: HTML = s.policy.warnings.isEmpty ? "0" : "<span class=\"badge f500\">\(s.policy.warnings.count)</span>"
            return """
            <tr><td class="mono"><a href="\(ConsoleURL.policies(.policy(.value(h.id))))">\(h.id)</a></td>
            <td><a href="\(ConsoleURL.policies(.policy(.value(h.id))))">\(h.title.text(lang))</a><div class="sub">\(h.legalReference)</div></td>
            <td>\(h.department.text(lang))</td>
            <td class="nowrap">\(PolicyFormat.validity(h, lang))<div>\(PolicyFormat.inForceBadge(h, today: today, lang))</div></td>
            <td class="num nowrap">\(PolicyFormat.budget(h, lang))</td>
            <td>\(PolicyFormat.applicationBadge(h, lang))</td>
            <td class="num">\(s.version)</td><td class="num">\(warnings)</td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(PolicyText.id(lang))</th><th>\(PolicyText.policyTitle(lang))</th><th>\(PolicyText.department(lang))</th>
        <th>\(PolicyText.validity(lang))</th><th class="num">\(PolicyText.budget(lang))</th><th></th><th class="num">\(PolicyText.version(lang))</th>
        <th class="num">\(PolicyText.warnings(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }

    static func matchForm(_ list: [PolicyRepository.Stored], form: [String: String], today: LocalDate, csrf: String?, lang: Language) -> HTML {
        let selected = form["policy"]
        let options = [Markup.option("", PolicyText.allPolicies(lang), selected: selected)]
            + list.map { Markup.option($0.policy.id, "\($0.policy.id) · \($0.policy.header.title.text(lang))", selected: selected) }
        return """
        <section class="card"><h2>\(PolicyText.runMatch(lang))</h2><p class="sub">\(PolicyText.runMatchHint(lang))</p>
        <form method="post" action="\(ConsoleURL.policies(.match))" class="filters">\(Markup.csrfField(csrf))
        <label>\(PolicyText.asOf(lang))<input type="date" name="as_of" value="\(form["as_of"] ?? today.iso)" required></label>
        <label>\(PolicyText.onePolicy(lang))<select name="policy">\(options)</select></label>
        <button class="btn">\(PolicyText.runButton(lang))</button></form></section>
        """
    }

    static func runsTable(_ runs: [PolicyRunRepository.Stored], lang: Language) -> HTML {
        guard !runs.isEmpty else { return "<p class=\"sub pad\">\(PolicyText.noRuns(lang))</p>" }
        let rows = runs.map { r -> HTML in
            """
            <tr><td class="nowrap"><a href="\(ConsoleURL.policies(.run(.value(r.id))))">\(r.asOf.iso)</a></td><td class="num">\(String(r.dataYear))</td>
            <td class="num">\(r.policies.count)</td><td class="num">\(r.enterprises)</td><td class="num">\(r.eligible)</td>
            <td class="num">\(r.undetermined)</td>
            <td>\(ConsoleText.author(r.createdBy, lang))<div class="sub">\(PerMuFormat.date(millis: r.createdAtMillis, lang))</div></td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(PolicyText.asOf(lang))</th><th class="num">\(PolicyText.dataYear(lang))</th>
        <th class="num">\(PolicyText.policies(lang))</th><th class="num">\(PolicyText.enterprises(lang))</th><th class="num">\(PolicyText.eligible(lang))</th>
        <th class="num">\(PolicyText.undetermined(lang))</th><th>\(PolicyText.createdBy(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }

    static func match(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let form = try req.form([String: String].self)
        do {
            let asOf = try PolicyRequest.date(form["as_of"], field: "as_of", default: ctx.today)
            let policy = form["policy"].flatMap { $0.isEmpty ? nil : $0 }
            let run = try await PolicyRunRepository(db: ctx.db, clock: ctx.park.clock).match(asOf: asOf, policyID: policy, by: try ctx.user())
            return req.redirect(to: .policies(.run(.value(run.id))))
        } catch let e as DomainError where e.kind == .invalid || e.kind == .notFound {
            return View.render(try await Model.load(form: form, notice: .refusal(e, ctx.language), on: ctx), ctx, status: .badRequest).response(ctx)
        }
    }
}
