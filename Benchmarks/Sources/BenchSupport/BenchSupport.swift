import FluentKit
import Foundation
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// Bulk writing of benchmark data (plain multi-row INSERTs that bypass the repositories and their
/// audit trail) and the timing helpers the database benchmarks share.
public enum BenchInsert {
    /// Multi-row INSERTs of `count` rows made by `row`, `perStatement` rows a statement and
    /// `perTransaction` rows a transaction. `row` runs on the caller's actor (a benchmark's
    /// top-level code is on the main actor; calling its closures elsewhere stops the process).
    public static func insert(_ db: any Database, _ table: String, _ columns: [String], count: Int, perStatement: Int = 1_000,
                              perTransaction: Int = 10_000, isolation: isolated (any Actor)? = #isolation,
                              row: (Int) -> [any Encodable & Sendable]) async throws {
        var from = 0
        while from < count {
            let to = min(from + perTransaction, count)
            var statements: [SQLInsertBuilder] = []
            let sql = db as! any SQLDatabase
            for s in stride(from: from, to: to, by: perStatement) {
                let builder = sql.insert(into: table).columns(columns)
                for i in s..<min(s + perStatement, to) { _ = builder.values(row(i)) }
                statements.append(builder)
            }
            let batch = UncheckedBox(statements)
            try await db.transaction { tx in
                let txSQL = tx as! any SQLDatabase
                for b in batch.value { try await txSQL.execute(sql: b.query) { _ in } }
            }
            from = to
        }
    }
}

/// Hands non-Sendable builders to the transaction closure (they are only read there).
public struct UncheckedBox<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}

public func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.1f ms", Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
}

/// User + system CPU time of the whole process so far (all threads: the SQLite thread pool and
/// the event loops included), to tell work from waiting on a busy machine.
public func processCPU() -> Duration {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    let us = (Int64(u.ru_utime.tv_sec) + Int64(u.ru_stime.tv_sec)) * 1_000_000 + Int64(u.ru_utime.tv_usec) + Int64(u.ru_stime.tv_usec)
    return .microseconds(us)
}
