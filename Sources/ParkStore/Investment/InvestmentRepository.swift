import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Data access of the investment module: rows in, domain values out. No permissions here
/// (`InvestmentService` checks them); writes take the caller's transaction.
public struct InvestmentRepository: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    // MARK: data tables

    public func limits() async throws -> InvestmentLimits {
        InvestmentLimits(rows: try await InvestmentLimitModel.query(on: db).all().compactMap { m in m.id.map { ($0, m.workingDays) } })
    }

    /// Divisions per category (the comparable scope, strategic emerging, high-tech manufacturing).
    public func categories() async throws -> [IndustryCategory: Set<String>] {
        var out: [IndustryCategory: Set<String>] = [:]
        for m in try await IndustryCategoryModel.query(on: db).all() {
            if let c = IndustryCategory(rawValue: m.category) { out[c, default: []].insert(m.industryCode) }
        }
        return out
    }

    // MARK: investors

    public func investor(_ id: UUID) async throws -> Investor? {
        guard let m = try await InvestorModel.find(id, on: db) else { return nil }
        return m.toDomain(fortune500: try await latestRank(id))
    }

    func latestRank(_ investor: UUID) async throws -> Fortune500Entry? {
        try await Fortune500RankModel.query(on: db).filter(\.$investorID == investor).sort(\.$listYear, .descending).first()
            .map { Fortune500Entry(listYear: $0.listYear, rank: $0.rank) }
    }

    /// Investors by name (a page), with their latest Fortune Global 500 entry.
    public func investors(q: String?, page: ParkDomain.PageRequest) async throws -> Page<Investor> {
        let query = InvestorModel.query(on: db)
        if let q, !q.isEmpty {
            let like = "%\(q)%"
            query.group(.or) { $0.filter(\.$nameZh, .custom("LIKE"), like).filter(\.$nameEn, .custom("LIKE"), like) }
        }
        let total = try await query.count()
        let rows = try await query.sort(\.$nameEn).range(page.offset ..< page.offset + page.perPage).all()
        // The page's latest ranks in one query.
        var ranks: [UUID: Fortune500Entry] = [:]
        if !rows.isEmpty {
            for r in try await Fortune500RankModel.query(on: db).filter(\.$investorID ~~ rows.compactMap(\.id)).sort(\.$listYear).limit(10_000).all() {
                ranks[r.investorID] = Fortune500Entry(listYear: r.listYear, rank: r.rank)
            }
        }
        return Page(items: rows.map { $0.toDomain(fortune500: ranks[$0.id!]) }, total: total, page: page.page, perPage: page.perPage)
    }

    // MARK: projects

    public func project(_ id: UUID) async throws -> InvestmentProject? { try await ProjectModel.find(id, on: db)?.toDomain() }

    public func project(code: String) async throws -> InvestmentProject? {
        try await ProjectModel.query(on: db).filter(\.$code == code).first()?.toDomain()
    }

    /// Projects that may duplicate `candidate`: the same project company, or the same investor
    /// with a similar name (Chinese or English). Reads only that investor's projects.
    public func possibleDuplicates(of candidate: InvestmentProject) async throws -> [InvestmentProject] {
        var found: [UUID: InvestmentProject] = [:]
        if let e = candidate.enterpriseID {
            for m in try await ProjectModel.query(on: db).filter(\.$enterpriseID == e).limit(20).all() { found[m.id!] = m.toDomain() }
        }
        for m in try await ProjectModel.query(on: db).filter(\.$investorID == candidate.investorID).limit(500).all() {
            let p = m.toDomain()
            if DuplicateCheck.similar(p.nameZh, candidate.nameZh) || (!candidate.nameEn.isEmpty && DuplicateCheck.similar(p.nameEn, candidate.nameEn)) {
                found[p.id!] = p
            }
        }
        if let own = candidate.id { found[own] = nil }
        return found.values.sorted { $0.code < $1.code }
    }

    /// The next project code, `IP000001` upwards (inside the write transaction).
    static func nextCode(on tx: any Database) async throws -> String {
        let n = try await ProjectModel.query(on: tx).count() + 1
        var code = String(format: "IP%06d", n)
        var bump = n
        while try await ProjectModel.query(on: tx).filter(\.$code == code).count() > 0 {
            bump += 1; code = String(format: "IP%06d", bump)
        }
        return code
    }

    public func taskForce(_ project: UUID) async throws -> [(userID: UUID, lead: Bool)] {
        try await TaskForceModel.query(on: db).filter(\.$projectID == project).limit(100).all().map { ($0.userID, $0.isLead) }
    }

    /// Of `projects`, those whose task force has `user`.
    public func taskForceProjects(_ user: UUID?, among projects: [UUID]) async throws -> Set<UUID> {
        guard let user, !projects.isEmpty else { return [] }
        return Set(try await TaskForceModel.query(on: db).filter(\.$userID == user).filter(\.$projectID ~~ projects).all().map(\.projectID))
    }

    public func moves(_ project: UUID) async throws -> [StageMove] {
        try await StageMoveModel.query(on: db).filter(\.$projectID == project).sort(\.$proposedAtMillis).limit(500).all().map { $0.toDomain() }
    }

    public func pendingMove(_ project: UUID) async throws -> StageMove? {
        try await StageMoveModel.query(on: db).filter(\.$projectID == project).filter(\.$state == ReviewState.pending.rawValue).first()?.toDomain()
    }

    // MARK: ledgers and blockers

    public func contracted(_ project: UUID) async throws -> [ContractedEntry] {
        try await ContractedModel.query(on: db).filter(\.$projectID == project).sort(\.$recordedOn).limit(1_000).all().map { $0.toDomain() }
    }

    public func inflows(_ project: UUID) async throws -> [Inflow] {
        // The newest 2,000 (a project's page lists them; totals come from SQL sums).
        try await InflowModel.query(on: db).filter(\.$projectID == project).sort(\.$arrivedOn, .descending).limit(2_000).all().reversed().map { $0.toDomain() }
    }

    public func blockers(_ project: UUID) async throws -> [(Blocker, [BlockerEvent])] {
        var out: [(Blocker, [BlockerEvent])] = []
        for m in try await BlockerModel.query(on: db).filter(\.$projectID == project).sort(\.$openedOn).limit(200).all() {
            let events = try await BlockerEventModel.query(on: db).filter(\.$blockerID == m.id!).sort(\.$atMillis).limit(200).all().map {
                BlockerEvent(kind: BlockerEvent.Kind(rawValue: $0.kind) ?? .note, on: LocalDate(iso: $0.onDate) ?? Self.epoch,
                             text: $0.text, actor: $0.actor, atMillis: $0.atMillis)
            }
            out.append((Self.blocker(m), events))
        }
        return out
    }

    public func blocker(_ id: UUID) async throws -> Blocker? { try await BlockerModel.find(id, on: db).map(Self.blocker) }

    static let epoch = LocalDate(year: 2000, month: 1, day: 1)!

    static func blocker(_ m: BlockerModel) -> Blocker {
        Blocker(id: m.id!, projectID: m.projectID, stage: ProjectStage(rawValue: m.stage) ?? .lead, title: m.title,
                departmentCode: m.departmentCode, openedOn: LocalDate(iso: m.openedOn) ?? epoch, escalateOn: LocalDate(iso: m.escalateOn) ?? epoch,
                closedOn: m.closedOn.flatMap(LocalDate.init(iso:)), resolution: m.resolution, openedBy: m.openedBy)
    }

    /// Cumulative utilised and contracted FDI of one project (US$ cents), for its funds-arrived ratio.
    public func totals(_ project: UUID) async throws -> (utilisedUSDCents: Int64, contractedUSDCents: Int64) {
        guard let sql = db as? any SQLDatabase else { return (0, 0) }
        func sum(_ table: String) async throws -> Int64 {
            try await sql.raw("SELECT \(unsafeRaw: InvestmentFigures.sum("usd_cents")) AS s FROM \(unsafeRaw: table) WHERE project_id = \(bind: project)")
                .first()?.decode(column: "s", as: Int64.self) ?? 0
        }
        return (try await sum("fdi_inflows"), try await sum("fdi_contracted"))
    }
}

extension InvestmentRepository {
    /// Officers who may be put in charge of projects or on task forces (staff accounts, at most
    /// `limit`, by username), as (id, username, display name).
    public func officers(limit: Int = 500) async throws -> [(id: UUID, username: String, name: String)] {
        try await UserModel.query(on: db).filter(\.$role ~~ [Role.officer.rawValue, Role.admin.rawValue]).filter(\.$disabled == false)
            .sort(\.$username).limit(limit).all().map { ($0.id!, $0.username, $0.displayName) }
    }

    /// Display names of `ids` (those that exist).
    public func userNames(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ Array(ids)).all().map { ($0.id!, $0.displayName) })
    }
}

extension InvestmentRepository {
    public func moveByID(_ id: UUID) async throws -> StageMove? { try await StageMoveModel.find(id, on: db)?.toDomain() }
}
