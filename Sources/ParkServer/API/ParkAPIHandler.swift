import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore
import Vapor

/// Implements the generated `APIProtocol`: decode (done by the generated code), check who
/// is asking, call a repository, map to the API types. Errors are thrown as `DomainError`
/// and turned into `{code, message, field}` by `ProblemMiddleware`.
struct ParkAPIHandler: APIProtocol {
    let app: Application

    var repos: ParkRepositories { RequestContext.current.db.map { ParkRepositories(db: $0, services: app.parkServices) } ?? app.park }
    var context: RequestContext { RequestContext.current }
    func principal() throws -> Principal { try RequestContext.requirePrincipal() }

    // MARK: auth

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let creds) = input.body else { throw DomainError.required("body") }
        let user = try await SignIn.attempt(username: creds.username, password: creds.password,
                                            address: context.clientAddress, repos: repos)
        let issued = try await repos.accounts.issueToken(for: user, kind: "api")
        return .ok(.init(body: .json(.init(token: issued.token,
                                           expiresAt: Date(timeIntervalSince1970: Double(issued.expiresAtMillis) / 1000),
                                           user: APIMapping.user(user)))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        _ = try principal()
        if let token = context.token { try await repos.accounts.revoke(token: token) }
        return .noContent(.init())
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let p = try principal()
        guard let id = p.userID, let user = try await repos.accounts.find(id) else { throw RequestContext.unauthenticated }
        return .ok(.init(body: .json(APIMapping.user(user))))
    }

    // MARK: audit

    func getEnterpriseAudit(_ input: Operations.GetEnterpriseAudit.Input) async throws -> Operations.GetEnterpriseAudit.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id), try await repos.enterprises.find(id) != nil else {
            throw DomainError.notFound("enterprise", id: input.path.id)
        }
        let trail = try await repos.audit.trail(entityType: EnterpriseRepository.entityType, entityID: id.uuidString)
        return .ok(.init(body: .json(trail.map(APIMapping.audit))))
    }

    func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        try principal().requireAdmin()
        switch try await repos.audit.verify() {
        case .intact(let n, _):
            return .ok(.init(body: .json(.init(intact: true, entries: n))))
        case .broken(let seq, let reason):
            return .ok(.init(body: .json(.init(intact: false, entries: seq - 1, brokenSeq: seq, reason: reason))))
        }
    }

    // MARK: reference

    func listClusters(_ input: Operations.ListClusters.Input) async throws -> Operations.ListClusters.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await repos.reference.clusters().map { .init(code: $0.code, nameZh: $0.name.zh, nameEn: $0.name.en) })))
    }

    func saveCluster(_ input: Operations.SaveCluster.Input) async throws -> Operations.SaveCluster.Output {
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let saved = try await repos.reference.saveCluster(
            Cluster(code: input.path.code, name: Bilingual(zh: body.nameZh, en: body.nameEn)), by: try principal())
        return .ok(.init(body: .json(.init(code: saved.code, nameZh: saved.name.zh, nameEn: saved.name.en))))
    }

    func listDepartments(_ input: Operations.ListDepartments.Input) async throws -> Operations.ListDepartments.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await repos.reference.departments().map { .init(code: $0.code, nameZh: $0.name.zh, nameEn: $0.name.en) })))
    }

    func listIndustries(_ input: Operations.ListIndustries.Input) async throws -> Operations.ListIndustries.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await repos.reference.industryDivisions().map {
            .init(code: $0.code, section: $0.section, nameZh: $0.name.zh, nameEn: $0.name.en)
        })))
    }

    func listCountries(_ input: Operations.ListCountries.Input) async throws -> Operations.ListCountries.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await repos.reference.countries().map { .init(code: $0.alpha2, nameZh: $0.name.zh, nameEn: $0.name.en) })))
    }
}
