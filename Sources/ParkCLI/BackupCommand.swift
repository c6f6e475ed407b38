import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos backup` and `parkos restore`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database while ParkOS runs (SQLite VACUUM INTO, or pg_dump).")

    @OptionGroup var database: DatabaseOptions
    @Option(name: [.short, .long], help: "The backup file to write (must not exist).") var out: String

    func run() async throws {
        try await CLI.run {
            switch database.target {
            case .postgres(let url):
                try StoreBackup.refuseExisting(out)
                try StoreBackup.run("pg_dump", ["--format=custom", "--no-owner", "--file=\(out)", url])
            case .sqliteFile, .sqliteMemory:
                guard FileManager.default.fileExists(atPath: database.db) else {
                    throw DomainError(.notFound, code: "not_found", field: "db", en: "\(database.db) does not exist", zh: "\(database.db) 不存在")
                }
                try await database.withStore(migrate: false) { store in try await StoreBackup.sqlite(store.db, to: out) }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            print("backup written: \(out) (\(size) bytes); the audit key is not in it, keep that apart")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup: checks it, writes it to --db (which must not exist) or into DATABASE_URL, then verifies the audit chain.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file.") var file: String

    func run() async throws {
        try await CLI.run {
            guard FileManager.default.fileExists(atPath: file) else {
                throw DomainError(.notFound, code: "not_found", field: "file", en: "\(file) does not exist", zh: "\(file) 不存在")
            }
            switch database.target {
            case .postgres(let url):
                try StoreBackup.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--dbname=\(url)", file])
            case .sqliteFile(let path):
                try await CLI.withStore(.sqliteFile(file), migrate: false) { store in try await StoreBackup.checkSQLite(store.db) }
                try StoreBackup.refuseExisting(path)
                try FileManager.default.copyItem(atPath: file, toPath: path)
            case .sqliteMemory:
                throw DomainError(code: "unsupported", en: "cannot restore into memory", zh: "不能恢复到内存数据库")
            }
            let result = try await database.withStore(migrate: false) { store in try await AuditLog(db: store.db).verify() }
            switch result {
            case .intact(let n, _): print("restored \(file); audit chain intact: \(n) entries")
            case .broken(let seq, let reason):
                print("restored \(file), but the audit chain is BROKEN at entry \(seq): \(reason)")
                throw ExitCode(2)
            }
        }
    }
}
