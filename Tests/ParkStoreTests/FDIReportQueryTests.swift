import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import SQLKit
import XCTest

final class FDIReportQueryTests: InvestmentTestCase {
    func usd(_ text: String) throws -> CurrencyAmount { try CurrencyAmount.parse(text, currency: "USD", field: "amount") }

    func testTheMonthsReportByHand() async throws {
        // given: P0 (US, medicines 27) signed in May 2024; P1 (DE, electronics 39) and P2 (SG, a bank, 66) in May 2025
        let p0 = try await project(try await investor("辉瑞", en: "Pfizer", country: "US", rank: 200), zh: "辉瑞制剂", en: "Pfizer formulations",
                                   industry: "27", contact: "2024-03-01")
        try await advance(p0.id!, through: [(.pitched, "2024-03-10"), (.negotiating, "2024-04-01"), (.signed, "2024-05-06")])
        let p1 = try await project(try await investor(), industry: "39")
        try await advance(p1.id!, through: Self.toSigned)
        let p2 = try await project(try await investor("星展银行", en: "DBS Bank", country: "SG", rank: nil), zh: "星展银行苏州分行", en: "DBS Suzhou", industry: "66")
        try await advance(p2.id!, through: Self.toSigned)
        _ = try await service.recordInflow(p0.id!, arrivedOn: d("2024-05-20"), kind: .cash, amount: try usd("1000000"), by: investOfficer)
        _ = try await service.recordInflow(p0.id!, arrivedOn: d("2025-05-19"), kind: .reinvestedEarnings, amount: try usd("500000"), by: investOfficer)
        _ = try await service.recordInflow(p1.id!, arrivedOn: d("2025-05-20"), kind: .cash, amount: try usd("3000000"), by: investOfficer)
        _ = try await service.recordInflow(p2.id!, arrivedOn: d("2025-05-21"), kind: .cash, amount: try usd("10000000"), by: investOfficer)
        _ = try await service.recordContracted(p1.id!, recordedOn: d("2025-05-16"), kind: .subscribedCapital, event: .signing, amount: try usd("6000000"), by: investOfficer)
        let may = try XCTUnwrap(YearMonth(iso: "2025-05"))
        // when
        let report = try await FDIReportQuery(db: db, clock: clock).run(from: may, to: may)
        let f = report.figures
        // then: utilised 0.5 + 3 + 10 = US$13.5 M; comparable (no bank) 3.5 M against 1 M in May 2024: +250 %
        XCTAssertEqual(f.totals.utilisedUSDCents, 1_350_000_000)
        XCTAssertEqual(f.totals.utilisedCNYFen, 9_720_000_000)   // × 7.2
        XCTAssertEqual(f.comparable.utilisedUSDCents, 350_000_000)
        XCTAssertEqual(f.comparablePriorYear.utilisedUSDCents, 100_000_000)
        XCTAssertEqual(try XCTUnwrap(f.utilisedGrowth), 2.5, accuracy: 1e-12)
        XCTAssertEqual(f.totals.contractedUSDCents, 600_000_000)
        XCTAssertNil(f.contractedGrowth)   // nothing contracted in May 2024
        // two new projects, one (39) strategic emerging: 50 %; high-tech utilised (27 and 39) 3.5 of 13.5
        XCTAssertEqual(f.totals.newProjects, 2)
        XCTAssertEqual(try XCTUnwrap(f.strategicEmergingShare), 0.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(f.highTechUtilisedShare), 3.5 / 13.5, accuracy: 1e-12)
        XCTAssertEqual(f.breakdowns[.country]?.map(\.key), ["SG", "DE", "US"])
        XCTAssertEqual(f.breakdowns[.country]?.map(\.totals.utilisedUSDCents), [1_000_000_000, 300_000_000, 50_000_000])
        XCTAssertEqual(f.breakdowns[.stage]?.map(\.key), ["signed"])
        XCTAssertEqual(f.months.map(\.utilisedUSDCents), [1_350_000_000])
        // pipeline: negotiating 20 April (a Sunday) → signed 15 May 2025 is 17 working days
        // (21–25 Apr, Sunday 27 Apr make-up, 28–30 Apr, 1–5 May off, 6–9 May, 12–15 May)
        let pl = report.pipeline
        XCTAssertEqual(pl.stageCounts[.signed], 3)
        XCTAssertEqual(pl.signedInPeriod, 2)
        XCTAssertEqual(pl.reachedConstruction, 0)
        XCTAssertEqual(pl.medianWorkingDays[.negotiating], 17)
        XCTAssertNil(pl.medianWorkingDays[.lead])
        // funds arrived to the end of May 2025: 14.5 M of 6 M contracted
        XCTAssertEqual(pl.utilisedToDateUSDCents, 1_450_000_000)
        XCTAssertEqual(try XCTUnwrap(pl.fundsArrivedRatio), 14.5 / 6, accuracy: 1e-12)
        XCTAssertEqual(pl.fortune500Projects, 0)   // none registered yet
    }

