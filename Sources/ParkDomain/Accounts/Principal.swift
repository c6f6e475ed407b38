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

/// An officer's place in the department. Staff do the work; the department's head (局长、主任)
/// approves what staff propose (investment stage reviews) and receives escalations; park
/// leadership (管委会领导) receives the second escalation and reads the board pack. Admins and
/// enterprise users are always `staff`.
public enum Position: String, Sendable, Codable, CaseIterable {
    case staff
    case head
    case leader

    public var label: Bilingual {
        switch self {
        case .staff: Bilingual(zh: "经办人员", en: "Staff")
        case .head: Bilingual(zh: "部门负责人", en: "Head of department")
        case .leader: Bilingual(zh: "园区领导", en: "Park leadership")
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
    /// Staff, head of the department or park leadership (officers only).
    public var position: Position

    public init(id: UUID, username: String, displayName: String, role: Role, departmentCode: String? = nil,
                enterpriseID: UUID? = nil, disabled: Bool = false, position: Position = .staff) {
        self.id = id; self.username = username; self.displayName = displayName; self.role = role
        self.departmentCode = departmentCode; self.enterpriseID = enterpriseID; self.disabled = disabled
        self.position = position
    }

    enum CodingKeys: String, CodingKey { case id, username, displayName, role, departmentCode, enterpriseID, disabled, position }

    /// Audit entries written before positions existed carry none: those accounts were staff.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(UUID.self, forKey: .id), username: try c.decode(String.self, forKey: .username),
                  displayName: try c.decode(String.self, forKey: .displayName), role: try c.decode(Role.self, forKey: .role),
                  departmentCode: try c.decodeIfPresent(String.self, forKey: .departmentCode),
                  enterpriseID: try c.decodeIfPresent(UUID.self, forKey: .enterpriseID),
                  disabled: try c.decode(Bool.self, forKey: .disabled),
                  position: try c.decodeIfPresent(Position.self, forKey: .position) ?? .staff)
    }
}

/// Who is acting: an authenticated user, or the system itself (migrations, demo seeding, CLI).
public struct Principal: Sendable, Hashable {
    public var userID: UUID?
    public var name: String
    public var role: Role
    public var enterpriseID: UUID?
    /// The officer's department (nil for admins, enterprise users and the system).
    public var departmentCode: String?
    public var position: Position

    public init(userID: UUID?, name: String, role: Role, enterpriseID: UUID? = nil,
                departmentCode: String? = nil, position: Position = .staff) {
        self.userID = userID; self.name = name; self.role = role; self.enterpriseID = enterpriseID
        self.departmentCode = departmentCode; self.position = position
    }

    public init(_ user: UserAccount) {
        self.init(userID: user.id, name: user.username, role: user.role, enterpriseID: user.enterpriseID,
                  departmentCode: user.departmentCode, position: user.position)
    }

    /// The system acting on an operator's command (CLI), named for the trail.
    public static func system(_ name: String = "system") -> Principal {
        Principal(userID: nil, name: name, role: .admin)
    }

    public var isStaff: Bool { role == .admin || role == .officer }

    /// Is this the head of `department` (an officer of it with the head position)? Admins count
    /// as the head of every department.
    public func isHead(of department: String) -> Bool {
        role == .admin || (role == .officer && position == .head && departmentCode == department)
    }

    /// Park leadership (or an admin).
    public var isLeadership: Bool { role == .admin || (role == .officer && position == .leader) }

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
