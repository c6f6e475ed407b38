import Foundation

/// Number and unit texts for assessment traces and alerts: thousands separators, fixed
/// decimals, explicit units (yuan, 万元, mu). Locale-independent, so a trace reads the same on
/// every machine.
enum AssessmentText {
    /// `x` rounded to `decimals` places with a comma every three digits: 4500000 → "4,500,000".
    static func grouped(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(decimals)f", abs(x))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        out.insert(contentsOf: digits, at: 0)
        let sign = x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A number with up to `maxDecimals` places, trailing zeros dropped: 1.125 → "1.125", 1 → "1".
    static func plain(_ x: Double, maxDecimals: Int = 3) -> String {
        var text = grouped(x, decimals: maxDecimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Whole yuan with the 万元 figure: "450,000,000 yuan (45,000 万元)".
    static func yuan(_ x: Double) -> String {
        abs(x) >= 10_000 ? "\(grouped(x)) yuan (\(plain(x / 10_000, maxDecimals: 2)) 万元)" : "\(plain(x, maxDecimals: 2)) yuan"
    }

    /// Yuan per mu with the 万元 figure: "4,500,000 yuan/mu (450 万元/mu)".
    static func yuanPerMu(_ x: Double) -> String {
        abs(x) >= 10_000 ? "\(grouped(x)) yuan/mu (\(plain(x / 10_000, maxDecimals: 2)) 万元/mu)" : "\(plain(x, maxDecimals: 2)) yuan/mu"
    }

    /// An area in mu: "100 mu", "37.52 mu".
    static func mu(_ x: Double) -> String { "\(plain(x, maxDecimals: 2)) mu" }

    /// A share as a percentage: 0.032 → "3.20 %".
    static func percent(_ x: Double) -> String { "\(grouped(x * 100, decimals: 2)) %" }

    /// A score with one decimal, or more when one decimal would hide which side of a threshold
    /// it falls (89.96 is shown "89.96", not "90.0", next to "< 90").
    static func score(_ s: Double, against thresholds: [Double]) -> String {
        for decimals in 1...6 {
            let text = grouped(s, decimals: decimals)
            let shown = Double(text.replacingOccurrences(of: ",", with: "")) ?? s
            let agrees = thresholds.allSatisfy { t in
                (shown < t - AssessmentRules.tolerance) == (s < t - AssessmentRules.tolerance)
            }
            if agrees { return text }
        }
        return "\(s)"
    }

    /// The value of a commitment kind in its unit.
    static func value(_ x: Double, kind: CommitmentKind, label: String = "") -> String {
        switch kind {
        case .totalInvestment: yuan(x)
        case .investmentIntensity, .taxPerMu, .outputPerMu: yuanPerMu(x)
        case .rdRatio: percent(x)
        case .valueAddedPerEnergy: "\(grouped(x)) yuan/t standard coal (\(plain(x / 10_000, maxDecimals: 3)) 万元/tce)"
        case .valueAddedPerEmissions: "\(grouped(x)) yuan/t emissions"
        case .jobs: "\(plain(x, maxDecimals: 1)) employees"
        case .productionStart: plain(x, maxDecimals: 3)
        case .custom: label.isEmpty ? plain(x, maxDecimals: 4) : "\(plain(x, maxDecimals: 4)) (\(label))"
        }
    }

    /// The figures of a report year that make up the kind's yearly value, in words.
    static func terms(_ t: YearTerm, kind: CommitmentKind) -> String {
        switch kind {
        case .totalInvestment: "investment to date \(yuan(t.num))"
        case .investmentIntensity: "investment to date \(yuan(t.num)) ÷ \(mu(t.den))"
        case .taxPerMu: "tax \(yuan(t.num)) ÷ \(mu(t.den))"
        case .outputPerMu: "revenue \(yuan(t.num)) ÷ \(mu(t.den))"
        case .rdRatio: "R&D \(yuan(t.num)) ÷ revenue \(yuan(t.den))"
        case .valueAddedPerEnergy: "value added \(yuan(t.num)) ÷ \(plain(t.den, maxDecimals: 2)) t standard coal"
        case .valueAddedPerEmissions: "value added \(yuan(t.num)) ÷ \(plain(t.den, maxDecimals: 2)) t emissions"
        case .jobs: "average employees \(plain(t.num, maxDecimals: 1))"
        case .productionStart, .custom: plain(t.num, maxDecimals: 4)
        }
    }

    /// What the numerator and denominator of a pooled ratio are called (Σ R&D ÷ Σ revenue).
    static func pooledNames(_ kind: CommitmentKind) -> (String, String) {
        switch kind {
        case .rdRatio: ("R&D", "revenue")
        case .valueAddedPerEnergy: ("value added", "energy (t standard coal)")
        case .valueAddedPerEmissions: ("value added", "emissions (t)")
        case .taxPerMu: ("tax", "area")
        case .outputPerMu: ("revenue", "area")
        case .jobs: ("average employees", "1")
        default: ("value", "1")
        }
    }
}

extension CommitmentKind {
    /// The indicator's name in both languages, as alerts and traces say it.
    var indicatorName: Bilingual {
        switch self {
        case .totalInvestment: Bilingual(zh: "固定资产投资总额", en: "total investment")
        case .investmentIntensity: Bilingual(zh: "投资强度", en: "investment intensity")
        case .productionStart: Bilingual(zh: "投产时间", en: "production start")
        case .taxPerMu: Bilingual(zh: "亩均税收", en: "tax per mu")
        case .outputPerMu: Bilingual(zh: "亩均产出", en: "output per mu")
        case .rdRatio: Bilingual(zh: "研发投入占比", en: "R&D ratio")
        case .valueAddedPerEnergy: Bilingual(zh: "单位能耗增加值", en: "value added per unit energy")
        case .valueAddedPerEmissions: Bilingual(zh: "单位排放增加值", en: "value added per unit emissions")
        case .jobs: Bilingual(zh: "就业人数", en: "jobs")
        case .custom: Bilingual(zh: "其他约定指标", en: "custom indicator")
        }
    }

    /// The unit of the kind's values in both languages.
    var unitName: Bilingual {
        switch self {
        case .totalInvestment: Bilingual(zh: "元", en: "yuan")
        case .investmentIntensity, .taxPerMu, .outputPerMu: Bilingual(zh: "元/亩", en: "yuan/mu")
        case .rdRatio: Bilingual(zh: "（比例）", en: "(share)")
        case .valueAddedPerEnergy: Bilingual(zh: "元/吨标煤", en: "yuan/t standard coal")
        case .valueAddedPerEmissions: Bilingual(zh: "元/吨", en: "yuan/t")
        case .jobs: Bilingual(zh: "人", en: "employees")
        case .productionStart, .custom: Bilingual(zh: "", en: "")
        }
    }
}
