import Foundation
import ParkDomain
import ParkStore
import Vapor

/// What the matched list was asked for, read from the URL; invalid values are refused with the field named.
struct PolicyResultsRequest {
    var policy: String?
    var status: PolicyStatus?
    var search: String?
    var page = 1
    var perPage = 50

    init(_ params: [String: String], run: PolicyRunRepository.Stored) throws(DomainError) {
        func text(_ k: String) -> String? { params[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        policy = text("policy") ?? run.policies.first?.id
        if let p = policy, !run.policies.contains(where: { $0.id == p }) { throw EnterpriseListRequest.bad("policy", p) }
        if let s = text("status") {
            switch s {
            case "eligible": status = .eligible
            case "undetermined": status = .undetermined
            default: throw EnterpriseListRequest.bad("status", s)
            }
        }
        search = text("q")
        if let p = text("page") {
            guard let n = Int(p), n >= 1 else { throw EnterpriseListRequest.bad("page", p) }
            page = n
        }
        if let p = text("per_page") {
            guard let n = Int(p), (1...EnterpriseQuery.maxPerPage).contains(n) else { throw EnterpriseListRequest.bad("per_page", p) }
            perPage = n
        }
    }

    var statusCode: String? { status.map { $0 == .eligible ? "eligible" : "undetermined" } }

    func params(_ changes: [String: String?] = [:]) -> [(String, String?)] {
        var p: [(String, String?)] = [("policy", policy), ("status", statusCode), ("q", search), ("page", String(page)),
                                      ("per_page", perPage == 50 ? nil : String(perPage))]
        for (k, v) in changes {
            if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) }
        }
        return p
    }
}

/// One matching run (staff): what it used, the matched list per policy with filters, pager and CSV
/// export, and the grants of policies paid without application.
enum PolicyRunPage {
    static func render(_ req: Request, notice: Notice? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let ctx = PageContext(req)
        let lang = ctx.language
        let runs = PolicyRunRepository(db: ctx.db)
        let run = try await runs.require(try req.pathID())
        let q = req.queryParameters
        let request = try PolicyResultsRequest(q, run: run)
        let page = try await runs.results(runID: run.id, policyID: request.policy, status: request.status, search: request.search,
                                          page: request.page, perPage: request.perPage)
        let repo = PolicyRepository(db: req.db)
        var used: [String: PolicyRepository.Stored] = [:]
        for u in run.policies { used[u.id] = try await repo.find(u.id, version: u.version) }
        var notice = notice
        if notice == nil, let n = q["decided"], let fen = q["fen"].flatMap({ Int64($0) }) {
            notice = Notice(ok: true, text: "\(PolicyText.decidedCount(lang)): \(n) · \(PolicyFormat.money(fen, lang))")
        }
        let selected = request.policy.flatMap { used[$0] }
        let grants: HTML = if let selected, let u = run.policies.first(where: { $0.id == selected.policy.id }) {
            try await PolicyGrantsView.render(run: run, used: u, policy: selected, csrf: ctx.csrf, lang: lang, db: ctx.db)
        } else { .empty }
        let body: HTML = """
        <p><a href="\(ConsoleURL.policies(.list))">← \(PolicyText.backToPolicies(lang))</a></p>
        <h1>\(PolicyText.runTitle(lang)) · \(PolicyText.asOf(lang)) \(run.asOf.iso)</h1>\(notice.html)
        <section class="card">\(PolicyFormat.facts([
            (PolicyText.asOf(lang), "\(run.asOf.iso)"), (PolicyText.dataYear(lang), "\(String(run.dataYear))"),
            (PolicyText.enterprises(lang), "\(run.enterprises)"), (PolicyText.eligible(lang), "\(run.eligible)"),
            (PolicyText.undetermined(lang), "\(run.undetermined)"),
            (PolicyText.createdBy(lang), "\(ConsoleText.author(run.createdBy, lang)) · \(PerMuFormat.date(millis: run.createdAtMillis, lang))"),
        ]))</section>
        <section class="card flush"><h2 class="pad">\(PolicyText.usedPolicies(lang))</h2>\(usedTable(run, used: used, request: request, lang: lang))</section>
        \(results(run, page: page, request: request, used: used, lang: lang))
        \(grants)
        """
        return ConsolePage(title: "\(PolicyText.runTitle(lang)) \(run.asOf.iso)", section: .policies, body: body, status: status).response(ctx)
    }

