import Foundation

/// Recursive-descent parser of the policy language (grammar in docs/policy-language.md). The
/// first error stops it and says at which line and column what was expected.
struct PolicyParser {
    var tokens: [PolicyToken]
    var i = 0
    let source: String

    static let statementWords: Set<String> = ["policy", "title", "department", "legal_reference", "summary", "valid",
                                              "budget", "without_application", "budget_rule", "parameter", "let",
                                              "eligible", "amount"]

    init(_ source: String) throws(PolicyDiagnostic) {
        self.source = source
        tokens = try PolicyLexer.tokens(source)
    }

    // MARK: Tokens

    var tok: PolicyToken { tokens[i] }
    /// Whether every token has been read.
    var atEnd: Bool { if case .end = tok.kind { return true }; return false }
    func peek(_ k: Int = 1) -> PolicyToken { tokens[min(i + k, tokens.count - 1)] }
    mutating func next() -> PolicyToken { let t = tokens[i]; if i < tokens.count - 1 { i += 1 }; return t }

    func isSymbol(_ s: String, _ t: PolicyToken? = nil) -> Bool {
        if case .symbol(s) = (t ?? tok).kind { return true }
        return false
    }
    func isWord(_ s: String, _ t: PolicyToken? = nil) -> Bool {
        if case .identifier(s) = (t ?? tok).kind { return true }
        return false
    }

    func error(_ expected: String, zh: String, at t: PolicyToken? = nil) -> PolicyDiagnostic {
        let t = t ?? tok
        return PolicyDiagnostic(line: t.position.line, column: t.position.column, code: "expected",
                                en: "expected \(expected), found \(t.text)", zh: "此处应为\(zh)，实际为 \(t.text)")
    }

    mutating func expectSymbol(_ s: String) throws(PolicyDiagnostic) {
        guard isSymbol(s) else { throw error("'\(s)'", zh: "“\(s)”") }
        _ = next()
    }
    mutating func expectWord(_ s: String) throws(PolicyDiagnostic) {
        guard isWord(s) else { throw error("'\(s)'", zh: "“\(s)”") }
        _ = next()
    }
    mutating func identifier(_ what: String, zh: String) throws(PolicyDiagnostic) -> String {
        guard case .identifier(let s) = tok.kind else { throw error(what, zh: zh) }
        _ = next(); return s
    }
    mutating func string() throws(PolicyDiagnostic) -> String {
        guard case .string(let s) = tok.kind else { throw error("a quoted text", zh: "带引号的文字") }
        _ = next(); return s
    }
    mutating func date() throws(PolicyDiagnostic) -> LocalDate {
        guard case .date(let d) = tok.kind else { throw error("a date YYYY-MM-DD", zh: "日期 YYYY-MM-DD") }
        _ = next()
        return LocalDate(policyRaw: d)!
    }
    /// `"中文" / "English"`.
    mutating func bilingual() throws(PolicyDiagnostic) -> Bilingual {
        let zh = try string()
        try expectSymbol("/")
        return Bilingual(zh: zh, en: try string())
    }

    // MARK: Document

