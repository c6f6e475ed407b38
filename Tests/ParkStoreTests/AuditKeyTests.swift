import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

/// What someone who can write the database, but does not hold the audit key, can do to the
/// trail, and that verification still finds it.
final class AuditKeyTests: StoreTestCase {
    func testAnEditedEntryWithEveryLaterHashRecomputedAsPlainSHA256IsFound() async throws {
        // given
        _ = try await threeAuditedWrites()
        // when entry 2 is edited and entries 2… and the head are recomputed as an unkeyed chain would be
        try await rewriteChain(from: 2, edit: { $0.actorName = "mallory" }, seal: { AuditLog.sha256($0) })
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("tampering not found") }
        XCTAssertEqual(seq, 2)
        XCTAssertTrue(reason.contains("plain SHA-256 after keyed entries"), reason)
    }

    func testAnEditedEntryResealedWithAnotherKeyUnderTheSameFingerprintIsFound() async throws {
        // given
        _ = try await threeAuditedWrites()
        let mallory = AuditChainKey.generate(origin: "mallory's key")
        let fingerprint = audit.key.fingerprint
        // when entry 2 and later are resealed with a key of the attacker's, naming the real key's fingerprint
        try await rewriteChain(from: 2, edit: { $0.after = #"{"employees":999}"# },
                               seal: { AuditSeal.keyed(fingerprint: fingerprint, macHex: mallory.mac($0)) })
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("tampering not found") }
        XCTAssertEqual(seq, 2)
        XCTAssertTrue(reason.contains("does not match its seal"), reason)
    }

    func testVerifyWithTheWrongKeySaysTheChainDoesNotMatchIt() async throws {
        // given a chain sealed with the test's key
        _ = try await threeAuditedWrites()
        let other = AuditChainKey.generate(origin: "file /tmp/other.audit-key")
        // when
        let report = try await AuditLog(db: db, clock: clock, key: other).verifyReport()
        // then
        guard case .broken(let seq, let reason) = report.verification else { return XCTFail("wrong key not noticed") }
        XCTAssertEqual(seq, 1)
        XCTAssertTrue(reason.contains("the chain does not match this key (fingerprint \(other.fingerprint)"), reason)
        XCTAssertTrue(reason.contains("entry 1 names key \(audit.key.fingerprint)"), reason)
        XCTAssertEqual(report.keyFingerprint, other.fingerprint)
    }

    func testLegacyEntriesBeforeTheKeyAreCountedAndTheChainGoesOnKeyed() async throws {
        // given two entries from before the chain was keyed
        try await insertLegacyEntries(2)
        // when ParkOS appends with the key
        _ = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        // then
        let report = try await audit.verifyReport()
        XCTAssertTrue(report.isIntact, "\(report.verification)")
        XCTAssertEqual(report.checkedEntries, 3)
        XCTAssertEqual(report.legacyEntries, 2)
        XCTAssertEqual(report.chainKeyFingerprint, audit.key.fingerprint)
        let newest = try await unwrap(try await audit.recent(limit: 1).first)
        XCTAssertTrue(AuditSeal(newest.hash).isKeyed)
    }

    func testAnEditedLegacyEntryIsStillFoundByItsHash() async throws {
        // given
        try await insertLegacyEntries(2)
        _ = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        // when
        try await sql.raw("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 1").run()
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("tampering not found") }
        XCTAssertEqual(seq, 1)
        XCTAssertTrue(reason.contains("does not match its hash (edited)"), reason)
    }

    func testAnEditedHeadIsFound() async throws {
        // given
        _ = try await threeAuditedWrites()
        // when the head names another hash for the same entry
        try await sql.raw("UPDATE audit_head SET hash = \(bind: String(repeating: "a", count: 64)) WHERE id = 1").run()
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("tampering not found") }
        XCTAssertEqual(seq, 3)
        XCTAssertTrue(reason.contains("edited head"), reason)
    }
}

extension StoreTestCase {
    /// Create, update and delete of one enterprise: three audit entries.
    func threeAuditedWrites() async throws {
        let created = try await register(enterprise(1, zh: "甲公司", en: "Alpha", employees: 10))
        var edited = created
        edited.employees = 11
        _ = try await enterprises.update(created.id!, to: edited, by: officer, catalog: try await catalog())
        try await enterprises.delete(created.id!, by: admin)
    }

    /// What an attacker with write access does: drops the trigger, edits entry `from`, then
    /// recomputes the links and seals of it and every later entry, and moves the head along.
    func rewriteChain(from: Int, edit: (inout AuditEntry) -> Void, seal: (String) -> String) async throws {
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        let entries = try await audit.recent(limit: 100_000).reversed().map { $0 }
        var prevHash = entries.first { $0.seq == from - 1 }?.hash ?? AuditEntry.genesisHash
        for var e in entries where e.seq >= from {
            if e.seq == from { edit(&e) }
            e.prevHash = prevHash
            e.hash = seal(e.canonicalText)
            try await sql.raw("""
                UPDATE audit_entries SET actor_name = \(bind: e.actorName), "after" = \(bind: e.after), prev_hash = \(bind: e.prevHash), \
                hash = \(bind: e.hash) WHERE seq = \(bind: e.seq)
                """).run()
            prevHash = e.hash
        }
        try await sql.raw("UPDATE audit_head SET hash = \(bind: prevHash) WHERE id = 1").run()
    }

    /// Entries as ParkOS wrote them before the chain was keyed (plain SHA-256), with the head.
    func insertLegacyEntries(_ count: Int) async throws {
        var prevHash = AuditEntry.genesisHash
        for seq in 1 ... count {
            var e = AuditEntry(seq: seq, atMillis: clock.millis, actorID: nil, actorName: "old-parkos", action: "create",
                               entityType: "reference", entityID: "r\(seq)", before: nil, after: "{}", prevHash: prevHash, hash: "")
            e.hash = AuditLog.sha256(e.canonicalText)
            try await sql.insert(into: "audit_entries")
                .columns("seq", "at_ms", "actor_id", "actor_name", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash")
                .values(SQLBind(e.seq), SQLBind(e.atMillis), SQLLiteral.null, SQLBind(e.actorName), SQLBind(e.action),
                        SQLBind(e.entityType), SQLBind(e.entityID), SQLLiteral.null, SQLBind(e.after), SQLBind(e.prevHash), SQLBind(e.hash))
                .run()
            prevHash = e.hash
        }
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash").values(SQLBind(1), SQLBind(count), SQLBind(prevHash)).run()
    }
}
