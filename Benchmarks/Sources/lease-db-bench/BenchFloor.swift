import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import BenchSupport
import Foundation
import SQLKit

/// `--floor`: what the database and its driver cost before any loader work: the report query with an
/// empty row handler, then the same reading every column by name (no loader).
enum BenchFloor {
    static let reports = """
        SELECT r.lease_id AS id, r.year AS y, r.version AS v, r.investment_to_date_yuan AS inv, r.tax_paid_yuan AS tax, \
        r.revenue_yuan AS rev, r.value_added_yuan AS va, r.rd_spend_yuan AS rd, r.energy_tonnes_coal AS en, \
        r.emissions_tonnes AS em, r.average_employees AS emp, r.production_start_date AS ps FROM performance_reports r
        """

    final class Counter: @unchecked Sendable { var n = 0; var x = 0.0 }

    static let leases = """
        SELECT l.id AS id, l.first_term_years AS ft, l.max_total_years AS mt, p.computed_area_m2 AS area, \
        l.commitments AS cm FROM leases l JOIN parcels p ON p.id = l.parcel_id
        """

    static func run(_ db: any Database) async throws {
        if let pg = db as? any PostgresDatabase {
            for (name, sql) in [("leases ⋈ parcels", leases), ("reports", reports)] {
                for pass in 0..<2 {
                    let counter = Counter()
                    let t0 = ContinuousClock.now, c0 = processCPU()
                    try await pg.withConnection { (conn: PostgresConnection) -> EventLoopFuture<Void> in
                        conn.query(PostgresQuery(unsafeSQL: sql), logger: db.logger) { row in
                            counter.n += 1
                            if pass == 1 { for cell in row { counter.x += Double(cell.bytes?.readableBytes ?? 0) } }
                        }.map { _ in () }
                    }.get()
                    print("floor, \(name), \(pass == 0 ? "empty handler" : "iterating the cells"): \(counter.n) rows in "
                          + "\(ms(ContinuousClock.now - t0)) (process CPU \(ms(processCPU() - c0)))")
                }
            }
            return
        }
        guard let sqlite = db as? any SQLiteDatabase else { print("--floor is for SQLite"); return }
        for sql in [leases, "SELECT l.id AS id, l.commitments AS cm FROM leases l"] {
            let counter = Counter()
            let t0 = ContinuousClock.now, c0 = processCPU()
            try await sqlite.withConnection { (conn: SQLiteConnection) in
                try await conn.query(sql, []) { _ in counter.n += 1 }
            }
            print("floor, leases\(sql == leases ? " ⋈ parcels" : " alone"), empty handler: \(counter.n) rows in "
                  + "\(ms(ContinuousClock.now - t0)) (process CPU \(ms(processCPU() - c0)))")
        }
        for pass in 0..<4 {
            let counter = Counter()
            let t0 = ContinuousClock.now, c0 = processCPU()
            try await sqlite.withConnection { (conn: SQLiteConnection) in
                try await conn.query(reports, []) { row in
                    counter.n += 1
                    if pass == 1 { if case .integer(let v) = row.column("inv") { counter.x += Double(v) } }
                    if pass == 3 {
                        let cols = row.columns
                        for i in 0..<cols.count { if case .integer(let v) = cols[i].data { counter.x += Double(v) } }
                    }
                    if pass == 2 {
                        for name in ["id", "y", "v", "inv", "tax", "rev", "va", "rd", "en", "em", "emp", "ps"] {
                            if case .integer(let v) = row.column(name) { counter.x += Double(v) }
                        }
                    }
                }
            }
            let what = ["empty handler", "one column by name", "twelve columns by name", "twelve columns via row.columns"][pass]
            print("floor, \(what): \(counter.n) rows in \(ms(ContinuousClock.now - t0)) (process CPU \(ms(processCPU() - c0)))")
        }
    }
}
