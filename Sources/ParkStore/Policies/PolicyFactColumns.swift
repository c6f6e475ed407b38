import Foundation
import ParkDomain

/// A fact ParkOS holds for an enterprise but cannot use: a sum of stored figures beyond what a
/// fact can hold (an Int64 overflow, or beyond `PolicyFactTable.maxMagnitude`), an unreadable
/// value. The fact is left missing for that enterprise alone (its answers are undetermined and
/// name the fact), the rest of the park is matched as usual.
public struct PolicyFactProblem: Sendable, Hashable {
    public var enterpriseID: UUID
    public var fact: String
    public var reason: Bilingual

    public init(enterpriseID: UUID, fact: String, reason: Bilingual) {
        self.enterpriseID = enterpriseID; self.fact = fact; self.reason = reason
    }

    static func tooLarge(_ id: UUID, _ fact: String) -> PolicyFactProblem {
        PolicyFactProblem(enterpriseID: id, fact: fact, reason: Bilingual(zh: "\(fact) 的数值超出可计算范围，按缺失处理",
                                                                        en: "\(fact) is beyond the range a fact can hold: left missing"))
    }

    static func unreadable(_ id: UUID, _ fact: String) -> PolicyFactProblem {
        PolicyFactProblem(enterpriseID: id, fact: fact, reason: Bilingual(zh: "\(fact) 的存储值无法读取，按缺失处理",
                                                                        en: "\(fact) could not be read from storage: left missing"))
    }
}

/// Checked conversions of stored figures to a fact's micro-units: nil (never a trap) when the
/// value does not fit a fact (|micro| ≤ `PolicyFactTable.maxMagnitude`).
enum PolicyMicro {
    static let limit = PolicyFactTable.maxMagnitude

    /// Whole yuan → fen, nil when the fen's micro-units would exceed the limit.
    static func fen(yuan: Int64) -> Int64? {
        let (fen, o) = yuan.multipliedReportingOverflow(by: 100)
        guard !o, fen.magnitude <= UInt64(limit / PolicyFixed.perFen) else { return nil }
        return fen
    }

    /// A whole count → micro-units.
    static func count(_ n: Int64) -> Int64? {
        let (m, o) = n.multipliedReportingOverflow(by: PolicyFixed.one)
        return !o && m.magnitude <= UInt64(limit) ? m : nil
    }

    /// `Decimal(x) × k` rounded half away from zero to an integer, as the records' decimal
    /// figures have always been converted (`PolicyFactValue.decimal`), without `Decimal` unless
    /// the binary product lies within 10⁻³ of a half (where binary rounding could differ).
    static func rounded(_ x: Double, times k: Int64) -> Int64? {
        guard x.isFinite else { return nil }
        let p = x * Double(k)
        guard p.magnitude < Double(limit) else { return nil }
        let frac = p.magnitude - p.magnitude.rounded(.down)
        if (frac - 0.5).magnitude > 1e-3 { return Int64(p.rounded(.toNearestOrAwayFromZero)) }
        var d = Decimal(x) * Decimal(k), r = Decimal()
        NSDecimalRound(&r, &d, 0, .plain)
        return NSDecimalNumber(decimal: r).int64Value
    }

    /// Land in mu (to 4 decimals, half away from zero) from m², in micro-units: m² × 3/2000 mu,
    /// i.e. round(m² × 15) ten-thousandths of a mu.
    static func mu(squareMetres m2: Double) -> Int64? {
        guard let tenThousandths = rounded(m2, times: 15) else { return nil }
        let (m, o) = tenThousandths.multipliedReportingOverflow(by: 100)
        return !o && m.magnitude <= UInt64(limit) ? m : nil
    }

    /// `yyyy-mm-dd` → `yyyymmdd` when it is a calendar date.
    static func date(_ iso: String) -> Int64? {
        var s = iso
        return s.withUTF8 { b -> Int64? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            var v: Int64 = 0
            for i in [0, 1, 2, 3, 5, 6, 8, 9] {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            guard LocalDate(year: Int(v / 10_000), month: Int(v / 100 % 100), day: Int(v % 100)) != nil else { return nil }
            return v
        }
    }
}

/// One column of a `PolicyFactTable` being filled row by row: micro-units, 0/1 or `yyyymmdd`.
struct PolicyIntColumn {
    var values: [Int64], present: [UInt8]
    init(_ n: Int = 0) { values = Array(repeating: 0, count: n); present = Array(repeating: 0, count: n) }

    @inline(__always) mutating func set(_ i: Int, _ v: Int64) { values[i] = v; present[i] = 1 }
    @inline(__always) mutating func append(_ v: Int64?) { values.append(v ?? 0); present.append(v == nil ? 0 : 1) }
    @inline(__always) mutating func clear(_ i: Int) { values[i] = 0; present[i] = 0 }
}

/// A code column being filled: ids into a vocabulary that grows as codes appear (seeded with
/// the fact's declared values, so ids are stable), -1 for missing.
struct PolicyCodeColumn {
    var ids: [Int32], vocabulary: [String]
    private var lookup: [String: Int32] = [:]

    init(_ n: Int, vocabulary seed: [String] = []) {
        ids = Array(repeating: -1, count: n); vocabulary = []
        for c in seed { _ = id(c) }
    }

    @inline(__always) mutating func id(_ code: String) -> Int32 {
        if let k = lookup[code] { return k }
        let k = Int32(vocabulary.count)
        vocabulary.append(code); lookup[code] = k
        return k
    }

