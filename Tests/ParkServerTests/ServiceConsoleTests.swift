import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The whole portal path through the console's own routes and forms, as browsers would post
/// them (session cookie, each form's CSRF field): a firm raises a request, the lead department
/// accepts it and forms a task force, the departments work their subtasks, the lead answers
/// once, the firm rejects, then confirms and rates.
final class ServiceConsoleTests: ServerTestCase {
    var firm: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        firm = try await seedEnterprise(1, zh: "罗氏诊断", en: "Roche Diagnostics", clusters: ["biomedicine"])
        let other = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        try await seedUser("firm", role: .enterprise, enterprise: firm.id)
        try await seedUser("other", role: .enterprise, enterprise: other.id)
        for d in ["customs", "health", "market"] { try await seedUser(d, role: .officer, department: d) }
    }

    /// Posts a form of the page at `from` (its CSRF field) to `to`.
    func submit(_ from: String, to: String, session: String, _ fields: [(String, String)]) async throws -> XCTHTTPResponse {
        let html = try await page(from, session: session).body.string
        let token = try XCTUnwrap(csrfField(html), "\(from) has a form with a CSRF field")
        var c = URLComponents()
        c.queryItems = ([("_csrf", token)] + fields).map { URLQueryItem(name: $0.0, value: $0.1) }
        return try await post(to, session: session, form: (c.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
    }

    /// The request's id from the redirect after it was raised (`/service/requests/{id}`).
    func requestID(_ res: XCTHTTPResponse) throws -> UUID {
        let location = try XCTUnwrap(res.headers.first(name: .location))
        return try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last ?? "")), location)
    }

    /// The `subtask_id` of the first subtask form on a page.
    func subtaskID(_ html: String) -> String? {
        guard let r = html.range(of: #"name="subtask_id" value=""#) else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    func state(_ id: UUID) async throws -> ServiceRequest {
        try await ServiceRepository(db: app.db, clock: .fixed(TestDatabase.now)).visible(id, to: system)
    }

    func testAFirmRaisesARequestATaskForceWorksItOneAnswerTheFirmRejectsThenConfirmsAndRates() async throws {
        // given the firm signed in to the portal
        let firmS = try await login("firm")
        let form = try await page("/service/new?lang=zh", session: firmS)
        XCTAssertEqual(form.status, .ok)
        let fields: [(String, String)] = [("category", "special_bio_items"), ("title", "进口牛血清白蛋白用于生产"),
                                          ("description", "生产诊断试剂需进口牛血清白蛋白。We need bovine serum albumin for production."),
                                          ("urgency", "critical"), ("contact_name", "张经理"), ("contact_phone", "0512-6666 8888")]
        // a post with a forged token is refused and writes nothing
        let forgedBody = "_csrf=0123456789abcdef0123456789abcdef&category=special_bio_items&title=x&description=y"
        await assertEqual(try await post("/service/new", session: firmS, form: forgedBody).status, .forbidden)
        let mineBefore = try await page("/service/mine?lang=en", session: firmS).body.string
        XCTAssertFalse(mineBefore.contains("SR-000001"))

        // when the firm raises the request through the form
        let raised = try await submit("/service/new", to: "/service/new", session: firmS, fields)
        XCTAssertEqual(raised.status, .seeOther, raised.body.string)
        let id = try requestID(raised)
        let path = "/service/requests/\(id.uuidString)", act = path + "/act"
        let mine = try await page("/service/mine?lang=en", session: firmS).body.string
        XCTAssertTrue(mine.contains("SR-000001"), "the firm's own list shows it")
        await assertEqual(try await state(id).state, .dispatched)
        // another firm neither sees it nor acts on it
        let otherS = try await login("other")
        await assertEqual(try await page(path, session: otherS).status, .notFound)
        await assertEqual(try await submit("/service/new", to: act, session: otherS, [("do", "confirm")]).status, .notFound)

        // then customs (the category's lead) accepts it and forms a task force of health and market
        let customsS = try await login("customs")
        let lead = try await page(path + "?lang=zh", session: customsS)
        XCTAssertEqual(lead.status, .ok)
        XCTAssertTrue(lead.body.string.contains("进口牛血清白蛋白用于生产"))
        await assertEqual(try await submit(path, to: act, session: customsS, [("do", "accept")]).status, .seeOther)
        await assertEqual(try await state(id).state, .inProgress)
        for d in ["health", "market"] {
            let res = try await submit(path, to: act, session: customsS, [("do", "subtask_add"), ("department", d),
                                                                           ("instructions", "请出具意见 \(d)"), ("limit_days", "5")])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
        }
        // the lead may not answer while subtasks are open
        let early = try await submit(path, to: act, session: customsS, [("do", "reply"), ("body", "尚未汇总")])
        XCTAssertEqual(early.status, .conflict)

        // each department accepts and completes its own subtask on the same page
        for d in ["health", "market"] {
            let s = try await login(d)
            let own = try await page(path, session: s).body.string
            let sub = try XCTUnwrap(subtaskID(own), "\(d) sees its subtask's form")
            await assertEqual(try await submit(path, to: act, session: s, [("do", "subtask_accept"), ("subtask_id", sub)]).status, .seeOther)
            let done = try await submit(path, to: act, session: s, [("do", "subtask_done"), ("subtask_id", sub), ("result", "\(d) 同意")])
            XCTAssertEqual(done.status, .seeOther, done.body.string)
        }
        await assertEqual(try await submit(path, to: act, session: customsS, [("do", "post"), ("kind", "note"), ("body", "内部意见 internal only")]).status, .seeOther)
        await assertEqual(try await submit(path, to: act, session: customsS, [("do", "reply"), ("body", "可按特殊物品进口，检疫期 20 个工作日")]).status, .seeOther)
        await assertEqual(try await state(id).state, .replied)

        // the firm sees one answer, never the internal note, and rejects it with a reason
        let thread = try await page(path + "?lang=zh", session: firmS).body.string
        XCTAssertTrue(thread.contains("可按特殊物品进口"))
        XCTAssertFalse(thread.contains("internal only"), "internal notes never reach the firm")
        await assertEqual(try await submit(path, to: act, session: firmS, [("do", "rate"), ("stars", "5")]).status, .conflict)
        await assertEqual(try await submit(path, to: act, session: firmS, [("do", "reject"), ("reason", "检疫期能否缩短？")]).status, .seeOther)
        let reopened = try await state(id)
        XCTAssertEqual(reopened.state, .inProgress); XCTAssertEqual(reopened.reopenedCount, 1)

        // the lead answers again; the firm confirms and rates; a rating outside 1–5 is refused
        await assertEqual(try await submit(path, to: act, session: customsS, [("do", "reply"), ("body", "可申请优先检疫，10 个工作日")]).status, .seeOther)
        await assertEqual(try await submit(path, to: act, session: firmS, [("do", "confirm")]).status, .seeOther)
        await assertEqual(try await state(id).state, .closed)
        let six = try await submit(path, to: act, session: firmS, [("do", "rate"), ("stars", "6")])
        XCTAssertEqual(six.status, .badRequest)
        await assertEqual(try await state(id).rating, nil)
        await assertEqual(try await submit(path, to: act, session: firmS, [("do", "rate"), ("stars", "5"), ("comment", "一口答复，很好")]).status, .seeOther)
        let closed = try await state(id)
        XCTAssertEqual(closed.rating, 5); XCTAssertEqual(closed.ratingComment, "一口答复，很好")
        let after = try await page(path + "?lang=en", session: firmS).body.string
        XCTAssertTrue(after.contains("Your rating: 5 stars"))
        XCTAssertFalse(after.contains("name=\"do\" value=\"rate\""), "rated once")
    }
}
