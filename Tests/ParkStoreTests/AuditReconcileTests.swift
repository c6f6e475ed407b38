import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

/// Data tables have no trigger: a direct UPDATE, INSERT or DELETE writes no audit entry, and
/// reconciling the tables with the trail finds it.
final class AuditReconcileTests: StoreTestCase {
    /// Two enterprises (one edited), two parcels, a lease through its life cycle with
    /// commitments, and a 2024 report with a correction.
    func seedPark() async throws -> (LandFixture, Lease) {
        let f = try await seedLand()
        let beta = try await register(enterprise(2, zh: "乙公司", en: "Beta", clusters: ["biomedicine"], employees: 5))
        var edited = beta
        edited.address = "星湖街 2 号 B 座"
        _ = try await enterprises.update(beta.id!, to: edited, by: officer, catalog: try await catalog())
        var spare = Parcel(code: "SIP-002", subArea: "湖东", landUse: "industrial", declaredAreaM2: 1, boundary: Self.squareRing(offset: 0.01))
        spare.declaredAreaM2 = spare.computedAreaM2
        _ = try await ParcelRepository(db: db, clock: clock).createAll([spare], by: admin)
        let commitments = [Commitment(kind: .productionStart, targetDate: day("2017-06-30"), direction: .byDate, mandatory: true, weight: 20),
                           Commitment(kind: .taxPerMu, target: 150_000.5, weight: 80)]
        let lease = try await seedLease(f, commitments: commitments, state: .inProduction)
        let reports = ReportRepository(db: db, clock: clock)
        _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_000_000, energyTonnesCoal: 12.25),
                                     reason: "", by: officer)
        _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_100_000, energyTonnesCoal: 12.25),
                                     reason: "bureau figure", by: officer)
        return (f, lease)
    }

    func reconcile(pageSize: Int = 500) async throws -> AuditReconciliation {
        try await AuditReconciler(db: db, pageSize: pageSize).run()
    }

    func table(_ r: AuditReconciliation, _ type: String) throws -> AuditReconciliation.Table {
        try XCTUnwrap(r.tables.first { $0.entityType == type })
    }

    func testAnUntouchedParkReconcilesClean() async throws {
        // given
        _ = try await seedPark()
        // when
        let result = try await reconcile(pageSize: 1)
        // then
        XCTAssertTrue(result.isClean, "\(result.findings)")
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.tables.map(\.entityType), ["enterprise", "parcel", "lease", "performance_report"])
        XCTAssertEqual(result.tables.map(\.rows), [2, 2, 1, 2])
        XCTAssertEqual(result.tables.map(\.matching), [2, 2, 1, 2])
    }

    func testARowChangedByDirectSQLIsFoundWithItsFields() async throws {
        // given
        let (f, _) = try await seedPark()
        // when someone updates the table behind ParkOS's back
        try await sql.raw("UPDATE enterprises SET employees = 999, name_en = 'Alpha Holdings' WHERE id = \(bind: f.enterprise.id!)").run()
        // then
        let result = try await reconcile()
        XCTAssertFalse(result.isClean)
        XCTAssertEqual(try table(result, "enterprise").changed, 1)
        XCTAssertEqual(try table(result, "enterprise").matching, 1)
        let finding = try XCTUnwrap(result.findings.first)
        XCTAssertEqual(finding.kind, .changed)
        XCTAssertEqual(finding.entityID, f.enterprise.id!.uuidString)
        XCTAssertEqual(finding.fields, ["employees", "nameEn"].sorted())
        XCTAssertNotNil(finding.seq)
    }

    func testLeaseAndReportChangesAreFound() async throws {
        // given
        let (_, lease) = try await seedPark()
        // when
        try await sql.raw("UPDATE leases SET winning_bid_yuan = 1 WHERE id = \(bind: lease.id!)").run()
        try await sql.raw("UPDATE performance_reports SET tax_paid_yuan = 5 WHERE lease_id = \(bind: lease.id!) AND version = 1").run()
        // then
        let result = try await reconcile()
        XCTAssertEqual(try table(result, "lease").changed, 1)
        XCTAssertEqual(try table(result, "performance_report").changed, 1, "the older version is checked too")
        XCTAssertEqual(Set(result.findings.map(\.entityType)), ["lease", "performance_report"])
        let report = try XCTUnwrap(result.findings.first { $0.entityType == "performance_report" })
        XCTAssertEqual(report.fields, ["taxPaidYuan"])
        XCTAssertEqual(report.entityID, "\(lease.id!.uuidString)/2024")
        XCTAssertTrue(report.note?.hasPrefix("version 1") ?? false, report.note ?? "")
    }

    func testRowsDeletedOrInsertedOutsideParkOSAreFound() async throws {
        // given
        _ = try await seedPark()
        let spare = try await unwrap(try await ParcelRepository(db: db).find(code: "SIP-002"))
        // when a parcel is deleted and an enterprise inserted, both without ParkOS
        try await sql.raw("DELETE FROM parcels WHERE id = \(bind: spare.id!)").run()
        var ghost = enterprise(3, zh: "丙公司", en: "Ghost")
        ghost.id = UUID()
        try await EnterpriseModel(ghost, updatedAtMillis: clock.millis).create(on: db)
        // then
        let result = try await reconcile()
        XCTAssertEqual(try table(result, "parcel").deletedOutside, 1)
        XCTAssertEqual(try table(result, "enterprise").notAudited, 1)
        XCTAssertEqual(Set(result.findings.map { "\($0.kind.rawValue) \($0.entityID)" }),
                       ["deleted_outside \(spare.id!.uuidString)", "not_audited \(ghost.id!.uuidString)"])
    }

    func testAnEnterpriseDeletedThroughParkOSIsNotAFinding() async throws {
        // given
        try await threeAuditedWrites()
        // when
        let result = try await reconcile()
        // then
        XCTAssertTrue(result.isClean, "\(result.findings)")
        XCTAssertEqual(try table(result, "enterprise").rows, 0)
    }

    func testReportsLoadedWithoutEntriesAreCountedNotFindings() async throws {
        // given the demo's way: a version 1 bulk-loaded without an audit entry, then a correction through ParkOS
        let (_, lease) = try await seedPark()
        let m = ReportModel()
        m.id = UUID(); m.leaseID = lease.id!; m.version = 1
        m.apply(PerformanceReport(year: 2023, taxPaidYuan: 7)); m.reason = ""; m.createdBy = "demo"; m.createdAtMillis = clock.millis
        try await m.create(on: db)
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: lease.id!, report: PerformanceReport(year: 2023, taxPaidYuan: 8),
                                                                     reason: "correction", by: officer)
        // when
        let result = try await reconcile()
        // then
        let reports = try table(result, "performance_report")
        XCTAssertTrue(result.isClean, "\(result.findings)")
        XCTAssertEqual(reports.notAudited, 1)
        XCTAssertEqual(reports.matching, 3)
        XCTAssertFalse(reports.notAuditedIsFinding)
    }

    func testAnAuditedReportVersionDeletedOutsideParkOSIsFound() async throws {
        // given
        let (_, lease) = try await seedPark()
        // when the correction is deleted, leaving version 1 in force
        try await sql.raw("DELETE FROM performance_reports WHERE lease_id = \(bind: lease.id!) AND version = 2").run()
        // then the remaining version is paired with the newest entry and differs, and one audited version is missing
        let result = try await reconcile()
        let reports = try table(result, "performance_report")
        XCTAssertEqual(reports.deletedOutside, 1)
        XCTAssertEqual(reports.changed, 1)
        XCTAssertFalse(result.isClean)
    }
}
