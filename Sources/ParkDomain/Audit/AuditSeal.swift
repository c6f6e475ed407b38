import Foundation

/// What the `hash` column of an audit entry holds. Entries written before the chain was keyed
/// hold the plain SHA-256 of their canonical text (64 hex digits, *legacy*); keyed entries hold
/// `hmac1:<key fingerprint>:<HMAC-SHA-256 in hex>`. The prefix tells the two apart without
/// editing old rows; the fingerprint names the key a chain needs (it is informative only: the
/// MAC is what proves the entry, and only the key's holder can compute it).
public enum AuditSeal: Sendable, Equatable {
    case legacy(sha256: String)
    case keyed(fingerprint: String, mac: String)
    case unreadable(String)

    public static let keyedPrefix = "hmac1:"

    public init(_ stored: String) {
        if stored.hasPrefix(Self.keyedPrefix) {
            let parts = stored.dropFirst(Self.keyedPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, Self.isHex(parts[0], count: 16), Self.isHex(parts[1], count: 64) {
                self = .keyed(fingerprint: String(parts[0]), mac: String(parts[1]))
                return
            }
        } else if Self.isHex(Substring(stored), count: 64) {
            self = .legacy(sha256: stored)
            return
        }
        self = .unreadable(stored)
    }

    /// The text stored for a keyed entry.
    public static func keyed(fingerprint: String, macHex: String) -> String {
        keyedPrefix + fingerprint + ":" + macHex
    }

    public var isKeyed: Bool { if case .keyed = self { true } else { false } }

    static func isHex(_ s: Substring, count: Int) -> Bool {
        s.utf8.count == count && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// The outcome of checking the chain with the audit key, with what an operator needs to read
/// it: how many leading entries are unkeyed (legacy), which key was used, and which key the
/// entries name.
public struct AuditChainReport: Sendable, Equatable {
    /// The verdict (`.intact` or the first broken entry).
    public var verification: AuditVerification
    /// Entries that fit the chain (all of them when intact; those before the break otherwise).
    public var checkedEntries: Int
    public var headHash: String
    /// Leading entries sealed with plain SHA-256, from before the chain was keyed.
    public var legacyEntries: Int
    /// The fingerprint of the key the check used.
    public var keyFingerprint: String
    /// The fingerprint the first keyed entry names (nil when there is none).
    public var chainKeyFingerprint: String?

    public init(verification: AuditVerification, checkedEntries: Int, headHash: String, legacyEntries: Int,
                keyFingerprint: String, chainKeyFingerprint: String?) {
        self.verification = verification; self.checkedEntries = checkedEntries; self.headHash = headHash
        self.legacyEntries = legacyEntries; self.keyFingerprint = keyFingerprint; self.chainKeyFingerprint = chainKeyFingerprint
    }

    public var isIntact: Bool { if case .intact = verification { true } else { false } }
}