    mutating func document() throws(PolicyDiagnostic) -> PolicyDocument {
        try expectWord("policy")
        let id = try identifier("the policy id", zh: "政策编号")
        var title: Bilingual?, department: Bilingual?, legal: String?, summary: Bilingual?
        var validFrom: LocalDate?, validTo: LocalDate?, budget: Int64?, without = false, rule = PolicyBudgetRule.proRata
        var parameters: [PolicyParameter] = [], lets: [PolicyDocument.Let] = []
        var eligible: PolicySyntax?, amount: PolicySyntax?
        while true {
            let t = tok
            if case .end = t.kind { break }
            guard case .identifier(let word) = t.kind, Self.statementWords.contains(word), word != "policy" else {
                throw error("a statement (title, department, legal_reference, valid, budget, without_application, budget_rule, parameter, let, eligible, amount)",
                            zh: "语句（title、department、legal_reference、valid、budget、without_application、budget_rule、parameter、let、eligible、amount）")
            }
            _ = next()
            switch word {
            case "title": title = try bilingual()
            case "department": department = try bilingual()
            case "summary": summary = try bilingual()
            case "legal_reference": legal = try string()
            case "valid":
                validFrom = try date()
                if isWord("to") { _ = next(); validTo = try date() }
            case "budget":
                let lit = try literal()
                guard case .money(.cny) = lit.1 else { throw error("a budget in yuan (e.g. 5000万元)", zh: "以元计的预算（如 5000万元）", at: t) }
                budget = lit.0 / PolicyFixed.perFen
            case "without_application":
                guard isWord("true") || isWord("false") else { throw error("true or false", zh: "true 或 false") }
                without = isWord("true"); _ = next()
            case "budget_rule":
                let r = try identifier("pro_rata or by_rank", zh: "pro_rata 或 by_rank")
                guard let br = PolicyBudgetRule(rawValue: r) else { throw error("pro_rata or by_rank", zh: "pro_rata 或 by_rank", at: tokens[i - 1]) }
                rule = br
            case "parameter": parameters.append(try parameter(at: t.position))
            case "let":
                let name = try identifier("a name", zh: "名称")
                // An optional label for explanations: `let uplift "上浮比例" / "Uplift" = …`.
                var label: Bilingual?
                if case .string = tok.kind { label = try bilingual() }
                try expectSymbol("=")
                lets.append(.init(name: name, label: label, expr: try expression(), position: t.position))
            case "eligible":
                try expectWord("when")
                eligible = try expression()
            default: // amount
                try expectSymbol("=")
                amount = try expression()
            }
        }
        func missing(_ what: String, _ zh: String) -> PolicyDiagnostic {
            PolicyDiagnostic(line: tok.position.line, column: tok.position.column, code: "missing_statement",
                             en: "the policy has no '\(what)' statement", zh: "政策缺少“\(zh)”语句")
        }
        guard let title else { throw missing("title", "title 标题") }
        guard let validFrom else { throw missing("valid", "valid 有效期") }
        guard let eligible else { throw missing("eligible when", "eligible when 适用条件") }
        let header = PolicyHeader(id: id, title: title, department: department ?? Bilingual(zh: "", en: ""),
                                  legalReference: legal ?? "", summary: summary, validFrom: validFrom, validTo: validTo,
                                  budgetFen: budget, withoutApplication: without, budgetRule: rule)
        return PolicyDocument(header: header, parameters: parameters, lets: lets, eligible: eligible, amount: amount, source: source)
    }

    mutating func parameter(at position: PolicySourcePosition) throws(PolicyDiagnostic) -> PolicyParameter {
        let name = try identifier("the parameter name", zh: "参数名称")
        var label: Bilingual?
        if case .string = tok.kind { label = try bilingual() }
        try expectSymbol(":")
        var values: [PolicyParameterValue] = []
        while isWord("from") {
            _ = next()
            let from = try date()
            var to: LocalDate?
            if isWord("to") { _ = next(); to = try date() }
            try expectSymbol(":")
            let (raw, type) = try literal()
            values.append(PolicyParameterValue(from: from, to: to, raw: raw, type: type))
            if isSymbol(";") { _ = next() }
        }
        guard !values.isEmpty else { throw error("'from DATE: value'", zh: "“from 日期: 值”") }
        return PolicyParameter(name: name, label: label, values: values, position: position)
    }

    /// A constant: a number with its unit (optionally negative), a date, true/false or a text code.
    mutating func literal() throws(PolicyDiagnostic) -> (Int64, PolicyType) {
        let e = try unary()
        switch e.kind {
        case .literal(let v, let t): return (v, t)
        case .negate(let inner):
            if case .literal(let v, let t) = inner.kind, t.isQuantity { return (-v, t) }
        default: break
        }
        throw error("a constant such as 300万元, 10% or 2024-01-01", zh: "常量，如 300万元、10% 或 2024-01-01", at: tokens[max(0, i - 1)])
    }
}
