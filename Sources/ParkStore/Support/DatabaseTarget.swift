import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Foundation
import NIOCore
import NIOPosix
import ParkDomain

/// Which database ParkOS talks to: an embedded SQLite file (the default), SQLite in memory
/// (tests), or PostgreSQL (production, chosen by `DATABASE_URL`).
public enum DatabaseTarget: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    /// `DATABASE_URL` wins when it is a postgres URL; otherwise the SQLite file at `path`.
    public static func resolve(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               defaultPath: String = "parkos.sqlite") -> DatabaseTarget {
        if let url = environment["DATABASE_URL"], url.hasPrefix("postgres") { return .postgres(url) }
        return .sqliteFile(path ?? defaultPath)
    }

    public var description: String {
        switch self {
        case .sqliteFile(let p): "SQLite file \(p)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL \(Self.redacted(url))"
        }
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// The URL with its password replaced, for logs and messages.
    static func redacted(_ url: String) -> String {
        guard var c = URLComponents(string: url) else { return "(unparseable URL)" }
        if c.password != nil { c.password = "***" }
        return c.string ?? "(unparseable URL)"
    }

    /// Settings applied once the database is reachable, before migrating: a SQLite file is put in
    /// write-ahead-log mode (kept in the file), so readers do not wait for a writer and a large
    /// transaction (a whole-park per-mu run) writes its pages once instead of twice.
    public func prepare(_ db: any Database) async throws {
        guard case .sqliteFile = self, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// Registers this target as the default database of `databases`.
    public func register(on databases: Databases) throws {
        switch self {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url), sqlLogLevel: .trace),
                              as: .psql)
            } catch {
                throw DomainError(code: "database_url", field: "DATABASE_URL",
                                  en: "DATABASE_URL is not a valid PostgreSQL URL (\(Self.redacted(url)))",
                                  zh: "DATABASE_URL 不是有效的 PostgreSQL 地址（\(Self.redacted(url))）")
            }
        }
    }
}
