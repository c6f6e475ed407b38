import Foundation

/// A fact value written as text, as enterprises and officers supply it (forms, CSV, the store's
/// `enterprise_facts` table): a code `asia_pacific`; a code list `high_tech;srdi`; money in yuan
/// or US$ with at most two decimals `1234567.89`; a count `120`; an area or energy with at most
/// six decimals; `true` / `false`; a date `2024-03-01`. Parsing is exact (no binary floating
/// point) and refuses a value that does not fit the fact, naming it.
public enum PolicyFactText {
    /// The facts that are supplied as data rather than derived from the register, the leases, the
    /// reports or the per-mu evaluation.
    public static let supplied: [String] = ["certifications", "hq_tier", "fixed_asset_investment", "utilised_fdi_usd"]
        + recognition
    /// The supplied facts headquarters recognition reads (counts, shares as fractions, paid-in capital).
    public static let recognition: [String] = ["managed_entities", "managed_entities_outside_province", "foreign_parent_share",
                                               "paid_in_capital", "controlled_outside_park", "controlled_outside_revenue_share"]

    public static func parse(_ text: String, fact: PolicyFact) throws(DomainError) -> PolicyFactValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        func bad(_ en: String, _ zh: String) -> DomainError {
            DomainError(code: "invalid_fact_value", field: fact.name, en: "\(fact.name): \(en), found '\(t)'", zh: "\(fact.label.zh)：\(zh)，收到“\(t)”")
        }
        func allowed(_ code: String) throws(DomainError) {
            if !fact.values.isEmpty && !fact.values.contains(code) {
                throw bad("must be one of \(fact.values.joined(separator: ", "))", "须为 \(fact.values.joined(separator: "、")) 之一")
            }
        }
        switch fact.type {
        case .bool:
            switch t.lowercased() {
            case "true", "yes", "1", "是": return .bool(true)
            case "false", "no", "0", "否": return .bool(false)
            default: throw bad("must be true or false", "须为 是/否")
            }
        case .date:
            guard let d = LocalDate(iso: t) else { throw bad("must be a date YYYY-MM-DD", "须为日期 YYYY-MM-DD") }
            return .date(d)
        case .code:
            guard !t.isEmpty, !t.contains(";") else { throw bad("must be one code", "须为一个代码") }
            try allowed(t)
            return .code(t)
        case .codeList:
            let codes = t.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for c in codes { try allowed(c) }
            return .codes(codes)
        case .money:
            guard let micro = decimal(t, maxDecimals: 2) else { throw bad("must be an amount with at most two decimals", "须为最多两位小数的金额") }
            return .quantity(micro: micro)
        case .count:
            guard let n = Int64(t), n >= 0, n < PolicyFactTable.maxMagnitude / PolicyFixed.one else { throw bad("must be a whole number", "须为非负整数") }
            return .quantity(micro: n * PolicyFixed.one)
        case .number, .area, .energy, .rate:
            guard let micro = decimal(t, maxDecimals: 6) else { throw bad("must be a number with at most six decimals", "须为最多六位小数的数字") }
            return .quantity(micro: micro)
        }
    }

    /// The text of a value (the inverse of `parse`).
    public static func text(_ value: PolicyFactValue, fact: PolicyFact) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.iso
        case .code(let c): return c
        case .codes(let cs): return cs.joined(separator: ";")
        case .quantity(let micro):
            let decimals: Int
            switch fact.type {
            case .money: decimals = 2
            case .count: decimals = 0
            default: decimals = 6
            }
            let sign = micro < 0 ? "-" : "", m = micro.magnitude
            let whole = m / UInt64(PolicyFixed.one), frac = m % UInt64(PolicyFixed.one)
            guard decimals > 0 else { return "\(sign)\(whole)" }
            var f = String(frac)
            f = String(repeating: "0", count: 6 - f.count) + f
            f = String(f.prefix(decimals))
            if decimals == 6 { while f.hasSuffix("0") && f.count > 0 { f.removeLast() } }
            return f.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(f)"
        }
    }

    /// "1234.5" → 1,234,500,000 micro-units; nil when not a plain decimal with at most `maxDecimals` places.
    static func decimal(_ t: String, maxDecimals: Int) -> Int64? {
        var s = Substring(t.replacingOccurrences(of: ",", with: ""))
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty, wholeText.allSatisfy(\.isASCII),
              let whole = Int64(wholeText), whole >= 0, whole < PolicyFactTable.maxMagnitude / PolicyFixed.one else { return nil }
        var micro = whole * PolicyFixed.one
        if parts.count == 2 {
            let frac = parts[1]
            guard !frac.isEmpty, frac.count <= maxDecimals, frac.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let f = Int64(frac + String(repeating: "0", count: 6 - frac.count)) else { return nil }
            micro += f
        }
        return negative ? -micro : micro
    }
}
