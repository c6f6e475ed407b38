import Foundation
import ParkDomain
import ParkServer
import ParkStore
import Fluent
import XCTVapor
import ParkTestSupport

/// Walks every registered API route as an enterprise user of A, aiming at B (another
/// enterprise), at another user and at shared reference data. Every answer must be a refusal
/// (401/403/404), except the few routes an enterprise user may use on its own scope; those are
/// checked one by one below. The routes come from `app.routes.all`, so a new route is walked
/// (and must refuse, or be added to the allow-list with its own check) without editing this test.
final class RouteWalkTests: ServerTestCase {
    /// Routes open to an enterprise user (on its own scope), each with its own check in `checkOpenRoute`.
    static let allowList: Set<String> = [
        "POST api/v1/auth/token", "POST api/v1/auth/logout", "GET api/v1/me", "GET api/v1/enterprises",
        "GET api/v1/reference/clusters", "GET api/v1/reference/departments", "GET api/v1/reference/industries",
        "GET api/v1/reference/countries", "GET api/v1/parcels", "GET api/v1/leases", "GET api/v1/leases/due",
        "GET api/v1/investment/projects",
        // Outbound (issue 14): a firm's own projects, filings and alerts; the rules and country risk are for everyone.
        "GET api/v1/outbound/projects", "GET api/v1/outbound/filings", "GET api/v1/outbound/alerts", "GET api/v1/outbound/rules",
        "GET api/v1/outbound/countries", "GET api/v1/outbound/countries/:country",
        // Service (issue 12): the catalogue, the firm's own requests, precedents, its own inbox.
        "GET api/v1/service/categories", "GET api/v1/service-requests", "GET api/v1/service-requests/similar",
        "GET api/v1/inbox", "POST api/v1/inbox/read",
    ]

