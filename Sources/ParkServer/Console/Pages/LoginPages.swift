import ParkDomain
import ParkStore
import Vapor

/// Sign-in and sign-out. The sign-in form uses a double-submit CSRF cookie (there is no
/// session yet); sign-out uses the session's token.
enum LoginPages {
    static let loginCSRFCookie = "parkos_login_csrf"

    static func register(_ router: ConsoleRouter) {
        // Every console handler is async: the request context (who, language) is a task local that
        // a synchronous handler, run on the event loop outside the request's task, does not see.
        router.on(.session(.login)) { req async -> Response in form(req, error: nil, username: "") }
        router.on(.session(.signIn)) { req in try await submit(req) }
        router.on(.session(.logout)) { req in try await logout(req) }
    }

    /// The sign-in form: what the page shows (an error, the name typed, where to go after).
    enum View {
        static func render(error: String?, username: String, next: String, csrf: String, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            let body: HTML = """
            <section class="card narrow">
            <div class="login-brand"><span class="logo">P</span><h1>\(ConsoleText.signInTitle(lang))</h1><p class="sub">\(ConsoleText.appTagline(lang))</p></div>
            \(error.map { HTML("<p class=\"notice bad\">\($0)</p>") } ?? .empty)
            <form method="post" action="\(ConsoleURL.session(.signIn))" class="stack">
            <input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="next" value="\(next)">
            <label>\(ConsoleText.username(lang))<input name="username" value="\(username)" autocomplete="username" required maxlength="64" autofocus></label>
            <label>\(ConsoleText.password(lang))<input type="password" name="password" autocomplete="current-password" required maxlength="200"></label>
            <button class="btn" type="submit">\(ConsoleText.signIn(lang))</button>
            <p class="sub">\(ConsoleText.demoHint(lang))</p>
            </form></section>
            """
            return ConsolePage(title: ConsoleText.login(lang), section: .none, body: body, status: status)
        }
    }

    static func form(_ req: Request, error: String?, username: String, status: HTTPResponseStatus = .ok) -> Response {
        let ctx = PageContext(req)
        let csrf = req.cookies[loginCSRFCookie]?.string ?? AccountRepository.newCSRFToken()
        let next = SafeRedirect.path((try? req.query.get(String.self, at: "next")) ?? (try? req.content.get(String.self, at: "next")))
        let res = View.render(error: error, username: username, next: next, csrf: csrf, ctx, status: status).response(ctx)
        res.cookies[loginCSRFCookie] = HTTPCookies.Value(string: csrf, maxAge: 3600, path: "/", isSecure: req.application.parkServices.options.secureCookies,
                                                         isHTTPOnly: true, sameSite: .strict)
        return res
    }

    struct LoginForm: Content { var username: String?; var password: String?; var _csrf: String?; var next: String? }

    static func submit(_ req: Request) async throws -> Response {
        let lang = RequestContext.current.language
        let f = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        guard let sent = f._csrf, let cookie = req.cookies[loginCSRFCookie]?.string,
              ConsoleRoutes.constantTimeEqual(sent, cookie) else {
            return form(req, error: ConsoleText.formExpired(lang), username: f.username ?? "",
                        status: .forbidden)
        }
        let username = (f.username ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let user = try await SignIn.attempt(username: username, password: f.password ?? "",
                                                address: RequestContext.current.clientAddress, repos: req.park)
            let issued = try await req.park.accounts.issueToken(for: user, kind: "console")
            let res = req.redirect(to: SafeRedirect.path(f.next), redirectType: .normal)
            res.cookies[AuthMiddleware.sessionCookie] = HTTPCookies.Value(
                string: issued.token, maxAge: Int(AccountRepository.sessionLifetimeMillis / 1000), path: "/",
                isSecure: req.application.parkServices.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return res
        } catch let e as DomainError {
            return form(req, error: e.message.text(lang), username: username,
                        status: e.kind == .tooMany ? .tooManyRequests : .unauthorized)
        }
    }

    static func logout(_ req: Request) async throws -> Response {
        // signed in (RequireSignIn) and the form's token checked (CSRFCheck) before this runs
        if let token = RequestContext.current.token { try await req.park.accounts.revoke(token: token) }
        let res = req.redirect(to: .session(.login))
        res.cookies[AuthMiddleware.sessionCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return res
    }
}
