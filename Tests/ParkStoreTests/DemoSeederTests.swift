import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport
import SQLKit

final class DemoSeederTests: StoreTestCase {
    func testSmallParkIsCreatedOnceAndThenReused() async throws {
        // given
        let seeder = DemoSeeder(db: db, clock: clock, bcryptCost: 4)
        // when
        let first = try await seeder.seed(seed: 7, scale: .small)
        let second = try await seeder.seed(seed: 7, scale: .small)
        // then
        XCTAssertTrue(first.created)
        XCTAssertEqual(first.enterprises, 200)
        XCTAssertEqual(Set(first.logins.map(\.username)), ["admin", "land", "econ", "invest", "invest-head", "leader", "firm-a", "firm-b",
                                                                  "customs", "customs-head", "health", "health-head", "market", "service"])
        XCTAssertFalse(second.created)
        XCTAssertEqual(second.enterprises, 200)
        XCTAssertEqual(second.logins.map(\.username), first.logins.map(\.username))
        await assertEqual(try await enterprises.count(), 200)
        let users = try await accounts.list()
        XCTAssertEqual(users.count, 14)
        XCTAssertEqual(users.filter { $0.role == .enterprise }.count, 2)
        await assertNotNil(try await accounts.authenticate(username: "land", password: DemoSeeder.password))
        guard case .intact(let n, _) = try await audit.verify() else { return XCTFail("chain should be intact") }
        let parcels = try await ParcelRepository(db: db).count()
        let leases = try await LeaseRepository(db: db).list()
        XCTAssertGreaterThan(parcels, 40)
        XCTAssertEqual(Set(leases.map(\.state)), Set(LeaseState.allCases), "the demo has a lease in every state")
        // Outbound (issue 14) audits each of its demo rows and the rates it imports.
        let outboundEntries = try await sql.raw("""
            SELECT COUNT(*) AS n FROM audit_entries WHERE entity_type IN ('outbound_project', 'outbound_filing', 'country_risk', 'outbound_alert',
            'outbound_service', 'exchange_rate')
            """).first()!.decode(column: "n", as: Int.self)
        XCTAssertGreaterThan(outboundEntries, 500)
        // The indicators go through the import: one entry per value version and per target.
        let indicatorEntries = try await sql.raw("SELECT (SELECT COUNT(*) FROM indicator_values) + (SELECT COUNT(*) FROM indicator_targets) AS n")
            .first()!.decode(column: "n", as: Int.self)
        // The service demo (issue 12) works its requests through the desk: every step audited.
        let serviceEntries = try await sql.raw("SELECT COUNT(*) AS n FROM audit_entries WHERE entity_type LIKE 'service_%'")
            .first()!.decode(column: "n", as: Int.self)
        XCTAssertGreaterThan(serviceEntries, 1_000)
        // The information reports (issue 11): one entry per report generated or change recorded.
        let infoReports = try await sql.raw("SELECT COUNT(*) AS n FROM fdi_info_reports").first()!.decode(column: "n", as: Int.self)
        XCTAssertGreaterThan(infoReports, 12)
        XCTAssertEqual(n, 214 + parcels + leases.count + 7 + outboundEntries + indicatorEntries + serviceEntries + infoReports,
                       "one entry per enterprise, account (14), parcel and lease, per-mu scheme (3), run (2) and enactment (2), outbound row, indicator value and target, service step, information report")
        // The two years before the latest are enacted; the latest is left for the officer.
        let latest = LocalDate(clock.now()).year - 1
        let runs = PerMuRunRepository(db: db, clock: clock)
        await assertEqual(try await runs.enacted(year: latest - 2)?.schemeName, "SIP \(latest - 2)")
        await assertEqual(try await runs.enacted(year: latest - 1)?.schemeName, "SIP \(latest - 1)")
        await assertEqual(try await runs.all(year: latest).count, 0)
        await assertEqual(try await PerMuSchemeRepository(db: db).find(name: "SIP \(latest)")?.scheme.year, latest)
        // Supplied facts give the built-in policies enterprises to match.
        let run = try await PolicyRunRepository(db: db, clock: clock).match(asOf: LocalDate(clock.now()), by: admin)
        let eligible = Dictionary(uniqueKeysWithValues: run.policies.map { ($0.id, $0.eligible) })
        XCTAssertGreaterThan(eligible["sip_rd_expense_subsidy"] ?? 0, 0, "\(eligible)")
        XCTAssertGreaterThan(run.eligible, 0)
    }

    func testFirmUsersBelongToTheFirstTwoDemoEnterprises() async throws {
        // given
        let seeder = DemoSeeder(db: db, clock: clock, bcryptCost: 4)
        // when
        _ = try await seeder.seed(seed: 7, scale: .small)
        // then
        let firmA = try await unwrap(try await accounts.find(username: "firm-a"))
        let a = try await unwrap(try await enterprises.find(try XCTUnwrap(firmA.enterpriseID)))
        XCTAssertEqual(a.fortune500Parent != nil, true, "enterprise 0 is the Bosch subsidiary")
        XCTAssertEqual(a.ownership, .foreign)
    }

    func testTheRegistersEmployeesAreWhatTheLandReportsSay() async throws {
        // given
        _ = try await DemoSeeder(db: db, clock: clock, bcryptCost: 4).seed(seed: 7, scale: .small)
        // when: each enterprise's held leases, with the latest report that has employees
        let reports = ReportRepository(db: db)
        var reported: [UUID: Int] = [:]
        for lease in try await LeaseRepository(db: db).list() where ![.reclaimed, .expired, .lapsed].contains(lease.state) {
            guard let n = try await reports.current(leaseID: lease.id!).last(where: { $0.averageEmployees != nil })?.averageEmployees else { continue }
            reported[lease.enterpriseID, default: 0] += n
        }
        // then: the register says the same, Bosch (firm-a) included
        XCTAssertGreaterThan(reported.count, 20)
        for (id, n) in reported {
            await assertEqual(try await enterprises.find(id)?.employees, n, "enterprise \(id)")
        }
        let firmA = try await unwrap(try await accounts.find(username: "firm-a"))
        XCTAssertNotNil(reported[try XCTUnwrap(firmA.enterpriseID)], "firm-a's land reports its employees")
    }
}
