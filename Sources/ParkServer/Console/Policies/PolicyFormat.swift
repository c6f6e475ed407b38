import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Money, dates, badges and labels shared by the policy pages: money exact from fen, each fact
/// with its label, budget rules stated in words.
enum PolicyFormat {
    static func money(_ fen: Int64, _ lang: Language) -> String { PerMuFormat.money(fen: fen, lang) }

    /// A budget as officials read it (万元/亿元, millions), or "uncapped".
    static func budget(_ h: PolicyHeader, _ lang: Language) -> String { h.budgetFen.map { FenText.scaled($0, lang) } ?? PolicyText.uncapped(lang) }

    static func validity(_ h: PolicyHeader, _ lang: Language) -> String {
        if let to = h.validTo { return "\(h.validFrom.iso) – \(to.iso)" }
        return PolicyText.openEnded(lang, ["from": h.validFrom.iso])
    }

    static func rule(_ r: PolicyBudgetRule, _ lang: Language) -> String {
        r == .proRata ? PolicyText.ruleProRata(lang) : PolicyText.ruleByRank(lang)
    }

    /// The warning for a policy whose entitlements in a run exceed its budget: by how much,
    /// and what the budget rule will do (the pro-rata factor every amount is scaled by).
    static func overBudget(_ title: String, _ o: BudgetOverrun, rule: PolicyBudgetRule, _ lang: Language) -> HTML {
        let multiple = o.multiple.map { DecimalText.fixed($0, places: 1) }
        let percent = DecimalText.fixed(o.factor * 100, places: 2)
        let entitled = FenText.scaled(o.entitledFen, lang), budget = FenText.scaled(o.budgetFen, lang)
        let size: String = switch lang {
        case .zh: "\(title)：应享合计 \(entitled)，预算 \(budget)" + (multiple.map { "，为预算的 \($0) 倍" } ?? "")
        case .en: "\(title): \(entitled) entitled against a budget of \(budget)" + (multiple.map { " (\($0) times the budget)" } ?? "")
        }
        let effect: String = switch (rule, lang) {
        case (.proRata, .zh): "按比例分配：每笔金额按 \(percent) % 兑现（系数 = 预算 ÷ 应享合计）。"
        case (.proRata, .en): "Pro rata: every amount will be paid at \(percent) % (factor = budget ÷ entitled)."
        case (.byRank, .zh): "按排名分配：按排名依次全额兑现，预算用尽后其余企业不予兑现。"
        case (.byRank, .en): "By rank: amounts are paid in full in rank order until the budget runs out; the rest get nothing."
        }
        return "<li><strong>\(size)</strong>\(PolicyText.sentenceEnd(lang))\(effect)</li>"
    }

    static func applicationBadge(_ h: PolicyHeader, _ lang: Language) -> HTML {
        h.withoutApplication ? Markup.badge(PolicyText.withoutApplication(lang), kind: "rd") : Markup.badge(PolicyText.withApplication(lang))
    }

    static func inForceBadge(_ h: PolicyHeader, today: LocalDate, _ lang: Language) -> HTML {
        h.isInForce(on: today) ? Markup.badge(PolicyText.inForce(lang), kind: "rd") : Markup.badge(PolicyText.notInForce(lang), kind: "off")
    }

    static func statusBadge(_ s: PolicyStatus, _ lang: Language) -> HTML {
        let kind = s == .eligible ? "rd" : s == .undetermined ? "f500" : "off"
        return Markup.badge(s.label.text(lang), kind: kind)
    }

    static func grantState(_ s: PolicyRunRepository.Grant.State, _ lang: Language) -> HTML {
        switch s {
        case .proposed: Markup.badge(PolicyText.grantProposed(lang), kind: "f500")
        case .confirmed: Markup.badge(PolicyText.grantConfirmed(lang), kind: "rd")
        case .rejected: Markup.badge(PolicyText.grantRejected(lang), kind: "off")
        }
    }

    static func factLabel(_ name: String, _ lang: Language) -> String {
        PolicyFactCatalogue.builtIn[name]?.label.text(lang) ?? name
    }

    static func title(_ s: PolicyRepository.Stored, _ lang: Language) -> String { s.policy.header.title.text(lang) }

    static func certification(_ code: String) -> Bilingual { PolicyValueLabels.label(domain: "certification", code: code) }

    static func hqTier(_ code: String) -> Bilingual { PolicyValueLabels.label(domain: "hq_tier", code: code) }