    /// The roll-up per project and month is kept in the ledger writes' transaction and equals
    /// the ledgers' own sums; the migration's batched backfill rebuilds the same rows.
    func testTheMonthlyRollupIsTheLedgersSums() async throws {
        // given two inflows of one project in a month, a contracted entry, and an import of two rows
        let p0 = try await project(try await investor(), industry: "39")
        try await advance(p0.id!, through: Self.toSigned)
        let p1 = try await project(try await investor("星展银行", en: "DBS Bank", country: "SG", rank: nil), zh: "星展银行苏州分行", en: "DBS Suzhou", industry: "66")
        try await advance(p1.id!, through: Self.toSigned)
        _ = try await service.recordInflow(p0.id!, arrivedOn: d("2025-05-20"), kind: .cash, amount: try usd("1000000"), by: investOfficer)
        _ = try await service.recordInflow(p0.id!, arrivedOn: d("2025-05-21"), kind: .cash, amount: try usd("250000.50"), by: investOfficer)
        _ = try await service.recordContracted(p0.id!, recordedOn: d("2025-05-16"), kind: .subscribedCapital, event: .signing, amount: try usd("6000000"), by: investOfficer)
        let code = try await unwrap(try await InvestmentRepository(db: db).project(p1.id!)).code
        let csv = "project_code,arrived_on,kind,amount,currency,bank_reference\n\(code),2025-05-22,cash,300,USD,R1\n\(code),2025-05-30,cash,700,USD,R2\n"
        let imported = try await service.importInflows(Data(csv.utf8), dryRun: false, by: investOfficer)
        XCTAssertEqual(imported.errors, [])
        // then the roll-up holds one row per project and month, by hand…
        func rollup() async throws -> [String] {
            try await (db as! any SQLDatabase).raw("""
                SELECT p.code, x.month, x.utilised_usd_cents AS u, x.utilised_cny_fen AS uc, x.contracted_usd_cents AS c FROM fdi_project_months x
                JOIN investment_projects p ON p.id = x.project_id ORDER BY p.code, x.month
                """).all().map { "\(try $0.decode(column: "code", as: String.self)) \(try $0.decode(column: "month", as: String.self)) "
                    + "\(try $0.decode(column: "u", as: Int64.self)) \(try $0.decode(column: "uc", as: Int64.self)) \(try $0.decode(column: "c", as: Int64.self))" }
        }
        let codes = [try await unwrap(try await InvestmentRepository(db: db).project(p0.id!)).code, code]
        let rows = try await rollup()
        XCTAssertEqual(rows, [
            "\(codes[0]) 2025-05 125000050 900000360 600000000",   // US$1,250,000.50 (× 7.2 yuan), US$6 M contracted
            "\(codes[1]) 2025-05 100000 720000 0",                 // the import's two rows, US$300 + 700
        ].sorted())
        // …and rebuilding it from the ledgers (the migration's backfill, in batches of one project) gives the same rows
        let before = try await rollup()
        try await FDIRollup.rebuild(on: db, batch: 1)
        await assertEqual(try await rollup(), before)
    }

    func testRangesAreBounded() async throws {
        let e = await domainError { _ = try await FDIReportQuery(db: self.db).run(from: YearMonth(iso: "2025-05")!, to: YearMonth(iso: "2025-04")!) }
        XCTAssertEqual(e?.field, "to")
    }
}
