import Foundation

/// A validated scheme compiled for the two engines (`PerMuEvaluator`, `PerMuBatch`), with the
/// arithmetic both use, so that they compute the same numbers with the same operations in the
/// same order and agree to the last bit.
struct PerMuPlan: Sendable {
    /// One indicator of a group, with its year's statistics once known.
    struct Item: Sendable {
        var indicator: PerMuIndicator
        var code: UInt8
        var weight: Double
        var ratio: Bool
        var lower: Bool
        var rule: PerMuBenchmarkRule
        /// The fixed benchmark, or the computed one after `setStats` (NaN: none).
        var benchmark: Double {
            didSet { inverseBenchmark = 1 / benchmark }
        }
        /// 1 ÷ benchmark: a higher-is-better ratio is value × (1 ÷ benchmark), one division per
        /// value less than value ÷ benchmark (the two differ by at most one unit in the last place).
        var inverseBenchmark = Double.nan
        /// `.infinity` when uncapped.
        var cap: Double
        var low: Double
        var high: Double
        var minValue = Double.nan
        var maxValue = Double.nan
        /// 0 average score, 1 zero, 2 ungraded.
        var missing: UInt8
        /// Whether the year's values are needed before scoring (computed benchmark or min–max).
        var needsStats: Bool { !ratio || rule != .fixed }
        /// The missing rule `missing` encodes.
        var missingRule: PerMuMissingRule { missing == 0 ? .averageScore : (missing == 1 ? .zero : .ungraded) }
    }

    /// Items per group code: [0] above-size, [1] below-size (empty when the scheme has no such group).
    var groups: [[Item]]
    let scope: PerMuScope
    let grading: PerMuGrading

    init(_ scheme: PerMuScheme) {
        scope = scheme.scope
        grading = scheme.grading
        groups = PerMuGroupKind.allCases.map { kind in
            (scheme.group(kind)?.indicators ?? []).map { r in
                var ratio = true, cap = Double.infinity, low = 0.0, high = 1.0
                switch r.normalisation {
                case .ratio(let c): cap = c ?? .infinity
                case .minMax(let l, let h): ratio = false; low = l; high = h
                }
                let missing: UInt8 = switch r.missing {
                case .averageScore: 0
                case .zero: 1
                case .ungraded: 2
                }
                let benchmark = r.benchmarkRule == .fixed ? (r.benchmark ?? .nan) : .nan
                return Item(indicator: r.indicator, code: r.indicator.code, weight: r.weight, ratio: ratio,
                            lower: r.direction == .lowerIsBetter, rule: r.benchmarkRule, benchmark: benchmark,
                            inverseBenchmark: 1 / benchmark, cap: cap, low: low, high: high, missing: missing)
            }
        }
    }

    /// Whether any item needs the year's values before scoring.
    var needsStats: Bool { groups.contains { $0.contains { $0.needsStats } } }

