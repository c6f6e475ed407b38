import Foundation
import ParkDomain
import XCTVapor
import ParkTestSupport

/// Register work in the console: creating and editing an enterprise (validated like the API,
/// audited with the reason), and the export that follows the list.
final class EnterpriseConsoleTests: ServerTestCase {
    func testAnOfficerRegistersAnEnterpriseThroughTheForm() async throws {
        // given
        try await seedUser("econ-1", role: .officer, department: "econ")
        let session = try await login("econ-1")
        await assertEqual(try await page("/enterprises/new?lang=en", session: session).status, .ok)
        // when
        let res = try await post("/enterprises/new", session: session, [
            ("credit_code", Self.code(7).value), ("name_zh", "苏州新测科技有限公司"), ("name_en", "Suzhou Xince Technology"),
            ("industry_code", "39"), ("clusters[]", "nanotech"), ("ownership", "foreign"), ("origin_country", "DE"),
            ("regional_hq", "on"), ("employees", "1,250"), ("founded_on", "2019-05-06"), ("address", "星湖街 328 号"),
        ])
        // then
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let location = try XCTUnwrap(res.headers.first(name: .location))
        XCTAssertTrue(location.hasSuffix("?saved=created"))
        let found = try await app.park.enterprises.find(creditCode: Self.code(7).value)
        let created = try XCTUnwrap(found)
        XCTAssertEqual(created.ownership, .foreign)
        XCTAssertEqual(created.originCountry, "DE")
        XCTAssertEqual(created.clusters, ["nanotech"])
        XCTAssertEqual(created.employees, 1250)
        XCTAssertTrue(created.regionalHeadquarters)
        XCTAssertFalse(created.rdCentre, "an unticked box is false")
        let shown = try await page(location, session: session).body.string
        XCTAssertTrue(shown.contains("企业已登记"))
        XCTAssertTrue(shown.contains("苏州新测科技有限公司"))
    }

    func testABadValueIsRefusedWithItsFieldNamedAndTheFormKept() async throws {
        // given
        try await seedUser("econ-1", role: .officer, department: "econ")
        let session = try await login("econ-1")
        // when: a credit code whose check character is wrong, an unknown ownership, a non-number
        let badCode = try await post("/enterprises/new?lang=en", session: session, [
            ("credit_code", "91320594MA1000007X"), ("name_zh", "坏代码公司"), ("industry_code", "39"),
        ])
        let badOwnership = try await post("/enterprises/new?lang=en", session: session, [
            ("credit_code", Self.code(8).value), ("name_zh", "乙"), ("industry_code", "39"), ("ownership", "martian"),
        ])
        let badEmployees = try await post("/enterprises/new?lang=en", session: session, [
            ("credit_code", Self.code(8).value), ("name_zh", "乙"), ("industry_code", "39"), ("employees", "many"),
        ])
        // then
        XCTAssertEqual(badCode.status, .badRequest)
        XCTAssertTrue(badCode.body.string.contains("Credit code: "), badCode.body.string)
        XCTAssertTrue(badCode.body.string.contains("坏代码公司"), "what was typed is kept")
        XCTAssertEqual(badOwnership.status, .badRequest)
        XCTAssertTrue(badOwnership.body.string.contains("Ownership: "))
        XCTAssertEqual(badEmployees.status, .badRequest)
        XCTAssertTrue(badEmployees.body.string.contains("Employees: "))
        await assertEqual(try await app.park.enterprises.count(), 0, "nothing was written")
    }

    func testAnEditAsksForItsReasonAndSealsItIntoTheTrail() async throws {
        // given
        try await seedUser("econ-1", role: .officer, department: "econ")
        let e = try await seedEnterprise(1, zh: "甲公司", en: "Alpha", employees: 100)
        let session = try await login("econ-1")
        var fields: [(String, String)] = [
            ("credit_code", e.creditCode.value), ("name_zh", "甲公司"), ("name_en", "Alpha"), ("industry_code", "27"),
            ("ownership", "domestic"), ("origin_country", "CN"), ("employees", "140"), ("address", e.address),
        ]
        // when: no reason
        let refused = try await post("/enterprises/\(e.id!)/edit?lang=en", session: session, fields)
        // then
        XCTAssertEqual(refused.status, .badRequest)
        XCTAssertTrue(refused.body.string.contains("Reason for the change: "))
        await assertEqual(try await app.park.enterprises.find(e.id!)?.employees, 100)

        // when: with a reason
        fields.append(("reason", "2025 年报更正"))
        let saved = try await post("/enterprises/\(e.id!)/edit", session: session, fields)
        // then
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        await assertEqual(try await app.park.enterprises.find(e.id!)?.employees, 140)
        let trail = try await app.park.audit.trail(entityType: "enterprise", entityID: e.id!.uuidString)
        let entry = try XCTUnwrap(trail.first)
        XCTAssertEqual(entry.action, "update")
        XCTAssertEqual(entry.reason, "2025 年报更正")
        let detail = try await page("/enterprises/\(e.id!)", session: session).body.string
        XCTAssertTrue(detail.contains("变更原因: 2025 年报更正"))
        guard case .intact = try await app.park.audit.verify() else { return XCTFail("the chain with a reason verifies") }
    }

