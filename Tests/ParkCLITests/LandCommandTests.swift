import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// `parkos parcels …` and `parkos leases …` on SQLite files.
final class LandCommandTests: CLITestCase {
    func testExportThenDryRunImportOnAFreshDatabase() async throws {
        // given
        try await seedParcels()
        let file = dir.appendingPathComponent("parcels.geojson").path
        let fresh = dir.appendingPathComponent("fresh.sqlite").path
        // when
        let exported = try await parkos("parcels", "export", "--db", dbPath, "-o", file)
        let dry = try await parkos("parcels", "import", "--db", fresh, file, "--dry-run")
        let freshCount = try await Self.count(fresh)
        let imported = try await parkos("parcels", "import", "--db", fresh, file)
        // then
        XCTAssertEqual(exported, "", "the GeoJSON goes to the file")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(#"{"type":"FeatureCollection","features":["#), text)
        XCTAssertEqual(text.components(separatedBy: #""computed_area_m2":"#).count - 1, 2)
        XCTAssertEqual(dry, "dry run: all 2 parcels are valid; nothing written\n")
        XCTAssertEqual(freshCount, 0)
        XCTAssertEqual(imported, "imported 2 parcels\n")
        let original = try await withStore { try await ParcelRepository(db: $0.db).all() }
        let copy = try await Self.parcels(fresh)
        XCTAssertEqual(copy.map { var p = $0; p.id = nil; return p }, original.map { var p = $0; p.id = nil; return p })
    }

    static func parcels(_ path: String) async throws -> [Parcel] {
        let store = try StoreRuntime(.sqliteFile(path))
        do {
            let all = try await ParcelRepository(db: store.db).all()
            await store.shutdown()
            return all
        } catch {
            await store.shutdown()
            throw error
        }
    }

    static func count(_ path: String) async throws -> Int { try await parcels(path).count }

    func testADryRunOfABadFileExitsWith1AndNamesTheFeature() async throws {
        // given feature 1 has no land use
        let file = dir.appendingPathComponent("bad.geojson").path
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"SIP-009","declared_area_m2":100},"geometry":{"type":"Polygon","coordinates":[[[120.7,31.3],[120.701,31.3],[120.701,31.301],[120.7,31.3]]]}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        // when
        let (code, output) = try await parkosFailing("parcels", "import", "--db", dbPath, file, "--dry-run")
        // then
        XCTAssertEqual(code, 1)
        XCTAssertEqual(output.stdout, "feature\tproperty\treason\n1\tland_use\tthe land use is required\n")
        XCTAssertEqual(output.stderr, "error: 1 error(s); nothing was imported\n")
    }

    func testDueWithin12PrintsTheHeaderAndExits0() async throws {
        // given an empty park
        // when
        let out = try await parkos("leases", "due", "--db", dbPath, "--within", "12")
        // then
        XCTAssertEqual(out, "parcel\tenterprise\tstate\tfirst_term_end\talerts\n")
    }

    func testDueListsALeaseWhoseWindowIsOpen() async throws {
        // given the first term ends on 2025-07-01: the window opened on 2024-07-01; the one jobs figure
        // (150 in 2024) projects flat to 150 at the end of the first term, short of 200
        _ = try await seedLease()
        // when
        let out = try await parkos("leases", "due", "--db", dbPath, "--within", "12", "--as-of", "2025-06-01")
        // then
        XCTAssertEqual(out.split(separator: "\n").map(String.init), [
            "parcel\tenterprise\tstate\tfirst_term_end\talerts",
            "SIP-001\t甲科技有限公司\tin_production\t2025-07-01\tThe assessment window opens on 2024-07-01; the first term ends on 2025-07-01; "
                + "Commitment 2 (jobs) is projected at 150 employees by the end of the first term against a target of 200 employees",
        ])
    }

    func testAssessAllAsCSV() async throws {
        // given production started in time (ratio 1) and 150 of 200 jobs (ratio 0.75):
        // score = 100 × (50 × 1 + 50 × 0.75) ÷ 100 = 87.5 → 60 ≤ 87.5 < 90 → extend by 10 years
        let lease = try await seedLease()
        // when
        let out = try await parkos("leases", "assess", "--db", dbPath, "--all", "--as-of", "2026-01-01", "--format", "csv")
        // then
        let lines = out.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        XCTAssertEqual(lines.count, 2, out)
        XCTAssertEqual(lines.first, "lease,parcel,state,score,mandatory_met,proposal,extension_years,rule")
        XCTAssertTrue(lines.last?.hasPrefix("\(lease.id!.uuidString),SIP-001,in_production,87.5,yes,extend_short,10,") == true, out)
        XCTAssertTrue(lines.last?.contains("(20 years total)") == true, out)
    }

    func testAssessNeedsExactlyOneOfLeaseOrAll() throws {
        for arguments in [["leases", "assess", "--as-of", "2026-01-01"],
                          ["leases", "assess", "--all", "--lease", UUID().uuidString, "--as-of", "2026-01-01"]] {
            // when
            XCTAssertThrowsError(try ParkOSCommand.parseAsRoot(arguments), "\(arguments)") { error in
                // then
                XCTAssertEqual(ParkOSCommand.exitCode(for: error), .validationFailure)
                XCTAssertTrue(ParkOSCommand.message(for: error).contains("give exactly one of --lease ID or --all"), ParkOSCommand.message(for: error))
            }
        }
    }

    func testAssessAnUnknownLeaseExitsWith1() async throws {
        // given
        try await seedParcels()
        let id = UUID().uuidString
        // when
        let (code, output) = try await parkosFailing("leases", "assess", "--db", dbPath, "--lease", id, "--as-of", "2026-01-01")
        // then
        XCTAssertEqual(code, 1)
        XCTAssertEqual(output.stdout, "")
        XCTAssertEqual(output.stderr, "error: lease with a contract \(id) was not found\n")
    }
}
