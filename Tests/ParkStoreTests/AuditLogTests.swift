import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

final class AuditLogTests: StoreTestCase {
    /// Three writes: create, update and delete of one enterprise.
    func threeWrites() async throws -> Enterprise {
        let created = try await register(enterprise(1, zh: "甲公司", en: "Alpha", employees: 10))
        var edited = created
        edited.employees = 11
        _ = try await enterprises.update(created.id!, to: edited, by: officer, catalog: try await catalog())
        try await enterprises.delete(created.id!, by: admin)
        return created
    }

    func decode(_ json: String?) throws -> Enterprise {
        try JSONDecoder().decode(Enterprise.self, from: Data(try XCTUnwrap(json).utf8))
    }

    func testEveryWriteAppendsAnEntryWithBeforeAndAfter() async throws {
        // when
        let created = try await threeWrites()
        // then
        let entries = try await audit.recent().reversed().map { $0 }
        XCTAssertEqual(entries.map(\.seq), [1, 2, 3])
        XCTAssertEqual(entries.map(\.action), ["create", "update", "delete"])
        XCTAssertEqual(entries.map(\.actorName), ["test-admin", "officer", "test-admin"])
        XCTAssertEqual(Set(entries.map(\.entityID)), [created.id!.uuidString])
        XCTAssertEqual(entries.map(\.atMillis), Array(repeating: clock.millis, count: 3))
        XCTAssertNil(entries[0].before)
        XCTAssertEqual(try decode(entries[0].after), created)
        XCTAssertEqual(try decode(entries[1].before).employees, 10)
        XCTAssertEqual(try decode(entries[1].after).employees, 11)
        XCTAssertEqual(try decode(entries[2].before).employees, 11)
        XCTAssertNil(entries[2].after)
        XCTAssertEqual(entries[0].prevHash, AuditEntry.genesisHash)
        XCTAssertEqual(entries[1].prevHash, entries[0].hash)
        XCTAssertEqual(entries[2].prevHash, entries[1].hash)
        let trail = try await audit.trail(entityType: "enterprise", entityID: created.id!.uuidString)
        XCTAssertEqual(trail.map(\.seq), [3, 2, 1])
    }

    func testAccountWritesAreAuditedWithoutThePasswordHash() async throws {
        // when
        let user = try await accounts.create(.init(username: "alice", displayName: "Alice", password: "secret-pass-1", role: .admin), by: admin)
        try await accounts.setDisabled(user.id, true, by: admin)
        // then
        let entries = try await audit.recent()
        XCTAssertEqual(entries.map(\.action), ["disable", "create"])
        XCTAssertEqual(Set(entries.map(\.entityType)), ["user"])
        for e in entries { XCTAssertFalse((e.after ?? "").contains("$2"), "no bcrypt hash in the trail") }
        XCTAssertTrue(try XCTUnwrap(entries.first?.after).contains(#""disabled":true"#))
    }

    func testFreshAndWrittenChainsAreIntact() async throws {
        // given
        let empty = try await audit.verify()
        // when
        _ = try await threeWrites()
        // then
        XCTAssertEqual(empty, .intact(entries: 0, headHash: AuditEntry.genesisHash))
        let head = try await audit.recent(limit: 1).first?.hash
        await assertEqual(try await audit.verify(), .intact(entries: 3, headHash: try XCTUnwrap(head)))
    }

    func testAppendingManyAtOnceSealsTheSameChainAsOneByOne() async throws {
        // given two writes appended one by one
        let records = (1...3).map { n in
            AuditLog.Record(action: "create", entityType: "parcel", entityID: "P\(n)", beforeJSON: nil, afterJSON: "{\"n\":\(n)}")
        }
        let clock = self.clock, key = audit.key, admin = self.admin
        try await WriteGate.write(db) { tx in
            let log = AuditLog(db: tx, clock: clock, key: key)
            for r in records.prefix(2) {
                try await log.append(by: admin, action: r.action, entityType: r.entityType, entityID: r.entityID,
                                     beforeJSON: r.beforeJSON, afterJSON: r.afterJSON)
            }
        }
        let oneByOne = try await audit.recent().reversed().map { $0 }
        // when the third and then all three again are appended at once
        let many = try await WriteGate.write(db) { tx in
            try await AuditLog(db: tx, clock: clock, key: key).appendAll(by: admin, Array(records.suffix(1)) + records)
        }
        // then the chain goes on from the head, entry for entry as appending one by one would seal it
        XCTAssertEqual(many.map(\.seq), [3, 4, 5, 6])
        XCTAssertEqual(many[0].prevHash, oneByOne[1].hash)
        XCTAssertEqual(many[1].prevHash, many[0].hash)
        let again = try await WriteGate.write(db) { tx in
            try await AuditLog(db: tx, clock: clock, key: key).appendAll(by: admin, [])
        }
        XCTAssertEqual(again, [])
        let stored = try await audit.recent().reversed().map { $0 }
        XCTAssertEqual(Array(stored.suffix(4)), many)
        var expected = oneByOne[1].hash
        for e in many {
            var unsealed = e
            unsealed.hash = ""
            XCTAssertEqual(e.prevHash, expected)
            XCTAssertEqual(e.hash, audit.key.seal(unsealed.canonicalText))
            expected = e.hash
        }
        await assertEqual(try await audit.verify(), .intact(entries: 6, headHash: expected))
    }

    func testAnEditedEntryIsFound() async throws {
        // given
        _ = try await threeWrites()
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        // when
        try await sql.raw("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 2").run()
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("tampering not found") }
        XCTAssertEqual(seq, 2)
        XCTAssertTrue(reason.contains("edited"), reason)
    }

    func testADeletedMiddleEntryIsFound() async throws {
        // given
        _ = try await threeWrites()
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        // when
        try await sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("deletion not found") }
        XCTAssertEqual(seq, 2)
        XCTAssertTrue(reason.contains("entry 2 is missing"), reason)
    }

