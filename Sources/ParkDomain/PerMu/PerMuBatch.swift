import Foundation

/// The scores, grades and ranks of a whole-park batch run, one entry per row of the columns.
public struct PerMuBatchResult: Sendable, Hashable {
    /// Total points (Σ weight × normalised score); NaN unless graded.
    public var scores: [Double]
    /// `PerMuGrade.code` (0 A … 3 D), `PerMuBatch.ungraded` or `PerMuBatch.outOfScope`.
    public var grades: [UInt8]
    /// Rank in the ranking pool (the group, or the whole park), ties sharing the best rank; 0
    /// unless graded.
    public var parkRanks: [Int32]
    /// Rank among the pool's rows of the same cluster; 0 unless graded with a cluster.
    public var clusterRanks: [Int32]
}

/// The columnar twin of `PerMuEvaluator` for whole-park runs (1,000,000 enterprise-years and
/// more, single core): the same rules (`PerMuEvaluator` documents them) over `PerMuColumns`,
/// whose rows are units already merged, without texts, treatments or history. Each row's
/// score, grade, park rank and cluster rank equal the scalar engine's, bit for bit: both use
/// `PerMuPlan`'s arithmetic in the same order.
///
/// Work: one pass scores every row (scope, values, missing rules) and sums each indicator's
/// scores; rows missing a value scored by the indicator's average keep their scores aside and
/// are summed again once the averages are known; a scheme with computed benchmarks or min–max
/// scaling first gathers the year's values (one more pass, plus a sort of each such
/// indicator's values for a median). Ranking packs each graded row into a 64-bit key (pool,
/// truncated order-preserving score, cluster, row), sorts the keys with an LSD radix sort
/// (3 passes for a million rows), orders the rare runs of equal truncated scores by the full
/// score, and walks the keys once (`rankAndGrade(scores:grades:graded:cluster:clusterCount:grading:parkRanks:clusterRanks:)`).
/// Allocation is per call (a few arrays of the row count), never per row.
///
/// Benchmarks/permu-bench times it on 1,000,000 seeded rows (Huangyan 2022 preset, one core)
/// and Benchmarks/permu_numpy_baseline.py times the vectorised NumPy version on the same rows.
public enum PerMuBatch {
    /// Grade code of an in-scope row left ungraded by a missing value.
    public static let ungraded: UInt8 = 254
    /// `ungraded`, for code where a local of that name shadows it.
    static let ungradedCode = ungraded
    /// Grade code of a row the scope leaves out.
    public static let outOfScope: UInt8 = 255

    /// Scores, ranks and grades every row of `c` under `scheme` (validated first).
    public static func run(_ c: PerMuColumns, scheme: PerMuScheme) throws(DomainError) -> PerMuBatchResult {
        try scheme.validate()
        let n = c.count
        guard n > 0 else { return PerMuBatchResult(scores: [], grades: [], parkRanks: [], clusterRanks: []) }
        precondition(n < Int(UInt32.max), "PerMuBatch packs row numbers in 32 bits")
        var plan = PerMuPlan(scheme)
        var scores = [Double](repeating: .nan, count: n)
        // Until ranking, `grades` holds each row's state: its group code (0, 1) when graded.
        var grades = [UInt8](repeating: outOfScope, count: n)
        var parkRanks = [Int32](repeating: 0, count: n), clusterRanks = [Int32](repeating: 0, count: n)
        withPointers(c) { p in
            if plan.needsStats { gatherStats(p, n: n, plan: &plan) }
            scores.withUnsafeMutableBufferPointer { s in
                grades.withUnsafeMutableBufferPointer { g in
                    let (graded, clusterCount) = score(p, plan: plan, scores: s, grades: g)
                    parkRanks.withUnsafeMutableBufferPointer { pr in
                        clusterRanks.withUnsafeMutableBufferPointer { cr in
                            rankAndGrade(scores: UnsafeBufferPointer(s), grades: g, graded: graded, cluster: p.cluster,
                                         clusterCount: clusterCount, grading: plan.grading, parkRanks: pr, clusterRanks: cr)
                        }
                    }
                }
            }
        }
        return PerMuBatchResult(scores: scores, grades: grades, parkRanks: parkRanks, clusterRanks: clusterRanks)
    }

    /// The plan's indicators bound to the columns, above-size group first, and where each group's start.
    static func terms(_ p: Pointers, plan: PerMuPlan) -> (terms: [Term], start: (Int, Int), end: (Int, Int)) {
        let terms = (plan.groups[0] + plan.groups[1]).map { item in
            let t = p.terms(item.code)
            return Term(num: t.num, den: t.den, scale: t.scale, item: item)
        }
        let a = plan.groups[0].count
        return (terms, (0, a), (a, terms.count))
    }

    /// Whether row `i` is in scope (as `PerMuPlan.scopeCode(...) == 0`).
    @inline(__always)
    static func inScope(_ p: Pointers, _ i: Int, _ scope: PerMuScope) -> Bool {
        let land = p.land[i]
        guard land > 0 else { return false }
        if p.group[i] == 0 {
            guard scope.includeAboveSize && land >= scope.aboveSizeMinimumMu else { return false }
        } else {
            guard let minimum = scope.belowSizeMinimumMu, land >= minimum else { return false }
        }
        return p.producing[i] != 0 || (scope.includeNotProducingPastContractedDate && p.past[i] != 0)
    }

