import FluentKit
import ParkDomain

/// What the current request carries once the auth middleware has run: who is asking, with
/// which token, in which language. Bound as a task-local so generated API handlers read it.
public struct RequestContext: Sendable {
    public var principal: Principal?
    public var token: String?
    public var csrfToken: String?
    public var language: Language
    public var clientAddress: String
    /// The request's database handle (its logger carries the request id), so API handlers query
    /// on the request's event loop and their SQL is logged with the request.
    public var db: (any Database)?

    public init(principal: Principal? = nil, token: String? = nil, csrfToken: String? = nil,
                language: Language = .zh, clientAddress: String = "") {
        self.principal = principal; self.token = token; self.csrfToken = csrfToken
        self.language = language; self.clientAddress = clientAddress
    }

    @TaskLocal public static var current = RequestContext()

    /// The signed-in principal, or a 401.
    public static func requirePrincipal() throws(DomainError) -> Principal {
        guard let p = current.principal else { throw unauthenticated }
        return p
    }

    public static let unauthenticated = DomainError(.unauthorized, code: "unauthenticated",
                                                    en: "sign in first: send Authorization: Bearer <token>",
                                                    zh: "请先登录：请求头需携带 Authorization: Bearer <token>")
}
