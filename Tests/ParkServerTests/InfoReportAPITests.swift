import Foundation
import ParkDomain
import ParkServer
import ParkStore
import ParkTestSupport
import XCTVapor

/// Foreign investment information reports through the API and the console (today is
/// 2025-06-01): a year generated once, a change due on the working calendar, a filing audited,
/// the due list per officer, the firm's own reports, refusals naming their field.
final class InfoReportAPITests: ServerTestCase {
    var officer: String!, foreignFirm: Enterprise!, domestic: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        _ = try await seedUser("invest", role: .officer, department: "invest")
        _ = try await seedUser("econ", role: .officer, department: "econ")
        officer = try await token("invest")
        foreignFirm = try await seedEnterprise(1, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Auto Parts Suzhou", ownership: .foreign, country: "DE")
        domestic = try await seedEnterprise(2, zh: "本地科技有限公司", en: "Local Tech")
        _ = try await seedUser("firm-a", role: .enterprise, enterprise: foreignFirm.id)
    }

    func json(_ res: XCTHTTPResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    func testAnOfficerGeneratesListsAndFilesReports() async throws {
        // when: 2024 is generated twice
        let first = try await send(.POST, "/api/v1/investment/info-reports/generate", token: officer, json: #"{"year":2024}"#)
        XCTAssertEqual(first.status, .ok, first.body.string)
        XCTAssertEqual(try json(first)["added"] as? Int, 1)
        let again = try await send(.POST, "/api/v1/investment/info-reports/generate", token: officer, json: #"{"year":2024}"#)
        XCTAssertEqual(try json(again)["added"] as? Int, 0)
        // and a change on Friday 30 May 2025: Mon 2 June is the Dragon Boat holiday, so the 20th
        // working day is Mon 30 June (3–6 June 1–4, 9–13 5–9, 16–20 10–14, 23–27 15–19, 30 June 20)
        let change = try await send(.POST, "/api/v1/investment/info-reports/changes", token: officer,
                                    json: #"{"enterprise_id":"\#(foreignFirm.id!.uuidString)","change_on":"2025-05-30","note":"外方股东更名"}"#)
        XCTAssertEqual(change.status, .created, change.body.string)
        XCTAssertEqual(try json(change)["due_on"] as? String, "2025-06-30")
        XCTAssertEqual(try json(change)["kind"] as? String, "change")
        // then: both are due; none overdue
        let due = try await send(.GET, "/api/v1/investment/info-reports?list=due", token: officer)
        XCTAssertEqual(due.status, .ok, due.body.string)
        let items = try XCTUnwrap(try json(due)["items"] as? [[String: Any]])
        XCTAssertEqual(try json(due)["total"] as? Int, 2)
        XCTAssertEqual(Set(items.map { $0["state"] as? String }), ["due"])
        XCTAssertEqual(items.first { $0["kind"] as? String == "annual" }?["due_on"] as? String, "2025-06-30")
        XCTAssertEqual(items.first?["enterprise_name"] as? String, "博世汽车部件（苏州）有限公司")
        let overdue = try await send(.GET, "/api/v1/investment/info-reports?list=overdue", token: officer)
        XCTAssertEqual(try json(overdue)["total"] as? Int, 0)
        // when: the annual report is filed; again is refused naming the field
        let annualID = try XCTUnwrap(items.first { $0["kind"] as? String == "annual" }?["id"] as? String)
        let filed = try await send(.POST, "/api/v1/investment/info-reports/\(annualID)/filed", token: officer, json: #"{"filed_on":"2025-05-20"}"#)
        XCTAssertEqual(filed.status, .ok, filed.body.string)
        XCTAssertEqual(try json(filed)["state"] as? String, "filed")
        XCTAssertEqual(try json(filed)["filed_by"] as? String, "invest")
        let twice = try await send(.POST, "/api/v1/investment/info-reports/\(annualID)/filed", token: officer, json: "{}")
        XCTAssertEqual(twice.status, .conflict)
        XCTAssertEqual(try problem(twice).field, "filed_on")
        await assertEqual(try await app.park.audit.recent(limit: 1).first?.action, "filed")
        // the firm reads its own reports, newest window first
        let firm = try await token("firm-a")
        let own = try await send(.GET, "/api/v1/enterprises/\(foreignFirm.id!.uuidString)/info-reports", token: firm)
        XCTAssertEqual(own.status, .ok, own.body.string)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(own.body.readableBytesView)) as? [[String: Any]])
        XCTAssertEqual(list.map { $0["kind"] as? String }, ["change", "annual"])
        let theirs = try await send(.GET, "/api/v1/enterprises/\(domestic.id!.uuidString)/info-reports", token: firm)
        XCTAssertEqual(theirs.status, .notFound)
    }

    func testBadInputIsRefusedNamingTheField() async throws {
        let domesticChange = try await send(.POST, "/api/v1/investment/info-reports/changes", token: officer,
                                            json: #"{"enterprise_id":"\#(domestic.id!.uuidString)","change_on":"2025-05-30","note":"x"}"#)
        XCTAssertEqual(domesticChange.status, .badRequest)
        XCTAssertEqual(try problem(domesticChange).code, "not_foreign_invested")
        let future = try await send(.POST, "/api/v1/investment/info-reports/changes", token: officer,
                                    json: #"{"enterprise_id":"\#(foreignFirm.id!.uuidString)","change_on":"2025-06-02","note":"x"}"#)
        XCTAssertEqual(try problem(future).field, "change_on")
        let badDate = try await send(.POST, "/api/v1/investment/info-reports/changes", token: officer,
                                     json: #"{"enterprise_id":"\#(foreignFirm.id!.uuidString)","change_on":"2025-02-30","note":"x"}"#)
        XCTAssertEqual(badDate.status, .badRequest)
        XCTAssertEqual(try problem(badDate).field, "change_on")
        let notOfBureau = try await send(.POST, "/api/v1/investment/info-reports/generate", token: try await token("econ"), json: #"{"year":2024}"#)
        XCTAssertEqual(notOfBureau.status, .forbidden)
        let unknown = try await send(.POST, "/api/v1/investment/info-reports/\(UUID().uuidString)/filed", token: officer, json: "{}")
        XCTAssertEqual(unknown.status, .notFound)
    }

    func testTheConsolePageListsGeneratesRecordsAndExports() async throws {
        let session = try await login("invest")
        // generate through the form
        let gen = try await post("/investment/info-reports/generate", session: session, [("year", "2024")])
        XCTAssertEqual(gen.status, .ok, gen.body.string)
        XCTAssertTrue(gen.body.string.contains("已生成 1 份 2024 年度报告任务"), gen.body.string)
        XCTAssertTrue(gen.body.string.contains("博世汽车部件（苏州）有限公司"))
        XCTAssertTrue(gen.body.string.contains("2024 年度报告"))
        // a change for an unknown credit code is refused naming the field, 4xx
        let bad = try await post("/investment/info-reports/changes", session: session,
                                 [("credit_code", Self.code(9).value), ("change_on", "2025-05-30"), ("note", "更名")])
        XCTAssertEqual(bad.status, .badRequest)
        XCTAssertTrue(bad.body.string.contains("credit_code"), bad.body.string)
        let ok = try await post("/investment/info-reports/changes", session: session,
                                [("credit_code", foreignFirm.creditCode.value), ("change_on", "2025-05-30"), ("note", "外方股东更名")])
        XCTAssertEqual(ok.status, .ok)
        XCTAssertTrue(ok.body.string.contains("变更报告：外方股东更名"))
        // the CSV export streams the list
        let csv = try await send(.GET, "/investment/info-reports.csv?list=due", headers: htmlHeaders(session: session))
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.body.string.split(separator: "\n").count, 3)
        // a bad filter is refused naming it
        let filter = try await page("/investment/info-reports?list=later", session: session)
        XCTAssertEqual(filter.status, .badRequest)
        // the enterprise's profile shows its reports
        let profile = try await page("/enterprises/\(foreignFirm.id!.uuidString)/profile", session: session)
        XCTAssertTrue(profile.body.string.contains("外商投资信息报告"), profile.body.string.prefix(300).description)
    }
}
