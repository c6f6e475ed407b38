import Crypto
import Foundation
import ParkDomain

/// The Ed25519 key that signs checkpoints (`parkos audit keygen`). The private half stays
/// offline; the public half (`FILE.pub`) is all a checker needs.
public struct AuditSigningKey: Sendable {
    static let privatePrefix = "parkos-audit-ed25519-private:"
    static let publicPrefix = "parkos-audit-ed25519-public:"

    /// The raw 32-byte private key (Crypto's key types are not `Sendable`; made on demand).
    let raw: Data
    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: raw) }

    init(key: Curve25519.Signing.PrivateKey) { raw = key.rawRepresentation }

    public static func generate() -> AuditSigningKey { AuditSigningKey(key: Curve25519.Signing.PrivateKey()) }

    public var publicKey: AuditVerifyingKey { AuditVerifyingKey(key: key.publicKey) }

    /// Reads a private key file written by `write(to:)`.
    public static func read(_ path: String) throws(DomainError) -> AuditSigningKey {
        let raw = try AuditKeyFiles.payload(path, prefix: privatePrefix, what: "signing key")
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw AuditKeyFiles.bad(path, what: "signing key")
        }
        return AuditSigningKey(key: key)
    }

    /// Writes the private key to `path` (mode 0600) and the public key to `path.pub`; refuses to
    /// overwrite either.
    public func write(to path: String) throws(DomainError) {
        for p in [path, path + ".pub"] where FileManager.default.fileExists(atPath: p) {
            throw DomainError(.conflict, code: "file_exists", field: "out", en: "\(p) exists; not overwriting a key",
                              zh: "\(p) 已存在，不覆盖密钥")
        }
        let files = [(path, Self.privatePrefix + key.rawRepresentation.base64EncodedString() + "\n"),
                     (path + ".pub", Self.publicPrefix + key.publicKey.rawRepresentation.base64EncodedString() + "\n")]
        for (p, text) in files {
            if case .failed(let reason) = AuditKeyring.createExclusively(p, contents: Data(text.utf8)) {
                throw DomainError(code: "file_unwritable", field: "out", en: "cannot write \(p): \(reason)", zh: "无法写入 \(p)：\(reason)")
            }
        }
    }

    /// Signs a checkpoint of the chain as `report` found it (which must be intact).
    public func checkpoint(_ report: AuditChainReport, at millis: Int64) -> AuditCheckpoint {
        var c = AuditCheckpoint(seq: report.checkedEntries, headHash: report.headHash, createdAtMillis: millis,
                                auditKeyFingerprint: report.keyFingerprint, legacyEntries: report.legacyEntries,
                                signingKeyFingerprint: publicKey.fingerprint)
        // Ed25519 signing fails only on a broken key object; the key was just read and checked.
        c.signature = ((try? key.signature(for: Data(c.signedText.utf8))) ?? Data()).base64EncodedString()
        return c
    }
}

/// The public half of a checkpoint signing key.
public struct AuditVerifyingKey: Sendable {
    /// The raw 32-byte public key.
    let raw: Data
    var key: Curve25519.Signing.PublicKey { try! Curve25519.Signing.PublicKey(rawRepresentation: raw) }

    init(key: Curve25519.Signing.PublicKey) { raw = key.rawRepresentation }

    /// The first 8 bytes of SHA-256 of the public key, in hex.
    public var fingerprint: String { AuditChainKey.hex(SHA256.hash(data: raw).prefix(8)) }

    /// Reads a `.pub` file written by `AuditSigningKey.write(to:)`.
    public static func read(_ path: String) throws(DomainError) -> AuditVerifyingKey {
        let raw = try AuditKeyFiles.payload(path, prefix: AuditSigningKey.publicPrefix, what: "public key")
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw AuditKeyFiles.bad(path, what: "public key")
        }
        return AuditVerifyingKey(key: key)
    }

    /// Whether `checkpoint` carries this key's valid signature over its fields.
    public func isValidSignature(of checkpoint: AuditCheckpoint) -> Bool {
        guard let sig = Data(base64Encoded: checkpoint.signature) else { return false }
        return key.isValidSignature(sig, for: Data(checkpoint.signedText.utf8))
    }
}

enum AuditKeyFiles {
    static func payload(_ path: String, prefix: String, what: String) throws(DomainError) -> Data {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DomainError(.notFound, code: "file_not_found", field: "file", en: "cannot read the \(what) \(path)",
                              zh: "无法读取\(what == "signing key" ? "签名私钥" : "公钥") \(path)")
        }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(prefix), let raw = Data(base64Encoded: String(line.dropFirst(prefix.count))) else {
            throw bad(path, what: what)
        }
        return raw
    }

    static func bad(_ path: String, what: String) -> DomainError {
        DomainError(code: "bad_key_file", field: "file", en: "\(path) is not a ParkOS audit \(what) (see parkos audit keygen)",
                    zh: "\(path) 不是 ParkOS 审计\(what == "signing key" ? "签名私钥" : "公钥")（见 parkos audit keygen）")
    }
}
