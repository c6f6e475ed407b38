import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The month's service figures as SQL aggregates (GROUP BY over the month's index), never a
/// scan in Swift: one query per grouping plus one for the backlog.
public struct ServiceStatsQuery: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func run(month: YearMonth, department: String? = nil) async throws -> ServiceStats {
        let today = LocalDate(clock.now())
        return ServiceStats(month: month, byDepartment: try await grouped(by: "lead_department", month: month, department: department, today: today),
                            byCategory: try await grouped(by: "category", month: month, department: department, today: today),
                            backlog: try await backlog(today: today, department: department))
    }

    func grouped(by column: String, month: YearMonth, department: String?, today: LocalDate) async throws -> [ServiceStatsRow] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let filter: SQLQueryString = department.map { "AND lead_department = \(bind: $0)" } ?? ""
        let rows = try await sql.raw("""
            SELECT \(ident: column) AS k, COUNT(*) AS received,
              SUM(CASE WHEN accepted_on IS NOT NULL THEN 1 ELSE 0 END) AS accepted,
              SUM(CASE WHEN accepted_in_time = TRUE THEN 1 ELSE 0 END) AS accepted_in_time,
              SUM(CASE WHEN first_reply_on IS NOT NULL THEN 1 ELSE 0 END) AS first_replied,
              SUM(CASE WHEN first_reply_in_time = TRUE THEN 1 ELSE 0 END) AS first_reply_in_time,
              SUM(CASE WHEN replied_on IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
              SUM(CASE WHEN resolved_in_time = TRUE THEN 1 ELSE 0 END) AS resolved_in_time,
              SUM(CASE WHEN state = 'closed' THEN 1 ELSE 0 END) AS closed,
              SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
              CAST(SUM(COALESCE(rating, 0)) AS BIGINT) AS rating_sum,
              SUM(CASE WHEN satisfied = TRUE THEN 1 ELSE 0 END) AS satisfied,
              SUM(CASE WHEN reopened_count > 0 THEN 1 ELSE 0 END) AS reopened,
              SUM(CASE WHEN is_open = TRUE AND due_on < \(bind: today.iso) THEN 1 ELSE 0 END) AS overdue_open
            FROM service_requests WHERE received_month = \(bind: month.iso) \(filter)
            GROUP BY \(ident: column) ORDER BY \(ident: column)
            """).all()
        return try rows.map { row in
            func n(_ c: String) throws -> Int { try row.decode(column: c, as: Int?.self) ?? 0 }
            var r = ServiceStatsRow(key: try row.decode(column: "k", as: String.self))
            r.received = try n("received"); r.accepted = try n("accepted"); r.acceptedInTime = try n("accepted_in_time")
            r.firstReplied = try n("first_replied"); r.firstReplyInTime = try n("first_reply_in_time")
            r.resolved = try n("resolved"); r.resolvedInTime = try n("resolved_in_time"); r.closed = try n("closed")
            r.rated = try n("rated"); r.ratingSum = try n("rating_sum"); r.satisfied = try n("satisfied")
            r.reopened = try n("reopened"); r.overdueOpen = try n("overdue_open")
            return r
        }
    }

    /// Open requests past their deadline today, bucketed by days over (boundaries computed here,
    /// counted by the database).
    func backlog(today: LocalDate, department: String?) async throws -> [OverdueAge: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let d5 = today.adding(days: -5).iso, d10 = today.adding(days: -10).iso, d30 = today.adding(days: -30).iso
        let filter: SQLQueryString = department.map { "AND lead_department = \(bind: $0)" } ?? ""
        let row = try await sql.raw("""
            SELECT SUM(CASE WHEN due_on >= \(bind: d5) THEN 1 ELSE 0 END) AS a,
                   SUM(CASE WHEN due_on < \(bind: d5) AND due_on >= \(bind: d10) THEN 1 ELSE 0 END) AS b,
                   SUM(CASE WHEN due_on < \(bind: d10) AND due_on >= \(bind: d30) THEN 1 ELSE 0 END) AS c,
                   SUM(CASE WHEN due_on < \(bind: d30) THEN 1 ELSE 0 END) AS d
            FROM service_requests WHERE is_open = \(bind: true) AND due_on < \(bind: today.iso) \(filter)
            """).first()
        func n(_ c: String) throws -> Int { try row?.decode(column: c, as: Int?.self) ?? 0 }
        return [.upTo5: try n("a"), .upTo10: try n("b"), .upTo30: try n("c"), .over30: try n("d")]
    }
}
