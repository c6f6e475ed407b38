import ParkDomain
import Vapor

/// The frame of every console page: top bar, navigation by role, language switch, sign-out.
struct Layout {
    /// The navigation entry a page belongs to (marked active).
    enum Section {
        case home, enterprises, land, permu, policies, importCSV, users, audit, none
        // ── slot: Investment (issue 11) ──
        case investment

        // ── slot: Service (issue 12) ──
        case service, servicePortal, inbox

        // ── slot: Indicators and profile (issue 13) ──
        case indicators, profile

        // ── slot: Outbound (issue 14) ──
        case outbound
    }

    let lang: Language
    let principal: Principal?
    let csrf: String?
    /// Path and query of the current page, to switch language in place.
    let here: URI

    init(_ request: Request) {
        lang = RequestContext.current.language
        principal = RequestContext.current.principal
        csrf = RequestContext.current.csrfToken
        here = request.url
    }

    func switchLanguageURL() -> String {
        var c = URLComponents(string: here.string) ?? URLComponents()
        var items = (c.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: lang.other.rawValue))
        c.queryItems = items
        return (c.path.isEmpty ? "/" : c.path) + "?" + (c.percentEncodedQuery ?? "")
    }

    func page(_ title: String, _ section: Section, _ body: HTML) -> HTML {
        let nav: [(Section, ConsoleURL, Bilingual)] = {
            guard let p = principal else { return [] }
            var items: [(Section, ConsoleURL, Bilingual)] = [(.home, .home, ConsoleText.home.text), (.enterprises, .enterprises(.list), ConsoleText.enterprises.text)]
            if p.isStaff {
                items += [(.land, .land(.overview), LandText.land.text), (.permu, .permu(.overview), PerMuText.navStaff.text),
                          (.policies, .policies(.list), PolicyText.navStaff.text), (.importCSV, .enterprises(.importForm), ConsoleText.importCSV.text)]
                // ── slot: Investment (issue 11) ──
                items += [(.investment, .investment(.board), InvestmentText.nav.text)]

                // ── slot: Service (issue 12) ──
                items += [(.service, .service(.queue), ServiceText.nav.text)]

                // ── slot: Indicators and profile (issue 13) ──
                items.append((.indicators, .indicators(.leadership), IndicatorText.nav.text))

                // ── slot: Outbound (issue 14) ──
                items.append((.outbound, .outbound(.board), OutboundText.navStaff.text))
            }
            if !p.isStaff && p.enterpriseID != nil {
                items += [(.permu, .permu(.mine), PerMuText.navEnterprise.text), (.policies, .policies(.mine), PolicyText.navEnterprise.text)]
                items.append((.profile, .indicators(.myProfile), IndicatorText.myProfile.text))
                items.append((.outbound, .outbound(.mine), OutboundText.navFirm.text))   // Outbound (issue 14)
            }
            // Service (issue 12): the firm's own requests.
            if !p.isStaff && p.enterpriseID != nil { items += [(.servicePortal, .service(.mine), ServiceText.navPortal.text)] }
            if p.role == .admin { items += [(.users, .admin(.users), ConsoleText.users.text), (.audit, .admin(.audit), ConsoleText.audit.text)] }
            return items
        }()
        let links = nav.map { s, href, t -> HTML in
            "<a class=\"\(s == section ? "active" : "")\" href=\"\(href)\">\(t.text(lang))</a>"
        }
        let userBox: HTML = principal.map { p in
            """
            <a class="inbox-link" href="\(ConsoleURL.service(.inbox))" title="\(ServiceText.inbox(lang))">\(ServiceText.inbox(lang)) <img class="badge-img" src="\(ConsoleURL.service(.badge))" alt="" height="18"></a>
            <span class="who">\(p.name) · \(p.role.label.text(lang))</span>
            <form method="post" action="\(ConsoleURL.session(.logout))" class="inline">\(Markup.csrfField(csrf))<button class="link">\(ConsoleText.logout(lang))</button></form>
            """
        } ?? .empty
        return """
        <!doctype html>
        <html lang="\(lang.htmlTag)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(ConsoleText.appName(lang))</title>
        <link rel="icon" href="\(ConsoleURL.assets(.icon))" type="image/svg+xml"><link rel="stylesheet" href="\(ConsoleURL.assets(.css))"></head>
        <body>
        <header class="top"><a class="brand" href="\(ConsoleURL.home)"><span class="logo">P</span>\(ConsoleText.appName(lang))</a>
        <nav>\(links)</nav>
        <div class="right"><a class="lang" href="\(switchLanguageURL())">\(ConsoleText.switchLanguage(lang))</a>\(userBox)</div></header>
        <main>\(body)</main>
        <footer>\(ConsoleText.appTagline(lang)) · ParkOS</footer>
        </body></html>
        """
    }

    /// A console page response with the language remembered in a cookie.
    func response(_ title: String, _ section: Section, _ body: HTML, status: HTTPResponseStatus = .ok) -> Response {
        HTMLResponse.make(page(title, section, body), status: status, language: lang)
    }
}

enum HTMLResponse {
    static func make(_ html: HTML, status: HTTPResponseStatus = .ok, language: Language) -> Response {
        let res = Response(status: status, body: .init(string: html.raw))
        res.headers.contentType = .html
        res.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'")
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.cookies[ConsoleLanguage.cookie] = HTTPCookies.Value(string: language.rawValue, maxAge: 365 * 24 * 3600,
                                                                 path: "/", isHTTPOnly: true, sameSite: .lax)
        return res
    }
}

/// A readable error page for console requests.
enum ErrorPage {
    static func response(status: HTTPResponseStatus, message: String, language: Language) -> Response {
        let ctx = RequestContext.current
        let title = status == .notFound ? ConsoleText.notFoundTitle(language) : status == .forbidden ? ConsoleText.forbiddenTitle(language) : ConsoleText.errorTitle(language)
        let layout = Layout(lang: language, principal: ctx.principal, csrf: ctx.csrfToken, here: URI(path: "/"))
        let body: HTML = """
        <section class="card narrow"><h1>\(title)</h1><p class="error">\(message)</p>
        <p><a href="\(ConsoleURL.home)">\(ConsoleText.back(language))</a></p></section>
        """
        return HTMLResponse.make(layout.page(title, .none, body), status: status, language: language)
    }
}

extension Layout {
    init(lang: Language, principal: Principal?, csrf: String?, here: URI) {
        self.lang = lang; self.principal = principal; self.csrf = csrf; self.here = here
    }
}

extension Language {
    /// The other of the console's two languages (the header's switch).
    var other: Language { self == .zh ? .en : .zh }
    /// The `lang` attribute of a page in this language.
    var htmlTag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }
}
