import FluentKit
import Foundation
import ParkDomain

/// A project as one reader may see it, with everything its page shows.
public struct ProjectDetail: Sendable {
    /// The project; for a reader not cleared, names, investor and enterprise are hidden
    /// (`masked`): names are the code name, `investorID` and `enterpriseID` are not given.
    public var project: InvestmentProject
    public var masked: Bool
    public var investor: Investor?
    public var moves: [StageMove]
    public var taskForce: [(userID: UUID, lead: Bool)]
    public var blockers: [(Blocker, [BlockerEvent])]
    public var contracted: [ContractedEntry]
    public var inflows: [Inflow]
    public var utilisedUSDCents: Int64
    public var contractedUSDCents: Int64
    public var fundsArrivedRatio: Double? { FDIReportEngine.ratio(utilisedUSDCents, contractedUSDCents) }
    public var overdue: Bool
    public var possibleDuplicates: [String]
}

extension InvestmentService {
    /// The project `id` for `p`, or 404: enterprise users see only their own enterprise's
    /// projects. A confidential project is masked for readers outside its task force (not the
    /// bureau head, not an admin).
    public func detail(_ id: UUID, by p: Principal) async throws -> ProjectDetail {
        guard var project = try await repo.project(id) else { throw DomainError.notFound("project", id: id.uuidString) }
        if !p.isStaff { guard let e = project.enterpriseID, e == p.enterpriseID else { throw DomainError.notFound("project", id: id.uuidString) } }
        let tf = try await repo.taskForce(id)
        let see = ProjectVisibility.canSeeRealName(p, confidential: project.confidential, inTaskForce: tf.contains { $0.userID == p.userID })
        var investor = try await repo.investor(project.investorID)
        if !see {
            let name = project.codeName ?? project.code
            project.nameZh = name; project.nameEn = name; project.enterpriseID = nil
            investor = nil
        }
        let totals = try await repo.totals(id)
        let dups = see && p.isStaff ? try await repo.possibleDuplicates(of: project).map(\.code) : []
        let today = self.today
        return ProjectDetail(project: project, masked: !see, investor: investor, moves: try await repo.moves(id),
                             taskForce: p.isStaff ? tf : [], blockers: try await repo.blockers(id),
                             contracted: try await repo.contracted(id), inflows: try await repo.inflows(id),
                             utilisedUSDCents: totals.utilisedUSDCents, contractedUSDCents: totals.contractedUSDCents,
                             overdue: (project.stageDueOn.map { $0 < today } ?? false) && !project.stage.isFinal,
                             possibleDuplicates: dups)
    }

    /// Investors (staff), a page at a time.
    public func investors(q: String?, page: ParkDomain.PageRequest, by p: Principal) async throws -> Page<Investor> {
        try p.requireStaff()
        if let q, q.count > 100 { throw DomainError.tooLong("q", max: 100) }
        return try await repo.investors(q: q?.trimmingCharacters(in: .whitespaces), page: page)
    }

    /// The Fortune Global 500 investors with their projects in the park (registered or later),
    /// by rank of the latest list: one grouped query.
    public struct Fortune500Row: Sendable, Hashable {
        public var investorID: UUID
        public var name: Bilingual
        public var country: String
        public var rank: Int
        public var listYear: Int
        public var projects: Int
        public var utilisedUSDCents: Int64
    }

    public func fortune500(limit: Int = 500, by p: Principal) async throws -> [Fortune500Row] {
        try p.requireStaff()
        let sql = try InvestmentFigures(db: db).sql
        // Confidential projects are left out of this public list: a Fortune 500 name beside
        // a count would give them away.
        let rows = try await sql.raw("""
            SELECT inv.id, inv.name_zh, inv.name_en, inv.origin_country, f.rank, f.list_year,
                   (SELECT COUNT(*) FROM investment_projects p WHERE p.investor_id = inv.id AND p.confidential = \(false)
                      AND p.stage IN ('registered', 'construction', 'production')) AS n,
                   (SELECT \(unsafeRaw: InvestmentFigures.sum("x.usd_cents")) FROM fdi_inflows x JOIN investment_projects p ON p.id = x.project_id
                      WHERE p.investor_id = inv.id AND p.confidential = \(false)) AS u
            FROM investors inv JOIN fortune500_ranks f ON f.investor_id = inv.id
            WHERE f.list_year = (SELECT MAX(list_year) FROM fortune500_ranks g WHERE g.investor_id = inv.id)
            ORDER BY f.rank LIMIT \(literal: min(max(limit, 1), 500))
            """).all()
        return try rows.map {
            Fortune500Row(investorID: try $0.decode(column: "id", as: UUID.self),
                          name: Bilingual(zh: try $0.decode(column: "name_zh", as: String.self), en: try $0.decode(column: "name_en", as: String.self)),
                          country: try $0.decode(column: "origin_country", as: String.self), rank: try $0.decode(column: "rank", as: Int.self),
                          listYear: try $0.decode(column: "list_year", as: Int.self), projects: try $0.decode(column: "n", as: Int.self),
                          utilisedUSDCents: try $0.decode(column: "u", as: Int64.self))
        }
    }
}
