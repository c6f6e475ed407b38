import ParkDomain
import ParkStore
import Vapor

/// One stored run (staff): summary, notes, benchmarks used, score distribution, the ranking
/// table, the treatment list export, enacting (admins) and comparing with another scheme.
enum PerMuRunPage {
    struct Model {
        var run: PerMuRunRepository.Stored
        var request: PerMuRankingRequest
        var page: Page<PerMuStoredResult>
        var distribution: [PerMuGroupKind: PerMuHistogram]
        var clusters: [Cluster]
        var subAreas: [String]
        var enacted: PerMuRunRepository.Stored?
        var yearSchemes: [PerMuSchemeRepository.Stored]
        var isAdmin: Bool
        var notice: Notice?

        static func load(_ id: UUID, query: [String: String], notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let runs = PerMuRunRepository(db: ctx.db)
            let run = try await runs.require(id)
            let request = try PerMuRankingRequest(query)
            let results = PerMuResultQuery(db: ctx.db)
            return Model(run: run, request: request, page: try await results.list(runID: run.id, filter: request.filter),
                         distribution: try await results.distribution(runID: run.id), clusters: try await ctx.park.reference.clusters(),
                         subAreas: try await ParcelRepository(db: ctx.db).subAreas(), enacted: try await runs.enacted(year: run.year),
                         yearSchemes: try await PerMuSchemeRepository(db: ctx.db).all(year: run.year), isAdmin: try ctx.user().role == .admin,
                         notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, run = m.run
            let charts = PerMuGroupKind.allCases.compactMap { g -> HTML? in
                m.distribution[g].map { PerMuCharts.histogram(title: g.name.text(lang), $0, lang: lang) }
            }
            let body: HTML = """
            <p><a href="\(ConsoleURL.permu(.overview).href([("year", String(run.year))]))">← \(PerMuText.backToOverview(lang))</a></p>
            <h1>\(PerMuText.run(lang)) \(String(run.year)) · \(PerMuFormat.schemeName(run.schemeName, run.schemeVersion, lang)) \(PerMuFormat.stateBadge(run.state, lang))</h1>
            \(m.notice.html)
            <div class="grid g2">
            <section class="card"><h2>\(PerMuText.summary(lang))</h2>\(PerMuRunPage.summary(run, lang: lang))\(PerMuOverviewPage.notes(run.notes, lang: lang))</section>
            <section class="card"><h2>\(PerMuText.distribution(lang))</h2><p class="sub">\(PerMuText.distributionNote(lang))</p>
            <div class="stack">\(charts.isEmpty ? ["<p class=\"sub\">—</p>"] : charts)</div>\(PerMuFormat.legend(lang))</section>
            </div>
            \(PerMuRunPage.actions(run, admin: m.isAdmin, enacted: m.enacted, schemes: m.yearSchemes, csrf: ctx.csrf, lang: lang))
            \(PerMuRankingTable.render(run: run, request: m.request, page: m.page, clusters: m.clusters, subAreas: m.subAreas, lang: lang))
            <section class="card flush"><h2 class="pad">\(PerMuText.benchmarksUsed(lang))</h2>\(PerMuRunPage.benchmarks(run.benchmarks, lang: lang))</section>
            """
            return ConsolePage(title: "\(PerMuText.run(lang)) \(run.year)", section: .permu, body: body, status: status)
        }
    }

