import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

/// Signed checkpoints catch what the key alone cannot: a cut tail with the head moved back,
/// and a chain rewritten by someone who holds the audit key.
final class AuditCheckpointTests: StoreTestCase {
    let signer = AuditSigningKey.generate()

    func checkpoint() async throws -> AuditCheckpoint {
        let report = try await audit.verifyReport()
        XCTAssertTrue(report.isIntact)
        return signer.checkpoint(report, at: clock.millis)
    }

    func check(_ c: AuditCheckpoint, with key: AuditVerifyingKey? = nil) async throws -> (AuditChainReport, String?) {
        let report = try await audit.verifyReport()
        return (report, try await audit.check(c, publicKey: key ?? signer.publicKey, against: report))
    }

    func testACheckpointHoldsWhileTheChainOnlyGrows() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        // when
        _ = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        // then
        let (report, problem) = try await check(c)
        XCTAssertNil(problem)
        XCTAssertEqual(report.checkedEntries, 4)
        XCTAssertEqual(c.seq, 3)
        XCTAssertEqual(c.auditKeyFingerprint, audit.key.fingerprint)
        XCTAssertEqual(c.signingKeyFingerprint, signer.publicKey.fingerprint)
    }

    func testACutTailWithTheHeadMovedBackIsFoundByTheCheckpoint() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        let entry2 = try await unwrap(try await audit.recent(limit: 2).last)
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        // when the newest entry is deleted and the head moved back to entry 2
        try await sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
        try await sql.raw("UPDATE audit_head SET seq = 2, hash = \(bind: entry2.hash) WHERE id = 1").run()
        // then the chain alone looks intact, the checkpoint does not
        let (report, problem) = try await check(c)
        XCTAssertTrue(report.isIntact, "a consistent shorter chain verifies on its own")
        XCTAssertEqual(problem, "the chain ends at 2 but the checkpoint of \(c.createdAt) recorded 3 (entries were cut from the end)")
    }

    func testAChainRewrittenWithTheAuditKeyIsFoundByTheCheckpoint() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        let key = audit.key
        // when someone holding the audit key rewrites entry 2 and everything after it
        try await rewriteChain(from: 2, edit: { $0.actorName = "mallory" }, seal: { key.seal($0) })
        // then
        let (report, problem) = try await check(c)
        XCTAssertTrue(report.isIntact, "the key's holder can make a consistent chain")
        XCTAssertEqual(problem, "entry 3 no longer has the hash the checkpoint of \(c.createdAt) recorded (the chain was rewritten)")
    }

    func testAChainDowngradedToUnkeyedHashesIsFoundByTheCheckpoint() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        // when every entry is recomputed as a plain SHA-256 (legacy-looking) chain
        try await rewriteChain(from: 1, edit: { $0.actorName = "mallory" }, seal: { AuditLog.sha256($0) })
        // then the chain reads as three legacy entries, which the checkpoint refutes
        let (report, problem) = try await check(c)
        XCTAssertEqual(report.legacyEntries, 3)
        XCTAssertEqual(c.legacyEntries, 0)
        XCTAssertTrue(problem?.contains("the chain was rewritten") ?? false, problem ?? "checkpoint held")
    }

    func testAForgedCheckpointIsRefused() async throws {
        // given
        try await threeAuditedWrites()
        var c = try await checkpoint()
        let entry2 = try await unwrap(try await audit.recent(limit: 2).last)
        // when someone rewrites the checkpoint to match a shorter chain, keeping the signature
        c.seq = 2
        c.headHash = entry2.hash
        // then
        let (_, problem) = try await check(c)
        XCTAssertEqual(problem, "the checkpoint of \(c.createdAt) is not signed by public key \(signer.publicKey.fingerprint) (forged or altered checkpoint, or another signing key)")
    }

    func testACheckpointSignedByAnotherKeyIsRefused() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        // when
        let (_, problem) = try await check(c, with: AuditSigningKey.generate().publicKey)
        // then
        XCTAssertTrue(problem?.contains("is not signed by public key") ?? false, problem ?? "accepted")
    }

    func testACheckpointSurvivesItsJSONAndJunkIsRefused() async throws {
        // given
        try await threeAuditedWrites()
        let c = try await checkpoint()
        // when
        let parsed = try AuditCheckpoint.parse(Data(c.json().utf8))
        // then
        XCTAssertEqual(parsed, c)
        XCTAssertTrue(signer.publicKey.isValidSignature(of: parsed))
        XCTAssertThrowsError(try AuditCheckpoint.parse(Data("{}".utf8)))
        var negative = c
        negative.seq = -1
        XCTAssertThrowsError(try AuditCheckpoint.parse(Data(negative.json().utf8)))
    }

    func testKeysSurviveTheirFiles() throws {
        // given
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parkos-sign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("signing").path
        // when
        try signer.write(to: path)
        // then
        XCTAssertEqual(try AuditSigningKey.read(path).publicKey.fingerprint, signer.publicKey.fingerprint)
        XCTAssertEqual(try AuditVerifyingKey.read(path + ".pub").fingerprint, signer.publicKey.fingerprint)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertThrowsError(try signer.write(to: path), "never overwrites a key")
        XCTAssertThrowsError(try AuditVerifyingKey.read(path), "a private key file is not a public key")
    }
}
