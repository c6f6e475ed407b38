import FluentKit
import Foundation
import ParkDomain

extension ServiceDesk {
    /// Who may write what into a thread.
    public enum Post: String, Sendable, CaseIterable {
        /// A message the enterprise sees (from the enterprise, or the lead to it).
        case message
        /// A note among the task force's departments, never shown to the enterprise.
        case note
        /// The lead asks the enterprise something: clocks pause until it answers.
        case question
    }

    /// Writes into the thread. An enterprise user writes messages on its own requests (an answer
    /// while the park waits for it resumes the clocks); officers of the lead or of a task-force
    /// department write notes; the lead writes messages and questions (the first stops the
    /// first-reply clock).
    public func post(_ id: UUID, _ kind: Post, body: String, by p: Principal) async throws -> ServiceRequest {
        try ServiceText.check(body, field: "body", max: 10_000)
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await change(id, by: p, action: "post:\(kind.rawValue)") { r, m, tx, index in
            guard r.state != .closed else { throw Self.wrongState(r, "write to it") }
            if !p.isStaff {
                guard kind == .message else {
                    throw DomainError(.forbidden, code: "forbidden", field: "kind", en: "an enterprise writes messages only", zh: "企业只能发送留言")
                }
                try await Self.event(r.id, .publicMessage, visible: true, by: p, department: nil, on: tx, clock: self.clock, text)
                if r.state == .awaitingEnterprise {
                    for c in try await Self.allOpenClocks(r.id, on: tx) {
                        var k = c.clock; k.resume(on: self.today, index); c.apply(k, index); try await c.save(on: tx)
                    }
                    m.state = RequestState.inProgress.rawValue
                }
                try await Notifier(db: tx, clock: self.clock).notifyDepartment(r.leadDepartment, request: r, kind: "enterprise_message",
                    text: Bilingual(zh: "\(r.reference) 企业留言", en: "\(r.reference): the enterprise wrote"))
                return
            }
            switch kind {
            case .note:
                let inForce = try await SubtaskModel.query(on: tx).filter(\.$requestID == r.id).all().map(\.department)
                guard p.role == .admin || p.departmentCode == r.leadDepartment || inForce.contains(p.departmentCode ?? "") else {
                    throw DomainError(.forbidden, code: "not_in_task_force", field: "kind",
                                      en: "only the lead and the task force's departments write internal notes", zh: "仅牵头部门和专班成员部门可写内部备注")
                }
                try await Self.event(r.id, .internalNote, visible: false, by: p, department: p.departmentCode, on: tx, clock: self.clock, text)
            case .message, .question:
                try Self.requireLead(p, r)
                guard r.state == .inProgress || (kind == .message && r.state != .submitted) else { throw Self.wrongState(r, "ask the enterprise") }
                try await Self.event(r.id, kind == .question ? .question : .publicMessage, visible: true, by: p,
                                     department: p.departmentCode, on: tx, clock: self.clock, text)
                try await Self.firstReply(r, m, on: tx, index, today: self.today)
                if kind == .question {
                    for c in try await Self.allOpenClocks(r.id, on: tx) {
                        var k = c.clock; k.pause(on: self.today); c.apply(k, index); try await c.save(on: tx)
                    }
                    m.state = RequestState.awaitingEnterprise.rawValue
                }
                try await Notifier(db: tx, clock: self.clock).notifyEnterprise(r, kind: kind == .question ? "question" : "message",
                    text: kind == .question ? Bilingual(zh: "\(r.reference) 需要您补充信息", en: "\(r.reference): the park needs more from you")
                                            : Bilingual(zh: "\(r.reference) 有新留言", en: "\(r.reference): a new message"))
            }
        }
    }

    /// Stops the first-reply clock the first time the park speaks to the enterprise.
    static func firstReply(_ r: ServiceRequest, _ m: ServiceRequestModel, on tx: any Database, _ index: WorkingDayIndex, today: LocalDate) async throws {
        guard m.firstReplyOn == nil else { return }
        let clocks = try await openClocks(r.id, subtask: nil, kinds: [.firstReply], on: tx)
        for c in clocks { var k = c.clock; k.stop(on: today, index); c.apply(k, index); try await c.save(on: tx) }
        m.firstReplyOn = today.iso
        m.firstReplyInTime = clocks.first.map { $0.clock.state(on: today, index) == .met } ?? true
    }

    /// The one answer: the lead writes it once every subtask is done; the resolution clock stops
    /// and the enterprise is asked to confirm.
    public func reply(_ id: UUID, body: String, by p: Principal) async throws -> ServiceRequest {
        try ServiceText.check(body, field: "body", max: 10_000)
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await change(id, by: p, action: "reply") { r, m, tx, index in
            try Self.requireLead(p, r)
            guard r.state == .inProgress else {
                throw DomainError(.conflict, code: "invalid_state", field: "state",
                                  en: "only a request in progress can be answered; it is \(r.state.label.en.lowercased())",
                                  zh: "只有办理中的诉求可以答复，当前为“\(r.state.label.zh)”")
            }
            let open = try await SubtaskModel.query(on: tx).filter(\.$requestID == r.id).filter(\.$isOpen == true).all()
            guard open.isEmpty else {
                throw DomainError(.conflict, code: "subtasks_open", field: "subtasks",
                                  en: "subtasks still open: \(open.map(\.department).sorted().joined(separator: ", ")); the answer is written from their results",
                                  zh: "仍有子任务未完成：\(open.map(\.department).sorted().joined(separator: "、"))；答复须汇总各子任务结果")
            }
            try await Self.event(r.id, .reply, visible: true, by: p, department: p.departmentCode, on: tx, clock: self.clock, text)
            try await Self.firstReply(r, m, on: tx, index, today: self.today)
            let clocks = try await Self.openClocks(r.id, subtask: nil, kinds: [.resolve], on: tx)
            for c in clocks { var k = c.clock; k.stop(on: self.today, index); c.apply(k, index); try await c.save(on: tx) }
            m.state = RequestState.replied.rawValue
            m.repliedOn = self.today.iso
            m.resolvedInTime = clocks.first.map { $0.clock.state(on: self.today, index) == .met } ?? true
            try await Notifier(db: tx, clock: self.clock).notifyEnterprise(r, kind: "reply",
                text: Bilingual(zh: "\(r.reference) 已答复，请确认", en: "\(r.reference) has been answered; please confirm"))
        }
    }

