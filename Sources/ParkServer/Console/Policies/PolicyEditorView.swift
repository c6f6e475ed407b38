import ParkDomain
import ParkStore
import Vapor

/// The editor page's markup: the source with a line-number gutter (error and warning lines
/// marked), the diagnostics, the summary of the policy as written, its versions and the try panel.
enum PolicyEditorView {
    static func response(_ req: Request, _ state: PolicyEditorState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let layout = Layout(req)
        let lang = layout.lang
        let parsed = try? Policy.parse(state.source)
        let id = parsed?.id ?? state.policyID
        var versions: [PolicyRepository.Stored] = []
        if let id { versions = try await PolicyRepository(db: req.db).versions(id) }
        let latest = versions.first?.version
        let viewingOld: HTML = state.version != nil && state.version != latest
            ? "<div class=\"notice bad\">\(PolicyText.viewing(lang)) (\(PolicyText.versionOf(lang)) \(state.version ?? 0)); <a href=\"\(ConsoleURL.policies(.policy(.value(id ?? ""))))\">\(PolicyText.latestVersion(lang))</a></div>"
            : .empty
        let heading = parsed?.header.title.text(lang) ?? id ?? PolicyText.newPolicy(lang)
        let body: HTML = """
        <p><a href="\(ConsoleURL.policies(.list))">← \(PolicyText.backToPolicies(lang))</a></p>
        <h1>\(heading)\(id.map { " <span class=\"mono sub\">\($0)</span>" as HTML } ?? .empty)</h1>
        \(PolicyFormat.notice(state.notice))\(viewingOld)
        <form method="post" action="\(ConsoleURL.policies(.submit))" id="policy-editor" data-check="\(ConsoleURL.policies(.check).href([("lang", lang.rawValue)]))">\(Markup.csrfField(layout.csrf))
        <input type="hidden" name="policy_id" value="\(state.policyID ?? "")">
        <div class="grid editor-grid">
        <section class="card"><h2>\(PolicyText.editor(lang))</h2><p class="sub">\(PolicyText.liveHint(lang)) <a href="\(ConsoleURL.policies(.reference))">\(PolicyText.reference(lang))</a></p>
        \(editor(state.source, state.diagnostics))
        <div class="actions spaced"><button class="btn ghost" name="op" value="check">\(PolicyText.check(lang))</button>
        <button class="btn" name="op" value="save">\(PolicyText.save(lang))</button><span class="sub">\(PolicyText.saveHint(lang))</span>
        <span id="check-status" class="sub" data-checking="\(PolicyText.checking(lang))"></span></div>
        <h3>\(PolicyText.problems(lang))</h3>\(PolicyFormat.diagnostics(state.diagnostics, lang))</section>
        <div>\(summary(parsed, lang: lang, today: req.park.today))
        \(PolicyTryPanel.render(state, lang: lang))
        \(versionList(versions, lang: lang))</div>
        </div></form>
        <script src="\(ConsoleURL.assets(.policyEditorScript))" defer></script>
        """
        return layout.response(heading, .policies, body, status: status)
    }

    /// The textarea with its gutter; the lines of diagnostics are marked (`err` / `warn`).
    static func editor(_ source: String, _ diagnostics: [PolicyDiagnostic]) -> HTML {
        let count = max(source.split(separator: "\n", omittingEmptySubsequences: false).count, 1)
        var marks: [Int: String] = [:]
        for d in diagnostics { marks[d.line] = d.severity == .error ? "err" : (marks[d.line] ?? "warn") }
        let numbers = (1...count).map { n -> HTML in "<span class=\"\(marks[n] ?? "")\">\(n)</span>\n" }
        return """
        <div class="code-editor"><pre class="gutter" id="gutter" aria-hidden="true">\(numbers)</pre>
        <textarea name="source" id="source" rows="\(min(max(count + 2, 18), 60))" wrap="off" spellcheck="false" autocomplete="off" \
        required>\(source)</textarea></div>
        """
    }

