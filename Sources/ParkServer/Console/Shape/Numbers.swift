import Foundation
import ParkDomain

/// The console's one number formatter: every figure is shown with its unit, thousands
/// separators, a fixed number of decimals for its unit, ratios as percentages, yuan scaled to
/// 万元/亿元 (M/bn in English) where officials read them so, money exact (from fen, no Double).
/// A number and its unit are joined by a no-break space, so "100.00 %" never wraps before "%".
enum Numbers {
    /// The space between a figure and its unit (U+00A0, no break).
    static let unitSpace = "\u{00A0}"

    /// A count with thousands separators: "14,661".
    static func count(_ n: Int64) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    static func count(_ n: Int) -> String { count(Int64(n)) }

    /// `x` with exactly `digits` decimals and thousands separators, rounded half away from zero;
    /// "—" for a value that is not finite.
    static func decimal(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "—" }
        // Beyond 10^15 the digits below the decimal point are noise, and Int64 would trap.
        guard abs(x) < 1e15 else { return String(format: "%.4g", x) }
        let scale = pow(10, Double(digits))
        let scaled = (x * scale).rounded()
        let whole = Int64((scaled / scale).rounded(.towardZero))
        let frac = Int64(abs(scaled.truncatingRemainder(dividingBy: scale)))
        let sign = x < 0 && whole == 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? count(Int64(scaled)) : sign + count(whole) + "." + String(format: "%0\(digits)lld", frac)
    }

    /// Up to `maxDigits` decimals with trailing zeros dropped ("24.097", "1,234.5"): for inputs
    /// shown as typed (benchmarks in a scheme, parameters), not for results.
    static func trimmed(_ x: Double, maxDigits: Int = 4) -> String {
        guard x.isFinite else { return "—" }
        var s = decimal(x, digits: maxDigits)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// A ratio (0.0137) as a percentage: "1.37 %".
    static func percent(ratio: Double, digits: Int = 2) -> String {
        guard ratio.isFinite else { return "—" }
        return decimal(ratio * 100, digits: digits) + unitSpace + "%"
    }

    /// An exact ratio as a percentage: "76.75 %".
    static func percent(ratio: Decimal, digits: Int = 2) -> String {
        DecimalText.fixed(ratio * 100, places: digits) + unitSpace + "%"
    }

    /// An amount in yuan as officials read it: "1.50 亿元", "15.00 万元" / "150.00 M yuan"; below
    /// 10,000 yuan (zh) or 1 M yuan (en) the exact amount.
    static func yuan(fen: Int64, _ lang: Language) -> String {
        FenText.scaled(fen, lang).replacingOccurrences(of: " ", with: unitSpace)
    }

    /// An amount in yuan exactly, to the fen: "1,234.56 元" / "1,234.56 yuan".
    static func yuanExact(fen: Int64, _ lang: Language) -> String {
        FenText.yuan(fen, grouped: true) + unitSpace + NumberText.yuan(lang)
    }

    /// Whole yuan exactly: "516,558,222 元".
    static func yuanExact(_ yuan: Int64, _ lang: Language) -> String { count(yuan) + unitSpace + NumberText.yuan(lang) }

    /// Whole yuan as officials read them, scaled like `yuan(fen:)`: 516,558,222 yuan is
    /// "5.17 亿元" / "516.56 M yuan" (an amount beyond the fen range is held at its bound).
    static func yuan(_ yuan: Int64, _ lang: Language) -> String {
        Numbers.yuan(fen: fen(yuan: yuan), lang)
    }

    /// US dollars from cents, scaled like yuan: "28.72 亿美元", "2,500.00 万美元" / "US$ 2.87 bn",
    /// "US$ 25.00 M"; below the first step (1 万 / 1 M) exact.
    static func usd(cents: Int64, _ lang: Language) -> String {
        FenText.scaledUSD(cents, lang).replacingOccurrences(of: " ", with: unitSpace)
    }

    /// A table column of yuan (fen) in one unit, chosen from the column's largest amount, so
    /// 1.2 亿 and 3,400 万 in one column read "1.20 亿元" and "0.34 亿元".
    static func yuanColumn(fen values: [Int64], _ lang: Language) -> MoneyColumn {
        MoneyColumn(scale: .column(values, .yuan, lang))
    }

    /// A table column of whole yuan in one unit (amounts beyond the fen range held at the bound).
    static func yuanColumn(_ values: [Int64], _ lang: Language) -> MoneyColumn {
        yuanColumn(fen: values.map(fen(yuan:)), lang)
    }

    /// A table column of US$ (cents) in one unit, chosen from the column's largest amount.
    static func usdColumn(cents values: [Int64], _ lang: Language) -> MoneyColumn {
        MoneyColumn(scale: .column(values, .usd, lang))
    }

    /// Whole yuan as fen, held at the bound instead of trapping.
    static func fen(yuan: Int64) -> Int64 {
        let (fen, o) = yuan.multipliedReportingOverflow(by: 100)
        return o ? (yuan > 0 ? .max : .min) : fen
    }

    /// `x` in `unit`, with the unit's decimals: "12.50 亩", "1.37 %", "3,200 kWh".
    static func measure(_ x: Double?, _ unit: MeasureUnit, _ lang: Language) -> String {
        guard let x, x.isFinite else { return "—" }
        if unit.isRatio { return percent(ratio: x, digits: unit.digits) }
        let label = unit.label.text(lang)
        return decimal(x, digits: unit.digits) + (label.isEmpty ? "" : unitSpace + label)
    }
}

