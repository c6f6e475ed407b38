import Foundation
import FluentKit
import SQLKit

/// An alert's title and text in both languages: `title` and `body` keep the Chinese, `title_en`
/// and `body_en` the English. Downgrade alerts stored before this were one "中文 / English"
/// title and a two-line text; they are split here so their readers see one language too.
/// (Officers' alerts of before read the same in both languages: they were written once.)
struct UpdateOutboundAlertsBilingual: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbound_alerts").field("title_en", .string).update()
        try await db.schema("outbound_alerts").field("body_en", .string).update()
        guard let sql = db as? any SQLDatabase else { return }
        let rows = try await sql.raw("SELECT id, title, body FROM outbound_alerts WHERE cause = 'downgrade'").all()
        for r in rows {
            let id = try r.decode(column: "id", as: UUID.self)
            let title = try r.decode(column: "title", as: String.self), body = try r.decode(column: "body", as: String.self)
            guard let cut = title.range(of: " / ") else { continue }
            let lines = body.split(separator: "\n", maxSplits: 1).map(String.init)
            try await sql.raw("""
                UPDATE outbound_alerts SET title = \(bind: String(title[..<cut.lowerBound])), title_en = \(bind: String(title[cut.upperBound...])),
                body = \(bind: lines.first ?? body), body_en = \(bind: lines.count > 1 ? lines[1] : body) WHERE id = \(bind: id)
                """).run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbound_alerts").deleteField("title_en").update()
        try await db.schema("outbound_alerts").deleteField("body_en").update()
    }
}

/// Which inbox message (issue 12's `service_notifications`) carries which alert, so a firm's user
/// reading the alert in the inbox counts as the firm's receipt.
struct CreateOutboundAlertMessages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbound_alert_messages")
            .field("message_id", .uuid, .identifier(auto: false))
            .field("alert_id", .uuid, .required, .references("outbound_alerts", "id"))
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_alert_messages", columns: ["alert_id"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbound_alert_messages").delete()
    }
}
