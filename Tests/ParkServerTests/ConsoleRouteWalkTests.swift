import Foundation
import ParkDomain
@testable import ParkServer
import ParkStore
import Fluent
import XCTVapor
import ParkTestSupport

/// Walks every registered console route (everything outside `api/`) as it walks the API: as
/// nobody (each page sends to the sign-in, each form is refused), as an enterprise user of A
/// aimed at B's records (each answer a refusal, except the few pages an enterprise uses on
/// its own scope, checked one by one), and as an officer on the administrator's pages. The
/// routes come from `app.routes.all`, so a new page is walked without editing this test.
final class ConsoleRouteWalkTests: ServerTestCase {
    /// Open to anyone: the server's own endpoints, the console routes whose URL says `.open`
    /// (the sign-in, the style sheet, the icon, the scripts), read from the URL enum, and
    /// Open311's service list (public in GeoReport v2; its requests need an API key).
    static let publicRoutes: Set<String> = Set(["GET healthz", "GET metrics", "GET openapi.yaml",
                                                "GET open311/v2/services.json", "GET open311/v2/services.xml",
                                                "GET open311/v2/services/:file"]
        + ConsoleURL.routes.filter { $0.access == .open }.map(\.key))
    /// Open to an enterprise user on its own scope, each checked in `checkOpenRoute`.
    static let enterpriseRoutes: Set<String> = [
        "GET ", "POST logout", "GET enterprises", "GET enterprises/template.csv", "GET policies/me",
        "GET policies/me/facts", "POST policies/me/facts", "GET permu/me",
        "GET outbound/projects", "GET outbound/me",
        "GET service/mine", "GET service/new", "POST service/new", "GET inbox", "POST inbox/read", "GET inbox/badge.svg",
    ]

