import Foundation

/// A calendar month (`2020-06`): the period of monthly statistics, rate tables and reports.
/// Years are bounded to 1900–2200 so month arithmetic can never overflow.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public static let years: ClosedRange<Int> = 1900...2200

    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso: String) {
        let parts = iso.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// The month a date falls in.
    public init(_ date: LocalDate) {
        year = date.year; month = date.month
    }

    /// Parses `YYYY-MM` or throws naming `field`.
    public static func parse(_ raw: String, field: String) throws(DomainError) -> YearMonth {
        guard let m = YearMonth(iso: raw) else {
            throw DomainError(code: "invalid_month", field: field,
                              en: "\(field) must be a month YYYY-MM between \(years.lowerBound) and \(years.upperBound), not '\(raw.prefix(40))'",
                              zh: "\(field) 须为 YYYY-MM 格式的月份（\(years.lowerBound)–\(years.upperBound) 年），而非“\(raw.prefix(40))”")
        }
        return m
    }

    public var iso: String { LocalDate.padded(year, 4) + "-" + LocalDate.padded(month, 2) }
    public var description: String { iso }

    /// Months since January of year 0: a total order and cheap arithmetic.
    public var index: Int { year * 12 + (month - 1) }

    init(index: Int) {
        year = index / 12; month = index % 12 + 1
    }

    /// The month `n` months later (earlier for negative `n`), or nil outside the bounded years.
    public func adding(months n: Int) -> YearMonth? {
        guard n.magnitude <= UInt(12 * (Self.years.upperBound - Self.years.lowerBound + 1)) else { return nil }
        let m = YearMonth(index: index + n)
        return Self.years.contains(m.year) ? m : nil
    }

    /// The same month a year earlier (year-on-year comparisons).
    public var lastYear: YearMonth? { adding(months: -12) }

    /// January of this month's year (the start of year-to-date).
    public var january: YearMonth { YearMonth(index: year * 12) }

    /// The first and last day of the month.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }

    /// Months from `self` to `end`, both included (empty when `end` is earlier).
    public func through(_ end: YearMonth) -> [YearMonth] {
        guard end >= self else { return [] }
        return (index...end.index).map(YearMonth.init(index:))
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let m = YearMonth(iso: raw) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a month YYYY-MM, found \(raw)")
        }
        self = m
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