    func testADeletedNewestEntryIsFoundThroughTheHead() async throws {
        // given
        _ = try await threeWrites()
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        // when
        try await sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("deletion not found") }
        XCTAssertEqual(seq, 3)
        XCTAssertTrue(reason.contains("missing"), reason)
    }

    func forge(seq: Int, prevHash: String, hash: (AuditEntry) -> String) async throws {
        var e = AuditEntry(seq: seq, atMillis: clock.millis, actorID: nil, actorName: "mallory", action: "create",
                           entityType: "enterprise", entityID: UUID().uuidString, before: nil, after: "{}",
                           prevHash: prevHash, hash: "")
        e.hash = hash(e)
        try await sql.insert(into: "audit_entries")
            .columns("seq", "at_ms", "actor_id", "actor_name", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash")
            .values(SQLBind(e.seq), SQLBind(e.atMillis), SQLLiteral.null, SQLBind(e.actorName), SQLBind(e.action),
                    SQLBind(e.entityType), SQLBind(e.entityID), SQLLiteral.null, SQLBind(e.after), SQLBind(e.prevHash), SQLBind(e.hash))
            .run()
    }

    func testAForgedEntryAtTheEndIsFound() async throws {
        // given
        _ = try await threeWrites()
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        let lastHash = try await unwrap(try await audit.recent(limit: 1).first?.hash)
        // when a row is added with a made-up hash
        try await forge(seq: 4, prevHash: lastHash) { _ in String(repeating: "f", count: 64) }
        // then
        guard case .broken(let seq, _) = try await audit.verify() else { return XCTFail("forgery not found") }
        XCTAssertEqual(seq, 4)
    }

    func testAForgedEntryWithACorrectHashIsFoundThroughTheHead() async throws {
        // given
        _ = try await threeWrites()
        let lastHash = try await unwrap(try await audit.recent(limit: 1).first?.hash)
        // when a row is added that links and is sealed with the key (inserting needs no trigger change)
        let key = audit.key
        try await forge(seq: 4, prevHash: lastHash) { key.seal($0.canonicalText) }
        // then the recorded head still says 3
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("forgery not found") }
        XCTAssertEqual(seq, 4)
        XCTAssertTrue(reason.contains("inserted"), reason)
    }

    func testAForgedEntryHashedWithoutTheKeyIsFound() async throws {
        // given
        _ = try await threeWrites()
        let lastHash = try await unwrap(try await audit.recent(limit: 1).first?.hash)
        // when a row is added that links and carries the plain SHA-256 an unkeyed chain would
        try await forge(seq: 4, prevHash: lastHash) { AuditLog.sha256($0.canonicalText) }
        // then
        guard case .broken(let seq, let reason) = try await audit.verify() else { return XCTFail("forgery not found") }
        XCTAssertEqual(seq, 4)
        XCTAssertTrue(reason.contains("plain SHA-256 after keyed entries"), reason)
    }

    func testEntriesAreSealedWithTheKeyAndItsFingerprint() async throws {
        // when
        _ = try await threeWrites()
        // then
        let entries = try await audit.recent()
        for e in entries {
            XCTAssertEqual(AuditSeal(e.hash), .keyed(fingerprint: audit.key.fingerprint, mac: String(e.hash.suffix(64))))
            XCTAssertEqual(e.hash, audit.key.seal(e.canonicalText))
        }
    }

    func testTheDatabaseRefusesUpdateAndDeleteWhileTheTriggerIsInPlace() async throws {
        // given
        _ = try await threeWrites()
        // when / then
        do {
            try await sql.raw("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 2").run()
            XCTFail("UPDATE on the append-only table should fail")
        } catch {
            XCTAssertTrue(String(reflecting: error).contains("append-only"), String(reflecting: error))
        }
        do {
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 1").run()
            XCTFail("DELETE on the append-only table should fail")
        } catch {}
        await assertEqual(try await auditCount(), 3)
        guard case .intact(let n, _) = try await audit.verify() else { return XCTFail("chain should be intact") }
        XCTAssertEqual(n, 3)
    }
}
