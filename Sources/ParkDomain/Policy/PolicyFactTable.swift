import Foundation

/// The facts of many enterprises as columns, for compiled whole-park runs (`PolicyProgram`).
/// One column per fact name, each with a presence mask (1 = known): quantities in micro-units
/// (`Int64`; money is given in fen and held ×10,000), bools 0/1, dates `yyyymmdd`, codes as `Int32`
/// indexes into the column's vocabulary (-1 = missing), code lists as 64-bit sets over the
/// column's vocabulary (at most 64 codes). A fact without a column is missing for every row.
public struct PolicyFactTable: Sendable {
    enum Column: Sendable {
        /// Micro-units, 0/1 or `yyyymmdd`, as the evaluators use them.
        case int(values: [Int64], present: [UInt8])
        case code(ids: [Int32], vocabulary: [String])
        case codes(bits: [UInt64], present: [UInt8], vocabulary: [String])
    }

    public let count: Int
    public let catalogue: PolicyFactCatalogue
    var columns: [String: Column] = [:]

    /// An empty table of `count` rows (every fact missing).
    public init(count: Int, catalogue: PolicyFactCatalogue = .builtIn) {
        self.count = count; self.catalogue = catalogue
    }

    /// A table of the given enterprises' facts, one row each.
    public init(rows: [PolicyFacts], catalogue: PolicyFactCatalogue = .builtIn) throws(DomainError) {
        self.init(count: rows.count, catalogue: catalogue)
        for (r, facts) in rows.enumerated() {
            for (name, value) in facts.values { try set(name, row: r, value) }
        }
    }

    func fact(_ name: String) throws(DomainError) -> PolicyFact {
        guard let f = catalogue[name] else { throw DomainError(code: "unknown_fact", field: name, en: "unknown fact \(name)", zh: "未知的事实 \(name)") }
        return f
    }

    /// Largest magnitude of a held value (micro-units): half the Int64 range, so a difference of
    /// two values never overflows (the compiled comparisons rely on it). 4.6 × 10¹² yuan.
    public static let maxMagnitude: Int64 = Int64.max / 2

    func checkRange(_ values: [Int64], _ name: String) throws(DomainError) {
        for v in values where v > Self.maxMagnitude || v < -Self.maxMagnitude {
            throw DomainError(code: "out_of_range", field: name, en: "\(name) is out of range (|value| ≤ 4.6 × 10¹² units)",
                              zh: "\(name) 超出范围（绝对值不超过 4.6 × 10¹²）")
        }
    }

    func checkCount(_ n: Int, _ name: String) throws(DomainError) {
        guard n == count else {
            throw DomainError(code: "column_length", field: name, en: "column \(name) has \(n) rows, the table \(count)",
                              zh: "列 \(name) 有 \(n) 行，表有 \(count) 行")
        }
    }

    /// Sets one fact of one row (nil makes it missing). Slow path for tests and small runs; the
    /// column setters below take whole columns.
    public mutating func set(_ name: String, row: Int, _ value: PolicyFactValue?) throws(DomainError) {
        let f = try fact(name)
        if let value, !value.fits(f.type) {
            throw DomainError(code: "type_mismatch", field: name, en: "fact \(name) is \(f.type), not \(value)", zh: "事实 \(name) 的类型为 \(f.type)")
        }
        let isMoney: Bool = { if case .money = f.type { return true }; return false }()
        let scale: Int64 = isMoney ? PolicyFixed.perFen : 1
        switch f.type {
        case .code:
            guard case .code(var ids, var vocab) = columns[name] ?? .code(ids: Array(repeating: -1, count: count), vocabulary: []) else { return }
            columns[name] = nil
            if case .code(let c)? = value {
                if let k = vocab.firstIndex(of: c) { ids[row] = Int32(k) } else { vocab.append(c); ids[row] = Int32(vocab.count - 1) }
            } else { ids[row] = -1 }
            columns[name] = .code(ids: ids, vocabulary: vocab)
        case .codeList:
            guard case .codes(var bits, var present, var vocab) = columns[name]
                    ?? .codes(bits: Array(repeating: 0, count: count), present: Array(repeating: 0, count: count), vocabulary: []) else { return }
            columns[name] = nil
            var b: UInt64 = 0
            if case .codes(let cs)? = value {
                for c in cs {
                    if vocab.firstIndex(of: c) == nil { vocab.append(c) }
                    guard let k = vocab.firstIndex(of: c), k < 64 else {
                        throw DomainError(code: "too_many_codes", field: name, en: "a code list holds at most 64 distinct codes", zh: "代码列表最多 64 个不同代码")
                    }
                    b |= 1 << UInt64(k)
                }
            }
            bits[row] = b; present[row] = value == nil ? 0 : 1
            columns[name] = .codes(bits: bits, present: present, vocabulary: vocab)
        default:
            guard case .int(var values, var present) = columns[name]
                    ?? .int(values: Array(repeating: 0, count: count), present: Array(repeating: 0, count: count)) else { return }
            columns[name] = nil
            switch value {
            case .bool(let b)?: values[row] = b ? 1 : 0
            case .date(let d)?: values[row] = d.policyRaw
            case .quantity(let m)?:
                try checkRange([m], name)
                guard m % scale == 0 else {
                    throw DomainError(code: "sub_fen", field: name, en: "money fact \(name) must be whole fen", zh: "金额事实 \(name) 须精确到分")
                }
                values[row] = m
            default: values[row] = 0
            }
            present[row] = value == nil ? 0 : 1
            columns[name] = .int(values: values, present: present)
        }
    }

