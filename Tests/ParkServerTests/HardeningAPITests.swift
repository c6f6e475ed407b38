import Foundation
import ParkDomain
@testable import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// Issue 9: numbers bounded at the edge, bodies limited before they are read, sign-in that a
/// proxy cannot break, headers, methods, redirects.
final class HardeningAPITests: ServerTestCase {
    // MARK: numbers at the edge

    func testHugePagesAreRefusedNamingTheField() async throws {
        // given
        try await seedUser("admin-1", role: .admin)
        let token = try await token("admin-1")
        // when
        let huge = try await send(.GET, "/api/v1/enterprises?page=9223372036854775807", token: token)
        let past = try await send(.GET, "/api/v1/enterprises?page=1000001", token: token)
        let perPage = try await send(.GET, "/api/v1/enterprises?per_page=9223372036854775807", token: token)
        let last = try await send(.GET, "/api/v1/enterprises?page=1000000&per_page=500", token: token)
        // then
        XCTAssertEqual(huge.status, .badRequest)
        XCTAssertEqual(try problem(huge).field, "page")
        XCTAssertEqual(past.status, .badRequest)
        XCTAssertEqual(try problem(past).code, "out_of_range")
        XCTAssertEqual(try problem(perPage).field, "per_page")
        XCTAssertEqual(last.status, .ok, "the largest page is an empty page, not a crash")
    }

    func testHugePageInTheConsoleIsAnErrorPageNotACrash() async throws {
        // given
        try await seedUser("admin-1", role: .admin)
        let session = try await login("admin-1")
        // when
        let res = try await page("/enterprises?page=9223372036854775807", session: session)
        // then
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertTrue(res.body.string.contains("page"), res.body.string)
    }

    func testReportWithRevenueNearInt64MaxIsRefused() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let token = try await token("land-1")
        let firm = try await seedEnterprise(1, zh: "甲公司", en: "A Co")
        let (_, lease) = try await seedLease(firm, code: "P-1", offset: 0, state: .inProduction)
        // when
        let res = try await send(.POST, "/api/v1/leases/\(lease.id!.uuidString)/reports", token: token,
                                 json: #"{"report":{"year":2024,"revenue_yuan":922337203685477580,"rd_spend_yuan":1,"tax_paid_yuan":1,"source":"self_reported"}}"#)
        let tax = try await send(.POST, "/api/v1/leases/\(lease.id!.uuidString)/reports", token: token,
                                 json: #"{"report":{"year":2024,"tax_paid_yuan":9000000000000000000,"source":"self_reported"}}"#)
        // then
        XCTAssertEqual(res.status, .badRequest, res.body.string)
        XCTAssertEqual(try problem(res).field, "revenue_yuan")
        XCTAssertEqual(tax.status, .badRequest, tax.body.string)
        XCTAssertEqual(try problem(tax).field, "tax_paid_yuan")
    }

    // MARK: bodies

    func testUnauthenticatedBodiesAreLimitedTo16KiB() async throws {
        // given
        let big = String(repeating: "x", count: 20 * 1024)
        // when
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"\#(big)","password":"p"}"#)
        // (the in-memory client rewrites Content-Length, so the middleware is called directly)
        let declared = Request(application: app, method: .POST, url: "/api/v1/auth/token",
                               headers: ["Content-Length": "1073741824"], on: app.eventLoopGroup.next())
        struct NeverCalled: AsyncResponder { func respond(to request: Request) async throws -> Response { XCTFail("read"); return Response() } }
        var refused: DomainError?
        do { _ = try await BodyLimitMiddleware().respond(to: declared, chainingTo: NeverCalled()) } catch let e as DomainError { refused = e }
        // then
        XCTAssertEqual(res.status, .payloadTooLarge)
        XCTAssertEqual(try problem(res).code, "too_large")
        XCTAssertEqual(refused?.code, "too_large", "a declared 1 GB body is refused before a byte of it is read")
    }

