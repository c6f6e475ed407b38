import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import ParkDomain
import SQLKit

/// The row readers of `LandColumnsLoader`: the two queries run on one connection, each row's
/// values go straight into `LeaseRows` / `ReportRows`.
enum LandColumnsRows {
    // MARK: SQLite (SQLiteNIO rows, read on the connection's thread as SQLite steps)

    /// Lease ids are the text Fluent stores UUIDs as; a report group is compared by that text.
    static func sqlite(_ db: any SQLiteDatabase, _ leaseSQL: String, _ reportSQL: String) async throws
        -> (LeaseRows<String>, ReportRows<String>) {
        let leases = LeaseRows<String>(), reports = ReportRows<String>()
        try await db.withConnection { (conn: SQLiteConnection) in
            try await conn.query(leaseSQL, []) { row in
                leases.add(key(row.column("id")), firstTerm: int(row.column("ft")), maxTotal: int(row.column("mt")),
                           areaM2: double(row.column("area"))) { columns in
                    guard case .text(let json) = row.column("cm") else { return 0 }
                    return CommitmentColumnsJSON.append(json, to: &columns)
                }
            }
            try await conn.query(reportSQL, []) { row in
                reports.add(key(row.column("id")), year: int(row.column("y")) ?? 0,
                            investment: double(row.column("inv")), tax: double(row.column("tax")),
                            revenue: double(row.column("rev")), valueAdded: double(row.column("va")),
                            rd: double(row.column("rd")), energy: double(row.column("en")),
                            emissions: double(row.column("em")), employees: double(row.column("emp")),
                            productionStartDay: day(row.column("ps")))
            }
        }
        return (leases, reports)
    }

    @inline(__always)
    static func key(_ d: SQLiteData?) -> String {
        switch d {
        case .text(let s): s
        case .blob(let b) where b.readableBytes == 16:
            b.withUnsafeReadableBytes { p in UUID(uuid: p.loadUnaligned(as: uuid_t.self)).uuidString }
        default: ""
        }
    }

    @inline(__always)
    static func int(_ d: SQLiteData?) -> Int? {
        switch d {
        case .integer(let v): Int(v)
        case .float(let v): Int(exactly: v)
        case .text(let s): Int(s)
        default: nil
        }
    }

    @inline(__always)
    static func double(_ d: SQLiteData?) -> Double {
        switch d {
        case .integer(let v): Double(v)
        case .float(let v): v
        case .text(let s): Double(s) ?? 0
        default: 0
        }
    }

    @inline(__always)
    static func day(_ d: SQLiteData?) -> Int32 {
        guard case .text(var s) = d else { return Int32.min }
        return day(&s)
    }

    /// A `YYYY-MM-DD` text as a day number (`Int32.min` when none or not a date).
    @inline(__always)
    static func day(_ s: inout String) -> Int32 {
        if let d = s.withUTF8({ CommitmentColumnsJSON.dayNumber(UnsafeRawBufferPointer($0), 0, $0.count) }) { return d }
        return LocalDate(iso: s).map { Int32(clamping: $0.dayNumber) } ?? Int32.min
    }

    // MARK: PostgreSQL (PostgresNIO rows decoded by position, on the connection's event loop)

    static func postgres(_ db: any PostgresDatabase, _ leaseSQL: String, _ reportSQL: String, logger: Logger) async throws
        -> (LeaseRows<UUID>, ReportRows<UUID>) {
        let leases = LeaseRows<UUID>(), reports = ReportRows<UUID>()
        try await db.withConnection { (conn: PostgresConnection) -> EventLoopFuture<Void> in
            conn.query(PostgresQuery(unsafeSQL: leaseSQL), logger: logger) { row in
                let (id, ft, mt, area, json) = try row.decode((UUID, Int?, Int?, Double, ByteBuffer).self)
                leases.add(id, firstTerm: ft, maxTotal: mt, areaM2: area) { columns in
                    if let n = json.withUnsafeReadableBytes({ CommitmentColumnsJSON.append($0, to: &columns) }) { return n }
                    return CommitmentColumnsJSON.appendDecoding(Data(json.readableBytesView), to: &columns)
                }
            }.flatMap { _ in
                conn.query(PostgresQuery(unsafeSQL: reportSQL), logger: logger) { row in
                    let (id, y, inv, tax, rev, va, rd, en, em, emp, ps) =
                        try row.decode((UUID, Int, Int64, Int64, Int64, Int64, Int64, Double, Double, Int, String?).self)
                    var start = Int32.min
                    if var ps { start = day(&ps) }
                    reports.add(id, year: y, investment: Double(inv), tax: Double(tax), revenue: Double(rev),
                                valueAdded: Double(va), rd: Double(rd), energy: en, emissions: em,
                                employees: Double(emp), productionStartDay: start)
                }
            }.map { _ in () }
        }.get()
        return (leases, reports)
    }

    // MARK: Any SQL database (SQLKit rows, decoded by column name)

    static func sqlKit(_ db: any SQLDatabase, _ leaseSQL: String, _ reportSQL: String) async throws
        -> (LeaseRows<UUID>, ReportRows<UUID>) {
        let leases = LeaseRows<UUID>(), reports = ReportRows<UUID>()
        let failure = FirstError()
        try await db.execute(sql: SQLRaw(leaseSQL)) { row in
            failure.catching {
                let json = try row.decode(column: "cm", as: String.self)
                leases.add(try row.decode(column: "id", as: UUID.self), firstTerm: try row.decode(column: "ft", as: Int?.self),
                           maxTotal: try row.decode(column: "mt", as: Int?.self),
                           areaM2: try row.decode(column: "area", as: Double.self)) { columns in
                    CommitmentColumnsJSON.append(json, to: &columns)
                }
            }
        }
        try failure.check()
        try await db.execute(sql: SQLRaw(reportSQL)) { row in
            failure.catching {
                var start = Int32.min
                if var ps = try row.decode(column: "ps", as: String?.self) { start = day(&ps) }
                reports.add(try row.decode(column: "id", as: UUID.self), year: try row.decode(column: "y", as: Int.self),
                            investment: Double(try row.decode(column: "inv", as: Int64.self)),
                            tax: Double(try row.decode(column: "tax", as: Int64.self)),
                            revenue: Double(try row.decode(column: "rev", as: Int64.self)),
                            valueAdded: Double(try row.decode(column: "va", as: Int64.self)),
                            rd: Double(try row.decode(column: "rd", as: Int64.self)),
                            energy: try row.decode(column: "en", as: Double.self),
                            emissions: try row.decode(column: "em", as: Double.self),
                            employees: Double(try row.decode(column: "emp", as: Int.self)), productionStartDay: start)
            }
        }
        try failure.check()
        return (leases, reports)
    }

    /// The first error thrown inside a row callback (they cannot throw), rethrown after the query.
    final class FirstError: @unchecked Sendable {
        var error: (any Error)?
        func catching(_ body: () throws -> Void) {
            guard error == nil else { return }
            do { try body() } catch { self.error = error }
        }
        func check() throws { if let error { throw error } }
    }
}
