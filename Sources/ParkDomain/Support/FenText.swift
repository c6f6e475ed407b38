import Foundation

/// Amounts held as whole fen (0.01 yuan, or US cents) written as text, exactly (no floating point).
public enum FenText {
    /// "1234.56" for 123456 fen, "-0.05" for -5; with `grouped`, "1,234.56".
    public static func yuan(_ fen: Int64, grouped: Bool = false) -> String {
        let m = fen.magnitude, cents = m % 100
        var whole = String(m / 100)
        if grouped {
            var out = ""
            for (i, c) in whole.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { out.append(",") }
                out.append(c)
            }
            whole = String(out.reversed())
        }
        return (fen < 0 ? "-" : "") + whole + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}

extension FenText {
    /// An amount as officials read it, scaled to 万元 or 亿元 in Chinese and to millions or
    /// billions in English, two decimals, rounded half up exactly: 150,000,000 yuan is
    /// "1.50 亿元" / "150.00 M yuan", 150,000 yuan "15.00 万元" / "150,000.00 yuan"; below
    /// the first step the exact amount.
    public static func scaled(_ fen: Int64, _ lang: Language) -> String {
        MoneyScale.of(fen, .yuan, lang).text(fen)
    }

    /// US dollars (cents) as officials read them, scaled like `scaled`: "28.72 亿美元",
    /// "1,250.00 万美元" / "US$ 2.87 bn", "US$ 12.50 M"; below the first step the exact amount.
    public static func scaledUSD(_ cents: Int64, _ lang: Language) -> String {
        MoneyScale.of(cents, .usd, lang).text(cents)
    }
}

/// The currency of an amount held in minor units (fen for yuan, cents for US$).
public enum MoneyCurrency: Sendable { case yuan, usd }

/// The unit an amount is written in: exact, 万 or 亿 in Chinese, M or bn in English. One rule for
/// yuan and US$: the largest step not above the amount (`of`), or, for a table's column, the
/// largest step not above the column's largest amount (`column`), so a column reads in one unit.
public struct MoneyScale: Sendable, Equatable {
    public enum Step: Int, Sendable, Comparable {
        case exact, middle, large
        public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
    }
    public let step: Step
    public let currency: MoneyCurrency
    public let lang: Language

    public init(_ step: Step, _ currency: MoneyCurrency, _ lang: Language) {
        self.step = step; self.currency = currency; self.lang = lang
    }

    /// Minor units (fen, cents) in one unit of `step`: 万 = 10^4 × 100, 亿 = 10^8 × 100, M = 10^6 × 100, bn = 10^9 × 100.
    public var divisor: UInt64 {
        switch (step, lang) {
        case (.exact, _): 1
        case (.middle, .zh): 1_000_000
        case (.large, .zh): 10_000_000_000
        case (.middle, .en): 100_000_000
        case (.large, .en): 100_000_000_000
        }
    }

    /// The scale for one amount.
    public static func of(_ minor: Int64, _ currency: MoneyCurrency, _ lang: Language) -> MoneyScale {
        let m = minor.magnitude
        for step in [Step.large, .middle] where m >= MoneyScale(step, currency, lang).divisor {
            return MoneyScale(step, currency, lang)
        }
        return MoneyScale(.exact, currency, lang)
    }

    /// The one scale for a column of amounts: that of its largest magnitude.
    public static func column(_ minors: [Int64], _ currency: MoneyCurrency, _ lang: Language) -> MoneyScale {
        of(Int64(clamping: minors.map(\.magnitude).max() ?? 0), currency, lang)
    }

    /// The unit's word: "亿元", "万美元", "元" / "M yuan", "US$ bn", "US$".
    public var unit: String {
        switch (currency, lang, step) {
        case (.yuan, .zh, .large): "亿元"
        case (.yuan, .zh, .middle): "万元"
        case (.yuan, .zh, .exact): "元"
        case (.yuan, .en, .large): "bn yuan"
        case (.yuan, .en, .middle): "M yuan"
        case (.yuan, .en, .exact): "yuan"
        case (.usd, .zh, .large): "亿美元"
        case (.usd, .zh, .middle): "万美元"
        case (.usd, .zh, .exact): "美元"
        case (.usd, .en, .large): "US$ bn"
        case (.usd, .en, .middle): "US$ M"
        case (.usd, .en, .exact): "US$"
        }
    }

    /// The number alone in this unit, two decimals, rounded half up exactly: "2.87", "1,234.56".
    public func number(_ minor: Int64) -> String {
        step == .exact ? FenText.yuan(minor, grouped: true) : DecimalText.fixed(Decimal(minor) / Decimal(divisor), places: 2)
    }

    /// The amount in this unit with the unit: "28.72 亿美元", "US$ 2.87 bn", "0.05 亿元".
    public func text(_ minor: Int64) -> String { written(number(minor)) }

    /// The scale for an amount in minor units held as a decimal: a published figure, which may
    /// have more places or exceed Int64's fen (2,915.46 亿元 is 29,154,600,000,000 fen).
    public static func of(minor: Decimal, _ currency: MoneyCurrency, _ lang: Language) -> MoneyScale {
        let m = minor.magnitude
        for step in [Step.large, .middle] where m >= Decimal(MoneyScale(step, currency, lang).divisor) {
            return MoneyScale(step, currency, lang)
        }
        return MoneyScale(.exact, currency, lang)
    }

    /// The one scale for a column of decimal amounts: that of its largest magnitude.
    public static func column(minor values: [Decimal], _ currency: MoneyCurrency, _ lang: Language) -> MoneyScale {
        of(minor: values.map(\.magnitude).max() ?? 0, currency, lang)
    }

    /// The amount as a number in this unit, exactly (a sheet's numeric cell): 29,154,600,000,000
    /// fen is 2,915.46 in 亿 and 291.546 in bn; in the exact step whole yuan (fen ÷ 100).
    public func value(minor: Decimal) -> Decimal { minor / Decimal(step == .exact ? 100 : divisor) }

    /// The number alone in this unit, two decimals, rounded half up exactly.
    public func number(minor: Decimal) -> String { DecimalText.fixed(value(minor: minor), places: 2) }

    /// A decimal amount in this unit with the unit, like `text(_:)`.
    public func text(minor: Decimal) -> String { written(number(minor: minor)) }

    /// A number in this unit with the unit's word, in the order officials write it.
    func written(_ n: String) -> String {
        guard currency == .usd, lang == .en else { return n + " " + unit }
        let (sign, digits) = n.hasPrefix("-") ? ("-", String(n.dropFirst())) : ("", n)
        switch step {
        case .exact: return sign + "US$ " + digits
        case .middle: return sign + "US$ " + digits + " M"
        case .large: return sign + "US$ " + digits + " bn"
        }
    }
}

/// Decimals written with a fixed number of places, exactly.
public enum DecimalText {
    /// `value` rounded half up (away from zero) to `places` decimals, with exactly that many
    /// and thousands separators: 1234567.005 → "1,234,567.01".
    public static func fixed(_ value: Decimal, places: Int) -> String {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        let f = NumberFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.numberStyle = .decimal
        f.usesGroupingSeparator = true
        f.minimumFractionDigits = places
        f.maximumFractionDigits = places
        return f.string(from: r as NSDecimalNumber) ?? "\(r)"
    }
}