    func testLongUsernameIsNotCountedOrHashed() async throws {
        // when
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"\#(String(repeating: "a", count: 5000))","password":"p"}"#)
        let counters = try await app.park.loginThrottle.count()
        // then
        XCTAssertEqual(res.status, .unauthorized)
        XCTAssertEqual(counters, 0, "nothing is stored for a username longer than any account's")
    }

    // MARK: sign-in

    func testTooManyAttemptsCarriesRetryAfter() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        for _ in 1...5 { _ = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"land-1","password":"guess-guess"}"#) }
        // when
        let res = try await send(.POST, "/api/v1/auth/token", json: #"{"username":"land-1","password":"guess-guess"}"#)
        // then
        XCTAssertEqual(res.status, .tooManyRequests)
        XCTAssertEqual(res.headers.first(name: .retryAfter), "900", "the pair waits out the 15-minute window (clock pinned)")
    }

    func testOwnPasswordChangeNeedsTheCurrentPassword() async throws {
        // given
        let user = try await seedUser("land-1", role: .officer, department: "land")
        let token = try await token("land-1")
        // when
        let bare = try await send(.PATCH, "/api/v1/users/\(user.id.uuidString)", token: token, json: #"{"password":"new-password-1"}"#)
        let wrong = try await send(.PATCH, "/api/v1/users/\(user.id.uuidString)", token: token,
                                   json: #"{"password":"new-password-1","current_password":"not-it-at-all"}"#)
        let right = try await send(.PATCH, "/api/v1/users/\(user.id.uuidString)", token: token,
                                   json: #"{"password":"new-password-1","current_password":"\#(Self.password)"}"#)
        // then
        XCTAssertEqual(bare.status, .forbidden)
        XCTAssertEqual(try problem(bare).field, "current_password")
        XCTAssertEqual(wrong.status, .forbidden)
        XCTAssertEqual(right.status, .ok, right.body.string)
    }

    func testAnAdminResetsAnothersPasswordWithoutTheirs() async throws {
        // given
        try await seedUser("admin-1", role: .admin)
        let other = try await seedUser("land-1", role: .officer, department: "land")
        let token = try await token("admin-1")
        // when
        let res = try await send(.PATCH, "/api/v1/users/\(other.id.uuidString)", token: token, json: #"{"password":"reset-password-1"}"#)
        // then
        XCTAssertEqual(res.status, .ok, res.body.string)
    }

    func testForgedNextStaysOnTheSite() async throws {
        // given
        try await seedUser("land-1", role: .officer, department: "land")
        let form = try await page("/login", session: nil)
        let cookie = try XCTUnwrap(form.headers.setCookie?["parkos_login_csrf"]?.string)
        var headers = htmlHeaders(form: true)
        headers.add(name: .cookie, value: "parkos_login_csrf=\(cookie)")
        // when
        var locations: [String] = []
        for next in ["/\\evil.example/", "//evil.example/", "https://evil.example/", "/%5Cevil.example", "/enterprises?page=2"] {
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let res = try await send(.POST, "/login", body: ByteBuffer(string: "_csrf=\(cookie)&username=land-1&password=\(Self.password)&next=\(encoded)"),
                                     headers: headers)
            locations.append(res.headers.first(name: .location) ?? "")
        }
        // then
        XCTAssertEqual(locations, ["/", "/", "/", "/%5Cevil.example", "/enterprises?page=2"],
                       "a percent-encoded backslash is a path on this site; a raw one is refused")
    }

    // MARK: headers and methods

    func testSecurityHeadersAndNoStoreOnSignedInAnswers() async throws {
        // given
        try await seedUser("admin-1", role: .admin)
        let token = try await token("admin-1")
        // when
        let signedIn = try await send(.GET, "/api/v1/enterprises", token: token)
        let health = try await send(.GET, "/healthz")
        // then
        XCTAssertEqual(signedIn.headers.first(name: "X-Content-Type-Options"), "nosniff")
        XCTAssertEqual(signedIn.headers.first(name: .cacheControl), "no-store")
        XCTAssertEqual(health.headers.first(name: "X-Frame-Options"), "DENY")
        XCTAssertNil(signedIn.headers.first(name: .accessControlAllowOrigin), "CORS is off unless origins are configured")
    }

    func testUnknownAndUnservedMethodsAre405() async throws {
        // when
        let trace = try await send(.init(rawValue: "TRACE"), "/api/v1/enterprises")
        let wrong = try await send(.PUT, "/api/v1/enterprises")
        let missing = try await send(.GET, "/api/v1/no-such-thing")
        // then
        XCTAssertEqual(trace.status, .methodNotAllowed)
        XCTAssertEqual(wrong.status, .methodNotAllowed)
        XCTAssertEqual(wrong.headers.first(name: .allow), "GET, POST")
        XCTAssertEqual(missing.status, .notFound)
    }

    func testMetricsAreNotPublic() async throws {
        // when (the in-memory test client has no loopback peer address)
        let res = try await send(.GET, "/metrics")
        // then
        XCTAssertEqual(res.status, .forbidden)
    }

    // MARK: deleting an enterprise

    func testDeletingAnEnterpriseWithDependantsIs409NamingThem() async throws {
        // given
        try await seedUser("admin-1", role: .admin)
        let token = try await token("admin-1")
        let firm = try await seedEnterprise(1, zh: "甲公司", en: "A Co")
        _ = try await seedLease(firm, code: "P-1", offset: 0)
        // when
        let res = try await send(.DELETE, "/api/v1/enterprises/\(firm.id!.uuidString)", token: token)
        // then
        XCTAssertEqual(res.status, .conflict, res.body.string)
        let p = try problem(res)
        XCTAssertEqual(p.code, "in_use")
        XCTAssertTrue(p.message.contains("1 份土地出让") || p.message.contains("1 lease"), p.message)
    }
}

/// The same server with a metrics token configured.
final class MetricsTokenTests: ServerTestCase {
    override func options() -> ServerOptions {
        var o = super.options()
        o.metricsToken = "a-metrics-token-of-some-length"
        return o
    }

    func testMetricsWithTheToken() async throws {
        // when
        let without = try await send(.GET, "/metrics")
        let with = try await send(.GET, "/metrics", token: "a-metrics-token-of-some-length")
        // then
        XCTAssertEqual(without.status, .forbidden)
        XCTAssertEqual(with.status, .ok)
        XCTAssertTrue(with.body.string.contains("# TYPE parkos_http_requests_total counter"))
        XCTAssertTrue(with.body.string.contains(#"parkos_http_requests_total{method="GET",status="403"} 1"#), with.body.string)
        XCTAssertTrue(with.body.string.contains("parkos_enterprises 0"))
        XCTAssertTrue(with.body.string.contains("parkos_login_throttle_counters 0"))
    }
}

/// Pure checks of the proxy rules and the redirect rule.
final class ClientAddressTests: XCTestCase {
    func testForwardedForIsBelievedOnlyFromTrustedProxies() throws {
        // given
        let proxies = try TrustedProxies(["127.0.0.1", "10.0.0.0/8"])
        // when / then
        XCTAssertEqual(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"]), "203.0.113.9",
                       "an untrusted peer's header is ignored")
        XCTAssertEqual(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"]), "198.51.100.7")
        XCTAssertEqual(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 198.51.100.7, 10.1.2.3"]), "198.51.100.7",
                       "the rightmost address our proxies did not write; the forged left part is skipped")
        XCTAssertEqual(proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["not-an-address"]), "127.0.0.1")
        XCTAssertTrue(try TrustedProxies(["fd00::/8"]).trusts("fd12::1"))
        XCTAssertFalse(try TrustedProxies(["fd00::/8"]).trusts("fe80::1"))
        XCTAssertThrowsError(try TrustedProxies(["10.0.0.0/33"]))
        XCTAssertThrowsError(try TrustedProxies(["example.org"]))
    }

    func testEnvironmentSettings() throws {
        // when
        let o = try ServerOptions.fromEnvironment(database: .sqliteMemory, ["PARKOS_TRUSTED_PROXIES": "127.0.0.1, ::1",
                                                                          "PARKOS_CORS_ORIGINS": "https://a.example"])
        // then
        XCTAssertTrue(o.trustedProxies.trusts("::1"))
        XCTAssertEqual(o.corsOrigins, ["https://a.example"])
        XCTAssertThrowsError(try ServerOptions.fromEnvironment(database: .sqliteMemory, ["PARKOS_METRICS_TOKEN": "short"]))
    }
}
