import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The officer's work queue: the requests a department leads and the subtasks it holds in other
/// departments' task forces, open ones only, overdue first then by deadline, paged in SQL (one
/// UNION ALL over the two queue indexes), and the dispatcher's board as GROUP BY counts.
public struct ServiceQueue: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Item: Sendable, Hashable {
        public var requestID: UUID
        public var subtaskID: UUID?
        public var reference: String
        public var title: String
        public var enterpriseID: UUID
        public var category: String
        /// The request's state, or the subtask's.
        public var state: String
        public var dueOn: LocalDate?
        public var department: String
        public var overdueLevel: Int
    }

    public struct Filter: Sendable {
        /// Only this department's work (nil: every department, requests only).
        public var department: String?
        /// Only subtasks assigned to this officer.
        public var assignee: UUID?
        public var category: String?
        public var overdueOnly: Bool
        public init(department: String? = nil, assignee: UUID? = nil, category: String? = nil, overdueOnly: Bool = false) {
            self.department = department; self.assignee = assignee; self.category = category; self.overdueOnly = overdueOnly
        }
    }

    public func items(_ f: Filter, page: ParkDomain.PageRequest) async throws -> Page<Item> {
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: 1, perPage: page.perPage) }
        let today = LocalDate(clock.now()).iso
        var requestsPart: SQLQueryString = """
            SELECT r.id AS request_id, CAST(NULL AS \(unsafeRaw: sql.dialect.name == "sqlite" ? "TEXT" : "UUID")) AS subtask_id, r.number AS number, r.title AS title,
              r.enterprise_id AS enterprise_id, r.category AS category, r.state AS state, r.due_on AS due_on,
              r.lead_department AS department, r.overdue_level AS overdue_level
            FROM service_requests r WHERE r.is_open = \(bind: true)
            """
        if let d = f.department { requestsPart = "\(requestsPart) AND r.lead_department = \(bind: d)" }
        if let c = f.category { requestsPart = "\(requestsPart) AND r.category = \(bind: c)" }
        if f.overdueOnly { requestsPart = "\(requestsPart) AND r.due_on < \(bind: today)" }
        var union: SQLQueryString = requestsPart
        if let d = f.department {
            var subtasks: SQLQueryString = """
                SELECT r.id, s.id, r.number, r.title, r.enterprise_id, r.category, s.state, s.due_on, s.department, r.overdue_level
                FROM service_subtasks s JOIN service_requests r ON r.id = s.request_id
                WHERE s.is_open = \(bind: true) AND s.department = \(bind: d)
                """
            if let c = f.category { subtasks = "\(subtasks) AND r.category = \(bind: c)" }
            if f.overdueOnly { subtasks = "\(subtasks) AND s.due_on < \(bind: today)" }
            if let a = f.assignee {
                union = subtasks
                union = "\(union) AND s.assignee_id = \(bind: a)"
            } else {
                union = "\(requestsPart) UNION ALL \(subtasks)"
            }
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM (\(union)) q").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM (\(union)) q
            ORDER BY CASE WHEN q.due_on < \(bind: today) THEN 0 ELSE 1 END, COALESCE(q.due_on, '9999-12-31'), q.number
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """).all()
        let items = try rows.map { row in
            Item(requestID: try row.decode(column: "request_id", as: UUID.self),
                 subtaskID: try row.decode(column: "subtask_id", as: UUID?.self),
                 reference: ServiceRequest.reference(try row.decode(column: "number", as: Int.self)),
                 title: try row.decode(column: "title", as: String.self),
                 enterpriseID: try row.decode(column: "enterprise_id", as: UUID.self),
                 category: try row.decode(column: "category", as: String.self),
                 state: try row.decode(column: "state", as: String.self),
                 dueOn: try row.decode(column: "due_on", as: String?.self).flatMap(LocalDate.init(iso:)),
                 department: try row.decode(column: "department", as: String.self),
                 overdueLevel: try row.decode(column: "overdue_level", as: Int.self))
        }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    /// Open requests per lead department and state, with how many are past their deadline.
    public struct BoardCell: Sendable, Hashable { public var department: String; public var state: RequestState; public var count: Int; public var overdue: Int }

    public func board() async throws -> [BoardCell] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let today = LocalDate(clock.now()).iso
        return try await sql.raw("""
            SELECT lead_department AS d, state AS s, COUNT(*) AS n, SUM(CASE WHEN due_on < \(bind: today) THEN 1 ELSE 0 END) AS o
            FROM service_requests WHERE is_open = \(bind: true) GROUP BY lead_department, state ORDER BY lead_department, state
            """).all().compactMap { row in
            guard let s = RequestState(rawValue: try row.decode(column: "s", as: String.self)) else { return nil }
            return BoardCell(department: try row.decode(column: "d", as: String.self), state: s, count: try row.decode(column: "n", as: Int.self),
                             overdue: try row.decode(column: "o", as: Int?.self) ?? 0)
        }
    }
}
