import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The enterprise-service API end to end over HTTP, its refusals, Open311, and a department
/// webhook delivered to a real local HTTP receiver.
final class ServiceAPITests: ServerTestCase {
    var firm: Enterprise!, other: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        firm = try await seedEnterprise(1, zh: "罗氏诊断", en: "Roche Diagnostics", clusters: ["biomedicine"])
        other = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        try await seedUser("firm", role: .enterprise, enterprise: firm.id)
        try await seedUser("other", role: .enterprise, enterprise: other.id)
        for d in ["customs", "health", "market"] { try await seedUser(d, role: .officer, department: d) }
    }

    struct Req: Decodable { var id: String; var reference: String; var state: String; var reopenedCount: Int; var rating: Int? }
    struct Sub: Decodable { var id: String; var department: String; var state: String }
    struct Hits: Decodable { var precedents: [Hit]; var similar: [Hit]; struct Hit: Decodable { var id: String } }
    struct Stats: Decodable { var total: Row; struct Row: Decodable { var received: Int; var resolved: Int; var averageRating: Double? } }

    func raise(_ token: String, title: String = "进口牛血清白蛋白 bovine serum albumin import") async throws -> Req {
        let res = try await send(.POST, "/api/v1/service-requests", token: token, json: """
            {"enterprise_id":"\(firm.id!.uuidString)","category":"special_bio_items","title":"\(title)","description":"生产用 for production",
             "contact_name":"张","contact_phone":"0512-1"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        return try decode(Req.self, res)
    }

    func testTheWholeRequestThroughTheAPI() async throws {
        let firmT = try await token("firm"), customs = try await token("customs"), health = try await token("health"), market = try await token("market")
        let r = try await raise(firmT)
        let base = "/api/v1/service-requests/\(r.id)"
        await assertEqual(try await send(.POST, base + "/accept", token: customs).status, .ok)
        var subs: [Sub] = []
        for (d, t) in [("health", health), ("market", market)] {
            let res = try await send(.POST, base + "/subtasks", token: customs, json: #"{"department":"\#(d)","instructions":"意见","limit_days":3}"#)
            XCTAssertEqual(res.status, .created, res.body.string)
            subs.append(try decode(Sub.self, res))
            _ = t
        }
        // an officer of another department is refused on health's subtask, naming the field
        let foreign = try await send(.POST, "/api/v1/service-subtasks/\(subs[0].id)/accept", token: market)
        XCTAssertEqual(foreign.status, .forbidden)
        XCTAssertEqual(try problem(foreign).field, "subtask_id")
        for (s, t) in zip(subs, [health, market]) {
            await assertEqual(try await send(.POST, "/api/v1/service-subtasks/\(s.id)/accept", token: t).status, .ok)
            await assertEqual(try await send(.POST, "/api/v1/service-subtasks/\(s.id)/complete", token: t, json: #"{"result":"可以"}"#).status, .ok)
        }
        await assertEqual(try await send(.POST, base + "/messages", token: health, json: #"{"kind":"note","body":"内部意见 internal"}"#).status, .ok)
        // extension past 30 and without a reason are refused
        let past = try await send(.POST, base + "/extension", token: customs, json: #"{"days":31,"reason":"x"}"#)
        XCTAssertEqual(try problem(past).field, "limit_days")
        await assertEqual(try await send(.POST, base + "/reply", token: customs, json: #"{"body":"可按特殊物品进口"}"#).status, .ok)
        // the enterprise sees one thread without internal notes
        let seen = try await send(.GET, base, token: firmT)
        XCTAssertEqual(seen.status, .ok)
        XCTAssertFalse(seen.body.string.contains("internal"), "internal notes never reach the enterprise")
        await assertEqual(try await send(.GET, base, token: try await token("other")).status, .notFound)
        // reject (reopens), answer again, confirm, rate
        let rejected = try decode(Req.self, try await send(.POST, base + "/confirm", token: firmT, json: #"{"accepted":false,"reason":"检疫期限?"}"#))
        XCTAssertEqual(rejected.state, "in_progress"); XCTAssertEqual(rejected.reopenedCount, 1)
        let closedReply = try await send(.POST, base + "/rating", token: firmT, json: #"{"stars":5}"#)
        XCTAssertEqual(closedReply.status, .conflict, "not closed yet")
        await assertEqual(try await send(.POST, base + "/reply", token: customs, json: #"{"body":"检疫期 20 个工作日"}"#).status, .ok)
        await assertEqual(try await send(.POST, base + "/confirm", token: firmT, json: #"{"accepted":true}"#).status, .ok)
        let six = try await send(.POST, base + "/rating", token: firmT, json: #"{"stars":6}"#)
        XCTAssertEqual(six.status, .badRequest); XCTAssertEqual(try problem(six).field, "rating")
        let byOfficer = try await send(.POST, base + "/rating", token: customs, json: #"{"stars":5}"#)
        XCTAssertEqual(byOfficer.status, .forbidden)
        let rated = try decode(Req.self, try await send(.POST, base + "/rating", token: firmT, json: #"{"stars":5,"comment":"满意"}"#))
        XCTAssertEqual(rated.rating, 5)
        let replyClosed = try await send(.POST, base + "/reply", token: customs, json: #"{"body":"again"}"#)
        XCTAssertEqual(replyClosed.status, .conflict)
        // the stats show it
        let stats = try decode(Stats.self, try await send(.GET, "/api/v1/service-stats?month=2025-06", token: customs))
        XCTAssertEqual(stats.total.received, 1); XCTAssertEqual(stats.total.resolved, 1); XCTAssertEqual(stats.total.averageRating, 5)
        // marked as a precedent, it is offered to another firm writing a similar request
        await assertEqual(try await send(.POST, base + "/precedent", token: customs, json: #"{"title":"进口牛血清用于生产"}"#).status, .ok)
        let hits = try decode(Hits.self, try await send(.GET, "/api/v1/service-requests/similar?title=%E7%89%9B%E8%A1%80%E6%B8%85%E8%BF%9B%E5%8F%A3", token: try await token("other")))
        XCTAssertEqual(hits.precedents.map(\.id), [r.id], "牛血清进口 finds 进口牛血清用于生产 on SQLite and PostgreSQL")
        XCTAssertEqual(hits.similar.count, 0, "another firm's requests are not offered")
    }

    func testAttachmentsThroughTheAPI() async throws {
        let firmT = try await token("firm")
        let r = try await raise(firmT)
        var h = HTTPHeaders(); h.contentType = HTTPMediaType(type: "application", subType: "octet-stream")
        let ok = try await send(.POST, "/api/v1/service-requests/\(r.id)/attachments?filename=licence.pdf", token: firmT, body: ByteBuffer(string: "%PDF-1.4 x"), headers: h)
        XCTAssertEqual(ok.status, .created, ok.body.string)
        let exe = try await send(.POST, "/api/v1/service-requests/\(r.id)/attachments?filename=tool.exe", token: firmT, body: ByteBuffer(string: "MZ"), headers: h)
        XCTAssertEqual(exe.status.code, 415); XCTAssertEqual(try problem(exe).field, "file")
        let big = try await send(.POST, "/api/v1/service-requests/\(r.id)/attachments?filename=big.pdf", token: firmT,
                                 body: ByteBuffer(string: "%PDF-" + String(repeating: "x", count: AttachmentRules.maxBytes)), headers: h)
        XCTAssertEqual(big.status, .payloadTooLarge)
        struct A: Decodable { var id: String }
        let a = try decode(A.self, ok)
        let mine = try await send(.GET, "/api/v1/service-requests/\(r.id)/attachments/\(a.id)", token: firmT)
        XCTAssertEqual(mine.body.string, "%PDF-1.4 x")
        await assertEqual(try await send(.GET, "/api/v1/service-requests/\(r.id)/attachments/\(a.id)", token: try await token("other")).status, .notFound)
    }

    func testOpen311() async throws {
        let services = try await send(.GET, "/open311/v2/services.json")
        XCTAssertEqual(services.status, .ok)
        XCTAssertTrue(services.body.string.contains(#""service_code":"customs_clearance""#))
        await assertEqual(try await send(.GET, "/open311/v2/services/tax.json").status, .ok)
        await assertEqual(try await send(.GET, "/open311/v2/services/nope.json").status, .notFound)
        let key = try await Open311Keys(db: app.db).issue(name: "firm's ERP", enterpriseID: firm.id!, by: system)
        let otherKey = try await Open311Keys(db: app.db).issue(name: "other's ERP", enterpriseID: other.id!, by: system)
        var form = HTTPHeaders(); form.contentType = .urlEncodedForm
        func post(_ body: String) async throws -> XCTHTTPResponse {
            try await send(.POST, "/open311/v2/requests.json", body: ByteBuffer(string: body), headers: form)
        }
        let noKey = try await post("service_code=tax&description=x")
        XCTAssertEqual(noKey.status, .forbidden); XCTAssertTrue(noKey.body.string.contains(#""field":"api_key""#))
        let badKey = try await post("api_key=wrong&service_code=tax&description=x")
        XCTAssertEqual(badKey.status, .forbidden)
        let badCode = try await post("api_key=\(key)&service_code=moon&description=x")
        XCTAssertEqual(badCode.status, .badRequest); XCTAssertTrue(badCode.body.string.contains(#""field":"service_code""#))
        let filed = try await post("api_key=\(key)&service_code=tax&description=%E5%87%BA%E5%8F%A3%E9%80%80%E7%A8%8E&phone=0512-1&last_name=%E7%8E%8B")
        XCTAssertEqual(filed.status, .created, filed.body.string)
        XCTAssertTrue(filed.body.string.contains("SR-000001"))
        let list = try await send(.GET, "/open311/v2/requests.json?api_key=\(key)")
        XCTAssertTrue(list.body.string.contains("SR-000001"))
        let theirs = try await send(.GET, "/open311/v2/requests.json?api_key=\(otherKey)")
        XCTAssertEqual(theirs.body.string, "[]", "another key sees nothing of this firm")
        await assertEqual(try await send(.GET, "/open311/v2/requests/SR-000001.json?api_key=\(otherKey)").status, .notFound)
        await assertEqual(try await send(.GET, "/open311/v2/requests/SR-000001.json?api_key=\(key)").status, .ok)

        // GeoReport v2's filters: ids (overriding the rest), status, service codes, the date window
        let byIDs = try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&service_request_id=SR-000001,SR-000999&status=closed")
        XCTAssertTrue(byIDs.body.string.contains(#""service_request_id":"SR-000001""#), "ids override the status filter")
        XCTAssertTrue(byIDs.body.string.contains(#""agency_responsible":"Tax bureau""#), byIDs.body.string)
        XCTAssertTrue(byIDs.body.string.contains(#""requested_datetime":""#) && byIDs.body.string.contains("+08:00"))
        await assertEqual(try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&status=closed").body.string, "[]")
        await assertEqual(try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&status=open,closed&service_code=customs_clearance,permits").body.string, "[]")
        let openTax = try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&status=open&service_code=tax,permits")
        XCTAssertTrue(openTax.body.string.contains("SR-000001"))
        await assertEqual(try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&start_date=2001-01-01T00:00:00Z&end_date=2001-02-01T00:00:00%2B08:00").body.string, "[]")
        let badDate = try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&start_date=yesterday")
        XCTAssertEqual(badDate.status, .badRequest); XCTAssertTrue(badDate.body.string.contains(#""field":"start_date""#))
        let badStatus = try await send(.GET, "/open311/v2/requests.json?api_key=\(key)&status=pending")
        XCTAssertEqual(badStatus.status, .badRequest); XCTAssertTrue(badStatus.body.string.contains(#""field":"status""#))

        // and the same in XML, errors included
        let xml = try await send(.GET, "/open311/v2/services.xml")
        XCTAssertEqual(xml.headers.contentType, .xml)
        XCTAssertTrue(xml.body.string.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services><service><service_code>"), xml.body.string)
        XCTAssertTrue(xml.body.string.contains("<metadata>false</metadata><type>realtime</type>"))
        let definition = try await send(.GET, "/open311/v2/services/tax.xml").body.string
        XCTAssertTrue(definition.contains("<service_definition><service_code>tax</service_code><attributes/></service_definition>"), definition)
        let one = try await send(.GET, "/open311/v2/requests/SR-000001.xml?api_key=\(key)").body.string
        XCTAssertTrue(one.contains("<service_requests><request><service_request_id>SR-000001</service_request_id><status>open</status>"), one)
        XCTAssertTrue(one.contains("<lat/><long/>"))
        let filedXML = try await send(.POST, "/open311/v2/requests.xml", body: ByteBuffer(string: "api_key=\(key)&service_code=tax&description=a%20%3C%26%3E%20b"), headers: form)
        XCTAssertEqual(filedXML.status, .created)
        XCTAssertTrue(filedXML.body.string.contains("<service_request_id>SR-000002</service_request_id>"), filedXML.body.string)
        let xmlError = try await send(.POST, "/open311/v2/requests.xml", body: ByteBuffer(string: "service_code=tax"), headers: form)
        XCTAssertEqual(xmlError.status, .forbidden)
        XCTAssertTrue(xmlError.body.string.contains("<errors><error><code>403</code><description>api_key is required</description><field>api_key</field></error></errors>"))
        let escaped = try await send(.GET, "/open311/v2/requests/SR-000002.xml?api_key=\(key)").body.string
        XCTAssertTrue(escaped.contains("a &lt;&amp;&gt; b"), escaped)
        await assertEqual(try await send(.GET, "/open311/v2/services/tax.csv").status, .notFound)
    }

    /// A department webhook POSTed to a real HTTP receiver on 127.0.0.1:8113, signed, logged.
    func testWebhookReachesALocalReceiverSigned() async throws {
        final class Inbox: @unchecked Sendable {
            let lock = NSLock(); var got: [(String, String, String)] = []
            func add(_ x: (String, String, String)) { lock.withLock { got.append(x) } }
            var all: [(String, String, String)] { lock.withLock { got } }
        }
        let inbox = Inbox()
        let receiver = try await Application.make(.testing)
        receiver.logger.logLevel = .warning
        receiver.post("hook") { req async throws -> HTTPStatus in
            inbox.add((req.body.string ?? "", req.headers.first(name: "X-ParkOS-Signature") ?? "", req.headers.first(name: "X-ParkOS-Timestamp") ?? ""))
            return .ok
        }
        try await receiver.server.start(address: .hostname("127.0.0.1", port: 8113))
        do {
            let secret = "customs-webhook-secret-0123"
            try await seedUser("customs-head-x", role: .officer, department: "customs")
            _ = try await WebhookQueue(db: app.db, clock: .fixed(TestDatabase.now)).configure(
                department: "customs", url: "http://127.0.0.1:8113/hook", secret: secret, active: true, by: system)
            _ = try await raise(try await token("firm"))
            let sent = try await WebhookQueue(db: app.db, clock: .fixed(TestDatabase.now)).deliverDue(using: ClientWebhookTransport(client: app.client))
            XCTAssertEqual(sent, 1)
            let got = inbox.all
            XCTAssertEqual(got.count, 1)
            XCTAssertTrue(got[0].0.contains(#""event":"new_request""#))
            XCTAssertEqual(got[0].1, WebhookQueue.signature(secret: secret, timestamp: got[0].2, body: Data(got[0].0.utf8)))
            let log = try await WebhookQueue(db: app.db).deliveries()
            XCTAssertEqual(log.map(\.state), ["delivered"])
            await assertEqual(try await WebhookQueue(db: app.db).attempts(of: log[0].id).map(\.status), [200])
        } catch {
            await receiver.server.shutdown(); try await receiver.asyncShutdown(); throw error
        }
        await receiver.server.shutdown()
        try await receiver.asyncShutdown()
    }
}
