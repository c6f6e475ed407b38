import Foundation

extension PerMuBatch {
    /// Ranks and grades the graded rows (state 0 or 1 in `grades`) per pool, best score first:
    /// the order `PerMuEvaluator.rank` sorts into (up to the order inside a run of equal
    /// scores, which changes no rank or grade), with the rules of `PerMuPlan.rankAndGrade`.
    ///
    /// Each graded row becomes one 64-bit key (`KeyLayout`): the pool bit on top (per-group
    /// pooling), then as many upper bits of the score's order-preserving descending key as fit,
    /// then the row's cluster code + 1 and its row number as payload. A stable LSD radix sort
    /// orders the keys above the payload (`sortKeys`); the rare runs whose truncated scores are
    /// equal are then ordered by the full score (`orderRunsByFullKey`). The walk over the sorted
    /// keys is sequential: it reads a score only inside such a run, and writes each row's
    /// grade and ranks once.
    static func rankAndGrade(scores: UnsafeBufferPointer<Double>, grades: UnsafeMutableBufferPointer<UInt8>, graded m: Int,
                             cluster: UnsafePointer<Int32>, clusterCount: Int, grading: PerMuGrading,
                             parkRanks: UnsafeMutableBufferPointer<Int32>, clusterRanks: UnsafeMutableBufferPointer<Int32>) {
        guard m > 0 else { return }
        let n = scores.count
        let layout = KeyLayout(rows: n, clusterCount: clusterCount, perGroup: grading.pooling == .perGroup)
        var keys = [UInt64](repeating: 0, count: m)
        keys.withUnsafeMutableBufferPointer { k in
            var j = 0
            for i in 0..<n where grades[i] < 2 {
                k[j] = layout.key(row: i, score: scores[i], pool: grades[i], cluster: cluster[i])
                j += 1
            }
        }
        sortKeys(&keys, fromBit: layout.payloadBits)
        orderRunsByFullKey(&keys, layout: layout, scores: scores)
        keys.withUnsafeBufferPointer { k in
            var start = 0
            while start < m {
                var end = m
                if layout.perGroup {
                    end = start
                    let pool = k[start] >> 63
                    while end < m && k[end] >> 63 == pool { end += 1 }
                }
                gradePool(UnsafeBufferPointer(rebasing: k[start..<end]), layout: layout, scores: scores, grades: grades,
                          clusterCount: clusterCount, grading: grading, parkRanks: parkRanks, clusterRanks: clusterRanks)
                start = end
            }
        }
    }

    /// The digits of the radix sort: bits `fromBit ..< 64` in as few passes of at most 14 bits
    /// as cover them (3 passes for the 41 bits of a million rows in six clusters).
    struct RadixPlan {
        let fromBit: Int, passes: Int, digitBits: Int
        var mask: UInt64 { (1 << UInt64(digitBits)) - 1 }

        init(fromBit: Int) {
            self.fromBit = fromBit
            let bits = 64 - fromBit
            passes = (bits + 13) / 14
            digitBits = (bits + passes - 1) / passes
        }
    }

    /// Where the parts of a sort key lie.
    struct KeyLayout {
        let rowBits: Int, clusterBits: Int, perGroup: Bool
        var payloadBits: Int { rowBits + clusterBits }
        var rowMask: UInt64 { (1 << UInt64(rowBits)) - 1 }

        init(rows n: Int, clusterCount: Int, perGroup: Bool) {
            rowBits = Swift.max(1, UInt64.bitWidth - UInt64(n - 1).leadingZeroBitCount)
            clusterBits = UInt64.bitWidth - UInt64(clusterCount).leadingZeroBitCount
            self.perGroup = perGroup
            precondition(payloadBits <= 56, "too many rows and clusters for PerMuBatch's sort keys")
        }

        @inline(__always)
        func key(row i: Int, score: Double, pool: UInt8, cluster: Int32) -> UInt64 {
            let top: UInt64 = perGroup && pool == 1 ? 1 << 63 : 0
            let truncated = (descendingKey(score) >> UInt64(payloadBits + (perGroup ? 1 : 0))) << UInt64(payloadBits)
            return top | truncated | UInt64(Swift.max(cluster, -1) + 1) << UInt64(rowBits) | UInt64(i)
        }

        /// The row, and the cluster code (-1 for none) of a key.
        @inline(__always) func row(_ key: UInt64) -> Int { Int(key & rowMask) }
        @inline(__always) func cluster(_ key: UInt64) -> Int { Int((key >> UInt64(rowBits)) & ((1 << UInt64(clusterBits)) - 1)) - 1 }
        /// The key without its payload (pool bit and truncated score).
        @inline(__always) func upper(_ key: UInt64) -> UInt64 { key >> UInt64(payloadBits) }
    }

