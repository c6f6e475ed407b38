import FluentKit
import Foundation
import ParkDomain

/// Seeds the demo park's indicators: the published series from 2019-01 to last month through
/// the import (checked and audited like any file), one revised figure (last month's trade,
/// first entered 2 % low, then corrected with its reason), the register's own enterprise counts
/// as the market supervision bureau's series, and this year's targets.
public struct DemoIndicatorSeeder: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func seed(progress: (@Sendable (String) -> Void)? = nil) async throws {
        let repo = IndicatorRepository(db: db, clock: clock)
        let bureau = Principal.system("demo:statistics-bureau")
        guard let last = YearMonth(LocalDate(clock.now())).adding(months: -1) else { return }
        var rows = DemoIndicators.rows(through: last)
        // The register's own count at each month's end, as the stock series.
        let months = YearMonth(year: 2019, month: 1)!.through(last)
        let counts = try await DerivedFiguresQuery(db: db).enterpriseCounts(months)
        for m in months {
            rows.append(IndicatorImportRow(line: rows.count + 2, indicator: "enterprises", period: m.iso, value: String(counts[m] ?? 0)))
        }
        // Last month's trade first entered 2 % low …
        let revised = rows.firstIndex { $0.indicator == "trade" && $0.period == last.iso }
        var first = rows
        if let i = revised, let v = IndicatorNumber.parse(rows[i].value) {
            first[i].value = IndicatorNumber.text(IndicatorNumber.rounded(v * Decimal(string: "0.98")!, 2))
        }
        let outcome = try await repo.importRows(first, dryRun: false, by: bureau)
        guard outcome.errors.isEmpty else {
            throw DomainError(code: "demo_indicators", en: "demo indicators refused: \(outcome.errors.prefix(3).map(\.message.en))", zh: "演示指标数据导入失败")
        }
        // … then corrected.
        if let i = revised {
            var row = rows[i]
            row.reason = "海关更正：补录保税区数据 / customs corrected: bonded zone figures added"
            _ = try await repo.importRows([row], dryRun: false, by: bureau)
        }
        // This year's targets from last year's totals.
        let year = YearMonth(LocalDate(clock.now())).year
        let series = try await repo.series(fromYear: year - 1, through: last)
        var totals: [String: Decimal] = [:]
        for s in series where s.definition.accumulation == .ytd {
            if let t = s.year(year - 1) { totals[s.definition.code] = t }
        }
        for t in DemoIndicators.targets(year: year, lastYearTotals: totals) {
            try await repo.setTarget(t, by: Principal.system("demo:leadership"))
        }
        progress?("published \(outcome.added) indicator values (2019-01 to \(last.iso)) and \(totals.count) targets")
    }
}
