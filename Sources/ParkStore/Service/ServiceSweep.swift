import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Finds the clocks that crossed a threshold (80 % warning, overdue, leadership) with one
/// indexed query and claims them in the database (`FOR UPDATE SKIP LOCKED` on PostgreSQL; the
/// `WriteGate` on SQLite), so any number of ParkOS instances may run it: each escalation is
/// sent once. Nothing is kept in memory between runs; run it every minute or so (`serve` does,
/// `parkos requests sweep` once).
public struct ServiceSweep: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Outcome: Sendable, Equatable {
        public var warned = 0, overdue = 0, leadership = 0
        public var total: Int { warned + overdue + leadership }
        public init() {}
    }

    /// Escalates up to `limit` clocks; call again while it returns a full batch.
    public func run(limit: Int = 500) async throws -> Outcome {
        let today = LocalDate(clock.now()), clock = self.clock
        let system = Principal.system("escalation")
        return try await WriteGate.write(db) { tx in
            guard let sql = tx as? any SQLDatabase else { return Outcome() }
            let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE SKIP LOCKED"
            let t = today.iso
            // The claim names the level each clock has reached, from the same stored thresholds it
            // selects by: every row claimed is acted on, so a batch is never spent on rows it then
            // skips (a drain stopping early, the same rows claimed every minute).
            let rows = try await sql.raw("""
                SELECT id, CASE WHEN leader_on < \(bind: t) THEN 3 WHEN due_on < \(bind: t) THEN 2 ELSE 1 END AS reached
                FROM service_clocks WHERE is_open = \(bind: true) AND warn_on IS NOT NULL AND (
                  (level < 1 AND warn_on <= \(bind: t)) OR (level < 2 AND due_on < \(bind: t)) OR (level < 3 AND leader_on < \(bind: t)))
                ORDER BY due_on, id LIMIT \(bind: limit)\(unsafeRaw: lock)
                """).all()
            var out = Outcome()
            let notifier = Notifier(db: tx, clock: clock)
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let level = try row.decode(column: "reached", as: Int.self)
                guard let c = try await ServiceClockModel.find(id, on: tx),
                      let r = try await ServiceRequestModel.find(c.requestID, on: tx)?.toDomain(), level > c.level else { continue }
                let before = c.toDomain()
                let dept = try await DepartmentNames.name(c.department, on: tx)
                let what = c.subtaskID == nil ? Bilingual(zh: "\(r.reference) \(c.clock.kind.label.zh)", en: "\(r.reference) \(c.clock.kind.label.en.lowercased()) limit")
                                              : Bilingual(zh: "\(r.reference) \(dept.zh)子任务", en: "\(r.reference) subtask of \(dept.en)")
                let due = c.dueOn ?? ""
                for step in (c.level + 1)...level {
                    switch step {
                    case 1:
                        let text = Bilingual(zh: "\(what.zh)将于 \(due) 到期", en: "\(what.en) is due on \(due)")
                        if let a = c.assigneeID { try await notifier.notify(users: [a], request: r.id, kind: "warning", text: text) }
                        else { try await notifier.notify(users: try await notifier.officers(of: c.department), request: r.id, kind: "warning", text: text) }
                        out.warned += 1
                    case 2:
                        let text = Bilingual(zh: "\(what.zh)已超时（期限 \(due)）", en: "\(what.en) is overdue (due \(due))")
                        try await notifier.notifyHeads(of: c.department, request: r.id, kind: "overdue", text: text)
                        try await WebhookQueue(db: tx, clock: clock).enqueue(department: c.department, event: "overdue", request: r, text: text)
                        out.overdue += 1
                    default:
                        let text = Bilingual(zh: "\(what.zh)严重超时，报园区领导（期限 \(due)）", en: "\(what.en) is long overdue and goes to leadership (due \(due))")
                        try await notifier.notifyLeadership(request: r.id, kind: "leadership", text: text)
                        try await WebhookQueue(db: tx, clock: clock).enqueue(department: c.department, event: "leadership", request: r, text: text)
                        out.leadership += 1
                    }
                }
                c.level = level
                try await c.save(on: tx)
                try await ServiceDesk.refreshDue(r.id, on: tx)
                try await AuditLog(db: tx, clock: clock).append(by: system, action: "escalate:\(level)", entityType: "service_clock",
                                                                entityID: id.uuidString, before: before, after: c.toDomain())
            }
            return out
        }
    }
}
