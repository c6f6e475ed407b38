import Crypto
import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The sign-in throttle's counters (`SignInThrottle` decides; this stores). Shared by every
/// instance on one database; rows past their window are pruned by `prune` (on a timer).
public struct LoginThrottleRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public let policy: SignInThrottle

    public init(db: any Database, clock: ParkClock = .system, policy: SignInThrottle = SignInThrottle()) {
        self.db = db; self.clock = clock; self.policy = policy
    }

    static func key(_ scope: SignInThrottle.Scope, username: String, address: String) -> String {
        let material = SignInThrottle.keyMaterial(scope, username: username, address: address)
        let digest = Hex.lower(SHA256.hash(data: Data(material.utf8)).prefix(16))
        return scope.rawValue.prefix(1) + ":" + digest
    }

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw DomainError(code: "unsupported", en: "SQL database required", zh: "需要 SQL 数据库") }
            return sql
        }
    }

    /// Milliseconds until `username` may be tried again from `address`, or nil when it may now.
    public func wait(username: String, address: String) async throws -> Int64? {
        let now = clock.millis
        let keys = SignInThrottle.Scope.allCases.map { ($0, Self.key($0, username: username, address: address)) }
        let rows = try await sql.select().columns("throttle_key", "failures", "window_start_ms", "last_failure_ms")
            .from("login_throttle").where("throttle_key", .in, keys.map(\.1)).all()
        var counters: [String: SignInThrottle.Counter] = [:]
        for r in rows {
            counters[try r.decode(column: "throttle_key", as: String.self)] = SignInThrottle.Counter(
                failures: try r.decode(column: "failures", as: Int.self),
                windowStartMillis: try r.decode(column: "window_start_ms", as: Int64.self),
                lastFailureMillis: try r.decode(column: "last_failure_ms", as: Int64.self))
        }
        let waits = keys.compactMap { policy.wait($0.0, counters[$0.1], now: now) }
        return waits.max()
    }

    /// Counts one failure on each of the three counters (a counter past its window starts again).
    public func recordFailure(username: String, address: String) async throws {
        let now = clock.millis, cutoff = now - policy.window, cap = SignInThrottle.maxCount
        let sql = try self.sql
        for scope in SignInThrottle.Scope.allCases {
            let key = Self.key(scope, username: username, address: address)
            try await sql.raw("""
                INSERT INTO login_throttle (throttle_key, failures, window_start_ms, last_failure_ms)
                VALUES (\(bind: key), 1, \(bind: now), \(bind: now))
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN login_throttle.window_start_ms <= \(bind: cutoff) THEN 1
                                  WHEN login_throttle.failures >= \(bind: cap) THEN login_throttle.failures
                                  ELSE login_throttle.failures + 1 END,
                  window_start_ms = CASE WHEN login_throttle.window_start_ms <= \(bind: cutoff) THEN \(bind: now)
                                         ELSE login_throttle.window_start_ms END,
                  last_failure_ms = \(bind: now)
                """).run()
        }
    }

    /// A correct password: the account's counters (from anywhere and from this address) go.
    public func recordSuccess(username: String, address: String) async throws {
        let keys = [SignInThrottle.Scope.account, .pair].map { Self.key($0, username: username, address: address) }
        try await sql.delete(from: "login_throttle").where("throttle_key", .in, keys).run()
    }

    /// Deletes counters whose window and delay have both passed; returns how many went.
    @discardableResult
    public func prune() async throws -> Int {
        let now = clock.millis
        let sql = try self.sql
        let stale = SQLQueryString("window_start_ms <= \(bind: now - policy.window) AND last_failure_ms <= \(bind: now - policy.accountMaxDelay)")
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM login_throttle WHERE \(stale)").first()?.decode(column: "n", as: Int.self) ?? 0
        if n > 0 { try await sql.raw("DELETE FROM login_throttle WHERE \(stale)").run() }
        return n
    }

    /// Rows held (for tests and /metrics).
    public func count() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM login_throttle").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
