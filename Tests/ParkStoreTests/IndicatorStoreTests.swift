import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import SQLKit
import XCTest

/// Indicators through the database (today is 2025-06-01): the catalogue, the all-or-nothing
/// import with revisions kept, targets, and the figures ParkOS derives from its own records.
final class IndicatorStoreTests: StoreTestCase {
    var indicators: IndicatorRepository { IndicatorRepository(db: db, clock: clock) }

    /// Trade YTD (亿元) for 2024 and 2025 to April.
    static let tradeCSV: String = {
        let y2024 = [200, 380, 600, 800, 1000, 1250, 1450, 1650, 1900, 2100, 2350, 2600]
        let y2025 = [210, 400, 640, 850]
        var lines = ["indicator,period,value,growth_pct"]
        lines += y2024.enumerated().map { "trade,2024-\(String(format: "%02d", $0 + 1)),\($1)," }
        lines += y2025.enumerated().map { "trade,2025-\(String(format: "%02d", $0 + 1)),\($1),\($0 == 3 ? "6.3" : "")" }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testTheCatalogueShipsSIPsHeadlineSet() async throws {
        let codes = try await indicators.catalogue().map(\.code)
        XCTAssertEqual(codes, ["gdp", "budget_revenue", "industrial_output", "trade", "fdi_utilised", "fdi_contracted",
                               "fixed_asset_investment", "tax_revenue", "enterprises"])
        let gdp = try await indicators.definition("gdp")
        XCTAssertEqual(gdp.growthBasis, .constantPrices)
        XCTAssertEqual(gdp.frequency, .quarterly)
        await assertEqual(try await indicators.definition("fdi_utilised").unit, .yiUSD)
        _ = await domainError { _ = try await indicators.definition("nope") }
    }

    func testImportWritesEveryRowThenARevisionKeepsTheOldValue() async throws {
        // given
        let dry = try await indicators.importCSV(Data(Self.tradeCSV.utf8), dryRun: true, by: officer)
        XCTAssertEqual(dry.errors, [])
        XCTAssertEqual(dry.added, 16)
        await assertEqual(try await indicators.current(["trade"], from: YearMonth(year: 2024, month: 1)!, through: YearMonth(year: 2025, month: 5)!).count, 0)
        // when
        let first = try await indicators.importCSV(Data(Self.tradeCSV.utf8), dryRun: false, by: officer)
        let again = try await indicators.importCSV(Data(Self.tradeCSV.utf8), dryRun: false, by: officer)
        let revised = try await indicators.importCSV(Data("indicator,period,value,growth_pct,reason\ntrade,2025-04,860,6.3,customs corrected April\n".utf8),
                                                     dryRun: false, by: officer)
        // then
        XCTAssertEqual(first.added, 16)
        XCTAssertEqual(again.unchanged, 16)
        XCTAssertEqual(again.added + again.revised, 0)
        XCTAssertEqual(revised.revised, 1)
        let april = IndicatorPeriod(text: "2025-04")!
        let history = try await indicators.history("trade", period: april, by: officer)
        XCTAssertEqual(history.map(\.value), [850, 860])
        XCTAssertEqual(history.map(\.version), [1, 2])
        XCTAssertEqual(history[1].reason, "customs corrected April")
        XCTAssertEqual(history[1].createdBy, "officer")
        await assertEqual(try await auditActions(IndicatorRepository.valueEntityType, "trade/2025-04"), ["import", "revise"])
        let report = try await indicators.report(month: YearMonth(year: 2025, month: 4)!, by: officer)
        let trade = try XCTUnwrap(report.figures.first { $0.definition.code == "trade" })
        XCTAssertEqual(trade.level, 860)
        XCTAssertTrue(trade.revised)
        XCTAssertEqual(trade.periodValue, 220)                 // 860 − 640
        XCTAssertEqual(trade.growthPct, Decimal(string: "6.3"))
        XCTAssertEqual(trade.levelsGrowthPct, 7.5)             // (860 − 800) ÷ 800
        XCTAssertEqual(trade.growthDifferencePct, Decimal(string: "-1.2"))
    }

    func testABadFileWritesNothingAndNamesEveryRow() async throws {
        let csv = "indicator,period,value,growth_pct\ntrade,2025-01,210,\ntrade,2025-13,1,\nnope,2025-01,1,\ntrade,2025-06,1,\ntrade,2025-02,400,fast\n"
        let r = try await indicators.importCSV(Data(csv.utf8), dryRun: false, by: officer)
        XCTAssertEqual(r.errors.map { "\($0.row):\($0.column ?? ""):\($0.code)" },
                       ["3:period:invalid_period", "4:indicator:unknown_indicator", "5:period:future_period", "6:growth_pct:invalid_number"])
        await assertEqual(try await indicators.current(nil, from: YearMonth(year: 2025, month: 1)!, through: YearMonth(year: 2025, month: 12)!).count, 0)
        await assertEqual(try await auditCount(), 0)
        // and a header the import does not know
        let header = try await indicators.importCSV(Data("indicator,month,value\n".utf8), dryRun: false, by: officer)
        XCTAssertEqual(header.errors.map(\.code), ["unknown_column", "required"])
        // enterprise users may not import
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: UUID())
        _ = await domainError { _ = try await indicators.importCSV(Data(Self.tradeCSV.utf8), dryRun: false, by: firm) }
    }

