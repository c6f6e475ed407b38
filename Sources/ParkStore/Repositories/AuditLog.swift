import Crypto
import FluentKit
import Foundation
import ParkDomain

/// Appends to and checks the hash-chained audit trail.
public struct AuditLog: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Records one write. Must run inside `WriteGate.write` (the transaction of the change).
    @discardableResult
    public func append<T: Encodable>(by principal: Principal, action: String, entityType: String, entityID: String,
                                     before: T?, after: T?) async throws -> AuditEntry {
        try await append(by: principal, action: action, entityType: entityType, entityID: entityID,
                         beforeJSON: Self.json(before), afterJSON: Self.json(after))
    }

    @discardableResult
    public func append(by principal: Principal, action: String, entityType: String, entityID: String,
                       beforeJSON: String?, afterJSON: String?) async throws -> AuditEntry {
        let head = try await AuditHeadModel.find(1, on: db)
        let prevSeq = head?.seq ?? 0
        let prevHash = head?.hash ?? AuditEntry.genesisHash
        var entry = AuditEntry(seq: prevSeq + 1, atMillis: clock.millis, actorID: principal.userID,
                               actorName: principal.name, action: action, entityType: entityType,
                               entityID: entityID, before: beforeJSON, after: afterJSON, prevHash: prevHash, hash: "")
        entry.hash = Self.sha256(entry.canonicalText)
        let row = AuditEntryModel()
        row.id = entry.seq; row.atMillis = entry.atMillis; row.actorID = entry.actorID; row.actorName = entry.actorName
        row.action = action; row.entityType = entityType; row.entityID = entityID
        row.before = beforeJSON; row.after = afterJSON; row.prevHash = prevHash; row.hash = entry.hash
        try await row.create(on: db)
        if let head {
            head.seq = entry.seq; head.hash = entry.hash
            try await head.update(on: db)
        } else {
            let h = AuditHeadModel(); h.id = 1; h.seq = entry.seq; h.hash = entry.hash
            try await h.create(on: db)
        }
        return entry
    }

    /// The trail of one record, newest first.
    public func trail(entityType: String, entityID: String, limit: Int = 200) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: db)
            .filter(\.$entityType == entityType).filter(\.$entityID == entityID)
            .sort(\.$id, .descending).limit(limit).all().map(Self.domain)
    }

    /// The newest entries of the whole trail.
    public func recent(limit: Int = 50) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: db).sort(\.$id, .descending).limit(limit).all().map(Self.domain)
    }

    static func domain(_ m: AuditEntryModel) -> AuditEntry {
        AuditEntry(seq: m.id!, atMillis: m.atMillis, actorID: m.actorID, actorName: m.actorName, action: m.action,
                   entityType: m.entityType, entityID: m.entityID, before: m.before, after: m.after,
                   prevHash: m.prevHash, hash: m.hash)
    }

    /// Walks the whole chain in order and names the first entry that does not fit:
    /// an edited entry (its hash), a deleted one (a gap in the numbers or a broken link),
    /// an inserted one (a broken link, or entries past the recorded head).
    public func verify(progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditVerification {
        let head = try await AuditHeadModel.find(1, on: db)
        var expectedSeq = 1
        var prevHash = AuditEntry.genesisHash
        let pageSize = 5_000
        while true {
            let page = try await AuditEntryModel.query(on: db).filter(\.$id >= expectedSeq)
                .sort(\.$id, .ascending).limit(pageSize).all()
            for m in page {
                let e = Self.domain(m)
                if e.seq != expectedSeq {
                    return .broken(seq: expectedSeq, reason: "entry \(expectedSeq) is missing (deleted); the next entry is \(e.seq)")
                }
                if e.prevHash != prevHash {
                    return .broken(seq: e.seq, reason: "entry \(e.seq) does not link to entry \(e.seq - 1) (an entry was inserted, deleted or edited)")
                }
                if Self.sha256(e.canonicalText) != e.hash {
                    return .broken(seq: e.seq, reason: "entry \(e.seq) does not match its hash (edited)")
                }
                prevHash = e.hash
                expectedSeq += 1
            }
            progress?(expectedSeq - 1)
            if page.count < pageSize { break }
        }
        let count = expectedSeq - 1
        let headSeq = head?.seq ?? 0
        if headSeq != count || (head?.hash ?? AuditEntry.genesisHash) != prevHash {
            if headSeq > count {
                return .broken(seq: count + 1, reason: "entries \(count + 1)…\(headSeq) are missing (deleted); the chain head records \(headSeq)")
            }
            return .broken(seq: headSeq + 1, reason: "entry \(headSeq + 1) is past the recorded chain head \(headSeq) (inserted)")
        }
        return .intact(entries: count, headHash: prevHash)
    }
}
