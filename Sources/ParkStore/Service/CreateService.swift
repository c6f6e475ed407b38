import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The service catalogue (categories with their lead department and time limits), seeded
/// with `ServiceCatalogue.defaults`.
struct CreateServiceCatalogue: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("service_categories")
            .field("code", .string, .identifier(auto: false))
            .field("name_zh", .string, .required).field("name_en", .string, .required)
            .field("lead_department", .string, .required, .references("departments", "code"))
            .field("accept_days", .int, .required).field("first_reply_days", .int, .required)
            .field("resolve_days", .int, .required).field("max_resolve_days", .int, .required)
            .field("return_days", .int, .required).field("warn_percent", .int, .required)
            .field("leader_percent", .int, .required).field("active", .bool, .required)
            .field("position", .int, .required)
            .create()
        for (i, c) in ServiceCatalogue.defaults.enumerated() {
            let m = ServiceCategoryModel(); m.apply(c); m.position = i
            try await m.create(on: db)
        }
    }

    func revert(on db: any Database) async throws { try await db.schema("service_categories").delete() }
}

/// Requests, their task-force subtasks, clocks, thread, attachments and call-backs.
struct CreateServiceRequests: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("service_requests")
            .id()
            .field("number", .int, .required)
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("category", .string, .required, .references("service_categories", "code"))
            .field("lead_department", .string, .required)
            .field("title", .string, .required).field("description", .string, .required)
            .field("urgency", .string, .required).field("channel", .string, .required)
            .field("contact_name", .string, .required).field("contact_phone", .string, .required)
            .field("state", .string, .required).field("is_open", .bool, .required)
            .field("received_on", .string, .required).field("received_month", .string, .required)
            .field("dispatched_on", .string)
            .field("accepted_on", .string).field("accepted_in_time", .bool)
            .field("first_reply_on", .string).field("first_reply_in_time", .bool)
            .field("replied_on", .string).field("resolved_in_time", .bool)
            .field("closed_on", .string).field("reopened_count", .int, .required)
            .field("rating", .int).field("rating_comment", .string).field("satisfied", .bool)
            .field("precedent", .bool, .required).field("precedent_title", .string)
            .field("due_on", .string).field("overdue_level", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at_ms", .int64, .required).field("updated_at_ms", .int64, .required)
            .unique(on: "number")
            .create()
        try await db.schema("service_subtasks")
            .id()
            .field("request_id", .uuid, .required, .references("service_requests", "id"))
            .field("department", .string, .required)
            .field("assignee_id", .uuid).field("assignee_name", .string)
            .field("state", .string, .required).field("is_open", .bool, .required)
            .field("instructions", .string, .required).field("result", .string)
            .field("limit_days", .int, .required).field("due_on", .string)
            .field("done_on", .string)
            .field("created_at_ms", .int64, .required).field("updated_at_ms", .int64, .required)
            .unique(on: "request_id", "department")
            .create()
        try await db.schema("service_clocks")
            .id()
            .field("request_id", .uuid, .required, .references("service_requests", "id"))
            .field("subtask_id", .uuid)
            .field("kind", .string, .required).field("department", .string, .required)
            .field("assignee_id", .uuid)
            .field("started_on", .string, .required).field("limit_days", .int, .required)
            .field("paused_days", .int, .required).field("paused_on", .string).field("stopped_on", .string)
            .field("extended", .bool, .required).field("warn_percent", .int, .required).field("leader_percent", .int, .required)
            .field("is_open", .bool, .required)
            .field("warn_on", .string).field("due_on", .string).field("leader_on", .string)
            .field("level", .int, .required)
            .field("extension_days", .int).field("extension_reason", .string).field("extension_by", .string)
            .create()
        try await db.schema("service_messages")
            .id()
            .field("request_id", .uuid, .required, .references("service_requests", "id"))
            .field("subtask_id", .uuid)
            .field("kind", .string, .required).field("visible", .bool, .required)
            .field("author_id", .uuid).field("author_name", .string, .required).field("author_role", .string, .required)
            .field("department", .string)
            .field("body", .string, .required)
            .field("created_at_ms", .int64, .required)
            .create()
        try await db.schema("service_attachments")
            .id()
            .field("request_id", .uuid, .required, .references("service_requests", "id"))
            .field("internal", .bool, .required)
            .field("filename", .string, .required).field("content_type", .string, .required)
            .field("size_bytes", .int, .required).field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required).field("created_at_ms", .int64, .required)
            .create()
        try await db.schema("service_callbacks")
            .id()
            .field("request_id", .uuid, .required, .references("service_requests", "id"))
            .field("called_on", .string, .required).field("satisfied", .bool, .required)
            .field("notes", .string, .required).field("officer", .string, .required)
            .field("created_at_ms", .int64, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        // The queues: a department's open work by deadline; the sweep's thresholds; the portal's own list.
        let indexes: [(String, String, [String])] = [
            ("service_requests_queue_idx", "service_requests", ["lead_department", "is_open", "due_on"]),
            ("service_requests_enterprise_idx", "service_requests", ["enterprise_id", "created_at_ms"]),
            ("service_requests_month_idx", "service_requests", ["received_month", "lead_department"]),
            ("service_requests_open_due_idx", "service_requests", ["is_open", "due_on"]),
            ("service_requests_state_idx", "service_requests", ["state", "created_at_ms"]),
            ("service_subtasks_queue_idx", "service_subtasks", ["department", "is_open", "due_on"]),
            ("service_subtasks_request_idx", "service_subtasks", ["request_id"]),
            ("service_clocks_request_idx", "service_clocks", ["request_id"]),
            ("service_clocks_warn_idx", "service_clocks", ["is_open", "level", "warn_on"]),
            ("service_messages_request_idx", "service_messages", ["request_id", "created_at_ms"]),
            ("service_attachments_request_idx", "service_attachments", ["request_id"]),
            ("service_callbacks_request_idx", "service_callbacks", ["request_id"]),
        ]
        for (name, table, columns) in indexes {
            try await ServiceIndexes.create(sql, name, on: table, columns)
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["service_callbacks", "service_attachments", "service_messages", "service_clocks", "service_subtasks", "service_requests"] {
            try await db.schema(t).delete()
        }
    }
}

