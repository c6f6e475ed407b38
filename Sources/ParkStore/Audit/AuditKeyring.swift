import Foundation
import ParkDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide audit key. `parkos` installs it once at start-up (`CLI.withStore`,
/// `Serving.serve`) from the configuration; every `AuditLog(db:clock:)` made afterwards seals
/// and checks with it. Without one installed (tests, in-memory databases) the built-in test
/// key is used. A key that still has to be written to its file is written when it is first
/// used, so commands that never touch the trail leave no key file behind.
public enum AuditKeyring {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var key: AuditChainKey?
        var pending: (Resolved, @Sendable (String) -> Void)?
    }
    private static let slot = Slot()

    /// The installed key (writing its new file first, if it has one), or the built-in test key.
    public static var current: AuditChainKey {
        slot.lock.lock(); defer { slot.lock.unlock() }
        if let pending = slot.pending {
            let (resolved, announce) = pending
            slot.pending = nil
            let (key, line) = resolved.createFile()
            slot.key = key
            announce(line)
        }
        return slot.key ?? .builtInTest
    }

    /// Makes `key` the process's audit key (nil: back to the built-in test key).
    public static func install(_ key: AuditChainKey?) {
        slot.lock.lock(); defer { slot.lock.unlock() }
        slot.key = key
        slot.pending = nil
    }

    /// Makes a resolved key the process's key; `announce` gets the line about a new key file
    /// (written on first use) and any warning found while reading it.
    public static func install(_ resolved: Resolved, announce: @escaping @Sendable (String) -> Void) {
        if let notice = resolved.notice { announce(notice) }
        slot.lock.lock(); defer { slot.lock.unlock() }
        slot.key = resolved.key
        slot.pending = resolved.newFile == nil ? nil : (resolved, announce)
    }

    /// A key found for a database, or a new one with the file it is to be kept in.
    public struct Resolved: Sendable {
        public var key: AuditChainKey
        /// A warning about the key's file (readable by others).
        public var notice: String?
        /// Where a new key is to be written (mode 0600) before it is used; nil for a found key.
        public var newFile: String?
        var newFileAdvice: String?

        /// Writes the new key's file unless another process made it first (then that key is
        /// used); returns the key and the line for the operator.
        public func createFile() -> (AuditChainKey, String) {
            guard let path = newFile else { return (key, "") }
            switch AuditKeyring.createExclusively(path, contents: Data(key.fileText.utf8)) {
            case .created:
                let tail = newFileAdvice.map { "; \($0)" } ?? ""
                return (key, "notice: created audit key \(path) (fingerprint \(key.fingerprint)); keep it, and keep it away from the database's owner\(tail)")
            case .exists:
                if let theirs = try? AuditKeyring.read(path) { return (theirs, "notice: using audit key \(path) (fingerprint \(theirs.fingerprint)), created meanwhile") }
                return (key, "warning: cannot read the audit key \(path); entries written now can only be checked while this process runs")
            case .failed(let reason):
                return (key, "warning: cannot create the audit key \(path) (\(reason)); entries written now can only be checked while this process runs")
            }
        }
    }

    /// Finds the key for `target`: `PARKOS_AUDIT_KEY_FILE` (a file), else `PARKOS_AUDIT_KEY`
    /// (hex or base64), else for a SQLite file `<db>.audit-key` next to it, else for PostgreSQL
    /// `parkos-audit.key` in the working directory; for those two a new key is made when the
    /// file is missing (`Resolved.newFile`). An in-memory database uses the built-in test key.
    public static func resolve(for target: DatabaseTarget,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               workingDirectory: String = FileManager.default.currentDirectoryPath) throws(DomainError) -> Resolved {
        if let path = environment["PARKOS_AUDIT_KEY_FILE"], !path.isEmpty {
            return Resolved(key: try read(path), notice: permissionWarning(path))
        }
        if let text = environment["PARKOS_AUDIT_KEY"], !text.isEmpty {
            guard let bytes = AuditChainKey.decode(text: text) else {
                throw DomainError(code: "audit_key_unreadable", field: "PARKOS_AUDIT_KEY",
                                  en: "PARKOS_AUDIT_KEY is neither hex nor base64", zh: "PARKOS_AUDIT_KEY 既不是十六进制也不是 base64")
            }
            return Resolved(key: try AuditChainKey(bytes: bytes, origin: "PARKOS_AUDIT_KEY"), notice: nil)
        }
        switch target {
        case .sqliteMemory:
            return Resolved(key: .builtInTest, notice: nil)
        case .sqliteFile(let db):
            return try fileNextTo(db + ".audit-key", warning: nil)
        case .postgres:
            let path = URL(fileURLWithPath: workingDirectory).appendingPathComponent("parkos-audit.key").path
            return try fileNextTo(path, warning: "set PARKOS_AUDIT_KEY_FILE to keep it with the other instances' configuration")
        }
    }

    /// Reads `path`, or plans a new key for it when it does not exist (refused at once when
    /// its folder is not writable, rather than at the first write).
    static func fileNextTo(_ path: String, warning: String?) throws(DomainError) -> Resolved {
        if FileManager.default.fileExists(atPath: path) {
            return Resolved(key: try read(path), notice: permissionWarning(path))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) == 0 else {
            throw DomainError(code: "audit_key_unwritable", field: "audit_key",
                              en: "no audit key at \(path), and \(folder) is not writable; set PARKOS_AUDIT_KEY_FILE",
                              zh: "\(path) 处没有审计密钥，且 \(folder) 不可写；请设置 PARKOS_AUDIT_KEY_FILE")
        }
        return Resolved(key: AuditChainKey.generate(origin: "file \(path)"), notice: nil, newFile: path, newFileAdvice: warning)
    }

    /// The key in the file at `path`: hex or base64 text, or at least 32 raw bytes.
    static func read(_ path: String) throws(DomainError) -> AuditChainKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError(.notFound, code: "audit_key_unreadable", field: "audit_key", en: "cannot read the audit key file \(path)",
                              zh: "无法读取审计密钥文件 \(path)")
        }
        let bytes = String(data: data, encoding: .utf8).flatMap(AuditChainKey.decode(text:)) ?? data
        return try AuditChainKey(bytes: bytes, origin: "file \(path)")
    }

    /// A warning when others than the owner may read the key file.
    static func permissionWarning(_ path: String) -> String? {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
              mode & 0o077 != 0 else { return nil }
        return "warning: the audit key file \(path) is readable by others (mode \(String(mode & 0o777, radix: 8))); chmod 600 it"
    }

    enum Creation { case created, exists, failed(String) }

    /// Creates `path` with mode 0600 only if it does not exist (no window where it is readable).
    static func createExclusively(_ path: String, contents: Data) -> Creation {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 { return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == contents.count ? .created : .failed(String(cString: strerror(errno)))
    }
}
