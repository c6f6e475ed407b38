import FluentKit
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import SQLKit
import XCTest

final class DemoInvestmentTests: StoreTestCase {
    func testTheH1_2020ReportReproducesTheSeedFigures() async throws {
        // given: the small demo park
        _ = try await DemoSeeder(db: db, clock: clock, bcryptCost: 4).seed(seed: 7, scale: .small)
        // when
        let r = try await FDIReportQuery(db: db, clock: clock).run(from: YearMonth(iso: "2020-01")!, to: YearMonth(iso: "2020-06")!)
        let f = r.figures
        // then: utilised US$1.28 bn, +196 %; contracted US$2.07 bn, +149 %; 117 new projects, ~75 % strategic emerging
        XCTAssertEqual(f.totals.utilisedUSDCents, 128_000_000_000)
        XCTAssertEqual(f.totals.contractedUSDCents, 207_000_000_000)
        XCTAssertEqual(String(format: "%.0f", try XCTUnwrap(f.utilisedGrowth) * 100), "196")
        XCTAssertEqual(String(format: "%.0f", try XCTUnwrap(f.contractedGrowth) * 100), "149")
        XCTAssertEqual(f.totals.newProjects, 117)
        XCTAssertEqual(try XCTUnwrap(f.strategicEmergingShare), 0.75, accuracy: 0.05)
        XCTAssertEqual(f.comparable, f.totals, "no financial-sector FDI in 2019–2020")
        // and the pipeline is in flight at every stage, with overdue projects and escalated blockers
        for s in ProjectStage.allCases { XCTAssertGreaterThan(r.pipeline.stageCounts[s] ?? 0, 0, s.rawValue) }
        XCTAssertGreaterThan(r.pipeline.overdue, 0)
        XCTAssertGreaterThan(r.pipeline.escalatedBlockers, 0)
        XCTAssertGreaterThan(r.pipeline.openBlockers, r.pipeline.escalatedBlockers)
        XCTAssertGreaterThan(r.pipeline.fortune500Projects, 0)
        // inflows every month of the last three years
        let now = YearMonth(LocalDate(clock.now()))
        let months = try await InvestmentFigures(db: db).monthly(from: now.adding(months: -36)!, to: now)
        XCTAssertEqual(months.filter { $0.utilisedUSDCents == 0 }.map(\.month), [])
        // and no project's utilised FDI is more than its contracted (capital increases included)
        let sql = try XCTUnwrap(db as? any SQLDatabase)
        let over = try await sql.raw("""
            SELECT i.project_id FROM (SELECT project_id, SUM(usd_cents) AS u FROM fdi_inflows GROUP BY project_id) i
            LEFT JOIN (SELECT project_id, SUM(usd_cents) AS c FROM fdi_contracted GROUP BY project_id) c ON c.project_id = i.project_id
            WHERE i.u > COALESCE(c.c, 0)
            """).all()
        XCTAssertEqual(over.count, 0, "projects whose inflows exceed their contract")
        let inflows = try await sql.raw("SELECT COUNT(*) AS n FROM fdi_inflows").first()?.decode(column: "n", as: Int.self)
        XCTAssertGreaterThan(try XCTUnwrap(inflows), 500)
    }
}
