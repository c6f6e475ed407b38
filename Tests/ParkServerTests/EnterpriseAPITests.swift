import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

final class EnterpriseAPITests: ServerTestCase {
    var officer: String!, admin: String!

    override func setUp() async throws {
        try await super.setUp()
        try await seedUser("land-1", role: .officer, department: "land")
        try await seedUser("root", role: .admin)
        officer = try await token("land-1")
        admin = try await token("root")
    }

    func testCreateGetUpdateAndDelete() async throws {
        // given
        let body = Self.enterpriseJSON(1, zh: "信达生物", en: "Innovent",
                                       extra: #","clusters":["biomedicine"],"ownership":"joint_venture","origin_country":"us","employees":1200"#)
        // when created
        let created = try await send(.POST, "/api/v1/enterprises", token: officer, json: body)
        // then
        XCTAssertEqual(created.status, .created, created.body.string)
        let e = try decode(EnterpriseJSON.self, created)
        XCTAssertEqual(e.creditCode, Self.code(1).value)
        XCTAssertEqual(e.industryCode, "27")
        XCTAssertEqual(e.industrySection, "C")
        XCTAssertEqual(e.originCountry, "US")
        XCTAssertEqual(e.clusters, ["biomedicine"])

        // when read back
        let got = try await send(.GET, "/api/v1/enterprises/\(e.id)", token: officer)
        XCTAssertEqual(got.status, .ok)
        XCTAssertEqual(try decode(EnterpriseJSON.self, got).nameZh, "信达生物")

        // when updated
        let update = Self.enterpriseJSON(1, zh: "信达生物制药", en: "Innovent Biologics",
                                         extra: #","clusters":["biomedicine"],"ownership":"joint_venture","origin_country":"US","employees":1300"#)
        let updated = try await send(.PUT, "/api/v1/enterprises/\(e.id)", token: officer, json: update)
        XCTAssertEqual(updated.status, .ok, updated.body.string)
        XCTAssertEqual(try decode(EnterpriseJSON.self, updated).employees, 1300)
        let trail = try await send(.GET, "/api/v1/enterprises/\(e.id)/audit", token: officer)
        struct Entry: Decodable { var seq: Int; var action: String; var actor: String }
        XCTAssertEqual(try decode([Entry].self, trail).map(\.action), ["update", "create"])
        XCTAssertEqual(try decode([Entry].self, trail).map(\.actor), ["land-1", "land-1"])

        // when an officer deletes: refused
        let byOfficer = try await send(.DELETE, "/api/v1/enterprises/\(e.id)", token: officer)
        XCTAssertEqual(byOfficer.status, .forbidden)
        XCTAssertEqual(try problem(byOfficer).code, "forbidden")
        // when an admin deletes: gone
        let byAdmin = try await send(.DELETE, "/api/v1/enterprises/\(e.id)", token: admin)
        XCTAssertEqual(byAdmin.status, .noContent)
        await assertEqual(try await send(.GET, "/api/v1/enterprises/\(e.id)", token: officer).status, .notFound)
    }

    func testDuplicateCreditCodeIs409() async throws {
        // given
        try await seedEnterprise(1, zh: "甲", en: "A")
        // when
        let res = try await send(.POST, "/api/v1/enterprises", token: officer, json: Self.enterpriseJSON(1, zh: "乙", en: "B"))
        // then
        XCTAssertEqual(res.status, .conflict)
        XCTAssertEqual(try problem(res).field, "credit_code")
    }

    func testListFiltersSortsAndPages() async throws {
        // given
        try await seedEnterprise(1, zh: "甲生物", en: "Alpha Bio", clusters: ["biomedicine"], employees: 50)
        try await seedEnterprise(2, zh: "乙电子", en: "Beta Electronics", clusters: ["electronics"], ownership: .foreign,
                                 country: "JP", employees: 900)
        try await seedEnterprise(3, zh: "丙生物", en: "Gamma Bio", clusters: ["biomedicine"], ownership: .foreign,
                                 country: "DE", employees: 300)
        func names(_ query: String) async throws -> (names: [String], total: Int) {
            let res = try await send(.GET, "/api/v1/enterprises" + query, token: officer)
            XCTAssertEqual(res.status, .ok, query + " " + res.body.string)
            let page = try decode(PageJSON.self, res)
            return (page.items.map(\.nameEn), page.total)
        }
        // when / then
        await assertEqual(try await names("?q=bio&sort=name_en").names, ["Alpha Bio", "Gamma Bio"])
        await assertEqual(try await names("?q=%E4%B9%99").names, ["Beta Electronics"]) // 乙
        await assertEqual(try await names("?cluster=biomedicine&ownership=foreign").names, ["Gamma Bio"])
        await assertEqual(try await names("?country=JP").names, ["Beta Electronics"])
        await assertEqual(try await names("?sort=employees&order=desc").names, ["Beta Electronics", "Gamma Bio", "Alpha Bio"])
        let page2 = try await names("?sort=employees&order=desc&per_page=2&page=2")
        XCTAssertEqual(page2.names, ["Alpha Bio"])
        XCTAssertEqual(page2.total, 3)
        let bad = try await send(.GET, "/api/v1/enterprises?per_page=0", token: officer)
        XCTAssertEqual(bad.status, .badRequest)
    }

    func testExportIsCSVForStaff() async throws {
        // given
        try await seedEnterprise(1, zh: "甲公司", en: "Alpha")
        // when
        let res = try await send(.GET, "/api/v1/enterprises/export", token: officer)
        // then
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(res.headers.contentType?.subType, "csv")
        let text = res.body.string
        XCTAssertTrue(text.hasPrefix("\u{FEFF}credit_code,name_zh,name_en,industry_code"), text)
        XCTAssertTrue(text.contains("\(Self.code(1).value),甲公司,Alpha,27"), text)
    }

    func testEnterpriseUserUpdatesOwnAllowedFieldsOnly() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲公司", en: "Alpha", employees: 10)
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let firm = try await token("firm-a")
        // when
        let allowed = try await send(.PUT, "/api/v1/enterprises/\(a.id!)", token: firm,
                                     json: Self.enterpriseJSON(1, zh: "甲公司", en: "Alpha Ltd", extra: #","employees":12,"address":"星湖街 1 号""#))
        let forbidden = try await send(.PUT, "/api/v1/enterprises/\(a.id!)", token: firm,
                                       json: Self.enterpriseJSON(1, zh: "甲公司", en: "Alpha Ltd",
                                                                 extra: #","employees":12,"address":"星湖街 1 号","ownership":"foreign","origin_country":"US""#))
        // then
        XCTAssertEqual(allowed.status, .ok, allowed.body.string)
        XCTAssertEqual(forbidden.status, .forbidden, forbidden.body.string)
        XCTAssertEqual(try problem(forbidden).code, "forbidden_field")
        await assertEqual(try await app.park.enterprises.find(a.id!)?.ownership, .domestic)
        await assertEqual(try await app.park.enterprises.find(a.id!)?.nameEn, "Alpha Ltd")
    }
}
