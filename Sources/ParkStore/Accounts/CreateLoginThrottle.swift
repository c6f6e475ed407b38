import FluentKit

/// Failed sign-in counters, in the database so that every ParkOS instance behind a proxy sees
/// the same counts (and a restart does not reset them). One row per counter key (a digest).
struct CreateLoginThrottle: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("login_throttle")
            .field("throttle_key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("window_start_ms", .int64, .required)
            .field("last_failure_ms", .int64, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("login_throttle").delete()
    }
}
