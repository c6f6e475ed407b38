import Foundation
import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class EnterprisesCommandTests: CLITestCase {
    var goodFile: String!

    override func setUp() async throws {
        try await super.setUp()
        goodFile = try writeCSV(["\(Self.code(2).value),乙电子有限公司,Beta Electronics,C39,electronics,900",
                                 "\(Self.code(1).value),甲生物有限公司,Alpha Bio,27,biomedicine;ai,50"])
    }

    func testImportAGoodFile() async throws {
        // when
        let out = try await parkos("enterprises", "import", "--db", dbPath, goodFile)
        // then
        XCTAssertEqual(out, "imported 2 enterprises (encoding utf8)\n")
        let all = try await withStore { try await EnterpriseRepository(db: $0.db).all() }
        XCTAssertEqual(all.map(\.creditCode), [Self.code(1), Self.code(2)])
        XCTAssertEqual(all.map(\.nameZh), ["甲生物有限公司", "乙电子有限公司"])
        XCTAssertEqual(all.first?.clusters, ["biomedicine", "ai"])
        XCTAssertEqual(all.last?.industryCode, "39")
    }

    func testDryRunWritesNothing() async throws {
        // when
        let out = try await parkos("enterprises", "import", "--dry-run", "--db", dbPath, goodFile)
        // then
        XCTAssertEqual(out, "dry run: all 2 rows are valid (encoding utf8); nothing written\n")
        await assertEqual(try await withStore { try await EnterpriseRepository(db: $0.db).count() }, 0)
    }

    func testABadFileExitsWith1AndImportsNothing() async throws {
        // given the second row has an unknown industry
        let bad = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10", "\(Self.code(2).value),乙公司,Beta,99,,20"], name: "bad.csv")
        // when
        let (code, output) = try await parkosFailing("enterprises", "import", "--db", dbPath, bad)
        // then
        XCTAssertEqual(code, 1)
        XCTAssertEqual(output.stdout.split(separator: "\n").first, "row\tcolumn\treason")
        XCTAssertTrue(output.stdout.contains("3\tindustry_code\tindustry code '99' is not a GB/T 4754-2017 division"), output.stdout)
        XCTAssertTrue(output.stderr.hasSuffix("error: 1 error(s) in 2 rows; nothing was imported\n"), output.stderr)
        await assertEqual(try await withStore { try await EnterpriseRepository(db: $0.db).count() }, 0)
        await assertEqual(try await withStore { try await AuditLog(db: $0.db).recent().count }, 0)
    }

    func testAMissingFileExitsWith1() async throws {
        // when
        let (code, output) = try await parkosFailing("enterprises", "import", "--db", dbPath, dir.appendingPathComponent("nope.csv").path)
        // then
        XCTAssertEqual(code, 1)
        XCTAssertTrue(output.stderr.contains("cannot read"), output.stderr)
    }

    func testExportJSONToAFile() async throws {
        // given
        try await parkos("enterprises", "import", "--db", dbPath, goodFile)
        let out = dir.appendingPathComponent("register.json").path
        // when
        let printed = try await parkos("enterprises", "export", "--db", dbPath, "--format", "json", "-o", out)
        // then
        XCTAssertEqual(printed, "", "the data goes to the file, not to standard output")
        let exported = try JSONDecoder().decode([Enterprise].self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        let stored = try await withStore { try await EnterpriseRepository(db: $0.db).all() }
        XCTAssertEqual(exported, stored)
        XCTAssertEqual(exported.map(\.nameEn), ["Alpha Bio", "Beta Electronics"])
    }

    func testExportCSVToAFileReadsBackTheSameRegister() async throws {
        // given
        try await parkos("enterprises", "import", "--db", dbPath, goodFile)
        let out = dir.appendingPathComponent("register.csv").path
        // when
        try await parkos("enterprises", "export", "--db", dbPath, "--format", "csv", "--output", out)
        // then
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, EnterpriseCSV.columns.joined(separator: ","))
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].hasPrefix("\(Self.code(1).value),甲生物有限公司,Alpha Bio,27,biomedicine;ai,domestic,CN,"), lines[1])
        let stored = try await withStore { try await EnterpriseRepository(db: $0.db).all() }
        let reread = EnterpriseCSV.decode(Data(text.utf8), catalog: .builtIn, today: LocalDate(year: 2030, month: 1, day: 1)!)
        XCTAssertEqual(reread.errors, [])
        XCTAssertEqual(reread.enterprises, stored.map { var e = $0; e.id = nil; return e })
    }
}
