import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The outbound console as an officer and as the firm: record an acquisition in Germany, read the
/// checker's reasons, tick a document and submit, downgrade the country, and the firm's portal
/// page shows its checklist and the alert, which it marks read.
final class OutboundConsoleTests: ServerTestCase {
    var firm: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        try await seedOutboundRates()
        firm = try await seedEnterprise(1, zh: "苏州新锐生物科技有限公司", en: "Suzhou Xinrui Biotech")
        try await seedUser("invest", role: .officer, department: "invest")
        try await seedUser("firm-b", role: .enterprise, enterprise: firm.id)
    }

    func testAnOfficerRecordsAnAcquisitionAndTheFirmSeesItsChecklistAndAlert() async throws {
        let officer = try await login("invest")
        // when the officer records the acquisition through the form
        let created = try await post("/outbound/projects/new", session: officer, [
            ("credit_code", firm.creditCode.value), ("title", "Acquisition of Rheinland Diagnostik GmbH"), ("country", "DE"),
            ("target_company", "Rheinland Diagnostik GmbH"), ("industry_code", "27"), ("form", "acquisition"), ("equity_percent", "80"),
            ("currency", "EUR"), ("amount", "86000000"), ("agreed_on", "2025-04-15"), ("stage", "preparing_filings"), ("financing[]", "own_funds"),
        ])
        XCTAssertEqual(created.status, .seeOther, created.body.string)
        let location = try XCTUnwrap(created.headers.first(name: .location))
        // then the project page explains the filings, in English on request
        let projectPage = try await send(.GET, location + "?lang=en", headers: htmlHeaders(session: officer))
        XCTAssertEqual(projectPage.status, .ok)
        let html = projectPage.body.string
        XCTAssertTrue(html.contains("Jiangsu Development and Reform Commission"), html)
        XCTAssertTrue(html.contains("Suzhou Municipal Bureau of Commerce"))
        XCTAssertTrue(html.contains("is below US$100 M: in Jiangsu the city&#39;s commerce bureau files it") || html.contains("is below US$100 M: in Jiangsu the city's commerce bureau files it"), html)
        XCTAssertNil(Self.inlineStyle(in: html))
        XCTAssertEqual(unroutedLinks(in: html), [])
        // a refused form keeps what was typed and names the field
        let refused = try await post("/outbound/projects/new", session: officer, [
            ("credit_code", firm.creditCode.value), ("title", "Small stake"), ("country", "DE"), ("industry_code", "27"), ("form", "equity_stake"),
            ("equity_percent", "9.99"), ("currency", "EUR"), ("amount", "100000"), ("stage", "consulting"),
        ])
        XCTAssertEqual(refused.status, .badRequest)
        XCTAssertTrue(refused.body.string.contains("equity_percent"))
        XCTAssertTrue(refused.body.string.contains("Small stake"))
        // when Germany is graded, then downgraded
        for (grade, year) in [("1", "2024"), ("3", "2025")] {
            let res = try await post("/outbound/countries/DE/grade", session: officer, [("grade", grade), ("political", grade), ("economic", grade),
                                                                                          ("business_environment", grade), ("legal", grade), ("source_year", year)])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
        }
        // then the firm's portal page lists what it still has to file and the alert
        let firmSession = try await login("firm-b")
        let portal = try await page("/outbound/me", session: firmSession)
        XCTAssertEqual(portal.status, .ok)
        XCTAssertTrue(portal.body.string.contains("营业执照"), "the missing documents are named")
        XCTAssertTrue(portal.body.string.contains("国别风险等级由 1 级下调至 3 级"), portal.body.string)
        XCTAssertEqual(unroutedLinks(in: portal.body.string), [])
        // and its inbox shows the alert's title in the reader's language only
        let inboxZh = try await page("/inbox", session: firmSession).body.string
        XCTAssertTrue(inboxZh.contains("德国国别风险等级由 1 级下调至 3 级"), inboxZh)
        XCTAssertFalse(inboxZh.contains("country risk downgraded"), "no English in the Chinese inbox")
        let inboxEn = try await page("/inbox?lang=en", session: firmSession).body.string
        XCTAssertTrue(inboxEn.contains("Germany: country risk downgraded from 1 to 3"), inboxEn)
        XCTAssertFalse(inboxEn.contains("国别风险等级"), "no Chinese in the English inbox")
        let portalEn = try await page("/outbound/me?lang=en", session: firmSession).body.string
        XCTAssertTrue(portalEn.contains("Germany: country risk downgraded from 1 to 3") && !portalEn.contains("国别风险等级"), portalEn)
        // and reading it in the inbox is the firm's receipt; the officer sees who read it
        let alert = try await OutboundRiskRepository(db: app.db).alerts(for: firm.id!).items[0]
        let unread = try await page("/outbound/alerts/\(alert.alert.id!.uuidString)", session: officer)
        XCTAssertTrue(unread.body.string.contains("1 家企业收到，0 家已读"), unread.body.string)
        let messageID = try XCTUnwrap(inboxZh.firstMatch(of: /name="id" value="([0-9A-F-]{36})"/)?.1)
        let read = try await post("/inbox/read", session: firmSession, [("id", String(messageID))])
        XCTAssertEqual(read.status, .seeOther)
        let receipts = try await page("/outbound/alerts/\(alert.alert.id!.uuidString)", session: officer)
        XCTAssertTrue(receipts.body.string.contains("1 家企业收到，1 家已读"), receipts.body.string)
        XCTAssertTrue(receipts.body.string.contains("firm-b"), "who read it")
        // and marking it read on the outbound page again changes nothing
        let again = try await post("/outbound/alerts/\(alert.alert.id!.uuidString)/read", session: firmSession, [])
        XCTAssertEqual(again.status, .seeOther)
        // and every staff page renders
        for path in ["/outbound", "/outbound/projects", "/outbound/countries", "/outbound/countries/DE", "/outbound/alerts", "/outbound/services",
                     "/outbound/stats?from=2025-01&to=2025-06", "/outbound/projects/new"] {
            let res = try await page(path, session: officer)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertNil(Self.inlineStyle(in: res.body.string), path)
            XCTAssertEqual(unroutedLinks(in: res.body.string), [], path)
        }
        let csv = try await page("/outbound/stats.csv?from=2025-01&to=2025-06&format=machine", session: officer)
        XCTAssertTrue(csv.body.string.contains("total,all,All projects,1,1,1,698432660.00,97180000.00"), csv.body.string)
    }
}
