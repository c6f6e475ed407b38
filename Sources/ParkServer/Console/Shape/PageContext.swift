import Fluent
import ParkDomain
import ParkStore
import Vapor

/// What a page's model is loaded from: who asks, in which language, the repositories and today.
/// Built from a request by the router, or directly in a test (no HTTP needed).
struct PageContext: Sendable {
    let principal: Principal?
    let language: Language
    let csrf: String?
    let park: ParkRepositories
    /// Path and query of the page, to switch language in place.
    let here: String

    init(_ req: Request) {
        let ctx = RequestContext.current
        self.init(park: req.park, principal: ctx.principal, language: ctx.language, csrf: ctx.csrfToken, here: req.url.string)
    }

    init(park: ParkRepositories, principal: Principal?, language: Language = .zh, csrf: String? = nil, here: String = "/") {
        self.park = park; self.principal = principal; self.language = language; self.csrf = csrf; self.here = here
    }

    /// The signed-in user; every route but the open ones has one (its middleware saw to it).
    func user() throws -> Principal {
        guard let principal else { throw LoginRedirect(next: here) }
        return principal
    }

    var db: any Database { park.db }
    var today: LocalDate { park.today }
    var isStaff: Bool { principal?.isStaff ?? false }
}

/// A rendered page: what a View returns and the router puts in the layout.
struct ConsolePage {
    var title: String
    var section: Layout.Section
    var body: HTML
    var status: HTTPResponseStatus = .ok

    func response(_ ctx: PageContext) -> Response {
        Layout(ctx).response(title, section, body, status: status)
    }
}

extension Request {
    /// A console form decoded into its typed `Content`. The CSRF token was checked by the
    /// route's middleware before the handler ran; a missing or malformed field is a 400 naming it.
    func form<F: Decodable>(_ type: F.Type) throws -> F { try content.decode(F.self) }

    /// The typed query of a page (`?…`), a 400 naming the field when malformed.
    func pageQuery<Q: Decodable>(_ type: Q.Type) throws -> Q { try query.decode(Q.self) }

    /// A UUID path parameter; a malformed one is a 404, as an unknown id is.
    func pathID(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw DomainError(.notFound, code: "not_found", field: name, en: "no such record", zh: "记录不存在")
        }
        return id
    }
}

extension Layout {
    init(_ ctx: PageContext) {
        self.init(lang: ctx.language, principal: ctx.principal, csrf: ctx.csrf, here: URI(string: ctx.here))
    }
}

extension HTML.Interpolation {
    /// A console URL's path, as an attribute value: `href="\(ConsoleURL.home)"`.
    mutating func appendInterpolation(_ url: ConsoleURL) { appendInterpolation(url.path) }
}
