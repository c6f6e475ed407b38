import FluentKit

/// Enterprises are deregistered (注销, with date and reason) instead of deleted once anything
/// refers to them. One column per ALTER, as SQLite requires.
struct UpdateEnterprisesDeregistration: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("enterprises").field("deregistered_on", .string).update()
        try await db.schema("enterprises").field("deregistration_reason", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("enterprises").deleteField("deregistration_reason").update()
        try await db.schema("enterprises").deleteField("deregistered_on").update()
    }
}
