import Foundation

/// An indicator's level by month, this year against last year (the leadership page's chart).
public struct IndicatorTrend: Sendable, Hashable, Codable {
    public var indicator: String
    public var year: Int
    /// Twelve levels (YTD, or a stock's level), January first; nil where nothing was published.
    public var thisYear: [Decimal?]
    public var lastYear: [Decimal?]
}

/// An indicator's quarters, halves and year, this year and last (the board pack's period sheet).
public struct IndicatorPeriodsRow: Sendable, Hashable, Codable {
    public var indicator: String
    public var year: Int
    public var quarters: [Decimal?]
    public var halves: [Decimal?]
    public var total: Decimal?
    public var lastYearTotal: Decimal?
}

/// A month's indicator report: every catalogue indicator's figure, trends and periods, and
/// the alerts (indicators behind their pace). Pure: built from series and targets.
public struct IndicatorReport: Sendable, Codable {
    public var month: YearMonth
    public var figures: [IndicatorFigure]
    public var trends: [IndicatorTrend]
    public var periods: [IndicatorPeriodsRow]

    /// The indicators behind their target's pace.
    public var alerts: [IndicatorFigure] { figures.filter { $0.progress?.behind == true } }

    public static func build(month: YearMonth, series: [IndicatorSeries], targets: [IndicatorTarget]) -> IndicatorReport {
        let targetOf = Dictionary(targets.filter { $0.year == month.year }.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = series.sorted { ($0.definition.position, $0.definition.code) < ($1.definition.position, $1.definition.code) }
        var figures: [IndicatorFigure] = [], trends: [IndicatorTrend] = [], periods: [IndicatorPeriodsRow] = []
        for s in ordered {
            let code = s.definition.code
            figures.append(IndicatorEngine.figure(s, asOf: month, target: targetOf[code]))
            func levels(_ year: Int, through last: Int) -> [Decimal?] {
                (1...12).map { m in m <= last ? YearMonth(year: year, month: m).flatMap(s.ytd) : nil }
            }
            trends.append(IndicatorTrend(indicator: code, year: month.year, thisYear: levels(month.year, through: month.month),
                                         lastYear: levels(month.year - 1, through: 12)))
            let quartersDone = month.month / 3, halvesDone = month.month / 6
            periods.append(IndicatorPeriodsRow(
                indicator: code, year: month.year,
                quarters: (1...4).map { $0 <= quartersDone ? s.quarter(month.year, $0) : nil },
                halves: (1...2).map { $0 <= halvesDone ? s.half(month.year, $0) : nil },
                total: month.month == 12 ? s.year(month.year) : nil, lastYearTotal: s.year(month.year - 1)))
        }
        return IndicatorReport(month: month, figures: figures, trends: trends, periods: periods)
    }
}
