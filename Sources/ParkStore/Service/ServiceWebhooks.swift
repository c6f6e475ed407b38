import Crypto
import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Sends one webhook POST; the server gives it an HTTP client (the store does no networking).
public protocol WebhookTransport: Sendable {
    /// POSTs `body` to `url`; the HTTP status, or a thrown error when nothing came back.
    func post(url: String, headers: [(String, String)], body: Data) async throws -> Int
}

/// A department's group-bot webhook (WeCom/DingTalk style): where to POST and the secret that signs.
public struct DepartmentWebhook: Sendable, Codable, Hashable {
    public var department: String
    public var url: String
    public var active: Bool
    public init(department: String, url: String, active: Bool) { self.department = department; self.url = url; self.active = active }
}

/// One delivery as its log shows it.
public struct WebhookDelivery: Sendable, Codable, Hashable {
    public var id: UUID
    public var department: String
    public var event: String
    public var state: String
    public var attempts: Int
    public var payload: String
}

/// The outbox of department webhooks, in the database: a delivery is queued in the same
/// transaction as the change it reports, claimed by whichever instance runs the deliverer
/// (`FOR UPDATE SKIP LOCKED` on PostgreSQL), retried with back-off, every attempt logged.
public struct WebhookQueue: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// Attempts before a delivery is given up (failed).
    public static let maxAttempts = 6
    /// Seconds to wait after the n-th failed attempt: 10 s × 4^(n−1) (10 s, 40 s, 160 s, …, 2h50).
    public static func backoffSeconds(afterAttempt n: Int) -> Int64 { 10 * Int64(1) << (2 * Int64(max(0, min(n, 10) - 1))) }
    /// How long a claimed delivery is held before another instance may retry it.
    static let leaseMillis: Int64 = 60_000

    // MARK: configuration

    /// Sets (or replaces) a department's webhook; admins or the department's head. An http(s)
    /// URL and a secret of at least 16 characters.
    public func configure(department: String, url: String, secret: String, active: Bool, by p: Principal) async throws -> DepartmentWebhook {
        guard p.isHead(of: department) else {
            throw DomainError(.forbidden, code: "forbidden", field: "department",
                              en: "an administrator or the department's head sets its webhook", zh: "仅管理员或部门负责人可设置部门推送")
        }
        guard let u = URL(string: url), let scheme = u.scheme, ["http", "https"].contains(scheme), u.host != nil, url.count <= 500 else {
            throw DomainError(code: "invalid_url", field: "url", en: "the webhook URL must be an http(s) URL", zh: "推送地址须为 http(s) 网址")
        }
        guard secret.count >= 16, secret.count <= 200 else {
            throw DomainError(code: "weak_secret", field: "secret", en: "the signing secret needs 16–200 characters", zh: "签名密钥须为 16–200 个字符")
        }
        guard try await DepartmentModelRead.exists(department, on: db) else {
            throw DomainError.notFound("department", id: department)
        }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let m = try await ServiceWebhookModel.find(department, on: tx) ?? ServiceWebhookModel()
            let before = m.id.map { _ in DepartmentWebhook(department: department, url: m.url, active: m.active) }
            m.id = department; m.url = url; m.secret = secret; m.active = active; m.updatedAtMillis = clock.millis
            try await m.save(on: tx)
            let after = DepartmentWebhook(department: department, url: url, active: active)
            // The secret never enters the audit trail.
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "webhook", entityType: "service_webhook",
                                                            entityID: department, before: before, after: after)
            return after
        }
    }

    public func webhooks() async throws -> [DepartmentWebhook] {
        try await ServiceWebhookModel.query(on: db).sort(\.$id).all().map { DepartmentWebhook(department: $0.id!, url: $0.url, active: $0.active) }
    }

    // MARK: queue

    /// Queues a delivery for the department's active webhook (nothing when it has none).
    func enqueue(department: String, event: String, request: ServiceRequest, text: Bilingual) async throws {
        guard let hook = try await ServiceWebhookModel.find(department, on: db), hook.active else { return }
        let payload: [String: String] = [
            "event": event, "department": department, "request_id": request.id.uuidString, "reference": request.reference,
            "title": request.title, "text_zh": text.zh, "text_en": text.en, "state": request.state.rawValue,
            "msgtype": "text", "content": text.zh,
        ]
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        let m = WebhookDeliveryModel()
        m.id = UUID(); m.department = department; m.event = event; m.requestID = request.id
        m.payload = String(decoding: try enc.encode(payload), as: UTF8.self)
        m.state = "pending"; m.attempts = 0; m.nextAttemptMillis = clock.millis; m.createdAtMillis = clock.millis
        try await m.create(on: db)
    }

    struct Claimed: Sendable { var id: UUID; var url: String; var secret: String; var payload: String }

    /// Claims up to `limit` due deliveries: each is leased for a minute and its attempt counted,
    /// so a crash mid-send retries it later and two instances never send it at once.
    func claim(limit: Int) async throws -> [Claimed] {
        let now = clock.millis
        return try await WriteGate.write(db) { tx in
            guard let sql = tx as? any SQLDatabase else { return [] }
            let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE SKIP LOCKED"
            let rows = try await sql.raw("""
                SELECT id FROM service_webhook_deliveries WHERE state = \(bind: "pending") AND next_attempt_ms <= \(bind: now)
                ORDER BY next_attempt_ms LIMIT \(bind: limit)\(unsafeRaw: lock)
                """).all()
            var out: [Claimed] = []
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                guard let d = try await WebhookDeliveryModel.find(id, on: tx) else { continue }
                guard let hook = try await ServiceWebhookModel.find(d.department, on: tx), hook.active else {
                    d.state = "cancelled"; try await d.save(on: tx); continue
                }
                d.attempts += 1; d.nextAttemptMillis = now + Self.leaseMillis
                try await d.save(on: tx)
                out.append(Claimed(id: id, url: hook.url, secret: hook.secret, payload: d.payload))
            }
            return out
        }
    }

    /// Logs an attempt and settles the delivery: delivered on 2xx, else retried with back-off
    /// until `maxAttempts`, then failed.
    func record(_ id: UUID, status: Int?, error: String?, durationMillis: Int64) async throws {
        let now = clock.millis
        try await WriteGate.write(db) { tx in
            guard let d = try await WebhookDeliveryModel.find(id, on: tx) else { return }
            let a = WebhookAttemptModel()
            a.id = UUID(); a.deliveryID = id; a.atMillis = now; a.statusCode = status; a.error = error.map { String($0.prefix(500)) }
            a.durationMillis = durationMillis
            try await a.create(on: tx)
            if let s = status, (200..<300).contains(s) {
                d.state = "delivered"; d.deliveredAtMillis = now
            } else if d.attempts >= Self.maxAttempts {
                d.state = "failed"
            } else {
                d.nextAttemptMillis = now + Self.backoffSeconds(afterAttempt: d.attempts) * 1000
            }
            try await d.save(on: tx)
        }
    }

    /// `sha256=<hex>` of HMAC-SHA-256 over "<timestamp>.<body>" with the department's secret.
    public static func signature(secret: String, timestamp: String, body: Data) -> String {
        var message = Data((timestamp + ".").utf8); message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Hex.lower(mac)
    }

    /// Sends what is due once: claim, POST signed, record. Returns the deliveries attempted.
    @discardableResult
    public func deliverDue(using transport: any WebhookTransport, limit: Int = 50) async throws -> Int {
        let claimed = try await claim(limit: limit)
        for c in claimed {
            let body = Data(c.payload.utf8)
            let ts = String(clock.millis / 1000)
            let headers = [("Content-Type", "application/json"), ("X-ParkOS-Timestamp", ts),
                           ("X-ParkOS-Signature", Self.signature(secret: c.secret, timestamp: ts, body: body))]
            let start = Date()
            do {
                let status = try await transport.post(url: c.url, headers: headers, body: body)
                try await record(c.id, status: status, error: status < 300 ? nil : "HTTP \(status)", durationMillis: Int64(Date().timeIntervalSince(start) * 1000))
            } catch {
                try await record(c.id, status: nil, error: String(describing: error), durationMillis: Int64(Date().timeIntervalSince(start) * 1000))
            }
        }
        return claimed.count
    }

    /// Deliveries, newest first, with their attempts' count (the log the console shows).
    public func deliveries(limit: Int = 50) async throws -> [WebhookDelivery] {
        try await WebhookDeliveryModel.query(on: db).sort(\.$createdAtMillis, .descending).limit(limit).all().map {
            WebhookDelivery(id: $0.id!, department: $0.department, event: $0.event, state: $0.state, attempts: $0.attempts, payload: $0.payload)
        }
    }

    /// Every attempt of one delivery: (time, status, error).
    public func attempts(of delivery: UUID) async throws -> [(atMillis: Int64, status: Int?, error: String?)] {
        try await WebhookAttemptModel.query(on: db).filter(\.$deliveryID == delivery).sort(\.$atMillis).all().map { ($0.atMillis, $0.statusCode, $0.error) }
    }
}
