import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The use cases of investment promotion: who may do what, the pipeline's moves and reviews,
/// and an audit entry inside the transaction of every write (through `WriteGate`).
public struct InvestmentService: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let projectEntity = "investment_project"
    public static let investorEntity = "investor"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var repo: InvestmentRepository { InvestmentRepository(db: db) }
    var today: LocalDate { LocalDate(clock.now()) }
    func calendar() async throws -> WorkingCalendar { try await LeaseRepository(db: db, clock: clock).calendar() }

    // MARK: investors

    /// Records an investor (officers of the bureau), with its Fortune Global 500 entry if any.
    public func createInvestor(_ investor: Investor, by p: Principal) async throws -> Investor {
        try ProjectVisibility.requireInvestOfficer(p)
        var i = investor
        i.nameZh = i.nameZh.trimmingCharacters(in: .whitespacesAndNewlines); i.nameEn = i.nameEn.trimmingCharacters(in: .whitespacesAndNewlines)
        i.originCountry = i.originCountry.uppercased()
        try i.validate()
        i.id = i.id ?? UUID()
        let saved = i, clock = self.clock
        return try await WriteGate.write(db) { tx in
            let m = InvestorModel(); m.id = saved.id; m.apply(saved); m.updatedAtMillis = clock.millis
            try await m.create(on: tx)
            if let f = saved.fortune500 { try await Self.putRank(saved.id!, f, on: tx) }
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "create", entityType: Self.investorEntity,
                                                            entityID: saved.id!.uuidString, before: Investor?.none, after: saved)
            return saved
        }
    }

    /// Sets (or replaces) an investor's place on a year's Fortune Global 500 list.
    public func setFortune500(_ investorID: UUID, _ entry: Fortune500Entry, by p: Principal) async throws -> Investor {
        try ProjectVisibility.requireInvestOfficer(p)
        try entry.validate()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let r = InvestmentRepository(db: tx)
            guard let before = try await r.investor(investorID) else { throw DomainError.notFound("investor", id: investorID.uuidString) }
            try await Self.putRank(investorID, entry, on: tx)
            let after = try await r.investor(investorID)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "fortune500", entityType: Self.investorEntity,
                                                            entityID: investorID.uuidString, before: before, after: after)
            return after ?? before
        }
    }

    /// Stores an investor's place on a year's list; a place another investor holds is refused.
    static func putRank(_ investor: UUID, _ e: Fortune500Entry, on tx: any Database) async throws {
        if let other = try await Fortune500RankModel.query(on: tx).filter(\.$listYear == e.listYear).filter(\.$rank == e.rank).first(),
           other.investorID != investor {
            throw DomainError(.conflict, code: "rank_taken", field: "fortune500_rank",
                              en: "rank \(e.rank) of \(e.listYear) belongs to another investor", zh: "\(e.listYear) 年第 \(e.rank) 名已属于其他投资方")
        }
        let m = try await Fortune500RankModel.query(on: tx).filter(\.$investorID == investor).filter(\.$listYear == e.listYear).first()
            ?? Fortune500RankModel()
        if m.id == nil { m.id = UUID() }
        m.investorID = investor; m.listYear = e.listYear; m.rank = e.rank
        try await m.save(on: tx)
    }

    // MARK: projects

    /// Records a new project at `lead`. Refused with `possible_duplicate` (409, naming the
    /// projects) when it may duplicate one, unless `confirmedNotDuplicate`. A confidential
    /// project's recording officer and officer in charge join its task force.
    public func createProject(_ draft: InvestmentProject, confirmedNotDuplicate: Bool = false, by p: Principal) async throws -> InvestmentProject {
        try ProjectVisibility.requireInvestOfficer(p)
        var project = draft
        project.nameZh = project.nameZh.trimmingCharacters(in: .whitespacesAndNewlines)
        project.nameEn = project.nameEn.trimmingCharacters(in: .whitespacesAndNewlines)
        project.stage = .lead; project.stageSince = project.firstContactOn; project.signedOn = nil; project.dropReason = nil
        try project.validate(today: today, clusters: try await ReferenceRepository(db: db).catalog().clusters)
        guard try await repo.investor(project.investorID) != nil else { throw Self.unknownInvestor(project.investorID) }
        if let e = project.enterpriseID, try await EnterpriseRepository(db: db).find(e) == nil { throw Self.unknownEnterprise(e) }
        if !confirmedNotDuplicate {
            let dups = try await repo.possibleDuplicates(of: project)
            if !dups.isEmpty {
                let codes = dups.prefix(5).map(\.code).joined(separator: ", ")
                throw DomainError(.conflict, code: "possible_duplicate", field: "name_zh",
                                  en: "this project may duplicate \(codes): check them, then confirm it is a different project",
                                  zh: "该项目可能与 \(codes) 重复：请核对后确认为不同项目再提交")
            }
        }
        project.stageDueOn = try await repo.limits().stageDue(.lead, since: project.stageSince, calendar: try await calendar())
        project.id = UUID()
        let draft = project, clock = self.clock
        return try await WriteGate.write(db) { tx in
            var saved = draft
            saved.code = try await InvestmentRepository.nextCode(on: tx)
            let m = ProjectModel(); m.id = saved.id; m.apply(saved); m.createdAtMillis = clock.millis; m.updatedAtMillis = clock.millis
            try await m.create(on: tx)
            if saved.confidential {
                for u in Set([p.userID, saved.officerID].compactMap { $0 }) {
                    let t = TaskForceModel(); t.id = UUID(); t.projectID = saved.id!; t.userID = u; t.isLead = u == saved.officerID
                    if try await UserModel.find(u, on: tx) != nil { try await t.create(on: tx) }
                }
            }
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "create", entityType: Self.projectEntity,
                                                            entityID: saved.id!.uuidString, before: InvestmentProject?.none, after: saved)
            return saved
        }
    }

    /// Changes a project's recorded fields (names, type, industry, amounts, officer, links,
    /// confidentiality); its stage and dates move only through reviewed moves.
    public func updateProject(_ id: UUID, to edited: InvestmentProject, by p: Principal) async throws -> InvestmentProject {
        try ProjectVisibility.requireInvestOfficer(p)
        let clusters = try await ReferenceRepository(db: db).catalog().clusters
        let today = self.today, clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await ProjectModel.find(id, on: tx) else { throw DomainError.notFound("project", id: id.uuidString) }
            let before = m.toDomain()
            try await Self.requireCleared(before, p, on: tx)
            var after = edited
            after.id = id; after.code = before.code; after.stage = before.stage; after.stageSince = before.stageSince
            after.stageDueOn = before.stageDueOn; after.signedOn = before.signedOn; after.dropReason = before.dropReason
            try after.validate(today: today, clusters: clusters)
            if after.stage.reached(.registered) && after.enterpriseID == nil { throw DomainError.required("enterprise_id") }
            if before == after { return before }
            if after.investorID != before.investorID, try await InvestmentRepository(db: tx).investor(after.investorID) == nil {
                throw Self.unknownInvestor(after.investorID)
            }
            if let e = after.enterpriseID, e != before.enterpriseID, try await EnterpriseRepository(db: tx).find(e) == nil {
                throw Self.unknownEnterprise(e)
            }
            m.apply(after); m.updatedAtMillis = clock.millis
            try await m.update(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "update", entityType: Self.projectEntity,
                                                            entityID: id.uuidString, before: before, after: after)
            return after
        }
    }

    static func unknownInvestor(_ id: UUID) -> DomainError {
        DomainError(code: "unknown_investor", field: "investor_id", en: "investor \(id) does not exist", zh: "投资方不存在")
    }

    static func unknownEnterprise(_ id: UUID) -> DomainError {
        DomainError(code: "unknown_enterprise", field: "enterprise_id", en: "enterprise \(id) is not in the register", zh: "企业不在名录中")
    }

    /// A write to a confidential project by someone not cleared to see it is refused as if it
    /// did not exist.
    static func requireCleared(_ project: InvestmentProject, _ p: Principal, on tx: any Database) async throws {
        guard project.confidential else { return }
        let inTF = try await InvestmentRepository(db: tx).taskForceProjects(p.userID, among: [project.id!]).contains(project.id!)
        if !ProjectVisibility.canSeeRealName(p, confidential: true, inTaskForce: inTF) {
            throw DomainError(.forbidden, code: "confidential_project", field: "project_id",
                              en: "project \(project.code) is confidential: only its task force, the bureau head and administrators may change it",
                              zh: "项目 \(project.code) 为保密项目：仅工作专班成员、局负责人和管理员可修改")
        }
    }

    /// Replaces a project's task force (工作专班): officers, one of them the lead. The bureau
    /// head, an admin, or the officer in charge sets it.
    public func setTaskForce(_ projectID: UUID, members: [(userID: UUID, lead: Bool)], by p: Principal) async throws -> [(userID: UUID, lead: Bool)] {
        guard let project = try await repo.project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
        guard p.isHead(of: StageMove.reviewingDepartment) || (p.userID != nil && p.userID == project.officerID) else {
            throw DomainError(.forbidden, code: "forbidden", en: "the bureau head or the officer in charge sets the task force",
                              zh: "工作专班由局负责人或项目负责人设置")
        }
        if Set(members.map(\.userID)).count != members.count {
            throw DomainError(code: "duplicate_member", field: "members", en: "an officer is listed twice", zh: "成员重复")
        }
        if members.count > 50 { throw DomainError(code: "out_of_range", field: "members", en: "at most 50 members", zh: "成员最多 50 人") }
        if !members.isEmpty && members.filter(\.lead).count != 1 {
            throw DomainError(code: "one_lead", field: "members", en: "a task force has exactly one lead", zh: "工作专班须有且仅有一名牵头人")
        }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            for m in members {
                guard let u = try await UserModel.find(m.userID, on: tx), u.role != Role.enterprise.rawValue else {
                    throw DomainError(code: "unknown_officer", field: "members", en: "user \(m.userID) is not an officer", zh: "用户 \(m.userID) 不是园区工作人员")
                }
            }
            let before = try await TaskForceModel.query(on: tx).filter(\.$projectID == projectID).all().map { TaskForceMember(userID: $0.userID, lead: $0.isLead) }
            try await TaskForceModel.query(on: tx).filter(\.$projectID == projectID).delete()
            for m in members {
                let t = TaskForceModel(); t.id = UUID(); t.projectID = projectID; t.userID = m.userID; t.isLead = m.lead
                try await t.create(on: tx)
            }
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "task_force", entityType: Self.projectEntity, entityID: projectID.uuidString,
                                                            before: before, after: members.map { TaskForceMember(userID: $0.userID, lead: $0.lead) })
            return members
        }
    }

    struct TaskForceMember: Codable, Sendable { var userID: UUID; var lead: Bool }
}
