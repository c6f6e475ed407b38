import Foundation
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        try principal().requireAdmin()
        return .ok(.init(body: .json(try await repos.accounts.list().map(APIMapping.user))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        let p = try principal()
        try p.requireAdmin()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let new = AccountRepository.NewUser(
            username: b.username, displayName: b.displayName ?? "", password: b.password,
            role: Role(rawValue: b.role.rawValue) ?? .enterprise, departmentCode: b.department,
            enterpriseID: try b.enterpriseId.map { try APIMapping.uuid($0, field: "enterprise_id") },
            position: b.position.flatMap { Position(rawValue: $0.rawValue) } ?? .staff)
        let user = try await repos.accounts.create(new, by: p)
        return .created(.init(body: .json(APIMapping.user(user))))
    }

    func updateUser(_ input: Operations.UpdateUser.Input) async throws -> Operations.UpdateUser.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.role == .admin || p.userID == id else { throw DomainError.notFound("user", id: input.path.id) }
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        guard try await repos.accounts.find(id) != nil else { throw DomainError.notFound("user", id: input.path.id) }
        if let pw = b.password { try await repos.accounts.setPassword(id, to: pw, current: b.currentPassword, by: p) }
        if let d = b.disabled { try await repos.accounts.setDisabled(id, d, by: p) }
        if let pos = b.position.flatMap({ Position(rawValue: $0.rawValue) }) { try await repos.accounts.setPosition(id, pos, by: p) }
        guard let user = try await repos.accounts.find(id) else { throw DomainError.notFound("user", id: input.path.id) }
        return .ok(.init(body: .json(APIMapping.user(user))))
    }
}

/// One sign-in attempt, shared by the API and the console: throttled (`SignInThrottle`, counts in
/// the database), the same answer for an unknown user and a wrong password.
enum SignIn {
    static func attempt(username: String, password: String, address: String, repos: ParkRepositories) async throws -> UserAccount {
        // Longer than any username can be: refused before it is counted or hashed.
        guard username.utf8.count <= 64, password.utf8.count <= 200 else {
            throw DomainError(.unauthorized, code: "bad_credentials", field: "password",
                              en: "wrong username or password, or the account is disabled",
                              zh: "用户名或密码错误，或账号已停用")
        }
        let throttle = repos.loginThrottle
        if let wait = try await throttle.wait(username: username, address: address) {
            let seconds = SignInThrottle.seconds(wait)
            var e = DomainError(.tooMany, code: "too_many_attempts", field: "password",
                                en: "too many failed sign-ins; try again in \(seconds) seconds",
                                zh: "登录失败次数过多，请 \(seconds) 秒后再试")
            e.retryAfterSeconds = seconds
            throw e
        }
        guard let user = try await repos.accounts.authenticate(username: username, password: password) else {
            try await throttle.recordFailure(username: username, address: address)
            throw DomainError(.unauthorized, code: "bad_credentials", field: "password",
                              en: "wrong username or password, or the account is disabled",
                              zh: "用户名或密码错误，或账号已停用")
        }
        try await throttle.recordSuccess(username: username, address: address)
        return user
    }
}
