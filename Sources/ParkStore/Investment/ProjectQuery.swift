import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// How a list of projects is asked for: filters, search, sort and page. Every filter and sort
/// is a column with an index.
public struct ProjectQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable { case code, firstContact = "first_contact_on", stageSince = "stage_since", updated = "updated_at_ms" }
    public var stage: ProjectStage?
    public var officerID: UUID?
    public var cluster: String?
    public var country: String?
    public var enterpriseID: UUID?
    public var investorID: UUID?
    public var overdueOnly = false
    public var search: String?
    public var sort: Sort = .updated
    public var descending = true
    public var page = 1
    public var perPage = 50
    public init() {}

    public func validated() throws(DomainError) -> ProjectQuery {
        _ = try PageRequest(page: page, perPage: perPage)
        if let s = search, s.count > 100 { throw .tooLong("q", max: 100) }
        if let c = country, Country.named(c) == nil {
            throw DomainError(code: "invalid_country", field: "country", en: "country must be an ISO 3166-1 alpha-2 code", zh: "country 须为 ISO 3166-1 两位字母代码")
        }
        return self
    }
}

/// A project as a list shows it to one reader: a confidential project's names and investor
/// replaced by its code name unless the reader is cleared (`masked`).
public struct ProjectListItem: Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var name: Bilingual
    public var investorName: Bilingual
    public var investorID: UUID?
    public var enterpriseID: UUID?
    public var country: String
    public var fortune500Rank: Int?
    public var type: ProjectType
    public var cluster: String?
    public var industryCode: String
    public var stage: ProjectStage
    public var stageSince: LocalDate
    public var stageDueOn: LocalDate?
    public var overdue: Bool
    public var officerID: UUID?
    public var totalInvestment: CurrencyAmount
    public var confidential: Bool
    public var masked: Bool
}

