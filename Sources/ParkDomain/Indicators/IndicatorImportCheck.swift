import Foundation

/// A row of the statistics bureau's CSV (`indicator,period,value,growth_pct[,reason]`), as text.
public struct IndicatorImportRow: Sendable, Hashable {
    public var line: Int
    public var indicator: String
    public var period: String
    public var value: String
    public var growthPct: String
    public var reason: String

    public init(line: Int, indicator: String, period: String, value: String, growthPct: String = "", reason: String = "") {
        self.line = line; self.indicator = indicator; self.period = period; self.value = value
        self.growthPct = growthPct; self.reason = reason
    }
}

/// A checked row, ready to store.
public struct IndicatorEntry: Sendable, Hashable {
    public var line: Int
    public var indicator: String
    public var period: IndicatorPeriod
    public var value: Decimal
    public var growthPct: Decimal?
    public var reason: String
    /// What the row was flagged for, when its stated reason let it through.
    public var warning: Bilingual?
}

/// The result of checking an import: the rows to store, or the errors (every one, with its row
/// and column) that refuse the whole file.
public struct IndicatorImportPlan: Sendable {
    public var entries: [IndicatorEntry]
    public var errors: [RowError]
}

/// The checks of issue 13's "Bad input" on an indicator import, before anything is written.
/// Refused: a period in the wrong form or not yet ended, an unknown indicator code, a value or
/// growth rate that is not a number, a quarter for a monthly indicator (or a month for a
/// quarterly one), a duplicate row. Flagged, and imported only with a reason stated in the row's
/// `reason` column: a YTD value lower than the previous period's of the same year, and a value
/// about 10,000 times off the previous period's (万元 where the catalogue says 亿元, or back).
public enum IndicatorImportCheck {
    /// The columns of the import file.
    public static let columns = ["indicator", "period", "value", "growth_pct", "reason"]
    public static let required = ["indicator", "period", "value"]
    /// A ratio to the previous period beyond this (either way) is read as the wrong unit.
    public static let unitRatio: Decimal = 5_000
    public static let maxGrowthPct: Decimal = 100_000

