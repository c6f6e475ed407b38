import ParkDomain
import Vapor

/// Registers console routes from their `ConsoleURL`: each in the route group of its access level
/// (`RequireSignIn`, `RequireStaff`, `RequireAdmin`, `RequireEnterprise`), every form (any method
/// but GET) behind the CSRF check, and the URL kept on the route for the console route walk.
struct ConsoleRouter {
    /// The console's base group (session, body limit, errors, sign-in redirect).
    let routes: any RoutesBuilder

    static let urlKey = "parkos.console.url"

    /// Registers `url` with a handler that answers the whole response (forms, CSV, redirects).
    @discardableResult
    func on(_ url: ConsoleURL, body: HTTPBodyStreamStrategy = .collect,
            _ handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        var middleware = url.access.middleware
        if url.method != .GET && url.access != .open { middleware.append(CSRFCheck()) }
        let route = routes.grouped(middleware).on(url.method, url.pathComponents, body: body, use: handler)
        route.userInfo[Self.urlKey] = url
        return route
    }

    /// Registers a page: `make` loads its model from the request's `PageContext` and renders its
    /// view; the router puts the result in the layout.
    @discardableResult
    func page(_ url: ConsoleURL, _ make: @escaping @Sendable (PageContext, Request) async throws -> ConsolePage) -> Route {
        on(url) { req in
            let ctx = PageContext(req)
            return try await make(ctx, req).response(ctx)
        }
    }
}

extension Route {
    /// The console URL this route was registered from (nil: not a console route of the router).
    var consoleURL: ConsoleURL? { userInfo[ConsoleRouter.urlKey] as? ConsoleURL }
}

extension ConsoleAccess {
    /// The middleware that enforces this access level.
    var middleware: [any Middleware] {
        switch self {
        case .open: []
        case .signedIn: [RequireSignIn()]
        case .staff: [RequireStaff()]
        case .admin: [RequireAdmin()]
        case .enterprise: [RequireEnterprise()]
        }
    }
}

/// Sends a visitor without a session to the sign-in page (and back here after it).
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try Self.principal(request)
        return try await next.respond(to: request)
    }

    static func principal(_ request: Request) throws -> Principal {
        guard let p = RequestContext.current.principal else { throw LoginRedirect(next: request.url.string) }
        return p
    }
}

/// Park staff (officers and administrators) only: others are refused with 403.
struct RequireStaff: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try RequireSignIn.principal(request).requireStaff()
        return try await next.respond(to: request)
    }
}

/// Administrators only.
struct RequireAdmin: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try RequireSignIn.principal(request).requireAdmin()
        return try await next.respond(to: request)
    }
}

/// Enterprise users (a user bound to an enterprise) only.
struct RequireEnterprise: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let own = try RequireSignIn.principal(request).enterpriseID, !own.uuidString.isEmpty else {
            throw DomainError(.forbidden, code: "forbidden", en: "only an enterprise's own users may do this",
                              zh: "仅企业用户可执行此操作")
        }
        return try await next.respond(to: request)
    }
}

/// The one CSRF check of the console: every form carries the session's token in its `_csrf`
/// field (or a script in `X-CSRF-Token`); anything else is refused with 403 before the handler runs.
struct CSRFCheck: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try Self.check(request)
        return try await next.respond(to: request)
    }

    static func check(_ req: Request) throws {
        let expected = RequestContext.current.csrfToken
        let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: "_csrf"))
        guard let expected, let sent, ConsoleRoutes.constantTimeEqual(sent, expected) else {
            throw DomainError(.forbidden, code: "csrf", field: "_csrf",
                              en: "the form has expired or did not come from this site; reload the page and try again",
                              zh: "表单已过期或来源无效，请刷新页面后重试")
        }
    }
}

/// Thrown by a page's loader to send the visitor elsewhere (an enterprise user from the park
/// overview to its own record); the console answers 303 to `url`.
struct ConsoleRedirect: Error, Equatable {
    let url: ConsoleURL
    var query: [String: String] = [:]

    var location: String { url.href(query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
}

extension Request {
    /// A 303 to a console URL.
    func redirect(to url: ConsoleURL, _ query: [(String, String?)] = []) -> Response {
        redirect(to: url.href(query), redirectType: .normal)
    }
}
