import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

final class ConsoleTests: ServerTestCase {
    func testPagesWithoutASessionRedirectToLogin() async throws {
        // when
        let home = try await page("/", session: nil)
        let list = try await page("/enterprises?q=x", session: nil)
        // then
        XCTAssertEqual(home.status, .seeOther)
        XCTAssertEqual(home.headers.first(name: .location), "/login?next=/")
        XCTAssertEqual(list.status, .seeOther)
        XCTAssertTrue(list.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
    }

    func testSignInWithoutTheCSRFCookieIsRefused() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        // when
        let res = try await post("/login", session: nil, form: "_csrf=abc&username=land-1&password=\(Self.password)")
        // then
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertNil(res.headers.setCookie?["parkos_session"])
    }

    func testEnterpriseListRendersInChineseByDefaultAndInEnglishOnRequest() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        try await seedEnterprise(1, zh: "甲公司", en: "Alpha")
        let session = try await login("land-1")
        // when
        let zh = try await page("/enterprises", session: session)
        let en = try await page("/enterprises?lang=en", session: session)
        // then
        XCTAssertEqual(zh.status, .ok)
        XCTAssertTrue(zh.body.string.contains("<h1>企业名录</h1>"))
        XCTAssertTrue(zh.body.string.contains(#"<html lang="zh-CN">"#))
        XCTAssertTrue(zh.body.string.contains("甲公司"))
        XCTAssertEqual(en.status, .ok)
        XCTAssertTrue(en.body.string.contains("<h1>Enterprises</h1>"))
        XCTAssertFalse(en.body.string.contains("企业名录"))
        XCTAssertEqual(en.headers.setCookie?["parkos_lang"]?.string, "en", "the choice is remembered")
    }

    func testAFormPostWithoutCSRFIsRefused() async throws {
        // given
        try await seedUser("root", role: .admin)
        let session = try await login("root")
        let form = "username=mallory&password=mallory-pass-1&role=admin"
        // when
        let without = try await post("/admin/users", session: session, form: form)
        let forged = try await post("/admin/users", session: session, form: form + "&_csrf=0123456789abcdef0123456789abcdef")
        // then
        XCTAssertEqual(without.status, .forbidden)
        XCTAssertEqual(forged.status, .forbidden)
        await assertNil(try await app.park.accounts.find(username: "mallory"))

        // when the page's own token is sent, then it works
        let usersPage = try await page("/admin/users", session: session)
        let csrf = try XCTUnwrap(csrfField(usersPage.body.string))
        let ok = try await post("/admin/users", session: session, form: form + "&_csrf=\(csrf)")
        XCTAssertEqual(ok.status, .ok)
        await assertNotNil(try await app.park.accounts.find(username: "mallory"))
    }

    func testEnterpriseUserSeesOnlyItsOwnEnterprise() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲公司", en: "Alpha")
        let b = try await seedEnterprise(2, zh: "乙公司", en: "Beta")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let session = try await login("firm-a")
        // when
        let own = try await page("/enterprises/\(a.id!)", session: session)
        let other = try await page("/enterprises/\(b.id!)", session: session)
        let list = try await page("/enterprises", session: session)
        // then
        XCTAssertEqual(own.status, .ok)
        XCTAssertEqual(other.status, .notFound)
        XCTAssertFalse(other.body.string.contains("乙公司"))
        XCTAssertTrue(list.body.string.contains("甲公司"))
        XCTAssertFalse(list.body.string.contains("乙公司"))
        await assertEqual(try await page("/admin/users", session: session).status, .forbidden)
        await assertEqual(try await page("/enterprises/export.csv", session: session).status, .forbidden)
    }