    /// Sets item `j` of group `g`'s statistics from the values of the group's graded units that
    /// have one, in unit order: mean = Σ ÷ n; median = middle of the sorted values (mean of the
    /// two middle ones for even n); min and max.
    mutating func setStats(group g: Int, item j: Int, values: [Double]) {
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for v in values {
            sum += v
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        groups[g][j].minValue = values.isEmpty ? .nan : lo
        groups[g][j].maxValue = values.isEmpty ? .nan : hi
        switch groups[g][j].rule {
        case .fixed: break
        case .mean: groups[g][j].benchmark = values.isEmpty ? .nan : sum / Double(values.count)
        case .median:
            let sorted = values.sorted(), n = sorted.count
            groups[g][j].benchmark = n == 0 ? .nan : (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2)
        }
    }

    /// Why a unit is out of scope: 0 in scope; 1 no land; 2 above-size not evaluated; 3 above-size
    /// below the minimum land; 4 below-size not evaluated; 5 below-size below the minimum land;
    /// 6 not producing and its contracted date not passed; 7 not producing (the scope evaluates
    /// only producing enterprises).
    @inline(__always)
    static func scopeCode(_ scope: PerMuScope, group: UInt8, landMu: Double, producing: Bool, pastDate: Bool) -> UInt8 {
        guard landMu > 0 else { return 1 }
        if group == 0 {
            guard scope.includeAboveSize else { return 2 }
            guard landMu >= scope.aboveSizeMinimumMu else { return 3 }
        } else {
            guard let minimum = scope.belowSizeMinimumMu else { return 4 }
            guard landMu >= minimum else { return 5 }
        }
        if !producing {
            guard scope.includeNotProducingPastContractedDate else { return 7 }
            guard pastDate else { return 6 }
        }
        return 0
    }

    /// The value of indicator `code` (`PerMuIndicator.code`), NaN when missing (a figure NaN, a
    /// denominator ≤ 0, or a quotient not finite).
    @inline(__always)
    static func value(_ code: UInt8, land: Double, tax: Double, valueAdded: Double, revenue: Double, energy: Double,
                      emissions: Double, employees: Double, rdSpend: Double, kWh: Double) -> Double {
        let num: Double, den: Double
        switch code {
        case 0: num = tax; den = land
        case 1: num = valueAdded; den = land
        case 2: num = valueAdded; den = energy
        case 3: num = valueAdded; den = emissions
        case 4: num = valueAdded; den = employees
        case 5: num = rdSpend; den = revenue
        case 6: num = tax * 10_000; den = kWh
        default: num = revenue; den = land
        }
        guard den > 0 else { return .nan }
        let v = num / den
        return v.isFinite ? v : .nan
    }

    /// The normalised score of a present value `v` (see `PerMuNormalisation`).
    @inline(__always)
    static func normalise(_ item: Item, _ v: Double) -> Double {
        if item.ratio {
            let b = item.benchmark
            guard b > 0 else { return 0 }
            var r = item.lower ? (v > 0 ? b / v : item.cap) : v * item.inverseBenchmark
            if r < 0 { r = 0 }
            return r < item.cap ? r : item.cap
        }
        let range = item.maxValue - item.minValue
        guard range > 0 else { return item.high }
        let t = item.lower ? (item.maxValue - v) / range : (v - item.minValue) / range
        return item.low + (item.high - item.low) * t
    }

    /// Positions (0-based, best first) below which A, B and C end under share grading of `count`
    /// ranked units: ⌊count × cumulative share ÷ 100⌋ (1e-9 absorbs decimal shares).
    static func cutoffs(count: Int, a: Double, b: Double, c: Double) -> (Int, Int, Int) {
        let n = Double(count)
        func cut(_ share: Double) -> Int { Int((n * share / 100 + 1e-9).rounded(.down)) }
        return (cut(a), cut(a + b), cut(a + b + c))
    }

    /// Ranks and grades one pool whose units are listed in `order`, best score first (ties in
    /// any order): rank = 1 + units with a strictly higher score (ties share the best rank), the
    /// same within each cluster (`cluster` -1: rank 0); grades by thresholds, or by shares with
    /// the tie rule applied to each run of equal scores.
    static func rankAndGrade(order: UnsafeBufferPointer<Int32>, scores: UnsafeBufferPointer<Double>,
                             cluster: UnsafeBufferPointer<Int32>, clusterCount: Int, grading: PerMuGrading,
                             grades: UnsafeMutableBufferPointer<UInt8>, parkRanks: UnsafeMutableBufferPointer<Int32>,
                             clusterRanks: UnsafeMutableBufferPointer<Int32>) {
        let m = order.count
        var seen = [Int32](repeating: 0, count: clusterCount)
        var cuts = (0, 0, 0), thresholds = (0.0, 0.0, 0.0), byShares = false
        switch grading.rule {
        case .thresholds(let a, let b, let c): thresholds = (a, b, c)
        case .shares(let a, let b, let c, _): cuts = cutoffs(count: m, a: a, b: b, c: c); byShares = true
        }
        let better = grading.ties == .betterGrade
        var p = 0
        while p < m {
            let s = scores[Int(order[p])]
            var q = p + 1
            while q < m && scores[Int(order[q])] == s { q += 1 }
            let grade: UInt8
            if byShares {
                let pos = better ? p : q - 1
                grade = pos < cuts.0 ? 0 : (pos < cuts.1 ? 1 : (pos < cuts.2 ? 2 : 3))
            } else {
                grade = s >= thresholds.0 ? 0 : (s >= thresholds.1 ? 1 : (s >= thresholds.2 ? 2 : 3))
            }
            for k in p..<q {
                let i = Int(order[k]), c = Int(cluster[i])
                grades[i] = grade
                parkRanks[i] = Int32(p + 1)
                clusterRanks[i] = c >= 0 ? seen[c] + 1 : 0
            }
            for k in p..<q {
                let c = Int(cluster[Int(order[k])])
                if c >= 0 { seen[c] += 1 }
            }
            p = q
        }
    }
}
