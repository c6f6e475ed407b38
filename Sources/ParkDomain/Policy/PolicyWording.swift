import Foundation

/// A policy's conditions as sentences, in both languages, generated from the syntax tree
/// ("per-mu grade is not D", "newly utilised foreign investment is at least 10,000,000.00
/// US$"), for enterprises and officials who do not read the policy language. Facts and
/// parameters are named by their labels, coded values by their names. A form it has no words
/// for (a decision table, a scale) is left as its source text.
struct PolicyWording {
    let catalogue: PolicyFactCatalogue
    let parameters: [String: PolicyParameter]
    let source: (PolicySyntax) -> String
    /// The labels of the policy's `let` names (`let uplift "上浮比例" / "Uplift" = …`).
    var locals: [String: Bilingual] = [:]

    struct Words { var zh: String; var en: String; var bilingual: Bilingual { Bilingual(zh: zh, en: en) } }

    /// A condition (a `bool` expression) in words.
    func sentence(_ e: PolicySyntax) -> Bilingual {
        let w = condition(e, nested: false)
        return Bilingual(zh: w.zh, en: w.en.prefix(1).uppercased() + w.en.dropFirst())
    }

    func condition(_ e: PolicySyntax, nested: Bool) -> Words {
        switch e.kind {
        case .name(let n) where catalogue[n]?.type == .bool:
            let l = label(n)
            return Words(zh: "\(l.zh)：是", en: "\(l.en): yes")
        case .not(let inner):
            if case .name(let n) = inner.kind, catalogue[n]?.type == .bool {
                let l = label(n)
                return Words(zh: "\(l.zh)：否", en: "\(l.en): no")
            }
            let w = condition(inner, nested: true)
            return Words(zh: "并非 \(w.zh)", en: "not \(w.en)")
        case .binary(let op, let a, let b) where op == "and" || op == "or":
            let x = condition(a, nested: true), y = condition(b, nested: true)
            let w = op == "and" ? Words(zh: "\(x.zh)，且\(y.zh)", en: "\(x.en) and \(y.en)")
                                : Words(zh: "\(x.zh)，或\(y.zh)", en: "\(x.en) or \(y.en)")
            return nested ? Words(zh: "（\(w.zh)）", en: "(\(w.en))") : w
        case .binary(let op, let a, let b):
            guard let verb = Self.comparisons[op] else { return code(e) }
            let lhs = value(a), rhs = value(b, codeOf: a)
            return Words(zh: Self.zh(lhs.zh, verb.zh, rhs.zh), en: "\(lhs.en) \(verb.en) \(rhs.en)")
        case .membership(let a, .list(let items), let negated):
            let lhs = value(a)
            let names = items.map { value($0, codeOf: a) }
            let zh = Self.join(names.map(\.zh), last: "或", comma: "、"), en = Self.join(names.map(\.en), last: " or ", comma: ", ")
            return negated ? Words(zh: "\(lhs.zh)不为\(zh)", en: "\(lhs.en) is neither \(en.replacingOccurrences(of: " or ", with: " nor "))")
                           : Words(zh: "\(lhs.zh)为\(zh)", en: "\(lhs.en) is \(en)")
        case .membership(let a, .interval(let lo, let lowClosed, let hi, let highClosed), let negated):
            let lhs = value(a), l = value(lo), h = value(hi)
            let low = Self.comparisons[lowClosed ? ">=" : ">"]!, high = Self.comparisons[highClosed ? "<=" : "<"]!
            let w = Words(zh: Self.zh(lhs.zh, low.zh, l.zh) + "且" + Self.zh(high.zh, h.zh),
                          en: "\(lhs.en) \(low.en) \(l.en) and \(high.en.replacingOccurrences(of: "is ", with: "")) \(h.en)")
            return negated ? Words(zh: "并非（\(w.zh)）", en: "not (\(w.en))") : w
        case .membership(let item, .value(let list), let negated):
            let l = value(list), v = value(item, codeOf: list)
            return negated ? Words(zh: "\(l.zh)不包含\(v.zh)", en: "\(l.en) do not include \(v.en)")
                           : Words(zh: "\(l.zh)包含\(v.zh)", en: "\(l.en) include \(v.en)")
        default:
            return code(e)
        }
    }

