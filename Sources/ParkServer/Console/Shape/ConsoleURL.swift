import Foundation
import Vapor

/// Every console URL, one case per route (method and path). The same value registers the route
/// (`ConsoleRouter.on`, with `.key` parameters) and builds every link, form action and redirect
/// (`href`, with `.value` parameters), so a link cannot point at a route that does not exist.
/// Each module has its own nested enum (`EnterpriseURL`, `LandURL`, …) and one case here.
enum ConsoleURL: ConsoleRoute, Equatable {
    case home
    case session(SessionURL)
    case assets(AssetURL)
    case enterprises(EnterpriseURL)
    case admin(AdminURL)
    case land(LandURL)
    case permu(PerMuURL)
    case policies(PolicyURL)
    // ── slot: Investment (issue 11) ──
    case investment(InvestmentURL)

    // ── slot: Service (issue 12) ──
    case service(ServiceURL)

    // ── slot: Indicators and profile (issue 13) ──
    case indicators(IndicatorsURL)

    // ── slot: Outbound (issue 14) ──
    case outbound(OutboundURL)

    /// The module's own URL, to which the route's method, path and access belong.
    var route: any ConsoleRoute {
        switch self {
        case .home: HomeURL()
        case .session(let u): u
        case .assets(let u): u
        case .enterprises(let u): u
        case .admin(let u): u
        case .land(let u): u
        case .permu(let u): u
        case .policies(let u): u
        // ── slot: Investment (issue 11) ──
        case .investment(let u): u

        // ── slot: Service (issue 12) ──
        case .service(let u): u

        // ── slot: Indicators and profile (issue 13) ──
        case .indicators(let u): u

        // ── slot: Outbound (issue 14) ──
        case .outbound(let u): u
        }
    }

    /// Every console route (parameters as keys), for registration checks and the route walk.
    static var routes: [ConsoleURL] {
        [.home] + SessionURL.routes.map(ConsoleURL.session) + AssetURL.routes.map(ConsoleURL.assets)
            + EnterpriseURL.routes.map(ConsoleURL.enterprises) + AdminURL.routes.map(ConsoleURL.admin)
            + LandURL.routes.map(ConsoleURL.land) + PerMuURL.routes.map(ConsoleURL.permu) + PolicyURL.routes.map(ConsoleURL.policies)
            // ── slot: Investment (issue 11) ──
            + InvestmentURL.routes.map(ConsoleURL.investment)

            // ── slot: Service (issue 12) ──
            + ServiceURL.routes.map(ConsoleURL.service)

            // ── slot: Indicators and profile (issue 13) ──
            + IndicatorsURL.routes.map(ConsoleURL.indicators)

            // ── slot: Outbound (issue 14) ──
            + OutboundURL.routes.map(ConsoleURL.outbound)
    }

    var method: HTTPMethod { route.method }
    var segments: [PathSegment] { route.segments }
    var access: ConsoleAccess { route.access }
}

/// The park overview (`GET /`).
struct HomeURL: ConsoleRoute {
    static var routes: [HomeURL] { [HomeURL()] }
    var method: HTTPMethod { .GET }
    var segments: [PathSegment] { [] }
    var access: ConsoleAccess { .signedIn }
}

/// What a console route is: a method, a path, and who may use it.
protocol ConsoleRoute: Sendable {
    /// Every case of the module's URLs, parameters as `.key`.
    static var routes: [Self] { get }
    var method: HTTPMethod { get }
    var segments: [PathSegment] { get }
    var access: ConsoleAccess { get }
}

/// Who may use a console route. Enforced by the route group's middleware (`ConsoleAccess.middleware`)
/// and read by the console route walk from the registered route.
enum ConsoleAccess: String, Sendable, CaseIterable {
    /// Anyone, signed in or not (sign-in, style sheet, icon, scripts).
    case open
    /// Any signed-in user; the page scopes what it loads to the user (an enterprise user: its own).
    case signedIn
    /// Park staff: officers and administrators.
    case staff
    /// Administrators only.
    case admin
    /// Enterprise users only (their own portal pages).
    case enterprise
}

/// A typed path parameter, as in the Swift Package Index's `SiteURL`: `.key` when the route is
/// registered (it becomes `:name`), `.value(x)` when a link is built.
enum Parameter<Value: PathValue>: Sendable, Equatable {
    case key
    case value(Value)
}

/// A value that can stand in a path.
protocol PathValue: Sendable, Equatable {
    var pathText: String { get }
}

extension UUID: PathValue { var pathText: String { uuidString } }
extension String: PathValue { var pathText: String { self } }
extension Int: PathValue { var pathText: String { String(self) } }

/// One segment of a console path: a constant, or a named parameter (with its value in a link).
enum PathSegment: Sendable, Equatable, ExpressibleByStringLiteral {
    case constant(String)
    case parameter(name: String, value: String?)

    init(stringLiteral value: String) { self = .constant(value) }

    /// A parameter segment named `name` (`:name` when registered).
    static func param<V: PathValue>(_ name: String, _ p: Parameter<V>) -> PathSegment {
        switch p {
        case .key: .parameter(name: name, value: nil)
        case .value(let v): .parameter(name: name, value: v.pathText)
        }
    }
}

extension ConsoleRoute {
    /// The route's path components for registration (`:name` for parameters).
    var pathComponents: [PathComponent] {
        segments.map {
            switch $0 {
            case .constant(let c): .constant(c)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// The path of a link, percent-encoded: "/enterprises/6F1C…". A parameter registered as
    /// `.key` reads `:name` here, which no route answers (the link test fails on it).
    var path: String {
        "/" + segments.map { s -> String in
            switch s {
            case .constant(let c): c
            case .parameter(let name, let value):
                value.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? $0 } ?? ":" + name
            }
        }.joined(separator: "/")
    }

    /// The link with a query string (pairs with an empty or nil value are left out).
    func href(_ query: [(String, String?)] = []) -> String { path + HTML.query(query) }

    /// The route's key as the walk names it: "GET enterprises/:id".
    var key: String { "\(method.rawValue) \(pathComponents.map(\.description).joined(separator: "/"))" }
}
