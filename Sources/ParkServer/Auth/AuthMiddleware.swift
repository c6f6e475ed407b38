import ParkDomain
import ParkStore
import Vapor

/// Resolves who is asking and binds it as `RequestContext.current` for the rest of the request.
/// The API accepts only bearer tokens; the console only its session cookie (so a cross-site
/// request can never ride on an API token, and console forms carry a CSRF token).
struct AuthMiddleware: AsyncMiddleware {
    enum Mode { case bearer, cookie }
    let mode: Mode

    static let sessionCookie = "parkos_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var ctx = RequestContext(language: ConsoleLanguage.of(request),
                                 clientAddress: request.clientAddress)
        ctx.db = request.db
        let token: String? = switch mode {
        case .bearer: request.headers.bearerAuthorization?.token
        case .cookie: request.cookies[Self.sessionCookie]?.string
        }
        if let token, let (user, csrf) = try await request.park.accounts.resolve(token: token) {
            ctx.principal = Principal(user)
            ctx.token = token
            ctx.csrfToken = csrf
        }
        return try await RequestContext.$current.withValue(ctx) {
            try await next.respond(to: request)
        }
    }
}

/// Language of the console: `?lang=` (remembered in a cookie), then the cookie, then
/// `Accept-Language`, then 简体中文.
enum ConsoleLanguage {
    static let cookie = "parkos_lang"

    static func of(_ request: Request) -> Language {
        if let q = request.query[String.self, at: "lang"], let l = Language(rawValue: q) { return l }
        if let c = request.cookies[cookie]?.string, let l = Language(rawValue: c) { return l }
        return Language.from(acceptLanguage: request.headers.first(name: .acceptLanguage))
    }
}
