import ParkDomain
import ParkStore
import Vapor

/// One stored run (staff): summary, notes, benchmarks used, score distribution, the ranking
/// table, the treatment list export, enacting (admins) and comparing with another scheme.
enum PerMuRunPage {
    static func render(_ req: Request, notice: (ok: Bool, text: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let runs = PerMuRunRepository(db: req.db)
        let run = try await runs.require(try PerMuRequest.uuid(req, "id", entity: "run"))
        let request = try PerMuRankingRequest(PerMuRequest.query(req))
        let query = PerMuResultQuery(db: req.db)
        let page = try await query.list(runID: run.id, filter: request.filter)
        let distribution = try await query.distribution(runID: run.id)
        let clusters = try await req.park.reference.clusters()
        let subAreas = try await ParcelRepository(db: req.db).subAreas()
        let enacted = try await runs.enacted(year: run.year)
        let yearSchemes = try await PerMuSchemeRepository(db: req.db).all(year: run.year)

        let charts = PerMuGroupKind.allCases.compactMap { g -> HTML? in
            distribution[g].map { PerMuCharts.histogram(title: g.name.text(lang), $0, lang: lang) }
        }
        let body: HTML = """
        <p><a href="/permu?year=\(String(run.year))">← \(PerMuText.backToOverview(lang))</a></p>
        <h1>\(PerMuText.run(lang)) \(String(run.year)) · \(PerMuFormat.schemeName(run.schemeName, run.schemeVersion, lang)) \(PerMuFormat.stateBadge(run.state, lang))</h1>
        \(PerMuFormat.notice(notice))
        <div class="grid g2">
        <section class="card"><h2>\(PerMuText.summary(lang))</h2>\(summary(run, lang: lang))\(PerMuOverviewPage.notes(run.notes, lang: lang))</section>
        <section class="card"><h2>\(PerMuText.distribution(lang))</h2><p class="sub">\(PerMuText.distributionNote(lang))</p>
        <div class="stack">\(charts.isEmpty ? ["<p class=\"sub\">—</p>"] : charts)</div>\(PerMuFormat.legend(lang))</section>
        </div>
        \(actions(run, admin: p.role == .admin, enacted: enacted, schemes: yearSchemes, csrf: layout.csrf, lang: lang))
        \(PerMuRankingTable.render(run: run, request: request, page: page, clusters: clusters, subAreas: subAreas, lang: lang))
        <section class="card flush"><h2 class="pad">\(PerMuText.benchmarksUsed(lang))</h2>\(benchmarks(run.benchmarks, lang: lang))</section>
        """
        return layout.response("\(PerMuText.run(lang)) \(run.year)", .permu, body, status: status)
    }

    static func summary(_ run: PerMuRunRepository.Stored, lang: Language) -> HTML {
        var facts: [(String, HTML)] = [
            (PerMuText.year(lang), "\(String(run.year))"),
            (PerMuText.scheme(lang), "<a href=\"/permu/schemes/\(run.schemeID.uuidString)\">\(PerMuFormat.schemeName(run.schemeName, run.schemeVersion, lang))</a>"),
            (PerMuText.state(lang), PerMuFormat.stateBadge(run.state, lang)),
            (PerMuText.units(lang), "\(run.units)"),
            (PerMuText.graded(lang), "\(run.graded)"),
            (PerMuText.ungraded(lang), "\(run.ungraded)"),
            (PerMuText.outOfScope(lang), "\(run.outOfScope)"),
            (PerMuText.grade(lang), "\(zip(PerMuGrade.allCases, run.gradeCounts).map { g, n -> HTML in "\(PerMuFormat.gradeBadge(g, lang)) \(n) " })"),
            (PerMuText.surcharge(lang), "\(PerMuFormat.money(fen: run.surchargeFen, lang))"),
            (PerMuText.createdBy(lang), "\(run.createdBy) · \(PerMuFormat.date(millis: run.createdAtMillis, lang))"),
        ]
        if let by = run.enactedBy {
            facts.append((PerMuText.enactedBy(lang), "\(by) · \(run.enactedAtMillis.map { PerMuFormat.date(millis: $0, lang) } ?? "")"))
        }
        return "<dl class=\"facts\">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>"
    }

    static func actions(_ run: PerMuRunRepository.Stored, admin: Bool, enacted: PerMuRunRepository.Stored?,
                        schemes: [PerMuSchemeRepository.Stored], csrf: String?, lang: Language) -> HTML {
        let enact: HTML = admin && run.state == .proposed && enacted == nil ? """
            <form method="post" action="/permu/runs/\(run.id.uuidString)/enact" class="filters">\(Markup.csrfField(csrf))
            <button class="btn">\(PerMuText.enact(lang))</button><span class="sub">\(PerMuText.enactHint(lang))</span></form>
            """ : .empty
        let others = schemes.filter { $0.id != run.schemeID }
        let compare: HTML = others.isEmpty ? .empty : """
            <form method="get" action="/permu/compare" class="filters"><input type="hidden" name="base" value="\(run.schemeID.uuidString)">
            <label>\(PerMuText.draftScheme(lang))<select name="draft">\(others.map { Markup.option($0.id.uuidString, PerMuFormat.schemeName($0.scheme.name, $0.scheme.version, lang), selected: nil) })</select></label>
            <button class="btn ghost">\(PerMuText.compareWith(lang))</button></form>
            """
        return """
        <section class="card"><div class="actions">
        <a class="btn ghost" href="/permu/runs/\(run.id.uuidString)/treatments.csv">\(PerMuText.exportTreatments(lang))</a>
        <a class="btn ghost" href="/permu/schemes/\(run.schemeID.uuidString)">\(PerMuText.viewScheme(lang))</a>
        \(compare)\(enact)</div></section>
        """
    }

    static func benchmarks(_ list: [PerMuBenchmarkUsed], lang: Language) -> HTML {
        guard !list.isEmpty else { return "<p class=\"sub pad\">—</p>" }
        let rows = list.map { b -> HTML in
            """
            <tr><td>\(b.group.name.text(lang))</td><td>\(b.indicator.name.text(lang))<div class="sub">\(b.indicator.definition.text(lang))</div></td>
            <td>\(b.rule.label.text(lang))</td><td class="num">\(PerMuFormat.value(b.benchmark, b.indicator, lang))</td>
            <td class="num">\(PerMuFormat.value(b.minimum, b.indicator, lang))</td><td class="num">\(PerMuFormat.value(b.maximum, b.indicator, lang))</td>
            <td class="num">\(Numbers.trimmed(b.averageScore))</td><td class="num">\(b.count)</td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(PerMuText.group(lang))</th><th>\(PerMuText.indicator(lang))</th><th>\(PerMuText.benchmarkRule(lang))</th>
        <th class="num">\(PerMuText.benchmark(lang))</th><th class="num">\(PerMuText.minimum(lang))</th><th class="num">\(PerMuText.maximum(lang))</th>
        <th class="num">\(PerMuText.averageScore(lang))</th><th class="num">\(PerMuText.withData(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }

    // MARK: Actions

    static func enact(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireAdmin()
        try ConsoleRoutes.checkCSRF(req)
        let id = try PerMuRequest.uuid(req, "id", entity: "run")
        do {
            _ = try await PerMuRunRepository(db: req.db, clock: req.park.clock).enact(id, by: p)
            return req.redirect(to: "/permu/runs/\(id.uuidString)", redirectType: .normal)
        } catch let e as DomainError where e.kind == .conflict {
            return try await render(req, notice: (false, PerMuFormat.refusal(e, RequestContext.current.language)), status: .conflict)
        }
    }

    static func treatmentsCSV(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let run = try await PerMuRunRepository(db: req.db).require(try PerMuRequest.uuid(req, "id", entity: "run"))
        let rows = try await PerMuResultQuery(db: req.db).treatmentList(runID: run.id)
        return EnterpriseFiles.download(PerMuTreatmentCSV.data(rows), name: "permu-treatments-\(run.year)-\(run.id.uuidString.prefix(8).lowercased()).csv")
    }
}
