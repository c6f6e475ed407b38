import Foundation

/// A signed statement "the audit chain had `seq` entries and entry `seq` had this hash", made
/// with an Ed25519 key kept away from the database and copied elsewhere. A rewritten chain has
/// another hash at `seq`; a cut tail has fewer than `seq` entries.
public struct AuditCheckpoint: Sendable, Equatable, Codable {
    public static let currentFormat = "parkos-audit-checkpoint-1"

    public var format: String
    /// The number of entries, which is also the sequence number of the newest one.
    public var seq: Int
    /// The stored hash of entry `seq` (the chain's genesis hash when `seq` is 0).
    public var headHash: String
    public var createdAtMillis: Int64
    /// The same instant, for people (ISO 8601, UTC); not signed separately.
    public var createdAt: String
    /// The fingerprint of the audit (HMAC) key the chain verified with when this was made.
    public var auditKeyFingerprint: String
    public var legacyEntries: Int
    /// The fingerprint of the public key that checks `signature`.
    public var signingKeyFingerprint: String
    /// Base64 Ed25519 signature of `signedText`.
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case format, seq, signature
        case headHash = "head_hash", createdAtMillis = "created_at_ms", createdAt = "created_at"
        case auditKeyFingerprint = "audit_key_fingerprint", legacyEntries = "legacy_entries"
        case signingKeyFingerprint = "signing_key_fingerprint"
    }

    public init(seq: Int, headHash: String, createdAtMillis: Int64, auditKeyFingerprint: String, legacyEntries: Int,
                signingKeyFingerprint: String, signature: String = "") {
        self.format = Self.currentFormat; self.seq = seq; self.headHash = headHash; self.createdAtMillis = createdAtMillis
        self.createdAt = Self.iso(createdAtMillis); self.auditKeyFingerprint = auditKeyFingerprint
        self.legacyEntries = legacyEntries; self.signingKeyFingerprint = signingKeyFingerprint; self.signature = signature
    }

    /// The text that is signed: every field but the signature and the display time,
    /// length-prefixed as in `AuditEntry.canonicalText`.
    public var signedText: String {
        [format, String(seq), headHash, String(createdAtMillis), auditKeyFingerprint, String(legacyEntries), signingKeyFingerprint]
            .map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    static func iso(_ millis: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// The checkpoint as pretty JSON with sorted keys (one file, readable, stable).
    public func json() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(self)).flatMap { String(data: $0, encoding: .utf8) }.map { $0 + "\n" } ?? ""
    }

    /// Reads a checkpoint file; refuses an unknown format or impossible numbers.
    public static func parse(_ data: Data) throws(DomainError) -> AuditCheckpoint {
        guard let c = try? JSONDecoder().decode(AuditCheckpoint.self, from: data) else {
            throw DomainError(code: "bad_checkpoint", field: "checkpoint", en: "the checkpoint is not a ParkOS audit checkpoint (JSON)",
                              zh: "检查点文件不是 ParkOS 审计检查点（JSON）")
        }
        guard c.format == currentFormat, c.seq >= 0, c.legacyEntries >= 0, c.legacyEntries <= c.seq else {
            throw DomainError(code: "bad_checkpoint", field: "checkpoint",
                              en: "the checkpoint has an unknown format or impossible numbers (format \(c.format), seq \(c.seq))",
                              zh: "检查点格式未知或数值不合理（format \(c.format)，seq \(c.seq)）")
        }
        return c
    }
}
