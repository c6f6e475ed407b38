import Foundation

/// Resolves names, checks types and units, lowers syntax to `PolicyTerm`s and collects lints.
struct PolicyChecker {
    let document: PolicyDocument
    let catalogue: PolicyFactCatalogue
    var facts: [PolicyFact] = []
    var factIndex: [String: Int] = [:]
    var locals: [Policy.Local] = []
    var localIndex: [String: Int] = [:]
    var parameterIndex: [String: Int] = [:]
    var warnings: [PolicyDiagnostic] = []
    /// Each arithmetic term's operand types, for the explanation's steps in words.
    var arithmeticTypes: [PolicyTerm: Policy.OperandTypes] = [:]
    let chars: [Character]

    init(document: PolicyDocument, catalogue: PolicyFactCatalogue) {
        self.document = document; self.catalogue = catalogue
        chars = Array(document.source)
    }

    typealias Typed = (term: PolicyTerm, type: PolicyType)

    func fail(_ at: PolicySourcePosition, _ code: String, en: String, zh: String) -> PolicyDiagnostic {
        PolicyDiagnostic(line: at.line, column: at.column, code: code, en: en, zh: zh)
    }

    func text(_ e: PolicySyntax) -> String {
        let lo = max(0, min(e.position.offset, chars.count)), hi = max(lo, min(e.endOffset, chars.count))
        return String(chars[lo..<hi]).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    mutating func check() throws(PolicyDiagnostic) -> Policy {
        for (k, p) in document.parameters.enumerated() {
            if parameterIndex[p.name] != nil || catalogue[p.name] != nil {
                throw fail(p.position, "duplicate_name", en: "'\(p.name)' is already a fact or parameter", zh: "“\(p.name)”与已有事实或参数重名")
            }
            let t = p.values[0].type
            for v in p.values where !(v.type == t || v.type.sameDimension(as: t) && t.isDimensionless) {
                throw fail(p.position, "type_mismatch", en: "parameter \(p.name) mixes \(t) and \(v.type) values",
                           zh: "参数 \(p.name) 的取值类型不一致：\(t) 与 \(v.type)")
            }
            parameterIndex[p.name] = k
        }
        lintParameters()
        for l in document.lets {
            if localIndex[l.name] != nil || parameterIndex[l.name] != nil || catalogue[l.name] != nil {
                throw fail(l.position, "duplicate_name", en: "'\(l.name)' is already defined", zh: "“\(l.name)”已定义")
            }
            let e = try typed(l.expr)
            localIndex[l.name] = locals.count
            let spaced = l.name.replacingOccurrences(of: "_", with: " ")
            let label = l.label ?? Bilingual(zh: spaced, en: spaced.prefix(1).uppercased() + spaced.dropFirst())
            locals.append(.init(name: l.name, term: e.term, type: e.type, text: text(l.expr), hidden: false,
                                label: label, words: wording().value(l.expr).bilingual))
        }
        let eligible = try typed(document.eligible)
        guard eligible.type == .bool else {
            throw fail(document.eligible.position, "type_mismatch", en: "'eligible when' needs a condition (bool), found \(eligible.type)",
                       zh: "“eligible when”需要条件（布尔值），实际为 \(eligible.type)")
        }
        var conditions: [Policy.Condition] = []
        let wording = wording()
        func split(_ e: PolicySyntax) throws(PolicyDiagnostic) {
            if case .binary("and", let a, let b) = e.kind { try split(a); try split(b); return }
            conditions.append(.init(text: text(e), words: wording.sentence(e), term: try typed(e).term))
        }
        try split(document.eligible)
        var amount: PolicyTerm?
        if let a = document.amount {
            let t = try typed(a)
            guard t.type == .money(.cny) else {
                throw fail(a.position, "type_mismatch", en: "the amount must be money in yuan, found \(t.type)",
                           zh: "金额应为人民币金额，实际为 \(t.type)")
            }
            amount = t.term
        }
        guard facts.count <= 64 else {
            throw fail(document.eligible.position, "too_many_facts", en: "a policy may read at most 64 facts", zh: "一项政策最多读取 64 个事实")
        }
        return Policy(header: document.header, parameters: document.parameters, facts: facts, source: document.source,
                      warnings: warnings, locals: locals, eligible: eligible.term, conditions: conditions, amount: amount,
                      arithmeticTypes: arithmeticTypes)
    }

    // MARK: Names and types

    mutating func name(_ n: String, at: PolicySourcePosition) throws(PolicyDiagnostic) -> Typed {
        if let k = localIndex[n] { return (.local(k), locals[k].type) }
        if let k = parameterIndex[n] { return (.parameter(k), document.parameters[k].values[0].type) }
        if n == "as_of" { return (.asOf, .date) }
        if let f = catalogue[n] {
            if let k = factIndex[n] { return (.fact(k), f.type) }
            factIndex[n] = facts.count
            facts.append(f)
            return (.fact(facts.count - 1), f.type)
        }
        throw fail(at, "unknown_name", en: "unknown fact or parameter '\(n)'", zh: "未知的事实或参数“\(n)”")
    }

    static func arithmeticType(_ op: String, _ l: PolicyType, _ r: PolicyType) -> PolicyType? {
        switch op {
        case "+", "-":
            if l.isDimensionless && r.isDimensionless { return l == .count && r == .count ? .count : .number }
            return l == r && l.isQuantity ? l : nil
        case "*":
            // A rate times its base first: a count × yuan/person is money, not a scaled rate.
            if case .rate(let c, let b) = r, l == b.type { return .money(c) }
            if case .rate(let c, let b) = l, r == b.type { return .money(c) }
            if l.isDimensionless && r.isDimensionless { return .number }
            if r.isDimensionless && l.isQuantity { return l }
            if l.isDimensionless && r.isQuantity { return r }
            return nil
        default: // "/"
            // Money per count is a rate per person (revenue per employee), not scaled money.
            if case .money(let c) = l, r == .count { return .rate(c, .person) }
            if r.isDimensionless && l.isQuantity { return l == .count ? .number : l }
            if l == r && l.isQuantity { return .number }
            if case .money(let c) = l, let b = PolicyRateBase.allCases.first(where: { $0.type == r }) { return .rate(c, b) }
            return nil
        }
    }

    func mismatch(_ at: PolicySourcePosition, _ op: String, _ l: PolicyType, _ r: PolicyType) -> PolicyDiagnostic {
        let hint = (l.isQuantity && r.isDimensionless && !l.isDimensionless) || (r.isQuantity && l.isDimensionless && !r.isDimensionless)
            ? (" — write the unit on the number, e.g. 500万元 or 3 mu", "——请在数字后写明单位，如 500万元 或 3 mu") : ("", "")
        return fail(at, "type_mismatch", en: "'\(op)' cannot combine \(l) and \(r)\(hint.0)",
                    zh: "“\(op)”不能用于 \(l) 与 \(r)\(hint.1)")
    }

    func expectBool(_ e: Typed, _ at: PolicySourcePosition) throws(PolicyDiagnostic) {
        guard e.type == .bool else { throw fail(at, "type_mismatch", en: "expected a condition (bool), found \(e.type)", zh: "此处应为条件（布尔值），实际为 \(e.type)") }
    }

    /// Checks a code literal against the declared values of `domain` (if any).
    func checkCode(_ code: String, domain: String, at: PolicySourcePosition) throws(PolicyDiagnostic) {
        let declared = catalogue.facts.filter { f in
            if case .code(domain) = f.type { return true }
            if case .codeList(domain) = f.type { return true }
            return false
        }.flatMap(\.values)
        if !declared.isEmpty, !declared.contains(code) {
            throw fail(at, "unknown_code", en: "'\(code)' is not a value of \(domain) (\(declared.joined(separator: ", ")))",
                       zh: "“\(code)”不是 \(domain) 的取值（\(declared.joined(separator: "、"))）")
        }
    }

    mutating func typed(_ e: PolicySyntax) throws(PolicyDiagnostic) -> Typed {
        switch e.kind {
        case .literal(let v, let t): return (.constant(v), t)
        case .string:
            throw fail(e.position, "type_mismatch", en: "a text code can only be compared with a code fact (e.g. ownership = \"foreign\")",
                       zh: "文字代码只能与代码类事实比较（如 ownership = \"foreign\"）")
        case .name(let n): return try name(n, at: e.position)
        case .negate(let x):
            let t = try typed(x)
            guard t.type.isQuantity else { throw mismatch(e.position, "-", t.type, t.type) }
            if case .constant(let v) = t.term { return (.constant(-v), t.type) }
            return (.negate(t.term), t.type)
        case .not(let x):
            let t = try typed(x); try expectBool(t, x.position)
            return (.not(t.term), .bool)
        case .conditional(let c, let a, let b):
            let ct = try typed(c); try expectBool(ct, c.position)
            let at = try typed(a), bt = try typed(b)
            guard at.type.sameDimension(as: bt.type) || at.type == bt.type, at.type == .bool || at.type == .date || at.type.isQuantity else {
                throw mismatch(e.position, "if", at.type, bt.type)
            }
            return (.select(ct.term, at.term, bt.term), at.type.isDimensionless && at.type != bt.type ? .number : at.type)
        case .binary(let op, let a, let b):
            if op == "and" || op == "or" {
                let l = try typed(a), r = try typed(b)
                try expectBool(l, a.position); try expectBool(r, b.position)
                return (op == "and" ? .and(l.term, r.term) : .or(l.term, r.term), .bool)
            }
            if PolicyParser.comparisons.contains(op) { return try comparison(op, a, b, at: e.position) }
            let l = try typed(a), r = try typed(b)
            guard let t = Self.arithmeticType(op, l.type, r.type) else { throw mismatch(e.position, op, l.type, r.type) }
            let term = PolicyTerm.arithmetic(PolicyArithmeticOp(rawValue: op)!, l.term, r.term)
            arithmeticTypes[term] = Policy.OperandTypes(left: l.type, right: r.type, result: t)
            return (term, t)
        case .membership(let x, let m, let negated):
            let t = try membership(x, m, at: e.position)
            return (negated ? .not(t) : t, .bool)
        case .call(let f, let args): return try call(f, args, at: e.position)
        case .scale(let marginal, let input, let brackets): return try scale(marginal, input, brackets, at: e.position)
        case .table(let hit, let inputs, let rows, let otherwise): return try table(hit, inputs, rows, otherwise, at: e.position)
        }
    }

    mutating func comparison(_ op: String, _ a: PolicySyntax, _ b: PolicySyntax, at: PolicySourcePosition) throws(PolicyDiagnostic) -> Typed {
        // Code = "literal", either way round.
        if case .string(let s) = b.kind { return (try codeTest(a, [(s, b.position)], op: op, at: at), .bool) }
        if case .string(let s) = a.kind { return (try codeTest(b, [(s, a.position)], op: op, at: at), .bool) }
        let l = try typed(a), r = try typed(b)
        let ok = l.type.sameDimension(as: r.type) || (l.type == r.type && (l.type == .date || l.type == .bool && (op == "=" || op == "!=")))
        guard ok else { throw mismatch(at, op, l.type, r.type) }
        // `x = true` is x, `x = false` is not x (the same answer, one op fewer when compiled).
        if l.type == .bool, case .constant(let c) = r.term, op == "=" || op == "!=" {
            return ((c != 0) == (op == "=") ? l.term : .not(l.term), .bool)
        }
        return (.compare(PolicyCompareOp(rawValue: op)!, l.term, r.term), .bool)
    }

    mutating func codeTest(_ x: PolicySyntax, _ codes: [(String, PolicySourcePosition)], op: String, at: PolicySourcePosition) throws(PolicyDiagnostic) -> PolicyTerm {
        let t = try typed(x)
        guard case .code(let domain) = t.type, op == "=" || op == "!=" || op == "in" else {
            throw fail(at, "type_mismatch", en: "'\(op)' with a text code needs a code fact such as ownership or permu_grade, found \(t.type)",
                       zh: "“\(op)”与文字代码比较时需要代码类事实（如 ownership、permu_grade），实际为 \(t.type)")
        }
        for (c, p) in codes { try checkCode(c, domain: domain, at: p) }
        return .codeIn(t.term, codes.map(\.0), negated: op == "!=")
    }

    mutating func membership(_ x: PolicySyntax, _ m: PolicySyntax.Membership, at: PolicySourcePosition) throws(PolicyDiagnostic) -> PolicyTerm {
        switch m {
        case .value(let listExpr):
            let l = try typed(listExpr)
            guard case .codeList(let domain) = l.type, case .string(let code) = x.kind else {
                throw fail(at, "type_mismatch", en: "'in' needs a list [..], an interval or a list fact such as certifications, with a text code on the left",
                           zh: "“in”右侧应为列表 [..]、区间，或列表类事实（如 certifications）且左侧为文字代码")
            }
            try checkCode(code, domain: domain, at: x.position)
            return .listHas(l.term, code, negated: false)
        case .list(let items):
            var codes: [(String, PolicySourcePosition)] = []
            for item in items { if case .string(let s) = item.kind { codes.append((s, item.position)) } }
            if codes.count == items.count, !items.isEmpty { return try codeTest(x, codes, op: "in", at: at) }
            let v = try typed(x)
            if items.count == 2, v.type.isQuantity || v.type == .date {
                return try membership(x, .interval(items[0], lowClosed: true, items[1], highClosed: true), at: at)
            }
            var out: PolicyTerm?
            for item in items {
                let t = try typed(item)
                guard t.type.sameDimension(as: v.type) || t.type == v.type else { throw mismatch(item.position, "in", v.type, t.type) }
                let eq = PolicyTerm.compare(.eq, v.term, t.term)
                out = out.map { .or($0, eq) } ?? eq
            }
            guard let out else { throw fail(at, "expected", en: "an empty list never matches", zh: "空列表无法匹配") }
            return out
        case .interval(let lo, let lowClosed, let hi, let highClosed):
            let v = try typed(x), l = try typed(lo), h = try typed(hi)
            for b in [l, h] where !(b.type.sameDimension(as: v.type) || (b.type == v.type && v.type == .date)) {
                throw mismatch(at, "in", v.type, b.type)
            }
            return .and(.compare(lowClosed ? .ge : .gt, v.term, l.term), .compare(highClosed ? .le : .lt, v.term, h.term))
        }
    }

    /// Adds a hidden local (a table or scale input evaluated once) and returns its term.
    mutating func hiddenLocal(_ t: Typed, _ syntax: PolicySyntax) -> PolicyTerm {
        let words = wording().value(syntax).bilingual
        locals.append(.init(name: "$\(locals.count)", term: t.term, type: t.type, text: text(syntax), hidden: true,
                            label: words, words: words))
        return .local(locals.count - 1)
    }

    /// Words for the policy's expressions (facts, parameters and the `let`s so far by their labels).
    func wording() -> PolicyWording {
        let snapshot = self
        return PolicyWording(catalogue: catalogue,
                             parameters: Dictionary(document.parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
                             source: { snapshot.text($0) },
                             locals: Dictionary(locals.filter { !$0.hidden }.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a }))
    }
}
