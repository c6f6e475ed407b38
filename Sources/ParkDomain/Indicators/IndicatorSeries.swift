import Foundation

/// One published value: the level as published (in the indicator's unit), the growth rate as
/// published (percent, or nil), and whether it was corrected after it was first entered.
public struct IndicatorPoint: Sendable, Hashable, Codable {
    public var period: IndicatorPeriod
    public var value: Decimal
    public var growthPct: Decimal?
    public var revised: Bool

    public init(period: IndicatorPeriod, value: Decimal, growthPct: Decimal? = nil, revised: Bool = false) {
        self.period = period; self.value = value; self.growthPct = growthPct; self.revised = revised
    }
}

/// An indicator's series as published, and the computations on it (issue 13 item 3): a month's
/// own value from successive YTD figures, YTD from monthly values, quarter, half-year and year
/// figures, rolling 12 months. Every computation needs all the values it rests on and answers
/// nil when one is missing: a gap is never read as zero.
public struct IndicatorSeries: Sendable {
    public let definition: IndicatorDefinition
    public let points: [YearMonth: IndicatorPoint]

    public init(_ definition: IndicatorDefinition, _ points: [IndicatorPoint]) {
        self.definition = definition
        var byMonth: [YearMonth: IndicatorPoint] = [:]
        for p in points where (p.period.isQuarter) == (definition.frequency == .quarterly) { byMonth[p.period.end] = p }
        self.points = byMonth
    }

    var step: Int { definition.frequency == .quarterly ? 3 : 1 }

    /// The point published for the period ending in `m`.
    public func point(_ m: YearMonth) -> IndicatorPoint? { points[m] }

    /// The latest period of this series ending in or before `m` in the same year (a quarterly
    /// series shown for May gives Q1).
    public func period(asOf m: YearMonth) -> IndicatorPeriod? {
        if definition.frequency == .monthly { return IndicatorPeriod(month: m) }
        let q = m.month / 3
        guard q >= 1 else { return nil }
        return IndicatorPeriod(year: m.year, quarter: q)
    }

    /// The cumulative level from January to the end of `m` (for a stock: the level at `m`).
    public func ytd(_ m: YearMonth) -> Decimal? {
        switch definition.accumulation {
        case .ytd, .stock:
            return points[m]?.value
        case .periodic:
            guard m.month % step == 0 else { return nil }
            var total = Decimal(0)
            var month = m.month
            while month >= step {
                guard let ym = YearMonth(year: m.year, month: month), let v = points[ym]?.value else { return nil }
                total += v
                month -= step
            }
            return total
        }
    }

    /// The period's own value (the month's, or the quarter's): from YTD figures the difference
    /// of successive ones (January's YTD is January's value); for a stock its level.
    public func periodValue(_ m: YearMonth) -> Decimal? {
        switch definition.accumulation {
        case .periodic, .stock:
            return points[m]?.value
        case .ytd:
            guard let now = points[m]?.value else { return nil }
            if m.month <= step { return now }
            guard let prev = m.adding(months: -step), let before = points[prev]?.value else { return nil }
            return now - before
        }
    }

    /// The value of quarter `q` of `year` alone (for a stock: its level at the quarter's end).
    public func quarter(_ year: Int, _ q: Int) -> Decimal? {
        guard (1...4).contains(q), let end = YearMonth(year: year, month: q * 3) else { return nil }
        if definition.accumulation == .stock { return points[end]?.value }
        guard let now = ytd(end) else { return nil }
        if q == 1 { return now }
        guard let prev = YearMonth(year: year, month: q * 3 - 3), let before = ytd(prev) else { return nil }
        return now - before
    }

    /// The value of half `h` (1 or 2) of `year` alone.
    public func half(_ year: Int, _ h: Int) -> Decimal? {
        guard (1...2).contains(h), let end = YearMonth(year: year, month: h * 6) else { return nil }
        if definition.accumulation == .stock { return points[end]?.value }
        guard let now = ytd(end) else { return nil }
        if h == 1 { return now }
        guard let june = YearMonth(year: year, month: 6), let before = ytd(june) else { return nil }
        return now - before
    }

    /// The whole year's value (December's YTD; a stock's December level).
    public func year(_ year: Int) -> Decimal? {
        guard let dec = YearMonth(year: year, month: 12) else { return nil }
        return ytd(dec)
    }

    /// The twelve months ending with `m`: this year's YTD plus last year's value after the same
    /// month (last year's total less last year's YTD at `m`). Not defined for a stock.
    public func rolling12(_ m: YearMonth) -> Decimal? {
        guard definition.accumulation != .stock, let last = m.lastYear,
              let now = ytd(m), let lastTotal = year(last.year), let lastToDate = ytd(last) else { return nil }
        return now + lastTotal - lastToDate
    }
}
