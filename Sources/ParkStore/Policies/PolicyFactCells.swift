import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import ParkDomain

extension PolicyFactRows {
    /// Runs `sql` and hands each row's cells, left to right, to `row` (`PerMuFiguresLoader.query`
    /// with ids read as keys).
    static func query(_ db: any Database, _ sql: String, _ row: @escaping @Sendable (inout any PolicyCells) -> Void) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            try await sqlite.withConnection { (conn: SQLiteConnection) in
                try await conn.query(sql, []) { r in
                    var cells: any PolicyCells = SQLiteCells(columns: r.columns)
                    row(&cells)
                }
            }
        } else if let pg = db as? any PostgresDatabase {
            let logger = db.logger
            try await pg.withConnection { (conn: PostgresConnection) in
                conn.query(PostgresQuery(unsafeSQL: sql), logger: logger) { r in
                    var cells: any PolicyCells = PGCells(r)
                    row(&cells)
                }.map { _ in }
            }.get()
        } else {
            throw DomainError(.unsupported, code: "unsupported_database", en: "policy facts need SQLite or PostgreSQL",
                              zh: "政策数据仅支持 SQLite 或 PostgreSQL")
        }
    }

    static let yearlyFacts = ["revenue", "tax", "rd_spend", "employees_avg", "electricity_kwh"]

    /// The register's facts and the columns they come from.
    enum RegisterField: CaseIterable, Sendable {
        case industry, clusters, ownership, origin, above, hq, rd, fortune500, listed, employees, founded

        var fact: String {
            switch self {
            case .industry: "industry"
            case .clusters: "clusters"
            case .ownership: "ownership"
            case .origin: "origin_country"
            case .above: "above_designated_size"
            case .hq: "regional_hq"
            case .rd: "rd_centre"
            case .fortune500: "fortune500"
            case .listed: "listed"
            case .employees: "employees"
            case .founded: "founded_on"
            }
        }

        var column: String {
            switch self {
            case .industry: "industry_code"
            case .clusters: "clusters"
            case .ownership: "ownership"
            case .origin: "origin_country"
            case .above: "above_designated_size"
            case .hq: "regional_hq"
            case .rd: "rd_centre"
            case .fortune500: "fortune500_parent"
            case .listed: "listing"
            case .employees: "employees"
            case .founded: "founded_on"
            }
        }
    }
}

/// A row's cells read left to right, ids as keys.
protocol PolicyCells: PerMuCells {
    mutating func key() -> LeaseKey?
    /// A text cell's text, or "1"/"0" for a bool (SQLite holds bools as integers).
    mutating func string() -> String?
}

extension SQLiteCells: PolicyCells {
    mutating func key() -> LeaseKey? { next().flatMap(LandColumnsRows.key) }
    mutating func string() -> String? { text() }
}

extension PGCells: PolicyCells {
    /// Text cells straight from their bytes (PostgresNIO's generic decoding costs a lookup and
    /// a copy a cell); anything else as `text()` reads it.
    mutating func string() -> String? {
        guard let cell = next() else { return nil }
        guard let bytes = cell.bytes else { return nil }
        switch cell.dataType {
        case .text, .varchar, .name, .bpchar: return String(buffer: bytes)
        case .bool where cell.format == .binary: return bytes.getInteger(at: bytes.readerIndex, as: UInt8.self).map { $0 != 0 ? "1" : "0" }
        case .bool: return String(buffer: bytes) == "t" ? "1" : "0"
        default: return (try? cell.decode(String?.self)) ?? nil
        }
    }
}
