import FluentKit

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