/// The inbox, department webhooks with their delivery log, and Open311 API keys.
struct CreateServiceNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("service_notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("request_id", .uuid, .references("service_requests", "id"))
            .field("kind", .string, .required)
            .field("text_zh", .string, .required).field("text_en", .string, .required)
            .field("created_at_ms", .int64, .required).field("read_at_ms", .int64)
            .create()
        try await db.schema("service_webhooks")
            .field("department", .string, .identifier(auto: false))
            .field("url", .string, .required).field("secret", .string, .required)
            .field("active", .bool, .required).field("updated_at_ms", .int64, .required)
            .create()
        try await db.schema("service_webhook_deliveries")
            .id()
            .field("department", .string, .required).field("event", .string, .required)
            .field("request_id", .uuid)
            .field("payload", .string, .required).field("state", .string, .required)
            .field("attempts", .int, .required).field("next_attempt_ms", .int64, .required)
            .field("created_at_ms", .int64, .required).field("delivered_at_ms", .int64)
            .create()
        try await db.schema("service_webhook_attempts")
            .id()
            .field("delivery_id", .uuid, .required, .references("service_webhook_deliveries", "id"))
            .field("at_ms", .int64, .required).field("status_code", .int).field("error", .string)
            .field("duration_ms", .int64, .required)
            .create()
        try await db.schema("service_api_keys")
            .id()
            .field("name", .string, .required).field("key_hash", .string, .required)
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .field("revoked", .bool, .required)
            .unique(on: "key_hash")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        try await ServiceIndexes.create(sql, "service_notifications_user_idx", on: "service_notifications", ["user_id", "read_at_ms", "created_at_ms"])
        try await ServiceIndexes.create(sql, "service_webhook_deliveries_due_idx", on: "service_webhook_deliveries", ["state", "next_attempt_ms"])
        try await ServiceIndexes.create(sql, "service_webhook_attempts_delivery_idx", on: "service_webhook_attempts", ["delivery_id"])
    }

    func revert(on db: any Database) async throws {
        for t in ["service_api_keys", "service_webhook_attempts", "service_webhook_deliveries", "service_webhooks", "service_notifications"] {
            try await db.schema(t).delete()
        }
    }
}

/// Text search over requests in both languages with the database's own index: SQLite FTS5 with
/// the trigram tokenizer (rowid = request number), PostgreSQL pg_trgm GIN indexes.
struct CreateServiceSearch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE service_request_search USING fts5(title, body, tokenize = 'trigram')").run()
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX service_requests_title_trgm_idx ON service_requests USING gin (title gin_trgm_ops)").run()
            try await sql.raw("CREATE INDEX service_requests_description_trgm_idx ON service_requests USING gin (description gin_trgm_ops)").run()
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TABLE IF EXISTS service_request_search").run()
        } else {
            try await sql.raw("DROP INDEX IF EXISTS service_requests_title_trgm_idx").run()
            try await sql.raw("DROP INDEX IF EXISTS service_requests_description_trgm_idx").run()
        }
    }
}

/// Composite indexes (SQLKit's builder takes one column at a time).
enum ServiceIndexes {
    static func create(_ sql: any SQLDatabase, _ name: String, on table: String, _ columns: [String]) async throws {
        var b = sql.create(index: name).on(table)
        for c in columns { b = b.column(c) }
        try await b.run()
    }
}
