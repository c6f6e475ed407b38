import ParkDomain
import ParkStore
import Vapor

/// The per-mu overview (staff): runs by year, grade shares by year, every scheme version, the
/// form that runs a scheme (dry or stored) and, for admins, re-opening an enacted year.
enum PerMuOverviewPage {
    struct Model {
        var allRuns: [PerMuRunRepository.Stored]
        var allSchemes: [PerMuSchemeRepository.Stored]
        /// The year chosen (nil: every year).
        var year: Int?
        var selectedScheme: String?
        var isAdmin: Bool
        var dryRun: PerMuRunRepository.Outcome?
        var notice: Notice?

        var years: [Int] { Set(allRuns.map(\.year)).union(allSchemes.map(\.scheme.year)).sorted(by: >) }
        var runs: [PerMuRunRepository.Stored] { allRuns.filter { year == nil || $0.year == year } }
        var schemes: [PerMuSchemeRepository.Stored] { allSchemes.filter { year == nil || $0.scheme.year == year } }

        static func load(_ query: [String: String], notice: Notice? = nil, dryRun: PerMuRunRepository.Outcome? = nil,
                         selectedScheme: UUID? = nil, on ctx: PageContext) async throws -> Model {
            var year: Int?
            if let raw = query["year"], !raw.isEmpty {
                guard let y = Int(raw) else {
                    throw DomainError(code: "invalid_value", field: "year", en: "year must be a number", zh: "年度须为数字")
                }
                year = y
            }
            return Model(allRuns: try await PerMuRunRepository(db: ctx.db).all(), allSchemes: try await PerMuSchemeRepository(db: ctx.db).all(),
                         year: year, selectedScheme: query["scheme"] ?? selectedScheme?.uuidString, isAdmin: try ctx.user().role == .admin,
                         dryRun: dryRun, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            let yearFilter: HTML = """
            <form class="filters card" method="get" action="\(ConsoleURL.permu(.overview))"><label>\(PerMuText.year(lang))<select name="year">
            \(Markup.option("", ConsoleText.all(lang), selected: m.year.map(String.init)))\(m.years.map { Markup.option(String($0), String($0), selected: m.year.map(String.init)) })
            </select></label><button class="btn">\(ConsoleText.apply(lang))</button></form>
            """
            let body: HTML = """
            <h1>\(PerMuText.title(lang))</h1>\(m.notice.html)\(yearFilter)
            \(m.dryRun.map { PerMuOverviewPage.dryRunCard($0, lang: lang) } ?? .empty)
            <section class="card flush"><h2 class="pad">\(PerMuText.runs(lang))</h2>\(PerMuOverviewPage.runsTable(m.runs, lang: lang))</section>
            <div class="grid g2">
            <section class="card"><h2>\(PerMuText.gradeShares(lang))</h2><p class="sub">\(PerMuText.gradeSharesNote(lang))</p>\(PerMuOverviewPage.gradeShares(m.allRuns, lang: lang))</section>
            \(PerMuOverviewPage.runForm(m.allSchemes, selected: m.selectedScheme, csrf: ctx.csrf, lang: lang))
            </div>
            <section class="card flush"><h2 class="pad">\(PerMuText.schemes(lang))</h2>\(PerMuOverviewPage.schemesTable(m.schemes, lang: lang))</section>
            \(m.isAdmin ? PerMuOverviewPage.reopenForm(m.allRuns, csrf: ctx.csrf, lang: lang) : .empty)
            """
            return ConsolePage(title: PerMuText.title(lang), section: .permu, body: body, status: status)
        }
    }

    static func response(_ req: Request, _ ctx: PageContext, notice: Notice? = nil, dryRun: PerMuRunRepository.Outcome? = nil,
                         selectedScheme: UUID? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let m = try await Model.load(req.queryParameters, notice: notice, dryRun: dryRun, selectedScheme: selectedScheme, on: ctx)
        return View.render(m, ctx, status: status).response(ctx)
    }

