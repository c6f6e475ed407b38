import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import SQLKit
import XCTest

/// The columnar policy-facts loader: what each source gives, one enterprise alike the whole
/// park, only the facts asked for, and stored figures too large for a fact.
final class PolicyFactsLoaderTests: StoreTestCase {
    /// A second producing lease of `e` on a parcel of its own.
    func secondLease(_ e: Enterprise, _ n: Int) async throws -> Lease {
        var parcel = Parcel(code: "PM-\(n)-2", subArea: "湖东", landUse: "industrial", declaredAreaM2: 1,
                            boundary: Self.squareRing(offset: 0.3 + 0.002 * Double(n)))
        parcel.declaredAreaM2 = parcel.computedAreaM2
        let p = try await ParcelRepository(db: db, clock: clock).createAll([parcel], by: admin)[0]
        return try await seedLease(LandFixture(enterprise: e, parcel: p), start: "2016-01-01", state: .inProduction)
    }

    func file(_ lease: Lease, tax: Int64, revenue: Int64 = 0, kWh: Double = 0, employees: Int = 0, reason: String = "") async throws {
        _ = try await ReportRepository(db: db, clock: clock).submit(
            leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: tax, revenueYuan: revenue, electricityKWh: kWh,
                                                          averageEmployees: employees), reason: reason, by: officer)
    }

    /// An enacted per-mu run of 2024 grading `grades` (enterprise, grade, consecutive years) and
    /// `merged` members with their lead, written straight into the tables.
    func enactedGrades(_ grades: [(UUID, String, Int)], merged: [(UUID, UUID)] = []) async throws {
        let scheme = try await sql.raw("SELECT id FROM permu_schemes ORDER BY name LIMIT 1").first()!.decode(column: "id", as: UUID.self)
        let run = UUID()
        try await sql.insert(into: "permu_runs")
            .columns("id", "year", "scheme_id", "state", "units", "graded", "ungraded", "out_of_scope", "count_a", "count_b", "count_c",
                     "count_d", "surcharge_fen", "benchmarks", "notes", "created_by", "created_at_ms")
            .values(run, 2024, scheme, "enacted", grades.count, grades.count, 0, 0, 0, 0, 0, 0, 0, "[]", "[]", "test", 0).run()
        for (k, g) in grades.enumerated() {
            try await sql.insert(into: "permu_results")
                .columns("run_id", "enterprise_id", "position", "group_kind", "land_mu", "status", "grade", "consecutive_years",
                         "surcharge_fen", "added_rate", "detail")
                .values(run, g.0, k, "regular", 10.0, "graded", g.1, g.2, 0, 0.0, "").run()
        }
        for (member, lead) in merged {
            try await sql.insert(into: "permu_merged").columns("run_id", "enterprise_id", "lead_id").values(run, member, lead).run()
        }
    }

    /// Code lists compared as sets (the table lists a row's codes in vocabulary order).
    func normalised(_ f: PolicyFacts) -> PolicyFacts {
        var out = f
        for (k, v) in f.values { if case .codes(let cs) = v { out[k] = .codes(cs.sorted()) } }
        return out
    }

    func testEachSourceGivesItsFactsAndOneEnterpriseReadsAsInTheWholePark() async throws {
        // given: A (two leases, one extended; a corrected report; supplied facts; grade D for 2 years),
        // B (listed, Fortune 500 parent, employees unknown; a merged member of A's unit), C (no lease).
        let (a, la, _) = try await producer(1)
        let la2 = try await secondLease(a, 1)
        var eb = enterprise(2, zh: "乙", en: "Beta", industry: "35", clusters: ["nanotech", "biomedicine"], ownership: .foreign,
                            country: "DE", fortune500: "Siemens AG", rd: true, hq: true)
        eb.listing = .sseStar
        let b = try await register(eb)
        let c = try await register(enterprise(3, zh: "丙", en: "Gamma", employees: 40))
        try await file(la, tax: 100_000, revenue: 1_000_000, kWh: 1_000.5, employees: 10)
        try await file(la, tax: 300_000, revenue: 3_000_000, kWh: 2_000.25, employees: 30, reason: "tax bureau figures")   // version 2 replaces version 1
        try await file(la2, tax: 50_000, revenue: 500_000, kWh: 500, employees: 5)
        try await sql.raw("UPDATE leases SET state = 'extended' WHERE id = \(bind: la2.id!)").run()
        let facts = EnterpriseFactRepository(db: db, clock: clock)
        try await facts.set(enterprise: a.id!, fact: "certifications", year: nil, text: "srdi;high_tech", by: officer)
        try await facts.set(enterprise: b.id!, fact: "hq_tier", year: nil, text: "china", by: officer)
        try await facts.set(enterprise: b.id!, fact: "utilised_fdi_usd", year: 2024, text: "12,000,000.25", by: officer)
        try await facts.set(enterprise: b.id!, fact: "fixed_asset_investment", year: 2023, text: "5000000", by: officer)   // not the data year
        try await enactedGrades([(a.id!, "D", 2)], merged: [(b.id!, a.id!)])

        // when
        let park = try await PolicyFactsLoader.columns(db, asOf: day("2025-06-01"))

        // then: rows in credit-code order, the register as `PolicyFacts.registry` gives it
        XCTAssertEqual(park.enterpriseIDs, [a.id!, b.id!, c.id!])
        XCTAssertEqual(park.dataYear, 2024)
        XCTAssertEqual(park.problems, [])
        let rows = park.enterpriseIDs.indices.map { normalised(park.table.facts(row: $0)) }
        for (i, e) in [a, b, c].enumerated() {
            for (name, value) in normalised(PolicyFacts.registry(e)).values { XCTAssertEqual(rows[i][name], value, "\(e.nameEn) \(name)") }
        }
        XCTAssertEqual(rows[1]["listed"], .bool(true))
        XCTAssertEqual(rows[1]["fortune500"], .bool(true))
        XCTAssertNil(rows[1]["employees"])
        // reports: the newest version of each lease, summed over the leases
        XCTAssertEqual(rows[0]["tax"], .yuan(350_000))
        XCTAssertEqual(rows[0]["revenue"], .yuan(3_500_000))
        XCTAssertEqual(rows[0]["employees_avg"], .count(35))
        XCTAssertEqual(rows[0]["electricity_kwh"], .decimal(Decimal(2_500.25)))
        XCTAssertNil(rows[1]["tax"])
        // leases: land of both leases, the highest state; none for C (0 mu, state missing)
        let m2 = try await sql.raw("SELECT SUM(p.computed_area_m2) AS m2 FROM parcels p JOIN leases l ON l.parcel_id = p.id WHERE l.enterprise_id = \(bind: a.id!)")
            .first()!.decode(column: "m2", as: Double.self)
        XCTAssertEqual(rows[0]["land_mu"], .decimal((Decimal(m2) * 3 / 2000).rounded(4)))
        XCTAssertEqual(rows[0]["lease_state"], .code("extended"))
        XCTAssertEqual(rows[2]["land_mu"], .decimal(0))
        XCTAssertNil(rows[2]["lease_state"])
        // per-mu: A's grade, and B's as the merged member of A's unit
        XCTAssertEqual(rows[0]["permu_grade"], .code("D"))
        XCTAssertEqual(rows[0]["permu_d_years"], .count(2))
        XCTAssertEqual(rows[1]["permu_grade"], .code("D"))
        XCTAssertNil(rows[2]["permu_grade"])
        // supplied: standing facts, and yearly ones of the data year only
        XCTAssertEqual(rows[0]["certifications"], .codes(["high_tech", "srdi"]))
        XCTAssertEqual(rows[1]["hq_tier"], .code("china"))
        XCTAssertEqual(rows[1]["utilised_fdi_usd"], .fen(1_200_000_025))
        XCTAssertNil(rows[1]["fixed_asset_investment"])

        // One enterprise alone reads what the whole park gives it.
        for (i, e) in [a, b, c].enumerated() {
            let one = try await PolicyFactsLoader.load(db, asOf: day("2025-06-01"), only: e.id!)
            XCTAssertEqual(one.enterpriseIDs, [e.id!])
            XCTAssertEqual(one.facts.map(normalised), [rows[i]], e.nameEn)
        }
    }

    func testOnlyTheFactsAskedForAreLoaded() async throws {
        // given
        let (a, la, _) = try await producer(1)
        try await file(la, tax: 200_000)
        try await EnterpriseFactRepository(db: db, clock: clock).set(enterprise: a.id!, fact: "certifications", year: nil, text: "srdi", by: officer)
        // when
        let park = try await PolicyFactsLoader.columns(db, asOf: day("2025-06-01"), facts: ["tax", "above_designated_size"])
        // then
        XCTAssertEqual(park.table.facts(row: 0), PolicyFacts(["tax": .yuan(200_000), "above_designated_size": .bool(true)]))
    }

    func testAStoredFigureTooLargeForAFactLeavesItMissingForThatEnterpriseAndTheMatchRuns() async throws {
        // given: A's report holds 9.2 × 10¹⁸ yuan of tax and B's two reports 5 × 10¹⁸ yuan of
        // revenue each (their sum overflows Int64), written straight into the table as an attacker
        // with database access could; C's figures are ordinary.
        let (a, la, _) = try await producer(1)
        let (b, lb, _) = try await producer(2)
        let lb2 = try await secondLease(b, 2)
        let (c, lc, _) = try await producer(3)
        for lease in [la, lb, lb2, lc] { try await file(lease, tax: 1_000_000, revenue: 10_000_000) }
        try await sql.raw("UPDATE performance_reports SET tax_paid_yuan = 9200000000000000000 WHERE lease_id = \(bind: la.id!)").run()
        try await sql.raw("UPDATE performance_reports SET revenue_yuan = 5000000000000000000 WHERE lease_id IN (\(bind: lb.id!), \(bind: lb2.id!))").run()
        // and a supplied value no import would accept (its parse used to trap on Int64.min × 10⁶)
        try await sql.insert(into: "enterprise_facts").columns("enterprise_id", "fact", "year", "value", "updated_by", "updated_at_ms")
            .values(c.id!, "utilised_fdi_usd", 2024, "--9223372036854775808", "attacker", 0).run()
        _ = try await PolicyRepository(db: db, clock: clock).save(PolicyStoreTests.taxAward, by: officer)

        // when
        let park = try await PolicyFactsLoader.columns(db, asOf: day("2025-06-01"))
        let runs = PolicyRunRepository(db: db, clock: clock)
        let run = try await runs.match(asOf: day("2025-06-01"), by: officer)

        // then: those facts alone are missing, with a reason; the run answers everyone
        XCTAssertEqual(Set(park.problems.map { "\($0.enterpriseID.uuidString) \($0.fact)" }),
                       ["\(a.id!.uuidString) tax", "\(b.id!.uuidString) revenue"])
        XCTAssertTrue(park.problems.allSatisfy { $0.reason.en.contains("left missing") })
        let row = Dictionary(uniqueKeysWithValues: park.enterpriseIDs.enumerated().map { ($1, $0) })
        XCTAssertNil(park.table.facts(row: row[a.id!]!)["tax"])
        XCTAssertEqual(park.table.facts(row: row[a.id!]!)["revenue"], .yuan(10_000_000))
        XCTAssertNil(park.table.facts(row: row[b.id!]!)["revenue"])
        XCTAssertNil(park.table.facts(row: row[c.id!]!)["utilised_fdi_usd"])
        XCTAssertEqual(park.table.facts(row: row[b.id!]!)["tax"], .yuan(2_000_000))
        XCTAssertEqual(run.enterprises, 3)
        let answers = try await runs.results(runID: run.id, policyID: "test_tax_award")
        let byEnterprise = Dictionary(uniqueKeysWithValues: answers.items.map { ($0.enterpriseID, $0) })
        XCTAssertEqual(byEnterprise[a.id!]?.status, .undetermined)
        XCTAssertEqual(byEnterprise[a.id!]?.missing, ["tax"])
        XCTAssertEqual(byEnterprise[b.id!]?.status, .eligible)
        XCTAssertEqual(byEnterprise[b.id!]?.amountFen, 20_000_000)
        XCTAssertEqual(byEnterprise[c.id!]?.amountFen, 10_000_000)
        // The enterprise's own page explains it too.
        let mine = try await runs.forEnterprise(a.id!, asOf: day("2025-06-01"), by: officer)
        let award = try XCTUnwrap(mine.first { $0.policy.policy.id == "test_tax_award" })
        XCTAssertEqual(award.explanation.outcome.status, .undetermined)
        XCTAssertEqual(award.explanation.outcome.missingFacts, ["tax"])
    }

    func testAnEntitledTotalBeyondInt64IsSharedOutWithoutTrapping() {
        // given: three entitlements of 4 × 10¹⁸ fen (their total overflows Int64) and a budget
        let entitled: [Int64] = [4_000_000_000_000_000_000, 4_000_000_000_000_000_000, 3_000_000_000_000_000_000]
        // when
        let proposed = PolicyBudget.allocate(entitled, budgetFen: 5_000_000_000_000_000_000, rule: .proRata)
        // then: the budget exactly, none above its entitlement
        XCTAssertEqual(proposed, [4_000_000_000_000_000_000, 1_000_000_000_000_000_000, 0])
    }
}
