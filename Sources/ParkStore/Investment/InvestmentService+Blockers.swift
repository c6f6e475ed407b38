import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension InvestmentService {
    public static let blockerEntity = "project_blocker"

    /// Logs a blocker against the project's current stage, assigned to a department; it
    /// escalates to leadership once open past N working days (data), a date stored with it.
    public func openBlocker(_ projectID: UUID, title: String, department: String, openedOn: LocalDate? = nil,
                            by p: Principal) async throws -> Blocker {
        try p.requireStaff()
        let opened = openedOn ?? today
        let departments = Set(try await ReferenceRepository(db: db).departments().map(\.code))
        try Blocker.validate(title: title, departmentCode: department, departments: departments, openedOn: opened, today: today)
        let escalateOn = try await repo.limits().escalation(openedOn: opened, calendar: try await calendar())
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let project = try await InvestmentRepository(db: tx).project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            let b = Blocker(id: UUID(), projectID: projectID, stage: project.stage, title: title.trimmingCharacters(in: .whitespacesAndNewlines),
                            departmentCode: department, openedOn: opened, escalateOn: escalateOn, openedBy: p.name)
            let m = BlockerModel(); m.id = b.id; m.projectID = projectID; m.stage = b.stage.rawValue; m.title = b.title
            m.departmentCode = department; m.openedOn = opened.iso; m.escalateOn = escalateOn.iso; m.openedBy = p.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await Self.event(b.id, .opened, on: opened, text: b.title, by: p, clock: clock, tx: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "open", entityType: Self.blockerEntity, entityID: b.id.uuidString,
                                                            before: Blocker?.none, after: b)
            return b
        }
    }

    /// Adds a follow-up note, reassigns to another department, or closes with a resolution.
    public enum BlockerAction: Sendable { case note(String), reassign(String), close(String) }

    public func act(onBlocker id: UUID, _ action: BlockerAction, by p: Principal) async throws -> Blocker {
        try p.requireStaff()
        let departments = Set(try await ReferenceRepository(db: db).departments().map(\.code))
        let today = self.today, clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await BlockerModel.find(id, on: tx) else { throw DomainError.notFound("blocker", id: id.uuidString) }
            guard let project = try await InvestmentRepository(db: tx).project(m.projectID) else { throw DomainError.notFound("project", id: m.projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            let before = InvestmentRepository.blocker(m)
            guard before.isOpen else {
                throw DomainError(.conflict, code: "blocker_closed", field: "blocker_id", en: "the blocker was closed on \(before.closedOn!)",
                                  zh: "该问题已于 \(before.closedOn!) 办结")
            }
            var text: String
            let kind: BlockerEvent.Kind
            switch action {
            case .note(let t): kind = .note; text = t
            case .reassign(let d):
                guard departments.contains(d) else {
                    throw DomainError(code: "unknown_department", field: "department", en: "department '\(d.prefix(40))' does not exist", zh: "部门“\(d.prefix(40))”不存在")
                }
                kind = .reassigned; text = "\(m.departmentCode) → \(d)"; m.departmentCode = d
            case .close(let r): kind = .closed; text = r; m.closedOn = today.iso; m.resolution = r.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { throw DomainError.required(kind == .closed ? "resolution" : "text") }
            if text.count > Blocker.maxText { throw DomainError.tooLong("text", max: Blocker.maxText) }
            try await m.update(on: tx)
            try await Self.event(id, kind, on: today, text: text, by: p, clock: clock, tx: tx)
            let after = InvestmentRepository.blocker(m)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: kind.rawValue, entityType: Self.blockerEntity, entityID: id.uuidString,
                                                            before: before, after: after)
            return after
        }
    }

    static func event(_ blocker: UUID, _ kind: BlockerEvent.Kind, on: LocalDate, text: String, by p: Principal, clock: ParkClock, tx: any Database) async throws {
        let e = BlockerEventModel(); e.id = UUID(); e.blockerID = blocker; e.kind = kind.rawValue; e.onDate = on.iso; e.text = text
        e.actor = p.name; e.atMillis = clock.millis
        try await e.create(on: tx)
    }

    /// A blocker in a list, with its project's code and (masked) name.
    public struct BlockerRow: Sendable {
        public var blocker: Blocker
        public var projectCode: String
        public var projectName: Bilingual
    }

    /// Open blockers escalated to leadership on `today` (open past their escalation day), most
    /// overdue first: one indexed query, so every instance sees the same list. Confidential
    /// projects show their code name unless `p` is cleared.
    public func escalatedBlockers(department: String? = nil, limit: Int = 200, by p: Principal) async throws -> [BlockerRow] {
        try p.requireStaff()
        let q = BlockerModel.query(on: db).filter(\.$closedOn == nil).filter(\.$escalateOn < today.iso)
        if let department { q.filter(\.$departmentCode == department) }
        let rows = try await q.sort(\.$escalateOn).limit(limit).all()
        let projects = Dictionary(uniqueKeysWithValues: try await ProjectModel.query(on: db).filter(\.$id ~~ Array(Set(rows.map(\.projectID)))).all()
            .map { ($0.id!, $0.toDomain()) })
        let cleared = try await repo.taskForceProjects(p.userID, among: Array(projects.keys))
        return rows.compactMap { m in
            guard let pr = projects[m.projectID] else { return nil }
            let see = ProjectVisibility.canSeeRealName(p, confidential: pr.confidential, inTaskForce: cleared.contains(pr.id!))
            return BlockerRow(blocker: InvestmentRepository.blocker(m), projectCode: pr.code,
                              projectName: see ? Bilingual(zh: pr.nameZh, en: pr.nameEn.isEmpty ? pr.nameZh : pr.nameEn)
                                               : Bilingual(zh: pr.codeName ?? pr.code, en: pr.codeName ?? pr.code))
        }
    }

    /// How many blockers are open and how many of them are escalated (SQL counts).
    public func blockerCounts() async throws -> (open: Int, escalated: Int) {
        let open = try await BlockerModel.query(on: db).filter(\.$closedOn == nil).count()
        let esc = try await BlockerModel.query(on: db).filter(\.$closedOn == nil).filter(\.$escalateOn < today.iso).count()
        return (open, esc)
    }
}
