import Foundation

/// One line of the append-only audit trail. Each entry carries the hash of the one before it,
/// so an edited, inserted or deleted entry breaks the chain.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var seq: Int
    /// Milliseconds since 1970 (UTC); stored as an integer so the hash is exact on every database.
    public var atMillis: Int64
    public var actorID: UUID?
    public var actorName: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String
    /// Why the change was made, as its author gave it (an edit of the register asks for one);
    /// nil for writes that carry no reason. Sealed with the rest of the entry.
    public var reason: String?

    public init(seq: Int, atMillis: Int64, actorID: UUID?, actorName: String, action: String, entityType: String,
                entityID: String, before: String?, after: String?, prevHash: String, hash: String, reason: String? = nil) {
        self.seq = seq; self.atMillis = atMillis; self.actorID = actorID; self.actorName = actorName
        self.action = action; self.entityType = entityType; self.entityID = entityID; self.before = before
        self.after = after; self.prevHash = prevHash; self.hash = hash; self.reason = reason
    }

    public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

    /// The text that is hashed: every field but the hash itself, length-prefixed so no two
    /// different entries give the same text. The reason is a later field: it is appended only
    /// when there is one, so entries written before it existed keep their seals.
    public var canonicalText: String {
        var parts: [String] = [String(seq), String(atMillis), actorID?.uuidString ?? "", actorName, action,
                               entityType, entityID, before ?? "\u{0}", after ?? "\u{0}", prevHash]
        if let reason { parts.append("reason=" + reason) }
        return parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    /// The hash of the empty chain, the `prevHash` of entry 1.
    public static let genesisHash = String(repeating: "0", count: 64)
}

/// The outcome of checking the whole chain.
public enum AuditVerification: Sendable, Equatable {
    case intact(entries: Int, headHash: String)
    case broken(seq: Int, reason: String)
}