    var a: Enterprise!, b: Enterprise!, session: String!, csrfToken: String!
    var parcelB: Parcel!, leaseB: Lease!, schemeID: UUID!, runID: UUID!, policyRunID: UUID!
    var outboundB: (project: OutboundProject, filing: Filing, alert: UUID)!
    var requestB: ServiceRequest!, attachmentB: AttachmentInfo!

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio", clusters: ["biomedicine"], employees: 77)
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        try await seedUser("land-1", role: .officer, department: "land")
        _ = try await seedLease(a, code: "T-A", offset: 0)
        (parcelB, leaseB) = try await seedLease(b, code: "T-B", offset: 0.01)
        let admin = Principal.system("test-admin")
        schemeID = try await PerMuSchemeRepository(db: app.db).find(name: PerMuScheme.huangyan2022.name)!.id
        let runs = PerMuRunRepository(db: app.db)
        runID = try await runs.run(schemeID: schemeID, dryRun: false, by: admin).stored!.id
        _ = try await runs.enact(runID, by: admin)
        policyRunID = try await PolicyRunRepository(db: app.db).match(asOf: LocalDate(iso: "2025-06-01")!, by: admin).id
        try await seedOutboundRates()
        outboundB = try await seedOutbound(b, title: "乙生物 Yangon plant")
        let desk = ServiceDesk(db: app.db)
        requestB = try await desk.raise(RequestDraft(enterpriseID: b.id!, categoryCode: "tax", title: "乙生物的诉求 Beta Bio request",
                                                     description: "Beta Bio internal", contactName: "乙", contactPhone: "1"), by: admin)
        attachmentB = try await desk.attach(requestB.id, filename: "beta.pdf", data: Data("%PDF-1.4 Beta Bio".utf8), internalOnly: false, by: admin)
        session = try await login("firm-a")
        csrfToken = try await csrf(session)
    }

    var consoleRoutes: [Route] { app.routes.all.filter { !$0.path.string.hasPrefix("api/") && $0.path.string != "api" } }

    func key(_ r: Route) -> String { "\(r.method.rawValue) \(r.path.string)" }

    /// The concrete path: every id is one of B's (its enterprise, lease, parcel, per-mu result),
    /// or a run, scheme or policy that exists.
    func concretePath(_ route: Route) -> String? {
        let path = route.path
        var parts: [String] = []
        for component in path {
            switch component {
            case .constant(let c): parts.append(c)
            case .parameter("id"):
                parts.append(path.first == .constant("service") ? requestB.id.uuidString
                             : path.first == .constant("admin") ? UUID().uuidString
                             : path.first == .constant("outbound") && path.contains(.constant("filings")) ? outboundB.filing.id!.uuidString
                             : path.first == .constant("outbound") && path.contains(.constant("alerts")) ? outboundB.alert.uuidString
                             : path.first == .constant("outbound") ? outboundB.project.id!.uuidString
                             : path.first == .constant("leases") ? leaseB.id!.uuidString
                             : path.first == .constant("parcels") ? parcelB.id!.uuidString
                             : path.first == .constant("policies") && path.contains(.constant("runs")) ? policyRunID.uuidString
                             : path.first == .constant("policies") && !path.contains(.constant("enterprise")) ? PolicyLibrary.builtIn[0].id
                             : path.first == .constant("permu") && path.contains(.constant("runs")) ? runID.uuidString
                             : path.first == .constant("permu") && path.contains(.constant("schemes")) ? schemeID.uuidString
                             : b.id!.uuidString)
            case .parameter("eid"): parts.append(b.id!.uuidString)
            case .parameter("fid"): parts.append(attachmentB.id.uuidString)
            case .parameter("file"): parts.append(requestB.reference + ".json")
            case .parameter("year"): parts.append("2022")
            case .parameter("code"): parts.append("biomedicine")
            case .parameter("country"): parts.append("MM")
            default:
                XCTFail("\(key(route)): add a substitution for \(component)")
                return nil
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A form each POST could plausibly take, with the session's CSRF token, aimed at B.
    func form(_ route: Route) -> String {
        var fields = [("_csrf", csrfToken!), ("enterprise_id", b.id!.uuidString), ("employees", "1"), ("reason", "walk"),
                      ("name_zh", "被篡改"), ("credit_code", Self.code(9).value), ("industry_code", "27"),
                      ("deregistered_on", "2025-05-01"), ("state", "in_production"), ("decision", "confirm_all"),
                      ("policy", PolicyLibrary.builtIn[0].id), ("username", "mallory"), ("password", "mallory-pass-1"),
                      ("role", "admin"), ("source", PolicyLibrary.builtIn[0].source), ("year", "2022")]
        if key(route) == "POST login" { fields = [] }
        var c = URLComponents()
        c.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        return (c.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    func request(_ route: Route, session: String?) async throws -> XCTHTTPResponse? {
        guard let path = concretePath(route) else { return nil }
        if route.method == .GET { return try await send(.GET, path, headers: htmlHeaders(session: session)) }
        return try await send(route.method, path, body: ByteBuffer(string: form(route)), headers: htmlHeaders(session: session, form: true))
    }

    func testTheOpenRoutesAreOnlyTheSignInAndTheAssets() {
        XCTAssertEqual(Self.publicRoutes, ["GET healthz", "GET metrics", "GET openapi.yaml", "GET login", "POST login", "GET assets/park.css",
                                           "GET assets/icon.svg", "GET favicon.ico", "GET assets/policy-editor.js", "GET assets/land-map.js",
                                           "GET open311/v2/services.json", "GET open311/v2/services.xml", "GET open311/v2/services/:file"])
    }

    func testWithoutASessionEveryPageSendsToTheSignInAndEveryFormIsRefused() async throws {
        var violations: [String] = [], walked = 0
        for route in consoleRoutes where !Self.publicRoutes.contains(key(route)) {
            guard let res = try await request(route, session: nil) else { continue }
            walked += 1
            let toLogin = res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true
            if !(toLogin || [401, 403].contains(res.status.code)) { violations.append("\(key(route)) → \(res.status.code)") }
        }
        XCTAssertEqual(violations, [])
        XCTAssertGreaterThan(walked, 50, "the walk found too few console routes")
    }

    /// Sends every console route an enterprise user has no business on, aimed at B; returns
    /// those that did not refuse (403, 404, or a redirect to its own pages) or showed B.
    func enterpriseWalk() async throws -> (violations: [String], walked: Int) {
        var violations: [String] = [], walked = 0
        for route in consoleRoutes where !Self.publicRoutes.contains(key(route)) && !Self.enterpriseRoutes.contains(key(route)) {
            guard let res = try await request(route, session: session) else { violations.append("\(key(route)): no substitution"); continue }
            walked += 1
            let body = res.body.string
            let ownRedirect = res.status == .seeOther && res.headers.first(name: .location).map {
                $0.contains(a.id!.uuidString) || $0.hasPrefix("/policies/me") || $0.hasPrefix("/permu/me")
            } == true
            if !([403, 404].contains(res.status.code) || ownRedirect) || body.contains("乙生物") || body.contains("Beta Bio") {
                violations.append("\(key(route)) → \(res.status.code) \(res.headers.first(name: .location) ?? "")")
            }
        }
        return (violations, walked)
    }

    func testAnEnterpriseUserReachesNothingOfAnotherEnterprise() async throws {
        // given
        let auditBefore = try await app.park.audit.recent(limit: 10_000).count
        let keys = Set(consoleRoutes.map(key))
        XCTAssertEqual(Self.enterpriseRoutes.subtracting(keys), [], "listed routes that no longer exist")
        // when
        let result = try await enterpriseWalk()
        // then: every route refused, and nothing changed
        XCTAssertEqual(result.violations, [])
        XCTAssertGreaterThan(result.walked, 50)
        await assertEqual(try await app.park.enterprises.find(b.id!), b)
        await assertEqual(try await app.park.enterprises.count(), 2)
        await assertNil(try await app.park.accounts.find(username: "mallory"))
        await assertEqual(try await app.park.audit.recent(limit: 10_000).count, auditBefore)
    }

    func testTheEnterpriseRoutesServeOnlyItsOwnScope() async throws {
        for k in Self.enterpriseRoutes.sorted() {
            switch k {
            case "GET ":
                let res = try await page("/", session: session)
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/enterprises/\(a.id!.uuidString)")
            case "POST logout":
                let spare = try await login("firm-a")
                let res = try await post("/logout", session: spare, [])
                XCTAssertEqual(res.status, .seeOther)
                await assertEqual(try await page("/enterprises", session: spare).status, .seeOther, "that session has ended")
                await assertEqual(try await page("/enterprises", session: session).status, .ok, "the other one has not")
            case "GET enterprises":
                for q in ["", "?q=Beta", "?cluster=biomedicine", "?per_page=200"] {
                    let html = try await page("/enterprises" + q, session: session).body.string
                    XCTAssertFalse(html.contains("乙生物") || html.contains("Beta Bio"), q)
                }
            case "GET enterprises/template.csv":
                let res = try await page("/enterprises/template.csv", session: session)
                XCTAssertEqual(res.body.string.split(separator: "\n").count, 1, "the header only")
            case "GET policies/me", "GET policies/me/facts", "GET permu/me":
                let path = "/" + k.dropFirst(4)
                let res = try await page(path, session: session)
                XCTAssertEqual(res.status, .ok, k)
                XCTAssertTrue(res.body.string.contains("甲科技") || res.body.string.contains("Alpha Tech"), k)
                XCTAssertFalse(res.body.string.contains("乙生物") || res.body.string.contains("Beta Bio"), k)
            case "GET outbound/projects", "GET outbound/me":
                for q in ["", "?country=MM", "?q=Yangon"] where k == "GET outbound/projects" || q.isEmpty {
                    let res = try await page("/" + k.dropFirst(4) + q, session: session)
                    XCTAssertEqual(res.status, .ok, k + q)
                    XCTAssertFalse(res.body.string.contains("乙生物") || res.body.string.contains(outboundB.project.id!.uuidString), "B's project leaked through \(k)\(q)")
                    XCTAssertFalse(res.body.string.contains("Myanmar risk"), "B's alert leaked through \(k)\(q)")
                }
            case "POST policies/me/facts":
                // the enterprise id in the form is ignored: the facts are its own
                let res = try await post("/policies/me/facts", session: session, [("enterprise_id", b.id!.uuidString), ("hq_tier", "global"), ("year", "2024")])
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                let facts = EnterpriseFactRepository(db: app.db)
                await assertEqual(try await facts.entries(enterprise: b.id!).count, 0, "nothing was written for B")
                await assertEqual(try await facts.entries(enterprise: a.id!).first { $0.fact == "hq_tier" }?.text, "global", "but for A")
            case "GET service/mine", "GET service/new", "GET inbox":
                let res = try await page("/" + k.dropFirst(4), session: session)
                XCTAssertEqual(res.status, .ok, k)
                XCTAssertFalse(res.body.string.contains("乙生物") || res.body.string.contains("Beta Bio"), k)
            case "GET inbox/badge.svg":
                let res = try await page("/inbox/badge.svg", session: session)
                XCTAssertEqual(res.status, .ok, k)
                XCTAssertTrue(res.body.string.hasPrefix("<svg"), k)
            case "POST inbox/read":
                let res = try await post("/inbox/read", session: session, [])
                XCTAssertEqual(res.status, .seeOther, k)
            case "POST service/new":
                // the enterprise in the form is ignored: a firm raises requests for itself
                let res = try await post("/service/new", session: session, [("enterprise_id", b.id!.uuidString), ("category", "tax"), ("title", "甲的诉求"),
                                                                           ("description", "d"), ("contact_name", "c"), ("contact_phone", "1")])
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                let repo = ServiceRepository(db: app.db)
                let own = try await repo.list(.init(), page: try PageRequest(page: 1, perPage: 50), for: Principal(userID: nil, name: "a", role: .enterprise, enterpriseID: a.id))
                XCTAssertEqual(own.items.map(\.title), ["甲的诉求"])
                let theirs = try await repo.list(.init(), page: try PageRequest(page: 1, perPage: 50), for: Principal(userID: nil, name: "b", role: .enterprise, enterpriseID: b.id))
                XCTAssertEqual(theirs.total, 1, "nothing was raised for B")
            default:
                XCTFail("\(k) has no check")
            }
        }
    }

    func testAnOfficerIsRefusedTheAdministratorsPages() async throws {
        let officer = try await login("land-1")
        let token = try await csrf(officer)
        for route in consoleRoutes where route.path.first == .constant("admin") {
            let path = try XCTUnwrap(concretePath(route))
            let res = route.method == .GET ? try await page(path, session: officer)
                : try await send(route.method, path, body: ByteBuffer(string: "_csrf=\(token)&username=mallory&password=mallory-pass-1&role=admin"),
                                 headers: htmlHeaders(session: officer, form: true))
            XCTAssertEqual(res.status, .forbidden, key(route))
        }
        await assertNil(try await app.park.accounts.find(username: "mallory"))
    }

    func testTheWalkCatchesANewPageThatIsOpen() async throws {
        // given a page added without any access check
        app.get("debug", "enterprises", ":id") { req in req.parameters.get("id") ?? "" }
        // when
        let result = try await enterpriseWalk()
        // then
        XCTAssertEqual(result.violations, ["GET debug/enterprises/:id → 200 "])
    }
}
