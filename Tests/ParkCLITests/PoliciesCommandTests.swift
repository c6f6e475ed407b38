import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// `parkos policies …`: check and test files, store, list and match.
final class PoliciesCommandTests: CLITestCase {
    func testBuiltinsPassTheirTestsAndABrokenFileFailsAtItsLine() async throws {
        let all = try await parkos("policies", "test")
        XCTAssertFalse(all.contains("FAIL"), all)
        let cases = PolicyLibrary.builtIn.reduce(0) { $0 + $1.tests.components(separatedBy: "\ncase ").count - 1 }
        XCTAssertGreaterThanOrEqual(cases, 30)
        XCTAssertEqual(all.split(separator: "\n").count, cases)
        let out = dir.appendingPathComponent("policies").path
        try await parkos("policies", "builtins", out)
        let rd = (out as NSString).appendingPathComponent("sip_rd_expense_subsidy.policy")
        let checked = try await parkos("policies", "check", rd)
        XCTAssertEqual(checked, "\(rd): ok\n")
        // A wrong expectation fails the test run, naming the case's line.
        let tests = (out as NSString).appendingPathComponent("sip_rd_expense_subsidy.tests")
        try (try String(contentsOfFile: tests, encoding: .utf8)).replacingOccurrences(of: "expect eligible 1060000 yuan", with: "expect eligible 1060001 yuan")
            .write(toFile: tests, atomically: true, encoding: .utf8)
        let failed = try await parkosFailing("policies", "test", out)
        XCTAssertEqual(failed.code, 1)
        XCTAssertTrue(failed.output.stdout.contains("FAIL  sip_rd_expense_subsidy:"), failed.output.stdout)
        // A typo in a fact name: an error at its line and column, exit 1.
        let source = try String(contentsOfFile: rd, encoding: .utf8)
        let line = 1 + source.components(separatedBy: "\n").firstIndex { $0.contains("and rd_spend >= minimum_rd") }!
        try source.replacingOccurrences(of: "and rd_spend >= minimum_rd", with: "and rd_spnd >= minimum_rd")
            .write(toFile: rd, atomically: true, encoding: .utf8)
        let broken = try await parkosFailing("policies", "check", rd)
        XCTAssertEqual(broken.code, 1)
        XCTAssertTrue(broken.output.stdout.contains("\(rd):\(line):7: error:"), broken.output.stdout)
        XCTAssertTrue(broken.output.stdout.contains("rd_spnd"), broken.output.stdout)
    }

    func testAddListAndMatchOnTheDatabase() async throws {
        _ = try await seedLease()   // one enterprise with a 2024 report (no tax)
        let file = dir.appendingPathComponent("award.policy").path
        try """
        policy test_jobs_award
        title "稳岗奖励" / "Jobs award"
        department "人社局" / "Human resources bureau"
        legal_reference "test"
        valid 2024-01-01 to 2026-12-31
        eligible when employees_avg >= 100
        amount = 500 yuan * employees_avg
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let added = try await parkos("policies", "add", file, "--db", dbPath)
        XCTAssertEqual(added, "stored test_jobs_award v1\n")
        let listed = try await parkos("policies", "list", "--db", dbPath)
        XCTAssertTrue(listed.contains("test_jobs_award\t1\t2024-01-01…2026-12-31\tfalse\t\tJobs award"), listed)
        // 150 average employees in 2024 → 75,000 yuan.
        let matched = try await parkos("policies", "match", "--policy", "test_jobs_award", "--as-of", "2025-03-01", "--format", "csv", "--db", dbPath)
        let rows = matched.split(separator: "\n")
        XCTAssertEqual(rows.count, 2, matched)
        XCTAssertTrue(rows[1].hasPrefix("test_jobs_award,"), String(rows[1]))
        XCTAssertTrue(rows[1].hasSuffix(",eligible,75000.00,"), String(rows[1]))
    }

    func testImportFactsFromCSV() async throws {
        _ = try await seedLease()   // enterprise 1
        let file = dir.appendingPathComponent("facts.csv").path
        try "credit_code,fact,year,value\n\(Self.code(1).value),certifications,,high_tech\n".write(toFile: file, atomically: true, encoding: .utf8)
        let dry = try await parkos("policies", "import-facts", file, "--dry-run", "--db", dbPath)
        XCTAssertEqual(dry, "dry run: all 1 rows are valid; nothing written\n")
        let done = try await parkos("policies", "import-facts", file, "--db", dbPath)
        XCTAssertEqual(done, "imported 1 facts\n")
        try "credit_code,fact,year,value\n\(Self.code(1).value),hq_tier,,galactic\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try await parkosFailing("policies", "import-facts", file, "--db", dbPath)
        XCTAssertEqual(bad.code, 1)
        XCTAssertTrue(bad.output.stdout.contains("2\tvalue\thq_tier: must be one of"), bad.output.stdout)
    }
}