    /// A fact's value as the engine renders it ("false", "B", "high_tech;srdi", "1,000.00 yuan"),
    /// in words: yes/no, coded values by name, amounts scaled and unit-named (`words`).
    static func factValue(_ name: String, _ text: String, words: Bilingual?, _ lang: Language) -> String {
        switch PolicyFactCatalogue.builtIn[name]?.type {
        case .bool?: return text == "true" ? PolicyText.yes(lang) : text == "false" ? PolicyText.no(lang) : text
        case .code(let domain)?: return PolicyValueLabels.label(domain: domain, code: text).text(lang)
        case .codeList(let domain)?:
            let items = text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !items.isEmpty else { return PolicyText.none(lang) }
            return items.map { PolicyValueLabels.label(domain: domain, code: $0).text(lang) }.joined(separator: PolicyText.listComma(lang))
        default: return words?.text(lang) ?? text
        }
    }

    /// What kind of value a fact holds, in words ("money (yuan)" rather than `money(yuan)`).
    static func typeLabel(_ t: PolicyType, _ lang: Language) -> String {
        let b: Bilingual = switch t {
        case .bool: Bilingual(zh: "是/否", en: "yes or no")
        case .number: Bilingual(zh: "数值", en: "number")
        case .count: Bilingual(zh: "计数", en: "count")
        case .money(.cny): Bilingual(zh: "金额（元）", en: "amount (yuan)")
        case .money(.usd): Bilingual(zh: "金额（美元）", en: "amount (US$)")
        case .area: Bilingual(zh: "面积（亩）", en: "area (mu)")
        case .energy: Bilingual(zh: "电量（千瓦时）", en: "electricity (kWh)")
        case .rate: Bilingual(zh: "单价", en: "rate")
        case .date: Bilingual(zh: "日期", en: "date")
        case .code: Bilingual(zh: "代码", en: "code")
        case .codeList: Bilingual(zh: "代码清单", en: "list of codes")
        }
        return b.text(lang)
    }

    static func factSource(_ s: PolicyFact.Source, _ lang: Language) -> String {
        switch s {
        case .registry: PolicyText.sourceRegistry(lang)
        case .yearly: PolicyText.sourceYearly(lang)
        case .lease: PolicyText.sourceLease(lang)
        case .permu: PolicyText.sourcePerMu(lang)
        case .energy: PolicyText.sourceEnergy(lang)
        }
    }

    /// "第 3 行第 5 列" / "line 3, column 5".
    static func position(_ line: Int, _ column: Int, _ lang: Language) -> String {
        PolicyText.linePosition(lang, ["line": String(line), "column": String(column)])
    }

    /// The diagnostics list the editor script keeps up to date (id `diagnostics`).
    static func diagnostics(_ list: [PolicyDiagnostic], _ lang: Language) -> HTML {
        let items = list.map { d -> HTML in
            """
            <li class="\(d.severity.rawValue)" data-line="\(d.line)"><b>\(position(d.line, d.column, lang))</b> \
            <span class="mono">\(d.code)</span> \(d.message.text(lang))</li>
            """
        }
        let ok: HTML = list.isEmpty ? "<li class=\"ok\">\(PolicyText.noProblems(lang))</li>" : .empty
        return "<ul id=\"diagnostics\" class=\"diagnostics\" data-ok=\"\(PolicyText.noProblems(lang))\">\(ok)\(items)</ul>"
    }

    static func notice(_ n: (ok: Bool, text: String)?) -> HTML { n.map { Notice(ok: $0.ok, text: $0.text) }.html }

    static func name(zh: String, en: String, _ lang: Language) -> String { PerMuRequest.enterpriseName(zh: zh, en: en, lang) }

    static func facts(_ rows: [(String, HTML)]) -> HTML {
        "<dl class=\"facts\">\(rows.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>"
    }
}

/// Reading policy pages' requests.
enum PolicyRequest {
    static func date(_ raw: String?, field: String, default value: LocalDate) throws(DomainError) -> LocalDate {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return value }
        guard let d = LocalDate(iso: raw.trimmingCharacters(in: .whitespaces)) else {
            throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD, found '\(raw)'",
                              zh: "\(field) 须为日期 YYYY-MM-DD，收到“\(raw)”")
        }
        return d
    }

    static func policyID(_ req: Request) throws -> String {
        guard let id = req.parameters.get("id"), !id.isEmpty else { throw DomainError.required("id") }
        return id
    }
}
