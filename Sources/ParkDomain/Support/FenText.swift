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
