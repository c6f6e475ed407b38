import Foundation

/// Something about a lease the land bureau should look at.
public enum LeaseAlert: Sendable, Hashable {
    /// The assessment window opens on `opensOn` (maybe already open): the first term ends on `firstTermEnd`.
    case windowOpening(opensOn: LocalDate, firstTermEnd: LocalDate)
    /// Production was committed to start by `committedBy`; no report shows that it has.
    case productionOverdue(committedBy: LocalDate)
    /// Commitment `commitmentIndex` (0-based) is projected to reach `projected` at the end of the
    /// first term, missing `target` (both in the kind's unit).
    case projectedMiss(commitmentIndex: Int, kind: CommitmentKind, projected: Double, target: Double)

    /// The alert in words.
    public func message(_ language: Language) -> String {
        switch self {
        case let .windowOpening(opens, end):
            return language == .zh
                ? "评估窗口\(opens.iso)开启，首期出让年限于\(end.iso)届满"
                : "The assessment window opens on \(opens.iso); the first term ends on \(end.iso)"
        case let .productionOverdue(due):
            return language == .zh
                ? "约定\(due.iso)前投产，尚无投产报告"
                : "Production was due to start by \(due.iso); no report shows it has started"
        case let .projectedMiss(index, kind, projected, target):
            let name = kind.indicatorName, unit = kind.unitName
            let p = Self.number(projected, kind), t = Self.number(target, kind)
            return language == .zh
                ? "第 \(index + 1) 项承诺（\(name.zh)）按趋势预计首期届满时为 \(p)\(unit.zh)，目标 \(t)\(unit.zh)"
                : "Commitment \(index + 1) (\(name.en)) is projected at \(p) \(unit.en) by the end of the first term against a target of \(t) \(unit.en)"
        }
    }

    static func number(_ x: Double, _ kind: CommitmentKind) -> String {
        switch kind {
        case .rdRatio: AssessmentText.plain(x, maxDecimals: 4)
        case .jobs: AssessmentText.plain(x, maxDecimals: 1)
        case .custom: AssessmentText.plain(x, maxDecimals: 4)
        default: AssessmentText.grouped(x)
        }
    }
}

/// Trend projections of yearly figures.
public enum TrendProjection {
    /// The ordinary least-squares line through `points`, evaluated at `x`: ȳ + b·(x − x̄) with
    /// b = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)². One point (or points all at one x) gives their mean y;
    /// no points give nil.
    public static func linear(_ points: [(x: Double, y: Double)], at x: Double) -> Double? {
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0.0) { $0 + $1.x } / n
        let meanY = points.reduce(0.0) { $0 + $1.y } / n
        var sxy = 0.0, sxx = 0.0
        for p in points {
            sxy += (p.x - meanX) * (p.y - meanY)
            sxx += (p.x - meanX) * (p.x - meanX)
        }
        guard sxx > 0 else { return meanY }
        return meanY + sxy / sxx * (x - meanX)
    }
}

/// The alerts of one lease as of a date.
///
/// - **Window opening**: the lease has a contract, is contracted, under construction or in
///   production, and its assessment window (`ruleset.windowMonths` before the first term ends)
///   opens on or before `today` + `withinMonths` months; windows already open are included.
/// - **Production overdue**: the lease is contracted, under construction or in production, a
///   production-start commitment's date is before `today`, and no report has a production start date.
/// - **Projected miss**: for each at-least or at-most commitment (not by-date, not production
///   start) of a lease that is contracted, under construction, in production or due for
///   assessment, with a contract whose first term ends after the last report year.
///   projection: ordinary least-squares line through the yearly values of the reports,
///   evaluated at the year the first term ends. The yearly values are those the assessment
///   uses (`AssessmentEngine`), from reports up to `today`'s year, starting at the first year
///   with a non-zero value (years before a firm reports anything would make every young firm
///   look as if it were taking off). Latest measure: the line at the end year. Average of the
///   last k years: the mean of the line over the k years ending at the end year (the line at
///   their midpoint). Cumulative: the current sum plus the line at each remaining year up to
///   the end year for flows (tax, output, jobs, custom); the line at the end year for
///   investment to date and for pooled ratios. A miss: projected < target (at least) or >
///   target (at most), beyond the 1e-9 ratio tolerance. Commitments without any report are left
///   to the production and assessment checks.
public enum LeaseAlerts {
    /// The lease's alerts as of `today`: window opening first, then production overdue, then
    /// projected misses in commitment order.
    public static func alerts(lease: Lease, reports: [PerformanceReport], areaMu: Double, today: LocalDate,
                              withinMonths: Int = 12, ruleset: AssessmentRuleset = .standard) -> [LeaseAlert] {
        facts(lease: lease, reports: reports, areaMu: areaMu, today: today, ruleset: ruleset)
            .alerts(today: today, withinMonths: withinMonths)
    }

