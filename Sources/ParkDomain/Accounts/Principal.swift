import Foundation

/// What a user may do. Admins do everything; officers (of a department) work on the whole
/// register; enterprise users see and change only their own enterprise.
public enum Role: String, Sendable, Codable, CaseIterable {
    case admin
    case officer
    case enterprise

    public var label: Bilingual {
        switch self {
        case .admin: Bilingual(zh: "管理员", en: "Administrator")
        case .officer: Bilingual(zh: "工作人员", en: "Officer")
        case .enterprise: Bilingual(zh: "企业用户", en: "Enterprise user")
        }
    }
}

/// An account as the rest of the system sees it (never carries the password hash).
public struct UserAccount: Sendable, Hashable, Codable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var role: Role
    public var departmentCode: String?
    public var enterpriseID: UUID?
    public var disabled: Bool

    public init(id: UUID, username: String, displayName: String, role: Role, departmentCode: String? = nil,
                enterpriseID: UUID? = nil, disabled: Bool = false) {
        self.id = id; self.username = username; self.displayName = displayName; self.role = role
        self.departmentCode = departmentCode; self.enterpriseID = enterpriseID; self.disabled = disabled
    }
}

/// Who is acting: an authenticated user, or the system itself (migrations, demo seeding, CLI).
public struct Principal: Sendable, Hashable {
    public var userID: UUID?
    public var name: String
    public var role: Role
    public var enterpriseID: UUID?

    public init(userID: UUID?, name: String, role: Role, enterpriseID: UUID? = nil) {
        self.userID = userID; self.name = name; self.role = role; self.enterpriseID = enterpriseID
    }

    public init(_ user: UserAccount) {
        self.init(userID: user.id, name: user.username, role: user.role, enterpriseID: user.enterpriseID)
    }

    /// The system acting on an operator's command (CLI), named for the trail.
    public static func system(_ name: String = "system") -> Principal {
        Principal(userID: nil, name: name, role: .admin)
    }

    public var isStaff: Bool { role == .admin || role == .officer }

    /// May this principal read records of `enterprise`? Staff read all; enterprise users only their own.
    public func canRead(enterprise: UUID) -> Bool { isStaff || enterpriseID == enterprise }

    public func requireAdmin() throws(DomainError) {
        guard role == .admin else {
            throw DomainError(.forbidden, code: "forbidden", en: "only an administrator may do this",
                              zh: "仅管理员可执行此操作")
        }
    }

    public func requireStaff() throws(DomainError) {
        guard isStaff else {
            throw DomainError(.forbidden, code: "forbidden", en: "only park staff may do this",
                              zh: "仅园区工作人员可执行此操作")
        }
    }
}

/// Rules for new accounts.
public enum AccountRules {
    public static let minPasswordLength = 8

    public static func validate(username: String) throws(DomainError) {
        let ok = username.count >= 3 && username.count <= 64 && username.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0))
        }
        if !ok {
            throw DomainError(code: "invalid_username", field: "username",
                              en: "username must be 3–64 characters of letters, digits and . _ - @",
                              zh: "用户名须为 3–64 位字母、数字或 . _ - @")
        }
    }

    public static func validate(password: String) throws(DomainError) {
        if password.count < minPasswordLength {
            throw DomainError(code: "weak_password", field: "password",
                              en: "password must have at least \(minPasswordLength) characters",
                              zh: "密码至少 \(minPasswordLength) 位")
        }
        if password.count > 72 {
            throw DomainError(code: "too_long", field: "password",
                              en: "password must have at most 72 characters (bcrypt limit)",
                              zh: "密码最多 72 位（bcrypt 限制）")
        }
    }
}
