import Foundation

/// The rate of one currency in one month, as the monthly rate table holds it.
public struct MonthlyRate: Sendable, Hashable, Codable {
    public var currency: String
    public var month: YearMonth
    public var usdPerUnit: Decimal
    public var cnyPerUnit: Decimal
    public init(currency: String, month: YearMonth, usdPerUnit: Decimal, cnyPerUnit: Decimal) {
        self.currency = currency; self.month = month; self.usdPerUnit = usdPerUnit; self.cnyPerUnit = cnyPerUnit
    }
}

/// An amount in its own currency (exact decimal text), with the US$ cents and yuan fen it was
/// worth at the rate of `month`. Stored as the text and the two integers, so sums over a whole
/// park are exact SQL integer sums.
public struct ConvertedAmount: Sendable, Hashable, Codable {
    /// ISO 4217 code, e.g. "EUR".
    public var currency: String
    /// The amount as entered, normalised ("125000000.50").
    public var original: Decimal
    public var usdCents: Int64
    public var yuanFen: Int64
    /// The month whose rate converted it.
    public var month: YearMonth

    public init(currency: String, original: Decimal, usdCents: Int64, yuanFen: Int64, month: YearMonth) {
        self.currency = currency; self.original = original; self.usdCents = usdCents; self.yuanFen = yuanFen; self.month = month
    }

    /// The largest amount accepted in any currency: 10^15 units.
    public static let maxUnits = Decimal(Bounds.maxYuan)

    /// Parses a non-negative decimal amount with at most 4 decimals ("1,250,000.00" allowed).
    public static func parse(_ raw: String, field: String = "amount") throws(DomainError) -> Decimal {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 16,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || (1...4).contains(parts[1].count),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DomainError(code: "invalid_amount", field: field,
                              en: "\(field) must be an amount such as 1250000.00 (at most 4 decimals), not '\(raw.prefix(30))'",
                              zh: "\(field) 须为金额，如 1250000.00（最多 4 位小数），而非“\(raw.prefix(30))”")
        }
        guard value > 0, value <= maxUnits else {
            throw DomainError(code: "out_of_range", field: field, en: "\(field) must be more than 0 and at most 10^15",
                              zh: "\(field) 须大于 0 且不超过 10^15")
        }
        return value
    }

    /// Checks a currency code: three letters A–Z.
    public static func currencyCode(_ raw: String, field: String = "currency") throws(DomainError) -> String {
        let c = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw DomainError(code: "invalid_currency", field: field, en: "\(field) must be an ISO 4217 code such as USD or EUR, not '\(raw.prefix(10))'",
                              zh: "\(field) 须为 ISO 4217 币种代码（如 USD、EUR），而非“\(raw.prefix(10))”")
        }
        return c
    }

    /// `original` converted at `rate`: cents and fen rounded half away from zero.
    public static func convert(_ original: Decimal, at rate: MonthlyRate) throws(DomainError) -> ConvertedAmount {
        ConvertedAmount(currency: rate.currency, original: original, usdCents: try hundredths(original * rate.usdPerUnit, "amount_usd"),
                        yuanFen: try hundredths(original * rate.cnyPerUnit, "amount_yuan"), month: rate.month)
    }

    /// `value` × 100 rounded to a whole number, refused beyond 10^17 (10^15 yuan or dollars).
    static func hundredths(_ value: Decimal, _ what: String) throws(DomainError) -> Int64 {
        var scaled = value * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded >= 0, rounded <= Decimal(Bounds.maxYuan) * 100 else { throw Checked.overflow(what) }
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// The original amount as plain decimal text ("125000000.5").
    public var originalText: String { Self.text(original) }

    public static func text(_ d: Decimal) -> String {
        NSDecimalNumber(decimal: d).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}