    static func summary(_ policy: Policy?, lang: Language, today: LocalDate) -> HTML {
        guard let policy else { return .empty }
        let h = policy.header
        var rows: [(String, HTML)] = [
            (PolicyText.policyTitle(lang), "\(h.title.text(lang))"), (PolicyText.department(lang), "\(h.department.text(lang))"),
            (PolicyText.legalReference(lang), "\(h.legalReference)"),
            (PolicyText.validity(lang), "\(PolicyFormat.validity(h, lang)) \(PolicyFormat.inForceBadge(h, today: today, lang))"),
            (PolicyText.budget(lang), "\(PolicyFormat.budget(h, lang))"),
            (PolicyText.withoutApplication(lang), "\(PolicyFormat.applicationBadge(h, lang))"),
            (PolicyText.budgetRule(lang), "\(PolicyFormat.rule(h.budgetRule, lang))"),
        ]
        if let s = h.summary { rows.insert((PolicyText.summary(lang), "\(s.text(lang))"), at: 1) }
        let params = policy.parameters.flatMap { p in
            p.values.map { v -> HTML in
                """
                <tr><td>\(p.label?.text(lang) ?? p.name) <span class="mono sub">\(p.name)</span></td>
                <td class="num nowrap">\(PolicyAmountWords.words(v.raw, v.type).text(lang))</td><td class="nowrap">\(v.from.iso)</td><td class="nowrap">\(v.to?.iso ?? "—")</td></tr>
                """
            }
        }
        let facts = policy.facts.map { f -> HTML in
            "<tr><td>\(f.label.text(lang))</td><td class=\"mono\">\(f.name)</td><td>\(PolicyFormat.typeLabel(f.type, lang))</td><td>\(PolicyFormat.factSource(f.source, lang))</td></tr>"
        }
        let paramTable: HTML = params.isEmpty ? .empty : """
            <h3>\(PolicyText.parameters(lang))</h3><table><thead><tr><th>\(PolicyText.parameter(lang))</th><th class="num">\(PolicyText.value(lang))</th>
            <th>\(PolicyText.from(lang))</th><th>\(PolicyText.to(lang))</th></tr></thead><tbody>\(params)</tbody></table>
            """
        let conditions = policy.conditionTexts.map { c -> HTML in
            "<li>\(c.words.text(lang))<div class=\"mono sub\">\(c.code)</div></li>"
        }
        return """
        <section class="card"><h2>\(PolicyText.header(lang))</h2>\(PolicyFormat.facts(rows))
        <h3>\(PolicyText.conditions(lang))</h3><ol class="notes">\(conditions)</ol>
        \(paramTable)
        <h3>\(PolicyText.factsRead(lang))</h3><table><thead><tr><th>\(PolicyText.fact(lang))</th><th></th><th>\(PolicyText.type(lang))</th><th>\(PolicyText.origin(lang))</th></tr></thead>
        <tbody>\(facts)</tbody></table></section>
        """
    }

    static func versionList(_ versions: [PolicyRepository.Stored], lang: Language) -> HTML {
        guard !versions.isEmpty else { return .empty }
        let items = versions.map { v -> HTML in
            "<li><a href=\"\(ConsoleURL.policies(.policy(.value(v.policy.id))).href([("version", String(v.version))]))\">\(PolicyText.versionOf(lang)) \(v.version)</a> · \(ConsoleText.author(v.createdBy, lang)) · \(PerMuFormat.date(millis: v.createdAtMillis, lang))</li>"
        }
        return "<section class=\"card\"><h2>\(PolicyText.versions(lang))</h2><ul class=\"notes\">\(items)</ul></section>"
    }

    /// A complete example to start a new policy from (the language reference: /policies/language, PolicyReferencePage).
    static let template = """
    policy new_investment_award
    title "新增固定资产投资奖励" / "Award for new fixed-asset investment"
    department "园区经济发展委员会" / "Park Economic Development Committee"
    legal_reference "文号 第 条"
    valid 2025-01-01 to 2025-12-31
    budget 1000万元
    without_application true
    budget_rule pro_rata

    parameter rate "奖励比例" / "Award rate":
      from 2025-01-01: 2%
    parameter cap "单个企业上限" / "Cap per enterprise":
      from 2025-01-01: 200万元

    eligible when fixed_asset_investment >= 5000万元
      and permu_grade in ["A", "B"]

    amount = round(min(fixed_asset_investment * rate, cap), 1 yuan, half_up)
    """
}
