import FluentKit
import Foundation
import ParkDomain

/// Writes inbox messages (and, for departments, webhook deliveries) inside the caller's
/// transaction: a notice exists exactly when the change that caused it committed.
struct Notifier: Sendable {
    let db: any Database
    let clock: ParkClock

    /// Writes one message to each user; returns the messages' ids.
    @discardableResult
    func notify(users: [UUID], request: UUID?, kind: String, text: Bilingual) async throws -> [UUID] {
        var ids: [UUID] = []
        for u in Set(users) {
            let m = ServiceNotificationModel()
            m.id = UUID(); m.userID = u; m.requestID = request; m.kind = kind
            m.textZh = text.zh; m.textEn = text.en; m.createdAtMillis = clock.millis
            try await m.create(on: db)
            ids.append(m.id!)
        }
        return ids
    }

    func officers(of department: String, position: Position? = nil) async throws -> [UUID] {
        let q = UserModel.query(on: db).filter(\.$role == Role.officer.rawValue).filter(\.$departmentCode == department)
            .filter(\.$disabled == false)
        return try await q.all().filter { position == nil || ($0.position ?? Position.staff.rawValue) == position!.rawValue }.compactMap(\.id)
    }

    /// Every officer of the department, and the department's webhook.
    func notifyDepartment(_ department: String, request: ServiceRequest, kind: String, text: Bilingual) async throws {
        try await notify(users: try await officers(of: department), request: request.id, kind: kind, text: text)
        try await WebhookQueue(db: db, clock: clock).enqueue(department: department, event: kind, request: request, text: text)
    }

    /// The department's head(s); a department without one: all its officers.
    func notifyHeads(of department: String, request: UUID, kind: String, text: Bilingual) async throws {
        var heads = try await officers(of: department, position: .head)
        if heads.isEmpty { heads = try await officers(of: department) }
        try await notify(users: heads, request: request, kind: kind, text: text)
    }

    /// Park leadership (officers with the leader position).
    func notifyLeadership(request: UUID, kind: String, text: Bilingual) async throws {
        let leaders = try await UserModel.query(on: db).filter(\.$role == Role.officer.rawValue).filter(\.$position == Position.leader.rawValue)
            .filter(\.$disabled == false).all().compactMap(\.id)
        try await notify(users: leaders, request: request, kind: kind, text: text)
    }

    /// The requesting enterprise's users.
    func notifyEnterprise(_ r: ServiceRequest, kind: String, text: Bilingual) async throws {
        let users = try await UserModel.query(on: db).filter(\.$enterpriseID == r.enterpriseID).filter(\.$disabled == false).all().compactMap(\.id)
        try await notify(users: users, request: r.id, kind: kind, text: text)
    }
}

/// The in-app inbox: a user's messages, newest first, and the unread count for the header.
public struct ServiceInbox: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func unreadCount(_ user: UUID) async throws -> Int {
        try await ServiceNotificationModel.query(on: db).filter(\.$userID == user).filter(\.$readAtMillis == nil).count()
    }

    public func items(_ user: UUID, page: ParkDomain.PageRequest) async throws -> Page<InboxItem> {
        let q = ServiceNotificationModel.query(on: db).filter(\.$userID == user)
        let total = try await q.copy().count()
        let rows = try await q.sort(\.$createdAtMillis, .descending).sort(\.$id).range(page.offset..<(page.offset + page.perPage)).all()
        return Page(items: rows.map { $0.toDomain() }, total: total, page: page.page, perPage: page.perPage)
    }

    /// Marks one message (or, with nil, all of them) read; another user's message is "not found".
    public func markRead(_ user: UUID, id: UUID?) async throws {
        let now = clock.millis
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            // An outbound risk alert read here is the firm's receipt of it (issue 14).
            try await OutboundInboxReceipts.read(user: user, message: id, on: tx, clock: clock)
            if let id {
                guard let m = try await ServiceNotificationModel.find(id, on: tx), m.userID == user else {
                    throw DomainError.notFound("message", id: id.uuidString)
                }
                if m.readAtMillis == nil { m.readAtMillis = now; try await m.save(on: tx) }
            } else {
                try await ServiceNotificationModel.query(on: tx).filter(\.$userID == user).filter(\.$readAtMillis == nil)
                    .set(\.$readAtMillis, to: now).update()
            }
        }
    }
}
