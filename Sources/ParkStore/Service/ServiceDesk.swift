import Crypto
import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The use cases of enterprise service: a request raised, routed to its lead department,
/// accepted or returned, split among a task force, answered with one voice, confirmed or
/// rejected, rated, called back. Every write is one transaction through `WriteGate` with its
/// audit entry, its clocks, inbox messages and webhook deliveries.
public struct ServiceDesk: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var repo: ServiceRepository { ServiceRepository(db: db, clock: clock) }
    var today: LocalDate { LocalDate(clock.now()) }

    static func sha256(_ data: Data) -> String { Hex.lower(SHA256.hash(data: data)) }

    /// The dispatcher's department: it receives returned requests and routes them again.
    public static let dispatcherDepartment = "service"

    // MARK: intake

    /// Raises a request: an enterprise user for its own enterprise (portal), or staff on a firm's
    /// behalf (visit, phone, 12345, business centre). It goes straight to the category's lead
    /// department; the accept, first-reply and resolve clocks start on the day it is received.
    public func raise(_ draft: RequestDraft, by p: Principal) async throws -> ServiceRequest {
        var d = try draft.validated()
        if p.isStaff {
            if d.channel == .portal { d.channel = .visit }
        } else {
            guard p.role == .enterprise, p.enterpriseID == d.enterpriseID else {
                throw DomainError(.forbidden, code: "forbidden", field: "enterprise_id",
                                  en: "an enterprise user raises requests for its own enterprise only", zh: "企业用户只能为本企业提交诉求")
            }
            if d.channel != .open311 { d.channel = .portal }
        }
        guard let category = try await repo.category(d.categoryCode), category.active else {
            throw DomainError(code: "unknown_category", field: "category", en: "no service category has the code \(d.categoryCode)",
                              zh: "服务目录中没有代码为 \(d.categoryCode) 的类别")
        }
        guard try await EnterpriseRepository(db: db).find(d.enterpriseID) != nil else {
            throw DomainError.notFound("enterprise", id: d.enterpriseID.uuidString)
        }
        let index = try await repo.calendarIndex()
        let day = today, clock = self.clock, draft = d
        return try await WriteGate.write(db) { tx in
            try await Self.insert(draft, category: category, by: p, on: tx, index: index, day: day, clock: clock)
        }
    }

    /// Writes a validated request with its clocks, thread entry, search entry, notices and audit
    /// entry inside the caller's transaction (one request, or a whole import).
    static func insert(_ draft: RequestDraft, category: ServiceCategory, by p: Principal, on tx: any Database, index: WorkingDayIndex,
                       day: LocalDate, clock: ParkClock) async throws -> ServiceRequest {
        let now = clock.millis
        do {
            let number = try await Self.nextNumber(tx)
            let m = ServiceRequestModel()
            m.id = UUID(); m.number = number; m.enterpriseID = draft.enterpriseID; m.category = category.code
            m.leadDepartment = category.leadDepartment; m.title = draft.title; m.description = draft.description
            m.urgency = draft.urgency.rawValue; m.channel = draft.channel.rawValue; m.contactName = draft.contactName
            m.contactPhone = draft.contactPhone; m.state = RequestState.dispatched.rawValue; m.isOpen = true
            m.receivedOn = day.iso; m.receivedMonth = YearMonth(day).iso; m.dispatchedOn = day.iso
            m.reopenedCount = 0; m.precedent = false; m.overdueLevel = 0; m.createdBy = p.name
            m.createdAtMillis = now; m.updatedAtMillis = now
            try await m.create(on: tx)
            let id = m.id!
            for kind in ClockKind.allCases {
                try await Self.startClock(category.clock(kind, startedOn: day), request: id, subtask: nil,
                                          department: category.leadDepartment, on: tx, index)
            }
            try await Self.refreshDue(id, on: tx)
            try await Self.index(number: number, title: draft.title, body: draft.description, on: tx)
            let r = try await ServiceRequestModel.find(id, on: tx)!.toDomain()
            let lead = try await DepartmentNames.name(category.leadDepartment, on: tx)
            try await Self.event(r.id, .event, visible: true, by: p, department: nil, on: tx, clock: clock,
                                 "已受理登记，转\(lead.zh)办理 | Received and sent to \(lead.en)")
            try await Notifier(db: tx, clock: clock).notifyDepartment(category.leadDepartment, request: r, kind: "new_request",
                text: Bilingual(zh: "新诉求 \(r.reference)：\(r.title)", en: "New request \(r.reference): \(r.title)"))
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "raise", entityType: ServiceRepository.entityType,
                                                            entityID: id.uuidString, before: Optional<ServiceRequest>.none, after: r)
            return r
        }
    }

    // MARK: routing

    /// The lead department accepts the request: the accept clock stops.
    public func accept(_ id: UUID, by p: Principal) async throws -> ServiceRequest {
        try await change(id, by: p, action: "accept") { r, m, tx, index in
            try Self.requireLead(p, r)
            guard r.state == .dispatched else { throw Self.wrongState(r, "accept") }
            let clocks = try await Self.openClocks(r.id, subtask: nil, kinds: [.accept], on: tx)
            for c in clocks { var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx) }
            m.state = RequestState.inProgress.rawValue
            m.acceptedOn = self.today.iso
            m.acceptedInTime = clocks.first.map { $0.clock.state(on: self.today, index) == .met } ?? true
            try await Self.event(r.id, .event, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                 "牵头部门已受理 | Accepted by the lead department")
        }
    }

    /// The lead department returns a misrouted request to the dispatcher, within the category's
    /// return limit (2 working days after dispatch) and with a reason.
    public func returnToDispatcher(_ id: UUID, reason: String, by p: Principal) async throws -> ServiceRequest {
        try ServiceText.check(reason, field: "reason", max: 2000)
        return try await change(id, by: p, action: "return", reason: reason) { r, m, tx, index in
            try Self.requireLead(p, r)
            guard r.state == .dispatched else { throw Self.wrongState(r, "return") }
            let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain()
            let limit = category?.returnDays ?? 2
            let dispatched = m.dispatchedOn.flatMap(LocalDate.init(iso:)) ?? r.receivedOn
            let last = index.adding(workingDays: limit, to: dispatched)
            guard self.today <= last else {
                throw DomainError(.conflict, code: "return_too_late", field: "reason",
                                  en: "a misrouted request is returned within \(limit) working days of dispatch (by \(last)); accept it and ask the dispatcher to re-route",
                                  zh: "转办错误的诉求须在分派后 \(limit) 个工作日内（\(last) 前）退回；请先受理并联系分派人员改派")
            }
            for c in try await Self.openClocks(r.id, subtask: nil, kinds: [.accept], on: tx) {
                var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx)
            }
            m.state = RequestState.submitted.rawValue
            try await Self.event(r.id, .event, visible: false, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                 "退回分派：\(reason) | Returned to the dispatcher: \(reason)")
            try await Notifier(db: tx, clock: self.clock).notifyDepartment(Self.dispatcherDepartment, request: r, kind: "returned",
                text: Bilingual(zh: "诉求 \(r.reference) 被退回：\(reason)", en: "Request \(r.reference) was returned: \(reason)"))
        }
    }

    /// The dispatcher sends a request (new or returned) to a lead department; a new accept clock starts.
    public func dispatch(_ id: UUID, to department: String, by p: Principal) async throws -> ServiceRequest {
        try await change(id, by: p, action: "dispatch") { r, m, tx, index in
            guard p.role == .admin || (p.role == .officer && p.departmentCode == Self.dispatcherDepartment) else {
                throw DomainError(.forbidden, code: "forbidden", field: "department",
                                  en: "only the dispatcher (enterprise service department) routes requests", zh: "仅企业服务部门（分派人员）可分派诉求")
            }
            guard r.state == .submitted || r.state == .dispatched else { throw Self.wrongState(r, "dispatch") }
            guard try await DepartmentModelRead.exists(department, on: tx) else {
                throw DomainError(code: "unknown_department", field: "department", en: "no department has the code \(department)",
                                  zh: "不存在代码为 \(department) 的部门")
            }
            for c in try await Self.openClocks(r.id, subtask: nil, kinds: [.accept], on: tx) {
                var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx)
            }
            let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain()
                ?? ServiceCatalogue.defaults.last!
            try await Self.startClock(category.clock(.accept, startedOn: self.today), request: r.id, subtask: nil,
                                      department: department, on: tx, index)
            // The other clocks follow the lead.
            for c in try await Self.openClocks(r.id, subtask: nil, kinds: [.firstReply, .resolve], on: tx) {
                c.department = department; try await c.save(on: tx)
            }
            m.leadDepartment = department; m.dispatchedOn = self.today.iso
            m.state = RequestState.dispatched.rawValue
            let name = try await DepartmentNames.name(department, on: tx)
            try await Self.event(r.id, .event, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                 "转\(name.zh)办理 | Sent to \(name.en)")
            try await Notifier(db: tx, clock: self.clock).notifyDepartment(department, request: r, kind: "new_request",
                text: Bilingual(zh: "新诉求 \(r.reference)：\(r.title)", en: "New request \(r.reference): \(r.title)"))
        }
    }

    // MARK: task force

    /// The lead forms or widens the task force: one subtask per department, each with its own
    /// instructions, optional assignee and limit in working days (1 … the category's maximum).
    public func addSubtask(_ id: UUID, department: String, instructions: String, limitDays: Int, assigneeID: UUID? = nil,
                           by p: Principal) async throws -> Subtask {
        try ServiceText.check(instructions, field: "instructions", max: 4000)
        let created = Captured<Subtask>()
        _ = try await change(id, by: p, action: "subtask_add") { r, m, tx, index in
            try Self.requireLead(p, r)
            guard r.state == .inProgress || r.state == .awaitingEnterprise else { throw Self.wrongState(r, "form a task force") }
            guard try await DepartmentModelRead.exists(department, on: tx) else {
                throw DomainError(code: "unknown_department", field: "department", en: "no department has the code \(department)",
                                  zh: "不存在代码为 \(department) 的部门")
            }
            if try await SubtaskModel.query(on: tx).filter(\.$requestID == r.id).filter(\.$department == department).first() != nil {
                throw DomainError(.conflict, code: "duplicate_subtask", field: "department",
                                  en: "department \(department) already has a subtask on this request", zh: "该部门已有本诉求的子任务")
            }
            let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain() ?? ServiceCatalogue.defaults.last!
            _ = try Bounds.check(limitDays, in: 1...category.maxResolveDays, field: "limit_days")
            var assigneeName: String?
            if let a = assigneeID {
                guard let u = try await UserModel.find(a, on: tx), u.role == Role.officer.rawValue, u.departmentCode == department, !u.disabled else {
                    throw DomainError(code: "invalid_assignee", field: "assignee_id",
                                      en: "the assignee must be an active officer of department \(department)", zh: "承办人须为该部门在岗工作人员")
                }
                assigneeName = u.displayName
            }
            let s = SubtaskModel()
            s.id = UUID(); s.requestID = r.id; s.department = department; s.assigneeID = assigneeID; s.assigneeName = assigneeName
            s.state = SubtaskState.assigned.rawValue; s.isOpen = true; s.instructions = instructions.trimmingCharacters(in: .whitespacesAndNewlines)
            s.limitDays = limitDays; s.createdAtMillis = self.clock.millis; s.updatedAtMillis = self.clock.millis
            try await s.create(on: tx)
            try await Self.startClock(category.clock(.accept, startedOn: self.today), request: r.id, subtask: s.id, department: department,
                                      assignee: assigneeID, on: tx, index)
            try await Self.startClock(category.clock(.resolve, startedOn: self.today, limit: limitDays), request: r.id, subtask: s.id,
                                      department: department, assignee: assigneeID, on: tx, index)
            if r.state == .awaitingEnterprise {
                for c in try await Self.openClocks(r.id, subtask: s.id, kinds: ClockKind.allCases, on: tx) {
                    var k = c.clock; k.pause(on: self.today); c.apply(k, index); try await c.save(on: tx)
                }
            }
            try await Self.refreshSubtaskDue(s, on: tx)
            let name = try await DepartmentNames.name(department, on: tx)
            try await Self.event(r.id, .event, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock,
                                 "会同\(name.zh)协同办理 | \(name.en) joined the task force")
            let notifier = Notifier(db: tx, clock: self.clock)
            let text = Bilingual(zh: "专班子任务 \(r.reference)：\(r.title)", en: "Task-force subtask \(r.reference): \(r.title)")
            if let a = assigneeID { try await notifier.notify(users: [a], request: r.id, kind: "assignment", text: text) }
            else { try await notifier.notifyDepartment(department, request: r, kind: "assignment", text: text) }
            try await AuditLog(db: tx, clock: self.clock).append(by: p, action: "subtask_add", entityType: "service_subtask",
                                                                 entityID: s.id!.uuidString, before: Optional<Subtask>.none, after: s.toDomain())
            created.value = s.toDomain()
        }
        return created.value!
    }

    /// The subtask's department accepts its part (its accept clock stops); an officer of another
    /// department is refused.
    public func acceptSubtask(_ subtaskID: UUID, by p: Principal) async throws -> Subtask {
        try await changeSubtask(subtaskID, by: p, action: "subtask_accept") { s, r, tx, index in
            guard s.state == .assigned else {
                throw DomainError(.conflict, code: "invalid_state", field: "state", en: "the subtask is \(s.state.label.en.lowercased()), not assigned",
                                  zh: "子任务当前为“\(s.state.label.zh)”，不能接收")
            }
            for c in try await Self.openClocks(r.id, subtask: s.id, kinds: [.accept], on: tx) {
                var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx)
            }
            var out = s
            out.state = .accepted
            if out.assigneeID == nil, p.role == .officer { out.assigneeID = p.userID; out.assigneeName = p.name }
            return out
        }
    }

    /// The subtask's department records its result; the lead writes the one answer from these.
    public func completeSubtask(_ subtaskID: UUID, result: String, by p: Principal) async throws -> Subtask {
        try ServiceText.check(result, field: "result", max: 4000)
        return try await changeSubtask(subtaskID, by: p, action: "subtask_done") { s, r, tx, index in
            guard s.state != .done else {
                throw DomainError(.conflict, code: "invalid_state", field: "state", en: "the subtask is already done", zh: "子任务已完成")
            }
            for c in try await Self.openClocks(r.id, subtask: s.id, kinds: ClockKind.allCases, on: tx) {
                var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx)
            }
            var out = s
            out.state = .done; out.result = result.trimmingCharacters(in: .whitespacesAndNewlines); out.doneOn = self.today
            let name = try await DepartmentNames.name(s.department, on: tx)
            try await Notifier(db: tx, clock: self.clock).notifyDepartment(r.leadDepartment, request: r, kind: "subtask_done",
                text: Bilingual(zh: "\(r.reference) 的\(name.zh)子任务已完成", en: "\(r.reference): the subtask of \(name.en) is done"))
            return out
        }
    }
}

/// Department codes, read from the reference table (a small read interface).
enum DepartmentModelRead {
    static func exists(_ code: String, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        return try await sql.select().column("code").from("departments").where("code", .equal, code).first() != nil
    }
}
