import Foundation

/// One row of the monthly exchange-rate table: how many US dollars and how many yuan one unit
/// of `currency` is worth in `month`. Rates are exact decimals with up to 8 places, held as
/// `Int64` in units of 10^-8 (`usdPerUnitE8` = 108123456 is 1.08123456 US$ per unit).
public struct ExchangeRate: Sendable, Hashable, Codable {
    public let currency: String
    public let month: YearMonth
    public let usdPerUnitE8: Int64
    public let cnyPerUnitE8: Int64

    /// Decimal places of a rate.
    public static let places = 8
    /// 10^8: one unit of rate.
    public static let one: Int64 = 100_000_000
    /// The largest rate accepted: 1,000,000 per unit.
    public static let maxE8: Int64 = 1_000_000 * one

    public init(currency: String, month: YearMonth, usdPerUnitE8: Int64, cnyPerUnitE8: Int64) {
        self.currency = currency; self.month = month; self.usdPerUnitE8 = usdPerUnitE8; self.cnyPerUnitE8 = cnyPerUnitE8
    }

    /// A rate from text, checked: a known currency, both rates positive decimals with at most
    /// 8 places and at most 1,000,000; US$ per US$ and yuan per yuan are exactly 1. Errors
    /// name the column (`currency`, `usd_per_unit`, `cny_per_unit`).
    public static func parse(currency: String, month: YearMonth, usdPerUnit: String, cnyPerUnit: String) throws(DomainError) -> ExchangeRate {
        let code = try Currency.parse(currency, field: "currency").code
        let usd = try rate(usdPerUnit, field: "usd_per_unit")
        let cny = try rate(cnyPerUnit, field: "cny_per_unit")
        if code == "USD" && usd != one {
            throw DomainError(code: "invalid_rate", field: "usd_per_unit", en: "usd_per_unit of USD must be 1", zh: "美元的 usd_per_unit 须为 1")
        }
        if code == "CNY" && cny != one {
            throw DomainError(code: "invalid_rate", field: "cny_per_unit", en: "cny_per_unit of CNY must be 1", zh: "人民币的 cny_per_unit 须为 1")
        }
        return ExchangeRate(currency: code, month: month, usdPerUnitE8: usd, cnyPerUnitE8: cny)
    }

    static func rate(_ text: String, field: String) throws(DomainError) -> Int64 {
        guard let v = DecimalParse.scaled(text, places: places), v > 0, v <= maxE8 else {
            throw DomainError(code: "invalid_rate", field: field,
                              en: "\(field) must be a number more than 0 and at most 1000000, with at most 8 decimals, not '\(text.prefix(30))'",
                              zh: "\(field) 须为大于 0、不超过 1000000、最多 8 位小数的数，而非“\(text.prefix(30))”")
        }
        return v
    }

    /// `usdPerUnitE8` as text, `1.08123456`.
    public var usdPerUnitText: String { DecimalParse.text(usdPerUnitE8, places: Self.places) }
    public var cnyPerUnitText: String { DecimalParse.text(cnyPerUnitE8, places: Self.places) }

    /// `amount` (hundredths of this rate's currency) in hundredths of US$ and of yuan:
    /// amount × rate ÷ 10^8, rounded half away from zero to the hundredth, computed in 128 bits
    /// so no amount and rate in bounds can overflow. The result is refused (`overflow`) if it
    /// leaves ±10^17 hundredths.
    public func convert(_ amount: CurrencyAmount) throws(DomainError) -> Converted {
        guard amount.currency == currency else {
            throw DomainError(code: "currency_mismatch", field: "currency",
                              en: "a \(currency) rate cannot convert \(amount.currency)", zh: "\(currency) 汇率不能换算 \(amount.currency)")
        }
        return Converted(usdCents: try Self.apply(amount.minor, usdPerUnitE8, "amount_usd"),
                         cnyFen: try Self.apply(amount.minor, cnyPerUnitE8, "amount_cny"))
    }

    /// `minor × rateE8 ÷ 10^8`, half away from zero.
    public static func apply(_ minor: Int64, _ rateE8: Int64, _ what: String) throws(DomainError) -> Int64 {
        let product = Int128(minor) * Int128(rateE8)
        let half = Int128(one / 2)
        let q = product >= 0 ? (product + half) / Int128(one) : (product - half) / Int128(one)
        guard q.magnitude <= UInt128(CurrencyAmount.maxMinor) else { throw Checked.overflow(what) }
        return Int64(q)
    }

    /// An amount counted in US$ and yuan (hundredths of each).
    public struct Converted: Sendable, Hashable, Codable {
        public var usdCents: Int64
        public var cnyFen: Int64
        public init(usdCents: Int64, cnyFen: Int64) { self.usdCents = usdCents; self.cnyFen = cnyFen }
    }
}

/// The rates of some months, looked up by currency and month.
public struct ExchangeRateTable: Sendable {
    var rates: [String: ExchangeRate]

    public init(_ rates: [ExchangeRate]) {
        self.rates = Dictionary(rates.map { ("\($0.currency)|\($0.month.iso)", $0) }, uniquingKeysWith: { _, b in b })
    }

    public var count: Int { rates.count }

    /// The rate of `currency` in `month`, or `no_rate` naming `field` (the amount's currency field).
    public func rate(_ currency: String, _ month: YearMonth, field: String = "currency") throws(DomainError) -> ExchangeRate {
        guard let r = rates["\(currency)|\(month.iso)"] else {
            throw DomainError(code: "no_rate", field: field,
                              en: "there is no exchange rate for \(currency) in \(month.iso): import the month's rates first (parkos rates import)",
                              zh: "\(month.iso) 没有 \(currency) 的汇率，请先导入该月汇率（parkos rates import）")
        }
        return r
    }
}
