import Foundation

/// The dimensions the FDI report breaks its totals down by.
public enum FDIDimension: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case country, cluster, type, stage, officer, source
}

/// The statistics engine's input, column by column (struct of arrays): one cell per inflow,
/// contracted entry or signed project in-process, or one per SQL group (month × breakdown
/// keys × industry flags) from the database. Dimension values are indexes into `keys`.
public struct FDICells: Sendable {
    /// `YearMonth.index` of the cell.
    public var month: [Int32] = []
    /// One column per `FDIDimension`, in `allCases` order.
    public var dims: [[Int32]] = Array(repeating: [], count: FDIDimension.allCases.count)
    /// Bit 0 financial, bit 1 strategic emerging, bit 2 high-tech manufacturing.
    public var flags: [UInt8] = []
    public var utilisedUSD: [Int64] = []
    public var utilisedCNY: [Int64] = []
    public var contractedUSD: [Int64] = []
    public var contractedCNY: [Int64] = []
    public var newProjects: [Int64] = []
    /// The value behind each index, per dimension.
    public var keys: [[String]] = Array(repeating: [], count: FDIDimension.allCases.count)
    var keyIndex: [[String: Int32]] = Array(repeating: [:], count: FDIDimension.allCases.count)

    public init() {}

    public var count: Int { month.count }

    public static let financial: UInt8 = 1, strategicEmerging: UInt8 = 2, highTech: UInt8 = 4

    /// The index of `value` in dimension `d`, added if new.
    public mutating func key(_ d: FDIDimension, _ value: String) -> Int32 {
        let i = FDIDimension.allCases.firstIndex(of: d)!
        if let k = keyIndex[i][value] { return k }
        let k = Int32(keys[i].count)
        keys[i].append(value); keyIndex[i][value] = k
        return k
    }

    public mutating func reserve(_ n: Int) {
        month.reserveCapacity(n); flags.reserveCapacity(n)
        for i in dims.indices { dims[i].reserveCapacity(n) }
        utilisedUSD.reserveCapacity(n); utilisedCNY.reserveCapacity(n); contractedUSD.reserveCapacity(n)
        contractedCNY.reserveCapacity(n); newProjects.reserveCapacity(n)
    }

    /// Appends a cell; `dims` holds indexes from `key(_:_:)`, in `FDIDimension.allCases` order.
    public mutating func append(month m: YearMonth, dims d: [Int32], flags f: UInt8, utilisedUSD uu: Int64 = 0, utilisedCNY uc: Int64 = 0,
                                contractedUSD cu: Int64 = 0, contractedCNY cc: Int64 = 0, newProjects n: Int64 = 0) {
        month.append(Int32(m.index))
        for i in dims.indices { dims[i].append(d[i]) }
        flags.append(f); utilisedUSD.append(uu); utilisedCNY.append(uc); contractedUSD.append(cu); contractedCNY.append(cc); newProjects.append(n)
    }
}

/// Totals of a period (hundredths of US$ and yuan).
public struct FDITotals: Sendable, Hashable, Codable {
    public var newProjects: Int64 = 0
    public var utilisedUSDCents: Int64 = 0
    public var utilisedCNYFen: Int64 = 0
    public var contractedUSDCents: Int64 = 0
    public var contractedCNYFen: Int64 = 0
    public init() {}
}

/// One value of a breakdown.
public struct FDIBreakdownLine: Sendable, Hashable, Codable {
    public var key: String
    public var totals: FDITotals
}

/// The figures of the FDI report for `from`…`to`: totals, the comparable scope and its
/// year-on-year growth against the same months a year before, shares of strategic emerging
/// industries (of new projects, by count) and of high-tech manufacturing (of utilised FDI),
/// the months, and every breakdown.
public struct FDIFigureReport: Sendable, Hashable, Codable {
    public var from: YearMonth
    public var to: YearMonth
    public var totals: FDITotals
    /// Outside the financial sector, this period and the same months a year before.
    public var comparable: FDITotals
    public var comparablePriorYear: FDITotals
    /// (this − prior) ÷ prior on the comparable scope; nil when the prior is 0.
    public var utilisedGrowth: Double?
    public var contractedGrowth: Double?
    /// New projects in strategic emerging industries ÷ new projects.
    public var strategicEmergingShare: Double?
    public var strategicEmergingProjects: Int64
    /// Utilised FDI (US$) in high-tech manufacturing ÷ utilised FDI.
    public var highTechUtilisedShare: Double?
    public var highTechUtilisedUSDCents: Int64
    public var months: [FDIMonthFigures]
    public var breakdowns: [FDIDimension: [FDIBreakdownLine]]
}