    /// A money column in fen (`present[i] == 0`: missing).
    public mutating func setMoney(_ name: String, fen: [Int64], present: [UInt8]) throws(DomainError) {
        try checkCount(fen.count, name); try checkCount(present.count, name)
        guard case .money = try fact(name).type else { throw DomainError(code: "type_mismatch", field: name, en: "\(name) is not money", zh: "\(name) 不是金额") }
        var micro = fen
        for i in micro.indices {
            let (v, o) = fen[i].multipliedReportingOverflow(by: PolicyFixed.perFen)
            guard !o else { throw DomainError(code: "out_of_range", field: name, en: "\(name) is too large", zh: "\(name) 数值过大") }
            micro[i] = v
        }
        try checkRange(micro, name)
        columns[name] = .int(values: micro, present: present)
    }

    /// A non-money quantity (micro-units: count × 10⁶, mu × 10⁶ ...), bool (0/1) or date (`yyyymmdd`) column.
    public mutating func setRaw(_ name: String, values: [Int64], present: [UInt8]) throws(DomainError) {
        try checkCount(values.count, name); try checkCount(present.count, name)
        let t = try fact(name).type
        if case .money = t { throw DomainError(code: "type_mismatch", field: name, en: "\(name) is money: use setMoney", zh: "\(name) 为金额，请用 setMoney") }
        guard t.isQuantity || t == .bool || t == .date else {
            throw DomainError(code: "type_mismatch", field: name, en: "\(name) is \(t)", zh: "\(name) 的类型为 \(t)")
        }
        try checkRange(values, name)
        columns[name] = .int(values: values, present: present)
    }

    /// A code column: indexes into `vocabulary`, -1 for missing.
    public mutating func setCodes(_ name: String, ids: [Int32], vocabulary: [String]) throws(DomainError) {
        try checkCount(ids.count, name)
        guard case .code = try fact(name).type else { throw DomainError(code: "type_mismatch", field: name, en: "\(name) is not a code", zh: "\(name) 不是代码") }
        columns[name] = .code(ids: ids, vocabulary: vocabulary)
    }

    /// A code-list column: bit k set when the row holds `vocabulary[k]` (at most 64 codes).
    public mutating func setCodeLists(_ name: String, bits: [UInt64], present: [UInt8], vocabulary: [String]) throws(DomainError) {
        try checkCount(bits.count, name); try checkCount(present.count, name)
        guard case .codeList = try fact(name).type, vocabulary.count <= 64 else {
            throw DomainError(code: "type_mismatch", field: name, en: "\(name) is not a code list of at most 64 codes", zh: "\(name) 不是最多 64 个代码的列表")
        }
        columns[name] = .codes(bits: bits, present: present, vocabulary: vocabulary)
    }

    /// Row `row` as scalar facts (for explanations of a whole-park result).
    public func facts(row: Int) -> PolicyFacts {
        var out = PolicyFacts()
        for (name, column) in columns {
            guard let f = catalogue[name] else { continue }
            switch column {
            case .int(let values, let present):
                guard present[row] != 0 else { continue }
                let v = values[row]
                switch f.type {
                case .bool: out[name] = .bool(v != 0)
                case .date: out[name] = LocalDate(policyRaw: v).map { .date($0) }
                default: out[name] = .quantity(micro: v)
                }
            case .code(let ids, let vocab):
                if ids[row] >= 0 { out[name] = .code(vocab[Int(ids[row])]) }
            case .codes(let bits, let present, let vocab):
                guard present[row] != 0 else { continue }
                out[name] = .codes(vocab.indices.filter { bits[row] & (1 << UInt64($0)) != 0 }.map { vocab[$0] })
            }
        }
        return out
    }
}
