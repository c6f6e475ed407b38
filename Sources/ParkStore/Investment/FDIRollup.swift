import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The ledgers rolled up per project and month (`fdi_project_months`): utilised and contracted
/// FDI in US$ and yuan. The report and the figures read it instead of the ledgers' rows (one row
/// per project-month however many inflows arrived). It is a derived table: every ledger write
/// refreshes its project's rows in the same transaction, so it never disagrees with the ledgers.
enum FDIRollup {
    static let table = "fdi_project_months"

    /// Recomputes the roll-up of these projects from their ledgers (delete, then one grouped
    /// INSERT … SELECT per batch of 500 projects).
    static func refresh(projects: [UUID], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let ids = Array(Set(projects))
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start ..< min(start + 500, ids.count)])
            try await sql.raw("DELETE FROM fdi_project_months WHERE project_id IN (\(list(batch)))").run()
            try await sql.raw(insert(where: "project_id IN (\(list(batch)))")).run()
        }
    }

    /// Rebuilds the whole roll-up in batches of projects (the migration's backfill, bulk loads).
    static func rebuild(on db: any Database, batch: Int = 2_000) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DELETE FROM fdi_project_months").run()
        var after: UUID? = nil
        while true {
            var q = SQLQueryString("SELECT id FROM investment_projects")
            if let after { q.appendInterpolation(unsafeRaw: " WHERE id > "); q.appendInterpolation(bind: after) }
            q.appendInterpolation(unsafeRaw: " ORDER BY id LIMIT \(batch)")
            let ids = try await sql.raw(q).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard let last = ids.last else { return }
            try await sql.raw(insert(where: "project_id IN (\(list(ids)))")).run()
            after = last
        }
    }

    private static func list(_ ids: [UUID]) -> SQLQueryString {
        var q = SQLQueryString("")
        for (i, id) in ids.enumerated() {
            if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
            q.appendInterpolation(bind: id)
        }
        return q
    }

    private static func insert(where condition: SQLQueryString) -> SQLQueryString {
        let s = InvestmentFigures.sum
        return """
            INSERT INTO fdi_project_months (project_id, month, utilised_usd_cents, utilised_cny_fen, contracted_usd_cents, contracted_cny_fen)
            SELECT project_id, month, \(unsafeRaw: s("uu")), \(unsafeRaw: s("uc")), \(unsafeRaw: s("cu")), \(unsafeRaw: s("cc")) FROM (
              SELECT project_id, month, usd_cents AS uu, cny_fen AS uc, CAST(0 AS BIGINT) AS cu, CAST(0 AS BIGINT) AS cc FROM fdi_inflows WHERE \(condition)
              UNION ALL
              SELECT project_id, month, CAST(0 AS BIGINT), CAST(0 AS BIGINT), usd_cents, cny_fen FROM fdi_contracted WHERE \(condition)
            ) t GROUP BY project_id, month
            """
    }
}

/// The roll-up table, backfilled from the ledgers in batches of projects.
struct CreateFDIProjectMonths: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("fdi_project_months")
            .field("project_id", .uuid, .required, .references("investment_projects", "id"))
            .field("month", .string, .required)
            .field("utilised_usd_cents", .int64, .required).field("utilised_cny_fen", .int64, .required)
            .field("contracted_usd_cents", .int64, .required).field("contracted_cny_fen", .int64, .required)
            .compositeIdentifier(over: "project_id", "month")
            .create()
        if let sql = db as? any SQLDatabase {
            // The report reads a range of months and joins the project: month first, covering.
            try await sql.create(index: "fdi_project_months_month_idx").on("fdi_project_months")
                .column("month").column("project_id").column("utilised_usd_cents").column("utilised_cny_fen")
                .column("contracted_usd_cents").column("contracted_cny_fen").run()
        }
        try await FDIRollup.rebuild(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("fdi_project_months").delete()
    }
}
