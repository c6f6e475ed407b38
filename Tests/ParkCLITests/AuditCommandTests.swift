import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import SQLKit
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `parkos audit keygen / checkpoint / verify --checkpoint / reconcile`, in-process on a file.
final class AuditCommandTests: CLITestCase {
    override func tearDown() async throws {
        unsetenv("PARKOS_AUDIT_KEY")
        AuditKeyring.install(nil)
        try await super.tearDown()
    }

    var signingKey: String { dir.appendingPathComponent("signing").path }
    var checkpointFile: String { dir.appendingPathComponent("checkpoint.json").path }

    /// Two imported enterprises: two audit entries.
    func importTwo() async throws {
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10", "\(Self.code(2).value),乙公司,Beta,39,,20"])
        try await parkos("enterprises", "import", "--db", dbPath, file)
    }

    func tamper(_ statements: String...) async throws {
        try await withStore { store in
            try await AppendOnly.unprotect(table: "audit_entries", on: store.db)
            for s in statements { try await (store.db as! any SQLDatabase).raw("\(unsafeRaw: s)").run() }
        }
    }

    func testTheKeyFileIsCreatedNextToTheDatabaseOnFirstUse() async throws {
        // given a command that does not touch the trail
        try await parkos("migrate", "--db", dbPath)
        let before = FileManager.default.fileExists(atPath: dbPath + ".audit-key")
        // when
        let file = try writeCSV(["\(Self.code(1).value),甲公司,Alpha,27,,10"])
        var command = try XCTUnwrap(try ParkOSCommand.parseAsRoot(["enterprises", "import", "--db", dbPath, file]) as? any AsyncParsableCommand)
        let (output, error) = try await capture { try await command.run() }
        // then
        XCTAssertNil(error)
        XCTAssertFalse(before, "no key file for a command that does not use the trail")
        XCTAssertTrue(output.stderr.contains("notice: created audit key \(dbPath).audit-key"), output.stderr)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: dbPath + ".audit-key")[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
    }

    func testKeygenCheckpointAndVerifyWithTheCheckpoint() async throws {
        // given
        try await importTwo()
        // when
        let keygen = try await parkos("audit", "keygen", "--out", signingKey)
        let written = try await parkos("audit", "checkpoint", "--db", dbPath, "--signing-key", signingKey, "-o", checkpointFile)
        let verified = try await parkos("audit", "verify", "--db", dbPath, "--checkpoint", checkpointFile, "--public-key", signingKey + ".pub")
        // then
        let fingerprint = try AuditVerifyingKey.read(signingKey + ".pub").fingerprint
        XCTAssertTrue(keygen.contains("public key \(signingKey).pub, fingerprint \(fingerprint)"), keygen)
        XCTAssertTrue(written.hasPrefix("checkpoint of 2 entries (head hmac1:"), written)
        let checkpoint = try AuditCheckpoint.parse(try Data(contentsOf: URL(fileURLWithPath: checkpointFile)))
        XCTAssertEqual(checkpoint.seq, 2)
        XCTAssertEqual(checkpoint.signingKeyFingerprint, fingerprint)
        XCTAssertTrue(verified.contains("audit chain intact: 2 entries"), verified)
        XCTAssertTrue(verified.contains("checkpoint holds: entry 2 of \(checkpoint.createdAt) still has the recorded hash (signed by \(fingerprint))"), verified)
    }

    func testACutTailWithTheHeadMovedBackFailsVerifyWithTheCheckpoint() async throws {
        // given
        try await importTwo()
        try await parkos("audit", "keygen", "--out", signingKey)
        try await parkos("audit", "checkpoint", "--db", dbPath, "--signing-key", signingKey, "-o", checkpointFile)
        // when entry 2 is cut and the head moved back to entry 1
        try await tamper("DELETE FROM audit_entries WHERE seq = 2",
                         "UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_entries WHERE seq = 1) WHERE id = 1")
        let alone = try await parkos("audit", "verify", "--db", dbPath)
        let (code, output) = try await parkosFailing("audit", "verify", "--db", dbPath, "--checkpoint", checkpointFile,
                                                     "--public-key", signingKey + ".pub")
        // then
        XCTAssertTrue(alone.hasPrefix("audit chain intact: 1 entries"), alone)
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.contains("checkpoint BROKEN: the chain ends at 1 but the checkpoint of "), output.stdout)
        XCTAssertTrue(output.stdout.contains("recorded 2 (entries were cut from the end)"), output.stdout)
    }

    func testAForgedCheckpointIsRefused() async throws {
        // given
        try await importTwo()
        try await parkos("audit", "keygen", "--out", signingKey)
        try await parkos("audit", "checkpoint", "--db", dbPath, "--signing-key", signingKey, "-o", checkpointFile)
        // when the checkpoint's count is changed by hand
        let text = try String(contentsOfFile: checkpointFile, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"seq\" : 2", with: "\"seq\" : 1").utf8).write(to: URL(fileURLWithPath: checkpointFile))
        let (code, output) = try await parkosFailing("audit", "verify", "--db", dbPath, "--checkpoint", checkpointFile,
                                                     "--public-key", signingKey + ".pub")
        // then
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.contains("is not signed by public key"), output.stdout)
    }

    func testVerifyWithAnotherKeySaysTheChainDoesNotMatchIt() async throws {
        // given
        try await importTwo()
        // when
        setenv("PARKOS_AUDIT_KEY", String(repeating: "5a", count: 32), 1)
        let (code, output) = try await parkosFailing("audit", "verify", "--db", dbPath)
        // then
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.hasPrefix("audit chain BROKEN at entry 1: the chain does not match this key (fingerprint "), output.stdout)
        XCTAssertTrue(output.stdout.contains("PARKOS_AUDIT_KEY"), output.stdout)
    }

    func testCheckpointRefusesABrokenChain() async throws {
        // given
        try await importTwo()
        try await parkos("audit", "keygen", "--out", signingKey)
        try await tamper("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 2")
        // when
        let (code, output) = try await parkosFailing("audit", "checkpoint", "--db", dbPath, "--signing-key", signingKey, "-o", checkpointFile)
        // then
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.contains("no checkpoint written"), output.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: checkpointFile))
    }

    func testReconcileIsCleanThenFindsARowChangedBySQL() async throws {
        // given
        try await importTwo()
        let clean = try await parkos("audit", "reconcile", "--db", dbPath)
        // when
        try await tamper("UPDATE enterprises SET employees = 999 WHERE name_en = 'Beta'")
        let (code, output) = try await parkosFailing("audit", "reconcile", "--db", dbPath)
        let (_, json) = try await parkosFailing("audit", "reconcile", "--db", dbPath, "--format", "json")
        // then
        XCTAssertTrue(clean.hasSuffix("reconcile: every audited row matches its latest audit entry\n"), clean)
        XCTAssertEqual(code, 2)
        XCTAssertTrue(output.stdout.contains("changed\tenterprise\t"), output.stdout)
        XCTAssertTrue(output.stdout.contains("fields: employees"), output.stdout)
        XCTAssertTrue(output.stdout.hasSuffix("reconcile: DIFFERS: 1 changed, 0 without audit entry, 0 deleted outside ParkOS\n"), output.stdout)
        let decoded = try JSONDecoder().decode(AuditReconciliation.self, from: Data(json.stdout.utf8))
        XCTAssertEqual(decoded.findings.map(\.fields), [["employees"]])
    }
}
