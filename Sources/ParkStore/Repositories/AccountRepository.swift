import FluentKit
import SQLKit
import Foundation
import ParkDomain
import Vapor

/// User accounts, passwords (bcrypt) and sessions / API tokens (only their SHA-256 is stored).
public struct AccountRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    /// bcrypt cost; 12 in production, lower in tests and for demo seeding.
    public let bcryptCost: Int
    public static let entityType = "user"
    public static let sessionLifetimeMillis: Int64 = 12 * 3600 * 1000

    public init(db: any Database, clock: ParkClock = .system, bcryptCost: Int = 12) {
        self.db = db; self.clock = clock; self.bcryptCost = bcryptCost
    }

    public struct NewUser: Sendable {
        public var username: String
        public var displayName: String
        public var password: String
        public var role: Role
        public var departmentCode: String?
        public var enterpriseID: UUID?
        public var position: Position
        public init(username: String, displayName: String, password: String, role: Role,
                    departmentCode: String? = nil, enterpriseID: UUID? = nil, position: Position = .staff) {
            self.username = username; self.displayName = displayName; self.password = password; self.role = role
            self.departmentCode = departmentCode; self.enterpriseID = enterpriseID; self.position = position
        }
    }

    public func create(_ new: NewUser, by principal: Principal) async throws -> UserAccount {
        try principal.requireAdmin()
        try AccountRules.validate(username: new.username)
        try AccountRules.validate(password: new.password)
        if new.displayName.count > 100 { throw DomainError.tooLong("display_name", max: 100) }
        try Self.validate(position: new.position, role: new.role)
        switch new.role {
        case .officer:
            guard let dept = new.departmentCode else { throw DomainError.required("department") }
            guard try await DepartmentModel.find(dept, on: db) != nil else {
                throw DomainError(code: "unknown_department", field: "department",
                                  en: "department '\(dept)' does not exist", zh: "部门“\(dept)”不存在")
            }
        case .enterprise:
            guard let eid = new.enterpriseID else { throw DomainError.required("enterprise") }
            guard try await EnterpriseModel.find(eid, on: db) != nil else {
                throw DomainError.notFound("enterprise", id: eid.uuidString)
            }
        case .admin: break
        }
        let hash = try Bcrypt.hash(new.password, cost: bcryptCost)
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            if try await UserModel.query(on: tx).filter(\.$username == new.username).count() > 0 {
                throw DomainError(.conflict, code: "duplicate_username", field: "username",
                                  en: "username \(new.username) is taken", zh: "用户名 \(new.username) 已被使用")
            }
            let m = UserModel()
            m.id = UUID(); m.username = new.username; m.displayName = new.displayName.isEmpty ? new.username : new.displayName
            m.passwordHash = hash; m.role = new.role.rawValue
            m.departmentCode = new.role == .officer ? new.departmentCode : nil
            m.enterpriseID = new.role == .enterprise ? new.enterpriseID : nil
            m.disabled = false; m.createdAtMillis = clock.millis
            m.position = new.position.rawValue
            try await m.create(on: tx)
            let user = m.toDomain()
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "create", entityType: Self.entityType,
                                                            entityID: user.id.uuidString, before: UserAccount?.none, after: user)
            return user
        }
    }

    /// How many accounts there are (an SQL count).
    public func count() async throws -> Int { try await UserModel.query(on: db).count() }

    public func list() async throws -> [UserAccount] {
        try await UserModel.query(on: db).sort(\.$username).all().map { $0.toDomain() }
    }

    public func find(_ id: UUID) async throws -> UserAccount? { try await UserModel.find(id, on: db)?.toDomain() }

    public func find(username: String) async throws -> UserAccount? {
        try await UserModel.query(on: db).filter(\.$username == username).first()?.toDomain()
    }

    /// Sets a password and signs the user out everywhere. One's own password needs the current
    /// one, so a stolen session or token alone cannot take the account over; an administrator
    /// resetting someone else's does not.
    public func setPassword(_ id: UUID, to password: String, current: String? = nil, by principal: Principal) async throws {
        guard principal.role == .admin || principal.userID == id else { try principal.requireAdmin(); return }
        if principal.userID == id {
            guard let current, let me = try await UserModel.find(id, on: db),
                  (try? Bcrypt.verify(current, created: me.passwordHash)) == true else {
                throw DomainError(.forbidden, code: "current_password_required", field: "current_password",
                                  en: "changing your own password needs your current password",
                                  zh: "修改自己的密码须提供当前密码")
            }
        }
        try AccountRules.validate(password: password)
        let hash = try Bcrypt.hash(password, cost: bcryptCost)
        try await change(id, action: "set_password", by: principal) { $0.passwordHash = hash }
        try await SessionModel.query(on: db).filter(\.$userID == id).delete()
    }

    /// Makes an officer staff, head of their department or park leadership (admins; audited).
    public func setPosition(_ id: UUID, _ position: Position, by principal: Principal) async throws {
        try principal.requireAdmin()
        guard let user = try await find(id) else { throw DomainError.notFound("user", id: id.uuidString) }
        try Self.validate(position: position, role: user.role)
        try await change(id, action: "set_position", by: principal) { $0.position = position.rawValue }
    }

    /// Only officers hold a position other than staff.
    static func validate(position: Position, role: Role) throws(DomainError) {
        if position != .staff && role != .officer {
            throw DomainError(code: "position_for_officers", field: "position",
                              en: "only officers can be head of a department or park leadership",
                              zh: "仅工作人员可设为部门负责人或园区领导")
        }
    }

    public func setDisabled(_ id: UUID, _ disabled: Bool, by principal: Principal) async throws {
        try principal.requireAdmin()
        if disabled && principal.userID == id {
            throw DomainError(code: "self_disable", field: "disabled", en: "you cannot disable your own account",
                              zh: "不能停用自己的账号")
        }
        try await change(id, action: disabled ? "disable" : "enable", by: principal) { $0.disabled = disabled }
        if disabled { try await SessionModel.query(on: db).filter(\.$userID == id).delete() }
    }

    private func change(_ id: UUID, action: String, by principal: Principal,
                        _ edit: @escaping @Sendable (UserModel) -> Void) async throws {
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            guard let m = try await UserModel.find(id, on: tx) else { throw DomainError.notFound("user", id: id.uuidString) }
            let before = m.toDomain()
            edit(m)
            try await m.update(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: action, entityType: Self.entityType,
                                                            entityID: id.uuidString, before: before, after: m.toDomain())
        }
    }

    /// Checks a username and password. Same answer (nil) for unknown user, wrong password and
    /// disabled account, so the answer does not reveal which usernames exist.
    public func authenticate(username: String, password: String) async throws -> UserAccount? {
        guard let m = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            _ = try? Bcrypt.verify(password, created: Self.dummyHash)
            return nil
        }
        guard (try? Bcrypt.verify(password, created: m.passwordHash)) == true, !m.disabled else { return nil }
        return m.toDomain()
    }

    /// A real hash to verify against when the user is unknown, so both paths take as long.
    static let dummyHash: String = (try? Bcrypt.hash("parkos-timing-equaliser", cost: 12)) ?? ""

    /// A session (console cookie) or API token: the raw token is returned once, only its hash kept.
    public struct IssuedToken: Sendable {
        public var token: String
        public var csrfToken: String
        public var expiresAtMillis: Int64
    }

    public func issueToken(for user: UserAccount, kind: String) async throws -> IssuedToken {
        // Expired sessions are cleared whenever a new one is issued, so the table stays small.
        try await SessionModel.query(on: db).filter(\.$expiresAtMillis <= clock.millis).delete()
        let token = Self.randomHex(32)
        let csrf = Self.randomHex(16)
        let m = SessionModel()
        m.id = UUID(); m.tokenHash = AuditLog.sha256(token); m.userID = user.id; m.kind = kind
        m.csrfToken = csrf; m.createdAtMillis = clock.millis; m.expiresAtMillis = clock.millis + Self.sessionLifetimeMillis
        try await m.create(on: db)
        return IssuedToken(token: token, csrfToken: csrf, expiresAtMillis: m.expiresAtMillis)
    }

    /// The user and CSRF token behind a live token, or nil.
    public func resolve(token: String) async throws -> (user: UserAccount, csrfToken: String)? {
        guard token.count == 64 else { return nil }
        // Every signed-in request asks this: one join, read as plain rows (no Fluent models).
        guard let sql = db as? any SQLDatabase else { return nil }
        guard let r = try await sql.raw("""
            SELECT u.id, u.username, u.display_name, u.role, u.department_code, u.enterprise_id, u.position, s.csrf_token
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: AuditLog.sha256(token)) AND s.expires_at_ms > \(bind: clock.millis) AND u.disabled = \(bind: false)
            """).first() else { return nil }
        let user = UserAccount(id: try r.decode(column: "id", as: UUID.self), username: try r.decode(column: "username", as: String.self),
                               displayName: try r.decode(column: "display_name", as: String.self),
                               role: Role(rawValue: try r.decode(column: "role", as: String.self)) ?? .enterprise,
                               departmentCode: try r.decode(column: "department_code", as: String?.self),
                               enterpriseID: try r.decode(column: "enterprise_id", as: UUID?.self), disabled: false,
                               position: try r.decode(column: "position", as: String?.self).flatMap(Position.init(rawValue:)) ?? .staff)
        return (user, try r.decode(column: "csrf_token", as: String.self))
    }

    public func revoke(token: String) async throws {
        try await SessionModel.query(on: db).filter(\.$tokenHash == AuditLog.sha256(token)).delete()
    }

    /// A random token for CSRF protection.
    public static func newCSRFToken() -> String { randomHex(16) }

    static func randomHex(_ bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return Hex.lower((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }
}
