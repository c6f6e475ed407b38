import Foundation
import ParkDomain
@testable import ParkServer
import ParkStore
import XCTVapor
import ZIPFoundation
import ParkTestSupport

/// The indicators API: import, report (JSON, CSV, .xlsx), targets, drill-down and the profile.
final class IndicatorAPITests: ServerTestCase {
    /// The JSON body without white space (the server pretty-prints).
    func compact(_ res: XCTHTTPResponse) -> String { res.body.string.filter { !$0.isWhitespace } }

    static let csv = """
        indicator,period,value,growth_pct
        trade,2024-04,800,
        trade,2024-12,2600,
        trade,2025-03,640,
        trade,2025-04,850,6.3
        gdp,2024-Q1,600,
        gdp,2025-Q1,640,5.1

        """

    func testAnOfficerImportsSeesTheReportAndDownloadsTheBoardPack() async throws {
        // given
        _ = try await seedUser("econ", role: .officer, department: "econ")
        let t = try await token("econ")
        // when
        let imported = try await send(.POST, "/api/v1/indicators/import", token: t, body: ByteBuffer(string: Self.csv),
                                      headers: ["content-type": "text/csv"])
        XCTAssertEqual(imported.status, .ok, imported.body.string)
        XCTAssertTrue(compact(imported).contains(#""added":6"#), imported.body.string)
        let target = try await send(.PUT, "/api/v1/indicators/trade/targets/2025", token: t, json: #"{"level":"2860"}"#)
        XCTAssertEqual(target.status, .ok, target.body.string)
        let res = try await send(.GET, "/api/v1/indicators/report?period=2025-04", token: t)
        // then
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = compact(res)
        XCTAssertTrue(body.contains(#""growth_pct":"6.3""#), "published growth as published")
        XCTAssertTrue(body.contains(#""levels_growth_pct":"6.25""#), "(850 − 800) ÷ 800 beside it")
        XCTAssertTrue(body.contains(#""period_value":"210""#), "April alone: 850 − 640")
        XCTAssertTrue(body.contains(#""alerts":["trade"]"#), body)
        // ParkOS's own service and outbound figures ride along (nothing received or agreed in this park)
        XCTAssertTrue(body.contains(#""service":{"#) && body.contains(#""received":0"#), body)
        XCTAssertTrue(body.contains(#""odi":{"#) && body.contains(#""by_region":[]"#), body)
        let csv = try await send(.GET, "/api/v1/indicators/report/export?period=2025-04&format=csv&lang=en", token: t)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertTrue(csv.body.string.contains("Headline indicators, 2025-04"))
        let xlsx = try await send(.GET, "/api/v1/indicators/report/export?period=2025-04&format=xlsx", token: t)
        XCTAssertEqual(xlsx.status, .ok)
        XCTAssertEqual(xlsx.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let archive = try Archive(data: Data(xlsx.body.readableBytesView), accessMode: .read)
        XCTAssertNotNil(archive["xl/worksheets/sheet6.xml"], "six sheets: headline, trend, periods, derived, breakdowns, outbound")
        var workbook = Data()
        _ = try archive.extract(archive["xl/workbook.xml"]!) { workbook.append($0) }
        XCTAssertTrue(String(decoding: workbook, as: UTF8.self).contains(#"<sheet name="主要指标""#))
        // the history of a value
        await assertEqual(try await send(.GET, "/api/v1/indicators/trade/values/2025-04/history", token: t).status, .ok)
        await assertEqual(try await send(.GET, "/api/v1/indicators/trade/values/2025-05/history", token: t).status, .notFound)
    }

    func testBadInputIsA4xxNamingRowAndField() async throws {
        _ = try await seedUser("econ", role: .officer, department: "econ")
        let t = try await token("econ")
        let res = try await send(.POST, "/api/v1/indicators/import", token: t,
                                 body: ByteBuffer(string: "indicator,period,value,growth_pct\ntrade,2025-13,1,\ntrade,2025-04,x,\n"),
                                 headers: ["content-type": "text/csv"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(compact(res).contains(#""row":2"#) && compact(res).contains(#""column":"value""#), res.body.string)
        await assertEqual(try await send(.GET, "/api/v1/indicators/report?period=2099-01", token: t).status, .badRequest)
        await assertEqual(try await send(.GET, "/api/v1/indicators/report?period=2025-1", token: t).status, .badRequest)
        await assertEqual(try await send(.PUT, "/api/v1/indicators/trade/targets/2025", token: t, json: #"{"level":"lots"}"#).status, .badRequest)
        await assertEqual(try await send(.GET, "/api/v1/indicators/derived/enterprises?period=2025-04&dimension=cluster", token: t).status, .badRequest)
    }

    func testTheProfileIsTheFirmsOwnAndNoOneElses() async throws {
        // given
        let a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        let b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        _ = try await seedLease(a, code: "T-A", offset: 0)
        _ = try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let t = try await token("firm-a")
        // when
        let own = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/profile", token: t)
        let other = try await send(.GET, "/api/v1/enterprises/\(b.id!.uuidString)/profile", token: t)
        // then
        XCTAssertEqual(own.status, .ok)
        XCTAssertTrue(compact(own).contains(#""id":"register""#) && compact(own).contains(#""id":"land""#), own.body.string)
        XCTAssertEqual(other.status, .notFound)
        await assertEqual(try await send(.GET, "/api/v1/indicators/report?period=2025-04", token: t).status, .forbidden)
    }

    func testTheTickerStoresLastAndThisMonthOnceAcrossInstances() async throws {
        // given: a firm on the register (2025-06-01 is the test clock: last month 2025-05)
        _ = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        let clock = ParkClock.fixed(TestDatabase.now)
        let (may, june) = (YearMonth(year: 2025, month: 5)!, YearMonth(year: 2025, month: 6)!)
        // when: two instances tick at once
        let db = app.db
        async let a = IndicatorsTicker.tick(db: db, clock: clock)
        async let b = IndicatorsTicker.tick(db: db, clock: clock)
        let (first, second) = try await (a, b)
        // then: each month computed by exactly one of them, the other found it fresh or claimed
        for m in [may, june] {
            XCTAssertEqual([first[m], second[m]].filter { $0 == .computed }.count, 1, "\(m.iso): \(String(describing: first[m])) \(String(describing: second[m]))")
        }
        let stored = try await DerivedSnapshots(db: app.db, clock: clock).row(may)
        XCTAssertEqual(stored?.figures?.enterprises, 1)
        XCTAssertEqual(stored?.computedAtMillis, clock.millis)
        XCTAssertNil(stored?.claimedUntilMillis)
        // and the next tick finds both fresh
        await assertEqual(try await IndicatorsTicker.tick(db: app.db, clock: clock), [may: .fresh, june: .fresh])
        // the report says when its derived figures were computed
        _ = try await seedUser("econ", role: .officer, department: "econ")
        let res = try await send(.GET, "/api/v1/indicators/report?period=2025-05", token: try await token("econ"))
        XCTAssertTrue(compact(res).contains(#""as_of":"2025-06-01T00:00:00Z""#), res.body.string)
    }
}
