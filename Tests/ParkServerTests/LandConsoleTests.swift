import Foundation
import ParkDomain
@testable import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The land pages of the console, signed in through the form as a browser is. Today is
/// 2025-06-01. A's lease (SIP-001) starts on 2015-07-01 and is due for assessment; B's
/// (SIP-002) starts on 2015-09-01 and is in production, its assessment window open since 2024-09-01.
final class LandConsoleTests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, leaseA: Lease!, leaseB: Lease!

    /// tax per mu ≥ 50,000 yuan (latest year, mandatory, weight 100).
    let taxCommitment = Commitment(kind: .taxPerMu, target: 50_000, mandatory: true, weight: 100)

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        let parcelA = try await landParcel("SIP-001", offset: 0)
        let parcelB = try await landParcel("SIP-002", offset: 0.01)
        leaseA = try await landLease(a, parcel: parcelA, commitments: [taxCommitment], state: .assessmentDue)
        leaseB = try await landLease(b, parcel: parcelB, start: "2015-09-01", commitments: [taxCommitment], state: .inProduction)
        // 1,200,000 yuan ÷ ≈ 15.83 mu ≈ 75,800 yuan/mu ≥ 50,000 → ratio counted 1 → score 100 → extend to 30 years (N = 20)
        _ = try await ReportRepository(db: app.db, clock: .fixed(TestDatabase.now))
            .submit(leaseID: leaseA.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_200_000), reason: "", by: system)
        try await seedUser("land-1", role: .officer, department: "land")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
    }

    // MARK: pages

    func testTheLandOverviewDrawsTheParcelMapInBothLanguages() async throws {
        // given
        let session = try await login("land-1")
        // when
        let zh = try await page("/land", session: session)
        let en = try await page("/land?lang=en", session: session)
        let firm = try await page("/land", session: try await login("firm-a"))
        // then
        XCTAssertEqual(zh.status, .ok)
        XCTAssertTrue(zh.body.string.contains(#"<svg class="map landmap-svg""#))
        XCTAssertTrue(zh.body.string.contains("<h1>土地出让与弹性年期</h1>"))
        XCTAssertEqual(zh.body.string.components(separatedBy: #"<a href="/parcels/"#).count - 1, 2, "one polygon per parcel")
        XCTAssertTrue(zh.body.string.contains("SIP-001 · 湖东"), "each polygon has its title")
        XCTAssertEqual(zh.body.string.components(separatedBy: #"<svg class="swatch""#).count - 1, LeaseState.allCases.count + 1,
                       "the legend has every state and 'not granted', each an SVG swatch")
        let colours = LeaseState.allCases.map { ParcelMap.colour($0) } + [ParcelMap.colour(nil)]
        XCTAssertEqual(Set(colours).count, colours.count, "each state its own colour")
        XCTAssertEqual(en.status, .ok)
        XCTAssertTrue(en.body.string.contains(#"<svg class="map landmap-svg""#))
        XCTAssertTrue(en.body.string.contains("<h1>Land and flexible-term leases</h1>"))
        XCTAssertFalse(en.body.string.contains("土地出让与弹性年期"))
        XCTAssertTrue(en.body.string.contains("SIP-001 · Hudong (east of Jinji Lake)"), "sub-areas have English names")
        XCTAssertFalse(en.body.string.contains("湖东"))
        XCTAssertFalse(en.body.string.contains("金鸡湖"), "the base map's names in English too")
        XCTAssertEqual(firm.status, .forbidden)
    }

    func testTheMapDrawsTheBaseLayersAScaleAndANorthArrowAndAsksForItsViewport() async throws {
        // given
        let session = try await login("land-1")
        // when
        let html = try await page("/land?lang=en", session: session).body.string
        let inView = try await page("/land/map/parcels.geojson?bbox=120.699,31.299,120.712,31.302", session: session)
        let away = try await page("/land/map/parcels.geojson?bbox=120.64,31.25,120.65,31.26", session: session)
        let bad = try await page("/land/map/parcels.geojson?bbox=120.8,31.3,120.7,31.4", session: session)
        let zoomed = try await page("/land?bbox=120.699,31.299,120.712,31.302", session: session).body.string
        // then: lakes, roads and sub-areas under the parcels; a scale bar and a north arrow
        XCTAssertEqual(html.components(separatedBy: #"<polygon class="lake""#).count - 1, 3, "Jinji, Dushu, Yangcheng's shore")
        XCTAssertTrue(html.contains("<title>Jinji Lake</title>") && html.contains("<title>Xinghu Street</title>"))
        XCTAssertEqual(html.components(separatedBy: #"<polygon class="sub-area""#).count - 1, 8)
        XCTAssertTrue(html.contains(#"id="scale-bar""#) && html.contains(#"<g class="north">"#))
        XCTAssertTrue(html.contains(#"<script src="/assets/land-map.js" defer></script>"#))
        XCTAssertLessThan(html.utf8.count, 200 * 1024)
        XCTAssertEqual(inView.status, .ok)
        XCTAssertEqual(inView.headers.contentType?.subType, "geo+json")
        let doc = try JSONSerialization.jsonObject(with: Data(inView.body.string.utf8)) as? [String: Any]
        let features = doc?["features"] as? [[String: Any]] ?? []
        XCTAssertEqual(doc?["mode"] as? String, "parcels")
        XCTAssertEqual(features.compactMap { ($0["properties"] as? [String: String])?["code"] }.sorted(), ["SIP-001", "SIP-002"],
                       "the two parcels at 120.700 and 120.701 are in view")
        XCTAssertTrue(away.body.string.contains(#""features":[]"#), away.body.string)
        XCTAssertEqual(bad.status, .badRequest, "west beyond east is refused")
        XCTAssertTrue(zoomed.contains("viewBox="), "the page without script shows the box asked for")
        let script = try await send(.GET, "/assets/land-map.js")
        XCTAssertEqual(script.status, .ok)
        XCTAssertTrue(script.body.string.contains("getAttribute(\"data-source\")"))
    }

    func testTheEnterprisePageNamesItsLandForWhoeverReadsIt() async throws {
        // when
        let own = try await page("/enterprises/\(a.id!.uuidString)?lang=en", session: try await login("firm-a"))
        let staff = try await page("/enterprises/\(a.id!.uuidString)?lang=en", session: try await login("land-1"))
        // then: "Our land" to the firm itself, "Land held" to an officer
        XCTAssertTrue(own.body.string.contains("<h2>Our land</h2>"))
        XCTAssertTrue(staff.body.string.contains("<h2>Land held</h2>"))
        XCTAssertFalse(staff.body.string.contains("Our land"))
    }

    func testTheDueListSortsPagesAndExportsWithItsChoices() async throws {
        // given
        let session = try await login("land-1")
        // when
        let sorted = try await page("/land/due?sort=parcel&order=desc&lang=en", session: session)
        let csv = try await page("/land/due.csv?within=12&sort=parcel&lang=zh", session: session)
        let machine = try await page("/land/due.csv?format=machine", session: session)
        let badSort = try await page("/land/due?sort=price", session: session)
        let badPage = try await page("/land/due?page=0", session: session)
        let firm = try await page("/land/due.csv", session: try await login("firm-a"))
        // then
        XCTAssertEqual(sorted.status, .ok)
        XCTAssertTrue(sorted.body.string.contains("1 lease with alerts, page 1 of 1"), sorted.body.string)
        XCTAssertTrue(sorted.body.string.contains("Parcel ▼"), "the active sort is marked")
        XCTAssertTrue(sorted.body.string.contains(#"href="/land/due.csv?within=12&amp;sort=parcel&amp;order=desc&amp;page=1""#), "the export follows the list")
        XCTAssertEqual(csv.status, .ok)
        let lines = csv.body.string.split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), "\u{FEFF}地块,片区,出让记录编号,所属企业,状态,首期届满,预警", "headers in the reader's language, with a BOM")
        XCTAssertTrue(lines.count == 2 && lines[1].hasPrefix("SIP-002,湖东,") && lines[1].contains(",乙生物有限公司,已投产,2025-09-01,"), csv.body.string)
        XCTAssertTrue(machine.body.string.hasPrefix("\u{FEFF}parcel_code,sub_area,lease_id,enterprise,state,first_term_end,alerts\n"))
        XCTAssertTrue(machine.body.string.contains(",in_production,"))
        XCTAssertEqual(badSort.status, .badRequest)
        XCTAssertTrue(badSort.body.string.contains("排序须为 end、parcel、enterprise、state 之一"), badSort.body.string)
        XCTAssertEqual(badPage.status, .badRequest)
        XCTAssertEqual(firm.status, .forbidden)
    }

    func testTheDueListShowsTheLeaseWhoseWindowIsOpen() async throws {
        // given
        let session = try await login("land-1")
        // when
        let res = try await page("/land/due", session: session)
        let en = try await page("/land/due?within=12&lang=en", session: session)
        // then
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<a href="/leases/\#(leaseB.id!.uuidString)">SIP-002</a>"#), html)
        XCTAssertTrue(html.contains("评估窗口2024-09-01开启，首期出让年限于2025-09-01届满"))
        XCTAssertTrue(html.contains("乙生物有限公司"))
        XCTAssertFalse(html.contains("/leases/\(leaseA.id!.uuidString)"), "a lease due for assessment has no window alert")
        XCTAssertTrue(en.body.string.contains("The assessment window opens on 2024-09-01; the first term ends on 2025-09-01"))
    }

    func testTheLeasePageShowsTheTimelineAndTheAgreement() async throws {
        // given
        let session = try await login("land-1")
        // when
        let res = try await page("/leases/\(leaseA.id!.uuidString)", session: session)
        // then
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<div class="timeline">"#))
        XCTAssertTrue(html.contains("<b>拍卖日期</b>2015-03-02"))
        XCTAssertTrue(html.contains("<b>成交确认日期</b>2015-03-05"))
        XCTAssertTrue(html.contains("<b>评估窗口开启</b>2024-07-01"))
        XCTAssertTrue(html.contains("<b>首期届满</b>2025-07-01"))
        XCTAssertTrue(html.contains("<h2>产业发展协议</h2>"))
        XCTAssertTrue(html.contains("亩均税收（元/亩·年）"))
        XCTAssertTrue(html.contains(#"不低于 <span class="nowrap">50,000</span>"#), "the target does not wrap")
        XCTAssertTrue(html.contains("120.00\u{00A0}万元"), "the 2024 report is listed, its amounts in 万元 (1,200,000 yuan)")
        XCTAssertTrue(html.contains("<td>企业自报</td>"), "the report's source by its name, not its code")
        XCTAssertFalse(html.contains("self_reported"))
    }

    func testTheAssessmentPageShowsTheTraceAndTakesTheDecision() async throws {
        // given
        let session = try await login("land-1")
        let path = "/leases/\(leaseA.id!.uuidString)"
        // when
        let preview = try await page(path + "/assessment?lang=en", session: session)
        let csrf = try XCTUnwrap(csrfField(preview.body.string))
        let assessed = try await post(path + "/assessment", session: session, form: "_csrf=\(csrf)&as_of=2025-06-01")
        let forged = try await post(path + "/decision", session: session, form: "kind=extend_full&extension_years=20")
        let stateAfterForged = try await LeaseRepository(db: app.db).find(leaseA.id!)?.state
        let decided = try await post(path + "/decision", session: session, form: "_csrf=\(csrf)&kind=extend_full&extension_years=20")
        // then
        XCTAssertEqual(preview.status, .ok)
        let html = preview.body.string
        XCTAssertTrue(html.contains("Preview (not stored yet)"))
        XCTAssertTrue(html.contains(#"<td class="met">Met</td>"#), "the commitment row of the trace")
        XCTAssertTrue(html.contains("Tax per mu (yuan/mu/year) *"))
        XCTAssertTrue(html.contains("→ extend to 30 years total (N = 20)"), "the rule that fired")
        XCTAssertEqual(assessed.status, .ok, assessed.body.string)
        XCTAssertTrue(assessed.body.string.contains(#"action="/leases/\#(leaseA.id!.uuidString)/decision""#), "the decision form")
        XCTAssertFalse(assessed.body.string.contains("预览（尚未保存）"), "the proposal is stored now")
        XCTAssertEqual(forged.status, .forbidden)
        XCTAssertEqual(stateAfterForged, .assessed)
        XCTAssertEqual(decided.status, .ok, decided.body.string)
        let lease = try await unwrap(try await LeaseRepository(db: app.db).find(leaseA.id!))
        XCTAssertEqual(lease.state, .extended)
        XCTAssertEqual(lease.contract?.endDate(extensionYears: lease.extensionYears), LocalDate(iso: "2045-07-01"))
        XCTAssertTrue(decided.body.string.contains("2045-07-01"), "the lease page shows the new end date")
    }

    func testAnEnterpriseUserOpensOnlyItsOwnLease() async throws {
        // given
        let session = try await login("firm-a")
        // when
        let own = try await page("/leases/\(leaseA.id!.uuidString)", session: session)
        let other = try await page("/leases/\(leaseB.id!.uuidString)", session: session)
        let otherAssessment = try await page("/leases/\(leaseB.id!.uuidString)/assessment", session: session)
        // then
        XCTAssertEqual(own.status, .ok)
        XCTAssertTrue(own.body.string.contains("甲科技有限公司"))
        XCTAssertFalse(own.body.string.contains(#"action="/leases/\#(leaseA.id!.uuidString)/advance""#), "staff move the life cycle")
        XCTAssertEqual(other.status, .notFound)
        XCTAssertFalse(other.body.string.contains("乙生物有限公司"))
        XCTAssertEqual(otherAssessment.status, .notFound)
    }
}
