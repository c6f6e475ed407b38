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
        case .literal(let raw, let type):
            let t = Self.grouped(PolicyFixed.render(raw, type))
            return Words(zh: t, en: t)
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
        default:
            return code(e)
        }
    }

    func label(_ name: String) -> Bilingual {
        if let f = catalogue[name] { return f.label }
        if let p = parameters[name], let l = p.label { return l }
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

    /// The leading whole number of `text` with thousands separators ("10000000.00 US$" →
    /// "10,000,000.00 US$").
    static func grouped(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard digits.count > 3 else { return text }
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return sign + out + body.dropFirst(digits.count)
    }

    /// Chinese parts run together, with a space where Chinese meets a Latin letter or digit
    /// ("不低于 3", "不为 D 类", but "不低于年纳税门槛").
    static func zh(_ parts: String...) -> String {
        parts.reduce("") { out, next in
            guard let a = out.last, let b = next.first else { return out + next }
            let latin = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "$") }
            return out + (latin(a) != latin(b) && (latin(a) || latin(b)) ? " " : "") + next
        }
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
        case ("lease_state", "active"): Bilingual(zh: "履约中", en: "active")
        case ("lease_state", "extended"): Bilingual(zh: "已续期", en: "extended")
        case ("lease_state", "expiring"): Bilingual(zh: "即将到期", en: "expiring")
        case ("lease_state", "terminated"): Bilingual(zh: "已终止", en: "terminated")
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