    func testAnEnterpriseUserEditsOnlyItsOwnAllowedFields() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲公司", en: "Alpha", employees: 100)
        let b = try await seedEnterprise(2, zh: "乙公司", en: "Beta")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let session = try await login("firm-a")
        // when: it posts a new Chinese name and ownership along with its employees
        let form = try await page("/enterprises/\(a.id!)/edit", session: session).body.string
        let res = try await post("/enterprises/\(a.id!)/edit", session: session, [
            ("name_zh", "改名公司"), ("ownership", "foreign"), ("name_en", "Alpha Ltd"), ("employees", "120"), ("reason", "新员工入职"),
        ])
        let other = try await page("/enterprises/\(b.id!)/edit", session: session)
        let otherPost = try await post("/enterprises/\(b.id!)/edit", session: session, [("employees", "1"), ("reason", "x")])
        let create = try await page("/enterprises/new", session: session)
        // then: the locked fields are shown disabled and kept; the allowed ones change
        XCTAssertTrue(form.contains(#"name="name_zh" value="甲公司" required maxlength="200" disabled"#), form)
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let stored = try await app.park.enterprises.find(a.id!)
        let after = try XCTUnwrap(stored)
        XCTAssertEqual(after.nameZh, "甲公司")
        XCTAssertEqual(after.ownership, .domestic)
        XCTAssertEqual(after.nameEn, "Alpha Ltd")
        XCTAssertEqual(after.employees, 120)
        XCTAssertEqual(other.status, .notFound)
        XCTAssertEqual(otherPost.status, .notFound)
        await assertNil(try await app.park.enterprises.find(b.id!)?.employees)
        XCTAssertEqual(create.status, .forbidden)
    }

    func testTheExportFollowsTheListInTheReadersLanguage() async throws {
        // given
        try await seedUser("econ-1", role: .officer, department: "econ")
        try await seedEnterprise(1, zh: "甲公司", en: "Alpha", clusters: ["nanotech"], ownership: .foreign, country: "DE", employees: 10)
        try await seedEnterprise(2, zh: "乙公司", en: "Beta", employees: 30)
        try await seedEnterprise(3, zh: "丙公司", en: "Gamma", ownership: .foreign, country: "US", employees: 20)
        let session = try await login("econ-1")
        // when
        let foreign = try await page("/enterprises/export.csv?ownership=foreign&sort=employees&order=desc&lang=en", session: session)
        let machine = try await page("/enterprises/export.csv?ownership=foreign&sort=employees&order=desc&format=machine", session: session)
        let zh = try await page("/enterprises/export.csv?q=%E7%94%B2&lang=zh", session: session)
        let bad = try await page("/enterprises/export.csv?sort=nonsense", session: session)
        // then
        XCTAssertEqual(foreign.status, .ok)
        let lines = foreign.body.string.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("\u{FEFF}Credit code,Chinese name,English name,Industry"), lines[0])
        XCTAssertEqual(lines.count, 3, "the two foreign firms, nothing else")
        XCTAssertTrue(lines[1].contains("丙公司") && lines[1].contains("US United States"), lines[1])
        XCTAssertTrue(lines[2].contains("甲公司") && lines[2].contains("Foreign") && lines[2].contains("DE Germany"), lines[2])
        let m = machine.body.string.split(separator: "\n").map(String.init)
        XCTAssertTrue(m[0].hasPrefix("\u{FEFF}credit_code,name_zh,name_en,industry_code,clusters,ownership"))
        XCTAssertTrue(m[2].contains(",foreign,DE,"), m[2])
        XCTAssertTrue(m[2].contains(",nanotech,"), m[2])
        let z = zh.body.string.split(separator: "\n").map(String.init)
        XCTAssertEqual(z.count, 2)
        XCTAssertTrue(z[0].contains("统一社会信用代码"))
        XCTAssertTrue(z[1].contains("外资") && z[1].contains("德国"), z[1])
        XCTAssertEqual(bad.status, .badRequest)
    }
}
