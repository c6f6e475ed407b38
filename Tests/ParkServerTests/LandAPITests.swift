import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// The land API through ParkApp.configure, as an officer and as enterprise users. Today is
/// 2025-06-01; leases start on 2015-07-01, so their first term ends on 2025-07-01.
final class LandAPITests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, parcelA: Parcel!, parcelB: Parcel!, officer: String!

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        parcelA = try await landParcel("SIP-001", offset: 0)
        parcelB = try await landParcel("SIP-002", offset: 0.01)
        try await seedUser("land-1", role: .officer, department: "land")
        officer = try await token("land-1")
    }

    /// tax per mu ≥ 50,000 yuan (latest year, mandatory, weight 60); production by 2017-12-31 (mandatory, weight 40).
    static let commitmentsJSON = #"[{"kind":"tax_per_mu","target":50000,"direction":"at_least","measure":"latest","mandatory":true,"weight":60},{"kind":"production_start","target_date":"2017-12-31","direction":"by_date","measure":"latest","mandatory":true,"weight":40}]"#

    func auctionJSON(_ parcel: Parcel, _ e: Enterprise, date: String = "2015-03-02", bid: Int = 12_000_000) -> String {
        #"{"parcel_id":"\#(parcel.id!.uuidString)","enterprise_id":"\#(e.id!.uuidString)","auction_date":"\#(date)","reserve_price_yuan":10000000,"winning_bid_yuan":\#(bid),"deposit_yuan":2000000}"#
    }

    func testAnOfficerTakesALeaseFromAuctionToExtension() async throws {
        // when: auction on Monday 2015-03-02 (no holidays that week: the 5th working day is Monday 9 March)
        let created = try await send(.POST, "/api/v1/leases", token: officer, json: auctionJSON(parcelA, a))
        XCTAssertEqual(created.status, .created, created.body.string)
        let id = try decode(LeaseJSON.self, created).id
        let confirmed = try await send(.POST, "/api/v1/leases/\(id)/confirm", token: officer, json: #"{"date":"2015-03-05"}"#)
        let contracted = try await send(.POST, "/api/v1/leases/\(id)/contract", token: officer,
                                        json: #"{"signed_on":"2015-03-20","start_date":"2015-07-01","price_yuan":12000000,"commitments":\#(Self.commitmentsJSON)}"#)
        var states: [String] = []
        for s in ["under_construction", "in_production", "assessment_due"] {
            let res = try await send(.POST, "/api/v1/leases/\(id)/advance", token: officer, json: #"{"state":"\#(s)"}"#)
            XCTAssertEqual(res.status, .ok, res.body.string)
            states.append(try decode(LeaseJSON.self, res).state)
        }
        let filed = try await send(.POST, "/api/v1/leases/\(id)/reports", token: officer,
                                   json: #"{"report":{"year":2024,"tax_paid_yuan":1000000,"production_start_date":"2017-09-01","source":"tax_bureau"}}"#)
        let unexplained = try await send(.POST, "/api/v1/leases/\(id)/reports", token: officer, json: #"{"report":{"year":2024,"tax_paid_yuan":1200000}}"#)
        let corrected = try await send(.POST, "/api/v1/leases/\(id)/reports", token: officer,
                                       json: #"{"report":{"year":2024,"tax_paid_yuan":1200000,"production_start_date":"2017-09-01"},"reason":"tax bureau figures"}"#)
        let history = try await send(.GET, "/api/v1/leases/\(id)/reports", token: officer)
        let preview = try await send(.GET, "/api/v1/leases/\(id)/proposal?as_of=2025-06-01", token: officer)
        let assessed = try await send(.POST, "/api/v1/leases/\(id)/assessment", token: officer, json: #"{"as_of":"2025-06-01"}"#)
        let decided = try await send(.POST, "/api/v1/leases/\(id)/decision", token: officer, json: #"{"kind":"extend_full","extension_years":20}"#)
        let final = try await send(.GET, "/api/v1/leases/\(id)", token: officer)
        // then
        XCTAssertEqual(try decode(LeaseJSON.self, created).state, "auctioned")
        XCTAssertEqual(try decode(LeaseJSON.self, created).confirmationDeadline, "2015-03-09")
        XCTAssertEqual(confirmed.status, .ok, confirmed.body.string)
        XCTAssertEqual(try decode(LeaseJSON.self, confirmed).confirmedOn, "2015-03-05")
        XCTAssertEqual(contracted.status, .ok, contracted.body.string)
        let c = try decode(LeaseJSON.self, contracted)
        XCTAssertEqual([c.state, c.firstTermEnd, c.assessmentWindowOpens, c.endDate], ["contracted", "2025-07-01", "2024-07-01", "2025-07-01"])
        XCTAssertEqual(states, ["under_construction", "in_production", "assessment_due"])
        XCTAssertEqual(filed.status, .created, filed.body.string)
        XCTAssertEqual(try decode(ReportVersionJSON.self, filed).version, 1)
        XCTAssertEqual(unexplained.status, .badRequest)
        XCTAssertEqual(try problem(unexplained).code, "reason_required")
        XCTAssertEqual(try problem(unexplained).field, "reason")
        XCTAssertEqual(corrected.status, .created, corrected.body.string)
        let versions = try decode([ReportVersionJSON].self, history)
        XCTAssertEqual(versions.map(\.version), [1, 2])
        XCTAssertEqual(versions.map(\.report.taxPaidYuan), [1_000_000, 1_200_000])
        XCTAssertEqual(versions.map(\.reason), ["", "tax bureau figures"])
        // 1,200,000 yuan ÷ mu ≈ 75,800 yuan/mu ≥ 50,000 (counted 1); production 2017-09-01 ≤ 2017-12-31 (1) → score 100
        let mu = parcelA.computedAreaM2 / (2000.0 / 3.0)
        XCTAssertEqual(preview.status, .ok, preview.body.string)
        let p = try decode(ProposalJSON.self, preview)
        XCTAssertEqual(try XCTUnwrap(p.results.first?.value), 1_200_000 / mu, accuracy: 1e-6)
        XCTAssertEqual(p.results.map(\.met), [true, true])
        XCTAssertEqual(p.score, 100, accuracy: 1e-9)
        XCTAssertEqual([p.kind, String(p.extensionYears)], ["extend_full", "20"])
        XCTAssertEqual(assessed.status, .created, assessed.body.string)
        XCTAssertEqual(try decode(AssessmentJSON.self, assessed).proposal.kind, "extend_full")
        XCTAssertNil(try decode(AssessmentJSON.self, assessed).decision)
        XCTAssertEqual(decided.status, .ok, decided.body.string)
        let d = try XCTUnwrap(try decode(AssessmentJSON.self, decided).decision)
        XCTAssertEqual([d.kind, String(d.extensionYears), d.overrideReason, d.decidedBy, d.decidedOn], ["extend_full", "20", "", "land-1", "2025-06-01"])
        let lease = try decode(LeaseJSON.self, final)
        XCTAssertEqual([lease.state, lease.endDate], ["extended", "2045-07-01"])
        XCTAssertEqual(lease.extensionYears, 20)
        let trail = try await app.park.audit.trail(entityType: "lease", entityID: id).reversed().map(\.action)
        XCTAssertEqual(trail, ["auction", "confirm", "contract", "state:under_construction", "state:in_production", "state:assessment_due",
                               "assess", "decide:approve"])
    }

    func testRefusalsAre4xxJSONWithCodeAndField() async throws {
        // given an auctioned lease of A (2015-03-02)
        let created = try await send(.POST, "/api/v1/leases", token: officer, json: auctionJSON(parcelA, a))
        let id = try decode(LeaseJSON.self, created).id
        let en: HTTPHeaders = ["Accept-Language": "en"]
        // when
        let low = try await send(.POST, "/api/v1/leases", token: officer, json: auctionJSON(parcelB, b, bid: 9_000_000))
        let badDate = try await send(.POST, "/api/v1/leases", token: officer, json: auctionJSON(parcelB, b, date: "2015-3-2"))
        let taken = try await send(.POST, "/api/v1/leases", token: officer, json: auctionJSON(parcelA, b))
        let skip = try await send(.POST, "/api/v1/leases/\(id)/advance", token: officer, json: #"{"state":"in_production"}"#, headers: en)
        let late = try await send(.POST, "/api/v1/leases/\(id)/confirm", token: officer, json: #"{"date":"2015-03-10"}"#)
        let notDue = try await send(.POST, "/api/v1/leases/\(id)/assessment", token: officer, json: #"{"as_of":"2025-06-01"}"#)
        let unknown = try await send(.GET, "/api/v1/leases/\(UUID().uuidString)", token: officer)
        // then
        XCTAssertEqual(low.status, .badRequest)
        XCTAssertEqual(try problem(low), ProblemJSON(code: "bid_below_reserve", message: "成交价 9000000 元低于底价 10000000 元", field: "winning_bid_yuan"))
        XCTAssertEqual(badDate.status, .badRequest)
        XCTAssertEqual([try problem(badDate).code, try problem(badDate).field], ["invalid_date", "auction_date"])
        XCTAssertEqual(taken.status, .conflict)
        XCTAssertEqual([try problem(taken).code, try problem(taken).field], ["parcel_leased", "parcel_id"])
        XCTAssertEqual(skip.status, .conflict)
        XCTAssertEqual(try problem(skip), ProblemJSON(code: "invalid_transition",
                                                      message: "a lease that is auctioned cannot become in_production (allowed: confirmed, lapsed)",
                                                      field: "state"))
        XCTAssertEqual(late.status, .badRequest)
        XCTAssertEqual([try problem(late).code, try problem(late).field], ["confirmation_late", "confirmed_on"])
        XCTAssertTrue(try problem(late).message.contains("2015-03-09"), late.body.string)
        XCTAssertEqual(notDue.status, .conflict)
        XCTAssertEqual(try problem(notDue).code, "invalid_transition")
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertEqual(try problem(unknown).code, "not_found")
        await assertEqual(try await LeaseRepository(db: app.db).list().count, 1)
    }

    func testAnEnterpriseUserSeesItsOwnLeasesAndCannotDecide() async throws {
        // given leases of A and B, both assessed
        let leaseA = try await landLease(a, parcel: parcelA, state: .assessmentDue)
        let leaseB = try await landLease(b, parcel: parcelB, state: .assessmentDue)
        for l in [leaseA, leaseB] {
            _ = try await AssessmentRepository(db: app.db, clock: .fixed(TestDatabase.now)).assess(leaseID: l.id!, asOf: LocalDate(TestDatabase.now), by: system)
        }
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let firm = try await token("firm-a")
        let decision = #"{"kind":"reclaim","extension_years":0,"compensation_yuan":1}"#
        // when
        let list = try await send(.GET, "/api/v1/leases", token: firm)
        let other = try await send(.GET, "/api/v1/leases/\(leaseB.id!.uuidString)", token: firm)
        let decideOwn = try await send(.POST, "/api/v1/leases/\(leaseA.id!.uuidString)/decision", token: firm, json: decision)
        let decideOther = try await send(.POST, "/api/v1/leases/\(leaseB.id!.uuidString)/decision", token: firm, json: decision)
        let ownAssessment = try await send(.GET, "/api/v1/leases/\(leaseA.id!.uuidString)/assessment", token: firm)
        let report = try await send(.POST, "/api/v1/leases/\(leaseA.id!.uuidString)/reports", token: firm,
                                    json: #"{"report":{"year":2024,"tax_paid_yuan":10,"source":"tax_bureau","verification":"verified"}}"#)
        // then
        XCTAssertEqual(list.status, .ok)
        XCTAssertEqual(try decode(ListPageJSON<LeaseJSON>.self, list).items.map(\.id), [leaseA.id!.uuidString])
        XCTAssertEqual(try decode(ListPageJSON<LeaseJSON>.self, list).total, 1)
        XCTAssertEqual(other.status, .notFound)
        XCTAssertEqual(decideOwn.status, .forbidden)
        XCTAssertEqual(try problem(decideOwn).code, "forbidden")
        XCTAssertEqual(decideOther.status, .notFound)
        XCTAssertEqual(ownAssessment.status, .ok)
        XCTAssertEqual(report.status, .created, report.body.string)
        let filed = try decode(ReportVersionJSON.self, report).report
        XCTAssertEqual([filed.source, filed.verification], ["self_reported", "unverified"])
        for l in [leaseA, leaseB] {
            await assertEqual(try await LeaseRepository(db: app.db).find(l.id!)?.state, .assessed)
            await assertNil(try await AssessmentRepository(db: app.db).latest(leaseID: l.id!)?.decision)
        }
    }

    func testParcelsComeAPageAtATimeInCodeOrder() async throws {
        // given SIP-001 and SIP-002, and a third parcel
        _ = try await landParcel("SIP-003", offset: 0.02)
        // when
        let first = try decode(ListPageJSON<ParcelCodeJSON>.self, try await send(.GET, "/api/v1/parcels?per_page=2", token: officer))
        let second = try decode(ListPageJSON<ParcelCodeJSON>.self, try await send(.GET, "/api/v1/parcels?per_page=2&page=2", token: officer))
        let tooLarge = try await send(.GET, "/api/v1/parcels?per_page=501", token: officer)
        // then
        XCTAssertEqual(first.items.map(\.code), ["SIP-001", "SIP-002"])
        XCTAssertEqual(second.items.map(\.code), ["SIP-003"])
        XCTAssertEqual(first.total, 3)
        XCTAssertEqual(tooLarge.status, .badRequest)
    }

    func testExportIsAFeatureCollectionWithComputedAreas() async throws {
        // when
        let res = try await send(.GET, "/api/v1/parcels/export", token: officer)
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        let refused = try await send(.GET, "/api/v1/parcels/export", token: try await token("firm-a"))
        // then
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(res.headers.contentType?.subType, "geo+json")
        XCTAssertTrue(res.body.string.contains("computed_area_m2"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
        XCTAssertEqual(json["type"] as? String, "FeatureCollection")
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        XCTAssertEqual(props.compactMap { $0["code"] as? String }, ["SIP-001", "SIP-002"])
        let computed = try XCTUnwrap(props.first?["computed_area_m2"] as? Double)
        XCTAssertEqual(computed, (parcelA.computedAreaM2 * 100).rounded() / 100, accuracy: 1e-9)
        XCTAssertEqual(props.first?["area_mismatch"] as? Bool, false)
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testImportTakesGeoJSONAllOrNothing() async throws {
        // given
        func file(_ rings: [(String, [[Double]])]) -> String {
            let features = rings.map { code, ring in
                #"{"type":"Feature","properties":{"code":"\#(code)","land_use":"industrial","declared_area_m2":10556},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
            }
            return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
        }
        func square(_ lon: Double, _ d: Double = 0.001) -> [[Double]] { [[lon, 31.3], [lon + d, 31.3], [lon + d, 31.301], [lon, 31.301], [lon, 31.3]] }
        let bowTie = [[120.75, 31.3], [120.751, 31.301], [120.751, 31.3], [120.75, 31.301], [120.75, 31.3]]
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "geo+json")
        let good = file([("SIP-003", square(120.72)), ("SIP-004", square(120.73))])
        // when
        let dry = try await send(.POST, "/api/v1/parcels/import?dry_run=true", token: officer, body: ByteBuffer(string: good), headers: headers)
        let bad = try await send(.POST, "/api/v1/parcels/import", token: officer,
                                 body: ByteBuffer(string: file([("SIP-005", square(120.74)), ("SIP-006", bowTie)])), headers: headers)
        let countAfterBad = try await ParcelRepository(db: app.db).count()
        let ok = try await send(.POST, "/api/v1/parcels/import", token: officer, body: ByteBuffer(string: good), headers: headers)
        // then
        XCTAssertEqual(dry.status, .ok, dry.body.string)
        XCTAssertEqual(try decode(ImportReportJSON.self, dry).dryRun, true)
        XCTAssertEqual(try decode(ImportReportJSON.self, dry).imported, 0)
        XCTAssertEqual(bad.status, .unprocessableEntity, bad.body.string)
        let report = try decode(ImportReportJSON.self, bad)
        XCTAssertEqual(report.imported, 0)
        XCTAssertEqual(report.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" }, ["2|geometry|boundary_self_intersection"])
        XCTAssertEqual(countAfterBad, 2, "the two parcels of setUp only")
        XCTAssertEqual(ok.status, .ok, ok.body.string)
        XCTAssertEqual(try decode(ImportReportJSON.self, ok).imported, 2)
        await assertEqual(try await ParcelRepository(db: app.db).all().map(\.code), ["SIP-001", "SIP-002", "SIP-003", "SIP-004"])
    }
}

// MARK: - Land seeding and JSON shapes for the server tests

extension ServerTestCase {
    /// An industrial parcel: a 0.001° square (≈ 10,556 m², ≈ 15.83 mu) at (120.70 + offset, 31.30),
    /// its declared area equal to its computed one.
    func landParcel(_ code: String, offset: Double) async throws -> Parcel {
        let lon = 120.70 + offset, lat = 31.30, d = 0.001
        let ring = [GeoPoint(longitude: lon, latitude: lat), GeoPoint(longitude: lon + d, latitude: lat),
                    GeoPoint(longitude: lon + d, latitude: lat + d), GeoPoint(longitude: lon, latitude: lat + d),
                    GeoPoint(longitude: lon, latitude: lat)]
        var parcel = Parcel(code: code, subArea: "湖东", landUse: "industrial", declaredAreaM2: 1, boundary: ring)
        parcel.declaredAreaM2 = parcel.computedAreaM2
        return try await ParcelRepository(db: app.db).createAll([parcel], by: system)[0]
    }

    /// A lease auctioned on 2015-03-02, confirmed 2015-03-05, contracted 2015-03-20 with its term
    /// starting on `start`, then advanced to `state` (contracted … assessment_due).
    func landLease(_ e: Enterprise, parcel: Parcel, start: String = "2015-07-01", commitments: [Commitment] = [],
                   state: LeaseState) async throws -> Lease {
        let repo = LeaseRepository(db: app.db, clock: .fixed(TestDatabase.now))
        let auction = AuctionRecord(date: LocalDate(iso: "2015-03-02")!, reservePriceYuan: 10_000_000, winningBidYuan: 12_000_000,
                                    depositYuan: 2_000_000, winnerEnterpriseID: e.id!)
        var lease = try await repo.recordAuction(parcelID: parcel.id!, auction: auction, by: system)
        lease = try await repo.confirm(lease.id!, on: LocalDate(iso: "2015-03-05")!, by: system)
        lease = try await repo.signContract(lease.id!, contract: GrantContract(signedOn: LocalDate(iso: "2015-03-20")!,
                                                                               startDate: LocalDate(iso: start)!, priceYuan: 12_000_000),
                                            commitments: commitments, by: system)
        for next in [LeaseState.underConstruction, .inProduction, .assessmentDue] where lease.state != state {
            lease = try await repo.advance(lease.id!, to: next, by: system)
        }
        return lease
    }
}

struct LeaseJSON: Decodable {
    var id: String
    var state: String
    var confirmationDeadline: String?
    var confirmedOn: String?
    var firstTermEnd: String?
    var assessmentWindowOpens: String?
    var endDate: String?
    var extensionYears: Int
}

struct ReportVersionJSON: Decodable {
    struct Report: Decodable { var year: Int; var taxPaidYuan: Int64?; var source: String?; var verification: String? }
    var report: Report
    var version: Int
    var reason: String
}

struct ProposalJSON: Decodable {
    struct Result: Decodable { var kind: String; var value: Double?; var ratio: Double; var met: Bool }
    var score: Double
    var kind: String
    var extensionYears: Int
    var results: [Result]
}

struct AssessmentJSON: Decodable {
    struct Decision: Decodable { var kind: String; var extensionYears: Int; var overrideReason: String; var decidedBy: String; var decidedOn: String }
    var id: String
    var proposal: ProposalJSON
    var decision: Decision?
}

struct ParcelCodeJSON: Decodable { var code: String }

/// One page of a list the API pages (`{items, total, page, per_page}`).
struct ListPageJSON<Item: Decodable>: Decodable {
    var items: [Item]
    var total: Int
    var page: Int
    var perPage: Int
}