    static func usedTable(_ run: PolicyRunRepository.Stored, used: [String: PolicyRepository.Stored], request: PolicyResultsRequest,
                          lang: Language) -> HTML {
        guard !run.policies.isEmpty else { return "<p class=\"sub pad\">\(PolicyText.noPolicies(lang))</p>" }
        var warnings: [HTML] = []
        let amounts = Numbers.yuanColumn(fen: run.policies.map(\.amountFen), lang)
        let rows = run.policies.map { u -> HTML in
            let title = used[u.id].map { PolicyFormat.title($0, lang) } ?? u.id
            let h = used[u.id]?.policy.header
            let overrun = h.flatMap { PolicyBudget.overrun(entitledFen: u.amountFen, budgetFen: $0.budgetFen) }
            if let overrun, let h { warnings.append(PolicyFormat.overBudget(title, overrun, rule: h.budgetRule, lang)) }
            return """
            <tr class="\(u.id == request.policy ? "selected" : "")"><td><a href="\(ConsoleURL.policies(.run(.value(run.id))).href([("policy", u.id)]))">\(title)</a>
            <div class="mono sub">\(u.id)</div></td>
            <td class="num"><a href="\(ConsoleURL.policies(.policy(.value(u.id))).href([("version", String(u.version))]))" title="\(PolicyText.digest(lang)) \(u.digest)">\(u.version)</a></td>
            <td>\(h.map { PolicyFormat.applicationBadge($0, lang) } ?? .empty)</td>
            <td class="num">\(u.eligible)</td><td class="num">\(u.undetermined)</td>
            <td class="num nowrap">\(amounts(u.amountFen))</td>
            <td class="num nowrap">\(h.map { PolicyFormat.budget($0, lang) } ?? "—")\(overrun == nil ? .empty : Markup.badge(PolicyText.overBudgetTitle(lang), kind: "off"))</td></tr>
            """
        }
        let warning: HTML = warnings.isEmpty ? .empty
            : "<div class=\"notice bad pad\"><strong>\(PolicyText.overBudgetTitle(lang))</strong><ul>\(warnings)</ul></div>"
        return """
        \(warning)
        <div class="scroll"><table><thead><tr><th>\(PolicyText.policyTitle(lang))</th><th class="num">\(PolicyText.version(lang))</th>
        <th></th><th class="num">\(PolicyText.eligible(lang))</th><th class="num">\(PolicyText.undetermined(lang))</th><th class="num">\(PolicyText.amount(lang))</th>
        <th class="num">\(PolicyText.budget(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func results(_ run: PolicyRunRepository.Stored, page: Page<PolicyRunRepository.Row>, request: PolicyResultsRequest,
                        used: [String: PolicyRepository.Stored], lang: Language) -> HTML {
        let base = ConsoleURL.policies(.run(.value(run.id)))
        let policyOptions = run.policies.map { Markup.option($0.id, used[$0.id].map { PolicyFormat.title($0, lang) } ?? $0.id, selected: request.policy) }
        let statusOptions = [Markup.option("", PolicyText.all(lang), selected: request.statusCode),
                             Markup.option("eligible", PolicyStatus.eligible.label.text(lang), selected: request.statusCode),
                             Markup.option("undetermined", PolicyStatus.undetermined.label.text(lang), selected: request.statusCode)]
        let rows = page.items.map { r -> HTML in
            let missing = r.missing.map { PolicyFormat.factLabel($0, lang) }.joined(separator: PolicyText.listComma(lang))
            return """
            <tr><td><a href="\(ConsoleURL.policies(.enterprise(.value(r.enterpriseID))))">\(PolicyFormat.name(zh: r.nameZh, en: r.nameEn, lang))</a></td>
            <td class="mono">\(r.creditCode)</td><td>\(PolicyFormat.statusBadge(r.status, lang))</td>
            <td class="num nowrap">\(r.amountFen.map { PolicyFormat.money($0, lang) } ?? "—")</td><td>\(missing.isEmpty ? "—" : missing)</td></tr>
            """
        }
        let totalText = PolicyText.resultCount(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)])
        let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(base.href(request.params(["page": String(page.page - 1)])))\">\(PolicyText.previous(lang))</a>" : .empty
        let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(base.href(request.params(["page": String(page.page + 1)])))\">\(PolicyText.next(lang))</a>" : .empty
        let table: HTML = page.items.isEmpty ? "<p class=\"sub pad\">\(PolicyText.noResults(lang))</p>" : """
            <div class="scroll"><table><thead><tr><th>\(PolicyText.enterprise(lang))</th><th>\(ConsoleText.creditCode(lang))</th><th>\(PolicyText.status(lang))</th>
            <th class="num">\(PolicyText.amount(lang))</th><th>\(PolicyText.missingFacts(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let csv = ConsoleURL.policies(.resultsCSV(.value(run.id))).href([("policy", request.policy), ("status", request.statusCode), ("q", request.search)])
        return """
        <section class="card flush" id="matched"><h2 class="pad">\(PolicyText.matched(lang))</h2>
        <form class="filters pad" method="get" action="\(base)">
        <label>\(PolicyText.onePolicy(lang))<select name="policy">\(policyOptions)</select></label>
        <label>\(PolicyText.status(lang))<select name="status">\(statusOptions)</select></label>
        <label>\(PolicyText.search(lang))<input type="search" name="q" value="\(request.search)" placeholder="\(PolicyText.searchHint(lang))" maxlength="100"></label>
        <button class="btn">\(PolicyText.apply(lang))</button></form>
        <div class="toolbar pad"><span>\(totalText)</span><span class="pager">\(prev)\(next)<a class="btn ghost small" href="\(csv)">\(PolicyText.exportCSV(lang))</a></span></div>
        \(table)</section>
        """
    }

    static func resultsCSV(_ req: Request) async throws -> Response {
        let runs = PolicyRunRepository(db: req.db)
        let run = try await runs.require(try req.pathID())
        let request = try PolicyResultsRequest(req.queryParameters, run: run)
        var out = "\u{FEFF}" + CSVWriter.line(["policy_id", "credit_code", "name_zh", "name_en", "status", "amount_yuan", "missing_facts"]) + "\n"
        var page = 1
        while true {
            let rows = try await runs.results(runID: run.id, policyID: request.policy, status: request.status, search: request.search,
                                              page: page, perPage: EnterpriseQuery.maxPerPage)
            for r in rows.items {
                out += CSVWriter.line([r.policyID, r.creditCode, r.nameZh, r.nameEn, r.status == .eligible ? "eligible" : "undetermined",
                                       r.amountFen.map { FenText.yuan($0) } ?? "", r.missing.joined(separator: ";")],
                                      formulaGuard: true) + "\n"
            }
            if page >= rows.pageCount { break }
            page += 1
        }
        let name = "policy-results-\(run.asOf.iso)-\(request.policy ?? "all").csv"
        return EnterpriseFiles.download(Data(out.utf8), name: name)
    }

    static func paymentCSV(_ req: Request) async throws -> Response {
        let runs = PolicyRunRepository(db: req.db)
        let run = try await runs.require(try req.pathID())
        let policy = req.queryParameters["policy"].flatMap { $0.isEmpty ? nil : $0 }
        let data = try await runs.paymentCSV(runID: run.id, policyID: policy)
        return EnterpriseFiles.download(data, name: "policy-payment-\(run.asOf.iso)-\(policy ?? "all").csv")
    }
}
