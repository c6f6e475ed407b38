import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

final class OutboundDemoTests: StoreTestCase {
    func testTheDemoReproducesThePlatformsFiguresForJune2020() async throws {
        // given a register of 320 firms and the demo's outbound investment
        let firms = try await enterprises.createAll((1...320).map { enterprise($0, zh: "企业\($0)", en: "Firm \($0)") }, by: admin)
        try await DemoOutboundSeeder(db: db, clock: clock).seed(seed: 7, enterprises: firms.map { $0.id! })
        let stats = OutboundStatsQuery(db: db)
        // when
        let byJune = try await stats.run(from: nil, to: YearMonth(year: 2020, month: 6)!)
        let h1 = try await stats.totals(from: YearMonth(year: 2020, month: 1), to: YearMonth(year: 2020, month: 6)!)
        // then 309 firms in 53 countries, 10.4 bn yuan; 148 firms, 179 projects, 22 Belt and Road countries
        XCTAssertEqual(byJune.total.firms, 309)
        XCTAssertEqual(byJune.total.countries, 53)
        XCTAssertEqual(byJune.total.yuanFen, 10_400_000_000_00)
        XCTAssertEqual(byJune.beltAndRoad.firms, 148)
        XCTAssertEqual(byJune.beltAndRoad.projects, 179)
        XCTAssertEqual(byJune.beltAndRoad.countries, 22)
        // and 27 projects and 1.03 bn yuan in H1 2020
        XCTAssertEqual(h1.projects, 27)
        XCTAssertEqual(h1.yuanFen, 1_030_000_000_00)
        // and filings in every state, some lapsing soon, Myanmar downgraded with its alert
        let states = try await sql.raw("SELECT DISTINCT state FROM outbound_filings").all().map { try $0.decode(column: "state", as: String.self) }
        XCTAssertEqual(Set(states), Set(FilingState.allCases.map(\.rawValue)))
        let repo = OutboundRepository(db: db)
        await assertTrue(try await repo.filingQueue(.lapsing, today: LocalDate(clock.now()), days: 60).total > 0, "certificates lapsing soon")
        let alerts = try await OutboundRiskRepository(db: db).alerts(country: "MM").items
        XCTAssertEqual(alerts.map(\.alert.cause), [.downgrade])
        XCTAssertGreaterThan(alerts[0].recipients, 0)
        await assertTrue(try await OutboundRiskRepository(db: db).alerts(for: firms[0].id!).total > 0, "firm-a hears of Myanmar")
        guard case .intact = try await audit.verify() else { return XCTFail("the chain should hold") }
    }
}
