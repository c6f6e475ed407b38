import ParkDomain
import ParkStore
import Vapor

/// Registers the server-rendered console. Every route runs behind the cookie session and is
/// registered from its `ConsoleURL` through `ConsoleRouter`, which puts it behind the middleware
/// of its access level and every form behind the CSRF check.
enum ConsoleRoutes {
    static func register(_ app: Application) {
        let router = ConsoleRouter(routes: app.grouped(AuthMiddleware(mode: .cookie), BodyLimitMiddleware(), ParkErrorMiddleware(),
                                                       LoginRedirectMiddleware()))
        router.on(.assets(.css)) { _ -> Response in
            let res = Response(body: .init(string: Assets.css))
            res.headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            res.headers.cacheControl = .init(maxAge: 3600)
            return res
        }
        // The park's mark (the header's "P"), for the tab; /favicon.ico for clients that ask for it.
        for url in [AssetURL.icon, .favicon] {
            router.on(.assets(url)) { _ -> Response in
                let res = Response(body: .init(string: Assets.icon))
                res.headers.contentType = .init(type: "image", subType: "svg+xml")
                res.headers.cacheControl = .init(maxAge: 86400)
                return res
            }
        }
        LoginPages.register(router)
        router.page(.home) { ctx, _ in HomePage.View.render(try await HomePage.Model.load(on: ctx), ctx) }
        router.page(.enterprises(.list)) { ctx, req in
            EnterpriseListPage.View.render(try await EnterpriseListPage.Model.load(req.queryParameters, on: ctx), ctx)
        }
        router.on(.enterprises(.export)) { req in try await EnterpriseExport.csv(req) }
        ImportPage.register(router)
        EnterpriseFormPage.register(router)
        EnterpriseDetailPage.register(router)
        UserPages.register(router)
        AuditPage.register(router)
        router.page(.land(.overview)) { ctx, req in
            LandOverviewPage.View.render(try await LandOverviewPage.Model.load(bbox: req.query[String.self, at: "bbox"], on: ctx), ctx)
        }
        LandMap.register(router)
        DueListPage.register(router)
        ParcelPages.register(router)
        LeasePage.register(router)
        RulesetPage.register(router)
        ReportImportPage.register(router)
        PerMuPages.register(router)
        PolicyPages.register(router)
        // ── slot: Investment (issue 11) ──
        InvestmentRoutes.register(router)
        app.lifecycle.use(InfoReportTicker.job)

        // ── slot: Service (issue 12) ──
        ServiceRoutes.register(router)
        Open311Routes.register(app)
        app.lifecycle.use(ServiceTicker.job)

        // ── slot: Indicators and profile (issue 13) ──
        IndicatorsRoutes.register(router)
        app.lifecycle.use(IndicatorsTicker.job)

        // ── slot: Outbound (issue 14) ──
        OutboundRoutes.register(router)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// Thrown by `RequireSignIn`; the console's redirect middleware answers it with 303 to the sign-in page.
struct LoginRedirect: Error { let next: String }

/// Answers `LoginRedirect` with 303 to the sign-in page and `ConsoleRedirect` with 303 to its URL.
struct LoginRedirectMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let r as LoginRedirect {
            return request.redirect(to: .session(.login), [("next", r.next)])
        } catch let r as ConsoleRedirect {
            return request.redirect(to: r.location, redirectType: .normal)
        }
    }
}

extension Request {
    /// The query string as plain pairs (a page's typed query parses them and names a bad field).
    var queryParameters: [String: String] { (try? query.decode([String: String].self)) ?? [:] }
}