    /// A value: a fact or parameter by its label, a literal with its unit, a code by its name
    /// (when `codeOf` is the fact it is compared with).
    func value(_ e: PolicySyntax, codeOf other: PolicySyntax? = nil) -> Words {
        switch e.kind {
        case .name(let n):
            let l = label(n)
            return Words(zh: l.zh, en: l.en)
        case .literal(_, .number) where source(e).hasSuffix("%"):
            let t = source(e).replacingOccurrences(of: " ", with: "")
            return Words(zh: t, en: t)
        case .literal(let raw, let type):
            let w = PolicyAmountWords.words(raw, type)
            return Words(zh: w.zh, en: w.en)
        case .string(let s):
            if let other, case .name(let n) = other.kind, let fact = catalogue[n], let domain = fact.type.codeDomain {
                let l = PolicyValueLabels.label(domain: domain, code: s)
                return Words(zh: l.zh, en: l.en)
            }
            return Words(zh: s, en: s)
        case .call("years_since", let args) where args.count == 1:
            let x = value(args[0])
            return Words(zh: "自\(x.zh)起的整年数", en: "the whole years since the \(x.en.lowercased())")
        case .negate(let inner):
            let x = value(inner)
            return Words(zh: "−\(x.zh)", en: "−\(x.en)")
        case .binary(let op, let a, let b) where ["+", "-", "*", "/"].contains(op):
            let x = value(a), y = value(b)
            let sign = ["+": "+", "-": "−", "*": "×", "/": "÷"][op]!
            return Words(zh: "\(x.zh) \(sign) \(y.zh)", en: "\(x.en) \(sign) \(y.en)")
        case .conditional(let c, let a, let b):
            let x = value(a), y = value(b)
            if case .name(let n) = c.kind, catalogue[n]?.type == .bool {
                let l = label(n)
                return Words(zh: "为\(l.zh)时取 \(x.zh)，否则取 \(y.zh)", en: "\(x.en) if \(l.en), otherwise \(y.en)")
            }
            let w = condition(c, nested: true)
            return Words(zh: "\(w.zh)时取 \(x.zh)，否则取 \(y.zh)", en: "\(x.en) if \(w.en), otherwise \(y.en)")
        case .call(let f, let args) where (f == "min" || f == "max") && args.count > 1:
            let xs = args.map { value($0) }
            let zh = Self.join(xs.map(\.zh), last: "与", comma: "、"), en = Self.join(xs.map(\.en), last: " and ", comma: ", ")
            return f == "min" ? Words(zh: "\(zh)中的较小者", en: "the smaller of \(en)") : Words(zh: "\(zh)中的较大者", en: "the larger of \(en)")
        case .call("abs", let args) where args.count == 1:
            let x = value(args[0])
            return Words(zh: "\(x.zh)的绝对值", en: "the absolute value of \(x.en)")
        case .call("round", let args) where args.count >= 2:
            let x = value(args[0]), step = value(args[1])
            var mode = PolicyRounding.halfUp
            if args.count == 3, case .name(let m) = args[2].kind, let r = PolicyRounding(rawValue: m) { mode = r }
            let how = Self.rounding(mode)
            return Words(zh: "\(x.zh)（按 \(step.zh)\(how.zh)）", en: "\(x.en), rounded \(how.en) to \(step.en)")
        case .table:
            return Words(zh: "决策表的结果", en: "the decision table's result")
        case .scale(let marginal, let input, _):
            let x = value(input)
            return marginal ? Words(zh: "\(x.zh)按超额累进分档计算的结果", en: "\(x.en) by marginal brackets")
                            : Words(zh: "\(x.zh)所在档的取值", en: "the bracket value for \(x.en)")
        default:
            return code(e)
        }
    }

    func label(_ name: String) -> Bilingual {
        if let f = catalogue[name] { return f.label }
        if let p = parameters[name], let l = p.label { return l }
        if let l = locals[name] { return l }
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return Bilingual(zh: spaced, en: spaced)
    }

    func code(_ e: PolicySyntax) -> Words {
        let t = source(e)
        return Words(zh: t, en: t)
    }

    static let comparisons: [String: Bilingual] = [
        "=": Bilingual(zh: "为", en: "is"), "!=": Bilingual(zh: "不为", en: "is not"),
        ">=": Bilingual(zh: "不低于", en: "is at least"), ">": Bilingual(zh: "高于", en: "is more than"),
        "<=": Bilingual(zh: "不高于", en: "is at most"), "<": Bilingual(zh: "低于", en: "is less than"),
    ]

