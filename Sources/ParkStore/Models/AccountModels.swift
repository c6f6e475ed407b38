import FluentKit
import Foundation
import ParkDomain

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "department_code") var departmentCode: String?
    @OptionalField(key: "enterprise_id") var enterpriseID: UUID?
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    /// `Position` raw value; null for accounts from before positions (staff).
    @OptionalField(key: "position") var position: String?

    init() {}

    func toDomain() -> UserAccount {
        UserAccount(id: id!, username: username, displayName: displayName, role: Role(rawValue: role) ?? .enterprise,
                    departmentCode: departmentCode, enterpriseID: enterpriseID, disabled: disabled,
                    position: position.flatMap(Position.init(rawValue:)) ?? .staff)
    }
}

/// A login session or API token. Only the SHA-256 of the token is stored.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "expires_at_ms") var expiresAtMillis: Int64
    @Field(key: "created_at_ms") var createdAtMillis: Int64

    init() {}
}
