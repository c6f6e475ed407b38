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
        app.parkServices = ParkServices(options: options, throttle: LoginThrottle(), metrics: ParkMetrics())
        try options.database.register(on: app.databases)
        app.migrations.add(ParkMigrations.all)
        try await options.database.prepare(app.db)
        if migrate { try await app.autoMigrate() }

        app.middleware = Middlewares()
        app.middleware.use(MetricsMiddleware(metrics: app.parkServices.metrics))
        app.middleware.use(ParkErrorMiddleware())
        app.routes.defaultMaxBodySize = "1mb"

        app.get("healthz") { req async throws -> Response in
            _ = try await req.park.enterprises.count()
            let res = Response(body: .init(string: #"{"status":"ok"}"#))
            res.headers.contentType = .json
            return res
        }
        app.get("metrics") { req async throws -> Response in
            let gauges: [(String, String, Int)] = [
                ("parkos_enterprises", "Enterprises in the register.", try await req.park.enterprises.count()),
                ("parkos_users", "User accounts.", try await req.park.accounts.list().count),
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

        let api = app.grouped(AuthMiddleware(mode: .bearer))
        try ParkAPIHandler(app: app).registerHandlers(on: VaporTransport(routesBuilder: api), serverURL: Servers.Server1.url(),
                                                      middlewares: [ProblemMiddleware()])
        ConsoleRoutes.register(app)
    }
}
