import FluentKit
import Foundation
import ParkDomain

extension InvestmentService {
    /// An officer proposes the project's next stage (or dropping it, with a reason), dated the
    /// day it was reached. One proposal waits at a time; the stage changes when the bureau
    /// head approves. Moving to `registered` needs the project company linked in the register.
    public func proposeMove(_ projectID: UUID, to: ProjectStage, effectiveOn: LocalDate, dropReason: DropReason? = nil,
                            note: String = "", by p: Principal) async throws -> StageMove {
        try ProjectVisibility.requireInvestOfficer(p)
        let today = self.today, clock = self.clock
        return try await WriteGate.write(db) { tx in
            let r = InvestmentRepository(db: tx)
            guard let project = try await r.project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            if let pending = try await r.pendingMove(projectID) {
                throw DomainError(.conflict, code: "review_pending", field: "to_stage",
                                  en: "a move to \(pending.toStage.label.en.lowercased()) already waits for the bureau head's review",
                                  zh: "已有变更至“\(pending.toStage.label.zh)”的申请待局负责人审核")
            }
            try StageMove.validateProposal(from: project.stage, to: to, effectiveOn: effectiveOn, stageSince: project.stageSince,
                                           dropReason: dropReason, note: note, today: today)
            if to == .registered && project.enterpriseID == nil {
                throw DomainError(code: "enterprise_required", field: "enterprise_id",
                                  en: "link the project company in the register (enterprise_id) before moving to registered",
                                  zh: "进入“注册”阶段前，须先关联企业名录中的项目公司")
            }
            let move = StageMove(id: UUID(), projectID: projectID, fromStage: project.stage, toStage: to, effectiveOn: effectiveOn,
                                 dropReason: to == .dropped ? dropReason : nil, note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                                 proposedBy: p.name, proposedAtMillis: clock.millis)
            let m = StageMoveModel(); m.apply(move)
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "propose:\(to.rawValue)", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: StageMove?.none, after: move)
            return move
        }
    }

    /// The bureau head approves a proposed move (the project reaches its stage on the proposed
    /// date, with the new stage's deadline) or sends it back with a comment.
    public func review(_ moveID: UUID, approve: Bool, comment: String, by p: Principal) async throws -> StageMove {
        try StageMove.validateReview(by: p, approve: approve, comment: comment)
        let limits = try await repo.limits(), calendar = try await self.calendar(), clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let mm = try await StageMoveModel.find(moveID, on: tx) else { throw DomainError.notFound("stage move", id: moveID.uuidString) }
            let before = mm.toDomain()
            guard before.state == .pending else {
                throw DomainError(.conflict, code: "already_reviewed", field: "move_id",
                                  en: "this move was already \(before.state.label.en.lowercased())", zh: "该申请已\(before.state.label.zh)")
            }
            guard let pm = try await ProjectModel.find(before.projectID, on: tx) else { throw DomainError.notFound("project", id: before.projectID.uuidString) }
            var after = before
            after.state = approve ? .approved : .sentBack
            after.reviewedBy = p.name; after.reviewedAtMillis = clock.millis
            let c = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            after.reviewComment = c.isEmpty ? nil : c
            mm.apply(after)
            try await mm.update(on: tx)
            let audit = AuditLog(db: tx, clock: clock)
            try await audit.append(by: p, action: approve ? "approve:\(after.toStage.rawValue)" : "send_back:\(after.toStage.rawValue)",
                                   entityType: Self.projectEntity, entityID: before.projectID.uuidString, before: before, after: after)
            if approve {
                let projectBefore = pm.toDomain()
                // The project may have moved since the proposal (it cannot: one pending at a time), but check.
                try projectBefore.stage.checkMove(to: after.toStage)
                mm.daysAtStage = calendar.workingDays(from: projectBefore.stageSince, to: after.effectiveOn)
                try await mm.update(on: tx)
                var project = projectBefore
                project.stage = after.toStage
                project.stageSince = after.effectiveOn
                project.stageDueOn = limits.stageDue(after.toStage, since: after.effectiveOn, calendar: calendar)
                if after.toStage == .signed { project.signedOn = after.effectiveOn }
                if after.toStage == .dropped { project.dropReason = after.dropReason }
                pm.apply(project); pm.updatedAtMillis = clock.millis
                try await pm.update(on: tx)
                try await audit.append(by: p, action: "stage:\(project.stage.rawValue)", entityType: Self.projectEntity,
                                       entityID: before.projectID.uuidString, before: projectBefore, after: project)
            }
            return after
        }
    }

    /// Proposals waiting for the bureau head, oldest first (at most `limit`).
    public func pendingReviews(limit: Int = 200) async throws -> [StageMove] {
        try await StageMoveModel.query(on: db).filter(\.$state == ReviewState.pending.rawValue).sort(\.$proposedAtMillis).limit(limit).all().map { $0.toDomain() }
    }
}
