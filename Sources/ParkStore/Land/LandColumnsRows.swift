import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import ParkDomain
import SQLKit

/// The row readers of `LandColumnsLoader`: the two queries run on one connection, each row's
/// values go straight into `LeaseRows` / `ReportRows` (the reports find their lease by key).
enum LandColumnsRows {
    // MARK: SQLite (SQLiteNIO rows, read on the connection's thread as SQLite steps)

    /// Lease ids are the text Fluent stores UUIDs as (parsed to `LeaseKey`). Values are taken by position
    /// (`row.columns`, in SELECT order: cheaper than twelve by-name lookups a row).
    static func sqlite(_ db: any SQLiteDatabase, _ parcelSQL: String, _ leaseSQL: String, _ reportSQL: String) async throws
        -> (LeaseRows, ReportRows) {
        let leases = LeaseRows()
        let parcels = ParcelAreas()
        let reports = try await db.withConnection { (conn: SQLiteConnection) in
            try await conn.query(parcelSQL, []) { row in
                let c = row.columns
                precondition(c.count == 2, "LandColumnsLoader: unexpected parcel columns")
                if let id = key(c[0].data) { parcels.add(id, double(c[1].data)) }
            }
            try await conn.query(leaseSQL, []) { row in
                let c = row.columns
                precondition(c.count == 5, "LandColumnsLoader: unexpected lease columns")
                guard let area = key(c[3].data).flatMap(parcels.area) else { return }   // no parcel: left out
                let text: CommitmentsText = if case .text(let json) = c[4].data { .text(json) } else { .none }
                leases.add(key(c[0].data), firstTerm: int(c[1].data), maxTotal: int(c[2].data), areaM2: area, commitments: text)
            }
            leases.startScanning()
            let reports = ReportRows(leases, capacity: ReportRows.capacity(leases: leases.count))
            try await conn.query(reportSQL, []) { row in
                let c = row.columns
                precondition(c.count == 12, "LandColumnsLoader: unexpected report columns")
                reports.add(key(c[0].data), year: int(c[1].data) ?? 0, version: int(c[2].data) ?? 0,
                            investment: double(c[3].data), tax: double(c[4].data), revenue: double(c[5].data),
                            valueAdded: double(c[6].data), rd: double(c[7].data), energy: double(c[8].data),
                            emissions: double(c[9].data), employees: double(c[10].data), productionStartDay: day(c[11].data))
            }
            return reports
        }
        return (leases, reports)
    }

    /// Parcel id → computed area (m²), for matching leases to parcels in the loader.
    final class ParcelAreas: @unchecked Sendable {
        struct Stage {
            var position = LeaseKeyTable(capacity: 1024)
            var area: [Double] = []
        }
        var stage = Stage()

        func add(_ id: LeaseKey, _ m2: Double) {
            if stage.position.insert(id) { stage.area.append(m2) }
        }

        func area(_ id: LeaseKey) -> Double? { stage.position.find(id).map { stage.area[Int($0)] } }
    }

    @inline(__always)
    static func key(_ d: SQLiteData) -> LeaseKey? {
        switch d {
        case .text(var s): s.withUTF8 { LeaseKey(text: UnsafeRawBufferPointer($0)) }
        case .blob(let b): b.withUnsafeReadableBytes { LeaseKey(bytes: $0) }
        default: nil
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

    // MARK: Any SQL database (SQLKit rows, decoded by column name)

    static func sqlKit(_ db: any SQLDatabase, _ leaseSQL: String, _ reportSQL: String) async throws
        -> (LeaseRows, ReportRows) {
        let leases = LeaseRows()
        let failure = FirstError()
        try await db.execute(sql: SQLRaw(leaseSQL)) { row in
            failure.catching {
                let json = try row.decode(column: "cm", as: String.self)
                leases.add(LeaseKey(try row.decode(column: "id", as: UUID.self)), firstTerm: try row.decode(column: "ft", as: Int?.self),
                           maxTotal: try row.decode(column: "mt", as: Int?.self),
                           areaM2: try row.decode(column: "area", as: Double.self), commitments: .text(json))
            }
        }
        try failure.check()
        let reports = ReportRows(leases, capacity: ReportRows.capacity(leases: leases.count))
        try await db.execute(sql: SQLRaw(reportSQL)) { row in
            failure.catching {
                var start = Int32.min
                if var ps = try row.decode(column: "ps", as: String?.self) { start = day(&ps) }
                reports.add(LeaseKey(try row.decode(column: "id", as: UUID.self)), year: try row.decode(column: "y", as: Int.self),
                            version: try row.decode(column: "v", as: Int.self),
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
