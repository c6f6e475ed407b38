import FluentKit
import SQLKit

/// Working days the project spent at the stage an approved move leaves, stored when the head
/// approves it, so the report's medians come from a GROUP BY histogram instead of reading
/// every move. Moves approved before this column have none and are left out of the medians.
struct UpdateStageMovesDaysAtStage: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("project_stage_moves").field("days_at_stage", .int).update()
        try await SQLIndexes.create(on: db, table: "project_stage_moves", columns: ["effective_on"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("project_stage_moves").deleteField("days_at_stage").update()
    }
}

/// The FDI report groups a range of months of each ledger by project: an index on (month,
/// project_id, usd_cents, cny_fen) answers it from the index alone. With 100,000 projects and
/// 1,000,000 inflows the 2020 report (`parkos fdi report`, debug build, loaded machine) went
/// from 12.9 s to 4.1 s on SQLite and from 7.5–8.0 s to 6.1–7.5 s on PostgreSQL.
struct UpdateFDILedgersCoveringIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for table in ["fdi_inflows", "fdi_contracted"] {
            try await sql.create(index: "\(table)_month_cover_idx").on(table)
                .column("month").column("project_id").column("usd_cents").column("cny_fen").run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for table in ["fdi_inflows", "fdi_contracted"] { try await sql.drop(index: "\(table)_month_cover_idx").run() }
    }
}
