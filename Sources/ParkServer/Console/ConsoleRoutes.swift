import ParkDomain
import ParkStore
import Vapor

/// Registers the server-rendered console. Every route runs behind the cookie session; pages
/// that need a signed-in user redirect to /login; every POST checks the CSRF token.
enum ConsoleRoutes {
    static func register(_ app: Application) {
        let console = app.grouped(AuthMiddleware(mode: .cookie), BodyLimitMiddleware(), ParkErrorMiddleware(), LoginRedirectMiddleware())
        console.get("assets", "park.css") { _ -> Response in
            let res = Response(body: .init(string: Assets.css))
            res.headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            res.headers.cacheControl = .init(maxAge: 3600)
            return res
        }
        // The park's mark (the header's "P"), for the tab; /favicon.ico for clients that ask for it.
        for path in [["assets", "icon.svg"], ["favicon.ico"]] {
            console.get(path.map { PathComponent(stringLiteral: $0) }) { _ -> Response in
                let res = Response(body: .init(string: Assets.icon))
                res.headers.contentType = .init(type: "image", subType: "svg+xml")
                res.headers.cacheControl = .init(maxAge: 86400)
                return res
            }
        }
        LoginPages.register(console)
        console.get { req in try await HomePage.render(req) }
        console.get("enterprises") { req in try await EnterpriseListPage.render(req) }
        console.get("enterprises", "export.csv") { req in try await EnterpriseExport.csv(req) }
        console.get("enterprises", "template.csv") { req async throws -> Response in try EnterpriseFiles.template(req) }
        console.get("enterprises", "import") { req async throws -> Response in try ImportPage.form(req) }
        console.on(.POST, "enterprises", "import", body: .collect(maxSize: ByteCount(value: EnterpriseCSV.maxBytes + 64 * 1024))) { req in
            try await ImportPage.upload(req)
        }
        EnterpriseFormPage.register(console)
        console.get("enterprises", ":id") { req in try await EnterpriseDetailPage.render(req) }
        console.post("enterprises", ":id", "deregister") { req in try await EnterpriseDetailPage.deregister(req) }
        UserPages.register(console)
        console.get("admin", "audit") { req in try await AuditPage.render(req) }
        console.get("land") { req in try await LandOverviewPage.render(req) }
        console.get("land", "due") { req in try await DueListPage.render(req) }
        console.get("land", "due.csv") { req in try await DueListPage.csv(req) }
        ParcelPages.register(console)
        LeasePage.register(console)
        RulesetPage.register(console)
        ReportImportPage.register(console)
        PerMuPages.register(console)
        PolicyPages.register(console)
        // ── slot: Investment (issue 11) ──

        // ── slot: Service (issue 12) ──

        // ── slot: Indicators and profile (issue 13) ──

        // ── slot: Outbound (issue 14) ──
    }

    /// The signed-in principal, or a redirect to the sign-in page.
    static func requireLogin(_ req: Request) throws -> Principal {
        guard let p = RequestContext.current.principal else {
            throw LoginRedirect(next: req.url.string)
        }
        return p
    }

    /// Refuses a form whose `_csrf` field does not match the session's token.
    static func checkCSRF(_ req: Request) throws {
        let sent = try? req.content.get(String.self, at: "_csrf")
        guard let expected = RequestContext.current.csrfToken, let sent, constantTimeEqual(sent, expected) else {
            throw DomainError(.forbidden, code: "csrf", field: "_csrf",
                              en: "the form has expired or did not come from this site; reload the page and try again",
                              zh: "表单已过期或来源无效，请刷新页面后重试")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// Thrown by `requireLogin`; the console's redirect middleware answers it with 303 to /login.
struct LoginRedirect: Error { let next: String }

struct LoginRedirectMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let r as LoginRedirect {
            return request.redirect(to: "/login" + HTML.query([("next", r.next)]), redirectType: .normal)
        }
    }
}

