import FluentKit

/// An audit entry may carry the reason its author gave for the change (an edit of the
/// register asks for one). Adding a nullable column is not an UPDATE of the rows, so the
/// append-only triggers let it through; old entries keep their seals (see `canonicalText`).
struct UpdateAuditReason: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries").field("reason", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_entries").deleteField("reason").update()
    }
}
