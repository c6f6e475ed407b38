import Foundation
import ParkDomain

/// Land figures with their units, through `Numbers`.
enum Fmt {
    /// Prices and compensation as officials read them: 万元/亿元, millions.
    static func yuan(_ n: Int64, _ lang: Language) -> String { Numbers.yuan(n, lang) }

    static func area(_ m2: Double, _ lang: Language) -> String {
        "\(Numbers.decimal(m2, digits: 0)) \(LandText.m2(lang)) (\(Numbers.decimal(AreaUnit.mu(fromSquareMetres: m2), digits: 2)) \(LandText.mu(lang)))"
    }

    /// A commitment value in its unit; by-date values are fractional years shown as dates elsewhere.
    static func value(_ v: Double?, kind: CommitmentKind) -> String {
        guard let v else { return "—" }
        switch kind {
        case .rdRatio: return Numbers.percent(ratio: v)
        case .jobs: return Numbers.decimal(v, digits: 0)
        default: return Numbers.decimal(v, digits: v.magnitude >= 1000 ? 0 : 2)
        }
    }
}