    func testTargetsAreDataAndDriveProgress() async throws {
        _ = try await indicators.importCSV(Data(Self.tradeCSV.utf8), dryRun: false, by: officer)
        try await indicators.setTarget(IndicatorTarget(indicator: "trade", year: 2025, level: 2860, growthPct: 5), by: officer)
        await assertEqual(try await indicators.targets(year: 2025), [IndicatorTarget(indicator: "trade", year: 2025, level: 2860, growthPct: 5)])
        let report = try await indicators.report(month: YearMonth(year: 2025, month: 4)!, by: officer)
        let p = try XCTUnwrap(report.figures.first { $0.definition.code == "trade" }?.progress)
        // 850 ÷ 2860 = 29.72 % against last year's 800 ÷ 2600 = 30.77 % by April: behind
        XCTAssertEqual(IndicatorNumber.rounded(p.sharePct!, 2), Decimal(string: "29.72"))
        XCTAssertEqual(IndicatorNumber.rounded(p.expectedSharePct!, 2), Decimal(string: "30.77"))
        XCTAssertTrue(p.behind)
        XCTAssertEqual(p.neededPerMonth, 251.25)               // (2860 − 850) ÷ 8
        try await indicators.setTarget(IndicatorTarget(indicator: "trade", year: 2025), by: officer)
        await assertEqual(try await indicators.targets(year: 2025), [])
        await assertEqual(try await auditActions(IndicatorRepository.targetEntityType, "trade/2025"), ["set", "delete"])
        _ = await domainError { _ = try await indicators.setTarget(IndicatorTarget(indicator: "trade", year: 2025, level: -1), by: officer) }
        _ = await domainError { _ = try await indicators.setTarget(IndicatorTarget(indicator: "nope", year: 2025, level: 1), by: officer) }
    }

