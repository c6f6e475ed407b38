import Foundation
import NIOCore
import ParkDomain
import ParkStore
import Vapor

/// The most a request body may hold, decided before a byte of it is read: a request with a
/// larger `Content-Length` is answered 413 at once, and a body without one (chunked) is read
/// only up to the limit. Requests from nobody signed in get the smallest limit.
enum BodyLimits {
    /// Sign-in and anything else a stranger can send.
    static let unauthenticated = 16 * 1024
    /// JSON bodies of signed-in users (policy sources, per-mu schemes, records).
    static let json = 1024 * 1024
    /// File uploads (`…/import`): the largest import file the readers accept, plus form overhead.
    static let upload = max(CSVTable.importMaxBytes, ParcelGeoJSON.maxBytes) + 64 * 1024
    /// A request's attachment (`…/attachments`): the attachment limit plus form overhead.
    static let attachment = AttachmentRules.maxBytes + 64 * 1024

    static func limit(for request: Request) -> Int {
        guard RequestContext.current.principal != nil else { return unauthenticated }
        if request.url.path.hasSuffix("/attachments") { return attachment }
        return request.url.path.hasSuffix("/import") ? upload : json
    }
}

/// Applies `BodyLimits` (placed after the auth middleware, which tells who is asking).
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = BodyLimits.limit(for: request)
        if let declared = request.headers.first(name: .contentLength) {
            guard let n = Int(declared), n >= 0 else { throw Abort(.badRequest, reason: "invalid Content-Length") }
            if n > limit { throw Self.tooLarge(limit) }
        }
        let bodyless: Set<String> = ["GET", "HEAD", "DELETE", "OPTIONS"]
        if !bodyless.contains(request.method.rawValue) || request.headers.first(name: .transferEncoding) != nil {
            // Reads at most `limit` bytes (Abort 413 past it); the handlers then see it collected.
            do { _ = try await request.body.collect(max: limit).get() } catch let a as any AbortError where a.status == .payloadTooLarge {
                throw Self.tooLarge(limit)
            }
        }
        return try await next.respond(to: request)
    }

    static func tooLarge(_ limit: Int) -> DomainError {
        DomainError(.tooLarge, code: "too_large", field: nil,
                    en: "the request body is larger than the \(limit / 1024) KiB this route accepts",
                    zh: "请求内容超过该接口允许的 \(limit / 1024) KiB")
    }
}

/// Headers every response carries: no MIME sniffing, no framing, no referrer to other sites;
/// `Cache-Control: no-store` on anything answered to a signed-in request (a shared computer's
/// cache must not keep a firm's data); CORS only for configured origins.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let corsOrigins: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let origin = request.headers.first(name: .origin)
        let allowed = origin.map { corsOrigins.contains($0) } ?? false
        let response: Response
        if request.method == .OPTIONS, allowed, request.headers.first(name: .accessControlRequestMethod) != nil {
            response = Response(status: .noContent)
            response.headers.replaceOrAdd(name: .accessControlAllowMethods, value: "GET, POST, PUT, PATCH, DELETE")
            response.headers.replaceOrAdd(name: .accessControlAllowHeaders, value: "Authorization, Content-Type")
            response.headers.replaceOrAdd(name: .accessControlMaxAge, value: "600")
        } else {
            response = try await next.respond(to: request)
        }
        if allowed, let origin {
            response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: origin)
            response.headers.replaceOrAdd(name: .vary, value: "Origin")
        }
        let h = response.headers
        if h.first(name: "X-Content-Type-Options") == nil { response.headers.add(name: "X-Content-Type-Options", value: "nosniff") }
        if h.first(name: "X-Frame-Options") == nil { response.headers.add(name: "X-Frame-Options", value: "DENY") }
        if h.first(name: "Referrer-Policy") == nil { response.headers.add(name: "Referrer-Policy", value: "same-origin") }
        let signedIn = request.headers.bearerAuthorization != nil || request.cookies[AuthMiddleware.sessionCookie] != nil
        if signedIn && h.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}

