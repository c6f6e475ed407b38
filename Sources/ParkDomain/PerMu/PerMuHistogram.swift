/// The bins of a score distribution: `bins` equal bins from the lowest total rounded down to a
/// multiple of 10 to the highest rounded up (at least 10 wide). A total falls in the bin whose
/// lower boundary it reaches last, so the count is the same whether Swift or SQL compares it
/// with `boundaries`.
public struct PerMuHistogram: Sendable, Equatable {
    public let start: Double
    public let width: Double
    public let bins: Int
    /// Counts per bin and grade (`[bin][grade code]`).
    public var counts: [[Int]]

    public init?(lowest: Double, highest: Double, bins: Int = 20) {
        guard lowest.isFinite, highest.isFinite, bins > 0, bins <= 1_000 else { return nil }
        start = (lowest / 10).rounded(.down) * 10
        let end = max((highest / 10).rounded(.up) * 10, start + 10)
        width = (end - start) / Double(bins)
        self.bins = bins
        counts = [[Int]](repeating: [0, 0, 0, 0], count: bins)
    }

    /// The lower boundaries of bins 1 … bins-1 (bin 0 takes everything below the first).
    public var boundaries: [Double] { (1..<bins).map { start + Double($0) * width } }

    public func lowerBound(ofBin i: Int) -> Double { start + Double(i) * width }

    /// The bin of `total`: how many boundaries it reaches.
    public func bin(of total: Double) -> Int { boundaries.reduce(0) { $0 + (total >= $1 ? 1 : 0) } }

    /// Counts `totals` in memory (a dry run's results).
    public static func of(_ totals: [(total: Double, grade: PerMuGrade)], bins: Int = 20) -> PerMuHistogram? {
        guard let lo = totals.map(\.total).min(), let hi = totals.map(\.total).max(),
              var h = PerMuHistogram(lowest: lo, highest: hi, bins: bins) else { return nil }
        for t in totals { h.counts[h.bin(of: t.total)][Int(t.grade.code)] += 1 }
        return h
    }
}
