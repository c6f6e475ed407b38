import Foundation

/// The period a published value belongs to: a month (`2020-06`) or a quarter (`2020-Q2`).
/// A quarter is held by its last month, so monthly and quarterly series share one time axis.
public struct IndicatorPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The period's last month (June for 2020-Q2).
    public let end: YearMonth
    public let isQuarter: Bool

    public init(month: YearMonth) { end = month; isQuarter = false }

    /// Quarter `q` (1–4) of `year`, or nil when out of range.
    public init?(year: Int, quarter q: Int) {
        guard (1...4).contains(q), let m = YearMonth(year: year, month: q * 3) else { return nil }
        end = m; isQuarter = true
    }

    public var year: Int { end.year }
    /// 1–4 for a quarter, the quarter a month falls in otherwise.
    public var quarter: Int { (end.month - 1) / 3 + 1 }

    /// `2020-06` or `2020-Q2`.
    public var text: String { isQuarter ? String(format: "%04d-Q%d", end.year, quarter) : end.iso }
    public var description: String { text }

    /// Parses `YYYY-MM` or `YYYY-Qn` (`q` in either case), or nil.
    public init?(text raw: String) {
        let t = raw.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), parts[1].count == 2,
           parts[1].first == "Q" || parts[1].first == "q", let q = Int(parts[1].dropFirst()) {
            guard let p = IndicatorPeriod(year: y, quarter: q) else { return nil }
            self = p
        } else if let m = YearMonth(iso: t) {
            self.init(month: m)
        } else {
            return nil
        }
    }

    /// The same period a year earlier.
    public var lastYear: IndicatorPeriod? {
        guard let m = end.lastYear else { return nil }
        return IndicatorPeriod(end: m, isQuarter: isQuarter)
    }

    /// The period before this one in its own frequency (nil before January/Q1: a new year).
    public var previousInYear: IndicatorPeriod? {
        let step = isQuarter ? 3 : 1
        guard end.month > step, let m = end.adding(months: -step) else { return nil }
        return IndicatorPeriod(end: m, isQuarter: isQuarter)
    }

    init(end: YearMonth, isQuarter: Bool) { self.end = end; self.isQuarter = isQuarter }

    public static func < (a: IndicatorPeriod, b: IndicatorPeriod) -> Bool { a.end < b.end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let p = IndicatorPeriod(text: raw) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected YYYY-MM or YYYY-Qn, found \(raw)")
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// Decimal numbers as published, parsed strictly from text (never through `Double`).
public enum IndicatorNumber {
    /// `1290`, `1290.5`, `-3.2`, `1,290.50` (thousands separators dropped), up to 15 integer and
    /// 6 fraction digits; nil for anything else ("12abc", "1e5", "", "+-1").
    public static func parse(_ raw: String) -> Decimal? {
        var t = raw.trimmingCharacters(in: .whitespaces)
        if t.contains(",") {
            // Only as thousands separators: groups of three after the first.
            let intPart = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = intPart.trimmingCharacters(in: CharacterSet(charactersIn: "-")).split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            t.removeAll { $0 == "," }
        }
        var digits = Substring(t)
        if digits.first == "-" { digits = digits.dropFirst() }
        let halves = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = halves.first, (1...15).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if halves.count == 2 {
            guard (1...6).contains(halves[1].count), halves[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `value` rounded half away from zero to `places` decimals.
    public static func rounded(_ value: Decimal, _ places: Int) -> Decimal {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        return r
    }

    /// Plain text of a decimal (`1290.5`, no grouping): how values are stored.
    public static func text(_ value: Decimal) -> String {
        var v = value
        return NSDecimalString(&v, Locale(identifier: "en_US_POSIX"))
    }
}