    /// Scores every row into `scores` and its state into `grades` (group code when graded,
    /// `ungraded`, or left `outOfScope`); returns the number of graded rows and 1 + the
    /// largest cluster code among them.
    static func score(_ p: Pointers, plan: PerMuPlan, scores: UnsafeMutableBufferPointer<Double>,
                      grades: UnsafeMutableBufferPointer<UInt8>) -> (graded: Int, clusterCount: Int) {
        let (termArray, start, end) = terms(p, plan: plan)
        let scope = plan.scope, count = termArray.count
        // Whether a group has an indicator that can leave a row ungraded: only then must a row's
        // scores wait for all its values before they count in the averages.
        let mayUngrade = (plan.groups[0].contains { $0.missing == 2 }, plan.groups[1].contains { $0.missing == 2 })
        var graded = 0, clusterCount = 0
        var fillRows: [Int32] = [], fillScores: [Double] = []
        termArray.withUnsafeBufferPointer { t in
            // sums of present scores [0, count), their counts [count, 2 count), the row's scores after.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count + 8) { scratch in
                scratch.initialize(repeating: 0)
                let sums = scratch.baseAddress!, counts = sums + count, buf = sums + 2 * count
                for i in 0..<scores.count {
                    guard inScope(p, i, scope) else { continue }
                    let above = p.group[i] == 0
                    let s0 = above ? start.0 : end.0, s1 = above ? start.1 : end.1
                    var total = 0.0, needsFill = false, ungraded = false
                    if !(above ? mayUngrade.0 : mayUngrade.1) {
                        for k in s0..<s1 {
                            let s = t[k].score(i)
                            buf[k - s0] = s
                            if s.isNaN {
                                if t[k].item.missing == 0 { needsFill = true }
                                total += t[k].item.weight * 0
                            } else {
                                sums[k] += s
                                counts[k] += 1
                                total += t[k].item.weight * s
                            }
                        }
                    } else {
                        for k in s0..<s1 {
                            let s = t[k].score(i)
                            buf[k - s0] = s
                            if s.isNaN {
                                let rule = t[k].item.missing
                                if rule == 2 { ungraded = true } else if rule == 0 { needsFill = true }
                                total += t[k].item.weight * 0
                            } else {
                                total += t[k].item.weight * s
                            }
                        }
                        if ungraded { grades[i] = ungradedCode; continue }
                        for k in s0..<s1 where !buf[k - s0].isNaN {
                            sums[k] += buf[k - s0]
                            counts[k] += 1
                        }
                    }
                    grades[i] = above ? 0 : 1
                    graded += 1
                    if needsFill {
                        fillRows.append(Int32(i))
                        for k in s0..<s1 { fillScores.append(buf[k - s0]) }
                    } else {
                        scores[i] = total
                    }
                    let cl = Int(p.cluster[i]) + 1
                    if cl > clusterCount { clusterCount = cl }
                }
                // Rows missing a value scored by the indicator's average: the whole sum again, in
                // order, from the row's scores kept aside.
                for k in 0..<count { sums[k] = counts[k] > 0 ? sums[k] / counts[k] : 0 }
                var f = 0
                for i32 in fillRows {
                    let i = Int(i32), above = p.group[i] == 0
                    let s0 = above ? start.0 : end.0, s1 = above ? start.1 : end.1
                    var total = 0.0
                    for k in s0..<s1 {
                        let s = fillScores[f]
                        f += 1
                        total += t[k].item.weight * (s.isNaN ? (t[k].item.missing == 0 ? sums[k] : 0) : s)
                    }
                    scores[i] = total
                }
            }
        }
        return (graded, clusterCount)
    }

    /// Computes the year's statistics of the items that need them, over the graded rows.
    static func gatherStats(_ p: Pointers, n: Int, plan: inout PerMuPlan) {
        let (t, start, end) = terms(p, plan: plan)
        var values = [[Double]](repeating: [], count: t.count)
        var row = [Double](repeating: 0, count: t.count)
        for i in 0..<n where inScope(p, i, plan.scope) {
            let above = p.group[i] == 0
            let s0 = above ? start.0 : end.0, s1 = above ? start.1 : end.1
            var ungraded = false
            for k in s0..<s1 {
                let den = t[k].den[i], v = den > 0 ? t[k].num[i] * t[k].scale / den : .nan
                row[k] = v.isFinite ? v : .nan
                if row[k].isNaN && t[k].item.missing == 2 { ungraded = true }
            }
            guard !ungraded else { continue }
            for k in s0..<s1 where t[k].item.needsStats && !row[k].isNaN { values[k].append(row[k]) }
        }
        for k in t.indices where t[k].item.needsStats {
            let g = k < start.1 ? 0 : 1
            plan.setStats(group: g, item: k - (g == 0 ? 0 : start.1), values: values[k])
        }
    }
}
