import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension ServiceDesk {
    typealias RequestChange = @Sendable (ServiceRequest, ServiceRequestModel, any Database, WorkingDayIndex) async throws -> Void

    /// Loads the request inside one write transaction, lets `body` check and change it, then
    /// saves it with its current deadline and one audit entry. Someone who may not see the
    /// request gets "not found".
    func change(_ id: UUID, by p: Principal, action: String, reason: String? = nil,
                _ body: @escaping RequestChange) async throws -> ServiceRequest {
        let index = try await repo.calendarIndex()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await ServiceRequestModel.find(id, on: tx), p.canRead(enterprise: m.enterpriseID) else {
                throw DomainError.notFound("request", id: id.uuidString)
            }
            let before = m.toDomain()
            try await body(before, m, tx, index)
            m.isOpen = RequestState(rawValue: m.state)?.isOpen ?? true
            m.updatedAtMillis = clock.millis
            try await m.save(on: tx)
            try await Self.refreshDue(id, on: tx)
            for s in try await SubtaskModel.query(on: tx).filter(\.$requestID == id).filter(\.$isOpen == true).all() {
                try await Self.refreshSubtaskDue(s, on: tx)
            }
            let after = try await ServiceRequestModel.find(id, on: tx)!.toDomain()
            try await AuditLog(db: tx, clock: clock).append(by: p, action: action, entityType: ServiceRepository.entityType,
                                                            entityID: id.uuidString, before: before, after: after, reason: reason)
            return after
        }
    }

    /// Loads a subtask and its request; only an officer of the subtask's department (or an
    /// admin) may act on it. `body` returns the changed subtask, saved with one audit entry.
    func changeSubtask(_ id: UUID, by p: Principal, action: String,
                       _ body: @escaping @Sendable (Subtask, ServiceRequest, any Database, WorkingDayIndex) async throws -> Subtask) async throws -> Subtask {
        try p.requireStaff()
        let index = try await repo.calendarIndex()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let s = try await SubtaskModel.find(id, on: tx), let r = try await ServiceRequestModel.find(s.requestID, on: tx) else {
                throw DomainError.notFound("subtask", id: id.uuidString)
            }
            guard p.role == .admin || p.departmentCode == s.department else {
                throw DomainError(.forbidden, code: "other_department", field: "subtask_id",
                                  en: "this subtask belongs to department \(s.department); only its officers act on it",
                                  zh: "该子任务属于 \(s.department) 部门，仅该部门工作人员可办理")
            }
            guard RequestState(rawValue: r.state)?.isOpen == true else { throw Self.wrongState(r.toDomain(), "work on a subtask") }
            let before = s.toDomain()
            let after = try await body(before, r.toDomain(), tx, index)
            s.state = after.state.rawValue; s.isOpen = after.state != .done; s.result = after.result
            s.assigneeID = after.assigneeID; s.assigneeName = after.assigneeName; s.doneOn = after.doneOn?.iso
            s.updatedAtMillis = clock.millis
            try await s.save(on: tx)
            try await Self.refreshSubtaskDue(s, on: tx)
            try await Self.refreshDue(r.id!, on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: action, entityType: "service_subtask",
                                                            entityID: id.uuidString, before: before, after: s.toDomain())
            return s.toDomain()
        }
    }

    static func requireLead(_ p: Principal, _ r: ServiceRequest) throws(DomainError) {
        guard p.role == .admin || (p.role == .officer && p.departmentCode == r.leadDepartment) else {
            throw DomainError(.forbidden, code: "not_lead", field: "department",
                              en: "only the lead department (\(r.leadDepartment)) may do this", zh: "仅牵头部门（\(r.leadDepartment)）可执行此操作")
        }
    }

    static func wrongState(_ r: ServiceRequest, _ what: String) -> DomainError {
        DomainError(.conflict, code: "invalid_state", field: "state",
                    en: "cannot \(what): the request is \(r.state.label.en.lowercased())",
                    zh: "诉求当前状态为“\(r.state.label.zh)”，无法执行此操作")
    }

    /// The next request number (under the write gate, so two writers never take the same one).
    static func nextNumber(_ tx: any Database) async throws -> Int {
        guard let sql = tx as? any SQLDatabase else { return 1 }
        let row = try await sql.raw("SELECT COALESCE(MAX(number), 0) + 1 AS n FROM service_requests").first()
        return try row?.decode(column: "n", as: Int.self) ?? 1
    }

    @discardableResult
    static func startClock(_ c: ServiceClock, request: UUID, subtask: UUID?, department: String, assignee: UUID? = nil,
                           on tx: any Database, _ index: WorkingDayIndex) async throws -> ServiceClockModel {
        let m = ServiceClockModel()
        m.id = UUID(); m.requestID = request; m.subtaskID = subtask; m.department = department; m.assigneeID = assignee
        m.level = 0
        m.apply(c, index)
        try await m.create(on: tx)
        return m
    }

    /// Open clocks of a request (`subtask` nil: the request's own), of the given kinds.
    static func openClocks(_ request: UUID, subtask: UUID?, kinds: [ClockKind], on tx: any Database) async throws -> [ServiceClockModel] {
        let q = ServiceClockModel.query(on: tx).filter(\.$requestID == request).filter(\.$isOpen == true)
            .filter(\.$kind ~~ kinds.map(\.rawValue))
        if let subtask { q.filter(\.$subtaskID == subtask) } else { q.filter(\.$subtaskID == nil) }
        return try await q.all()
    }

    /// Every open clock of a request, subtasks' included.
    static func allOpenClocks(_ request: UUID, on tx: any Database) async throws -> [ServiceClockModel] {
        try await ServiceClockModel.query(on: tx).filter(\.$requestID == request).filter(\.$isOpen == true).all()
    }

    /// The request's current deadline (its earliest ticking clock) and highest escalation level,
    /// kept on the row so a department's overdue queue is one indexed range.
    static func refreshDue(_ id: UUID, on tx: any Database) async throws {
        guard let m = try await ServiceRequestModel.find(id, on: tx) else { return }
        let clocks = try await ServiceClockModel.query(on: tx).filter(\.$requestID == id).all()
        let own = clocks.filter { $0.subtaskID == nil && $0.isOpen }.compactMap(\.dueOn)
        let due = RequestState(rawValue: m.state)?.isParkWork == true ? own.min() : nil
        let level = clocks.filter(\.isOpen).map(\.level).max() ?? 0
        if m.dueOn != due || m.overdueLevel != level {
            m.dueOn = due; m.overdueLevel = level
            try await m.save(on: tx)
        }
    }

    /// A subtask's deadline is its resolution clock's (nil while paused or once done).
    static func refreshSubtaskDue(_ s: SubtaskModel, on tx: any Database) async throws {
        let due = try await openClocks(s.requestID, subtask: s.id, kinds: [.resolve], on: tx).first?.dueOn
        if s.dueOn != due { s.dueOn = due; try await s.save(on: tx) }
    }

    /// Adds an entry to the thread.
    @discardableResult
    static func event(_ request: UUID, _ kind: MessageKind, visible: Bool, by p: Principal, department: String?, subtask: UUID? = nil,
                      on tx: any Database, clock: ParkClock, _ body: String) async throws -> ServiceMessageModel {
        let m = ServiceMessageModel()
        m.id = UUID(); m.requestID = request; m.subtaskID = subtask; m.kind = kind.rawValue; m.visible = visible
        m.authorID = p.userID; m.authorName = p.name; m.authorRole = p.role.rawValue; m.department = department
        // Entries of one request keep their order even when written in the same millisecond.
        let last = try await ServiceMessageModel.query(on: tx).filter(\.$requestID == request).max(\.$createdAtMillis) ?? Int64.min
        m.body = body; m.createdAtMillis = max(clock.millis, last == Int64.min ? clock.millis : last + 1)
        try await m.create(on: tx)
        return m
    }

    /// Adds the request's text to the search index (SQLite FTS5; PostgreSQL indexes the row itself).
    static func index(number: Int, title: String, body: String, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("INSERT INTO service_request_search (rowid, title, body) VALUES (\(bind: number), \(bind: title), \(bind: body))").run()
    }
}

/// Department names for texts people read (events, notices), from the reference table.
enum DepartmentNames {
    static func name(_ code: String, on db: any Database) async throws -> Bilingual {
        guard let sql = db as? any SQLDatabase,
              let row = try await sql.select().columns("name_zh", "name_en").from("departments").where("code", .equal, code).first() else {
            return Bilingual(zh: code, en: code)
        }
        return Bilingual(zh: try row.decode(column: "name_zh", as: String.self), en: try row.decode(column: "name_en", as: String.self))
    }
}

/// A value set inside a write transaction's closure and read after it commits.
final class Captured<T>: @unchecked Sendable {
    var value: T?
    init() {}
}
