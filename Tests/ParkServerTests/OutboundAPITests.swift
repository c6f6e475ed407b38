import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The issue's "done when", over HTTP: an officer records a firm's acquisition in Germany, the
/// checker says which filings it needs and why, the firm sees its checklist, an officer
/// downgrades the country and the firm gets the alert and reads it; bad input is refused by field.
final class OutboundAPITests: ServerTestCase {
    struct Detail: Decodable {
        struct Project: Decodable { var id: String; var stage: String; var amountUsd: String; var amountYuan: String; var beltAndRoad: Bool }
        struct Requirement: Decodable { var kind: String; var authority: String; var authorityName: String; var reasons: [String]; var clockWorkingDays: Int? }
        struct Check: Decodable { var sensitive: Bool; var requirements: [Requirement]; var ruleSet: String }
        struct Filing: Decodable { var id: String; var kind: String; var state: String; var documents: [Doc] }
        struct Doc: Decodable { var code: String; var name: String; var received: Bool }
        var project: Project; var check: Check; var filings: [Filing]
    }
    struct Items<T: Decodable>: Decodable { var items: [T]; var total: Int }
    struct AlertJSON: Decodable { var id: String; var title: String; var cause: String; var recipients: Int; var read: Int; var readAt: String? }
    struct Receipt: Decodable { var enterpriseName: String; var readAt: String? }

    var firm: Enterprise!, officerToken: String!, firmToken: String!

    override func setUp() async throws {
        try await super.setUp()
        try await seedOutboundRates()
        firm = try await seedEnterprise(1, zh: "苏州新锐生物科技有限公司", en: "Suzhou Xinrui Biotech")
        try await seedUser("invest", role: .officer, department: "invest")
        try await seedUser("firm-b", role: .enterprise, enterprise: firm.id)
        officerToken = try await token("invest")
        firmToken = try await token("firm-b")
    }

    func acquisition(percent: String = "80", country: String = "DE", currency: String = "EUR", amount: String = "86000000.00") -> String {
        #"{"enterprise_id":"\#(firm.id!.uuidString)","title":"Acquisition of Rheinland Diagnostik GmbH","country":"\#(country)","target_company":"Rheinland Diagnostik GmbH","industry_code":"C27","form":"acquisition","equity_percent":"\#(percent)","currency":"\#(currency)","amount":"\#(amount)","financing":["own_funds","domestic_loan"],"stage":"preparing_filings","agreed_on":"2025-04-15"}"#
    }

    func testAnAcquisitionInGermanyFromRecordToAlert() async throws {
        // when an officer records the acquisition
        let created = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition())
        XCTAssertEqual(created.status, .created, created.body.string)
        let d = try decode(Detail.self, created)
        // then the checker says which filings and why (EUR 86 M × 1.13 = US$97.18 M: below US$100 M)
        XCTAssertEqual(d.project.amountUsd, "97180000.00")
        XCTAssertEqual(d.project.amountYuan, "698432660.00")
        XCTAssertFalse(d.check.sensitive)
        XCTAssertEqual(d.check.requirements.map(\.authority), ["ndrc_provincial", "city_commerce", "bank"])
        XCTAssertEqual(d.check.requirements[0].clockWorkingDays, 7)
        XCTAssertTrue(d.check.requirements[0].reasons[0].hasPrefix("中方投资额 97,180,000 美元 < 3 亿美元"), d.check.requirements[0].reasons[0])
        XCTAssertEqual(d.filings.count, 3)
        // and the firm sees its checklist in the portal's API, in Chinese by default
        let mine = try await send(.GET, "/api/v1/outbound/filings?queue=open", token: firmToken)
        XCTAssertEqual(mine.status, .ok)
        let open = try decode(Items<Detail.Filing>.self, mine)
        XCTAssertEqual(open.total, 3)
        XCTAssertTrue(open.items.flatMap(\.documents).contains { $0.name == "营业执照" && !$0.received })
        // when an officer grades Germany, then downgrades it
        let grade = #"{"grade":1,"political":1,"economic":1,"business_environment":1,"legal":1,"source_year":2024}"#
        await assertEqual(try await send(.PUT, "/api/v1/outbound/countries/DE/risk", token: officerToken, json: grade).status, .ok)
        let worse = try await send(.PUT, "/api/v1/outbound/countries/de/risk", token: officerToken,
                                   json: #"{"grade":3,"political":2,"economic":4,"business_environment":3,"legal":2,"source_year":2025}"#)
        XCTAssertEqual(worse.status, .ok, worse.body.string)
        // then the firm has the alert, and the officer sees it unread, then read
        let alerts = try decode(Items<AlertJSON>.self, try await send(.GET, "/api/v1/outbound/alerts", token: firmToken))
        XCTAssertEqual(alerts.items.map(\.cause), ["downgrade"])
        XCTAssertNil(alerts.items[0].readAt)
        let id = alerts.items[0].id
        await assertEqual(try await send(.POST, "/api/v1/outbound/alerts/\(id)/read", token: firmToken).status, .noContent)
        let receipts = try decode(Items<Receipt>.self, try await send(.GET, "/api/v1/outbound/alerts/\(id)/deliveries", token: officerToken))
        XCTAssertEqual(receipts.items.map(\.enterpriseName), ["苏州新锐生物科技有限公司"])
        XCTAssertNotNil(receipts.items[0].readAt)
        let staffView = try decode(Items<AlertJSON>.self, try await send(.GET, "/api/v1/outbound/alerts", token: officerToken))
        XCTAssertEqual(staffView.items.first?.recipients, 1)
        XCTAssertEqual(staffView.items.first?.read, 1)
        // and the firm cannot grade a country or read the receipts
        await assertEqual(try await send(.PUT, "/api/v1/outbound/countries/DE/risk", token: firmToken, json: grade).status, .forbidden)
        await assertEqual(try await send(.GET, "/api/v1/outbound/alerts/\(id)/deliveries", token: firmToken).status, .notFound)
    }

