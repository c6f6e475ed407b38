import Foundation

/// Indicator values as officials read them in each language, through the one money formatter
/// (`MoneyScale`, as every amount in ParkOS): a published 2,915.46 亿元 reads "2,915.46 亿元" in
/// Chinese and "291.55 bn yuan" in English (1 亿 = 0.1 bn), 12.8 亿美元 "12.80 亿美元" /
/// "US$ 1.28 bn", 5,000 万元 "5,000.00 万元" / "50.00 M yuan". The catalogue's `label` stays the
/// unit values are published and imported in; it is never written after a scaled number.
extension IndicatorUnit {
    /// The currency of a money unit; nil for a count.
    public var money: MoneyCurrency? {
        switch currency {
        case .cny: .yuan
        case .usd: .usd
        case .count: nil
        }
    }

    /// Decimals of a count of units (none) or of anything scaled (two).
    public var places: Int { currency == .count && scale == .one ? 0 : 2 }

    /// A value in this unit as minor units (fen, cents), exactly: 2,915.46 亿元 is
    /// 2,915.46 × 10^8 × 100 = 29,154,600,000,000 fen (a decimal: a published value may exceed Int64's fen).
    public func minor(_ value: Decimal) -> Decimal { value * scale.factor * 100 }

    /// The one scale `values` are written in together (a tile, a row of a sheet, a chart, a
    /// column): that of the largest (`MoneyScale.column`); nil for a count.
    public func moneyScale(_ values: [Decimal?], _ lang: Language) -> MoneyScale? {
        money.map { MoneyScale.column(minor: values.compactMap { $0 }.map(minor), $0, lang) }
    }

    /// A value in its own scale: "2,915.46 亿元" / "291.55 bn yuan"; a count "14,661 家" / "14,661 enterprises".
    public func text(_ value: Decimal, _ lang: Language) -> String { text(value, in: moneyScale([value], lang), lang) }

    /// A value in a given scale (one unit for several values); a count (no scale) with its label.
    public func text(_ value: Decimal, in scale: MoneyScale?, _ lang: Language) -> String {
        guard let scale, money != nil else { return DecimalText.fixed(value, places: places) + " " + label.text(lang) }
        return scale.text(minor: minor(value))
    }

    /// A value in a given scale as a number, exactly (a sheet's cell): 2,915.46 亿元 in bn is 291.546.
    public func number(_ value: Decimal, in scale: MoneyScale?) -> Decimal {
        guard let scale, money != nil else { return value }
        return scale.value(minor: minor(value))
    }

    /// The unit's word in a given scale: "亿元", "bn yuan", "US$ bn"; a count's label ("家").
    public func unitText(in scale: MoneyScale?, _ lang: Language) -> String {
        guard let scale, money != nil else { return label.text(lang) }
        return scale.unit
    }
}