    var a: Enterprise!, b: Enterprise!, other: UserAccount!, token: String!
    var parcelA: Parcel!, parcelB: Parcel!, leaseA: Lease!, leaseB: Lease!
    var schemeID: UUID!, runID: UUID!, policyRunID: UUID!
    var projectA: InvestmentProject!, projectB: InvestmentProject!
    var outboundB: (project: OutboundProject, filing: Filing, alert: UUID)!
    var requestA: ServiceRequest!, requestB: ServiceRequest!, subtaskB: Subtask!, attachmentB: AttachmentInfo!

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio", clusters: ["biomedicine"])
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        other = try await seedUser("firm-b", role: .enterprise, enterprise: b.id)
        token = try await self.token("firm-a")
        (parcelA, leaseA) = try await seedLease(a, code: "T-A", offset: 0)
        (parcelB, leaseB) = try await seedLease(b, code: "T-B", offset: 0.01)
        // An enacted per-mu run of 2022 in which B has a result.
        let admin = Principal.system("test-admin")
        schemeID = try await PerMuSchemeRepository(db: app.db).find(name: PerMuScheme.huangyan2022.name)!.id
        let runs = PerMuRunRepository(db: app.db)
        runID = try await runs.run(schemeID: schemeID, dryRun: false, by: admin).stored!.id
        _ = try await runs.enact(runID, by: admin)
        // A stored policy match.
        policyRunID = try await PolicyRunRepository(db: app.db).match(asOf: LocalDate(iso: "2025-06-01")!, by: admin).id
        // Investment projects of A and of B (B's confidential).
        let investment = InvestmentService(db: app.db, clock: .fixed(TestDatabase.now))
        let investor = try await investment.createInvestor(Investor(nameZh: "博世集团", nameEn: "Bosch Group", originCountry: "DE", sector: "C"), by: admin)
        func project(_ e: Enterprise, _ name: String, confidential: Bool) async throws -> InvestmentProject {
            try await investment.createProject(InvestmentProject(investorID: investor.id!, enterpriseID: e.id, nameZh: name, nameEn: name,
                                                                 type: .capitalIncrease, industryCode: "27",
                                                                 totalInvestment: CurrencyAmount(currency: "EUR", minor: 100_000_000),
                                                                 source: .visit, firstContactOn: LocalDate(iso: "2025-01-02")!,
                                                                 confidential: confidential, codeName: confidential ? "Project Falcon" : nil),
                                               confirmedNotDuplicate: true, by: admin)
        }
        projectA = try await project(a, "甲增资项目", confidential: false)
        projectB = try await project(b, "乙增资项目", confidential: true)
        // B's outbound project in Myanmar with its filings, and an alert delivered to B only.
        try await seedOutboundRates()
        outboundB = try await seedOutbound(b)
        // A's and B's requests; B's with a task force, an internal note and a file.
        let desk = ServiceDesk(db: app.db)
        func draft(_ e: Enterprise, _ title: String) -> RequestDraft {
            RequestDraft(enterpriseID: e.id!, categoryCode: "special_bio_items", title: title, description: "进口牛血清 bovine serum",
                         contactName: "张", contactPhone: "0512-1")
        }
        requestA = try await desk.raise(draft(a, "甲的诉求 serum A"), by: admin)
        requestB = try await desk.raise(draft(b, "乙的诉求 serum B"), by: admin)
        _ = try await desk.accept(requestB.id, by: admin)
        subtaskB = try await desk.addSubtask(requestB.id, department: "health", instructions: "检疫", limitDays: 3, by: admin)
        _ = try await desk.post(requestB.id, .note, body: "secret internal note of B", by: admin)
        attachmentB = try await desk.attach(requestB.id, filename: "b.pdf", data: Data("%PDF-1.4 B".utf8), internalOnly: false, by: admin)
    }

    /// A body each route could plausibly take (so a refusal is about who asks, not a malformed body).
    func plausibleBody(_ key: String) -> (contentType: HTTPMediaType, body: String)? {
        switch key {
        case "POST api/v1/enterprises":
            return (.json, Self.enterpriseJSON(3, zh: "丙公司", en: "Gamma"))
        case "PUT api/v1/enterprises/:id":
            return (.json, Self.enterpriseJSON(2, zh: b.nameZh, en: "Beta Hijacked"))
        case "POST api/v1/enterprises/import":
            return (HTTPMediaType(type: "text", subType: "csv"),
                    "credit_code,name_zh,name_en,industry_code\n\(Self.code(4).value),丁公司,Delta,27\n")
        case "POST api/v1/enterprises/:id/deregister":
            return (.json, #"{"deregistered_on":"2025-05-01","reason":"hijacked"}"#)
        case "POST api/v1/users":
            return (.json, #"{"username":"mallory","password":"mallory-pass-1","role":"admin"}"#)
        case "PATCH api/v1/users/:id":
            return (.json, #"{"disabled":true,"password":"hijacked-pass-1"}"#)
        case "PUT api/v1/reference/clusters/:code":
            return (.json, #"{"name_zh":"被篡改","name_en":"Hijacked"}"#)
        case "POST api/v1/auth/token":
            return (.json, #"{"username":"firm-b","password":"wrong-password"}"#)
        case "POST api/v1/parcels/import":
            return (HTTPMediaType(type: "application", subType: "geo+json"), #"{"type":"FeatureCollection","features":[]}"#)
        case "POST api/v1/leases":
            return (.json, #"{"parcel_id":"\#(parcelB.id!.uuidString)","enterprise_id":"\#(a.id!.uuidString)","auction_date":"2026-01-05","reserve_price_yuan":1,"winning_bid_yuan":2,"deposit_yuan":1}"#)
        case "POST api/v1/leases/:id/confirm":
            return (.json, #"{"date":"2026-01-06"}"#)
        case "POST api/v1/leases/:id/contract":
            return (.json, #"{"signed_on":"2026-01-06","start_date":"2026-02-01","price_yuan":100,"commitments":[]}"#)
        case "POST api/v1/leases/:id/advance":
            return (.json, #"{"state":"in_production"}"#)
        case "POST api/v1/leases/:id/reports":
            return (.json, #"{"report":{"year":2025,"tax_paid_yuan":1},"reason":"hijack"}"#)
        case "POST api/v1/leases/:id/assessment":
            return (.json, #"{"as_of":"2026-01-01"}"#)
        case "POST api/v1/reports/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "parcel_code,year,tax_paid_yuan\nT-B,2025,1\n")
        case "POST api/v1/assessment-rulesets":
            return (.json, #"{"name":"lenient","full_extension_min_score":10,"short_extension_min_score":5,"short_extension_years":20}"#)
        case "POST api/v1/leases/:id/decision":
            return (.json, #"{"kind":"extend_full","extension_years":20}"#)
        case "POST api/v1/permu/schemes":
            return (.json, String(decoding: PerMuScheme.huangyan2022.document(), as: UTF8.self))
        case "POST api/v1/permu/runs":
            return (.json, #"{"scheme_id":"\#(schemeID.uuidString)"}"#)
        case "POST api/v1/policies", "POST api/v1/policies/check":
            return (.json, try! String(decoding: JSONEncoder().encode(["source": PolicyLibrary.builtIn[0].source]), as: UTF8.self))
        case "POST api/v1/policies/:id/try":
            return (.json, #"{"enterprise_id":"\#(b.id!.uuidString)"}"#)
        case "POST api/v1/policy-runs":
            return (.json, #"{"as_of":"2025-06-01"}"#)
        case "POST api/v1/policy-runs/:id/grants/decide":
            return (.json, #"{"confirm":true,"policy_id":"\#(PolicyLibrary.builtIn[0].id)"}"#)
        case "POST api/v1/enterprise-facts/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "credit_code,fact,value\n\(Self.code(2).value),hq_tier,global\n")
        case "PUT api/v1/enterprises/:id/facts":
            return (.json, #"{"fact":"hq_tier","value":"global"}"#)
        case "POST api/v1/permu/years/:year/reopen":
            return (.json, #"{"reason":"hijacking the 2022 evaluation"}"#)
        case "POST api/v1/indicators/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "indicator,period,value,growth_pct\ntrade,2025-04,850,6.3\n")
        case "PUT api/v1/indicators/:code/targets/:year":
            return (.json, #"{"level":"2860","growth_pct":"5"}"#)
        case "POST api/v1/investors":
            return (.json, #"{"name_zh":"x","origin_country":"DE","sector":"C"}"#)
        case "PUT api/v1/investors/:id/fortune500":
            return (.json, #"{"list_year":2024,"rank":1}"#)
        case "POST api/v1/investment/projects", "PUT api/v1/investment/projects/:id":
            return (.json, #"{"investor_id":"\#(projectB.investorID.uuidString)","name_zh":"x","type":"new_establishment","industry_code":"27","total_investment":{"currency":"USD","amount":"1"},"source":"visit","first_contact_on":"2025-01-02"}"#)
        case "POST api/v1/investment/projects/:id/moves":
            return (.json, #"{"to_stage":"pitched","effective_on":"2025-01-03"}"#)
        case "POST api/v1/investment/moves/:id/review":
            return (.json, #"{"approve":true}"#)
        case "PUT api/v1/investment/projects/:id/task-force":
            return (.json, #"[{"user_id":"\#(other.id.uuidString)","lead":true}]"#)
        case "POST api/v1/investment/projects/:id/blockers":
            return (.json, #"{"title":"x","department":"land"}"#)
        case "POST api/v1/investment/blockers/:id/actions":
            return (.json, #"{"action":"close","text":"x"}"#)
        case "POST api/v1/investment/projects/:id/contracted":
            return (.json, #"{"recorded_on":"2025-05-20","kind":"subscribed_capital","event":"signing","amount":{"currency":"USD","amount":"1"}}"#)
        case "POST api/v1/investment/projects/:id/inflows":
            return (.json, #"{"arrived_on":"2025-05-20","kind":"cash","amount":{"currency":"USD","amount":"1"}}"#)
        case "POST api/v1/investment/inflows/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "project_code,arrived_on,kind,amount,currency\n\(projectB.code),2025-05-20,cash,1,USD\n")
        case "POST api/v1/investment/info-reports/generate":
            return (.json, #"{"year":2024}"#)
        case "POST api/v1/investment/info-reports/changes":
            return (.json, #"{"enterprise_id":"\#(b.id!.uuidString)","change_on":"2025-05-02","note":"hijack"}"#)
        case "POST api/v1/investment/info-reports/:id/filed":
            return (.json, #"{"filed_on":"2025-05-02"}"#)
        case "PUT api/v1/investment/projects/:id/land":
            return (.json, #"{"land_use":"industrial","area_mu":15}"#)
        case "PUT api/v1/investment/projects/:id/reservation":
            return (.json, #"{"parcel_id":"\#(parcelB.id!.uuidString)"}"#)
        case "POST api/v1/rates/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "currency,month,usd_per_unit,cny_per_unit\nEUR,2025-05,9,9\n")
        case "POST api/v1/outbound/projects":
            return (.json, #"{"enterprise_id":"\#(b.id!.uuidString)","title":"Hijack","country":"DE","industry_code":"27","form":"greenfield","equity_percent":"100","currency":"USD","amount":"1000.00"}"#)
        case "POST api/v1/outbound/projects/:id/stage":
            return (.json, #"{"stage":"abandoned","reason":"hijacked by another firm"}"#)
        case "POST api/v1/outbound/filings/:id/:move":
            return (.json, #"{"date":"2025-05-20","received":{"business_licence":true}}"#)
        case "POST api/v1/outbound/projects/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "credit_code,title,country,industry_code,form,equity_percent,currency,amount\n\(Self.code(2).value),X,DE,27,greenfield,100,USD,10\n")
        case "POST api/v1/outbound/countries/risk/import":
            return (HTTPMediaType(type: "text", subType: "csv"), "country,grade,political,economic,business_environment,legal,source_year\nMM,9,9,9,9,9,2025\n")
        case "PUT api/v1/outbound/countries/:country/risk":
            return (.json, #"{"grade":9,"political":9,"economic":9,"business_environment":9,"legal":9,"source_year":2025}"#)
        case "POST api/v1/outbound/countries/:country/notes":
            return (.json, #"{"text":"hijacked note"}"#)
        case "POST api/v1/outbound/rules":
            return (.json, #"{"name":"ODI hijacked","version":1}"#)
        case "POST api/v1/outbound/alerts":
            return (.json, #"{"country":"MM","title":"fake","title_en":"fake","body":"fake alert","body_en":"fake alert"}"#)
        case "POST api/v1/outbound/services":
            return (.json, #"{"kind":"training","date":"2025-05-01","topic":"fake","enterprise_ids":["\#(b.id!.uuidString)"]}"#)
        case "PUT api/v1/service/webhooks/:department":
            return (.json, #"{"url":"http://127.0.0.1:9/x","secret":"hijacked-secret-0123"}"#)
        case "POST api/v1/service-requests":
            return (.json, #"{"enterprise_id":"\#(b.id!.uuidString)","category":"tax","title":"t","description":"d","contact_name":"c","contact_phone":"1"}"#)
        case "POST api/v1/service-requests/:id/return":
            return (.json, #"{"reason":"hijack"}"#)
        case "POST api/v1/service-requests/:id/dispatch":
            return (.json, #"{"department":"tax"}"#)
        case "POST api/v1/service-requests/:id/subtasks":
            return (.json, #"{"department":"tax","instructions":"x","limit_days":3}"#)
        case "POST api/v1/service-subtasks/:id/complete":
            return (.json, #"{"result":"hijack"}"#)
        case "POST api/v1/service-requests/:id/messages":
            return (.json, #"{"kind":"message","body":"hijack"}"#)
        case "POST api/v1/service-requests/:id/reply":
            return (.json, #"{"body":"hijack"}"#)
        case "POST api/v1/service-requests/:id/confirm":
            return (.json, #"{"accepted":true}"#)
        case "POST api/v1/service-requests/:id/rating":
            return (.json, #"{"stars":5}"#)
        case "POST api/v1/service-requests/:id/callbacks":
            return (.json, #"{"called_on":"2025-05-01","satisfied":true,"notes":"x"}"#)
        case "POST api/v1/service-requests/:id/extension":
            return (.json, #"{"days":30,"reason":"hijack"}"#)
        case "POST api/v1/service-requests/:id/extension/decide":
            return (.json, #"{"clock_id":"\#(UUID().uuidString)","approve":true}"#)
        case "POST api/v1/service-requests/:id/precedent", "POST api/v1/inbox/read":
            return (.json, "{}")
        case "POST api/v1/service-requests/:id/attachments":
            return (HTTPMediaType(type: "application", subType: "octet-stream"), "%PDF-1.4 hijack")
        default:
            return nil
        }
    }

    /// The concrete path: `:id` is B (or, under users, the other user), `:code` an existing cluster.
    func concretePath(_ route: Route) -> String? {
        var parts: [String] = []
        for component in route.path {
            switch component {
            case .constant(let c): parts.append(c)
            case .parameter("id"):
                let path = route.path
                parts.append(path.contains(.constant("service-requests")) ? requestB.id.uuidString
                             : path.contains(.constant("service-subtasks")) ? subtaskB.id.uuidString
                             : path.contains(.constant("users")) ? other.id.uuidString
                             : path.contains(.constant("outbound")) && path.contains(.constant("filings")) ? outboundB.filing.id!.uuidString
                             : path.contains(.constant("outbound")) && path.contains(.constant("alerts")) ? outboundB.alert.uuidString
                             : path.contains(.constant("outbound")) ? outboundB.project.id!.uuidString
                             : path.contains(.constant("policy-runs")) ? policyRunID.uuidString
                             : path.contains(.constant("policies")) && !path.contains(.constant("enterprises")) ? PolicyLibrary.builtIn[0].id
                             : path.contains(.constant("runs")) ? runID.uuidString
                             : path.contains(.constant("schemes")) ? schemeID.uuidString
                             : path.contains(.constant("leases")) ? leaseB.id!.uuidString
                             : path.contains(.constant("projects")) ? projectB.id!.uuidString
                             : path.contains(.constant("parcels")) ? parcelB.id!.uuidString : b.id!.uuidString)
            case .parameter("code"): parts.append("biomedicine")
            case .parameter("year"): parts.append("2022")
            case .parameter("period"): parts.append("2025-04")
            case .parameter("move"): parts.append("submit")
            case .parameter("country"): parts.append("MM")
            case .parameter("department"): parts.append("customs")
            case .parameter("attachment_id"): parts.append(attachmentB.id.uuidString)
            default:
                XCTFail("\(route.method.rawValue) \(route.path.string): add a substitution for \(component)")
                return nil
            }
        }
        // Required query parameters, so a refusal is about who asks.
        let query = route.path.string.hasSuffix("leases/:id/proposal") ? "?as_of=2026-01-01"
            : route.path.string.hasSuffix("permu/compare") ? "?draft=\(schemeID.uuidString)"
            : route.path.string.hasSuffix("enterprises/:id/permu") ? "?year=2022"
            : route.path.string.hasSuffix("indicators/targets") ? "?year=2025"
            : route.path.string.hasPrefix("api/v1/indicators/report") || route.path.string.hasSuffix("derived/enterprises") ? "?period=2025-05"
            : route.path.string.hasSuffix("fdi/monthly") ? "?from=2025-01&to=2025-06"
            : route.path.string.hasSuffix("api/v1/rates") ? "?month=2025-05"
            : route.path.string.hasSuffix("service-requests/:id/attachments") ? "?filename=x.pdf"
            : route.path.string.hasSuffix("service-stats") ? "?month=2025-06"
            : route.path.string.hasSuffix("service-requests/similar") ? "?title=serum" : ""
        return "/" + parts.joined(separator: "/") + query
    }

    /// Sends every API route that is not allow-listed; returns those that did not refuse.
    func walk() async throws -> (violations: [String], walked: Int, total: Int) {
        let routes = app.routes.all.filter { $0.path.string.hasPrefix("api/v1") }
        var violations: [String] = []
        var walked = 0
        for route in routes {
            let key = "\(route.method.rawValue) \(route.path.string)"
            if Self.allowList.contains(key) { continue }
            guard let path = concretePath(route) else { violations.append("\(key): no substitution"); continue }
            var headers = HTTPHeaders()
            var body: ByteBuffer?
            if let (type, text) = plausibleBody(key) {
                headers.contentType = type
                body = ByteBuffer(string: text)
            } else if [.POST, .PUT, .PATCH].contains(route.method) {
                headers.contentType = .json
                body = ByteBuffer(string: "{}")
            }
            let res = try await send(route.method, path, token: token, body: body, headers: headers)
            let refusal = [401, 403, 404].contains(res.status.code)
                && (try? JSONDecoder().decode(ProblemJSON.self, from: Data(res.body.readableBytesView)))?.code.isEmpty == false
            if !refusal { violations.append("\(key) → \(res.status.code) \(res.body.string.prefix(200))") }
            walked += 1
        }
        return (violations, walked, routes.count)
    }

    func testEnterpriseUserReachesNothingOutsideItsOwnScope() async throws {
        // given
        let keys = app.routes.all.map { "\($0.method.rawValue) \($0.path.string)" }
        let auditBefore = try await app.park.audit.recent(limit: 10_000).count
        XCTAssertEqual(Self.allowList.subtracting(keys), [], "allow-listed routes that no longer exist")
        // when
        let result = try await walk()
        // then every route refused with a {code, message} body (never 2xx, never 500)
        XCTAssertEqual(result.violations, [])
        XCTAssertGreaterThanOrEqual(result.walked, 12, "the walk found too few API routes")
        XCTAssertEqual(result.walked + Self.allowList.count, result.total, "every API route was either walked or checked")
        // and nothing changed
        await assertEqual(try await app.park.enterprises.count(), 2)
        await assertEqual(try await app.park.enterprises.find(b.id!), b)
        await assertEqual(try await app.park.accounts.find(other.id)?.disabled, false)
        await assertEqual(try await app.park.accounts.list().count, 2)
        await assertEqual(try await app.park.reference.clusters().first { $0.code == "biomedicine" }?.name.en, "Biomedicine and health")
        await assertEqual(try await app.park.audit.recent(limit: 10_000).count, auditBefore)
    }

    func testTheWalkCatchesANewRouteThatIsOpen() async throws {
        // given a route added without any access check
        app.get("api", "v1", "debug", "enterprises", ":id") { req in req.parameters.get("id") ?? "" }
        // when
        let result = try await walk()
        // then
        XCTAssertEqual(result.violations.count, 1)
        XCTAssertTrue(result.violations.first?.hasPrefix("GET api/v1/debug/enterprises/:id → 200") == true, "\(result.violations)")
    }

    func testAllowListedRoutesServeOnlyTheUsersOwnScope() async throws {
        for key in Self.allowList.sorted() {
            try await checkOpenRoute(key)
        }
    }

    func checkOpenRoute(_ key: String) async throws {
        switch key {
        case "POST api/v1/auth/token":
            // open to all, but a wrong password for someone else gets nothing
            let res = try await send(.POST, "/api/v1/auth/token", json: plausibleBody(key)!.body)
            XCTAssertEqual(res.status, .unauthorized, key)
        case "POST api/v1/auth/logout":
            // revokes only the caller's own token (a second one, so the walk's token survives)
            let spare = try await self.token("firm-a")
            await assertEqual(try await send(.POST, "/api/v1/auth/logout", token: spare).status, .noContent, key)
            await assertEqual(try await send(.GET, "/api/v1/me", token: spare).status, .unauthorized, key)
            await assertEqual(try await send(.GET, "/api/v1/me", token: token).status, .ok, key)
        case "GET api/v1/me":
            let res = try await send(.GET, "/api/v1/me", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertEqual(try decode(UserJSON.self, res).username, "firm-a")
        case "GET api/v1/enterprises":
            for query in ["", "?q=Beta", "?cluster=biomedicine", "?per_page=500"] {
                let res = try await send(.GET, "/api/v1/enterprises" + query, token: token)
                XCTAssertEqual(res.status, .ok, key + query)
                let page = try decode(PageJSON.self, res)
                XCTAssertFalse(page.items.contains { $0.id == b.id!.uuidString }, "B leaked through \(key)\(query)")
                XCTAssertEqual(page.total, query.isEmpty || query == "?per_page=500" ? 1 : 0, key + query)
            }
        case "GET api/v1/parcels":
            let res = try await send(.GET, "/api/v1/parcels", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertTrue(res.body.string.contains(parcelA.id!.uuidString), key)
            XCTAssertFalse(res.body.string.contains(parcelB.id!.uuidString), "B's parcel leaked through \(key)")
        case "GET api/v1/leases":
            for query in ["", "?enterprise_id=\(b.id!.uuidString)"] {
                let res = try await send(.GET, "/api/v1/leases" + query, token: token)
                XCTAssertEqual(res.status, .ok, key + query)
                XCTAssertFalse(res.body.string.contains(leaseB.id!.uuidString), "B's lease leaked through \(key)\(query)")
            }
        case "GET api/v1/leases/due":
            let res = try await send(.GET, "/api/v1/leases/due?within=120", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(leaseB.id!.uuidString), "B's lease leaked through \(key)")
            XCTAssertTrue(res.body.string.contains(leaseA.id!.uuidString), "A's own due lease is listed")
        case "GET api/v1/investment/projects":
            for query in ["", "?enterprise_id=\(b.id!.uuidString)", "?q=Falcon", "?q=%E4%B9%99"] {
                let res = try await send(.GET, "/api/v1/investment/projects" + query, token: token)
                XCTAssertEqual(res.status, .ok, key + query)
                XCTAssertFalse(res.body.string.contains(projectB.id!.uuidString), "B's project leaked through \(key)\(query)")
                XCTAssertEqual(res.body.string.contains(projectA.id!.uuidString), query.isEmpty, key + query)
            }
        case "GET api/v1/outbound/projects":
            let res = try await send(.GET, "/api/v1/outbound/projects?per_page=500&country=MM", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(outboundB.project.id!.uuidString), "B's project leaked through \(key)")
        case "GET api/v1/outbound/filings":
            for q in ["open", "overdue", "lapsing", "to_lapse"] {
                let res = try await send(.GET, "/api/v1/outbound/filings?queue=\(q)&days=730", token: token)
                XCTAssertEqual(res.status, .ok, key)
                XCTAssertFalse(res.body.string.contains(outboundB.filing.id!.uuidString), "B's filing leaked through \(key)?queue=\(q)")
            }
        case "GET api/v1/outbound/alerts":
            let res = try await send(.GET, "/api/v1/outbound/alerts", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(outboundB.alert.uuidString), "B's alert leaked through \(key)")
        case "GET api/v1/outbound/rules", "GET api/v1/outbound/countries":
            await assertEqual(try await send(.GET, "/" + String(key.dropFirst(4)), token: token).status, .ok, key)
        case "GET api/v1/outbound/countries/:country":
            _ = try await OutboundService(db: app.db).addNote(country: "MM", text: "officers only", by: system)
            let res = try await send(.GET, "/api/v1/outbound/countries/MM", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(outboundB.project.id!.uuidString), "B's project leaked through \(key)")
            XCTAssertFalse(res.body.string.contains(outboundB.alert.uuidString), "B's alert leaked through \(key)")
            XCTAssertFalse(res.body.string.contains("officers only"), "officers' notes leaked through \(key)")
        case "GET api/v1/service/categories":
            let res = try await send(.GET, "/api/v1/service/categories", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertTrue(res.body.string.contains("special_bio_items"), key)
        case "GET api/v1/service-requests":
            for query in ["", "?department=customs", "?state=in_progress", "?open=true&per_page=500"] {
                let res = try await send(.GET, "/api/v1/service-requests" + query, token: token)
                XCTAssertEqual(res.status, .ok, key + query)
                XCTAssertFalse(res.body.string.contains(requestB.id.uuidString), "B's request leaked through \(key)\(query)")
            }
            let own = try await send(.GET, "/api/v1/service-requests", token: token)
            XCTAssertTrue(own.body.string.contains(requestA.id.uuidString), "A's own request is listed")
        case "GET api/v1/service-requests/similar":
            let res = try await send(.GET, "/api/v1/service-requests/similar?title=serum&description=bovine", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(requestB.id.uuidString), "B's request leaked through \(key)")
            XCTAssertTrue(res.body.string.contains(requestA.id.uuidString), "A's own similar request is offered")
        case "GET api/v1/inbox":
            let res = try await send(.GET, "/api/v1/inbox", token: token)
            XCTAssertEqual(res.status, .ok, key)
            XCTAssertFalse(res.body.string.contains(requestB.reference), "B's notices leaked through \(key)")
        case "POST api/v1/inbox/read":
            let res = try await send(.POST, "/api/v1/inbox/read", token: token, json: "{}")
            XCTAssertEqual(res.status, .noContent, key)
            let foreign = try await send(.POST, "/api/v1/inbox/read", token: token, json: #"{"id":"\#(UUID().uuidString)"}"#)
            XCTAssertEqual(foreign.status, .notFound, key)
        case let k where k.hasPrefix("GET api/v1/reference/"):
            let res = try await send(.GET, "/" + String(k.dropFirst(4)), token: token)
            XCTAssertEqual(res.status, .ok, key)
        default:
            XCTFail("\(key) is allow-listed but has no check")
        }
    }

    func testEnterpriseUserCanReadItsOwnEnterprise() async throws {
        // when
        let own = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)", token: token)
        let trail = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/audit", token: token)
        let others = try await send(.GET, "/api/v1/enterprises/\(b.id!.uuidString)", token: token)
        // then
        XCTAssertEqual(own.status, .ok)
        XCTAssertEqual(try decode(EnterpriseJSON.self, own).nameEn, "Alpha Tech")
        XCTAssertEqual(trail.status, .ok)
        XCTAssertEqual(others.status, .notFound)
    }

    func testWithoutATokenEveryRouteButSignInIsRefused() async throws {
        for route in app.routes.all where route.path.string.hasPrefix("api/v1") {
            let key = "\(route.method.rawValue) \(route.path.string)"
            guard key != "POST api/v1/auth/token", let path = concretePath(route) else { continue }
            // when
            let res = try await send(route.method, path, body: plausibleBody(key).map { ByteBuffer(string: $0.body) },
                                     headers: plausibleBody(key).map { var h = HTTPHeaders(); h.contentType = $0.contentType; return h } ?? [:])
            // then
            XCTAssertEqual(res.status, .unauthorized, "\(key) → \(res.status.code) \(res.body.string)")
        }
    }
}