    func testBadInputIsRefusedNamingTheField() async throws {
        func field(_ res: XCTHTTPResponse) throws -> String? { try problem(res).field }
        let stake = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition(percent: "9.99"))
        XCTAssertEqual(stake.status, .badRequest)
        XCTAssertEqual(try field(stake), "equity_percent")
        let country = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition(country: "ZZ"))
        XCTAssertEqual(try field(country), "country")
        let rate = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition(currency: "GBP"))
        XCTAssertEqual(rate.status, .badRequest)
        XCTAssertEqual(try field(rate), "currency")
        XCTAssertTrue(try problem(rate).message.contains("GBP"))
        let amount = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition(amount: "1.234"))
        XCTAssertEqual(try field(amount), "amount")
        // a filing granted before it was submitted
        let d = try decode(Detail.self, try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition()))
        let grant = try await send(.POST, "/api/v1/outbound/filings/\(d.filings[0].id)/grant", token: officerToken, json: #"{"date":"2025-05-01"}"#)
        XCTAssertEqual(grant.status, .conflict)
        XCTAssertEqual(try field(grant), "state")
        // an alert with no country or industry
        let alert = try await send(.POST, "/api/v1/outbound/alerts", token: officerToken, json: #"{"title":"t","title_en":"t","body":"b","body_en":"b"}"#)
        XCTAssertEqual(alert.status, .badRequest)
        XCTAssertEqual(try field(alert), "country")
        let month = try await send(.GET, "/api/v1/outbound/stats?from=2020-13", token: officerToken)
        XCTAssertEqual(month.status, .badRequest)
        let backwards = try await send(.GET, "/api/v1/outbound/stats?from=2020-07&to=2020-06", token: officerToken)
        XCTAssertEqual(try field(backwards), "from")
        // nothing half-written: one project (the good one)
        let list = try decode(Items<Detail.Project>.self, try await send(.GET, "/api/v1/outbound/projects", token: officerToken))
        XCTAssertEqual(list.total, 1)
    }

    func testStatsAndExport() async throws {
        _ = try await send(.POST, "/api/v1/outbound/projects", token: officerToken, json: acquisition())
        let stats = try await send(.GET, "/api/v1/outbound/stats?from=2025-01&to=2025-06", token: officerToken)
        XCTAssertEqual(stats.status, .ok, stats.body.string)
        XCTAssertTrue(stats.body.string.contains(#""agreed_yuan" : "698432660.00""#), stats.body.string)
        let csv = try await send(.GET, "/api/v1/outbound/projects/export", token: officerToken)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertTrue(csv.body.string.contains("Acquisition of Rheinland Diagnostik GmbH,DE,Rheinland Diagnostik GmbH,27,acquisition,80,EUR,86000000.00"), csv.body.string)
        await assertEqual(try await send(.GET, "/api/v1/outbound/stats", token: firmToken).status, .forbidden)
    }
}
