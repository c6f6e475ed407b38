import Foundation

/// How a kind's yearly figures add up over several years.
enum IndicatorShape: Sendable {
    /// Already cumulative (investment to date): the cumulative measure is the latest value.
    case stock
    /// A yearly flow over a fixed denominator (area or 1): cumulative = Σ numerator ÷ denominator.
    case flow
    /// A ratio of two yearly flows: cumulative = Σ numerator ÷ Σ denominator (the pooled ratio).
    case pooledRatio
}

extension CommitmentKind {
    var shape: IndicatorShape {
        switch self {
        case .totalInvestment, .investmentIntensity: .stock
        case .rdRatio, .valueAddedPerEnergy, .valueAddedPerEmissions: .pooledRatio
        case .taxPerMu, .outputPerMu, .jobs, .custom, .productionStart: .flow
        }
    }
}

/// One report year's figures for a kind: the yearly value is `num ÷ den`.
struct YearTerm: Sendable, Hashable {
    let year: Int
    let num: Double
    let den: Double
    var value: Double { num / den }
}

/// The rules shared by the scalar engine (`AssessmentEngine`) and the columnar one
/// (`AssessmentBatch`), so both give bit-for-bit the same ratios, scores and proposals.
enum AssessmentRules {
    /// A ratio within this of 1 counts as met; scores within this of a threshold reach it.
    static let tolerance = 1e-9

    /// value ÷ target for at-least (target ≤ 0: ratio 1), target ÷ value for at-most
    /// (value ≤ 0: ratio 1); never below 0.
    @inline(__always)
    static func ratio(value: Double, target: Double, atMost: Bool) -> Double {
        if atMost { return value <= 0 ? 1 : Swift.max(0, target / value) }
        return target <= 0 ? 1 : Swift.max(0, value / target)
    }

    @inline(__always)
    static func isMet(_ ratio: Double) -> Bool { ratio >= 1 - tolerance }

    /// The proposal for a score: see `AssessmentEngine` for the rules in words.
    /// - Parameter weighted: whether any commitment carries weight (Σ weight > 0).
    @inline(__always)
    static func decide(score: Double, weighted: Bool, allMandatoryMet: Bool, firstTermYears: Int,
                       maxTotalYears: Int, ruleset: AssessmentRuleset) -> (kind: ProposalKind, years: Int) {
        let maxN = Swift.max(0, maxTotalYears - firstTermYears)
        let shortN = Swift.min(Swift.max(0, ruleset.shortExtensionYears), maxN)
        guard weighted else { return allMandatoryMet ? (.extendShort, shortN) : (.reclaim, 0) }
        if score >= ruleset.fullExtensionMinScore - tolerance,
           allMandatoryMet || !ruleset.mandatoryRequiredForFull {
            return (.extendFull, maxN)
        }
        if score >= ruleset.shortExtensionMinScore - tolerance { return (.extendShort, shortN) }
        return (.reclaim, 0)
    }
}

/// Yearly series of a lease's reports, per commitment kind.
enum AssessmentSeries {
    /// The reports an assessment as of a year may use: year ≤ `upToYear`, sorted by year; when
    /// a year appears twice the later one in `reports` wins (a correction replaces the original).
    static func usable(_ reports: [PerformanceReport], upToYear: Int) -> [PerformanceReport] {
        let sorted = reports.enumerated()
            .filter { $0.element.year <= upToYear }
            .sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }
            .map(\.element)
        var out: [PerformanceReport] = []
        out.reserveCapacity(sorted.count)
        for r in sorted {
            if let last = out.last, last.year == r.year { out[out.count - 1] = r } else { out.append(r) }
        }
        return out
    }

    /// A report's numerator and denominator for `kind`; nil when the year's value is undefined
    /// (a zero denominator: no revenue, no energy, no area; a custom figure not reported).
    static func term(_ kind: CommitmentKind, label: String, report r: PerformanceReport, areaMu: Double) -> YearTerm? {
        let pair: (Double, Double)
        switch kind {
        case .totalInvestment: pair = (Double(r.investmentToDateYuan), 1)
        case .investmentIntensity: pair = (Double(r.investmentToDateYuan), areaMu)
        case .taxPerMu: pair = (Double(r.taxPaidYuan), areaMu)
        case .outputPerMu: pair = (Double(r.revenueYuan), areaMu)
        case .rdRatio: pair = (Double(r.rdSpendYuan), Double(r.revenueYuan))
        case .valueAddedPerEnergy: pair = (Double(r.valueAddedYuan), r.energyTonnesCoal)
        case .valueAddedPerEmissions: pair = (Double(r.valueAddedYuan), r.emissionsTonnes)
        case .jobs: pair = (Double(r.averageEmployees), 1)
        case .custom:
            guard let v = r.custom[label] else { return nil }
            pair = (v, 1)
        case .productionStart: return nil
        }
        return pair.1 > 0 ? YearTerm(year: r.year, num: pair.0, den: pair.1) : nil
    }

    /// The yearly terms of `kind` over already usable (sorted, de-duplicated) reports.
    static func terms(_ kind: CommitmentKind, label: String, reports: [PerformanceReport], areaMu: Double) -> [YearTerm] {
        reports.compactMap { term(kind, label: label, report: $0, areaMu: areaMu) }
    }

    /// The measured value over `terms` (ascending years); nil when there are none.
    /// - latest: the last year's value.
    /// - cumulative: stock kinds the latest value; flows Σ num ÷ den; pooled ratios Σ num ÷ Σ den.
    /// - averageLastYears: the mean of the last min(k, n) yearly values, summed from the latest back.
    static func measure(_ terms: [YearTerm], kind: CommitmentKind, measure: CommitmentMeasure, years k: Int) -> Double? {
        guard let last = terms.last else { return nil }
        switch measure {
        case .latest:
            return last.num / last.den
        case .cumulative:
            switch kind.shape {
            case .stock: return last.num / last.den
            case .flow:
                var sum = 0.0
                for t in terms { sum += t.num }
                return sum / last.den
            case .pooledRatio:
                var num = 0.0, den = 0.0
                for t in terms { num += t.num; den += t.den }
                return num / den
            }
        case .averageLastYears:
            let m = Swift.min(Swift.max(k, 1), terms.count)
            var sum = 0.0
            for t in terms.suffix(m).reversed() { sum += t.num / t.den }
            return sum / Double(m)
        }
    }

    /// The earliest production start date among usable reports.
    static func productionStart(_ reports: [PerformanceReport]) -> (date: LocalDate, year: Int)? {
        var best: (date: LocalDate, year: Int)?
        for r in reports {
            guard let d = r.productionStartDate else { continue }
            if best == nil || d < best!.date { best = (d, r.year) }
        }
        return best
    }
}
