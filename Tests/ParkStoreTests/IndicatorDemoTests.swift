import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import XCTest

/// The demo's series reproduce the seed's H1 2020 figures (DOMAIN.md §7) in the 2020-06 report.
final class IndicatorDemoTests: StoreTestCase {
    func testThe2020_06ReportReproducesTheSeedFigures() async throws {
        // given the demo's indicators (today 2025-06-01: series to 2025-05)
        try await DemoIndicatorSeeder(db: db, clock: clock).seed()
        // when
        let report = try await IndicatorRepository(db: db, clock: clock).report(month: YearMonth(year: 2020, month: 6)!, by: admin)
        func figure(_ code: String) throws -> IndicatorFigure { try XCTUnwrap(report.figures.first { $0.definition.code == code }) }
        // then: GDP 1,290 亿元 +2.1 % (published at constant prices, shown as published) …
        XCTAssertEqual(try figure("gdp").period?.text, "2020-Q2")
        XCTAssertEqual(try figure("gdp").level, 1290)
        XCTAssertEqual(try figure("gdp").growthPct, Decimal(string: "2.1"))
        XCTAssertEqual(try figure("gdp").growthSource, .published)
        XCTAssertNotNil(try figure("gdp").growthDifferencePct, "current-price levels grew faster: marked beside it")
        // … trade 3,052 亿元 +4.5 %, contracted and utilised FDI US$20.7 亿 / 12.8 亿, +149 % / +196 %
        XCTAssertEqual(try figure("trade").level, 3052)
        XCTAssertEqual(try figure("trade").growthPct, Decimal(string: "4.5"))
        XCTAssertEqual(try figure("fdi_contracted").level, Decimal(string: "20.7"))
        XCTAssertEqual(try figure("fdi_contracted").growthPct, 149)
        XCTAssertEqual(try figure("fdi_utilised").level, Decimal(string: "12.8"))
        XCTAssertEqual(try figure("fdi_utilised").growthPct, 196)
        XCTAssertEqual(try figure("fdi_utilised").definition.unit, .yiUSD)
        // the latest month has one revised figure, and this year's targets exist
        let may = try await IndicatorRepository(db: db, clock: clock).report(month: YearMonth(year: 2025, month: 5)!, by: admin)
        XCTAssertEqual(may.figures.filter(\.revised).map(\.definition.code), ["trade"])
        XCTAssertGreaterThanOrEqual(may.figures.compactMap(\.progress).count, 7)
        XCTAssertFalse(may.alerts.isEmpty, "some indicator is behind its pace")
        XCTAssertFalse(may.figures.allSatisfy { $0.progress?.behind == true }, "and some is not")
        // the series start in January 2019 and are YTD-monotone within each year
        let series = try await IndicatorRepository(db: db, clock: clock).series(fromYear: 2019, through: YearMonth(year: 2025, month: 5)!)
        let budget = try XCTUnwrap(series.first { $0.definition.code == "budget_revenue" })
        XCTAssertNotNil(budget.point(YearMonth(year: 2019, month: 1)!))
        XCTAssertEqual(budget.points.count, 77)                 // 2019-01 … 2025-05
    }
}
