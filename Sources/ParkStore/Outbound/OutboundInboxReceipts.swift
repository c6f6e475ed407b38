import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The firm's receipt of a risk alert, however its user read it: *mark read* on the firm's
/// outbound page, or the alert's message read in the in-app inbox (issue 12). The first reader
/// of a firm stands for the firm (the officer sees who and when); each receipt is audited.
enum OutboundInboxReceipts {
    /// Called by the inbox inside its write: the alerts among the user's unread messages (one
    /// message, or all of them with nil) become read by the user's firm.
    static func read(user: UUID, message: UUID?, on tx: any Database, clock: ParkClock) async throws {
        let sql = try OutboundRows.requireSQL(tx)
        var q = SQLQueryString("""
            SELECT m.alert_id, u.enterprise_id, u.username, u.role FROM outbound_alert_messages m
            JOIN service_notifications n ON n.id = m.message_id JOIN users u ON u.id = n.user_id
            WHERE n.user_id = 
            """)
        q.appendInterpolation(bind: user)
        q.appendInterpolation(unsafeRaw: " AND n.read_at_ms IS NULL")
        if let message { q.appendInterpolation(unsafeRaw: " AND n.id = "); q.appendInterpolation(bind: message) }
        for r in try await sql.raw(q).all() {
            guard try r.decode(column: "role", as: String.self) == Role.enterprise.rawValue,
                  let firm = try r.decode(column: "enterprise_id", as: UUID?.self) else { continue }
            let reader = Principal(userID: user, name: try r.decode(column: "username", as: String.self), role: .enterprise, enterpriseID: firm)
            try await record(try r.decode(column: "alert_id", as: UUID.self), firm: firm, by: reader, via: "inbox", on: tx, clock: clock)
        }
    }

    /// Marks the firm's delivery of the alert read, once, audited; false when it was already read.
    @discardableResult
    static func record(_ alertID: UUID, firm: UUID, by p: Principal, via: String, on tx: any Database, clock: ParkClock) async throws -> Bool {
        let sql = try OutboundRows.requireSQL(tx)
        let unread = try await sql.raw("""
            SELECT COUNT(*) AS n FROM outbound_alert_deliveries WHERE alert_id = \(bind: alertID) AND enterprise_id = \(bind: firm) AND read_at_ms IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard unread > 0 else { return false }
        try await sql.raw("""
            UPDATE outbound_alert_deliveries SET read_at_ms = \(bind: clock.millis), read_by = \(bind: p.name)
            WHERE alert_id = \(bind: alertID) AND enterprise_id = \(bind: firm)
            """).run()
        try await AuditLog(db: tx, clock: clock).append(by: p, action: "read", entityType: "outbound_alert", entityID: alertID.uuidString,
                                                        beforeJSON: nil, afterJSON: AuditLogJSON.object(["enterprise_id": firm.uuidString, "read": "true", "via": via]))
        return true
    }

    /// The firm's users' inbox messages of the alert, marked read when the firm reads it on its
    /// outbound page, so the inbox does not go on calling it unread.
    static func markMessagesRead(_ alertID: UUID, firm: UUID, on tx: any Database, clock: ParkClock) async throws {
        try await OutboundRows.requireSQL(tx).raw("""
            UPDATE service_notifications SET read_at_ms = \(bind: clock.millis) WHERE read_at_ms IS NULL
            AND id IN (SELECT message_id FROM outbound_alert_messages WHERE alert_id = \(bind: alertID))
            AND user_id IN (SELECT id FROM users WHERE enterprise_id = \(bind: firm))
            """).run()
    }
}
