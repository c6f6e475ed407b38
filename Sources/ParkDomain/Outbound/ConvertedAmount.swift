import Foundation

/// An ODI amount in its own currency (`CurrencyAmount`), with the US$ cents and yuan fen it
/// was worth at the monthly exchange rate of `month` (`ExchangeRate`, the investment module's
/// table). Stored as the text and the two integers, so sums over a whole park are exact SQL
/// integer sums.
public struct ConvertedAmount: Sendable, Hashable, Codable {
    public var original: CurrencyAmount
    public var usdCents: Int64
    public var yuanFen: Int64
    /// The month whose rate converted it.
    public var month: YearMonth

    public init(original: CurrencyAmount, usdCents: Int64, yuanFen: Int64, month: YearMonth) {
        self.original = original; self.usdCents = usdCents; self.yuanFen = yuanFen; self.month = month
    }

    public var currency: String { original.currency }
    /// The amount as entered, `86000000.00`.
    public var originalText: String { original.text }

    /// Reads an amount as officers type it, in `currency`: a known ISO 4217 code (field
    /// `currency`), a positive amount with at most two decimals (field `amount`).
    public static func parse(_ raw: String, currency: String) throws(DomainError) -> CurrencyAmount {
        let code = try Currency.parse(currency, field: "currency").code
        let a = try CurrencyAmount.parse(raw, currency: code, field: "amount")
        try a.requirePositive(field: "amount")
        return a
    }

    /// `amount` converted at `rate` (which must be of its currency and the month counted).
    public static func convert(_ amount: CurrencyAmount, at rate: ExchangeRate) throws(DomainError) -> ConvertedAmount {
        let c = try rate.convert(amount)
        return ConvertedAmount(original: amount, usdCents: c.usdCents, yuanFen: c.cnyFen, month: rate.month)
    }

    /// Yuan's own rate in a month, from the month's US$ rate: 1 yuan = 1 ÷ (yuan per US$)
    /// US$, to 8 places rounded half away from zero (the table need not list CNY).
    public static func yuanRate(from usd: ExchangeRate) -> ExchangeRate? {
        guard usd.currency == "USD", usd.cnyPerUnitE8 > 0 else { return nil }
        let one = Int128(ExchangeRate.one) * Int128(ExchangeRate.one)
        let e8 = (one + Int128(usd.cnyPerUnitE8 / 2)) / Int128(usd.cnyPerUnitE8)
        return ExchangeRate(currency: "CNY", month: usd.month, usdPerUnitE8: Int64(e8), cnyPerUnitE8: ExchangeRate.one)
    }
}
