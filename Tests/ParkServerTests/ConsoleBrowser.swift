import Foundation
import ParkDomain
import XCTVapor

/// A browser for the console tests: signs in through the form (CSRF cookie and field, as a
/// browser does), fetches pages with the session cookie, and posts forms with the session's
/// CSRF token.
extension ServerTestCase {
    /// The value of the hidden `_csrf` field of the first form on a page.
    func csrfField(_ html: String) -> String? {
        guard let r = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    func htmlHeaders(session: String? = nil, form: Bool = false) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.add(name: .accept, value: "text/html,application/xhtml+xml")
        if let session { h.add(name: .cookie, value: "parkos_session=\(session)") }
        if form { h.contentType = .urlEncodedForm }
        return h
    }

    /// Fetches a page; every HTML page any console test fetches is also checked for inline
    /// styles, which the console's security policy (`style-src 'self'`) drops in a browser.
    func page(_ path: String, session: String?) async throws -> XCTHTTPResponse {
        let res = try await send(.GET, path, headers: htmlHeaders(session: session))
        if res.headers.contentType?.subType == "html", let tag = Self.inlineStyle(in: res.body.string) {
            XCTFail("\(path) has an inline style, which the security policy blocks: \(tag)")
        }
        if res.headers.contentType?.subType == "html" {
            let dead = unroutedLinks(in: res.body.string)
            XCTAssert(dead.isEmpty, "\(path) links to paths no route answers: \(dead)")
        }
        return res
    }

    /// The links and form actions of a page (`href="/…"`, `action="/…"`) that no registered route matches.
    func unroutedLinks(in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"(?:href|action)="(/[^"]*)""#)
        let ns = html as NSString
        var dead: [String] = []
        for m in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let link = ns.substring(with: m.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
            let path = String(link.prefix { $0 != "?" && $0 != "#" })
            let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
            let matched = app.routes.all.contains { route in
                guard route.path.count == parts.count else { return false }
                return zip(route.path, parts).allSatisfy { component, part in
                    switch component {
                    case .constant(let c): c == part
                    case .parameter: !part.hasPrefix(":")
                    default: true
                    }
                }
            }
            if !matched { dead.append(link) }
        }
        return dead
    }

    /// The first start tag with a `style` attribute, if any.
    static func inlineStyle(in html: String) -> String? {
        guard let r = html.range(of: #"<[A-Za-z][^<>]*\sstyle\s*=[^<>]*>"#, options: .regularExpression) else { return nil }
        return String(html[r].prefix(160))
    }

    /// Posts an already encoded form body.
    func post(_ path: String, session: String?, form: String) async throws -> XCTHTTPResponse {
        try await send(.POST, path, body: ByteBuffer(string: form), headers: htmlHeaders(session: session, form: true))
    }

    /// The session's CSRF token, read from a page's form.
    func csrf(_ session: String) async throws -> String {
        let html = try await page("/enterprises", session: session).body.string
        return try XCTUnwrap(csrfField(html))
    }

    /// Posts `fields` (percent-encoded) with the session's CSRF token.
    func post(_ path: String, session: String, _ fields: [(String, String)]) async throws -> XCTHTTPResponse {
        var c = URLComponents()
        c.queryItems = ([("_csrf", try await csrf(session))] + fields).map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (c.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await send(.POST, path, body: ByteBuffer(string: body), headers: htmlHeaders(session: session, form: true))
    }

    /// Signs in through the form: GET /login for the CSRF cookie and field, POST them back; the
    /// answer redirects to `next`. Returns the session cookie.
    func login(_ username: String, password: String = ServerTestCase.password, next: String = "/",
               file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let form = try await page("/login", session: nil)
        XCTAssertEqual(form.status, .ok, file: file, line: line)
        let cookie = try XCTUnwrap(form.headers.setCookie?["parkos_login_csrf"]?.string, file: file, line: line)
        let field = try XCTUnwrap(csrfField(form.body.string), file: file, line: line)
        XCTAssertEqual(field, cookie, file: file, line: line)
        var headers = htmlHeaders(form: true)
        headers.add(name: .cookie, value: "parkos_login_csrf=\(cookie)")
        let encodedNext = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"
        let res = try await send(.POST, "/login", body: ByteBuffer(string: "_csrf=\(field)&username=\(username)&password=\(password)&next=\(encodedNext)"),
                                 headers: headers)
        XCTAssertEqual(res.status, .seeOther, res.body.string, file: file, line: line)
        XCTAssertEqual(res.headers.first(name: .location), next, file: file, line: line)
        return try XCTUnwrap(res.headers.setCookie?["parkos_session"]?.string, file: file, line: line)
    }
}
