import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class ReportImportTests: StoreTestCase {
    var reports: ReportRepository { ReportRepository(db: db, clock: clock) }

    func testAGoodFileFilesEveryRowAndCorrectsWithHistory() async throws {
        // given a contracted lease on SIP-001 that already has a 2024 report
        let f = try await seedLand()
        let lease = try await seedLease(f)
        _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 100), reason: "", by: officer)
        let csv = "parcel_code,year,tax_paid_yuan,revenue_yuan\nSIP-001,2023,50,1000\nSIP-001,2024,120,2000\n"
        // when
        let dry = try await reports.importCSV(Data(csv.utf8), source: .taxBureau, dryRun: true, by: officer)
        await assertEqual(try await reports.history(leaseID: lease.id!).count, 1, "a dry run writes nothing")
        let done = try await reports.importCSV(Data(csv.utf8), source: .taxBureau, dryRun: false, by: officer)
        // then
        XCTAssertEqual(dry.errors, [])
        XCTAssertEqual(done.rows, 2)
        let history = try await reports.history(leaseID: lease.id!)
        XCTAssertEqual(history.map { "\($0.report.year) v\($0.version)" }, ["2023 v1", "2024 v1", "2024 v2"])
        XCTAssertTrue(history[2].reason.hasPrefix("imported from tax_bureau"), history[2].reason)
        XCTAssertEqual(history[2].report.source, .taxBureau)
        await assertEqual(try await reports.current(leaseID: lease.id!).map(\.taxPaidYuan), [50, 120])
    }

    func testAnyBadRowImportsNothingAndEveryErrorIsReported() async throws {
        // given
        let f = try await seedLand()
        let lease = try await seedLease(f)
        let csv = "parcel_code,year,tax_paid_yuan\nSIP-001,2023,50\nNOPE,2023,1\nSIP-001,2099,1\nSIP-001,2022,-1\n"
        // when
        let r = try await reports.importCSV(Data(csv.utf8), source: .statisticsBureau, dryRun: false, by: officer)
        // then
        XCTAssertEqual(r.errors.map { "\($0.row):\($0.column ?? "")" }, ["3:parcel_code", "4:year", "5:tax_paid_yuan"])
        await assertEqual(try await reports.history(leaseID: lease.id!).count, 0)
    }

    func testOnlyStaffImport() async throws {
        let f = try await seedLand()
        _ = try await seedLease(f)
        let e = await domainError { _ = try await self.reports.importCSV(Data("parcel_code,year\nSIP-001,2023\n".utf8), source: .taxBureau,
                                                                         dryRun: false, by: self.enterpriseUser(f)) }
        XCTAssertEqual(e?.kind, .forbidden)
    }
}
