import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Compares the audited tables with the trail: each current row, re-encoded as its repository
/// audits it, against the after-state of its latest audit entry; then each audited entity
/// whose latest entry leaves a row against the table. A direct `UPDATE`, `INSERT` or `DELETE`
/// on a data table writes no audit entry, so it shows here. Reads a page at a time.
public struct AuditReconciler: Sendable {
    public let db: any Database
    public var pageSize: Int
    /// At most this many findings are listed (all are counted).
    public var findingLimit: Int

    public init(db: any Database, pageSize: Int = 500, findingLimit: Int = 1_000) {
        self.db = db; self.pageSize = max(1, pageSize); self.findingLimit = max(0, findingLimit)
    }

    /// The entity types reconciled: enterprise, parcel, lease, performance_report.
    public static var entityTypes: [String] { ReconcileSource.all.map(\.entityType) }

    /// Reconciles every audited table (or those of `only`), reporting progress per page.
    public func run(only: Set<String>? = nil, progress: (@Sendable (String) -> Void)? = nil) async throws -> AuditReconciliation {
        guard let sql = db as? any SQLDatabase else { return AuditReconciliation() }
        var out = AuditReconciliation()
        for source in ReconcileSource.all where only?.contains(source.entityType) ?? true {
            var table = AuditReconciliation.Table(entityType: source.entityType, table: source.table,
                                                  notAuditedIsFinding: source.notAuditedIsFinding)
            try await compareRows(source, sql: sql, into: &table, report: &out, progress: progress)
            try await findGone(source, sql: sql, into: &table, report: &out)
            out.tables.append(table)
        }
        return out
    }

    struct Entry { var seq: Int; var entityID: String; var action: String; var after: String? }

    /// Pass 1: every row of the table against its entries.
    func compareRows(_ source: ReconcileSource, sql: any SQLDatabase, into table: inout AuditReconciliation.Table,
                     report: inout AuditReconciliation, progress: (@Sendable (String) -> Void)?) async throws {
        var cursor: UUID?
        repeat {
            let (entities, next) = try await source.page(db, cursor, pageSize)
            cursor = next
            guard !entities.isEmpty else { break }
            var entries: [String: [Entry]] = [:]
            for chunk in stride(from: 0, to: entities.count, by: 500) {
                let ids = entities[chunk ..< min(chunk + 500, entities.count)].map(\.id)
                for e in try await self.entries(sql, type: source.entityType, ids: ids, latestOnly: !source.versioned) {
                    entries[e.entityID, default: []].append(e)
                }
            }
            for entity in entities {
                compare(entity, entries: (entries[entity.id] ?? []).sorted { $0.seq < $1.seq }, source: source,
                        table: &table, report: &report)
            }
            progress?("\(source.table): \(table.rows) rows compared")
        } while cursor != nil
    }

    /// Matches an entity's rows (oldest first) with its entries, newest with newest: rows
    /// loaded without entries are always the oldest versions.
    func compare(_ entity: ReconcileSource.Entity, entries: [Entry], source: ReconcileSource,
                 table: inout AuditReconciliation.Table, report: inout AuditReconciliation) {
        let states = entity.states
        let paired = min(states.count, entries.count)
        table.rows += states.count
        let unaudited = states.count - paired
        table.notAudited += unaudited
        if unaudited > 0 && source.notAuditedIsFinding {
            add(.init(kind: .notAudited, entityType: source.entityType, entityID: entity.id, seq: nil,
                      note: "no audit entry: inserted outside ParkOS"), to: &report)
        }
        for i in 0 ..< paired {
            let state = states[states.count - 1 - i], entry = entries[entries.count - 1 - i]
            let where_ = state.label.map { "\($0): " } ?? ""
            if entry.after == nil {
                table.changed += 1
                add(.init(kind: .changed, entityType: source.entityType, entityID: entity.id, seq: entry.seq,
                          note: "\(where_)the row exists, but its latest entry (\(entry.action)) removed it"), to: &report)
            } else if state.json == nil {
                table.changed += 1
                add(.init(kind: .changed, entityType: source.entityType, entityID: entity.id, seq: entry.seq,
                          note: "\(where_)the row cannot be read back (a value ParkOS never writes)"), to: &report)
            } else if state.json != entry.after {
                table.changed += 1
                let fields = AuditDiff.changes(before: entry.after, after: state.json).map(\.field)
                add(.init(kind: .changed, entityType: source.entityType, entityID: entity.id, seq: entry.seq, fields: fields,
                          note: state.label.map { "\($0) differs from entry \(entry.seq)" }), to: &report)
            } else {
                table.matching += 1
            }
        }
        if source.versioned && entries.count > states.count {
            let missing = entries.count - states.count
            table.deletedOutside += missing
            add(.init(kind: .deletedOutside, entityType: source.entityType, entityID: entity.id, seq: entries[missing - 1].seq,
                      note: "\(missing) audited version(s) are gone"), to: &report)
        }
    }

    /// Pass 2: audited entities whose latest entry leaves a row, but whose rows are all gone.
    func findGone(_ source: ReconcileSource, sql: any SQLDatabase, into table: inout AuditReconciliation.Table,
                  report: inout AuditReconciliation) async throws {
        var afterSeq = 0
        while true {
            let rows = try await sql.raw("""
                SELECT a.seq, a.entity_id, a.action, a."after" FROM audit_entries a
                WHERE a.entity_type = \(bind: source.entityType) AND a.seq > \(bind: afterSeq)
                AND a.seq = (SELECT MAX(b.seq) FROM audit_entries b WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id)
                ORDER BY a.seq LIMIT \(literal: pageSize)
                """).all()
            let page = try rows.map(Self.entry)
            guard let last = page.last else { break }
            afterSeq = last.seq
            let live = page.filter { $0.after != nil }
            let existing = live.isEmpty ? [] : try await source.existing(db, live.map(\.entityID))
            for e in live where !existing.contains(e.entityID) {
                table.deletedOutside += 1
                add(.init(kind: .deletedOutside, entityType: source.entityType, entityID: e.entityID, seq: e.seq,
                          note: "the latest entry (\(e.action)) leaves the row, but it is gone"), to: &report)
            }
            if page.count < pageSize { break }
        }
    }

    /// The entries of `ids` (of one type): all of them, or each one's latest.
    func entries(_ sql: any SQLDatabase, type: String, ids: [String], latestOnly: Bool) async throws -> [Entry] {
        let latest: SQLQueryString = latestOnly
            ? "AND a.seq = (SELECT MAX(b.seq) FROM audit_entries b WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id)"
            : ""
        return try await sql.raw("""
            SELECT a.seq, a.entity_id, a.action, a."after" FROM audit_entries a
            WHERE a.entity_type = \(bind: type) AND a.entity_id IN (\(binds: ids)) \(latest)
            """).all().map(Self.entry)
    }

    static func entry(_ row: any SQLRow) throws -> Entry {
        Entry(seq: try row.decode(column: "seq", as: Int.self), entityID: try row.decode(column: "entity_id", as: String.self),
              action: try row.decode(column: "action", as: String.self), after: try row.decode(column: "after", as: String?.self))
    }

    func add(_ finding: AuditReconciliation.Finding, to report: inout AuditReconciliation) {
        if report.findings.count < findingLimit { report.findings.append(finding) } else { report.findingsOmitted += 1 }
    }
}
