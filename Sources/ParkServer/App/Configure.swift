import Fluent
import FluentKit
import OpenAPIVapor
import ParkAPI
import ParkDomain
import ParkStore
import Vapor

/// Builds the ParkOS web application on `app`: database and migrations, middleware, the JSON
/// API (generated from openapi.yaml), the console, /healthz, /metrics and /openapi.yaml.
public enum ParkApp {
    public static func configure(_ app: Application, options: ServerOptions, migrate: Bool = true) async throws {
        app.parkServices = ParkServices(options: options, metrics: ParkMetrics())
        try options.database.register(on: app.databases)
        app.migrations.add(ParkMigrations.all)
        try await options.database.prepare(app.db)
        if migrate { try await app.autoMigrate() }

        app.middleware = Middlewares()
        app.middleware.use(MetricsMiddleware(metrics: app.parkServices.metrics))
        app.middleware.use(SecurityHeadersMiddleware(corsOrigins: Set(options.corsOrigins)))
        app.middleware.use(ParkErrorMiddleware())
        app.routes.defaultMaxBodySize = ByteCount(value: BodyLimits.json)
        app.lifecycle.use(ThrottlePruner(interval: .minutes(5)))

        app.get("healthz") { req async throws -> Response in
            _ = try await req.park.enterprises.count()
            let res = Response(body: .init(string: #"{"status":"ok"}"#))
            res.headers.contentType = .json
            return res
        }
        app.get("metrics") { req async throws -> Response in
            guard MetricsAccess.allowed(req, token: options.metricsToken) else {
                throw DomainError(.forbidden, code: "metrics_forbidden", en: "metrics need the bearer token set in PARKOS_METRICS_TOKEN (or a request from loopback)",
                                  zh: "读取监控指标须携带 PARKOS_METRICS_TOKEN 令牌（或从本机回环地址访问）")
            }
            let gauges: [(String, String, Int)] = [
                ("parkos_enterprises", "Enterprises in the register.", try await req.park.enterprises.count()),
                ("parkos_users", "User accounts.", try await req.park.accounts.count()),
                ("parkos_login_throttle_counters", "Failed sign-in counters held.", try await req.park.loginThrottle.count()),
            ]
            let res = Response(body: .init(string: app.parkServices.metrics.render(gauges: gauges.map { ($0.0, $0.1, $0.2) })))
            res.headers.contentType = .init(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
            return res
        }
        app.get("openapi.yaml") { _ -> Response in
            let res = Response(body: .init(string: APISpec.yaml))
            res.headers.contentType = .init(type: "application", subType: "yaml")
            return res
        }

        let api = app.grouped(AuthMiddleware(mode: .bearer), BodyLimitMiddleware())
        try ParkAPIHandler(app: app).registerHandlers(on: VaporTransport(routesBuilder: api), serverURL: Servers.Server1.url(),
                                                      middlewares: [ProblemMiddleware()])
        ConsoleRoutes.register(app)
        // Last, so it knows every route: 405 for a method a path does not have.
        app.middleware.use(MethodGuardMiddleware(app))
    }
}
