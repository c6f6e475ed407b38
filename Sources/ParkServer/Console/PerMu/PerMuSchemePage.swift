import Foundation
import ParkDomain
import ParkStore
import Vapor

/// One scheme version (staff): scope, indicator sets, grading, treatments, its runs, the
/// read-only document, and the form that drafts the next version from it.
enum PerMuSchemePage {
    static func render(_ req: Request, id: UUID? = nil, values: [String: String]? = nil, notice: (ok: Bool, text: String)? = nil,
                       errorField: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let stored = try await PerMuSchemeRepository(db: req.db).require(try id ?? PerMuRequest.uuid(req, "id", entity: "scheme"))
        let s = stored.scheme
        let runs = try await PerMuRunRepository(db: req.db).all(year: s.year).filter { $0.schemeID == stored.id }
        var notice = notice
        if notice == nil, PerMuRequest.query(req)["saved"] != nil {
            notice = (true, "\(PerMuText.saved(lang)): \(PerMuFormat.schemeName(s.name, s.version, lang))")
        }
        let runLinks: [HTML] = runs.isEmpty ? ["<p class=\"sub\">\(PerMuText.noRuns(lang))</p>"] : runs.map { r -> HTML in
            "<div><a href=\"/permu/runs/\(r.id.uuidString)\">\(String(r.year)) · \(PerMuFormat.date(millis: r.createdAtMillis, lang))</a> \(PerMuFormat.stateBadge(r.state, lang))</div>"
        }
        let document = String(decoding: s.document(pretty: true), as: UTF8.self)
        let body: HTML = """
        <p><a href="/permu?year=\(String(s.year))">← \(PerMuText.backToOverview(lang))</a></p>
        <h1>\(PerMuText.scheme(lang)) · \(PerMuFormat.schemeName(s.name, s.version, lang)) · \(String(s.year))</h1>\(PerMuFormat.notice(notice))
        <div class="grid g2">
        <section class="card"><h2>\(PerMuText.summary(lang))</h2>\(facts(stored, lang: lang))</section>
        <section class="card"><h2>\(PerMuText.runThisScheme(lang))</h2><p class="sub">\(PerMuText.dryRunHint(lang))</p>
        <form method="post" action="/permu/runs" class="filters">\(Markup.csrfField(layout.csrf))<input type="hidden" name="scheme_id" value="\(stored.id.uuidString)">
        <label class="check"><input type="checkbox" name="dry_run" value="1">\(PerMuText.dryRun(lang))</label><button class="btn">\(PerMuText.runButton(lang))</button></form>
        <p><a class="btn ghost" href="/permu/compare?draft=\(stored.id.uuidString)">\(PerMuText.compareWith(lang))</a></p>
        <h3>\(PerMuText.runsOfScheme(lang))</h3>\(runLinks)</section>
        </div>
        \(s.groups.map { groupTable($0, scheme: s, lang: lang) })
        <div class="grid g2"><section class="card"><h2>\(PerMuText.grading(lang))</h2>\(grading(s.grading, lang: lang))</section>
        <section class="card"><h2>\(PerMuText.treatments(lang))</h2>\(treatments(s, lang: lang))</section></div>
        \(PerMuSchemeDraft.form(stored, values: values ?? PerMuSchemeDraft.defaults(s), errorField: errorField, csrf: layout.csrf, lang: lang))
        <details class="card"><summary>\(PerMuText.document(lang))</summary><pre class="doc">\(document)</pre></details>
        """
        return layout.response(PerMuFormat.schemeName(s.name, s.version, lang), .permu, body, status: status)
    }

    static func facts(_ stored: PerMuSchemeRepository.Stored, lang: Language) -> HTML {
        let s = stored.scheme, sc = s.scope
        let yn = { (b: Bool) in b ? PerMuText.yes(lang) : PerMuText.no(lang) }
        let rows: [(String, String)] = [
            (PerMuText.name(lang), s.name), (PerMuText.version(lang), String(s.version)), (PerMuText.year(lang), String(s.year)),
            (PerMuText.createdBy(lang), "\(stored.createdBy) · \(PerMuFormat.date(millis: stored.createdAtMillis, lang))"),
            (PerMuText.includeAboveSize(lang), yn(sc.includeAboveSize)),
            (PerMuText.aboveMinMu(lang), PerMuFormat.mu(sc.aboveSizeMinimumMu, lang)),
            (PerMuText.belowMinMu(lang), sc.belowSizeMinimumMu.map { PerMuFormat.mu($0, lang) } ?? PerMuText.belowNotEvaluated(lang)),
            (PerMuText.includeNotProducing(lang), yn(sc.includeNotProducingPastContractedDate)),
            (PerMuText.mergeShared(lang), yn(sc.mergeSharedParcels)),
            (PerMuText.declaredWeightTotal(lang), Numbers.trimmed(s.declaredWeightTotal)),
            (PerMuText.onlyHighest(lang), yn(s.onlyHighestPunitiveTariff)),
        ]
        return "<h3>\(PerMuText.scope(lang))</h3><dl class=\"facts\">\(rows.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>"
    }

