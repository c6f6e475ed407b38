import FluentKit
import SQLKit

/// A covering index for the statistics: every aggregate reads its projects by agreement date and
/// needs only these columns, so SQLite and PostgreSQL answer from the index without the table's
/// wide rows (titles, amounts as text). Measured with `outbound-db-bench`.
struct UpdateOutboundProjectsStatsIndex: AsyncMigration {
    static let name = "outbound_projects_stats_idx"

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: Self.name).on("outbound_projects")
            .column("agreed_on").column("stage").column("belt_and_road").column("enterprise_id").column("country_code")
            .column("region").column("industry_code").column("form").column("amount_yuan_fen").column("amount_usd_cents")
            .run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: Self.name).run()
    }
}
