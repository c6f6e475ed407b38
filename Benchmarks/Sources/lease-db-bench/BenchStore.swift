import FluentKit
import FluentSQLiteDriver
import BenchSupport
import Foundation
import ParkDomain

enum BenchStore {
    /// SQLite: DELETE + multi-row INSERTs in one transaction on one connection.
    static func sqlite(_ db: any Database, _ ids: [UUID], _ r: AssessmentBatchResult) async throws {
        let sqlite = db as! any SQLiteDatabase
        let chunk = 5_000
        let statement = "INSERT INTO bench_proposals (lease_id, score, kind, extension_years) VALUES "
            + Array(repeating: "(?, ?, ?, ?)", count: chunk).joined(separator: ", ")
        try await sqlite.withConnection { (conn: SQLiteConnection) in
            _ = try await conn.query("BEGIN TRANSACTION", [])
            do {
                _ = try await conn.query("DELETE FROM bench_proposals", [])
                for from in stride(from: 0, to: ids.count, by: chunk) {
                    let to = min(from + chunk, ids.count)
                    var binds: [SQLiteData] = []
                    binds.reserveCapacity(4 * (to - from))
                    for i in from..<to {
                        binds.append(.text(ids[i].uuidString)); binds.append(.float(r.scores[i]))
                        binds.append(.text(r.kinds[i].rawValue)); binds.append(.integer(Int(r.extensionYears[i])))
                    }
                    let sql = to - from == chunk ? statement
                        : "INSERT INTO bench_proposals (lease_id, score, kind, extension_years) VALUES "
                            + Array(repeating: "(?, ?, ?, ?)", count: to - from).joined(separator: ", ")
                    _ = try await conn.query(sql, binds)
                }
                _ = try await conn.query("COMMIT TRANSACTION", [])
            } catch {
                _ = try? await conn.query("ROLLBACK TRANSACTION", [])
                throw error
            }
        }
    }
}
