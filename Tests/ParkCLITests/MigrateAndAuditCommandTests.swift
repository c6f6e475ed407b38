import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest

final class MigrateAndAuditCommandTests: CLITestCase {
    func testMigrateStatusBeforeAndAfterMigrating() async throws {
        // given a new file
        // when
        let before = try await parkos("migrate", "--status", "--db", dbPath)
        let applied = try await parkos("migrate", "--db", dbPath)
        let after = try await parkos("migrate", "--status", "--db", dbPath)
        let again = try await parkos("migrate", "--db", dbPath)
        // then
        let names = ParkMigrations.all.map { "\(type(of: $0))" }
        XCTAssertEqual(names.prefix(6), ["CreateReferenceTables", "CreateEnterprises", "CreateAccounts", "CreateAuditTrail", "CreateLand",
                                         "CreatePerMu"])
        XCTAssertEqual(before, names.map { "pending  ParkStore.\($0)\n" }.joined())
        XCTAssertEqual(applied, "applied: \(names.joined(separator: ", "))\n")
        XCTAssertEqual(after, names.map { "applied  ParkStore.\($0)\n" }.joined())
        XCTAssertEqual(again, "database is up to date (SQLite file \(dbPath))\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath))
    }

    func testMigrateRevertUndoesTheBatch() async throws {
        // given
        try await parkos("migrate", "--db", dbPath)
        // when
        let reverted = try await parkos("migrate", "--revert", "--db", dbPath)
        let status = try await parkos("migrate", "--status", "--db", dbPath)
        // then
        XCTAssertTrue(reverted.hasPrefix("reverted: "), reverted)
        XCTAssertEqual(status.split(separator: "\n").filter { $0.hasPrefix("pending") }.count, ParkMigrations.all.count)
    }

    func testAuditVerifyOnAnIntactChain() async throws {
        // given two imported enterprises (two audit entries)
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10", "\(Self.code(2).value),乙公司,Beta,39,,20"])
        try await parkos("enterprises", "import", "--db", dbPath, file)
        // when
        let out = try await parkos("audit", "verify", "--db", dbPath)
        // then
        let head = try await withStore { try await AuditLog(db: $0.db).recent(limit: 1).first?.hash }
        let keyFile = dbPath + ".audit-key"
        let key = try AuditKeyring.resolve(for: .sqliteFile(dbPath), environment: [:]).key
        XCTAssertEqual(out, """
            audit chain intact: 2 entries, head \(try XCTUnwrap(head))
            audit key fingerprint \(key.fingerprint) (file \(keyFile)); no legacy entries

            """)
        XCTAssertTrue(try XCTUnwrap(head).hasPrefix("hmac1:\(key.fingerprint):"))
    }

    func testAuditVerifyExitsNonZeroOnATamperedChain() async throws {
        // given
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10", "\(Self.code(2).value),乙公司,Beta,39,,20"])
        try await parkos("enterprises", "import", "--db", dbPath, file)
        try await withStore { store in
            try await AppendOnly.unprotect(table: "audit_entries", on: store.db)
            try await (store.db as! any SQLDatabase).raw("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 1").run()
        }
        // when
        let (code, output) = try await parkosFailing("audit", "verify", "--db", dbPath)
        // then
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.hasPrefix("audit chain BROKEN at entry 1: "), output.stdout)
    }
}
