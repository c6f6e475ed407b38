import Crypto
import FluentKit
import Foundation
import ParkDomain

/// Appends to and checks the audit trail, a chain sealed with the audit key (HMAC-SHA-256,
/// see `AuditChainKey`): each entry's seal covers its content and the seal before it.
public struct AuditLog: Sendable {
    public let db: any Database
    public let clock: ParkClock
    /// The key entries are sealed and checked with.
    public let key: AuditChainKey

    /// Uses the process's audit key (`AuditKeyring.current`).
    public init(db: any Database, clock: ParkClock = .system) {
        self.init(db: db, clock: clock, key: AuditKeyring.current)
    }

    public init(db: any Database, clock: ParkClock = .system, key: AuditChainKey) {
        self.db = db; self.clock = clock; self.key = key
    }

    static func sha256(_ text: String) -> String {
        Hex.lower(SHA256.hash(data: Data(text.utf8)))
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
                                     before: T?, after: T?, reason: String? = nil) async throws -> AuditEntry {
        try await append(by: principal, action: action, entityType: entityType, entityID: entityID,
                         beforeJSON: Self.json(before), afterJSON: Self.json(after), reason: reason)
    }

    @discardableResult
    public func append(by principal: Principal, action: String, entityType: String, entityID: String,
                       beforeJSON: String?, afterJSON: String?, reason: String? = nil) async throws -> AuditEntry {
        try await appendAll(by: principal, [Record(action: action, entityType: entityType, entityID: entityID,
                                                   beforeJSON: beforeJSON, afterJSON: afterJSON, reason: reason)])[0]
    }

    /// One write for `appendAll`.
    public struct Record: Sendable {
        public var action: String, entityType: String, entityID: String
        public var beforeJSON: String?, afterJSON: String?, reason: String?

        public init(action: String, entityType: String, entityID: String, beforeJSON: String?, afterJSON: String?, reason: String? = nil) {
            self.action = action; self.entityType = entityType; self.entityID = entityID
            self.beforeJSON = beforeJSON; self.afterJSON = afterJSON; self.reason = reason
        }

        public init<T: Encodable>(action: String, entityType: String, entityID: String, before: T?, after: T?, reason: String? = nil) {
            self.init(action: action, entityType: entityType, entityID: entityID,
                      beforeJSON: AuditLog.json(before), afterJSON: AuditLog.json(after), reason: reason)
        }
    }

    /// Records many writes by one principal, in order: the same entries and seals as appending
    /// them one by one, but the head is read once, entries go in 500 a statement, and the head
    /// moves once (bulk imports and the demo park: three round trips per entry were most of
    /// their time). Must run inside `WriteGate.write`.
    @discardableResult
    public func appendAll(by principal: Principal, _ records: [Record]) async throws -> [AuditEntry] {
        guard !records.isEmpty else { return [] }
        let head = try await AuditHeadModel.find(1, on: db)
        var seq = head?.seq ?? 0
        var prevHash = head?.hash ?? AuditEntry.genesisHash
        guard seq >= 0, seq <= Int.max - records.count else {
            throw DomainError(.conflict, code: "audit_head_invalid", field: "audit_head",
                              en: "the audit head records entry \(seq); run parkos audit verify", zh: "审计链头记录的序号 \(seq) 不合理，请运行 parkos audit verify")
        }
        let at = clock.millis
        var entries: [AuditEntry] = []
        entries.reserveCapacity(records.count)
        for r in records {
            seq += 1
            var entry = AuditEntry(seq: seq, atMillis: at, actorID: principal.userID, actorName: principal.name,
                                   action: r.action, entityType: r.entityType, entityID: r.entityID,
                                   before: r.beforeJSON, after: r.afterJSON, prevHash: prevHash, hash: "", reason: r.reason)
            entry.hash = key.seal(entry.canonicalText)
            prevHash = entry.hash
            entries.append(entry)
        }
        for from in stride(from: 0, to: entries.count, by: 500) {
            let rows = entries[from ..< min(from + 500, entries.count)].map { e -> AuditEntryModel in
                let row = AuditEntryModel()
                row.id = e.seq; row.atMillis = e.atMillis; row.actorID = e.actorID; row.actorName = e.actorName
                row.action = e.action; row.entityType = e.entityType; row.entityID = e.entityID
                row.before = e.before; row.after = e.after; row.prevHash = e.prevHash; row.hash = e.hash
                row.reason = e.reason
                return row
            }
            try await BulkInsert.insert(rows, on: db)
        }
        let last = entries[entries.count - 1]
        if let head {
            head.seq = last.seq; head.hash = last.hash
            try await head.update(on: db)
        } else {
            let h = AuditHeadModel(); h.id = 1; h.seq = last.seq; h.hash = last.hash
            try await h.create(on: db)
        }
        return entries
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
                   prevHash: m.prevHash, hash: m.hash, reason: m.reason)
    }
}
