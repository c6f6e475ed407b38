import Foundation

/// A year's target for an indicator (data): a level to reach by December (YTD indicators:
/// the year's total; stocks: the December level), a growth rate, or both.
public struct IndicatorTarget: Sendable, Hashable, Codable {
    public var indicator: String
    public var year: Int
    public var level: Decimal?
    public var growthPct: Decimal?

    public init(indicator: String, year: Int, level: Decimal? = nil, growthPct: Decimal? = nil) {
        self.indicator = indicator; self.year = year; self.level = level; self.growthPct = growthPct
    }
}

/// Where an indicator stands against its target, and what the rest of the year needs.
public struct TargetProgress: Sendable, Hashable, Codable {
    public var target: IndicatorTarget
    /// Level reached as a percentage of the target level.
    public var sharePct: Decimal?
    /// The percentage that should have been reached by now: last year's share of its total by
    /// the same month (the season's pace) when last year is known, else months elapsed ÷ 12.
    public var expectedSharePct: Decimal?
    /// Whether `expectedSharePct` came from last year's season (else the calendar).
    public var seasonalPace: Bool
    /// What is left to reach the target level, and per remaining month.
    public var remaining: Decimal?
    public var neededPerMonth: Decimal?
    /// Growth over last year's rest of the year that the remainder needs (percent).
    public var neededGrowthPct: Decimal?
    /// Behind the pace (level) or below the growth target.
    public var behind: Bool
}

/// Which growth rate a figure shows as its headline.
public enum GrowthSource: String, Sendable, Codable {
    /// As published: always preferred, never replaced.
    case published
    /// From the two years' levels (only where the indicator's growth is nominal).
    case levels
    case none
}

/// An indicator in a month's report: level, the period's own value, both growth rates side by
/// side, rolling 12 months, target progress.
public struct IndicatorFigure: Sendable, Hashable, Codable {
    public var definition: IndicatorDefinition
    /// The period shown (the month, or the latest quarter ending by it).
    public var period: IndicatorPeriod?
    public var level: Decimal?
    public var periodValue: Decimal?
    public var lastYearLevel: Decimal?
    public var publishedGrowthPct: Decimal?
    /// Year on year from the two levels, always computed when both exist (shown beside the
    /// published rate; the headline only where growth is nominal and nothing was published).
    public var levelsGrowthPct: Decimal?
    public var growthPct: Decimal?
    public var growthSource: GrowthSource
    /// Published minus levels growth, when they disagree by 0.1 percentage point or more.
    public var growthDifferencePct: Decimal?
    public var rolling12: Decimal?
    public var revised: Bool
    public var progress: TargetProgress?
}

/// The computation rules of issue 13 item 3 that turn a series into a report's figure.
public enum IndicatorEngine {
    /// Two growth rates that differ by this much (percentage points) or more are marked: the
    /// published rate is rounded to 0.1, so a smaller gap is rounding.
    public static let disagreementPct: Decimal = Decimal(string: "0.1")!

    /// Year on year in percent: (now − then) ÷ then × 100; nil when `then` is not positive.
    public static func yoy(_ now: Decimal, _ then: Decimal) -> Decimal? {
        guard then > 0 else { return nil }
        return (now - then) / then * 100
    }

    /// The figure of `series` as of month `m`, with `target` for m's year when there is one.
    public static func figure(_ series: IndicatorSeries, asOf m: YearMonth, target: IndicatorTarget?) -> IndicatorFigure {
        let d = series.definition
        let period = series.period(asOf: m)
        let end = period?.end
        let level = end.flatMap(series.ytd)
        let lastEnd = end?.lastYear
        let lastLevel = lastEnd.flatMap(series.ytd)
        let point = end.flatMap(series.point)
        let published = point?.growthPct
        let fromLevels: Decimal? = { if let level, let lastLevel { return yoy(level, lastLevel) } else { return nil } }()
        var headline: Decimal?, source = GrowthSource.none
        if let published {
            headline = published; source = .published
        } else if d.growthDerivableFromLevels, let fromLevels {
            headline = fromLevels; source = .levels
        }
        var difference: Decimal?
        if let published, let fromLevels {
            let diff = published - fromLevels
            if diff.magnitude >= disagreementPct { difference = diff }
        }
        return IndicatorFigure(
            definition: d, period: period, level: level, periodValue: end.flatMap(series.periodValue), lastYearLevel: lastLevel,
            publishedGrowthPct: published, levelsGrowthPct: fromLevels, growthPct: headline, growthSource: source,
            growthDifferencePct: difference, rolling12: end.flatMap(series.rolling12), revised: point?.revised ?? false,
            progress: target.flatMap { progress(series, level: level, at: end, growth: headline, target: $0) })
    }

    /// Progress against `target` at `end` (the period shown), with the pace: see `TargetProgress`.
    public static func progress(_ series: IndicatorSeries, level: Decimal?, at end: YearMonth?, growth: Decimal?,
                                target: IndicatorTarget) -> TargetProgress? {
        guard target.level != nil || target.growthPct != nil else { return nil }
        var out = TargetProgress(target: target, sharePct: nil, expectedSharePct: nil, seasonalPace: false, remaining: nil,
                                 neededPerMonth: nil, neededGrowthPct: nil, behind: false)
        if let goal = target.level, goal > 0, let level, let end, end.year == target.year {
            let monthsLeft = 12 - end.month
            out.sharePct = level / goal * 100
            out.remaining = goal - level
            if monthsLeft > 0 { out.neededPerMonth = (goal - level) / Decimal(monthsLeft) }
            let last = end.lastYear
            if series.definition.accumulation == .stock {
                // A stock moves from last December's level towards the target through the year.
                if let dec = YearMonth(year: target.year - 1, month: 12), let start = series.ytd(dec) {
                    let expected = start + (goal - start) * Decimal(end.month) / 12
                    out.expectedSharePct = expected / goal * 100
                }
            } else if let last, let lastTotal = series.year(last.year), lastTotal > 0, let lastToDate = series.ytd(last) {
                out.expectedSharePct = lastToDate / lastTotal * 100
                out.seasonalPace = true
                let lastRest = lastTotal - lastToDate
                if monthsLeft > 0, lastRest > 0 { out.neededGrowthPct = yoy(goal - level, lastRest) }
            } else {
                out.expectedSharePct = Decimal(end.month) / 12 * 100
            }
            if let share = out.sharePct, let expected = out.expectedSharePct, share < expected { out.behind = true }
        }
        if let goal = target.growthPct, let growth, growth < goal { out.behind = true }
        return out
    }
}
