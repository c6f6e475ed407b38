import Crypto
import Foundation
import ParkDomain

/// The secret that seals the audit chain: every entry's hash is HMAC-SHA-256 over its canonical
/// text with this key. It is kept outside the database, so whoever can write the tables but
/// does not hold the key cannot recompute the chain after editing it.
public struct AuditChainKey: Sendable, Equatable {
    public static let minimumBytes = 32

    let bytes: Data
    /// Where the key came from, for messages ("file /srv/parkos.audit-key", "built-in test key").
    public let origin: String

    /// `bytes` must be at least 32 long.
    public init(bytes: Data, origin: String) throws(DomainError) {
        guard bytes.count >= Self.minimumBytes else {
            throw DomainError(code: "audit_key_too_short", field: "audit_key",
                              en: "the audit key from \(origin) has \(bytes.count) bytes; at least \(Self.minimumBytes) are needed",
                              zh: "来自 \(origin) 的审计密钥只有 \(bytes.count) 字节，至少需要 \(Self.minimumBytes) 字节")
        }
        self.bytes = bytes
        self.origin = origin
    }

    public static func == (a: AuditChainKey, b: AuditChainKey) -> Bool { a.bytes == b.bytes }

    /// The first 8 bytes of SHA-256 of the key, in hex: names the key without revealing it.
    public var fingerprint: String { Self.hex(SHA256.hash(data: bytes).prefix(8)) }

    /// The stored seal of `text`: `hmac1:<fingerprint>:<mac>`.
    public func seal(_ text: String) -> String {
        AuditSeal.keyed(fingerprint: fingerprint, macHex: mac(text))
    }

    /// Whether `mac` (hex) is this key's MAC of `text`, compared in constant time.
    public func verifies(mac: String, of text: String) -> Bool {
        guard let given = Self.bytes(hex: mac) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(text.utf8), using: SymmetricKey(data: bytes))
    }

    func mac(_ text: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: bytes)))
    }

    /// A fixed, public key for tests and in-memory databases when none is configured. It proves
    /// nothing against an attacker; `parkos` never uses it for a database file.
    public static let builtInTest: AuditChainKey = {
        let bytes = Data(SHA256.hash(data: Data("ParkOS built-in audit test key - not a secret".utf8)))
        return try! AuditChainKey(bytes: bytes, origin: "built-in test key")
    }()

    /// A new random key (32 bytes from the system's secure generator).
    public static func generate(origin: String) -> AuditChainKey {
        try! AuditChainKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }, origin: origin)
    }

    /// The key in `text`: hex (64 or more digits) or base64; nil if it is neither.
    public static func decode(text: String) -> Data? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hex = bytes(hex: t.lowercased()) { return hex }
        return Data(base64Encoded: t)
    }

    /// The key file's contents: one line of hex.
    var fileText: String { Self.hex(bytes) + "\n" }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        Hex.lower(bytes)
    }

    static func bytes(hex: String) -> Data? {
        let u = Array(hex.utf8)
        guard !u.isEmpty, u.count % 2 == 0 else { return nil }
        var out = Data(capacity: u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