/// Answers 405 (with `Allow`) for a method the path does not have, and for methods ParkOS
/// never serves (TRACE, CONNECT, …), instead of the router's 404 or a parameter route's 400.
/// A path is matched the way a reader of the spec would: the routes with the most constant
/// segments win, so `PUT /enterprises/export` is 405 (export has GET only), not a PUT of an
/// enterprise whose id is "export".
struct MethodGuardMiddleware: AsyncMiddleware {
    static let served: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    /// Route patterns by segment count (catch-all routes under key -1).
    let routes: [Int: [(method: String, path: [PathComponent])]]

    init(_ app: Application) {
        var byCount: [Int: [(method: String, path: [PathComponent])]] = [:]
        for r in app.routes.all {
            let key = r.path.contains(where: { if case .catchall = $0 { true } else { false } }) ? -1 : r.path.count
            byCount[key, default: []].append((r.method.rawValue, r.path))
        }
        routes = byCount
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let parts = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let allow = allowed(parts)
        let method = request.method.rawValue
        if !Self.served.contains(method) || (!allow.isEmpty && !allow.contains(method) && !(method == "HEAD" && allow.contains("GET"))) {
            throw MethodNotAllowed(allow: allow)
        }
        return try await next.respond(to: request)
    }

    /// Methods of the most specific routes matching `parts`.
    func allowed(_ parts: [String]) -> [String] {
        var best = -1
        var out = Set<String>()
        for r in (routes[parts.count] ?? []) + (routes[-1] ?? []) {
            guard let score = Self.specificity(r.path, parts) else { continue }
            if score > best { best = score; out = [r.method] } else if score == best { out.insert(r.method) }
        }
        return out.sorted()
    }

    /// The number of constant segments when `pattern` matches `parts`, else nil.
    static func specificity(_ pattern: [PathComponent], _ parts: [String]) -> Int? {
        var constants = 0
        for (i, c) in pattern.enumerated() {
            switch c {
            case .catchall: return parts.count >= i ? constants : nil
            case .anything, .parameter: if i >= parts.count { return nil }
            case .constant(let s):
                if i >= parts.count || parts[i] != s { return nil }
                constants += 1
            }
        }
        return pattern.count == parts.count ? constants : nil
    }
}

struct MethodNotAllowed: AbortError {
    let allow: [String]
    var status: HTTPResponseStatus { .methodNotAllowed }
    var reason: String { "method not allowed" }
    var headers: HTTPHeaders { allow.isEmpty ? [:] : ["Allow": allow.joined(separator: ", ")] }
}

/// Who may read `/metrics`: with `PARKOS_METRICS_TOKEN` set, whoever sends it as a bearer
/// token; without, only a request from loopback that came through no proxy (a scraper on the
/// same machine).
enum MetricsAccess {
    static func allowed(_ request: Request, token: String?) -> Bool {
        if let token {
            guard let sent = request.headers.bearerAuthorization?.token else { return false }
            return ConsoleRoutes.constantTimeEqual(sent, token)
        }
        guard request.headers.first(name: .xForwardedFor) == nil, let peer = request.remoteAddress?.ipAddress else { return false }
        return peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("127.")
    }
}

/// Deletes stale sign-in counters every few minutes (any instance may do it; it is idempotent).
struct ThrottlePruner: LifecycleHandler {
    let interval: TimeAmount

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do { try await app.park.loginThrottle.prune() } catch { app.logger.warning("pruning sign-in counters failed: \(error)") }
            }
        }
        app.storage[PrunerKey.self] = PrunerBox(task: task)
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[PrunerKey.self]?.task.cancel()
    }

    struct PrunerBox: Sendable { let task: RepeatedTask }
    struct PrunerKey: StorageKey { typealias Value = PrunerBox }
}
