import Foundation
import ParkDomain
import ParkStore
import Vapor

/// One scheme version (staff): scope, indicator sets, grading, treatments, its runs, the
/// read-only document, and the form that drafts the next version from it.
enum PerMuSchemePage {
    struct Model {
        var stored: PerMuSchemeRepository.Stored
        var runs: [PerMuRunRepository.Stored]
        /// The draft form's values (the scheme's own, or what was posted and refused).
        var values: [String: String]
        var errorField: String?
        var notice: Notice?

        static func load(_ id: UUID, values: [String: String]? = nil, notice: Notice? = nil, errorField: String? = nil, saved: Bool = false,
                         on ctx: PageContext) async throws -> Model {
            let stored = try await PerMuSchemeRepository(db: ctx.db).require(id)
            let s = stored.scheme
            let savedNotice = saved ? Notice(ok: true, text: "\(PerMuText.saved(ctx.language)): \(PerMuFormat.schemeName(s.name, s.version, ctx.language))") : nil
            return Model(stored: stored, runs: try await PerMuRunRepository(db: ctx.db).all(year: s.year).filter { $0.schemeID == stored.id },
                         values: values ?? PerMuSchemeDraft.defaults(s), errorField: errorField, notice: notice ?? savedNotice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, stored = m.stored, s = stored.scheme
            let runLinks: [HTML] = m.runs.isEmpty ? ["<p class=\"sub\">\(PerMuText.noRuns(lang))</p>"] : m.runs.map { r -> HTML in
                "<div><a href=\"\(ConsoleURL.permu(.run(.value(r.id))))\">\(String(r.year)) · \(PerMuFormat.date(millis: r.createdAtMillis, lang))</a> \(PerMuFormat.stateBadge(r.state, lang))</div>"
            }
            let document = String(decoding: s.document(pretty: true), as: UTF8.self)
            let body: HTML = """
            <p><a href="\(ConsoleURL.permu(.overview).href([("year", String(s.year))]))">← \(PerMuText.backToOverview(lang))</a></p>
            <h1>\(PerMuText.scheme(lang)) · \(PerMuFormat.schemeName(s.name, s.version, lang)) · \(String(s.year))</h1>\(m.notice.html)
            <div class="grid g2">
            <section class="card"><h2>\(PerMuText.summary(lang))</h2>\(PerMuSchemePage.facts(stored, lang: lang))</section>
            <section class="card"><h2>\(PerMuText.runThisScheme(lang))</h2><p class="sub">\(PerMuText.dryRunHint(lang))</p>
            <form method="post" action="\(ConsoleURL.permu(.runScheme))" class="filters">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="scheme_id" value="\(stored.id.uuidString)">
            <label class="check"><input type="checkbox" name="dry_run" value="1">\(PerMuText.dryRun(lang))</label><button class="btn">\(PerMuText.runButton(lang))</button></form>
            <p><a class="btn ghost" href="\(ConsoleURL.permu(.compare).href([("draft", stored.id.uuidString)]))">\(PerMuText.compareWith(lang))</a></p>
            <h3>\(PerMuText.runsOfScheme(lang))</h3>\(runLinks)</section>
            </div>
            \(s.groups.map { PerMuSchemePage.groupTable($0, scheme: s, lang: lang) })
            <div class="grid g2"><section class="card"><h2>\(PerMuText.grading(lang))</h2>\(PerMuSchemePage.grading(s.grading, lang: lang))</section>
            <section class="card"><h2>\(PerMuText.treatments(lang))</h2>\(PerMuSchemePage.treatments(s, lang: lang))</section></div>
            \(PerMuSchemeDraft.form(stored, values: m.values, errorField: m.errorField, csrf: ctx.csrf, lang: lang))
            <details class="card"><summary>\(PerMuText.document(lang))</summary><pre class="doc">\(document)</pre></details>
            """
            return ConsolePage(title: PerMuFormat.schemeName(s.name, s.version, lang), section: .permu, body: body, status: status)
        }
    }

    static func facts(_ stored: PerMuSchemeRepository.Stored, lang: Language) -> HTML {
        let s = stored.scheme, sc = s.scope
        let yn = { (b: Bool) in b ? PerMuText.yes(lang) : PerMuText.no(lang) }
        let rows: [(String, String)] = [
            (PerMuText.name(lang), s.name), (PerMuText.version(lang), String(s.version)), (PerMuText.year(lang), String(s.year)),
            (PerMuText.createdBy(lang), "\(ConsoleText.author(stored.createdBy, lang)) · \(PerMuFormat.date(millis: stored.createdAtMillis, lang))"),
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
            return PerMuText.thresholdRule(lang, ["a": n(a), "b": n(b), "c": n(c)])
        case .shares(let a, let b, let c, let d):
            let n = { Numbers.trimmed($0) }
            return PerMuText.shareRule(lang, ["a": n(a), "b": n(b), "c": n(c), "d": n(d)])
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
                PerMuText.surchargeStep(lang, ["years": String(st.fromConsecutiveYears), "rate": Numbers.trimmed(st.rate), "unit": t.kind.unit.text(lang)])
            }.joined(separator: ConsoleText.listSeparator(lang))
            return """
            <tr><td>\(PerMuFormat.gradeBadge(t.grade, lang))</td><td>\(t.kind.label.text(lang))</td><td>\(steps.isEmpty ? "—" : steps)</td>
            <td>\(t.note?.text(lang) ?? "")</td></tr>
            """
        }
        return "<table><tbody>\(rows)</tbody></table>"
    }
}