    /// Three firms: one above scale both years, one entering the set in 2024, one leaving it.
    func seedDerivedPark() async throws -> [Enterprise] {
        var out: [Enterprise] = []
        let figures: [(rev2023: Int64, rev2024: Int64, tax2024: Int64)] = [(25_000_000, 30_000_000, 1_000_000),
                                                                           (15_000_000, 22_000_000, 500_000),
                                                                           (21_000_000, 10_000_000, 200_000)]
        for (i, f) in figures.enumerated() {
            let (e, lease, _) = try await producer(i + 1)
            let reports = ReportRepository(db: db, clock: clock)
            _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2023, taxPaidYuan: 100_000, revenueYuan: f.rev2023), reason: "", by: officer)
            _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: f.tax2024, revenueYuan: f.rev2024), reason: "", by: officer)
            out.append(e)
        }
        return out
    }

    func testDerivedFiguresComparableSetGrowthAndBreakdowns() async throws {
        // given
        let firms = try await seedDerivedPark()
        let query = DerivedFiguresQuery(db: db)
        // when (May 2025: the data year is 2024)
        let d = try await query.figures(month: YearMonth(year: 2025, month: 5)!)
        // then
        XCTAssertEqual(d.dataYear, 2024)
        XCTAssertEqual(d.enterprises, 3)
        XCTAssertEqual(d.taxYuan, 1_700_000)
        XCTAssertEqual(d.taxLastYearYuan, 300_000)
        XCTAssertEqual(d.outputYuan, 52_000_000)                  // firms 1 and 2
        XCTAssertEqual(d.outputComparableBaseYuan, 40_000_000)    // their 2023 revenue
        XCTAssertEqual(d.outputLastYearYuan, 46_000_000)          // 2023's own set: firms 1 and 3
        XCTAssertEqual(d.outputComparableGrowthPct, 30)
        XCTAssertEqual(IndicatorNumber.rounded(d.outputLevelsGrowthPct!, 2), Decimal(string: "13.04"))
        XCTAssertEqual(d.aboveScaleFirms, 2)
        XCTAssertEqual(d.breakdowns[.cluster]?.map { "\($0.key):\($0.enterprises)" }, ["biomedicine:3"])
        XCTAssertEqual(d.breakdowns[.subArea]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan)" }, ["湖西:2:1200000", "湖东:1:500000"])
        XCTAssertEqual(d.breakdowns[.ownership]?.first?.outputYuan, 52_000_000)
        // a correction replaces the figure (the newest version counts)
        let lease = try await LeaseRepository(db: db).list(.init(enterpriseID: firms[0].id!))[0]
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_000_000, revenueYuan: 32_000_000),
                                                                    reason: "corrected", by: officer)
        await assertEqual(try await query.figures(month: YearMonth(year: 2025, month: 5)!, breakdowns: false).outputYuan, 54_000_000)
        // an enterprise in two clusters counts in each (the breakdowns are read in the same statement as the totals)
        try await (db as! any SQLDatabase).raw("UPDATE enterprises SET clusters = ';biomedicine;ai;' WHERE id = \(bind: firms[0].id!)").run()
        let again = try await query.figures(month: YearMonth(year: 2025, month: 5)!)
        XCTAssertEqual(again.outputYuan, 54_000_000)
        XCTAssertEqual(again.breakdowns[.cluster]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan):\($0.outputYuan)" },
                       ["biomedicine:3:1700000:54000000", "ai:1:1000000:32000000"])
        XCTAssertEqual(again.breakdowns[.size]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan)" }, ["above:3:1700000"])
        XCTAssertEqual(again.breakdowns[.subArea]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan):\($0.outputYuan)" },
                       ["湖西:2:1200000:32000000", "湖东:1:500000:22000000"])
        // the drill-down: the enterprises behind above-scale output, largest first, paged
        let page1 = try await query.enterprises(month: YearMonth(year: 2025, month: 5)!, metric: .output, dimension: nil, key: nil,
                                                page: try ParkDomain.PageRequest(page: 1, perPage: 1))
        XCTAssertEqual(page1.total, 2)
        XCTAssertEqual(page1.rows.map(\.revenueYuan), [32_000_000])
        let huxi = try await query.enterprises(month: YearMonth(year: 2025, month: 5)!, metric: .tax, dimension: .subArea, key: "湖西",
                                               page: try ParkDomain.PageRequest(page: 1, perPage: 50))
        XCTAssertEqual(huxi.rows.map(\.enterpriseID), [firms[0].id!, firms[2].id!])
        await assertEqual(try await query.enterpriseCounts([YearMonth(year: 2011, month: 12)!, YearMonth(year: 2025, month: 5)!]).values.sorted(), [1, 3])
    }

    func testTheProfileGathersEverySectionAndHidesOtherFirms() async throws {
        // given
        let firms = try await seedDerivedPark()
        // when
        let profile = try await EnterpriseProfile.load(db: db, clock: clock, enterprise: firms[0].id!, by: officer)
        // then
        XCTAssertEqual(profile.sections.map(\.id), ["register", "land", "reports"])
        let reports = profile.sections[2].content.blocks[0]
        XCTAssertEqual(reports.rows.map { $0[0].text.en }, ["2024", "2023"])
        XCTAssertEqual(reports.rows[0][2].raw, "30000000.00")
        XCTAssertEqual(reports.rows[0][2].text.zh, "3,000.00 万元")
        let own = Principal(userID: UUID(), name: "firm-1", role: .enterprise, enterpriseID: firms[0].id)
        await assertEqual(try await EnterpriseProfile.load(db: db, clock: clock, enterprise: firms[0].id!, by: own).sections.count, 3)
        let err = await domainError { _ = try await EnterpriseProfile.load(db: db, clock: clock, enterprise: firms[1].id!, by: own) }
        XCTAssertEqual(err?.kind, .notFound)
    }
}
