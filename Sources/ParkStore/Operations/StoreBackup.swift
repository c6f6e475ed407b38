import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Online backups and restores. SQLite: `VACUUM INTO` writes a consistent copy of the open
/// database while ParkOS keeps serving (readers and the one writer are not stopped).
/// PostgreSQL: `pg_dump --format=custom` / `pg_restore`, which must be on the PATH.
/// The audit chain's HMAC key is not in the database and so not in the backup: keep it apart.
public enum StoreBackup {
    /// Writes a copy of the SQLite database to `path` (which must not exist yet).
    public static func sqlite(_ db: any Database, to path: String) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            throw DomainError(code: "unsupported", en: "not a SQLite database", zh: "不是 SQLite 数据库")
        }
        try refuseExisting(path)
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Checks a SQLite file before it is restored: it opens, passes `PRAGMA integrity_check`,
    /// and holds ParkOS's tables.
    public static func checkSQLite(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let result = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
        guard result == "ok" else {
            throw DomainError(code: "corrupt_backup", en: "the backup fails SQLite's integrity check: \(result ?? "no answer")",
                              zh: "备份文件未通过 SQLite 完整性检查：\(result ?? "无结果")")
        }
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('enterprises', 'audit_entries', '_fluent_migrations')").all()
        guard tables.count == 3 else {
            throw DomainError(code: "not_a_backup", en: "the file is not a ParkOS database (its tables are missing)",
                              zh: "该文件不是 ParkOS 数据库（缺少数据表）")
        }
    }

    public static func refuseExisting(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw DomainError(.conflict, code: "exists", field: "out", en: "\(path) already exists; choose a new file",
                              zh: "\(path) 已存在，请换一个文件名")
        }
    }

    /// Runs `program` with `arguments` (pg_dump, pg_restore); throws with its error output.
    public static func run(_ program: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + arguments
        let err = Pipe()
        p.standardError = err
        do { try p.run() } catch {
            throw DomainError(code: "missing_tool", en: "\(program) could not be started (install PostgreSQL's client tools)",
                              zh: "无法启动 \(program)（请安装 PostgreSQL 客户端工具）")
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw DomainError(code: "backup_failed", en: "\(program) failed: \(text.prefix(300))", zh: "\(program) 失败：\(text.prefix(300))")
        }
    }
}