    static func groupTable(_ g: PerMuGroup, scheme: PerMuScheme, lang: Language) -> HTML {
        let rows = g.indicators.map { r -> HTML in
            let benchmark = r.benchmarkRule == .fixed ? PerMuFormat.value(r.benchmark, r.indicator, lang) : "—"
            return """
            <tr><td><b>\(r.indicator.name.text(lang))</b><div class="sub">\(r.indicator.definition.text(lang))</div></td>
            <td class="num">\(Numbers.trimmed(r.weight))</td><td>\(r.benchmarkRule.label.text(lang))</td><td class="num nowrap">\(benchmark)</td>
            <td>\(r.normalisation.label.text(lang))</td><td>\(r.missing.label.text(lang))</td><td>\(r.direction.label.text(lang))</td></tr>
            """
        }
        return """
        <section class="card flush"><h2 class="pad">\(g.kind.name.text(lang))</h2><div class="scroll"><table><thead><tr>
        <th>\(PerMuText.indicator(lang))</th><th class="num">\(PerMuText.weight(lang))</th><th>\(PerMuText.benchmarkRule(lang))</th><th class="num">\(PerMuText.benchmark(lang))</th>
        <th>\(PerMuText.normalisation(lang))</th><th>\(PerMuText.missingRule(lang))</th><th>\(PerMuText.direction(lang))</th></tr></thead><tbody>\(rows)</tbody>
        <tfoot><tr><th>\(PerMuText.unitTotal(lang))</th><th class="num">\(Numbers.trimmed(g.weightSum))</th><th colspan="5"></th></tr></tfoot></table></div></section>
        """
    }

    static func gradingRule(_ rule: PerMuGradingRule, lang: Language) -> String {
        switch rule {
        case .thresholds(let a, let b, let c):
            let n = { Numbers.trimmed($0) }
            return lang == .zh ? "总分 ≥ \(n(a)) 为 A，≥ \(n(b)) 为 B，≥ \(n(c)) 为 C，其余为 D"
                : "total ≥ \(n(a)) is A, ≥ \(n(b)) B, ≥ \(n(c)) C, otherwise D"
        case .shares(let a, let b, let c, let d):
            let n = { Numbers.trimmed($0) }
            return lang == .zh ? "A 前 \(n(a))%，B 其后 \(n(b))%，C 其后 \(n(c))%，D 末 \(n(d))%"
                : "A top \(n(a)) %, B next \(n(b)) %, C next \(n(c)) %, D bottom \(n(d)) %"
        }
    }

    static func grading(_ g: PerMuGrading, lang: Language) -> HTML {
        let kind: String = if case .thresholds = g.rule { PerMuText.thresholds(lang) } else { PerMuText.shares(lang) }
        return """
        <dl class="facts"><dt>\(PerMuText.gradingRule(lang))</dt><dd>\(kind)\(PerMuFormat.colon(lang))\(gradingRule(g.rule, lang: lang))</dd>
        <dt>\(PerMuText.ties(lang))</dt><dd>\(g.ties.label.text(lang))</dd><dt>\(PerMuText.pooling(lang))</dt><dd>\(g.pooling.label.text(lang))</dd></dl>
        """
    }

    static func treatments(_ s: PerMuScheme, lang: Language) -> HTML {
        guard !s.treatments.isEmpty else { return "<p class=\"sub\">\(PerMuText.noTreatment(lang))</p>" }
        let rows = s.treatments.map { t -> HTML in
            let steps = t.steps.map { st in
                lang == .zh ? "连续第 \(st.fromConsecutiveYears) 年起 \(Numbers.trimmed(st.rate)) \(t.kind.unit.zh)"
                    : "from year \(st.fromConsecutiveYears): \(Numbers.trimmed(st.rate)) \(t.kind.unit.en)"
            }.joined(separator: lang == .zh ? "；" : "; ")
            return """
            <tr><td>\(PerMuFormat.gradeBadge(t.grade, lang))</td><td>\(t.kind.label.text(lang))</td><td>\(steps.isEmpty ? "—" : steps)</td>
            <td>\(t.note?.text(lang) ?? "")</td></tr>
            """
        }
        return "<table><tbody>\(rows)</tbody></table>"
    }
}