    static func runsTable(_ runs: [PerMuRunRepository.Stored], lang: Language) -> HTML {
        guard !runs.isEmpty else { return "<p class=\"sub pad\">\(PerMuText.noRuns(lang))</p>" }
        let rows = runs.map { r -> HTML in
            let counts = r.gradeCounts.map { n -> HTML in "<td class=\"num\">\(n)</td>" }
            return """
            <tr><td><a href="\(ConsoleURL.permu(.run(.value(r.id))))">\(String(r.year))</a></td>
            <td><a href="\(ConsoleURL.permu(.scheme(.value(r.schemeID))))">\(PerMuFormat.schemeName(r.schemeName, r.schemeVersion, lang))</a></td>
            <td>\(PerMuFormat.stateBadge(r.state, lang))</td><td class="num">\(r.units)</td><td class="num">\(r.graded)</td>
            <td class="num">\(r.ungraded)</td><td class="num">\(r.outOfScope)</td>\(counts)
            <td class="num nowrap">\(PerMuFormat.money(fen: r.surchargeFen, lang))</td>
            <td>\(ConsoleText.author(r.createdBy, lang))<div class="sub">\(PerMuFormat.date(millis: r.createdAtMillis, lang))</div></td>
            <td><a class="btn ghost small" href="\(ConsoleURL.permu(.run(.value(r.id))))">\(PerMuText.ranking(lang))</a></td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(PerMuText.year(lang))</th><th>\(PerMuText.scheme(lang))</th><th>\(PerMuText.state(lang))</th>
        <th class="num">\(PerMuText.units(lang))</th><th class="num">\(PerMuText.graded(lang))</th><th class="num">\(PerMuText.ungraded(lang))</th>
        <th class="num">\(PerMuText.outOfScope(lang))</th>\(PerMuGrade.allCases.map { g -> HTML in "<th class=\"num\">\(PerMuFormat.gradeBadge(g, lang))</th>" })
        <th class="num">\(PerMuText.surcharge(lang))</th><th>\(PerMuText.createdBy(lang))</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }

    /// Each year's enacted run, else its latest run (`all()` lists the newest first).
    static func gradeShares(_ runs: [PerMuRunRepository.Stored], lang: Language) -> HTML {
        var byYear: [Int: PerMuRunRepository.Stored] = [:]
        for r in runs where byYear[r.year] == nil || (r.state == .enacted && byYear[r.year]!.state != .enacted) { byYear[r.year] = r }
        let rows = byYear.keys.sorted(by: >).map { y -> (year: Int, caption: String, counts: [Int]) in
            let r = byYear[y]!
            return (y, "\(r.state.label.text(lang)) · \(PerMuFormat.schemeName(r.schemeName, r.schemeVersion, lang))", r.gradeCounts)
        }
        return PerMuCharts.gradeShares(rows, lang: lang)
    }

    static func runForm(_ schemes: [PerMuSchemeRepository.Stored], selected: String?, csrf: String?, lang: Language) -> HTML {
        guard !schemes.isEmpty else { return "<section class=\"card\"><h2>\(PerMuText.runEvaluation(lang))</h2><p class=\"sub\">\(PerMuText.noSchemes(lang))</p></section>" }
        let options = schemes.map { s in
            Markup.option(s.id.uuidString, "\(s.scheme.year) · \(PerMuFormat.schemeName(s.scheme.name, s.scheme.version, lang))", selected: selected)
        }
        return """
        <section class="card"><h2>\(PerMuText.runEvaluation(lang))</h2><p class="sub">\(PerMuText.dryRunHint(lang))</p>
        <form method="post" action="\(ConsoleURL.permu(.runScheme))" class="filters">\(Markup.csrfField(csrf))
        <label>\(PerMuText.scheme(lang))<select name="scheme_id" required>\(options)</select></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(PerMuText.dryRun(lang))</label>
        <button class="btn">\(PerMuText.runButton(lang))</button></form></section>
        """
    }

    static func schemesTable(_ schemes: [PerMuSchemeRepository.Stored], lang: Language) -> HTML {
        guard !schemes.isEmpty else { return "<p class=\"sub pad\">\(PerMuText.noSchemes(lang))</p>" }
        let rows = schemes.map { s -> HTML in
            """
            <tr><td>\(String(s.scheme.year))</td><td><a href="\(ConsoleURL.permu(.scheme(.value(s.id))))">\(s.scheme.name)</a></td>
            <td class="num">\(s.scheme.version)</td><td>\(ConsoleText.author(s.createdBy, lang))<div class="sub">\(PerMuFormat.date(millis: s.createdAtMillis, lang))</div></td>
            <td><a class="btn ghost small" href="\(ConsoleURL.permu(.scheme(.value(s.id))))">\(PerMuText.viewScheme(lang))</a>
            <a class="btn ghost small" href="\(ConsoleURL.permu(.compare).href([("draft", s.id.uuidString)]))">\(PerMuText.compare(lang))</a></td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(PerMuText.year(lang))</th><th>\(PerMuText.name(lang))</th><th class="num">\(PerMuText.version(lang))</th>
        <th>\(PerMuText.createdBy(lang))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    static func reopenForm(_ runs: [PerMuRunRepository.Stored], csrf: String?, lang: Language) -> HTML {
        let enacted = runs.filter { $0.state == .enacted }.map(\.year).sorted(by: >)
        guard !enacted.isEmpty else { return .empty }
        return """
        <section class="card"><h2>\(PerMuText.reopenYear(lang))</h2>
        <form method="post" action="\(ConsoleURL.permu(.reopen))" class="filters">\(Markup.csrfField(csrf))
        <label>\(PerMuText.year(lang))<select name="year">\(enacted.map { Markup.option(String($0), String($0), selected: nil) })</select></label>
        <label class="grow">\(PerMuText.reopenReason(lang))<input name="reason" minlength="10" maxlength="500" required></label>
        <button class="btn danger">\(PerMuText.reopen(lang))</button></form></section>
        """
    }

    /// The summary of a dry run: counts, surcharge, notes and the score distribution; nothing is stored.
    static func dryRunCard(_ o: PerMuRunRepository.Outcome, lang: Language) -> HTML {
        let results = o.run.results
        let counts = o.run.gradeCounts
        let fen = results.reduce(Int64(0)) { $0 + PerMuFormat.surchargeFen($1) }
        let facts: [(String, String)] = [
            (PerMuText.scheme(lang), "\(o.scheme.year) · \(PerMuFormat.schemeName(o.scheme.name, o.scheme.version, lang))"),
            (PerMuText.units(lang), String(results.count)),
            (PerMuText.graded(lang), String(results.filter { $0.status == .graded }.count)),
            (PerMuText.ungraded(lang), String(results.filter { $0.status == .ungraded }.count)),
            (PerMuText.outOfScope(lang), String(results.filter { $0.status == .outOfScope }.count)),
            (PerMuText.grade(lang), PerMuGrade.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: " · ")),
            (PerMuText.surcharge(lang), PerMuFormat.money(fen: fen, lang)),
        ]
        let charts = PerMuGroupKind.allCases.compactMap { g -> HTML? in
            let totals = results.compactMap { r -> (total: Double, grade: PerMuGrade)? in
                guard r.group == g, let t = r.total, let gr = r.grade else { return nil }
                return (t, gr)
            }
            return PerMuHistogram.of(totals).map { PerMuCharts.histogram(title: g.name.text(lang), $0, lang: lang) }
        }
        return """
        <section class="card dry"><h2>\(PerMuText.dryRunResult(lang))</h2>
        <dl class="facts">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>
        \(notes(o.run.notes, lang: lang))<div class="kpi spaced">\(charts)</div>\(PerMuFormat.legend(lang))</section>
        """
    }

    static func notes(_ notes: [Bilingual], lang: Language) -> HTML {
        guard !notes.isEmpty else { return .empty }
        return "<h3>\(PerMuText.notes(lang))</h3><ul class=\"notes\">\(notes.map { n -> HTML in "<li>\(n.text(lang))</li>" })</ul>"
    }

    // MARK: Forms

    struct RunForm: Content { var scheme_id: String?; var dry_run: String? }

    static func run(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let lang = ctx.language
        let form = try req.form(RunForm.self)
        guard let id = form.scheme_id.flatMap(UUID.init(uuidString:)) else {
            return try await response(req, ctx, notice: .refusal(.required("scheme_id"), lang), status: .badRequest)
        }
        let dry = !(form.dry_run ?? "").isEmpty
        do {
            let outcome = try await PerMuRunRepository(db: ctx.db, clock: ctx.park.clock).run(schemeID: id, dryRun: dry, by: try ctx.user())
            if let stored = outcome.stored { return req.redirect(to: .permu(.run(.value(stored.id)))) }
            return try await response(req, ctx, dryRun: outcome, selectedScheme: id)
        } catch let e as DomainError where e.kind == .invalid || e.kind == .conflict {
            return try await response(req, ctx, notice: .refusal(e, lang), status: e.kind == .conflict ? .conflict : .badRequest)
        }
    }

    struct ReopenForm: Content { var year: String?; var reason: String? }

    static func reopen(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let lang = ctx.language
        let form = try req.form(ReopenForm.self)
        guard let year = form.year.flatMap({ Int($0) }) else {
            return try await response(req, ctx, notice: .refusal(.required("year"), lang), status: .badRequest)
        }
        do {
            let r = try await PerMuRunRepository(db: ctx.db, clock: ctx.park.clock).reopen(year: year, reason: form.reason ?? "", by: try ctx.user())
            return try await response(req, ctx, notice: Notice(ok: true, text: PerMuText.reopened(lang, ["year": String(r.year)])))
        } catch let e as DomainError where e.kind == .invalid || e.kind == .conflict {
            return try await response(req, ctx, notice: .refusal(e, lang), status: e.kind == .conflict ? .conflict : .badRequest)
        }
    }
}
