import ParkDomain
import ParkStore

/// A `PolicyExplanation` as HTML: the answer and amount, each condition with ✓ / ✗ / ? and the
/// values it used, each parameter with the date its value took effect, the amount's steps and
/// the data still needed.
struct PolicyExplanationView {
    let explanation: PolicyExplanation
    let lang: Language
    /// Where each missing fact can be supplied (the portal); nil shows the labels only.
    var supplyLink: ((String) -> HTML)? = nil
    /// Officers also see each condition's source text (one click away) and the facts' names.
    var forStaff = false

    func render(conditions filter: ((PolicyExplanation.Condition) -> Bool)? = nil, showDetails: Bool = true) -> HTML {
        let x = explanation
        let conditions = filter.map { f in x.conditions.filter(f) } ?? x.conditions
        return """
        <div class="explanation"><p class="answer">\(outcome())</p>
        \(missing())
        \(conditionTable(conditions))
        \(showDetails ? details() : .empty)</div>
        """
    }

    func outcome() -> HTML {
        let o = explanation.outcome
        let amount: HTML = if let fen = o.amountFen {
            "<b class=\"amount\">\(PolicyFormat.money(fen, lang))</b>\(fen < 0 ? Markup.badge(PolicyText.surcharge(lang), kind: "off") : .empty)"
        }
            else if o.status == .eligible { "<span class=\"sub\">\(PolicyText.amountPending(lang))</span>" } else { .empty }
        return "\(PolicyFormat.statusBadge(o.status, lang)) \(amount) <span class=\"sub\">\(PolicyText.asOf(lang)) \(explanation.asOf.iso)</span>"
    }

    func missing() -> HTML {
        let names = explanation.outcome.missingFacts
        guard !names.isEmpty else { return .empty }
        let items = names.map { n -> HTML in
            "<li>\(PolicyFormat.factLabel(n, lang))\(forStaff ? " <span class=\"mono sub\">\(n)</span>" as HTML : .empty)\(supplyLink.map { " · \($0(n))" } ?? .empty)</li>"
        }
        return "<div class=\"missing\"><b>\(PolicyText.missingFacts(lang))</b><ul>\(items)</ul></div>"
    }

    static func mark(_ result: Bool?) -> HTML {
        switch result {
        case true?: "<span class=\"mark yes\" title=\"true\">✓</span>"
        case false?: "<span class=\"mark no\" title=\"false\">✗</span>"
        case nil: "<span class=\"mark unknown\" title=\"undetermined\">?</span>"
        }
    }

    func conditionTable(_ conditions: [PolicyExplanation.Condition]) -> HTML {
        guard !conditions.isEmpty else { return .empty }
        let rows = conditions.map { c -> HTML in
            let values = c.values.map { v -> HTML in
                let shown: HTML = v.value.map { "<b>\(PolicyFormat.factValue(v.name, $0, words: v.words, lang))</b>" } ?? "<span class=\"miss\">\(PolicyText.missing(lang))</span>"
                let name: HTML = forStaff ? " <span class=\"mono sub\">\(v.name)</span>" : .empty
                return "<div>\(v.label.text(lang))\(name) = \(shown)</div>"
            }
            let code: HTML = forStaff ? "<details class=\"code\"><summary>\(PolicyText.showCode(lang))</summary><code class=\"mono\">\(c.text)</code></details>" : .empty
            return "<tr><td class=\"mark\">\(Self.mark(c.result))</td><td>\(c.words.text(lang))\(code)</td><td>\(values)</td></tr>"
        }
        return """
        <table class="conditions"><thead><tr><th></th><th>\(PolicyText.condition(lang))</th><th>\(PolicyText.values(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    func details() -> HTML {
        let x = explanation
        let params = x.parameters.map { p -> HTML in
            let to: String = p.effectiveTo.map { " – \($0.iso)" } ?? ""
            return """
            <tr><td>\(p.label?.text(lang) ?? p.name)\(forStaff ? " <span class=\"mono sub\">\(p.name)</span>" as HTML : .empty)</td><td class="num">\(p.words.text(lang))</td>
            <td class="nowrap">\(PolicyText.effective(lang)) \(p.effectiveFrom.iso)\(to)</td></tr>
            """
        }
        let paramTable: HTML = params.isEmpty ? .empty : """
            <h3>\(PolicyText.parameters(lang))</h3><table><thead><tr><th>\(PolicyText.parameter(lang))</th><th class="num">\(PolicyText.value(lang))</th>
            <th>\(PolicyText.from(lang))</th></tr></thead><tbody>\(params)</tbody></table>
            """
        let steps: HTML = x.steps.isEmpty ? "<p class=\"sub\">\(PolicyText.noSteps(lang))</p>"
            : "<ol class=\"steps\">\(x.steps.map { s -> HTML in s.en.hasPrefix("  ") ? "<li class=\"sub-step\">\(s.text(lang).trimmingCharacters(in: .whitespaces))</li>" : "<li>\(s.text(lang))</li>" })</ol>"
        return "\(paramTable)<h3>\(PolicyText.steps(lang))</h3>\(steps)"
    }
}
