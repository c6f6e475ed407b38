import Foundation

/// The value of one fact for one enterprise. Quantities are exact micro-units of the fact's
/// canonical unit (yuan, US$, mu, kWh, count); use the helpers to build them.
public enum PolicyFactValue: Sendable, Hashable {
    case bool(Bool)
    case quantity(micro: Int64)
    case date(LocalDate)
    case code(String)
    case codes([String])

    /// Money from fen (0.01 yuan or US cent).
    public static func fen(_ fen: Int64) -> PolicyFactValue { .quantity(micro: fen * PolicyFixed.perFen) }
    /// Money from whole yuan (or US$).
    public static func yuan(_ yuan: Int64) -> PolicyFactValue { .quantity(micro: yuan * PolicyFixed.one) }
    /// A count or a whole number.
    public static func count(_ n: Int) -> PolicyFactValue { .quantity(micro: Int64(n) * PolicyFixed.one) }
    /// An area, energy or number from a decimal value rounded to the micro-unit (for figures held as
    /// decimals in the records, such as land area in mu with two decimals).
    public static func decimal(_ d: Decimal) -> PolicyFactValue {
        var x = d * Decimal(PolicyFixed.one), r = Decimal()
        NSDecimalRound(&r, &x, 0, .plain)
        return .quantity(micro: NSDecimalNumber(decimal: r).int64Value)
    }

    /// Whether the value fits a fact of `type`.
    public func fits(_ type: PolicyType) -> Bool {
        switch (self, type) {
        case (.bool, .bool), (.date, .date), (.code, .code), (.codes, .codeList): true
        case (.quantity, _): type.isQuantity
        default: false
        }
    }
}

/// One enterprise's facts, by fact name, for scalar evaluation and explanations. A fact absent
/// from `values` is missing (never zero).
public struct PolicyFacts: Sendable, Hashable {
    public var values: [String: PolicyFactValue]

    public init(_ values: [String: PolicyFactValue] = [:]) { self.values = values }

    public subscript(name: String) -> PolicyFactValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The registry facts of `enterprise` (industry, clusters, ownership, origin, size, founding
    /// date, HQ / R&D centre / Fortune 500 / listing flags, employees). The store adds the yearly
    /// figures, certifications, lease, per-mu and energy facts it holds; an unknown founding date
    /// or headcount stays missing.
    public static func registry(_ e: Enterprise) -> PolicyFacts {
        var f = PolicyFacts()
        f["industry"] = .code(e.industryCode)
        f["clusters"] = .codes(e.clusters)
        f["ownership"] = .code(e.ownership.rawValue)
        f["origin_country"] = .code(e.originCountry)
        f["above_designated_size"] = .bool(e.aboveDesignatedSize)
        f["regional_hq"] = .bool(e.regionalHeadquarters)
        f["rd_centre"] = .bool(e.rdCentre)
        f["fortune500"] = .bool(e.fortune500Parent != nil)
        f["listed"] = .bool(e.listing != nil)
        if let n = e.employees { f["employees"] = .count(n) }
        if let d = e.foundedOn { f["founded_on"] = .date(d) }
        return f
    }
}

/// Bracket-scale arithmetic shared by both evaluators, so they agree to the micro-unit.
enum PolicyScaleMath {
    /// Marginal: each bracket's portion of `x` (from the previous threshold, 0 for the first,
    /// to its own) times its rate, each product rounded to the micro-unit, summed. Without an
    /// `above` bracket the part beyond the last threshold earns nothing; `x ≤ 0` gives 0.
    @inline(__always)
    static func marginal(_ x: Int64, upTo: UnsafeBufferPointer<Int64>, rates: UnsafeBufferPointer<Int64>) -> Int64 {
        var lo: Int64 = 0, total: Int64 = 0
        // No early exit: brackets past `x` add a zero portion, which keeps the loop branch-free.
        for k in 0..<rates.count {
            let hi = k < upTo.count ? upTo[k] : Int64.max
            let portion = max(0, min(x, hi) &- lo)
            total &+= PolicyFixed.multiply(portion, rates[k])
            lo = max(lo, hi)
        }
        return total
    }

    /// Single amount: the value of the first bracket whose threshold is at least `x`; past the last
    /// threshold, the `above` value, or 0 without one.
    @inline(__always)
    static func single(_ x: Int64, upTo: UnsafeBufferPointer<Int64>, values: UnsafeBufferPointer<Int64>) -> Int64 {
        for k in 0..<upTo.count where x <= upTo[k] { return values[k] }
        return values.count > upTo.count ? values[upTo.count] : 0
    }

    /// A marginal scale prepared for many inputs: bracket k (of `lo.count`) spans `lo[k]`…`hi[k]`,
    /// `base[k]` is the sum of the full brackets below it, each piece rounded exactly as
    /// `marginal` rounds it. `amount(x)` then needs one product instead of one per bracket and
    /// equals `marginal(x, …)` to the micro-unit: the brackets below x contribute their full
    /// pieces, the one holding x its partial piece, those above a zero portion.
    struct MarginalPlan {
        var lo: [Int64] = [], hi: [Int64] = [], rate: [Int64] = [], base: [Int64] = []

        init(upTo: [Int64], rates: [Int64]) {
            var low: Int64 = 0, sum: Int64 = 0
            let count = max(rates.count, upTo.count + 1)
            for k in 0..<count {
                let t = k < upTo.count ? upTo[k] : Int64.max
                let h = Swift.max(t, low)
                let r = k < rates.count ? rates[k] : 0
                lo.append(low); hi.append(h); rate.append(r); base.append(sum)
                if h != Int64.max { sum &+= PolicyFixed.multiply(h &- low, r) }
                low = h
            }
        }

        @inline(__always)
        func amount(_ x: Int64, lo: UnsafePointer<Int64>, hi: UnsafePointer<Int64>, rate: UnsafePointer<Int64>,
                    base: UnsafePointer<Int64>, count: Int) -> Int64 {
            var k = 0
            for j in 0..<(count - 1) { k &+= x > hi[j] ? 1 : 0 }
            return base[k] &+ PolicyFixed.multiply(Swift.max(0, Swift.min(x, hi[k]) &- lo[k]), rate[k])
        }
    }

    /// Whole years from `date` to `asOf` (both `yyyymmdd`).
    @inline(__always)
    static func yearsBetween(_ date: Int64, _ asOf: Int64) -> Int64 {
        asOf / 10_000 - date / 10_000 - (asOf % 10_000 < date % 10_000 ? 1 : 0)
    }
}

extension LocalDate {
    /// `yyyymmdd`, the raw form of dates in policies.
    var policyRaw: Int64 { Int64(year * 10_000 + month * 100 + day) }

    /// The date of a raw `yyyymmdd`, nil when it is not a calendar date.
    init?(policyRaw raw: Int64) {
        self.init(year: Int(raw / 10_000), month: Int(raw / 100 % 100), day: Int(raw % 100))
    }
}
