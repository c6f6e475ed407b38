import Foundation
import ParkDomain
import ParkServer
import ParkStore
import ParkTestSupport
import XCTVapor

/// The issue's "done when", through the API: an officer records a lead, moves it with the
/// bureau head's approvals, logs a blocker, records the contract and capital arriving in euros
/// and yen, and sees the month's report move; a confidential project stays hidden from an
/// officer outside its task force; bad input is refused naming the field.
final class InvestmentAPITests: ServerTestCase {
    var officer: String!, head: String!, outsider: String!
    var investorID: String!

    override func setUp() async throws {
        try await super.setUp()
        for (name, pos) in [("invest", Position.staff), ("invest-head", .head), ("invest2", .staff)] {
            let u = try await seedUser(name, role: .officer, department: "invest")
            if pos != .staff { try await app.park.accounts.setPosition(u.id, pos, by: system) }
        }
        officer = try await token("invest"); head = try await token("invest-head"); outsider = try await token("invest2")
        let rates = "currency,month,usd_per_unit,cny_per_unit\nUSD,2025-05,1,7.2\nEUR,2025-05,1.1284,8.1321\nJPY,2025-05,0.00693,0.049945\n"
        let imported = try await send(.POST, "/api/v1/rates/import", token: officer, body: ByteBuffer(string: rates),
                                      headers: ["content-type": "text/csv"])
        XCTAssertEqual(imported.status, .ok, imported.body.string)
        let inv = try await send(.POST, "/api/v1/investors", token: officer,
                                 json: #"{"name_zh":"博世集团","name_en":"Bosch Group","origin_country":"DE","sector":"C","fortune500":{"list_year":2024,"rank":94}}"#)
        XCTAssertEqual(inv.status, .created, inv.body.string)
        investorID = try json(inv)["id"] as? String
    }

    func json(_ res: XCTHTTPResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    func createProject(_ zh: String, en: String, confidential: Bool = false) async throws -> String {
        let extra = confidential ? #","confidential":true,"code_name":"Project Falcon""# : ""
        let res = try await send(.POST, "/api/v1/investment/projects", token: officer, json: """
            {"investor_id":"\(investorID!)","name_zh":"\(zh)","name_en":"\(en)","type":"new_establishment","cluster":"equipment",
             "industry_code":"C36","total_investment":{"currency":"EUR","amount":"100000000"},"source":"visit","first_contact_on":"2025-04-01"\(extra)}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        return try XCTUnwrap(try json(res)["id"] as? String)
    }

    func move(_ id: String, _ stage: String, _ on: String) async throws {
        let p = try await send(.POST, "/api/v1/investment/projects/\(id)/moves", token: officer, json: #"{"to_stage":"\#(stage)","effective_on":"\#(on)"}"#)
        XCTAssertEqual(p.status, .created, p.body.string)
        let r = try await send(.POST, "/api/v1/investment/moves/\(try json(p)["id"] as! String)/review", token: head, json: #"{"approve":true}"#)
        XCTAssertEqual(r.status, .ok, r.body.string)
    }

    func testALeadBecomesCapitalInTheMonthsReport() async throws {
        // given a lead
        let id = try await createProject("博世新能源部件项目", en: "Bosch EV parts")
        // a skip and a review by an officer are refused, naming the field
        let skip = try await send(.POST, "/api/v1/investment/projects/\(id)/moves", token: officer, json: #"{"to_stage":"signed","effective_on":"2025-04-10"}"#)
        XCTAssertEqual(skip.status, .conflict)
        XCTAssertEqual(try problem(skip).field, "to_stage")
        let proposed = try await send(.POST, "/api/v1/investment/projects/\(id)/moves", token: officer, json: #"{"to_stage":"pitched","effective_on":"2025-04-10"}"#)
        let moveID = try json(proposed)["id"] as! String
        let byOfficer = try await send(.POST, "/api/v1/investment/moves/\(moveID)/review", token: officer, json: #"{"approve":true}"#)
        XCTAssertEqual(byOfficer.status, .forbidden)
        XCTAssertEqual(try problem(byOfficer).field, "reviewer")
        _ = try await send(.POST, "/api/v1/investment/moves/\(moveID)/review", token: head, json: #"{"approve":true}"#)
        try await move(id, "negotiating", "2025-04-20")
        try await move(id, "signed", "2025-05-15")
        // a blocker, escalated after 10 working days
        let blocker = try await send(.POST, "/api/v1/investment/projects/\(id)/blockers", token: officer,
                                     json: #"{"title":"环评批复延迟","department":"land","opened_on":"2025-05-12"}"#)
        XCTAssertEqual(blocker.status, .created, blocker.body.string)
        let escalated = try await send(.GET, "/api/v1/investment/blockers/escalated", token: head)
        XCTAssertTrue(escalated.body.string.contains("环评批复延迟"))
        // the contract in euros, capital in euros and yen
        let before = try await send(.GET, "/api/v1/fdi/report?from=2025-05&to=2025-05", token: officer)
        XCTAssertEqual(before.status, .ok, before.body.string)
        let c = try await send(.POST, "/api/v1/investment/projects/\(id)/contracted", token: officer,
                               json: #"{"recorded_on":"2025-05-20","kind":"subscribed_capital","event":"signing","amount":{"currency":"EUR","amount":"20000000"}}"#)
        XCTAssertEqual(c.status, .created, c.body.string)
        for body in [#"{"arrived_on":"2025-05-28","kind":"cash","amount":{"currency":"JPY","amount":"500000000"}}"#,
                     #"{"arrived_on":"2025-05-29","kind":"cash","amount":{"currency":"EUR","amount":"1234567.89"}}"#] {
            let i = try await send(.POST, "/api/v1/investment/projects/\(id)/inflows", token: officer, json: body)
            XCTAssertEqual(i.status, .created, i.body.string)
        }
        // then the month's report moved: US$3,465,000.00 + 1,393,086.41 = 4,858,086.41 utilised; 22,568,000.00 contracted
        let after = try json(try await send(.GET, "/api/v1/fdi/report?from=2025-05&to=2025-05", token: officer))
        let totals = try XCTUnwrap(after["totals"] as? [String: Any])
        XCTAssertEqual((totals["utilised_usd"] as? [String: Any])?["amount"] as? String, "4858086.41")
        XCTAssertEqual((totals["contracted_usd"] as? [String: Any])?["amount"] as? String, "22568000.00")
        XCTAssertEqual(totals["new_projects"] as? Int, 1)
        let beforeTotals = try XCTUnwrap(try json(before)["totals"] as? [String: Any])
        XCTAssertEqual((beforeTotals["utilised_usd"] as? [String: Any])?["amount"] as? String, "0.00")
        let detail = try await send(.GET, "/api/v1/investment/projects/\(id)", token: officer)
        XCTAssertTrue(detail.body.string.contains(#""usd_per_unit":"0.00693000""#) || detail.body.string.contains(#""usd_per_unit" : "0.00693000""#))
    }

    func testBadInputIsRefusedNamingTheField() async throws {
        let id = try await createProject("博世新能源部件项目", en: "Bosch EV parts")
        try await move(id, "pitched", "2025-04-10"); try await move(id, "negotiating", "2025-04-20"); try await move(id, "signed", "2025-05-15")
        let cases: [(String, Int, String)] = [
            (#"{"arrived_on":"2025-05-20","kind":"cash","amount":{"currency":"GBP","amount":"100"}}"#, 400, "currency"),
            (#"{"arrived_on":"2025-06-02","kind":"cash","amount":{"currency":"USD","amount":"100"}}"#, 400, "arrived_on"),
            (#"{"arrived_on":"2025-05-14","kind":"cash","amount":{"currency":"USD","amount":"100"}}"#, 400, "arrived_on"),
            (#"{"arrived_on":"2025-05-20","kind":"cash","amount":{"currency":"USD","amount":"0"}}"#, 400, "amount"),
            (#"{"arrived_on":"2025-05-20","kind":"cash","amount":{"currency":"USD","amount":"1.234"}}"#, 400, "amount"),
        ]
        for (body, status, field) in cases {
            let res = try await send(.POST, "/api/v1/investment/projects/\(id)/inflows", token: officer, json: body)
            XCTAssertEqual(res.status.code, UInt(status), body + " " + res.body.string)
            XCTAssertEqual(try problem(res).field, field, body)
        }
        let detail = try json(try await send(.GET, "/api/v1/investment/projects/\(id)", token: officer))
        XCTAssertEqual((detail["inflows"] as? [Any])?.count, 0, "nothing half-written")
    }

    func testAConfidentialProjectStaysHiddenFromAnOfficerOutsideItsTaskForce() async throws {
        let id = try await createProject("西门子医疗影像基地", en: "Siemens imaging base", confidential: true)
        for path in ["/api/v1/investment/projects/\(id)", "/api/v1/investment/projects", "/api/v1/investment/projects?q=Bosch",
                     "/api/v1/investment/projects?q=Falcon"] {
            let res = try await send(.GET, path, token: outsider)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertFalse(res.body.string.contains("Bosch"), "investor name leaked through \(path)")
            XCTAssertFalse(res.body.string.contains("Siemens"), "project name leaked through \(path)")
            XCTAssertFalse(res.body.string.contains("西门子"), "project name leaked through \(path)")
        }
        let byCode = try await send(.GET, "/api/v1/investment/projects?q=Falcon", token: outsider)
        XCTAssertTrue(byCode.body.string.contains("Project Falcon"))
        // a write by the outsider is refused; the task force member and the head see it whole
        let write = try await send(.POST, "/api/v1/investment/projects/\(id)/moves", token: outsider, json: #"{"to_stage":"pitched","effective_on":"2025-04-10"}"#)
        XCTAssertEqual(write.status, .forbidden)
        for t in [officer!, head!] {
            let seen = try await send(.GET, "/api/v1/investment/projects/\(id)", token: t)
            XCTAssertTrue(seen.body.string.contains("Siemens imaging base"))
        }
    }
}
