import Foundation
import ParkDomain

/// Number formatting for land pages: thousands separators, fixed decimals, explicit units.
enum Fmt {
    static func grouped(_ n: Int64) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    static func number(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "—" }
        // Beyond 10^15 the digits below the decimal point are noise, and Int64 would trap.
        guard abs(x) < 1e15 else { return String(format: "%.4g", x) }
        let scaled = (x * pow(10, Double(digits))).rounded()
        let whole = Int64((scaled / pow(10, Double(digits))).rounded(.towardZero))
        let frac = Int64(abs(scaled.truncatingRemainder(dividingBy: pow(10, Double(digits)))))
        let sign = x < 0 && whole == 0 ? "-" : ""
        return digits == 0 ? grouped(Int64(scaled)) : sign + grouped(whole) + "." + String(format: "%0\(digits)lld", frac)
    }

    static func yuan(_ n: Int64, _ lang: Language) -> String { grouped(n) + " " + L.yuan(lang) }

    static func area(_ m2: Double, _ lang: Language) -> String {
        "\(number(m2, digits: 0)) \(L.m2(lang)) (\(number(AreaUnit.mu(fromSquareMetres: m2), digits: 2)) \(L.mu(lang)))"
    }

    /// A commitment value in its unit; by-date values are fractional years shown as dates elsewhere.
    static func value(_ v: Double?, kind: CommitmentKind) -> String {
        guard let v else { return "—" }
        switch kind {
        case .rdRatio: return number(v * 100, digits: 2) + " %"
        case .jobs: return number(v, digits: 0)
        default: return number(v, digits: v.magnitude >= 1000 ? 0 : 2)
        }
    }
}
