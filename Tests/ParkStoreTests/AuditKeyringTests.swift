import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// Where the audit key comes from, and the seal format.
final class AuditKeyringTests: XCTestCase {
    var dir: URL!

    override func setUp() async throws {
        try await super.setUp()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("parkos-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        try await super.tearDown()
    }

    func testASQLiteFileGetsAKeyFileNextToItWrittenOnFirstUseWithMode0600() throws {
        // given
        let db = dir.appendingPathComponent("park.sqlite").path
        let path = db + ".audit-key"
        // when
        let planned = try AuditKeyring.resolve(for: .sqliteFile(db), environment: [:])
        let untouched = FileManager.default.fileExists(atPath: path)
        let (key, line) = planned.createFile()
        let found = try AuditKeyring.resolve(for: .sqliteFile(db), environment: [:])
        // then
        XCTAssertFalse(untouched, "nothing is written until the key is used")
        XCTAssertEqual(planned.newFile, path)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertEqual(found.key, key)
        XCTAssertNil(found.newFile)
        XCTAssertNil(found.notice)
        XCTAssertTrue(line.hasPrefix("notice: created audit key \(path) (fingerprint \(key.fingerprint))"), line)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8).count, 65, "64 hex digits and a newline")
    }

    func testAnInstalledNewKeyIsWrittenAndAnnouncedWhenFirstUsed() throws {
        // given
        let db = dir.appendingPathComponent("park.sqlite").path
        let lines = Lines()
        AuditKeyring.install(try AuditKeyring.resolve(for: .sqliteFile(db), environment: [:])) { lines.add($0) }
        defer { AuditKeyring.install(nil) }
        // when
        let before = lines.all
        let key = AuditKeyring.current
        let again = AuditKeyring.current
        // then
        XCTAssertEqual(before, [])
        XCTAssertEqual(key, again)
        XCTAssertEqual(lines.all.count, 1)
        XCTAssertEqual(try AuditKeyring.read(db + ".audit-key"), key)
    }

    func testAFolderThatCannotHoldTheKeyIsRefusedAtOnce() {
        // when / then
        XCTAssertThrowsError(try AuditKeyring.resolve(for: .sqliteFile("/nonexistent-dir/park.sqlite"), environment: [:])) {
            XCTAssertEqual(($0 as? DomainError)?.code, "audit_key_unwritable")
        }
    }

    func testTheEnvironmentWinsOverTheFileNextToTheDatabase() throws {
        // given
        let keyFile = dir.appendingPathComponent("k").path
        let bytes = Data((0 ..< 32).map { UInt8($0) })
        try Data(bytes.base64EncodedString().utf8).write(to: URL(fileURLWithPath: keyFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        let hex = String(repeating: "ab", count: 32)
        let db = DatabaseTarget.sqliteFile(dir.appendingPathComponent("x.sqlite").path)
        // when
        let fromFile = try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY_FILE": keyFile, "PARKOS_AUDIT_KEY": hex])
        let fromHex = try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY": hex])
        let fromBase64 = try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY": bytes.base64EncodedString()])
        // then
        XCTAssertEqual(fromFile.key, try AuditChainKey(bytes: bytes, origin: ""))
        XCTAssertEqual(fromHex.key, try AuditChainKey(bytes: Data(repeating: 0xab, count: 32), origin: ""))
        XCTAssertEqual(fromBase64.key, fromFile.key)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.sqlite.audit-key").path))
        XCTAssertTrue(fromFile.notice?.contains("readable by others") ?? false, "the file is 0644")
    }

    func testAShortOrUnreadableKeyIsRefused() {
        // given
        let db = DatabaseTarget.sqliteMemory
        // when / then
        XCTAssertThrowsError(try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY": String(repeating: "ab", count: 31)])) {
            XCTAssertEqual(($0 as? DomainError)?.code, "audit_key_too_short")
        }
        XCTAssertThrowsError(try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY": "not a key!"])) {
            XCTAssertEqual(($0 as? DomainError)?.code, "audit_key_unreadable")
        }
        XCTAssertThrowsError(try AuditKeyring.resolve(for: db, environment: ["PARKOS_AUDIT_KEY_FILE": "/nonexistent/key"])) {
            XCTAssertEqual(($0 as? DomainError)?.code, "audit_key_unreadable")
        }
    }

    func testPostgreSQLGetsAKeyFileInTheWorkingDirectoryWithAWarning() throws {
        // when
        let resolved = try AuditKeyring.resolve(for: .postgres("postgres://u@localhost/db"), environment: [:], workingDirectory: dir.path)
        let (_, line) = resolved.createFile()
        // then
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("parkos-audit.key").path))
        XCTAssertTrue(line.contains("set PARKOS_AUDIT_KEY_FILE"), line)
    }

    func testInMemoryDatabasesUseTheBuiltInTestKey() throws {
        // when
        let resolved = try AuditKeyring.resolve(for: .sqliteMemory, environment: [:])
        // then
        XCTAssertEqual(resolved.key, AuditChainKey.builtInTest)
        XCTAssertNil(resolved.notice)
        XCTAssertNil(resolved.newFile)
    }

    func testSealsAreParsedApart() {
        // given
        let key = AuditChainKey.builtInTest
        let sealed = key.seal("text")
        // then
        XCTAssertEqual(AuditSeal(sealed), .keyed(fingerprint: key.fingerprint, mac: String(sealed.suffix(64))))
        XCTAssertEqual(AuditSeal(AuditEntry.genesisHash), .legacy(sha256: AuditEntry.genesisHash))
        XCTAssertEqual(AuditSeal("hmac1:zz:00"), .unreadable("hmac1:zz:00"))
        XCTAssertTrue(key.verifies(mac: String(sealed.suffix(64)), of: "text"))
        XCTAssertFalse(key.verifies(mac: String(sealed.suffix(64)), of: "texT"))
        XCTAssertFalse(key.verifies(mac: "xyz", of: "text"))
        XCTAssertEqual(key.fingerprint.count, 16)
    }
}

/// Lines collected from a `@Sendable` callback.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
