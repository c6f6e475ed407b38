import Foundation
import ParkDomain
import ParkServer
import ParkStore
import ParkTestSupport
import XCTVapor

/// Land for projects through the API: the need, the parcels that fit, a reservation and its release.
final class ProjectLandAPITests: ServerTestCase {
    func testAnOfficerStatesTheNeedAndReservesAFittingParcel() async throws {
        // given: an investment officer, a project and a free industrial parcel of ≈15.83 mu
        try await seedUser("invest", role: .officer, department: "invest")
        let officer = try await token("invest")
        let parcel = try await freeParcel("FREE-1")
        let service = InvestmentService(db: app.db, clock: app.park.clock)
        let p = system
        let investor = try await service.createInvestor(Investor(nameZh: "博世集团", nameEn: "Bosch Group", originCountry: "DE", sector: "C"), by: p)
        let project = try await service.createProject(InvestmentProject(investorID: investor.id!, nameZh: "博世项目", nameEn: "Bosch plant", type: .newEstablishment,
                                                                         industryCode: "36", totalInvestment: CurrencyAmount(currency: "EUR", minor: 100_000_000),
                                                                         source: .visit, firstContactOn: LocalDate(iso: "2025-04-01")!), by: p)
        let base = "/api/v1/investment/projects/\(project.id!.uuidString)"
        // when: a bad need, then a good one
        let bad = try await send(.PUT, base + "/land", token: officer, json: #"{"land_use":"industrial","area_mu":0}"#)
        XCTAssertEqual(bad.status, .badRequest, bad.body.string)
        XCTAssertEqual(try problem(bad).field, "area_mu")
        let need = try await send(.PUT, base + "/land", token: officer, json: #"{"land_use":"industrial","area_mu":16,"plot_ratio":1.5}"#)
        XCTAssertEqual(need.status, .ok, need.body.string)
        // then: the parcel is a candidate; reserved, it is the project's and no longer a candidate elsewhere
        let land = try await send(.GET, base + "/land", token: officer)
        XCTAssertTrue(land.body.string.contains("FREE-1"), land.body.string)
        let reserve = try await send(.PUT, base + "/reservation", token: officer, json: #"{"parcel_id":"\#(parcel.id!.uuidString)"}"#)
        XCTAssertEqual(reserve.status, .ok, reserve.body.string)
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(reserve.body.readableBytesView)) as? [String: Any])
        XCTAssertEqual(body["reserved_by"] as? String, "invest")
        let released = try await send(.DELETE, base + "/reservation", token: officer)
        XCTAssertEqual(released.status, .noContent)
        let again = try await send(.DELETE, base + "/reservation", token: officer)
        XCTAssertEqual(again.status, .notFound)
        XCTAssertEqual(try problem(again).code, "no_reservation")
    }

    func testTheParcelsLeaseToTheProjectsEnterpriseClosesTheReservationAsWon() async throws {
        // given: a project whose company is in the register, holding a free parcel in reserve
        try await seedUser("invest", role: .officer, department: "invest")
        let officer = try await token("invest")
        let firm = try await seedEnterprise(1, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Automotive Suzhou", ownership: .foreign, country: "DE")
        let parcel = try await freeParcel("FREE-2")
        let service = InvestmentService(db: app.db, clock: app.park.clock)
        let investor = try await service.createInvestor(Investor(nameZh: "博世集团", nameEn: "Bosch Group", originCountry: "DE", sector: "C"), by: system)
        let project = try await service.createProject(InvestmentProject(investorID: investor.id!, enterpriseID: firm.id!, nameZh: "博世项目", nameEn: "Bosch plant",
                                                                         type: .newEstablishment, industryCode: "36",
                                                                         totalInvestment: CurrencyAmount(currency: "EUR", minor: 100_000_000),
                                                                         source: .visit, firstContactOn: LocalDate(iso: "2025-04-01")!), by: system)
        let base = "/api/v1/investment/projects/\(project.id!.uuidString)"
        let need = try await send(.PUT, base + "/land", token: officer, json: #"{"land_use":"industrial","area_mu":16}"#)
        XCTAssertEqual(need.status, .ok, need.body.string)
        let reserve = try await send(.PUT, base + "/reservation", token: officer, json: #"{"parcel_id":"\#(parcel.id!.uuidString)"}"#)
        XCTAssertEqual(reserve.status, .ok, reserve.body.string)
        // when: the land module records the auction won by the project's company
        let lease = try await LeaseRepository(db: app.db, clock: app.park.clock).recordAuction(
            parcelID: parcel.id!, auction: AuctionRecord(date: LocalDate(iso: "2016-03-01")!, reservePriceYuan: 1_000_000, winningBidYuan: 1_200_000,
                                                         depositYuan: 200_000, winnerEnterpriseID: firm.id!), by: system)
        // then: the API shows the reservation won with its lease, and refuses to release it
        let land = try await send(.GET, base + "/land", token: officer)
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(land.body.readableBytesView)) as? [String: Any])
        let reservation = try XCTUnwrap(body["reservation"] as? [String: Any], land.body.string)
        XCTAssertEqual(reservation["outcome"] as? String, "won")
        XCTAssertEqual(reservation["outcome_lease_id"] as? String, lease.id!.uuidString)
        XCTAssertEqual(reservation["outcome_on"] as? String, "2016-03-01")
        let release = try await send(.DELETE, base + "/reservation", token: officer)
        XCTAssertEqual(release.status, .conflict)
        XCTAssertEqual(try problem(release).code, "land_won")
        // and the project page says so, in both languages
        let session = try await login("invest")
        for (lang, words) in [("zh", ["竞得", "项目企业已竞得该地块"]), ("en", ["Won", "enterprise won the parcel"])] {
            let html = try await page("/investment/projects/\(project.id!.uuidString)?lang=\(lang)", session: session).body.string
            for w in words { XCTAssertTrue(html.contains(w), "\(lang): \(w)") }
            XCTAssertFalse(html.contains("/reservation/release") || html.contains(">\(lang == "zh" ? "释放预留" : "Release")<"), "no release button once won")
        }
    }

    /// A free industrial parcel of about 15.83 mu (0.001° square at 120.70 E, 31.30 N), its
    /// declared area its computed one.
    func freeParcel(_ code: String) async throws -> Parcel {
        let lon = 120.70, lat = 31.30, d = 0.001
        var parcel = Parcel(code: code, subArea: "湖东", landUse: "industrial", declaredAreaM2: 1,
                            boundary: [GeoPoint(longitude: lon, latitude: lat), GeoPoint(longitude: lon + d, latitude: lat),
                                       GeoPoint(longitude: lon + d, latitude: lat + d), GeoPoint(longitude: lon, latitude: lat + d),
                                       GeoPoint(longitude: lon, latitude: lat)])
        parcel.declaredAreaM2 = parcel.computedAreaM2
        return try await ParcelRepository(db: app.db, clock: app.park.clock).createAll([parcel], by: system)[0]
    }
}
