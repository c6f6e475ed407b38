import FluentKit

struct CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("department_code", .string)
            .field("enterprise_id", .uuid, .references("enterprises", "id", onDelete: .restrict))
            .field("disabled", .bool, .required)
            .field("created_at_ms", .int64, .required)
            .unique(on: "username")
            .create()
        try await db.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("csrf_token", .string, .required)
            .field("expires_at_ms", .int64, .required)
            .field("created_at_ms", .int64, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sessions").delete()
        try await db.schema("users").delete()
    }
}
