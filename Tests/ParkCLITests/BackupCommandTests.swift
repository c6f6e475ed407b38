import Foundation
import ParkStore
import XCTest

final class BackupCommandTests: CLITestCase {
    func testBackupThenRestoreGivesTheSameRegisterAndAnIntactChain() async throws {
        // given a database with two enterprises (two audit entries)
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10", "\(Self.code(2).value),乙公司,Beta,39,,20"])
        try await parkos("enterprises", "import", "--db", dbPath, file)
        let backup = dir.appendingPathComponent("backup.sqlite").path
        // when
        let out = try await parkos("backup", "--db", dbPath, "--out", backup)
        let again = try await parkosFailing("backup", "--db", dbPath, "--out", backup)
        // the database is lost; its audit key (kept apart, here beside it) is not
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
        let back = try await parkos("restore", "--db", dbPath, backup)
        let exported = try await parkos("enterprises", "export", "--db", dbPath)
        // then
        XCTAssertTrue(out.hasPrefix("backup written: \(backup)"), out)
        XCTAssertEqual(again.code, 1, "an existing backup file is never overwritten")
        XCTAssertTrue(back.contains("audit chain intact: 2 entries"), back)
        XCTAssertTrue(exported.contains("甲公司") && exported.contains("乙公司"), exported)
    }

    func testRestoreRefusesAFileThatIsNotAParkOSDatabase() async throws {
        // given
        let junk = dir.appendingPathComponent("junk.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
        // when
        let r = try await parkosFailing("restore", "--db", dir.appendingPathComponent("x.sqlite").path, junk)
        // then
        XCTAssertEqual(r.code, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.sqlite").path))
    }
}