    /// Checks `rows` against the catalogue. `stored` gives the value already stored for an
    /// indicator and period; `currentMonth` is today's month (periods not ended are refused).
    public static func check(_ rows: [IndicatorImportRow], catalogue: [String: IndicatorDefinition],
                             stored: (String, IndicatorPeriod) -> Decimal?, currentMonth: YearMonth) -> IndicatorImportPlan {
        var errors: [RowError] = []
        var entries: [IndicatorEntry] = []
        var inFile: [String: [YearMonth: Decimal]] = [:]
        var seen: [String: Int] = [:]
        // Values first (so a row can be compared with an earlier period later in the file).
        var parsed: [(IndicatorImportRow, IndicatorDefinition, IndicatorPeriod, Decimal, Decimal?)] = []
        for row in rows {
            func fail(_ column: String, _ code: String, _ en: String, _ zh: String) {
                errors.append(RowError(row: row.line, column: column, code: code, message: Bilingual(zh: zh, en: en)))
            }
            let code = row.indicator.trimmingCharacters(in: .whitespaces).lowercased()
            guard let def = catalogue[code] else {
                let known = catalogue.keys.sorted().joined(separator: ", ")
                fail("indicator", "unknown_indicator", "unknown indicator '\(code.prefix(40))'; the catalogue has \(known)",
                     "未知指标“\(code.prefix(40))”；指标目录中有：\(known)")
                continue
            }
            guard let period = IndicatorPeriod(text: row.period) else {
                fail("period", "invalid_period", "period must be YYYY-MM or YYYY-Qn, not '\(row.period.prefix(40))'",
                     "期别须为 YYYY-MM 或 YYYY-Qn 格式，而非“\(row.period.prefix(40))”")
                continue
            }
            if period.isQuarter != (def.frequency == .quarterly) {
                let form = def.frequency == .quarterly ? "YYYY-Qn" : "YYYY-MM"
                fail("period", "wrong_frequency", "\(def.code) is published \(def.frequency.label.en.lowercased()): the period must be \(form), not '\(period.text)'",
                     "\(def.name.zh)按\(def.frequency.label.zh)发布，期别须为 \(form)，而非“\(period.text)”")
                continue
            }
            if period.end >= currentMonth {
                fail("period", "future_period", "the period \(period.text) has not ended yet (this month is \(currentMonth.iso))",
                     "期别 \(period.text) 尚未结束（本月为 \(currentMonth.iso)）")
                continue
            }
            guard let value = IndicatorNumber.parse(row.value) else {
                fail("value", "invalid_number", "value must be a number as published in \(def.unit.label.en), not '\(row.value.prefix(40))'",
                     "数值须为以\(def.unit.label.zh)计的数字，而非“\(row.value.prefix(40))”")
                continue
            }
            guard value >= 0, value <= Decimal(Bounds.maxYuan) else {
                fail("value", "out_of_range", "value must be between 0 and \(Bounds.maxYuan)", "数值须在 0 至 \(Bounds.maxYuan) 之间")
                continue
            }
            var growth: Decimal?
            let g = row.growthPct.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            if !g.isEmpty {
                guard let parsedGrowth = IndicatorNumber.parse(g) else {
                    fail("growth_pct", "invalid_number", "growth_pct must be a number of percent (e.g. 2.1 or -3.5) or empty, not '\(row.growthPct.prefix(40))'",
                         "增速须为百分数数字（如 2.1 或 -3.5）或留空，而非“\(row.growthPct.prefix(40))”")
                    continue
                }
                guard parsedGrowth >= -100, parsedGrowth <= maxGrowthPct else {
                    fail("growth_pct", "out_of_range", "growth_pct must be between -100 and \(maxGrowthPct)", "增速须在 -100 至 \(maxGrowthPct) 之间")
                    continue
                }
                growth = parsedGrowth
            }
            let key = "\(def.code)/\(period.text)"
            if let first = seen[key] {
                fail("period", "duplicate", "\(key) already appears on line \(first)", "\(key) 与第 \(first) 行重复")
                continue
            }
            seen[key] = row.line
            inFile[def.code, default: [:]][period.end] = value
            parsed.append((row, def, period, value, growth))
        }
        for (row, def, period, value, growth) in parsed {
            func earlier(_ m: YearMonth) -> Decimal? {
                inFile[def.code]?[m] ?? stored(def.code, IndicatorPeriod(end: m, isQuarter: period.isQuarter))
            }
            let step = period.isQuarter ? 3 : 1
            var warnings: [Bilingual] = []
            if def.accumulation == .ytd, let prevPeriod = period.previousInYear, let prev = earlier(prevPeriod.end), value < prev {
                warnings.append(Bilingual(
                    zh: "年初累计值 \(IndicatorNumber.text(value)) 低于上期（\(prevPeriod.text)）的 \(IndicatorNumber.text(prev))",
                    en: "the year-to-date value \(IndicatorNumber.text(value)) is lower than \(prevPeriod.text)'s \(IndicatorNumber.text(prev))"))
            }
            if let prevMonth = period.end.adding(months: -step), let prev = earlier(prevMonth), prev > 0, value > 0 {
                let ratio = value / prev
                if ratio >= unitRatio || ratio <= 1 / unitRatio {
                    let unit = def.unit.label
                    let bigger = ratio >= unitRatio
                    warnings.append(Bilingual(
                        zh: "数值约为上期（\(IndicatorNumber.text(prev))）的 \(bigger ? "10,000 倍" : "万分之一")：目录单位为\(unit.zh)，是否按\(bigger ? "更小" : "更大")的单位填报？",
                        en: "the value is about \(bigger ? "10,000 times" : "1/10,000 of") the previous period's (\(IndicatorNumber.text(prev))): the catalogue's unit is \(unit.en); was it entered in a \(bigger ? "smaller" : "larger") unit?"))
                }
            }
            let reason = row.reason.trimmingCharacters(in: .whitespaces)
            let warning = warnings.isEmpty ? nil : Bilingual(zh: warnings.map(\.zh).joined(separator: "；"), en: warnings.map(\.en).joined(separator: "; "))
            if let warning, reason.isEmpty {
                errors.append(RowError(row: row.line, column: "value", code: "needs_reason", message: Bilingual(
                    zh: warning.zh + "。如确认无误，请在 reason 列说明原因后再导入",
                    en: warning.en + ". If it is right, state why in the reason column to import it")))
                continue
            }
            guard reason.count <= 500 else {
                errors.append(RowError(row: row.line, column: "reason", error: .tooLong("reason", max: 500)))
                continue
            }
            entries.append(IndicatorEntry(line: row.line, indicator: def.code, period: period, value: value, growthPct: growth,
                                          reason: reason, warning: warning))
        }
        errors.sort { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }
        return IndicatorImportPlan(entries: errors.isEmpty ? entries : [], errors: errors)
    }
}
