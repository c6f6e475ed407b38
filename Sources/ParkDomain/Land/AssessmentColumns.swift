import Foundation

/// A whole park's leases, commitments and yearly reports as plain arrays (struct of arrays), the
/// input of `AssessmentBatch.run`. Lease `i` owns commitments
/// `commitmentStart[i] ..< commitmentStart[i] + commitmentCount[i]` and report rows
/// `reportStart[i] ..< reportStart[i] + reportCount[i]`; a lease's report rows are sorted by year
/// with one row per year. Dates are `LocalDate.dayNumber`s, `Int32.min` meaning none. Codes are
/// `AssessmentColumns.code(_:)` of the enums. A store may fill the arrays straight from one SQL
/// query; `init(_:)` builds them from domain values.
public struct AssessmentColumns: Sendable, Hashable {
    // Per lease.
    /// The lease's area in mu (per-mu indicators divide by it).
    public var areaMu: [Double] = []
    /// Offset of the lease's first commitment in the per-commitment arrays.
    public var commitmentStart: [Int32] = []
    /// Number of the lease's commitments.
    public var commitmentCount: [Int32] = []
    /// Offset of the lease's first report row in the per-report arrays.
    public var reportStart: [Int32] = []
    /// Number of the lease's report rows (one per year, ascending).
    public var reportCount: [Int32] = []
    /// The contract's first term (years).
    public var firstTermYears: [Int32] = []
    /// The contract's maximum total term (years).
    public var maxTotalYears: [Int32] = []

    // Per commitment.
    /// `code(_: CommitmentKind)`.
    public var kind: [UInt8] = []
    /// `code(_: CommitmentDirection)`.
    public var direction: [UInt8] = []
    /// `code(_: CommitmentMeasure)`.
    public var measure: [UInt8] = []
    /// k of `averageLastYears`.
    public var years: [Int32] = []
    /// The target in the kind's unit (ignored for production start).
    public var target: [Double] = []
    /// The committed date's `dayNumber` (production start), `Int32.min` when none.
    public var targetDay: [Int32] = []
    /// 1 when the commitment is mandatory.
    public var mandatory: [UInt8] = []
    /// The commitment's weight in the score.
    public var weight: [Double] = []

    // Per report row (sorted by lease, then year). Money in yuan.
    /// The report's year.
    public var year: [Int32] = []
    /// Investment to date, tax, revenue, value added and R&D spend (yuan); energy (t standard
    /// coal); emissions (t); average employees.
    public var investmentToDate: [Double] = []
    public var tax: [Double] = []
    public var revenue: [Double] = []
    public var valueAdded: [Double] = []
    public var rdSpend: [Double] = []
    public var energy: [Double] = []
    public var emissions: [Double] = []
    public var employees: [Double] = []
    /// The reported production start's `dayNumber`, `Int32.min` when none.
    public var productionStartDay: [Int32] = []

    /// No leases.
    public init() {}

    /// The columns of `leases`, in order. Each lease's reports are sorted by year and, when a year
    /// appears twice, the later report wins (as in `AssessmentEngine`).
    public init(_ leases: [(commitments: [Commitment], reports: [PerformanceReport], areaMu: Double,
                            firstTermYears: Int, maxTotalYears: Int)]) {
        let commitmentTotal = leases.reduce(0) { $0 + $1.commitments.count }
        let reportTotal = leases.reduce(0) { $0 + $1.reports.count }
        reserve(leases: leases.count, commitments: commitmentTotal, reports: reportTotal)
        for l in leases {
            append(commitments: l.commitments, reports: l.reports, areaMu: l.areaMu,
                   firstTermYears: l.firstTermYears, maxTotalYears: l.maxTotalYears)
        }
    }

    /// Number of leases.
    public var leaseCount: Int { areaMu.count }

    /// Reserves room for the given numbers of rows.
    public mutating func reserve(leases: Int, commitments: Int, reports: Int) {
        areaMu.reserveCapacity(leases); commitmentStart.reserveCapacity(leases); commitmentCount.reserveCapacity(leases)
        reportStart.reserveCapacity(leases); reportCount.reserveCapacity(leases)
        firstTermYears.reserveCapacity(leases); maxTotalYears.reserveCapacity(leases)
        kind.reserveCapacity(commitments); direction.reserveCapacity(commitments); measure.reserveCapacity(commitments)
        years.reserveCapacity(commitments); target.reserveCapacity(commitments); targetDay.reserveCapacity(commitments)
        mandatory.reserveCapacity(commitments); weight.reserveCapacity(commitments)
        year.reserveCapacity(reports); investmentToDate.reserveCapacity(reports); tax.reserveCapacity(reports)
        revenue.reserveCapacity(reports); valueAdded.reserveCapacity(reports); rdSpend.reserveCapacity(reports)
        energy.reserveCapacity(reports); emissions.reserveCapacity(reports); employees.reserveCapacity(reports)
        productionStartDay.reserveCapacity(reports)
    }