    static func summary(_ run: PerMuRunRepository.Stored, lang: Language) -> HTML {
        var facts: [(String, HTML)] = [
            (PerMuText.year(lang), "\(String(run.year))"),
            (PerMuText.scheme(lang), "<a href=\"\(ConsoleURL.permu(.scheme(.value(run.schemeID))))\">\(PerMuFormat.schemeName(run.schemeName, run.schemeVersion, lang))</a>"),
            (PerMuText.state(lang), PerMuFormat.stateBadge(run.state, lang)),
            (PerMuText.units(lang), "\(run.units)"),
            (PerMuText.graded(lang), "\(run.graded)"),
            (PerMuText.ungraded(lang), "\(run.ungraded)"),
            (PerMuText.outOfScope(lang), "\(run.outOfScope)"),
            (PerMuText.grade(lang), "\(zip(PerMuGrade.allCases, run.gradeCounts).map { g, n -> HTML in "\(PerMuFormat.gradeBadge(g, lang)) \(n) " })"),
            (PerMuText.surcharge(lang), "\(PerMuFormat.money(fen: run.surchargeFen, lang))"),
            (PerMuText.createdBy(lang), "\(ConsoleText.author(run.createdBy, lang)) · \(PerMuFormat.date(millis: run.createdAtMillis, lang))"),
        ]
        if let by = run.enactedBy {
            facts.append((PerMuText.enactedBy(lang), "\(by) · \(run.enactedAtMillis.map { PerMuFormat.date(millis: $0, lang) } ?? "")"))
        }
        return "<dl class=\"facts\">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>"
    }

    static func actions(_ run: PerMuRunRepository.Stored, admin: Bool, enacted: PerMuRunRepository.Stored?,
                        schemes: [PerMuSchemeRepository.Stored], csrf: String?, lang: Language) -> HTML {
        let enact: HTML = admin && run.state == .proposed && enacted == nil ? """
            <form method="post" action="\(ConsoleURL.permu(.enact(.value(run.id))))" class="filters">\(Markup.csrfField(csrf))
            <button class="btn">\(PerMuText.enact(lang))</button><span class="sub">\(PerMuText.enactHint(lang))</span></form>
            """ : .empty
        let others = schemes.filter { $0.id != run.schemeID }
        let compare: HTML = others.isEmpty ? .empty : """
            <form method="get" action="\(ConsoleURL.permu(.compare))" class="filters"><input type="hidden" name="base" value="\(run.schemeID.uuidString)">
            <label>\(PerMuText.draftScheme(lang))<select name="draft">\(others.map { Markup.option($0.id.uuidString, PerMuFormat.schemeName($0.scheme.name, $0.scheme.version, lang), selected: nil) })</select></label>
            <button class="btn ghost">\(PerMuText.compareWith(lang))</button></form>
            """
        return """
        <section class="card"><div class="actions">
        <a class="btn ghost" href="\(ConsoleURL.permu(.treatmentsCSV(.value(run.id))))">\(PerMuText.exportTreatments(lang))</a>
        <a class="btn ghost" href="\(ConsoleURL.permu(.scheme(.value(run.schemeID))))">\(PerMuText.viewScheme(lang))</a>
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

    static func register(_ router: ConsoleRouter) {
        router.page(.permu(.run(.key))) { ctx, req in View.render(try await Model.load(try req.pathID(), query: req.queryParameters, on: ctx), ctx) }
        router.on(.permu(.enact(.key))) { req in
            let ctx = PageContext(req)
            let id = try req.pathID()
            do {
                _ = try await PerMuRunRepository(db: ctx.db, clock: ctx.park.clock).enact(id, by: try ctx.user())
                return req.redirect(to: .permu(.run(.value(id))))
            } catch let e as DomainError where e.kind == .conflict {
                let m = try await Model.load(id, query: req.queryParameters, notice: .refusal(e, ctx.language), on: ctx)
                return View.render(m, ctx, status: .conflict).response(ctx)
            }
        }
        router.on(.permu(.treatmentsCSV(.key))) { req in
            let run = try await PerMuRunRepository(db: req.db).require(try req.pathID())
            let res = Response(body: ExportStream.permuTreatments(PerMuResultQuery(db: req.db), runID: run.id).responseBody)
            res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            res.headers.contentDisposition = .init(.attachment, filename: "permu-treatments-\(run.year)-\(run.id.uuidString.prefix(8).lowercased()).csv")
            return res
        }
    }
}
