import Foundation
import ParkDomain

/// Reads the `leases.commitments` column (`LandJSON.encode([Commitment])`: an array of flat
/// objects with sorted keys) straight into the per-commitment arrays of `AssessmentColumns`,
/// without building `Commitment` values: whole-park loads decode 100,000 of these texts, and a
/// byte scanner is several times faster than `JSONDecoder` on them.
///
/// The scanner accepts exactly what it understands (scalar values, known enum spellings without
/// escapes, `YYYY-MM-DD` dates, integer `years`) and gives up on anything else; the caller then
/// decodes that text with `JSONDecoder`, so the result is always `JSONDecoder`'s: when that
/// fails too, the lease has no commitments, as in `LeaseModel.toDomain()`.
public enum CommitmentColumnsJSON {
    /// Appends the commitments of `text` to `columns` and returns how many it appended.
    public static func append(_ text: String, to columns: inout AssessmentColumns) -> Int32 {
        var text = text
        if let n = text.withUTF8({ append(UnsafeRawBufferPointer($0), to: &columns) }) { return n }
        return appendDecoding(Data(text.utf8), to: &columns)
    }

    /// Appends with `JSONDecoder` (the reference path); nothing when the text does not decode.
    public static func appendDecoding(_ data: Data, to columns: inout AssessmentColumns) -> Int32 {
        guard let list = try? JSONDecoder().decode([Commitment].self, from: data) else { return 0 }
        for c in list {
            columns.kind.append(AssessmentColumns.code(c.kind))
            columns.direction.append(AssessmentColumns.code(c.direction))
            columns.measure.append(AssessmentColumns.code(c.measure))
            columns.years.append(Int32(clamping: c.years)); columns.target.append(c.target)
            columns.targetDay.append(c.targetDate.map { Int32(clamping: $0.dayNumber) } ?? Int32.min)
            columns.mandatory.append(c.mandatory ? 1 : 0); columns.weight.append(c.weight)
        }
        return Int32(list.count)
    }

    /// The scanner: appends and returns the count, or appends nothing and returns nil when the
    /// bytes are not of the expected shape.
    public static func append(_ bytes: UnsafeRawBufferPointer, to columns: inout AssessmentColumns) -> Int32? {
        let mark = columns.kind.count
        var s = ByteScanner(bytes)
        if s.parse(into: &columns) { return Int32(columns.kind.count - mark) }
        if columns.kind.count > mark {
            let n = columns.kind.count - mark
            columns.kind.removeLast(n); columns.direction.removeLast(n); columns.measure.removeLast(n)
            columns.years.removeLast(n); columns.target.removeLast(n); columns.targetDay.removeLast(n)
            columns.mandatory.removeLast(n); columns.weight.removeLast(n)
        }
        return nil
    }