/// Folds `FDICells` into the report in one pass: checked sums (an overflow is an error, never
/// a trap), breakdowns in arrays indexed by the dimension's key.
public enum FDIReportEngine {
    public static func run(_ cells: FDICells, from: YearMonth, to: YearMonth) throws(DomainError) -> FDIFigureReport {
        let lo = Int32(from.index), hi = Int32(to.index)
        let plo = lo - 12, phi = hi - 12
        var total = FDITotals(), comp = FDITotals(), prior = FDITotals()
        var sei: Int64 = 0, hiTech: Int64 = 0
        let nMonths = Int(hi - lo) + 1
        var monthly = from.through(to).map { FDIMonthFigures(month: $0) }
        var lines: [[FDITotals]] = cells.keys.map { Array(repeating: FDITotals(), count: $0.count) }
        func add(_ t: inout FDITotals, _ i: Int) throws(DomainError) {
            t.newProjects = try Checked.add(t.newProjects, cells.newProjects[i], "new_projects")
            t.utilisedUSDCents = try Checked.add(t.utilisedUSDCents, cells.utilisedUSD[i], "utilised_usd")
            t.utilisedCNYFen = try Checked.add(t.utilisedCNYFen, cells.utilisedCNY[i], "utilised_cny")
            t.contractedUSDCents = try Checked.add(t.contractedUSDCents, cells.contractedUSD[i], "contracted_usd")
            t.contractedCNYFen = try Checked.add(t.contractedCNYFen, cells.contractedCNY[i], "contracted_cny")
        }
        for i in 0..<cells.count {
            let m = cells.month[i]
            let financial = cells.flags[i] & FDICells.financial != 0
            if m >= plo && m <= phi && !financial { try add(&prior, i) }
            guard m >= lo && m <= hi else { continue }
            try add(&total, i)
            if !financial { try add(&comp, i) }
            if cells.flags[i] & FDICells.strategicEmerging != 0 { sei = try Checked.add(sei, cells.newProjects[i], "new_projects") }
            if cells.flags[i] & FDICells.highTech != 0 { hiTech = try Checked.add(hiTech, cells.utilisedUSD[i], "utilised_usd") }
            let k = Int(m - lo)
            if k < nMonths {
                var f = monthly[k]
                f.utilisedUSDCents = try Checked.add(f.utilisedUSDCents, cells.utilisedUSD[i], "utilised_usd")
                f.utilisedCNYFen = try Checked.add(f.utilisedCNYFen, cells.utilisedCNY[i], "utilised_cny")
                f.contractedUSDCents = try Checked.add(f.contractedUSDCents, cells.contractedUSD[i], "contracted_usd")
                f.contractedCNYFen = try Checked.add(f.contractedCNYFen, cells.contractedCNY[i], "contracted_cny")
                f.newProjects += Int(cells.newProjects[i])
                if !financial {
                    f.utilisedComparableUSDCents = try Checked.add(f.utilisedComparableUSDCents, cells.utilisedUSD[i], "utilised_usd")
                    f.utilisedComparableCNYFen = try Checked.add(f.utilisedComparableCNYFen, cells.utilisedCNY[i], "utilised_cny")
                    f.contractedComparableUSDCents = try Checked.add(f.contractedComparableUSDCents, cells.contractedUSD[i], "contracted_usd")
                    f.contractedComparableCNYFen = try Checked.add(f.contractedComparableCNYFen, cells.contractedCNY[i], "contracted_cny")
                }
                monthly[k] = f
            }
            for d in 0..<lines.count {
                let key = Int(cells.dims[d][i])
                if key >= 0 && key < lines[d].count { try add(&lines[d][key], i) }
            }
        }
        var breakdowns: [FDIDimension: [FDIBreakdownLine]] = [:]
        for (d, dim) in FDIDimension.allCases.enumerated() {
            breakdowns[dim] = zip(cells.keys[d], lines[d])
                .filter { $0.1 != FDITotals() }
                .map { FDIBreakdownLine(key: $0.0, totals: $0.1) }
                .sorted { ($0.totals.utilisedUSDCents, $0.totals.newProjects, $1.key) > ($1.totals.utilisedUSDCents, $1.totals.newProjects, $0.key) }
        }
        return FDIFigureReport(from: from, to: to, totals: total, comparable: comp, comparablePriorYear: prior,
                               utilisedGrowth: growth(comp.utilisedUSDCents, prior.utilisedUSDCents),
                               contractedGrowth: growth(comp.contractedUSDCents, prior.contractedUSDCents),
                               strategicEmergingShare: ratio(sei, total.newProjects), strategicEmergingProjects: sei,
                               highTechUtilisedShare: ratio(hiTech, total.utilisedUSDCents), highTechUtilisedUSDCents: hiTech,
                               months: monthly, breakdowns: breakdowns)
    }

    /// (now − before) ÷ before, nil when before is not positive.
    public static func growth(_ now: Int64, _ before: Int64) -> Double? {
        before > 0 ? (Double(now) - Double(before)) / Double(before) : nil
    }

    public static func ratio(_ part: Int64, _ whole: Int64) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