    /// Appends one lease.
    public mutating func append(commitments: [Commitment], reports: [PerformanceReport], areaMu: Double,
                                firstTermYears: Int = 10, maxTotalYears: Int = 30) {
        self.areaMu.append(areaMu)
        commitmentStart.append(Int32(kind.count))
        commitmentCount.append(Int32(commitments.count))
        self.firstTermYears.append(Int32(clamping: firstTermYears))
        self.maxTotalYears.append(Int32(clamping: maxTotalYears))
        for c in commitments {
            kind.append(Self.code(c.kind)); direction.append(Self.code(c.direction)); measure.append(Self.code(c.measure))
            years.append(Int32(clamping: c.years)); target.append(c.target)
            targetDay.append(c.targetDate.map { Int32(clamping: $0.dayNumber) } ?? Int32.min)
            mandatory.append(c.mandatory ? 1 : 0); weight.append(c.weight)
        }
        let rows = AssessmentSeries.usable(reports, upToYear: Int.max)
        reportStart.append(Int32(year.count))
        reportCount.append(Int32(rows.count))
        for r in rows {
            year.append(Int32(clamping: r.year))
            investmentToDate.append(Double(r.investmentToDateYuan)); tax.append(Double(r.taxPaidYuan))
            revenue.append(Double(r.revenueYuan)); valueAdded.append(Double(r.valueAddedYuan))
            rdSpend.append(Double(r.rdSpendYuan)); energy.append(r.energyTonnesCoal)
            emissions.append(r.emissionsTonnes); employees.append(Double(r.averageEmployees))
            productionStartDay.append(r.productionStartDate.map { Int32(clamping: $0.dayNumber) } ?? Int32.min)
        }
    }

    /// Leases with a `custom` commitment: `AssessmentBatch` has no custom figures (they live in
    /// each report's dictionary) and counts those commitments as missing, so a caller assesses
    /// these leases with `AssessmentEngine` instead.
    public var leasesWithCustomCommitments: [Int] {
        (0..<leaseCount).filter { l in
            let s = Int(commitmentStart[l])
            return kind[s..<s + Int(commitmentCount[l])].contains(Self.Kind.custom)
        }
    }

    // MARK: Codes

    /// Kind codes (stable: stored data may hold them).
    public enum Kind {
        public static let totalInvestment: UInt8 = 0, investmentIntensity: UInt8 = 1, productionStart: UInt8 = 2
        public static let taxPerMu: UInt8 = 3, outputPerMu: UInt8 = 4, rdRatio: UInt8 = 5
        public static let valueAddedPerEnergy: UInt8 = 6, valueAddedPerEmissions: UInt8 = 7, jobs: UInt8 = 8
        public static let custom: UInt8 = 9
    }

    /// The kind's code (`Kind`).
    public static func code(_ kind: CommitmentKind) -> UInt8 {
        switch kind {
        case .totalInvestment: Kind.totalInvestment
        case .investmentIntensity: Kind.investmentIntensity
        case .productionStart: Kind.productionStart
        case .taxPerMu: Kind.taxPerMu
        case .outputPerMu: Kind.outputPerMu
        case .rdRatio: Kind.rdRatio
        case .valueAddedPerEnergy: Kind.valueAddedPerEnergy
        case .valueAddedPerEmissions: Kind.valueAddedPerEmissions
        case .jobs: Kind.jobs
        case .custom: Kind.custom
        }
    }

    /// 0 at least, 1 at most, 2 by date.
    public static func code(_ direction: CommitmentDirection) -> UInt8 {
        switch direction {
        case .atLeast: 0
        case .atMost: 1
        case .byDate: 2
        }
    }

    /// 0 latest, 1 cumulative, 2 average of the last years.
    public static func code(_ measure: CommitmentMeasure) -> UInt8 {
        switch measure {
        case .latest: 0
        case .cumulative: 1
        case .averageLastYears: 2
        }
    }
}