    func testHomeBarsAreDrawnInProportionWithoutInlineStyles() async throws {
        // given: three domestic firms and one foreign-invested
        try await seedUser("root", role: .admin)
        for n in 1...3 { try await seedEnterprise(n, zh: "内资\(n)", en: "Domestic \(n)") }
        try await seedEnterprise(4, zh: "外资", en: "Foreign", ownership: .foreign, country: "DE")
        let session = try await login("root")
        // when
        let html = try await page("/?lang=en", session: session).body.string
        // then: the bars are SVG rectangles (the security policy drops inline styles), 3 : 1
        XCTAssertNil(Self.inlineStyle(in: html))
        XCTAssertTrue(html.contains(#"<rect class="fill" width="100" height="14"/>"#), "3 of 3: full width")
        XCTAssertTrue(html.contains(#"<rect class="fill" width="33" height="14"/>"#), "1 of 3: a third")
    }

    func testTheInlineStyleCheckFindsStyleAttributesOnly() {
        XCTAssertNotNil(Self.inlineStyle(in: #"<p>x</p><div class="a" style="width:3%">"#))
        XCTAssertNotNil(Self.inlineStyle(in: "<i\nstyle='x'>"))
        XCTAssertNil(Self.inlineStyle(in: ##"<link rel="stylesheet" href="/assets/park.css"><svg viewBox="0 0 1 1"><rect fill="#fff"/></svg>"##))
        XCTAssertNil(Self.inlineStyle(in: "<textarea>style = a</textarea><p data-style=\"x\">"))
    }

    func testAdminUsersPage() async throws {
        // given
        try await seedUser("root", role: .admin)
        try await seedUser("land-1", role: .officer, department: "land")
        let admin = try await login("root")
        let officer = try await login("land-1")
        // when
        let res = try await page("/admin/users", session: admin)
        let refused = try await page("/admin/users", session: officer)
        // then
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("用户与权限"))
        XCTAssertTrue(res.body.string.contains("land-1"))
        XCTAssertTrue(res.body.string.contains("国土资源局"))
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testEnterpriseNamesAreEscaped() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let e = try await seedEnterprise(1, zh: "<script>alert(1)</script>", en: #""><img src=x onerror=alert(2)>"#)
        let session = try await login("land-1")
        // when
        let list = try await page("/enterprises", session: session).body.string
        let detail = try await page("/enterprises/\(e.id!)?lang=en", session: session).body.string
        // then
        for html in [list, detail] {
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertFalse(html.contains("<script>alert(1)"))
            XCTAssertFalse(html.contains("<img src=x"))
        }
        XCTAssertTrue(detail.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    func testSignOutEndsTheSession() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let session = try await login("land-1")
        let listPage = try await page("/enterprises", session: session)
        let csrf = try XCTUnwrap(csrfField(listPage.body.string))
        // when
        let out = try await post("/logout", session: session, form: "_csrf=\(csrf)")
        // then
        XCTAssertEqual(out.status, .seeOther)
        XCTAssertEqual(out.headers.first(name: .location), "/login")
        await assertEqual(try await page("/enterprises", session: session).status, .seeOther)
    }

    func testPagesWithoutDatabaseWorkStillSeeTheSignedInUserAndTheLanguage() async throws {
        // given: pages whose handlers do not wait on anything (forms, the CSV template)
        try await seedUser("root", role: .admin)
        let session = try await login("root")
        // when
        let login = try await page("/login?lang=en", session: nil)
        let forms = ["/enterprises/import", "/parcels/import", "/land/reports/import", "/enterprises/template.csv"]
        var statuses: [String: HTTPStatus] = [:]
        for path in forms { statuses[path] = try await page(path + "?lang=en", session: session).status }
        // then: the request's context (user, language) reaches them; a synchronous handler did not see it
        XCTAssertTrue(login.body.string.contains(#"<html lang="en">"#), "the English sign-in page")
        XCTAssertEqual(login.headers.setCookie?["parkos_lang"]?.string, "en")
        for path in forms { XCTAssertEqual(statuses[path], .ok, "\(path) for a signed-in administrator") }
    }

    func testTheIconIsServed() async throws {
        // when
        let icon = try await send(.GET, "/assets/icon.svg")
        let favicon = try await send(.GET, "/favicon.ico")
        // then
        XCTAssertEqual(icon.status, .ok)
        XCTAssertEqual(icon.headers.contentType?.description, "image/svg+xml")
        XCTAssertTrue(icon.body.string.hasPrefix("<svg"))
        XCTAssertEqual(favicon.body.string, icon.body.string)
    }

    func testHealthMetricsAndSpec() async throws {
        // when
        let health = try await send(.GET, "/healthz")
        let metrics = try await send(.GET, "/metrics")
        let spec = try await send(.GET, "/openapi.yaml")
        // then
        XCTAssertEqual(health.status, .ok)
        XCTAssertEqual(health.body.string, #"{"status":"ok"}"#)
        XCTAssertEqual(metrics.status, .forbidden, "metrics need a token or loopback (MetricsTokenTests reads them)")
        XCTAssertEqual(spec.status, .ok)
        XCTAssertTrue(spec.body.string.hasPrefix("openapi: \"3.1.0\""))
        XCTAssertTrue(spec.body.string.contains("operationId: importEnterprises"))
    }
}