    /// `YYYY-MM-DD` as a `LocalDate.dayNumber`, nil when not a valid date of that exact shape.
    static func dayNumber(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Int32? {
        guard to - from == 10, b[from + 4] == 0x2D, b[from + 7] == 0x2D else { return nil }
        var y = 0, m = 0, d = 0
        for i in 0..<4 { let v = Int(b[from + i]) &- 0x30; guard v >= 0 && v <= 9 else { return nil }; y = y * 10 + v }
        for i in 5..<7 { let v = Int(b[from + i]) &- 0x30; guard v >= 0 && v <= 9 else { return nil }; m = m * 10 + v }
        for i in 8..<10 { let v = Int(b[from + i]) &- 0x30; guard v >= 0 && v <= 9 else { return nil }; d = d * 10 + v }
        return LocalDate(year: y, month: m, day: d).map { Int32(clamping: $0.dayNumber) }
    }

    // MARK: Spellings (switches on the length, then one comparison: no tables in the hot loop)

    @inline(__always)
    static func kindCode(_ s: ByteScanner, _ r: Token) -> UInt8? {
        switch r.to - r.from {
        case 4: s.eq(r, "jobs") ? AssessmentColumns.code(CommitmentKind.jobs) : nil
        case 6: s.eq(r, "custom") ? AssessmentColumns.code(CommitmentKind.custom) : nil
        case 8: s.eq(r, "rd_ratio") ? AssessmentColumns.code(CommitmentKind.rdRatio) : nil
        case 10: s.eq(r, "tax_per_mu") ? AssessmentColumns.code(CommitmentKind.taxPerMu) : nil
        case 13: s.eq(r, "output_per_mu") ? AssessmentColumns.code(CommitmentKind.outputPerMu) : nil
        case 16: s.eq(r, "total_investment") ? AssessmentColumns.code(CommitmentKind.totalInvestment)
            : s.eq(r, "production_start") ? AssessmentColumns.code(CommitmentKind.productionStart) : nil
        case 20: s.eq(r, "investment_intensity") ? AssessmentColumns.code(CommitmentKind.investmentIntensity) : nil
        case 22: s.eq(r, "value_added_per_energy") ? AssessmentColumns.code(CommitmentKind.valueAddedPerEnergy) : nil
        case 25: s.eq(r, "value_added_per_emissions") ? AssessmentColumns.code(CommitmentKind.valueAddedPerEmissions) : nil
        default: nil
        }
    }

    @inline(__always)
    static func directionCode(_ s: ByteScanner, _ r: Token) -> UInt8? {
        s.eq(r, "at_least") ? AssessmentColumns.code(CommitmentDirection.atLeast)
            : s.eq(r, "at_most") ? AssessmentColumns.code(CommitmentDirection.atMost)
            : s.eq(r, "by_date") ? AssessmentColumns.code(CommitmentDirection.byDate) : nil
    }

    @inline(__always)
    static func measureCode(_ s: ByteScanner, _ r: Token) -> UInt8? {
        s.eq(r, "latest") ? AssessmentColumns.code(CommitmentMeasure.latest)
            : s.eq(r, "cumulative") ? AssessmentColumns.code(CommitmentMeasure.cumulative)
            : s.eq(r, "average_last_years") ? AssessmentColumns.code(CommitmentMeasure.averageLastYears) : nil
    }

    /// The key's position in `Commitment`'s sorted coding keys, -1 when unknown.
    @inline(__always)
    static func keyIndex(_ s: ByteScanner, _ r: Token) -> Int {
        switch r.to - r.from {
        case 4: s.eq(r, "kind") ? 1 : -1
        case 5: s.eq(r, "label") ? 2 : s.eq(r, "years") ? 8 : -1
        case 6: s.eq(r, "target") ? 5 : s.eq(r, "weight") ? 7 : -1
        case 7: s.eq(r, "measure") ? 4 : -1
        case 9: s.eq(r, "direction") ? 0 : s.eq(r, "mandatory") ? 3 : -1
        case 10: s.eq(r, "targetDate") ? 6 : -1
        default: -1
        }
    }

    /// A string token: its raw content range; `escaped` when it holds a backslash.
    typealias Token = (from: Int, to: Int, escaped: Bool)

    struct ByteScanner {
        let b: UnsafeRawBufferPointer
        var i = 0
        init(_ b: UnsafeRawBufferPointer) { self.b = b }

        mutating func ws() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func eat(_ c: UInt8) -> Bool {
            ws()
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }

        /// A string token.
        mutating func string() -> Token? {
            guard eat(0x22) else { return nil }
            let from = i
            var escaped = false
            while i < b.count {
                let c = b[i]
                if c == 0x22 { i += 1; return (from, i - 1, escaped) }
                if c == 0x5C { escaped = true; i += 2 } else { i += 1 }
            }
            return nil
        }

        /// Whether the unescaped token spells `lit` exactly.
        @inline(__always)
        func eq(_ r: Token, _ lit: StaticString) -> Bool {
            let n = lit.utf8CodeUnitCount
            guard !r.escaped, r.to - r.from == n else { return false }
            return memcmp(b.baseAddress! + r.from, lit.utf8Start, n) == 0
        }

        /// A JSON number: integers of up to 15 digits exactly, others through `Double(_:)`.
        mutating func number() -> (value: Double, integral: Bool)? {
            ws()
            let from = i
            var integral = true
            while i < b.count {
                let c = b[i]
                if c >= 0x30 && c <= 0x39 || c == 0x2D { i += 1 } else if c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2B {
                    integral = false; i += 1
                } else { break }
            }
            guard i > from else { return nil }
            if integral && i - from <= 15 {
                var v = 0
                var negative = false
                for k in from..<i {
                    if b[k] == 0x2D { guard k == from, i - from > 1 else { return nil }; negative = true; continue }
                    v = v * 10 + Int(b[k] - 0x30)
                }
                return (negative ? -Double(v) : Double(v), true)
            }
            guard let v = Double(String(decoding: UnsafeRawBufferPointer(rebasing: b[from..<i]), as: UTF8.self)) else { return nil }
            return (v, false)
        }

        /// `true`, `false` or `null` (as nil inside the optional).
        mutating func literal() -> Bool?? {
            ws()
            func word(_ w: StaticString) -> Bool {
                let n = w.utf8CodeUnitCount
                guard i + n <= b.count else { return false }
                for k in 0..<n where b[i + k] != w.utf8Start[k] { return false }
                return true
            }
            if word("true") { i += 4; return .some(true) }
            if word("false") { i += 5; return .some(false) }
            if word("null") { i += 4; return .some(nil) }
            return nil
        }

        /// Skips a scalar value (unknown keys); nested values are not of the shape.
        mutating func skipScalar() -> Bool {
            ws()
            guard i < b.count else { return false }
            if b[i] == 0x22 { return string() != nil }
            if literal() != nil { return true }
            return number() != nil
        }

        mutating func parse(into c: inout AssessmentColumns) -> Bool {
            guard eat(0x5B) else { return false }
            if eat(0x5D) { ws(); return i == b.count }
            repeat {
                guard object(into: &c) else { return false }
            } while eat(0x2C)
            guard eat(0x5D) else { return false }
            ws()
            return i == b.count
        }

        mutating func object(into c: inout AssessmentColumns) -> Bool {
            guard eat(0x7B) else { return false }
            var kind: UInt8?, direction: UInt8?, measure: UInt8?, mandatory: Bool?
            var years: Int32?, target: Double?, weight: Double?, label = false
            var targetDay = Int32.min
            if !eat(0x7D) {
                repeat {
                    guard let key = string(), !key.escaped, eat(0x3A) else { return false }
                    switch CommitmentColumnsJSON.keyIndex(self, key) {
                    case 0: guard let s = string(), let v = CommitmentColumnsJSON.directionCode(self, s) else { return false }; direction = v
                    case 1: guard let s = string(), let v = CommitmentColumnsJSON.kindCode(self, s) else { return false }; kind = v
                    case 2: guard string() != nil else { return false }; label = true
                    case 3: guard case .some(.some(let v)) = literal() else { return false }; mandatory = v
                    case 4: guard let s = string(), let v = CommitmentColumnsJSON.measureCode(self, s) else { return false }; measure = v
                    case 5: guard let v = number() else { return false }; target = v.value
                    case 6:
                        ws()
                        if i < b.count, b[i] == 0x22 {
                            guard let s = string(), !s.escaped, let d = CommitmentColumnsJSON.dayNumber(b, s.from, s.to) else { return false }
                            targetDay = d
                        } else {
                            guard case .some(.none) = literal() else { return false }
                        }
                    case 7: guard let v = number() else { return false }; weight = v.value
                    case 8:
                        guard let v = number(), v.integral, abs(v.value) < 1e15 else { return false }
                        years = Int32(clamping: Int(v.value))
                    default: guard skipScalar() else { return false }
                    }
                } while eat(0x2C)
                guard eat(0x7D) else { return false }
            }
            guard let kind, let direction, let measure, let mandatory, let years, let target, let weight, label else { return false }
            c.kind.append(kind); c.direction.append(direction); c.measure.append(measure)
            c.years.append(years); c.target.append(target); c.targetDay.append(targetDay)
            c.mandatory.append(mandatory ? 1 : 0); c.weight.append(weight)
            return true
        }
    }
}
