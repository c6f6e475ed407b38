import FluentKit

/// Officers hold a position (staff, head of department, park leadership): heads approve
/// investment stage reviews and receive escalations. Null means staff (accounts from before).
struct UpdateUsersPosition: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("position", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("position").update()
    }
}