    /// Chinese parts run together, with a space where Chinese meets a Latin letter or digit
    /// ("不低于 3", "不为 D 类", but "不低于年纳税门槛").
    static func zh(_ parts: String...) -> String {
        parts.reduce("") { out, next in
            guard let a = out.last, let b = next.first else { return out + next }
            let latin = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "$") }
            return out + (latin(a) != latin(b) && (latin(a) || latin(b)) ? " " : "") + next
        }
    }

    /// The rounding mode in words: 四舍五入 / half up.
    static func rounding(_ mode: PolicyRounding) -> Bilingual {
        switch mode {
        case .halfUp: Bilingual(zh: "四舍五入", en: "half up")
        case .down: Bilingual(zh: "舍去", en: "down")
        case .up: Bilingual(zh: "进一", en: "up")
        }
    }

    /// A table row's cells in words ("headquarters tier is Global headquarters and revenue is at
    /// least 50亿元"); `_` cells say nothing; a row of only `_` matches every enterprise.
    func row(_ inputs: [PolicySyntax], _ cells: [PolicySyntax.Cell]) -> Bilingual {
        var zh: [String] = [], en: [String] = []
        for (input, cell) in zip(inputs, cells) {
            let e: PolicySyntax
            switch cell {
            case .any: continue
            case .compare(let op, let v): e = PolicySyntax(kind: .binary(op, input, v), position: input.position, endOffset: input.endOffset)
            case .membership(let m): e = PolicySyntax(kind: .membership(input, m, negated: false), position: input.position, endOffset: input.endOffset)
            }
            let w = condition(e, nested: true)
            zh.append(w.zh); en.append(w.en)
        }
        if zh.isEmpty { return Bilingual(zh: "任何情况", en: "any case") }
        return Bilingual(zh: zh.joined(separator: "，且"), en: en.joined(separator: " and "))
    }

    /// "a, b or c" / "a、b或c".
    static func join(_ items: [String], last: String, comma: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: comma) + last + items.last!
    }
}

/// Names of the coded values policies compare with: ownership, certifications, headquarters
/// tiers, lease states and per-mu grades.
public enum PolicyValueLabels {
    public static func label(domain: String, code: String) -> Bilingual {
        switch (domain, code) {
        case ("ownership", _): Ownership(rawValue: code)?.label ?? Bilingual(zh: code, en: code)
        case ("certification", "high_tech"): Bilingual(zh: "高新技术企业", en: "High-tech enterprise")
        case ("certification", "srdi"): Bilingual(zh: "专精特新中小企业", en: "Specialised, refined, distinctive and novel (SRDI) SME")
        case ("certification", "srdi_little_giant"): Bilingual(zh: "专精特新“小巨人”企业", en: "SRDI \"little giant\"")
        case ("certification", "tech_sme"): Bilingual(zh: "科技型中小企业", en: "Technology-based SME")
        case ("certification", "gazelle"): Bilingual(zh: "瞪羚企业", en: "Gazelle enterprise")
        case ("certification", "unicorn_candidate"): Bilingual(zh: "独角兽培育企业", en: "Unicorn candidate")
        case ("hq_tier", "global"): Bilingual(zh: "跨国公司全球总部", en: "Global headquarters")
        case ("hq_tier", "asia_pacific"): Bilingual(zh: "亚太区总部", en: "Asia-Pacific headquarters")
        case ("hq_tier", "china"): Bilingual(zh: "中国区总部", en: "China headquarters")
        case ("hq_tier", "regional"): Bilingual(zh: "地区总部", en: "Regional headquarters")
        case ("lease_state", "active"): Bilingual(zh: "履约中", en: "Active")
        case ("lease_state", "extended"): Bilingual(zh: "已续期", en: "Extended")
        case ("lease_state", "expiring"): Bilingual(zh: "即将到期（首期一年内届满）", en: "Expiring (first term ends within a year)")
        case ("lease_state", "terminated"): Bilingual(zh: "已终止", en: "Terminated")
        case ("permu_grade", _): Bilingual(zh: "\(code) 类", en: code)
        default: Bilingual(zh: code, en: code)
        }
    }
}

extension PolicyType {
    /// The code domain of a `code` or `list` type (`ownership`, `certification` ...).
    var codeDomain: String? {
        switch self {
        case .code(let d), .codeList(let d): d
        default: nil
        }
    }
}