    /// What the alerts of a lease are decided from, stored so the due list can select and page
    /// in SQL (`LeaseAlertFacts`): the window's opening date, the production dates owed, and the
    /// misses projected from the reports up to `today`'s year.
    public static func facts(lease: Lease, reports: [PerformanceReport], areaMu: Double, today: LocalDate,
                             ruleset: AssessmentRuleset = .standard) -> LeaseAlertFacts {
        var f = LeaseAlertFacts(projectedInYear: today.year)
        let building: Set<LeaseState> = [.contracted, .underConstruction, .inProduction]
        if let contract = lease.contract, building.contains(lease.state) {
            f.windowOpensOn = contract.assessmentWindowOpens(months: ruleset.windowMonths)
            f.firstTermEnd = contract.firstTermEnd
        }
        if building.contains(lease.state), !reports.contains(where: { $0.productionStartDate != nil }) {
            f.productionDue = lease.commitments.filter { $0.kind == .productionStart }.compactMap(\.targetDate)
        }
        guard let contract = lease.contract, building.contains(lease.state) || lease.state == .assessmentDue else { return f }
        let usable = AssessmentSeries.usable(reports, upToYear: today.year)
        let endYear = contract.firstTermEnd.year
        for (i, c) in lease.commitments.enumerated()
        where c.kind != .productionStart && (c.direction == .atLeast || c.direction == .atMost) {
            guard let projected = project(c, reports: usable, areaMu: areaMu, endYear: endYear) else { continue }
            let ratio = AssessmentRules.ratio(value: projected, target: c.target, atMost: c.direction == .atMost)
            if !AssessmentRules.isMet(ratio) {
                f.misses.append(.init(commitmentIndex: i, kind: c.kind, projected: projected, target: c.target))
            }
        }
        return f
    }

    /// The commitment's measured value projected to `endYear` (see `LeaseAlerts`); nil without
    /// data or when the last report year is not before `endYear` (nothing left to project).
    static func project(_ c: Commitment, reports: [PerformanceReport], areaMu: Double, endYear: Int) -> Double? {
        var terms = AssessmentSeries.terms(c.kind, label: c.label, reports: reports, areaMu: areaMu)
        if let firstNonZero = terms.firstIndex(where: { $0.num != 0 }) { terms.removeFirst(firstNonZero) } else { return nil }
        guard let last = terms.last, last.year < endYear else { return nil }
        let points = terms.map { (x: Double($0.year), y: $0.value) }
        switch c.measure {
        case .latest:
            return TrendProjection.linear(points, at: Double(endYear))
        case .averageLastYears:
            let k = Double(Swift.max(c.years, 1))
            return TrendProjection.linear(points, at: Double(endYear) - (k - 1) / 2)
        case .cumulative:
            guard c.kind.shape == .flow else { return TrendProjection.linear(points, at: Double(endYear)) }
            var sum = terms.reduce(0.0) { $0 + $1.value }
            for y in (last.year + 1)...endYear {
                sum += TrendProjection.linear(points, at: Double(y)) ?? 0
            }
            return sum
        }
    }
}

/// The parts of a lease's alerts that do not depend on the day (`LeaseAlerts.facts`). The day
/// decides the rest: the window alert shows when it opens within the horizon, a production date
/// when it has passed. Projected misses hold for the year they were projected in.
public struct LeaseAlertFacts: Sendable, Equatable, Codable {
    public struct Miss: Sendable, Equatable, Codable {
        public var commitmentIndex: Int
        public var kind: CommitmentKind
        public var projected: Double
        public var target: Double
    }

    public var windowOpensOn: LocalDate?
    public var firstTermEnd: LocalDate?
    /// Dates production was committed to start by, while no report shows that it has.
    public var productionDue: [LocalDate] = []
    public var misses: [Miss] = []
    /// The year the misses were projected in (reports up to that year).
    public var projectedInYear: Int

    public init(projectedInYear: Int) { self.projectedInYear = projectedInYear }

    /// The alerts as of `today`, in `LeaseAlerts.alerts`' order.
    public func alerts(today: LocalDate, withinMonths: Int) -> [LeaseAlert] {
        var out: [LeaseAlert] = []
        if let opens = windowOpensOn, let end = firstTermEnd, opens <= today.adding(months: withinMonths) {
            out.append(.windowOpening(opensOn: opens, firstTermEnd: end))
        }
        for due in productionDue where due < today { out.append(.productionOverdue(committedBy: due)) }
        for m in misses {
            out.append(.projectedMiss(commitmentIndex: m.commitmentIndex, kind: m.kind, projected: m.projected, target: m.target))
        }
        return out
    }

    /// The earliest production date owed (what the due list compares with the day in SQL).
    public var earliestProductionDue: LocalDate? { productionDue.min() }
}