    /// The requesting enterprise confirms the answer (closing the request) or rejects it with a
    /// reason (reopening it: a new resolution clock starts).
    public func confirm(_ id: UUID, accepted: Bool, reason: String = "", by p: Principal) async throws -> ServiceRequest {
        if !accepted { try ServiceText.check(reason, field: "reason", max: 2000) }
        return try await change(id, by: p, action: accepted ? "confirm" : "reject", reason: accepted ? nil : reason) { r, m, tx, index in
            guard p.role == .enterprise, p.enterpriseID == r.enterpriseID else {
                throw DomainError(.forbidden, code: "not_requester", field: "enterprise_id",
                                  en: "only the requesting enterprise confirms or rejects the answer", zh: "仅提出诉求的企业可确认或退回答复")
            }
            guard r.state == .replied else { throw Self.wrongState(r, accepted ? "confirm" : "reject") }
            if accepted {
                m.state = RequestState.closed.rawValue; m.closedOn = self.today.iso
                try await Self.event(r.id, .event, visible: true, by: p, department: nil, on: tx, clock: self.clock,
                                     "企业确认办结 | The enterprise confirmed the answer")
            } else {
                let category = try await ServiceCategoryModel.find(r.categoryCode, on: tx)?.toDomain() ?? ServiceCatalogue.defaults.last!
                try await Self.startClock(category.clock(.resolve, startedOn: self.today), request: r.id, subtask: nil,
                                          department: r.leadDepartment, on: tx, index)
                m.state = RequestState.inProgress.rawValue; m.reopenedCount += 1; m.resolvedInTime = nil
                try await Self.event(r.id, .event, visible: true, by: p, department: nil, on: tx, clock: self.clock,
                                     "企业不认可答复，重新办理：\(reason) | The enterprise rejected the answer and it is reopened: \(reason)")
                try await Notifier(db: tx, clock: self.clock).notifyDepartment(r.leadDepartment, request: r, kind: "reopened",
                    text: Bilingual(zh: "\(r.reference) 被企业退回重办", en: "\(r.reference) was reopened by the enterprise"))
            }
        }
    }

    /// The requesting enterprise rates a closed request, once: 1–5 and a comment.
    public func rate(_ id: UUID, stars: Int, comment: String, by p: Principal) async throws -> ServiceRequest {
        let rating = try ServiceRating(stars: stars, comment: comment)
        return try await change(id, by: p, action: "rate") { r, m, tx, _ in
            guard p.role == .enterprise, p.enterpriseID == r.enterpriseID else {
                throw DomainError(.forbidden, code: "not_requester", field: "rating",
                                  en: "only the requesting enterprise rates the service", zh: "仅提出诉求的企业可评价")
            }
            guard r.state == .closed else { throw Self.wrongState(r, "rate") }
            guard r.rating == nil else {
                throw DomainError(.conflict, code: "already_rated", field: "rating", en: "this request has been rated", zh: "该诉求已评价")
            }
            m.rating = rating.stars; m.ratingComment = rating.comment; m.satisfied = rating.satisfied
        }
    }

    /// An officer records a call-back (回访) on an answered or closed request.
    public func recordCallback(_ id: UUID, calledOn: LocalDate, satisfied: Bool, notes: String, by p: Principal) async throws -> ServiceRequest {
        try p.requireStaff()
        try ServiceText.check(notes, field: "notes", max: 4000)
        guard calledOn <= today else {
            throw DomainError(code: "future_date", field: "called_on", en: "the call cannot be after today", zh: "回访日期不能晚于今天")
        }
        return try await change(id, by: p, action: "callback") { r, _, tx, _ in
            guard r.state == .replied || r.state == .closed else { throw Self.wrongState(r, "record a call-back") }
            let c = ServiceCallbackModel()
            c.id = UUID(); c.requestID = r.id; c.calledOn = calledOn.iso; c.satisfied = satisfied
            c.notes = notes.trimmingCharacters(in: .whitespacesAndNewlines); c.officer = p.name; c.createdAtMillis = self.clock.millis
            try await c.create(on: tx)
        }
    }

    /// Marks an answered request as a precedent (with a short title), or unmarks it.
    public func markPrecedent(_ id: UUID, title: String?, by p: Principal) async throws -> ServiceRequest {
        try p.requireStaff()
        if let title { try ServiceText.check(title, field: "precedent_title", max: 200) }
        return try await change(id, by: p, action: title == nil ? "precedent_unmark" : "precedent") { r, m, _, _ in
            guard p.role == .admin || p.departmentCode == r.leadDepartment || p.departmentCode == Self.dispatcherDepartment else {
                throw DomainError(.forbidden, code: "not_lead", field: "precedent_title",
                                  en: "the lead department or the dispatcher marks precedents", zh: "仅牵头部门或分派人员可标记典型案例")
            }
            guard r.state == .replied || r.state == .closed else { throw Self.wrongState(r, "mark it as a precedent") }
            m.precedent = title != nil
            m.precedentTitle = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
