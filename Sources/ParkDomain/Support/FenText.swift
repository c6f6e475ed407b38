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
        let m = fen.magnitude
        let steps: [(UInt64, String)] = lang == .zh
            ? [(10_000_000_000, " 亿元"), (1_000_000, " 万元")]
            : [(100_000_000_000, " bn yuan"), (100_000_000, " M yuan")]
        for (unit, name) in steps where m >= unit {
            return DecimalText.fixed(Decimal(fen) / Decimal(unit), places: 2) + name
        }
        return yuan(fen, grouped: true) + (lang == .zh ? " 元" : " yuan")
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