extension InvestmentService {
    /// One page of projects for `p`: enterprise users see only their own enterprise's; a search
    /// matches a confidential project's real names only for those cleared to see them (others
    /// find it by its code name). One count and one page, filtered and sorted in SQL.
    public func list(_ query: ProjectQuery, by p: Principal) async throws -> Page<ProjectListItem> {
        let q = try query.validated()
        let pr = try PageRequest(page: q.page, perPage: q.perPage)
        let sql = try InvestmentFigures(db: db).sql
        let postgres = sql.dialect.name == "postgresql"
        var conds: [SQLQueryString] = []
        if !p.isStaff { conds.append("p.enterprise_id = \(bind: p.enterpriseID ?? UUID())") }
        if let s = q.stage { conds.append("p.stage = \(bind: s.rawValue)") }
        if let o = q.officerID { conds.append("p.officer_id = \(bind: o)") }
        if let c = q.cluster { conds.append("p.cluster = \(bind: c)") }
        if let c = q.country { conds.append("inv.origin_country = \(bind: c.uppercased())") }
        if let e = q.enterpriseID { conds.append("p.enterprise_id = \(bind: e)") }
        if let i = q.investorID { conds.append("p.investor_id = \(bind: i)") }
        let today = self.today.iso
        if q.overdueOnly { conds.append("p.stage_due_on < \(bind: today) AND p.stage NOT IN ('production', 'dropped')") }
        let clearedAll = p.role == .admin || p.isHead(of: StageMove.reviewingDepartment)
        if let s = q.search?.trimmingCharacters(in: .whitespaces), !s.isEmpty {
            let pattern = "%" + s.filter { $0 != "%" && $0 != "_" } + "%"
            let like = postgres ? "ILIKE" : "LIKE"
            let real: SQLQueryString = "(p.name_zh \(unsafeRaw: like) \(bind: pattern) OR p.name_en \(unsafeRaw: like) \(bind: pattern) OR inv.name_zh \(unsafeRaw: like) \(bind: pattern) OR inv.name_en \(unsafeRaw: like) \(bind: pattern))"
            let byCode: SQLQueryString = "(p.code \(unsafeRaw: like) \(bind: pattern) OR p.code_name \(unsafeRaw: like) \(bind: pattern))"
            if clearedAll {
                conds.append("(" + real + " OR " + byCode + ")")
            } else {
                let me = p.userID ?? UUID()
                conds.append("(" + byCode + " OR (" + real + " AND (p.confidential = \(false) OR p.id IN (SELECT project_id FROM project_task_force WHERE user_id = \(bind: me)))))")
            }
        }
        let whereSQL: SQLQueryString = conds.isEmpty ? "" : " WHERE " + conds.joined(separator: " AND ")
        let from: SQLQueryString = " FROM investment_projects p JOIN investors inv ON inv.id = p.investor_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n" + from + whereSQL).first()?.decode(column: "n", as: Int.self) ?? 0
        let order: SQLQueryString = " ORDER BY p.\(unsafeRaw: q.sort.rawValue) \(unsafeRaw: q.descending ? "DESC" : "ASC"), p.code ASC"
        let rows = try await sql.raw("""
            SELECT p.id, p.code, p.name_zh, p.name_en, p.investor_id, p.enterprise_id, p.project_type, p.cluster, p.industry_code, p.stage,
                   p.stage_since, p.stage_due_on, p.officer_id, p.total_investment_minor, p.total_investment_currency, p.confidential, p.code_name,
                   inv.name_zh AS inv_zh, inv.name_en AS inv_en, inv.origin_country,
                   (SELECT f.rank FROM fortune500_ranks f WHERE f.investor_id = p.investor_id ORDER BY f.list_year DESC LIMIT 1) AS f500
            """ + from + whereSQL + order + " LIMIT \(literal: pr.perPage) OFFSET \(literal: pr.offset)").all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let inTF = clearedAll ? [] : try await repo.taskForceProjects(p.userID, among: ids)
        let items = try rows.map { r in try Self.item(r, p, inTF: inTF, today: today) }
        return Page(items: items, total: total, page: pr.page, perPage: pr.perPage)
    }

    static func item(_ r: any SQLRow, _ p: Principal, inTF: Set<UUID>, today: String) throws -> ProjectListItem {
        let id = try r.decode(column: "id", as: UUID.self)
        let confidential = try r.decode(column: "confidential", as: Bool.self)
        let see = ProjectVisibility.canSeeRealName(p, confidential: confidential, inTaskForce: inTF.contains(id))
        let codeName = try r.decode(column: "code_name", as: String?.self) ?? ""
        let nameZh = try r.decode(column: "name_zh", as: String.self), nameEn = try r.decode(column: "name_en", as: String.self)
        let invZh = try r.decode(column: "inv_zh", as: String.self), invEn = try r.decode(column: "inv_en", as: String.self)
        let stage = ProjectStage(rawValue: try r.decode(column: "stage", as: String.self)) ?? .lead
        let due = try r.decode(column: "stage_due_on", as: String?.self)
        return ProjectListItem(
            id: id, code: try r.decode(column: "code", as: String.self),
            name: see ? Bilingual(zh: nameZh, en: nameEn.isEmpty ? nameZh : nameEn) : Bilingual(zh: codeName, en: codeName),
            investorName: see ? Bilingual(zh: invZh, en: invEn.isEmpty ? invZh : invEn) : Bilingual(zh: codeName, en: codeName),
            investorID: see ? try r.decode(column: "investor_id", as: UUID.self) : nil,
            enterpriseID: see ? try r.decode(column: "enterprise_id", as: UUID?.self) : nil,
            country: try r.decode(column: "origin_country", as: String.self),
            fortune500Rank: see ? try r.decode(column: "f500", as: Int?.self) : nil,
            type: ProjectType(rawValue: try r.decode(column: "project_type", as: String.self)) ?? .newEstablishment,
            cluster: try r.decode(column: "cluster", as: String?.self), industryCode: try r.decode(column: "industry_code", as: String.self),
            stage: stage, stageSince: LocalDate(iso: try r.decode(column: "stage_since", as: String.self)) ?? InvestmentRepository.epoch,
            stageDueOn: due.flatMap(LocalDate.init(iso:)), overdue: due.map { $0 < today } ?? false && !stage.isFinal,
            officerID: try r.decode(column: "officer_id", as: UUID?.self),
            totalInvestment: CurrencyAmount(currency: try r.decode(column: "total_investment_currency", as: String.self),
                                            minor: try r.decode(column: "total_investment_minor", as: Int64.self)),
            confidential: confidential, masked: !see)
    }

    /// The pipeline board: per stage, how many projects, how many overdue, and their contracted
    /// and utilised FDI (US$), under the same filters as the list. SQL GROUP BY.
    public struct BoardColumn: Sendable, Hashable {
        public var stage: ProjectStage
        public var projects: Int
        public var overdue: Int
        public var contractedUSDCents: Int64
        public var utilisedUSDCents: Int64
    }

    public func board(_ query: ProjectQuery, by p: Principal) async throws -> [BoardColumn] {
        try p.requireStaff()
        let q = try query.validated()
        let sql = try InvestmentFigures(db: db).sql
        var conds: [SQLQueryString] = ["1 = 1"]
        if let o = q.officerID { conds.append("p.officer_id = \(bind: o)") }
        if let c = q.cluster { conds.append("p.cluster = \(bind: c)") }
        if let c = q.country { conds.append("inv.origin_country = \(bind: c.uppercased())") }
        let whereSQL: SQLQueryString = " WHERE " + conds.joined(separator: " AND ")
        let from: SQLQueryString = " FROM investment_projects p JOIN investors inv ON inv.id = p.investor_id"
        var cols = Dictionary(uniqueKeysWithValues: ProjectStage.allCases.map { ($0, BoardColumn(stage: $0, projects: 0, overdue: 0, contractedUSDCents: 0, utilisedUSDCents: 0)) })
        let today = self.today.iso
        for r in try await sql.raw("SELECT p.stage AS s, COUNT(*) AS n, SUM(CASE WHEN p.stage_due_on < \(bind: today) THEN 1 ELSE 0 END) AS o" + from + whereSQL + " GROUP BY p.stage").all() {
            guard let s = ProjectStage(rawValue: try r.decode(column: "s", as: String.self)) else { continue }
            cols[s]?.projects = try r.decode(column: "n", as: Int.self)
            cols[s]?.overdue = s.isFinal ? 0 : (try r.decode(column: "o", as: Int?.self) ?? 0)
        }
        let sums = "\(InvestmentFigures.sum("x.contracted_usd_cents")) AS c, \(InvestmentFigures.sum("x.utilised_usd_cents")) AS u"
        let rows = try await sql.raw("SELECT p.stage AS s, \(unsafeRaw: sums) FROM fdi_project_months x JOIN investment_projects p ON p.id = x.project_id JOIN investors inv ON inv.id = p.investor_id" + whereSQL + " GROUP BY p.stage").all()
        for r in rows {
            guard let s = ProjectStage(rawValue: try r.decode(column: "s", as: String.self)) else { continue }
            cols[s]?.contractedUSDCents = try r.decode(column: "c", as: Int64.self)
            cols[s]?.utilisedUSDCents = try r.decode(column: "u", as: Int64.self)
        }
        return ProjectStage.allCases.compactMap { cols[$0] }
    }
}
