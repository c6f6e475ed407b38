import FluentKit
import SQLKit

/// Serialises writes: the audit chain needs each entry to see the one before it. Within one
/// process an async lock orders writers; across processes on PostgreSQL a transaction-scoped
/// advisory lock does; SQLite allows one writer at a time by itself.
public enum WriteGate {
    static let lock = AsyncLock()
    static let advisoryKey = 7_340_129

    /// Runs `body` in one transaction that commits whole or not at all.
    public static func write<T: Sendable>(_ db: any Database,
                                          _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        await lock.lock()
        do {
            let result = try await db.transaction { tx in
                if let sql = tx as? any SQLDatabase {
                    if sql.dialect.name != "sqlite" {
                        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: advisoryKey))").run()
                    } else {
                        // Take SQLite's write lock before the first read: a transaction that reads
                        // first and writes after another connection committed (sessions, sign-in
                        // counters) fails with SQLITE_BUSY_SNAPSHOT, which no busy handler retries.
                        // A write that touches no row takes the lock (and waits for it) at once.
                        try await sql.raw("UPDATE audit_head SET seq = seq WHERE id = -1").run()
                    }
                }
                return try await body(tx)
            }
            await lock.unlock()
            return result
        } catch {
            await lock.unlock()
            throw error
        }
    }
}

/// A first-come, first-served async mutex.
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !locked { locked = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty { locked = false } else { waiters.removeFirst().resume() }
    }
}
