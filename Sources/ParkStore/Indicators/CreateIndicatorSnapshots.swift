import FluentKit
import SQLKit

/// The stored, dated snapshot of ParkOS's own figures per month (issue 13, speed): the figures
/// as JSON, when they were computed and the audit log's head then (writes after it make the
/// snapshot stale), and the claim on its refresh (who, until when), so that several instances
/// sharing the database do not compute the same refresh at once.
struct CreateIndicatorSnapshots: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("indicator_snapshots")
            .field("month", .string, .identifier(auto: false))
            .field("figures", .string)
            .field("computed_at_ms", .int64)
            .field("audit_seq", .int64)
            .field("claimed_by", .string)
            .field("claimed_until_ms", .int64)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("indicator_snapshots").delete()
    }
}
