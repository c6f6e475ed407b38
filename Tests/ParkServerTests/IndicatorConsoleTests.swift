import Foundation
import ParkDomain
@testable import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The leadership page, the board pack, the import form and the profile in the console.
final class IndicatorConsoleTests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio", clusters: ["biomedicine"])
        _ = try await seedLease(a, code: "T-A", offset: 0)
        try await seedUser("econ", role: .officer, department: "econ")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        // The demo's series (today 2025-06-01: to 2025-05) and targets.
        try await DemoIndicatorSeeder(db: app.db, clock: .fixed(TestDatabase.now)).seed()
    }

    func testTheLeadershipPageShowsTilesGrowthProgressAndCharts() async throws {
        let session = try await login("econ")
        for lang in ["zh", "en"] {
            let res = try await page("/indicators?period=2020-06&lang=\(lang)", session: session)
            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertNil(Self.inlineStyle(in: html))
            XCTAssertEqual(unroutedLinks(in: html), [])
            // GDP 1,290 亿元 = 129 bn yuan; trade 3,052 亿元 = 305.2 bn; utilised FDI 12.8 亿美元 = US$ 1.28 bn
            let nb = "\u{00A0}"
            XCTAssertTrue(html.contains(lang == "zh" ? "1,290.00\(nb)亿元" : "129.00\(nb)bn\(nb)yuan"), "GDP H1 2020")
            XCTAssertTrue(html.contains(lang == "zh" ? "3,052.00\(nb)亿元" : "305.20\(nb)bn\(nb)yuan"), "trade H1 2020")
            XCTAssertTrue(html.contains(lang == "zh" ? "12.80\(nb)亿美元" : "US$\(nb)1.28\(nb)bn"), "utilised FDI H1 2020")
            XCTAssertFalse(html.contains("100 M") || html.contains("100\(nb)M"), "no catalogue unit after a scaled number")
            XCTAssertTrue(html.contains("+2.1\u{00A0}%") && html.contains("+196.0\u{00A0}%"))
            XCTAssertTrue(html.contains("<polyline"), "trend charts")
            XCTAssertTrue(html.contains(lang == "zh" ? "地区生产总值" : "Regional GDP"))
        }
        // the latest month: targets and the revised figure
        let latest = try await page("/indicators?lang=en", session: session).body.string
        XCTAssertTrue(latest.contains("revised"))
        XCTAssertTrue(latest.contains("Year&#39;s target") || latest.contains("Year's target"))
        await assertEqual(try await page("/indicators?period=2099-01", session: session).status, .badRequest)
    }

    func testTheBoardPackPrintsAndDownloads() async throws {
        let session = try await login("econ")
        let print = try await page("/indicators/board-pack?period=2020-06&lang=en", session: session)
        XCTAssertEqual(print.status, .ok)
        XCTAssertTrue(print.body.string.contains("page-break"))
        XCTAssertTrue(print.body.string.contains("Headline indicators, 2020-06"))
        let xlsx = try await page("/indicators/board-pack.xlsx?period=2020-06", session: session)
        XCTAssertEqual(xlsx.status, .ok)
        XCTAssertEqual(Array(xlsx.body.readableBytesView.prefix(2)), [0x50, 0x4B], "a zip container")
        let csv = try await page("/indicators/board-pack.csv?period=2020-06", session: session)
        XCTAssertTrue(csv.body.string.contains("3052.00"))
        // the drill-down
        await assertEqual(try await page("/indicators/enterprises?period=2025-05&metric=enterprises", session: session).status, .ok)
        await assertEqual(try await page("/indicators/enterprises?period=2025-05&metric=bogus", session: session).status, .badRequest)
    }

    func testTheImportFormRefusesABadFileNamingTheRow() async throws {
        let session = try await login("econ")
        await assertEqual(try await page("/indicators/import", session: session).status, .ok)
        let token = try await csrf(session)
        let boundary = "XparkosX"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "indicator,period,value,growth_pct\ntrade,2025-05,oops,\n\r\n--\(boundary)--\r\n"
        var headers = htmlHeaders(session: session)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let res = try await send(.POST, "/indicators/import", body: ByteBuffer(string: body), headers: headers)
        XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
        XCTAssertTrue(res.body.string.contains(">value<"), "names the column")
    }

    func testTheProfileIsTheFirmsOwnInThePortal() async throws {
        let firm = try await login("firm-a")
        let mine = try await page("/profile/me", session: firm)
        XCTAssertEqual(mine.status, .seeOther)
        XCTAssertEqual(mine.headers.first(name: .location), "/enterprises/\(a.id!.uuidString)/profile")
        let own = try await page("/enterprises/\(a.id!.uuidString)/profile", session: firm)
        XCTAssertEqual(own.status, .ok)
        XCTAssertTrue(own.body.string.contains("甲科技有限公司"))
        XCTAssertTrue(own.body.string.contains("T-A"), "the land section")
        XCTAssertNil(Self.inlineStyle(in: own.body.string))
        XCTAssertEqual(unroutedLinks(in: own.body.string), [])
        await assertEqual(try await page("/enterprises/\(b.id!.uuidString)/profile", session: firm).status, .notFound)
        await assertEqual(try await page("/enterprises/\(b.id!.uuidString)/profile.json", session: firm).status, .notFound)
        let json = try await page("/enterprises/\(a.id!.uuidString)/profile.json", session: firm)
        XCTAssertTrue(json.body.string.contains("\"register\""))
        await assertEqual(try await page("/indicators", session: firm).status, .forbidden)
    }
}
