import Foundation

/// The limits every number from outside (API, console form, CSV, CLI) is checked against
/// before it is stored or computed with. They are wide enough for any real park and narrow
/// enough that sums over a whole park of them stay far inside `Int64`: 100,000 enterprises ×
/// 10 leases × `maxYuan` = 10^21 would not, so sums use checked arithmetic too (`Checked`).
/// `openapi.yaml` states the same limits as `minimum`/`maximum`.
public enum Bounds {
    /// The largest amount of money ParkOS accepts: 10^15 yuan (1,000 万亿, about seven times
    /// China's yearly GDP). In fen it is 10^17, well inside `Int64` (9.2 × 10^18).
    public static let maxYuan: Int64 = 1_000_000_000_000_000
    /// The largest count (employees, jobs, units): 100 million.
    public static let maxCount = 100_000_000
    /// The largest physical quantity (m², kWh, tonnes): 10^15.
    public static let maxQuantity: Double = 1e15
    /// Years ParkOS records (data years, founding years, lease years).
    public static let years: ClosedRange<Int> = 1900...2200
    /// The largest term of a lease, in years (statutory maximum for any land use is 70).
    public static let maxTermYears = 70

    /// `value` if it lies in `range`, else a 400 naming `field`.
    public static func check<T: Comparable & CustomStringConvertible>(_ value: T, in range: ClosedRange<T>,
                                                                       field: String) throws(DomainError) -> T {
        guard range.contains(value) else { throw outOfRange(field, range) }
        return value
    }

    /// A money amount in whole yuan: 0 … `maxYuan`.
    @discardableResult
    public static func yuan(_ value: Int64, field: String) throws(DomainError) -> Int64 {
        try check(value, in: 0...maxYuan, field: field)
    }

    /// A count: 0 … `maxCount`.
    @discardableResult
    public static func count(_ value: Int, field: String) throws(DomainError) -> Int {
        try check(value, in: 0...maxCount, field: field)
    }

    /// A physical quantity: finite, 0 … `maxQuantity`.
    @discardableResult
    public static func quantity(_ value: Double, field: String) throws(DomainError) -> Double {
        guard value.isFinite else {
            throw DomainError(code: "out_of_range", field: field, en: "\(field) must be a finite number",
                              zh: "\(field) 须为有限数值")
        }
        return try check(value, in: 0...maxQuantity, field: field)
    }

    /// A year: `years`.
    @discardableResult
    public static func year(_ value: Int, field: String = "year") throws(DomainError) -> Int {
        try check(value, in: years, field: field)
    }

    public static func outOfRange<T: CustomStringConvertible>(_ field: String, _ range: ClosedRange<T>) -> DomainError {
        DomainError(code: "out_of_range", field: field,
                    en: "\(field) must be between \(range.lowerBound) and \(range.upperBound)",
                    zh: "\(field) 须在 \(range.lowerBound) 至 \(range.upperBound) 之间")
    }
}

/// Arithmetic on numbers that may come from storage: never traps, reports the overflow as a
/// `DomainError` naming what was being computed.
public enum Checked {
    public static func add(_ a: Int64, _ b: Int64, _ what: String) throws(DomainError) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow(what) }
        return r
    }

    public static func multiply(_ a: Int64, _ b: Int64, _ what: String) throws(DomainError) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw overflow(what) }
        return r
    }

    public static func sum(_ values: some Sequence<Int64>, _ what: String) throws(DomainError) -> Int64 {
        var total: Int64 = 0
        for v in values { total = try add(total, v, what) }
        return total
    }

    /// `x` converted to `Int64` if it is finite and fits, else nil.
    public static func int64(_ x: Double) -> Int64? {
        guard x.isFinite, x > -9.2e18, x < 9.2e18 else { return nil }
        return Int64(x)
    }

    /// `a + b`, held at `Int64.max`/`Int64.min` instead of trapping: for totals that are only
    /// displayed (a surcharge sum of a whole run), where an error would hide the page.
    public static func addSaturating(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? .max : .min) : r
    }

    /// Fen of a yuan amount computed in floating point (per-mu surcharges), rounded half away
    /// from zero; not a number gives 0 and anything beyond ±10^17 fen (±`Bounds.maxYuan`) is
    /// held there, so no stored figure can trap the conversion.
    public static func fen(_ yuan: Double) -> Int64 {
        guard yuan.isFinite else { return 0 }
        let limit = Double(Bounds.maxYuan) * 100
        return Int64(max(-limit, min(limit, (yuan * 100).rounded())))
    }

    public static func overflow(_ what: String) -> DomainError {
        DomainError(code: "overflow", field: what, en: "\(what) is too large to compute",
                    zh: "\(what) 数值过大，无法计算")
    }
}

/// Which page of a list is asked for, checked at the edge: `page` 1 … `maxPage`, `perPage`
/// 1 … `maxPerPage`, so `offset` can never overflow.
public struct PageRequest: Sendable, Equatable {
    public static let maxPage = 1_000_000
    public static let maxPerPage = 500
    public let page: Int
    public let perPage: Int

    public init(page: Int?, perPage: Int?, defaultPerPage: Int = 50) throws(DomainError) {
        self.page = try Bounds.check(page ?? 1, in: 1...Self.maxPage, field: "page")
        self.perPage = try Bounds.check(perPage ?? defaultPerPage, in: 1...Self.maxPerPage, field: "per_page")
    }

    /// Rows to skip: at most 499,999,500, so it always fits.
    public var offset: Int { (page - 1) * perPage }
}