    /// Ranks and grades one pool given as sorted keys (see `PerMuPlan.rankAndGrade` for the rules).
    static func gradePool(_ k: UnsafeBufferPointer<UInt64>, layout: KeyLayout, scores: UnsafeBufferPointer<Double>,
                          grades: UnsafeMutableBufferPointer<UInt8>, clusterCount: Int, grading: PerMuGrading,
                          parkRanks: UnsafeMutableBufferPointer<Int32>, clusterRanks: UnsafeMutableBufferPointer<Int32>) {
        let m = k.count
        var seen = [Int32](repeating: 0, count: clusterCount)
        var cuts = (0, 0, 0), thresholds = (0.0, 0.0, 0.0), byShares = false
        switch grading.rule {
        case .thresholds(let a, let b, let c): thresholds = (a, b, c)
        case .shares(let a, let b, let c, _): cuts = PerMuPlan.cutoffs(count: m, a: a, b: b, c: c); byShares = true
        }
        let better = grading.ties == .betterGrade
        seen.withUnsafeMutableBufferPointer { seen in
            var p = 0
            while p < m {
                let upper = layout.upper(k[p])
                var q = p + 1
                if q < m && layout.upper(k[q]) == upper {
                    let s = scores[layout.row(k[p])]
                    while q < m && layout.upper(k[q]) == upper && scores[layout.row(k[q])] == s { q += 1 }
                }
                let grade: UInt8
                if byShares {
                    let pos = better ? p : q - 1
                    grade = pos < cuts.0 ? 0 : (pos < cuts.1 ? 1 : (pos < cuts.2 ? 2 : 3))
                } else {
                    let s = scores[layout.row(k[p])]
                    grade = s >= thresholds.0 ? 0 : (s >= thresholds.1 ? 1 : (s >= thresholds.2 ? 2 : 3))
                }
                for j in p..<q {
                    let i = layout.row(k[j]), c = layout.cluster(k[j])
                    grades[i] = grade
                    parkRanks[i] = Int32(p + 1)
                    clusterRanks[i] = c >= 0 ? seen[c] + 1 : 0
                }
                for j in p..<q {
                    let c = layout.cluster(k[j])
                    if c >= 0 { seen[c] += 1 }
                }
                p = q
            }
        }
    }

    /// A key whose unsigned order is the descending order of `d` (for finite and infinite values).
    @inline(__always)
    static func descendingKey(_ d: Double) -> UInt64 {
        let b = d.bitPattern
        let ascending = (b >> 63) != 0 ? ~b : b | (1 << 63)
        return ~ascending
    }

    /// Stable LSD radix sort of `keys` by the digits of `radix`, whose counts per pass are in
    /// `histogram` (pass `d` at `d << digitBits`); a pass whose digit every key shares is skipped.
    static func sortKeys(_ keys: inout [UInt64], radix: RadixPlan, histogram: [UInt32]) {
        let m = keys.count
        guard m > 1 else { return }
        let size = 1 << radix.digitBits
        var scratch = [UInt64](repeating: 0, count: m)
        var offsets = [Int](repeating: 0, count: size)
        for d in 0..<radix.passes {
            let h = d << radix.digitBits
            if histogram[h..<(h + size)].contains(UInt32(m)) { continue }
            var sum = 0
            for b in 0..<size {
                offsets[b] = sum
                sum += Int(histogram[h + b])
            }
            keys.withUnsafeBufferPointer { src in
                scratch.withUnsafeMutableBufferPointer { dst in
                    offsets.withUnsafeMutableBufferPointer { off in
                        let shift = UInt64(radix.fromBit + d * radix.digitBits), mask = radix.mask
                        for key in src {
                            let b = Int((key >> shift) & mask)
                            dst[off[b]] = key
                            off[b] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }

    /// Sorts `keys` by bits `fromBit ..< 64`: counts the digits of every pass, then sorts.
    static func sortKeys(_ keys: inout [UInt64], fromBit: Int) {
        let radix = RadixPlan(fromBit: fromBit)
        var histogram = [UInt32](repeating: 0, count: radix.passes << radix.digitBits)
        keys.withUnsafeBufferPointer { src in
            histogram.withUnsafeMutableBufferPointer { h in
                for d in 0..<radix.passes {
                    let shift = UInt64(fromBit + d * radix.digitBits), mask = radix.mask, base = h.baseAddress! + d << radix.digitBits
                    for key in src { base[Int((key >> shift) & mask)] += 1 }
                }
            }
        }
        sortKeys(&keys, radix: radix, histogram: histogram)
    }

    /// Orders each run of keys with equal upper bits (pool and truncated score) by the full
    /// descending key of the row's score (equal scores in any order).
    static func orderRunsByFullKey(_ keys: inout [UInt64], layout: KeyLayout, scores: UnsafeBufferPointer<Double>) {
        let m = keys.count
        keys.withUnsafeMutableBufferPointer { k in
            var s = 0
            while s < m {
                let upper = layout.upper(k[s])
                var e = s + 1
                while e < m && layout.upper(k[e]) == upper { e += 1 }
                if e - s > 1 {
                    let first = scores[layout.row(k[s])]
                    if k[s..<e].contains(where: { scores[layout.row($0)] != first }) {
                        k[s..<e].sort { a, b in
                            let fa = descendingKey(scores[layout.row(a)]), fb = descendingKey(scores[layout.row(b)])
                            return fa < fb || (fa == fb && a < b)
                        }
                    }
                }
                s = e
            }
        }
    }
}
