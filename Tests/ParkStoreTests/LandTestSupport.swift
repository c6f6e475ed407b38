import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// An enterprise and a parcel it can bid for.
struct LandFixture {
    var enterprise: Enterprise
    var parcel: Parcel
}

extension StoreTestCase {
    /// A date written `YYYY-MM-DD` (tests only use valid ones).
    func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> LocalDate {
        guard let d = LocalDate(iso: iso) else {
            XCTFail("not a date: \(iso)", file: file, line: line)
            return LocalDate(year: 2000, month: 1, day: 1)!
        }
        return d
    }

    /// A clock pinned at 08:00 Shanghai time on `iso` (TestDatabase.now is 2025-06-01 08:00).
    func pinnedClock(_ iso: String) -> ParkClock {
        let days = day("2025-06-01").days(until: day(iso))
        return .fixed(TestDatabase.now.addingTimeInterval(Double(days) * 86_400))
    }

    /// A closed square ring of `side` degrees, counterclockwise, whose south-west corner is at
    /// (120.70 + offset, 31.30). A 0.001° square there is about 95.2 m (east–west) by 110.9 m
    /// (north–south): ≈ 10,556 m², ≈ 15.83 mu.
    static func squareRing(offset: Double = 0, side: Double = 0.001) -> [GeoPoint] {
        let lon = 120.70 + offset, lat = 31.30
        return [GeoPoint(longitude: lon, latitude: lat), GeoPoint(longitude: lon + side, latitude: lat),
                GeoPoint(longitude: lon + side, latitude: lat + side), GeoPoint(longitude: lon, latitude: lat + side),
                GeoPoint(longitude: lon, latitude: lat)]
    }

    /// Registers enterprise `n` and an industrial parcel `code` whose declared area is its
    /// computed (geodesic) area, so no area mismatch is flagged.
    func seedLand(_ n: Int = 1, code: String = "SIP-001", offset: Double = 0,
                  zh: String = "甲科技有限公司", en: String = "Alpha Tech") async throws -> LandFixture {
        let e = try await register(enterprise(n, zh: zh, en: en))
        var parcel = Parcel(code: code, subArea: "湖东", landUse: "industrial", declaredAreaM2: 1,
                            boundary: Self.squareRing(offset: offset))
        parcel.declaredAreaM2 = parcel.computedAreaM2
        let stored = try await ParcelRepository(db: db, clock: clock).createAll([parcel], by: admin)
        return LandFixture(enterprise: e, parcel: stored[0])
    }

    /// A lease of the fixture's parcel taken to `state` (contracted or later along
    /// under_construction → in_production → assessment_due): auction on 2015-03-02, confirmed on
    /// 2015-03-05, contract signed on 2015-03-20, the term starting on `start` (10 + up to 20 years).
    func seedLease(_ f: LandFixture, start: String = "2015-07-01", commitments: [Commitment] = [],
                   state: LeaseState = .contracted) async throws -> Lease {
        let leases = LeaseRepository(db: db, clock: clock)
        let auction = AuctionRecord(date: day("2015-03-02"), reservePriceYuan: 10_000_000, winningBidYuan: 12_000_000,
                                    depositYuan: 2_000_000, winnerEnterpriseID: f.enterprise.id!)
        var lease = try await leases.recordAuction(parcelID: f.parcel.id!, auction: auction, by: officer)
        lease = try await leases.confirm(lease.id!, on: day("2015-03-05"), by: officer)
        let contract = GrantContract(signedOn: day("2015-03-20"), startDate: day(start), priceYuan: 12_000_000)
        lease = try await leases.signContract(lease.id!, contract: contract, commitments: commitments, by: officer)
        for next in [LeaseState.underConstruction, .inProduction, .assessmentDue] {
            guard lease.state != state else { break }
            lease = try await leases.advance(lease.id!, to: next, by: officer)
        }
        XCTAssertEqual(lease.state, state, "seedLease stops at contracted, under_construction, in_production or assessment_due")
        return lease
    }

    /// The audit actions on one record, oldest first.
    func auditActions(_ entityType: String, _ entityID: String) async throws -> [String] {
        try await audit.trail(entityType: entityType, entityID: entityID).reversed().map(\.action)
    }

    /// An enterprise user's principal.
    func enterpriseUser(_ f: LandFixture) -> Principal {
        Principal(userID: UUID(), name: "firm-\(f.parcel.code)", role: .enterprise, enterpriseID: f.enterprise.id)
    }

    /// Enterprise `n` (above-size, biomedicine) with a producing lease on its own parcel, and
    /// its parcel's area in mu.
    func producer(_ n: Int) async throws -> (Enterprise, Lease, Double) {
        let e = try await register(enterprise(n, zh: "企业\(n)", en: "Firm \(n)", clusters: ["biomedicine"], above: true))
        var parcel = Parcel(code: "PM-\(n)", subArea: n % 2 == 0 ? "湖东" : "湖西", landUse: "industrial", declaredAreaM2: 1,
                            boundary: Self.squareRing(offset: 0.002 * Double(n)))
        parcel.declaredAreaM2 = parcel.computedAreaM2
        let p = try await ParcelRepository(db: db, clock: clock).createAll([parcel], by: admin)[0]
        let lease = try await seedLease(LandFixture(enterprise: e, parcel: p), start: "2016-01-01", state: .inProduction)
        return (e, lease, p.computedAreaM2 / (2000.0 / 3.0))
    }

    /// Files `lease`'s report for `year` with tax = `perMu` 万元 × `mu` (whole yuan) and 1,000,000 kWh.
    func report(_ lease: Lease, year: Int, taxPerMu: Double, mu: Double, reason: String = "") async throws -> Int64 {
        let tax = Int64((taxPerMu * mu * 10_000).rounded())
        _ = try await ReportRepository(db: db, clock: clock).submit(
            leaseID: lease.id!, report: PerformanceReport(year: year, productionStartDate: day("2017-01-01"), taxPaidYuan: tax,
                                                          revenueYuan: 1_000_000, electricityKWh: 1_000_000),
            reason: reason, by: officer)
        return tax
    }
}
