import Foundation
import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class EnterpriseImporterTests: StoreTestCase {
    var importer: EnterpriseImporter { EnterpriseImporter(db: db, clock: clock) }

    let header = "credit_code,name_zh,name_en,industry_code,clusters,ownership,origin_country,employees,founded_on"

    func row(_ n: Int, industry: String = "C27", employees: String = "120") -> String {
        "\(Self.code(n).value),企业\(n),Firm \(n),\(industry),biomedicine;ai,foreign,US,\(employees),2019-06-30"
    }

    func csv(_ rows: [String]) -> Data { Data(([header] + rows).joined(separator: "\n").appending("\n").utf8) }

    func testDryRunChecksEverythingAndWritesNothing() async throws {
        // given
        let file = csv([row(1), row(2)])
        // when
        let report = try await importer.run(file, dryRun: true, by: officer)
        // then
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(report.imported, 0)
        XCTAssertTrue(report.dryRun)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.encoding, "utf8")
        await assertEqual(try await enterprises.count(), 0)
        await assertEqual(try await auditCount(), 0)
    }

    func testOneBadRowImportsNothingAndIsReportedByRowAndColumn() async throws {
        // given: line 1 is the header, so the third record is on line 4
        let file = csv([row(1), row(2), row(3, industry: "99"), row(4, employees: "many")])
        // when
        let report = try await importer.run(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(report.rows, 4)
        XCTAssertEqual(report.imported, 0)
        XCTAssertEqual(report.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" },
                       ["4|industry_code|unknown_industry", "5|employees|invalid_integer"])
        await assertEqual(try await enterprises.count(), 0)
        await assertEqual(try await auditCount(), 0)
    }

    func testAGoodFileImportsEveryRowWithOneAuditEntryEach() async throws {
        // given
        let file = csv([row(1), row(2), row(3)])
        // when
        let report = try await importer.run(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.imported, 3)
        XCTAssertEqual(report.errors, [])
        let all = try await enterprises.all()
        XCTAssertEqual(all.map(\.creditCode), [Self.code(1), Self.code(2), Self.code(3)])
        let first = try XCTUnwrap(all.first)
        XCTAssertEqual(first.nameZh, "企业1")
        XCTAssertEqual(first.industryCode, "27")
        XCTAssertEqual(first.clusters, ["biomedicine", "ai"])
        XCTAssertEqual(first.ownership, .foreign)
        XCTAssertEqual(first.originCountry, "US")
        XCTAssertEqual(first.employees, 120)
        XCTAssertEqual(first.foundedOn, LocalDate(year: 2019, month: 6, day: 30))
        let entries = try await audit.recent()
        XCTAssertEqual(entries.count, 3)
        XCTAssertEqual(Set(entries.map(\.action)), ["create"])
        XCTAssertEqual(Set(entries.map(\.actorName)), ["officer"])
        XCTAssertEqual(Set(entries.map(\.entityID)), Set(all.map { $0.id!.uuidString }))
        guard case .intact(3, _) = try await audit.verify() else { return XCTFail("chain should hold 3 entries") }
    }

    func testARowAlreadyRegisteredIsReportedAndNothingIsImported() async throws {
        // given
        try await register(enterprise(2, zh: "已登记", en: "Registered"))
        let file = csv([row(1), row(2)])
        // when
        let report = try await importer.run(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(report.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" }, ["3|credit_code|already_registered"])
        await assertEqual(try await enterprises.count(), 1)
        await assertEqual(try await auditCount(), 1)
    }

    func testEnterpriseUsersMayNotImport() async throws {
        // given
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: UUID())
        // when
        let error = await domainError { _ = try await self.importer.run(self.csv([self.row(1)]), dryRun: false, by: firm) }
        // then
        XCTAssertEqual(error?.kind, .forbidden)
        await assertEqual(try await enterprises.count(), 0)
    }
}
