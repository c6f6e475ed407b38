import FluentKit
import SQLKit

/// The append-only audit trail. Besides the hash chain, the database itself refuses UPDATE
/// and DELETE on the table (a trigger), so only someone who drops the trigger can tamper,
/// and `parkos audit verify` then finds it.
struct CreateAuditTrail: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .field("seq", .int, .identifier(auto: false))
            .field("at_ms", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "audit_entries", columns: ["entity_id"])
        try await AppendOnly.protect(table: "audit_entries", on: db)
    }

    func revert(on db: any Database) async throws {
        try await AppendOnly.unprotect(table: "audit_entries", on: db)
        try await db.schema("audit_head").delete()
        try await db.schema("audit_entries").delete()
    }
}

/// Database triggers that make a table append-only, for SQLite and PostgreSQL.
public enum AppendOnly {
    public static func protect(table: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for op in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: op.lowercased()) BEFORE \(unsafeRaw: op) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: table) is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """).run()
        }
    }

    public static func unprotect(table: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for op in ["update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_\(unsafeRaw: op)").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)").run()
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: table)_append_only()").run()
        }
    }
}

enum SQLIndexes {
    static func create(on db: any Database, table: String, columns: [String]) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for c in columns {
            try await sql.create(index: "\(table)_\(c)_idx").on(table).column(c).run()
        }
    }
}
