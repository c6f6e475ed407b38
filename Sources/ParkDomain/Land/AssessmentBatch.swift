import Foundation

/// The proposals of a whole-park run, one entry per lease of the columns.
public struct AssessmentBatchResult: Sendable, Hashable {
    /// 100 × Σ(weight × min(ratio, cap)) ÷ Σ weight, as `AssessmentProposal.score`.
    public var scores: [Double]
    /// The proposal per lease.
    public var kinds: [ProposalKind]
    /// Years proposed after the first term (0 for reclaim).
    public var extensionYears: [Int32]
    /// Whether every mandatory commitment was met.
    public var allMandatoryMet: [Bool]
}

/// The columnar twin of `AssessmentEngine` for whole-park runs (100,000 leases and more): the
/// same rules (`AssessmentEngine` documents them) over plain arrays, without traces, so each
/// lease's score, proposal kind and extension years equal the scalar engine's. The per-lease
/// loop allocates nothing.
///
/// One limit: `custom` commitments are counted as missing (ratio 0), because their figures live
/// in each report's dictionary; the caller assesses the leases in
/// `AssessmentColumns.leasesWithCustomCommitments` with `AssessmentEngine` instead.
public enum AssessmentBatch {
    /// Assesses every lease of `c` as of `asOf` (report rows with year ≤ asOf.year) under `ruleset`.
    public static func run(_ c: AssessmentColumns, asOf: LocalDate, ruleset: AssessmentRuleset) -> AssessmentBatchResult {
        let n = c.leaseCount
        var scores = [Double](repeating: 0, count: n)
        var kinds = [ProposalKind](repeating: .reclaim, count: n)
        var extensions = [Int32](repeating: 0, count: n)
        var allMet = [Bool](repeating: false, count: n)
        let asOfYear = Int32(clamping: asOf.year), asOfDay = Int32(clamping: asOf.dayNumber)
        let cap = ruleset.ratioCap
        for l in 0..<n {
            let rs = Int(c.reportStart[l])
            var re = rs + Int(c.reportCount[l])
            while re > rs && c.year[re - 1] > asOfYear { re -= 1 }
            let area = c.areaMu[l]
            let cs = Int(c.commitmentStart[l]), ce = cs + Int(c.commitmentCount[l])
            var weighted = 0.0, weightSum = 0.0
            var mandatoryMet = true
            for k in cs..<ce {
                let ratio = commitmentRatio(c, k, rs: rs, re: re, area: area, asOfDay: asOfDay)
                if c.mandatory[k] != 0 && !AssessmentRules.isMet(ratio) { mandatoryMet = false }
                let w = c.weight[k]
                weighted += w * Swift.min(ratio, cap)
                weightSum += w
            }
            let score = weightSum > 0 ? 100 * weighted / weightSum : 0
            let decision = AssessmentRules.decide(score: score, weighted: weightSum > 0, allMandatoryMet: mandatoryMet,
                                                  firstTermYears: Int(c.firstTermYears[l]),
                                                  maxTotalYears: Int(c.maxTotalYears[l]), ruleset: ruleset)
            scores[l] = score
            kinds[l] = decision.kind
            extensions[l] = Int32(decision.years)
            allMet[l] = mandatoryMet
        }
        return AssessmentBatchResult(scores: scores, kinds: kinds, extensionYears: extensions, allMandatoryMet: allMet)
    }

    /// The achievement ratio of commitment `k` over report rows `rs..<re` (already cut at the
    /// assessment year).
    @inline(__always)
    static func commitmentRatio(_ c: AssessmentColumns, _ k: Int, rs: Int, re: Int, area: Double, asOfDay: Int32) -> Double {
        let kind = c.kind[k]
        if kind == AssessmentColumns.Kind.productionStart {
            let due = c.targetDay[k]
            guard due != Int32.min else { return 0 }
            var earliest = Int32.max
            for r in rs..<re {
                let d = c.productionStartDay[r]
                if d != Int32.min && d < earliest { earliest = d }
            }
            return earliest != Int32.max && earliest <= due && earliest <= asOfDay ? 1 : 0
        }
        let direction = c.direction[k]
        guard direction != 2, kind != AssessmentColumns.Kind.custom,
              let value = measuredValue(c, kind: kind, measure: c.measure[k], years: Int(c.years[k]), rs: rs, re: re, area: area)
        else { return 0 }
        return AssessmentRules.ratio(value: value, target: c.target[k], atMost: direction == 1)
    }

    /// The yearly numerator and denominator of `kind` in report row `r` (see `AssessmentSeries.term`).
    @inline(__always)
    static func term(_ c: AssessmentColumns, kind: UInt8, row r: Int, area: Double) -> (num: Double, den: Double) {
        switch kind {
        case AssessmentColumns.Kind.totalInvestment: (c.investmentToDate[r], 1)
        case AssessmentColumns.Kind.investmentIntensity: (c.investmentToDate[r], area)
        case AssessmentColumns.Kind.taxPerMu: (c.tax[r], area)
        case AssessmentColumns.Kind.outputPerMu: (c.revenue[r], area)
        case AssessmentColumns.Kind.rdRatio: (c.rdSpend[r], c.revenue[r])
        case AssessmentColumns.Kind.valueAddedPerEnergy: (c.valueAdded[r], c.energy[r])
        case AssessmentColumns.Kind.valueAddedPerEmissions: (c.valueAdded[r], c.emissions[r])
        case AssessmentColumns.Kind.jobs: (c.employees[r], 1)
        default: (0, 0)
        }
    }

    /// The measured value over rows `rs..<re`, as `AssessmentSeries.measure` computes it over the
    /// same years: the same operations in the same order, so the results are identical.
    @inline(__always)
    static func measuredValue(_ c: AssessmentColumns, kind: UInt8, measure: UInt8, years: Int, rs: Int, re: Int,
                              area: Double) -> Double? {
        let stock = kind == AssessmentColumns.Kind.totalInvestment || kind == AssessmentColumns.Kind.investmentIntensity
        if measure == 0 || (measure == 1 && stock) {
            var r = re - 1
            while r >= rs {
                let t = term(c, kind: kind, row: r, area: area)
                if t.den > 0 { return t.num / t.den }
                r -= 1
            }
            return nil
        }
        if measure == 1 {
            let pooled = kind == AssessmentColumns.Kind.rdRatio || kind == AssessmentColumns.Kind.valueAddedPerEnergy
                || kind == AssessmentColumns.Kind.valueAddedPerEmissions
            var num = 0.0, den = 0.0, lastDen = 0.0
            var any = false
            for r in rs..<re {
                let t = term(c, kind: kind, row: r, area: area)
                guard t.den > 0 else { continue }
                num += t.num; den += t.den; lastDen = t.den; any = true
            }
            guard any else { return nil }
            return pooled ? num / den : num / lastDen
        }
        let k = Swift.max(years, 1)
        var sum = 0.0
        var count = 0
        var r = re - 1
        while r >= rs && count < k {
            let t = term(c, kind: kind, row: r, area: area)
            if t.den > 0 { sum += t.num / t.den; count += 1 }
            r -= 1
        }
        return count > 0 ? sum / Double(count) : nil
    }
}