    @inline(__always) mutating func set(_ i: Int, _ code: String) { ids[i] = id(code) }
    @inline(__always) mutating func append(_ code: String?) { ids.append(code.map { id($0) } ?? -1) }
}

/// A code-list column being filled: 64-bit sets over a vocabulary of at most 64 codes.
struct PolicyListColumn {
    var bits: [UInt64], present: [UInt8], vocabulary: [String]
    private var lookup: [Substring: Int] = [:]

    init(_ n: Int, vocabulary seed: [String] = []) {
        bits = Array(repeating: 0, count: n); present = Array(repeating: 0, count: n); vocabulary = []
        for c in seed { _ = id(Substring(c)) }
    }

    @inline(__always) mutating func id(_ code: Substring) -> Int? {
        if let k = lookup[code] { return k }
        guard vocabulary.count < 64 else { return nil }
        vocabulary.append(String(code)); lookup[code] = vocabulary.count - 1
        return vocabulary.count - 1
    }

    /// Appends a row holding `codes`; false (the row missing) when a code would be the 65th.
    @inline(__always) mutating func append<S: Sequence>(_ codes: S) -> Bool where S.Element: StringProtocol {
        bits.append(0); present.append(0)
        return set(bits.count - 1, codes)
    }

    /// Sets row `i` to `codes`; false (row left missing) when a code would be the 65th.
    @inline(__always) mutating func set<S: Sequence>(_ i: Int, _ codes: S) -> Bool where S.Element: StringProtocol {
        var b: UInt64 = 0
        for c in codes {
            guard let k = id(Substring(c)) else { bits[i] = 0; present[i] = 0; return false }
            b |= 1 << UInt64(k)
        }
        bits[i] = b; present[i] = 1
        return true
    }
}

/// What the loader gathers (filled on the driver's thread, one query at a time): the
/// enterprises in row order, and the columns by fact name (money in fen, other numbers in
/// micro-units, bools 0/1, dates `yyyymmdd`).
final class PolicyFactPark: @unchecked Sendable {
    /// The facts the table holds (nil: all): a source gives all of its facts, the table only these.
    let needed: Set<String>?
    var ids: [UUID] = []
    private var keys = LeaseKeyTable(capacity: 1024)
    var money: [String: PolicyIntColumn] = [:], ints: [String: PolicyIntColumn] = [:]
    var codes: [String: PolicyCodeColumn] = [:], lists: [String: PolicyListColumn] = [:]
    var problems: [PolicyFactProblem] = []

    init(needed: Set<String>?) { self.needed = needed }

    var count: Int { ids.count }

    /// Numbers the enterprise `key` as the next row; false when it is already numbered.
    func add(_ key: LeaseKey) -> Bool {
        guard keys.insert(key) else { return false }
        ids.append(key.uuid)
        return true
    }

    @inline(__always) func row(_ key: LeaseKey?) -> Int? { key.flatMap { keys.find($0) }.map { Int($0) } }

    /// Sets one (supplied) value, replacing what the register gave; a value that does not fit is
    /// left missing with a problem.
    func set(_ fact: PolicyFact, row i: Int, _ value: PolicyFactValue) {
        let n = count, name = fact.name
        switch (fact.type, value) {
        case (.money, .quantity(let micro)):
            guard micro % PolicyFixed.perFen == 0, micro.magnitude <= UInt64(PolicyMicro.limit) else {
                problems.append(.tooLarge(ids[i], name)); return
            }
            money[name, default: PolicyIntColumn(n)].set(i, micro / PolicyFixed.perFen)
        case (_, .quantity(let micro)):
            guard micro.magnitude <= UInt64(PolicyMicro.limit) else { problems.append(.tooLarge(ids[i], name)); return }
            ints[name, default: PolicyIntColumn(n)].set(i, micro)
        case (_, .bool(let b)): ints[name, default: PolicyIntColumn(n)].set(i, b ? 1 : 0)
        case (_, .date(let d)): ints[name, default: PolicyIntColumn(n)].set(i, Int64(d.year * 10_000 + d.month * 100 + d.day))
        case (_, .code(let c)): codes[name, default: PolicyCodeColumn(n, vocabulary: fact.values)].set(i, c)
        case (_, .codes(let cs)):
            if !lists[name, default: PolicyListColumn(n, vocabulary: fact.values)].set(i, cs) {
                problems.append(PolicyFactProblem(enterpriseID: ids[i], fact: name, reason: Bilingual(
                    zh: "\(name) 超过 64 种代码，按缺失处理", en: "more than 64 distinct codes of \(name): left missing")))
            }
        }
    }

    /// The gathered columns as a table.
    func table() throws(DomainError) -> PolicyFactTable {
        var t = PolicyFactTable(count: count)
        func held(_ name: String) -> Bool { needed?.contains(name) ?? true }
        for (name, c) in money where held(name) { try t.setMoney(name, fen: c.values, present: c.present) }
        for (name, c) in ints where held(name) { try t.setRaw(name, values: c.values, present: c.present) }
        for (name, c) in codes where held(name) { try t.setCodes(name, ids: c.ids, vocabulary: c.vocabulary) }
        for (name, c) in lists where held(name) { try t.setCodeLists(name, bits: c.bits, present: c.present, vocabulary: c.vocabulary) }
        return t
    }
}
