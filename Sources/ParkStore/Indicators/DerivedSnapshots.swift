import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// ParkOS's own figures for a month from the stored, dated snapshot (`indicator_snapshots`):
/// the one use case that computes them (`DerivedFiguresQuery.figures`) and keeps the result.
/// The leadership page, the board pack, the API report and the CLI read through `figures`,
/// which returns the snapshot while it is fresh (`DerivedSnapshotRule`: no write of an input
/// in the audit log since it was computed, younger than the rule's age) and recomputes a stale
/// one. Nothing lives in process memory: the claim on a refresh is a row in the database,
/// taken inside `WriteGate` (PostgreSQL's advisory lock, SQLite's write lock), so two
/// instances never compute the same refresh at once; the one that finds it claimed shows the
/// previous snapshot with its time.
public struct DerivedSnapshots: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public let rule: DerivedSnapshotRule
    /// Names this caller's claims (random per use case value: an instance, a request).
    let token: String

    public init(db: any Database, clock: ParkClock = .system, rule: DerivedSnapshotRule = .standard) {
        self.db = db; self.clock = clock; self.rule = rule; self.token = UUID().uuidString
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// One month's stored row.
    public struct Stored: Sendable {
        public var figures: DerivedFigures?
        public var computedAtMillis: Int64?
        public var auditSeq: Int64?
        public var claimedUntilMillis: Int64?
    }

    /// What `refresh` did.
    public enum Outcome: String, Sendable, Hashable {
        case computed
        case fresh
        case claimedElsewhere = "claimed_elsewhere"
    }

    /// The month's figures: the snapshot when fresh, else recomputed and stored (or, while
    /// another instance holds the refresh, the previous snapshot; computed without storing when
    /// there is none yet). `asOfMillis` says when they were computed.
    public func figures(month: YearMonth) async throws -> DerivedFigures {
        let stored = try await row(month)
        if let f = stored?.figures, try await staleness(stored) == nil { return f }
        switch try await refresh(month: month) {
        case .computed, .fresh:
            if let f = try await row(month)?.figures { return f }
        case .claimedElsewhere:
            if let f = stored?.figures { return f }
        }
        var f = try await DerivedFiguresQuery(db: db, clock: clock).figures(month: month)
        f.asOfMillis = clock.millis
        return f
    }

    /// Recomputes the month's snapshot unless it is fresh or another instance is computing it.
    @discardableResult
    public func refresh(month: YearMonth) async throws -> Outcome {
        switch try await claim(month) {
        case .fresh: return .fresh
        case .claimedElsewhere: return .claimedElsewhere
        case .computed: break
        }
        do {
            // The head before computing: a write during the computation leaves it stale.
            let seq = try await auditHead()
            let at = clock.millis
            var f = try await DerivedFiguresQuery(db: db, clock: clock).figures(month: month)
            f.asOfMillis = at
            let json = String(decoding: try JSONEncoder().encode(f), as: UTF8.self)
            let (month, token) = (month.iso, self.token)
            _ = try await WriteGate.write(db) { tx in
                try await (tx as! any SQLDatabase).raw("""
                    UPDATE indicator_snapshots SET figures = \(bind: json), computed_at_ms = \(bind: at), audit_seq = \(bind: seq),
                      claimed_by = NULL, claimed_until_ms = NULL
                    WHERE month = \(bind: month) AND claimed_by = \(bind: token)
                    """).run()
            }
            return .computed
        } catch {
            try? await release(month)
            throw error
        }
    }

    /// Refreshes each stale month (the ticker: the months the page shows by default).
    public func refreshStale(months: [YearMonth]) async throws -> [YearMonth: Outcome] {
        var out: [YearMonth: Outcome] = [:]
        for m in months { out[m] = try await refresh(month: m) }
        return out
    }

    /// Claims the month's refresh: `.computed` when this caller now holds it, `.fresh` when the
    /// stored snapshot is fresh after all (another instance refreshed it meanwhile),
    /// `.claimedElsewhere` while another caller's claim holds.
    func claim(_ month: YearMonth) async throws -> Outcome {
        let (rule, token, now) = (rule, token, clock.millis)
        let me = self
        return try await WriteGate.write(db) { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("INSERT INTO indicator_snapshots (month) VALUES (\(bind: month.iso)) ON CONFLICT (month) DO NOTHING").run()
            let stored = try await me.row(month, on: sql)
            if rule.claimHolds(claimedUntilMillis: stored?.claimedUntilMillis, nowMillis: now) { return .claimedElsewhere }
            if stored?.figures != nil, try await me.staleness(stored, on: sql) == nil { return .fresh }
            try await sql.raw("""
                UPDATE indicator_snapshots SET claimed_by = \(bind: token), claimed_until_ms = \(bind: now + rule.claimMillis)
                WHERE month = \(bind: month.iso)
                """).run()
            return .computed
        }
    }

    func release(_ month: YearMonth) async throws {
        let token = self.token
        _ = try await WriteGate.write(db) { tx in
            try await (tx as! any SQLDatabase).raw("""
                UPDATE indicator_snapshots SET claimed_by = NULL, claimed_until_ms = NULL WHERE month = \(bind: month.iso) AND claimed_by = \(bind: token)
                """).run()
        }
    }

    /// The month's stored row (nil when none).
    public func row(_ month: YearMonth) async throws -> Stored? { try await row(month, on: sql) }

    func row(_ month: YearMonth, on sql: any SQLDatabase) async throws -> Stored? {
        guard let r = try await sql.raw("""
            SELECT figures, computed_at_ms, audit_seq, claimed_until_ms FROM indicator_snapshots WHERE month = \(bind: month.iso) LIMIT 1
            """).first() else { return nil }
        let figures = try r.decode(column: "figures", as: String?.self).flatMap { try? JSONDecoder().decode(DerivedFigures.self, from: Data($0.utf8)) }
        return Stored(figures: figures, computedAtMillis: try r.decode(column: "computed_at_ms", as: Int64?.self),
                      auditSeq: try r.decode(column: "audit_seq", as: Int64?.self),
                      claimedUntilMillis: try r.decode(column: "claimed_until_ms", as: Int64?.self))
    }

    /// Why the stored snapshot is stale, or nil when fresh.
    public func staleness(_ stored: Stored?) async throws -> DerivedSnapshotRule.Staleness? { try await staleness(stored, on: sql) }

    func staleness(_ stored: Stored?, on sql: any SQLDatabase) async throws -> DerivedSnapshotRule.Staleness? {
        guard let stored, stored.figures != nil, let at = stored.computedAtMillis else { return .missing }
        let changed = try await inputsWritten(after: stored.auditSeq ?? 0, on: sql)
        return rule.staleness(computedAtMillis: at, inputsChanged: changed, nowMillis: clock.millis)
    }

    /// Whether the audit log holds a write of an input after entry `seq`: a range of the log's
    /// key from `seq` on, stopping at the first input (entries since the snapshot, not the log).
    func inputsWritten(after seq: Int64, on sql: any SQLDatabase) async throws -> Bool {
        let types = DerivedSnapshotRule.inputEntityTypes.map { "'\($0)'" }.joined(separator: ", ")
        let prefixes = DerivedSnapshotRule.inputEntityPrefixes.map { " OR entity_type LIKE '\($0)%'" }.joined()
        return try await sql.raw("""
            SELECT seq FROM audit_entries WHERE seq > \(bind: seq) AND (entity_type IN (\(unsafeRaw: types))\(unsafeRaw: prefixes)) LIMIT 1
            """).first() != nil
    }

    /// The audit log's newest entry (0 when empty).
    func auditHead() async throws -> Int64 {
        try await sql.raw("SELECT MAX(seq) AS s FROM audit_head").first()?.decode(column: "s", as: Int64?.self) ?? 0
    }
}