/// Amounts of one table column written in one unit (`Numbers.yuanColumn`, `usdColumn`).
struct MoneyColumn: Sendable {
    let scale: MoneyScale

    /// The amount in the column's unit with the unit: "0.34 亿元", "US$ 0.80 bn".
    func callAsFunction(_ minor: Int64) -> String { scale.text(minor).replacingOccurrences(of: " ", with: Numbers.unitSpace) }

    /// Whole yuan in the column's unit.
    func yuan(_ yuan: Int64) -> String { self(Numbers.fen(yuan: yuan)) }

    /// The column's unit alone, for a header: "亿元", "US$ M".
    var unit: String { scale.unit.replacingOccurrences(of: " ", with: Numbers.unitSpace) }
}

/// A unit a figure is shown in, with its number of decimals. Modules add their own
/// (`static let taxPerMu = MeasureUnit(...)`) next to their indicators.
struct MeasureUnit: Sendable, Equatable {
    var label: Bilingual
    var digits: Int
    /// A ratio (0.0137) shown as a percentage (1.37 %).
    var isRatio = false

    static let ratio = MeasureUnit(label: Bilingual(zh: "", en: ""), digits: 2, isRatio: true)
    static let count = MeasureUnit(label: Bilingual(zh: "", en: ""), digits: 0)
    static let persons = MeasureUnit(label: Bilingual(zh: "人", en: "people"), digits: 0)
    static let mu = MeasureUnit(label: Bilingual(zh: "亩", en: "mu"), digits: 2)
    static let squareMetres = MeasureUnit(label: Bilingual(zh: "平方米", en: "m²"), digits: 0)
    static let yuan = MeasureUnit(label: Bilingual(zh: "元", en: "yuan"), digits: 2)
    static let yuanPerMu = MeasureUnit(label: Bilingual(zh: "元/亩", en: "yuan/mu"), digits: 0)
    static let wanYuanPerMu = MeasureUnit(label: Bilingual(zh: "万元/亩", en: "10k yuan/mu"), digits: 2)
    static let tonnesCoal = MeasureUnit(label: Bilingual(zh: "吨标煤", en: "t standard coal"), digits: 2)
    static let kWh = MeasureUnit(label: Bilingual(zh: "千瓦时", en: "kWh"), digits: 0)
    static let tonnes = MeasureUnit(label: Bilingual(zh: "吨", en: "t"), digits: 2)
    static let score = MeasureUnit(label: Bilingual(zh: "分", en: "points"), digits: 2)
}

/// The units' words used by `Numbers`.
enum NumberText: TextCatalogue {
    case yuan
    /// A month as "2026年11月" / "Nov 2026" (our own labels: a browser's month picker shows its
    /// own language's month names, English in a Chinese page).
    case yearMonth, jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec
    /// The empty choice of an optional month.
    case anyMonth

    var text: Bilingual {
        switch self {
        case .yuan: B("元", "yuan")
        case .yearMonth: B("{year}年{month}", "{month} {year}")
        case .jan: B("1月", "Jan")
        case .feb: B("2月", "Feb")
        case .mar: B("3月", "Mar")
        case .apr: B("4月", "Apr")
        case .may: B("5月", "May")
        case .jun: B("6月", "Jun")
        case .jul: B("7月", "Jul")
        case .aug: B("8月", "Aug")
        case .sep: B("9月", "Sep")
        case .oct: B("10月", "Oct")
        case .nov: B("11月", "Nov")
        case .dec: B("12月", "Dec")
        case .anyMonth: B("（不限）", "(any)")
        }
    }

    static let months: [NumberText] = [.jan, .feb, .mar, .apr, .may, .jun, .jul, .aug, .sep, .oct, .nov, .dec]
}

extension Numbers {
    /// "2026年11月" / "Nov 2026".
    static func month(_ m: YearMonth, _ lang: Language) -> String {
        NumberText.yearMonth(lang, ["year": String(m.year), "month": NumberText.months[m.month - 1](lang)])
    }
}
