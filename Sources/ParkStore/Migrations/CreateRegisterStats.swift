import FluentKit
import SQLKit

/// The register's park-wide counts (the home page's tiles and bars) stored as one row, so the
/// most visited page reads one row instead of scanning 100,000 enterprises four times. Any
/// insert, update or delete on `enterprises` — through ParkOS or not, one row or a bulk import —
/// deletes the stored row in the same transaction (a trigger), and the next reader computes it
/// again from the table (`EnterpriseRepository.stats()`).
struct CreateRegisterStats: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE TABLE register_stats (id INTEGER PRIMARY KEY, computed_at_millis BIGINT NOT NULL, body TEXT NOT NULL)
            """).run()
        if sql.dialect.name == "sqlite" {
            for op in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER enterprises_stats_stale_\(unsafeRaw: op.lowercased()) AFTER \(unsafeRaw: op) ON enterprises
                    BEGIN DELETE FROM register_stats; END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION enterprises_stats_stale() RETURNS trigger AS $$
                BEGIN DELETE FROM register_stats; RETURN NULL; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER enterprises_stats_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises
                FOR EACH STATEMENT EXECUTE FUNCTION enterprises_stats_stale()
                """).run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for op in ["insert", "update", "delete"] { try await sql.raw("DROP TRIGGER IF EXISTS enterprises_stats_stale_\(unsafeRaw: op)").run() }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS enterprises_stats_stale ON enterprises").run()
            try await sql.raw("DROP FUNCTION IF EXISTS enterprises_stats_stale()").run()
        }
        try await sql.raw("DROP TABLE register_stats").run()
    }
}
