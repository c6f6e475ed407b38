import ParkDomain
import ParkStore
import Vapor

/// The per-mu overview (staff): runs by year, grade shares by year, every scheme version, the
/// form that runs a scheme (dry or stored) and, for admins, re-opening an enacted year.
enum PerMuOverviewPage {
    static func render(_ req: Request, notice: (ok: Bool, text: String)? = nil, dryRun: PerMuRunRepository.Outcome? = nil,
                       selectedScheme: UUID? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let q = PerMuRequest.query(req)
        let allRuns = try await PerMuRunRepository(db: req.db).all()
        let allSchemes = try await PerMuSchemeRepository(db: req.db).all()
        let years = Set(allRuns.map(\.year)).union(allSchemes.map(\.scheme.year)).sorted(by: >)
        var year: Int?
        if let raw = q["year"], !raw.isEmpty {
            guard let y = Int(raw) else {
                throw DomainError(code: "invalid_value", field: "year", en: "year must be a number", zh: "年度须为数字")
            }
            year = y
        }
        let runs = allRuns.filter { year == nil || $0.year == year }
        let schemes = allSchemes.filter { year == nil || $0.scheme.year == year }

        let yearFilter: HTML = """
        <form class="filters card" method="get" action="/permu"><label>\(PerMuText.year(lang))<select name="year">
        \(Markup.option("", ConsoleText.all(lang), selected: year.map(String.init)))\(years.map { Markup.option(String($0), String($0), selected: year.map(String.init)) })
        </select></label><button class="btn">\(ConsoleText.apply(lang))</button></form>
        """
        let body: HTML = """
        <h1>\(PerMuText.title(lang))</h1>\(PerMuFormat.notice(notice))\(yearFilter)
        \(dryRun.map { dryRunCard($0, lang: lang) } ?? .empty)
        <section class="card flush"><h2 class="pad">\(PerMuText.runs(lang))</h2>\(runsTable(runs, lang: lang))</section>
        <div class="grid g2">
        <section class="card"><h2>\(PerMuText.gradeShares(lang))</h2><p class="sub">\(PerMuText.gradeSharesNote(lang))</p>\(gradeShares(allRuns, lang: lang))</section>
        \(runForm(allSchemes, selected: q["scheme"] ?? selectedScheme?.uuidString, csrf: layout.csrf, lang: lang))
        </div>
        <section class="card flush"><h2 class="pad">\(PerMuText.schemes(lang))</h2>\(schemesTable(schemes, lang: lang))</section>
        \(p.role == .admin ? reopenForm(allRuns, csrf: layout.csrf, lang: lang) : .empty)
        """
        return layout.response(PerMuText.title(lang), .permu, body, status: status)
    }

    static func runsTable(_ runs: [PerMuRunRepository.Stored], lang: Language) -> HTML {
        guard !runs.isEmpty else { return "<p class=\"sub pad\">\(PerMuText.noRuns(lang))</p>" }
        let rows = runs.map { r -> HTML in
            let counts = r.gradeCounts.map { n -> HTML in "<td class=\"num\">\(n)</td>" }
            return """
            <tr><td><a href="/permu/runs/\(r.id.uuidString)">\(String(r.year))</a></td>
            <td><a href="/permu/schemes/\(r.schemeID.uuidString)">\(PerMuFormat.schemeName(r.schemeName, r.schemeVersion, lang))</a></td>
            <td>\(PerMuFormat.stateBadge(r.state, lang))</td><td class="num">\(r.units)</td><td class="num">\(r.graded)</td>
            <td class="num">\(r.ungraded)</td><td class="num">\(r.outOfScope)</td>\(counts)
            <td class="num nowrap">\(PerMuFormat.money(fen: r.surchargeFen, lang))</td>
            <td>\(r.createdBy)<div class="sub">\(PerMuFormat.date(millis: r.createdAtMillis, lang))</div></td>
            <td><a class="btn ghost small" href="/permu/runs/\(r.id.uuidString)">\(PerMuText.ranking(lang))</a></td></tr>
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
        <form method="post" action="/permu/runs" class="filters">\(Markup.csrfField(csrf))
        <label>\(PerMuText.scheme(lang))<select name="scheme_id" required>\(options)</select></label>
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(PerMuText.dryRun(lang))</label>
        <button class="btn">\(PerMuText.runButton(lang))</button></form></section>
        """
    }

    static func schemesTable(_ schemes: [PerMuSchemeRepository.Stored], lang: Language) -> HTML {
        guard !schemes.isEmpty else { return "<p class=\"sub pad\">\(PerMuText.noSchemes(lang))</p>" }
        let rows = schemes.map { s -> HTML in
            """
            <tr><td>\(String(s.scheme.year))</td><td><a href="/permu/schemes/\(s.id.uuidString)">\(s.scheme.name)</a></td>
            <td class="num">\(s.scheme.version)</td><td>\(s.createdBy)<div class="sub">\(PerMuFormat.date(millis: s.createdAtMillis, lang))</div></td>
            <td><a class="btn ghost small" href="/permu/schemes/\(s.id.uuidString)">\(PerMuText.viewScheme(lang))</a>
            <a class="btn ghost small" href="/permu/compare?draft=\(s.id.uuidString)">\(PerMuText.compare(lang))</a></td></tr>
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
        <form method="post" action="/permu/reopen" class="filters">\(Markup.csrfField(csrf))
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

    static func run(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        try ConsoleRoutes.checkCSRF(req)
        let lang = RequestContext.current.language
        let form = PerMuRequest.form(req)
        guard let raw = form["scheme_id"], let id = UUID(uuidString: raw) else {
            return try await render(req, notice: (false, PerMuFormat.refusal(.required("scheme_id"), lang)), status: .badRequest)
        }
        let dry = !(form["dry_run"] ?? "").isEmpty
        do {
            let outcome = try await PerMuRunRepository(db: req.db, clock: req.park.clock).run(schemeID: id, dryRun: dry, by: p)
            if let stored = outcome.stored { return req.redirect(to: "/permu/runs/\(stored.id.uuidString)", redirectType: .normal) }
            return try await render(req, dryRun: outcome, selectedScheme: id)
        } catch let e as DomainError where e.kind == .invalid || e.kind == .conflict {
            return try await render(req, notice: (false, PerMuFormat.refusal(e, lang)), status: e.kind == .conflict ? .conflict : .badRequest)
        }
    }

    static func reopen(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireAdmin()
        try ConsoleRoutes.checkCSRF(req)
        let lang = RequestContext.current.language
        let form = PerMuRequest.form(req)
        guard let year = form["year"].flatMap({ Int($0) }) else {
            return try await render(req, notice: (false, PerMuFormat.refusal(.required("year"), lang)), status: .badRequest)
        }
        do {
            let r = try await PerMuRunRepository(db: req.db, clock: req.park.clock).reopen(year: year, reason: form["reason"] ?? "", by: p)
            let text = lang == .zh ? "\(r.year) 年度已重新开放，可再次运行并发布评价。" : "\(r.year) is re-opened: it can be run and enacted again."
            return try await render(req, notice: (true, text))
        } catch let e as DomainError where e.kind == .invalid || e.kind == .conflict {
            return try await render(req, notice: (false, PerMuFormat.refusal(e, lang)), status: e.kind == .conflict ? .conflict : .badRequest)
        }
    }
}
