import Foundation

/// An ISO 4217 currency, with its names. The list is the currencies foreign investment in the
/// park arrives in; `known` is what an amount's currency is checked against.
public struct Currency: Sendable, Hashable, Codable {
    public let code: String
    public let name: Bilingual
    public init(code: String, name: Bilingual) { self.code = code; self.name = name }

    /// The currencies ParkOS accepts, by code.
    public static let known: [String: Currency] = Dictionary(uniqueKeysWithValues: rows.split(separator: "\n").map { line in
        let f = line.split(separator: "|").map(String.init)
        return (f[0], Currency(code: f[0], name: Bilingual(zh: f[2], en: f[1])))
    })

    /// The sorted codes of `known`.
    public static let codes: [String] = known.keys.sorted()

    /// The currency with this code (upper-cased first), or an error naming `field`.
    public static func parse(_ raw: String, field: String) throws(DomainError) -> Currency {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard let c = known[code] else {
            throw DomainError(code: "unknown_currency", field: field,
                              en: "\(field) '\(raw.prefix(10))' is not an ISO 4217 currency ParkOS knows (\(codes.joined(separator: ", ")))",
                              zh: "\(field)“\(raw.prefix(10))”不是系统支持的 ISO 4217 币种（\(codes.joined(separator: "、"))）")
        }
        return c
    }

    private static let rows = """
    AUD|Australian dollar|澳大利亚元
    CAD|Canadian dollar|加拿大元
    CHF|Swiss franc|瑞士法郎
    CNY|Chinese yuan|人民币
    DKK|Danish krone|丹麦克朗
    EUR|Euro|欧元
    GBP|Pound sterling|英镑
    HKD|Hong Kong dollar|港元
    INR|Indian rupee|印度卢比
    JPY|Japanese yen|日元
    KRW|South Korean won|韩元
    MOP|Macao pataca|澳门元
    MYR|Malaysian ringgit|马来西亚林吉特
    NOK|Norwegian krone|挪威克朗
    NZD|New Zealand dollar|新西兰元
    SEK|Swedish krona|瑞典克朗
    SGD|Singapore dollar|新加坡元
    THB|Thai baht|泰铢
    TWD|New Taiwan dollar|新台币
    USD|US dollar|美元
    """
}

/// An exact amount of money in a currency: hundredths of the currency's unit (cents, fen,
/// euro cents; for yen and won too, so every amount has the same scale) as `Int64`. Parsed
/// from text exactly (no floating point), bounded to ±10^17 hundredths (`Bounds.maxYuan`
/// units), and added with checked arithmetic.
public struct CurrencyAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    public let currency: String
    /// Hundredths of the unit.
    public let minor: Int64

    /// The largest magnitude in hundredths: 10^17 (10^15 units).
    public static let maxMinor: Int64 = Bounds.maxYuan * 100

    public init(currency: String, minor: Int64) { self.currency = currency; self.minor = minor }

    /// Parses `12345.67`, `-12.5`, `1,234,567.00` (commas only as thousands separators) in
    /// `currency`. At most two decimals; refused with `field` named otherwise.
    public static func parse(_ text: String, currency: String, field: String) throws(DomainError) -> CurrencyAmount {
        let c = try Currency.parse(currency, field: field + "_currency").code
        guard let minor = DecimalParse.scaled(text, places: 2), minor.magnitude <= maxMinor.magnitude else {
            throw DomainError(code: "invalid_amount", field: field,
                              en: "\(field) must be an amount with at most two decimals, up to 10^15, not '\(text.prefix(40))'",
                              zh: "\(field) 须为最多两位小数、不超过 10^15 的金额，而非“\(text.prefix(40))”")
        }
        return CurrencyAmount(currency: c, minor: minor)
    }

    /// The amount as plain text, `12345.67` (what `parse` reads back).
    public var text: String { FenText.yuan(minor) }
    /// `EUR 1,234,567.00`.
    public var description: String { "\(currency) \(FenText.yuan(minor, grouped: true))" }

    public var isPositive: Bool { minor > 0 }

    /// The sum of two amounts in the same currency; a different currency or an overflow is an error.
    public func adding(_ other: CurrencyAmount, field: String = "amount") throws(DomainError) -> CurrencyAmount {
        guard other.currency == currency else {
            throw DomainError(code: "currency_mismatch", field: field,
                              en: "cannot add \(other.currency) to \(currency)", zh: "\(other.currency) 与 \(currency) 不能直接相加")
        }
        let sum = try Checked.add(minor, other.minor, field)
        guard sum.magnitude <= Self.maxMinor.magnitude else { throw Checked.overflow(field) }
        return CurrencyAmount(currency: currency, minor: sum)
    }

    /// Refuses a zero or negative amount, naming `field`.
    public func requirePositive(field: String) throws(DomainError) {
        guard minor > 0 else {
            throw DomainError(code: "not_positive", field: field, en: "\(field) must be more than 0, not \(text)",
                              zh: "\(field) 须大于 0，而非 \(text)")
        }
    }
}

/// Exact decimal text to scaled integers.
public enum DecimalParse {
    /// `text` × 10^`places` as an exact `Int64`, or nil when it is not a plain decimal
    /// (optional sign, digits with optional thousands commas, optional point and at most
    /// `places` decimals) or does not fit.
    public static func scaled(_ text: String, places: Int) -> Int64? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeRaw = parts.first, !wholeRaw.isEmpty else { return nil }
        // Commas only between groups of three digits.
        let groups = wholeRaw.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let whole = groups.joined()
        let frac = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              frac.count <= places, frac.allSatisfy({ $0.isASCII && $0.isNumber }),
              !(parts.count == 2 && frac.isEmpty) else { return nil }
        var value: Int64 = 0
        for ch in whole + frac + String(repeating: "0", count: places - frac.count) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(ch.wholeNumberValue!))
            if o1 || o2 { return nil }
            value = a
        }
        return negative ? -value : value
    }

    /// `value` ÷ 10^`places` as text with exactly `places` decimals (`places` ≥ 1).
    public static func text(_ value: Int64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let m = value.magnitude
        let frac = String(m % scale)
        return (value < 0 ? "-" : "") + String(m / scale) + "." + String(repeating: "0", count: places - frac.count) + frac
    }
}
