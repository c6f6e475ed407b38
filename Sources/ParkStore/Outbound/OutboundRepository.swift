import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A project with its firm's names, as lists show it.
public struct OutboundProjectRow: Sendable {
    public var project: OutboundProject
    public var enterpriseName: Bilingual
    public var creditCode: String
}

/// A filing with its project and firm, as the board and the portal show it.
public struct OutboundFilingRow: Sendable {
    public var filing: Filing
    public var projectTitle: String
    public var countryCode: String
    public var enterpriseName: Bilingual
}

/// How the project list is chosen: filters, sort and page.
public struct OutboundProjectFilter: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable { case updated, agreed, amount, title }
    public var enterpriseID: UUID?
    public var countryCode: String?
    public var stage: OutboundStage?
    public var beltAndRoad: Bool?
    public var search: String?
    public var sort: Sort = .updated
    public var descending = true
    public var page = 1
    public var perPage = 50
    public init() {}
}

/// Data access for outbound investment: paged lists and keyed reads in SQL. No permission
/// checks here (`OutboundService` does them).
public struct OutboundRepository: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { get throws { try OutboundRows.requireSQL(db) } }

    static func names(_ r: any SQLRow) throws -> Bilingual {
        let zh = try r.decode(column: "name_zh", as: String.self), en = try r.decode(column: "name_en", as: String.self)
        return Bilingual(zh: zh, en: en.isEmpty ? zh : en)
    }

    public func project(_ id: UUID) async throws -> OutboundProjectRow? {
        guard let r = try await sql.raw("""
            SELECT \(unsafeRaw: OutboundRows.projectColumns), e.name_zh, e.name_en, e.credit_code
            FROM outbound_projects p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.id = \(bind: id)
            """).first() else { return nil }
        return OutboundProjectRow(project: try OutboundRows.project(r), enterpriseName: try Self.names(r),
                                  creditCode: try r.decode(column: "credit_code", as: String.self))
    }

    public func projects(_ f: OutboundProjectFilter) async throws -> Page<OutboundProjectRow> {
        let page = try PageRequest(page: f.page, perPage: f.perPage)
        var w = SQLQueryString("1 = 1")
        if let e = f.enterpriseID { w.appendInterpolation(unsafeRaw: " AND p.enterprise_id = "); w.appendInterpolation(bind: e) }
        if let c = f.countryCode { w.appendInterpolation(unsafeRaw: " AND p.country_code = "); w.appendInterpolation(bind: c) }
        if let s = f.stage { w.appendInterpolation(unsafeRaw: " AND p.stage = "); w.appendInterpolation(bind: s.rawValue) }
        if let b = f.beltAndRoad { w.appendInterpolation(unsafeRaw: " AND p.belt_and_road = "); w.appendInterpolation(bind: b) }
        if let q = f.search?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            if q.count > 100 { throw DomainError.tooLong("q", max: 100) }
            let like = "%" + q.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            w.appendInterpolation(unsafeRaw: " AND (p.title LIKE "); w.appendInterpolation(bind: like)
            w.appendInterpolation(unsafeRaw: " OR e.name_zh LIKE "); w.appendInterpolation(bind: like)
            w.appendInterpolation(unsafeRaw: " OR LOWER(e.name_en) LIKE "); w.appendInterpolation(bind: like.lowercased())
            w.appendInterpolation(unsafeRaw: ")")
        }
        let from = "FROM outbound_projects p JOIN enterprises e ON e.id = p.enterprise_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(unsafeRaw: from) WHERE \(w)").first()?.decode(column: "n", as: Int.self) ?? 0
        let dir = f.descending ? "DESC" : "ASC"
        let order = switch f.sort {
        case .updated: "p.updated_at_ms \(dir), p.id"
        case .agreed: "(p.agreed_on IS NULL), p.agreed_on \(dir), p.id"
        case .amount: "p.amount_usd_cents \(dir), p.id"
        case .title: "p.title \(dir), p.id"
        }
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: OutboundRows.projectColumns), e.name_zh, e.name_en, e.credit_code \(unsafeRaw: from) WHERE \(w)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)
            """).all()
        return Page(items: try rows.map { OutboundProjectRow(project: try OutboundRows.project($0), enterpriseName: try Self.names($0),
                                                             creditCode: try $0.decode(column: "credit_code", as: String.self)) },
                    total: total, page: page.page, perPage: page.perPage)
    }

    /// Up to `limit` projects after `after` in id order (keyset pages for streamed exports).
    public func exportBatch(after: UUID?, limit: Int = 500, enterpriseID: UUID? = nil) async throws -> [OutboundProjectRow] {
        var w = SQLQueryString("1 = 1")
        if let after { w.appendInterpolation(unsafeRaw: " AND p.id > "); w.appendInterpolation(bind: after) }
        if let e = enterpriseID { w.appendInterpolation(unsafeRaw: " AND p.enterprise_id = "); w.appendInterpolation(bind: e) }
        return try await sql.raw("""
            SELECT \(unsafeRaw: OutboundRows.projectColumns), e.name_zh, e.name_en, e.credit_code
            FROM outbound_projects p JOIN enterprises e ON e.id = p.enterprise_id WHERE \(w) ORDER BY p.id LIMIT \(literal: min(max(limit, 1), 5000))
            """).all().map { OutboundProjectRow(project: try OutboundRows.project($0), enterpriseName: try Self.names($0),
                                                 creditCode: try $0.decode(column: "credit_code", as: String.self)) }
    }

    /// Projects by stage (every stage listed, zeros included).
    public func stageCounts(enterpriseID: UUID? = nil) async throws -> [OutboundStage: Int] {
        var w = SQLQueryString("1 = 1")
        if let e = enterpriseID { w.appendInterpolation(unsafeRaw: " AND enterprise_id = "); w.appendInterpolation(bind: e) }
        var out = Dictionary(uniqueKeysWithValues: OutboundStage.allCases.map { ($0, 0) })
        for r in try await sql.raw("SELECT stage, COUNT(*) AS n FROM outbound_projects WHERE \(w) GROUP BY stage").all() {
            if let s = OutboundStage(rawValue: try r.decode(column: "stage", as: String.self)) { out[s] = try r.decode(column: "n", as: Int.self) }
        }
        return out
    }

    public func filings(projectID: UUID) async throws -> [Filing] {
        try await sql.raw("SELECT * FROM outbound_filings WHERE project_id = \(bind: projectID) ORDER BY drafted_on, kind LIMIT 100").all().map(OutboundRows.filing)
    }

    public func filing(_ id: UUID) async throws -> Filing? {
        try await sql.raw("SELECT * FROM outbound_filings WHERE id = \(bind: id)").first().map(OutboundRows.filing)
    }

    /// Which filings a list asks for.
    public enum FilingQueue: String, Sendable, CaseIterable {
        /// Drafted or submitted: what firms are still to file or waiting for, soonest due first.
        case open
        /// Submitted and past their clock.
        case overdue
        /// Granted certificates whose lapse day falls within `days` and whose project has remitted nothing.
        case lapsing
        /// Granted certificates past their lapse day with nothing remitted, not yet marked lapsed.
        case toLapse = "to_lapse"
    }

    /// One page of a filing queue, for the whole park or one firm.
    public func filingQueue(_ queue: FilingQueue, today: LocalDate, days: Int = 90, enterpriseID: UUID? = nil,
                            page: Int = 1, perPage: Int = 20) async throws -> Page<OutboundFilingRow> {
        let p = try PageRequest(page: page, perPage: perPage)
        var w: SQLQueryString
        let order: String
        switch queue {
        case .open:
            w = "f.state IN ('drafted', 'submitted')"; order = "(f.due_on IS NULL), f.due_on, f.drafted_on, f.id"
        case .overdue:
            w = "f.state = 'submitted' AND f.due_on < \(bind: today.iso)"; order = "f.due_on, f.id"
        case .lapsing:
            w = "f.state = 'granted' AND p.remitted_on IS NULL AND f.lapses_on >= \(bind: today.iso) AND f.lapses_on <= \(bind: today.adding(days: days).iso)"
            order = "f.lapses_on, f.id"
        case .toLapse:
            w = "f.state = 'granted' AND p.remitted_on IS NULL AND f.lapses_on < \(bind: today.iso)"; order = "f.lapses_on, f.id"
        }
        if let e = enterpriseID { w.appendInterpolation(unsafeRaw: " AND f.enterprise_id = "); w.appendInterpolation(bind: e) }
        let from = "FROM outbound_filings f JOIN outbound_projects p ON p.id = f.project_id JOIN enterprises e ON e.id = f.enterprise_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(unsafeRaw: from) WHERE \(w)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT f.*, p.title, p.country_code, e.name_zh, e.name_en \(unsafeRaw: from) WHERE \(w)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: p.perPage) OFFSET \(literal: p.offset)
            """).all()
        return Page(items: try rows.map { r in
            OutboundFilingRow(filing: try OutboundRows.filing(r), projectTitle: try r.decode(column: "title", as: String.self),
                              countryCode: try r.decode(column: "country_code", as: String.self), enterpriseName: try Self.names(r))
        }, total: total, page: p.page, perPage: p.perPage)
    }

    // MARK: rules and lists

    /// Every version of the checker's rules, newest first (a handful of rows).
    public func ruleSets() async throws -> [(rules: FilingRuleSet, createdBy: String, createdAtMillis: Int64)] {
        try await sql.raw("SELECT document, created_by, created_at_ms FROM outbound_rule_sets ORDER BY effective_from DESC, version DESC").all().compactMap { r in
            guard let rules = OutboundJSON.decode(FilingRuleSet.self, try r.decode(column: "document", as: String.self)) else { return nil }
            return (rules, try r.decode(column: "created_by", as: String.self), try r.decode(column: "created_at_ms", as: Int64.self))
        }
    }

    /// The rules in force on `date`: the newest version whose `effectiveFrom` is not after it
    /// (the oldest version for earlier dates).
    public func rules(on date: LocalDate) async throws -> FilingRuleSet {
        let all = try await ruleSets().map(\.rules)
        return all.first { $0.effectiveFrom <= date } ?? all.last ?? .standard2018
    }

    public func beltAndRoad() async throws -> Set<String> {
        Set(try await sql.raw("SELECT country_code FROM outbound_belt_and_road").all().map { try $0.decode(column: "country_code", as: String.self) })
    }
}
