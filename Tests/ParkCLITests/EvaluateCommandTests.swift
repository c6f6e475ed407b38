import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// `parkos evaluate …` on a SQLite file: schemes as documents, runs, enacting, treatments, what-if.
final class EvaluateCommandTests: CLITestCase {
    func testSchemesRunEnactTreatmentsAndCompare() async throws {
        // given one below-size enterprise on ~15.8 mu with a 2024 report (no tax, no kWh)
        _ = try await seedLease()
        let listed = try await parkos("evaluate", "schemes", "list", "--db", dbPath)
        XCTAssertTrue(listed.contains("2022\tHuangyan 2022\t1"), listed)

        // a draft for 2024 from the Huangyan 2022 document
        let shown = try await parkos("evaluate", "schemes", "show", "Huangyan 2022", "--db", dbPath)
        var doc = shown.replacingOccurrences(of: "\"year\" : 2022", with: "\"year\" : 2024")
            .replacingOccurrences(of: "\"name\" : \"Huangyan 2022\"", with: "\"name\" : \"SIP 2024\"")
        let file = dir.appendingPathComponent("sip2024.json").path
        try doc.write(toFile: file, atomically: true, encoding: .utf8)
        let added = try await parkos("evaluate", "schemes", "add", file, "--db", dbPath)
        XCTAssertTrue(added.hasPrefix("stored SIP 2024 v1 (2024)"), added)
        doc = doc.replacingOccurrences(of: "\"weight\" : 30", with: "\"weight\" : 40")
        try doc.write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try await parkosFailing("evaluate", "schemes", "add", file, "--db", dbPath)
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.output.stderr.contains("weights sum to 110, not the declared 100"), refused.output.stderr)

        // a dry run stores nothing; a run is stored, enacted, then refused again
        let dry = try await parkos("evaluate", "run", "--year", "2024", "--dry-run", "--format", "csv", "--db", dbPath)
        let rows = dry.split(separator: "\n")
        XCTAssertEqual(rows.count, 2, dry)
        XCTAssertTrue(rows[1].hasPrefix("below_size,1,D,0.0000,"), String(rows[1]))
        try await parkos("evaluate", "run", "--year", "2024", "--db", dbPath)
        let runs = try await withStore { try await PerMuRunRepository(db: $0.db).all(year: 2024) }
        XCTAssertEqual(runs.count, 1)
        let enacted = try await parkos("evaluate", "enact", "--run", runs[0].id.uuidString, "--db", dbPath)
        XCTAssertEqual(enacted, "enacted 2024: SIP 2024 v1, A 0, B 0, C 0, D 1\n")
        let again = try await parkosFailing("evaluate", "run", "--year", "2024", "--db", dbPath)
        XCTAssertTrue(again.output.stderr.contains("2024 is enacted"), again.output.stderr)

        // the treatment list: the D firm at 0.05 yuan/kWh (no kWh reported: 0 yuan)
        let csv = try await parkos("evaluate", "treatments", "--year", "2024", "--db", dbPath)
        let lines = csv.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasSuffix("credit_code,name_zh,name_en,grade,consecutive_years,electricity_kwh,added_rate_yuan_per_kwh,surcharge_yuan") == true)
        XCTAssertTrue(lines.last?.hasSuffix(",D,1,0.00,0.0500,0.00") == true, csv)

        // what-if against the enacted scheme: same scheme, nobody moves
        let compared = try await parkos("evaluate", "compare", "--year", "2024", "--scheme", "SIP 2024", "--db", dbPath)
        XCTAssertTrue(compared.contains("D\t0\t0\t0\t1\t0"), compared)
        XCTAssertTrue(compared.contains("0 enterprise(s) change grade"), compared)
        let wrongYear = try await parkosFailing("evaluate", "compare", "--year", "2023", "--scheme", "SIP 2024", "--db", dbPath)
        XCTAssertTrue(wrongYear.output.stderr.contains("evaluates 2024, not 2023"), wrongYear.output.stderr)
    }
}
