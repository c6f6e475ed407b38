import Foundation

/// Expressions, scales and decision tables (precedence climbing; grammar in docs/policy-language.md).
extension PolicyParser {
    /// A node from `start` to the last token read. Call it only after parsing the children
    /// (a non-mutating call captures `self` before evaluating its arguments).
    func node(_ k: PolicySyntax.Kind, _ start: PolicyToken) -> PolicySyntax {
        PolicySyntax(kind: k, position: start.position, endOffset: tokens[max(0, i - 1)].endOffset)
    }

    mutating func expression() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        if isWord("if") {
            _ = next()
            let c = try expression()
            try expectWord("then")
            let a = try expression()
            try expectWord("else")
            let b = try expression()
            return node(.conditional(c, a, b), start)
        }
        return try orExpr()
    }

    mutating func orExpr() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        var e = try andExpr()
        while isWord("or") { _ = next(); let r = try andExpr(); e = node(.binary("or", e, r), start) }
        return e
    }
    mutating func andExpr() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        var e = try notExpr()
        while isWord("and") { _ = next(); let r = try notExpr(); e = node(.binary("and", e, r), start) }
        return e
    }
    mutating func notExpr() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        if isWord("not") { _ = next(); let r = try notExpr(); return node(.not(r), start) }
        return try comparison()
    }

    static let comparisons: Set<String> = ["=", "!=", "<", "<=", ">", ">="]

    mutating func comparison() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        let lhs = try additive()
        if case .symbol(let op) = tok.kind, Self.comparisons.contains(op) {
            _ = next()
            let r = try additive(); return node(.binary(op, lhs, r), start)
        }
        var negated = false
        if isWord("not"), isWord("in", peek()) { _ = next(); negated = true }
        if isWord("in") {
            _ = next()
            let r = try membership(); return node(.membership(lhs, r, negated: negated), start)
        }
        if isWord("between") {
            _ = next()
            let lo = try additive()
            try expectWord("and")
            let hi = try additive()
            return node(.membership(lhs, .interval(lo, lowClosed: true, hi, highClosed: true), negated: false), start)
        }
        return lhs
    }

    /// After `in`: `[a, b, c]`, an interval `[a, b)` / `(a, b]`, or a list-valued expression.
    mutating func membership() throws(PolicyDiagnostic) -> PolicySyntax.Membership {
        guard isSymbol("[") || isSymbol("(") else { return .value(try additive()) }
        let open = next()
        var items: [PolicySyntax] = []
        if !isSymbol("]") {
            items.append(try additive())
            while isSymbol(",") { _ = next(); items.append(try additive()) }
        }
        let lowClosed = isSymbol("[", open)
        if isSymbol(")") || (!lowClosed && isSymbol("]")) {
            guard items.count == 2 else { throw error("an interval with two bounds, e.g. [1, 5)", zh: "含两个端点的区间，如 [1, 5)") }
            let highClosed = isSymbol("]"); _ = next()
            return .interval(items[0], lowClosed: lowClosed, items[1], highClosed: highClosed)
        }
        try expectSymbol("]")
        // `[a, b]` of two quantities is a closed interval; the checker decides by the operand types.
        return .list(items)
    }

    mutating func additive() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        var e = try multiplicative()
        while case .symbol(let op) = tok.kind, op == "+" || op == "-" {
            _ = next(); let r = try multiplicative(); e = node(.binary(op, e, r), start)
        }
        return e
    }
    mutating func multiplicative() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        var e = try unary()
        while case .symbol(let op) = tok.kind, op == "*" || op == "/" {
            _ = next(); let r = try unary(); e = node(.binary(op, e, r), start)
        }
        return e
    }
    mutating func unary() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        if isSymbol("-") { _ = next(); let r = try unary(); return node(.negate(r), start) }
        return try primary()
    }

    mutating func primary() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = tok
        switch start.kind {
        case .number(let n):
            _ = next()
            let r = try unitLiteral(n, start); return node(r, start)
        case .date(let d):
            _ = next(); return node(.literal(d, .date), start)
        case .string(let s):
            _ = next(); return node(.string(s), start)
        case .symbol("("):
            _ = next()
            let e = try expression()
            try expectSymbol(")")
            return e
        case .identifier(let w):
            if w == "true" || w == "false" { _ = next(); return node(.literal(w == "true" ? 1 : 0, .bool), start) }
            if w == "scale" { return try scale() }
            if w == "table" { return try table() }
            if Self.statementWords.contains(w) || ["and", "or", "not", "in", "then", "else", "from", "to"].contains(w) {
                throw error("a value, a fact or '('", zh: "值、事实或“(”")
            }
            _ = next()
            if isSymbol("(") {
                _ = next()
                var args: [PolicySyntax] = []
                if !isSymbol(")") {
                    args.append(try expression())
                    while isSymbol(",") { _ = next(); args.append(try expression()) }
                }
                try expectSymbol(")")
                return node(.call(w, args), start)
            }
            return node(.name(w), start)
        default:
            throw error("a value, a fact or '('", zh: "值、事实或“(”")
        }
    }

    /// The unit after a number (`PolicyVocabulary.units`: `%`, `yuan`/`元`, `万元`, `亿元`, `US$`,
    /// `mu`, `m2`, `kWh`, `person`), and `/mu`, `/kWh`, `/person`, `/US$` after money for a rate.
    mutating func unitLiteral(_ n: Int64, _ start: PolicyToken) throws(PolicyDiagnostic) -> PolicySyntax.Kind {
        func word(_ t: PolicyToken) -> String? {
            switch t.kind {
            case .symbol(let w), .identifier(let w): w
            default: nil
            }
        }
        func bad(_ en: String, _ zh: String) -> PolicyDiagnostic {
            PolicyDiagnostic(line: start.position.line, column: start.position.column, code: "bad_number", en: en, zh: zh)
        }
        guard let unit = word(tok).flatMap(PolicyVocabulary.unit) else { return .literal(n, .number) }
        _ = next()
        let (product, overflow) = n.multipliedReportingOverflow(by: unit.numerator)
        if overflow { throw bad("amount too large", "金额过大") }
        guard product % unit.denominator == 0 else {
            throw bad(unit.inexact?.en ?? "not a whole micro-unit", unit.inexact?.zh ?? "无法精确换算")
        }
        let value = product / unit.denominator
        guard case .money(let currency) = unit.type, isSymbol("/"),
              let base = word(peek()).flatMap(PolicyRateBase.init(rawValue:)) else { return .literal(value, unit.type) }
        _ = next(); _ = next()
        return .literal(value, .rate(currency, base))
    }

    /// `scale marginal|single INPUT { up to X: V; ...; above: V }`.
    mutating func scale() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = next()
        let kind = try identifier("marginal or single", zh: "marginal 或 single")
        guard kind == "marginal" || kind == "single" else { throw error("marginal or single", zh: "marginal 或 single", at: tokens[i - 1]) }
        let input = try unary()
        try expectSymbol("{")
        var brackets: [PolicySyntax.Bracket] = []
        while !isSymbol("}") {
            let at = tok.position
            var upTo: PolicySyntax?
            if isWord("above") { _ = next() } else {
                try expectWord("up"); try expectWord("to")
                upTo = try additive()
            }
            try expectSymbol(":")
            brackets.append(.init(upTo: upTo, value: try additive(), position: at))
            if isSymbol(";") { _ = next() } else if !isSymbol("}") { throw error("';' or '}'", zh: "“;”或“}”") }
            if upTo == nil, !isSymbol("}") { throw error("'}' after the 'above' bracket", zh: "above 档之后的“}”") }
        }
        _ = next()
        return node(.scale(marginal: kind == "marginal", input: input, brackets: brackets), start)
    }

    /// `table HIT (INPUT, ...) { CELL, ... -> OUTPUT; ... [else -> OUTPUT;] }`.
    mutating func table() throws(PolicyDiagnostic) -> PolicySyntax {
        let start = next()
        let h = try identifier("a hit policy (unique, first, collect_sum)", zh: "命中策略（unique、first、collect_sum）")
        guard let hit = PolicyHitPolicy(rawValue: h) else {
            throw error("a hit policy (unique, first, collect_sum)", zh: "命中策略（unique、first、collect_sum）", at: tokens[i - 1])
        }
        try expectSymbol("(")
        var inputs = [try expression()]
        while isSymbol(",") { _ = next(); inputs.append(try expression()) }
        try expectSymbol(")")
        try expectSymbol("{")
        var rows: [PolicySyntax.Row] = [], otherwise: PolicySyntax?
        while !isSymbol("}") {
            if isWord("else") {
                _ = next(); try expectSymbol("->")
                otherwise = try expression()
                if isSymbol(";") { _ = next() }
                guard isSymbol("}") else { throw error("'}' after the else row", zh: "else 行之后的“}”") }
                break
            }
            let at = tok.position
            var cells = [try cell()]
            while isSymbol(",") { _ = next(); cells.append(try cell()) }
            guard cells.count == inputs.count else {
                throw PolicyDiagnostic(line: at.line, column: at.column, code: "cell_count",
                                       en: "this row has \(cells.count) cells, the table has \(inputs.count) inputs",
                                       zh: "此行有 \(cells.count) 个单元格，表有 \(inputs.count) 个输入")
            }
            try expectSymbol("->")
            rows.append(.init(cells: cells, output: try expression(), position: at))
            if isSymbol(";") { _ = next() } else if !isSymbol("}") { throw error("';' or '}'", zh: "“;”或“}”") }
        }
        _ = next()
        return node(.table(hit, inputs: inputs, rows: rows, otherwise: otherwise), start)
    }

    /// `_`, `>= X`, `in [..]`, `in [a, b)` or `[a, b)`, `between a and b`, or a value (equality).
    mutating func cell() throws(PolicyDiagnostic) -> PolicySyntax.Cell {
        if isSymbol("_") { _ = next(); return .any }
        if case .symbol(let op) = tok.kind, Self.comparisons.contains(op) { _ = next(); return .compare(op, try additive()) }
        if isWord("in") { _ = next(); return .membership(try membership()) }
        if isSymbol("[") { return .membership(try membership()) }
        if isWord("between") {
            _ = next()
            let lo = try additive(); try expectWord("and")
            return .membership(.interval(lo, lowClosed: true, try additive(), highClosed: true))
        }
        return .compare("=", try additive())
    }
}
