import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// An enterprise with parcels and an in-production lease, shared by the land and per-mu command tests.
extension CLITestCase {
    var system: Principal { Principal.system("test") }

    /// Migrates the test's database and registers enterprise 1 with two parcels (0.001° squares
    /// near 120.70 E, 31.30 N, declared area = computed area).
    @discardableResult
    func seedParcels() async throws -> (Enterprise, [Parcel]) {
        try await withStore { store in
            _ = try await store.migrate()
            let e = try await EnterpriseRepository(db: store.db).create(
                Enterprise(creditCode: Self.code(1), nameZh: "甲科技有限公司", nameEn: "Alpha Tech", industryCode: "27"),
                by: system, catalog: try await ReferenceRepository(db: store.db).catalog())
            let parcels = [("SIP-001", 0.0), ("SIP-002", 0.01)].map { code, offset -> Parcel in
                let lon = 120.70 + offset, lat = 31.30, d = 0.001
                var p = Parcel(code: code, subArea: "湖东", landUse: "industrial", declaredAreaM2: 1,
                               boundary: [GeoPoint(longitude: lon, latitude: lat), GeoPoint(longitude: lon + d, latitude: lat),
                                          GeoPoint(longitude: lon + d, latitude: lat + d), GeoPoint(longitude: lon, latitude: lat + d),
                                          GeoPoint(longitude: lon, latitude: lat)])
                p.declaredAreaM2 = p.computedAreaM2
                return p
            }
            return (e, try await ParcelRepository(db: store.db).createAll(parcels, by: system))
        }
    }

    /// An in-production lease of SIP-001: term from 2015-07-01 (first term to 2025-07-01), production
    /// due by 2017-12-31 (mandatory, weight 50), at least 200 jobs (latest year, weight 50); the 2024
    /// report shows production since 2017-06-01 and 150 jobs.
    func seedLease() async throws -> Lease {
        let (e, parcels) = try await seedParcels()
        return try await withStore { store in
            let repo = LeaseRepository(db: store.db)
            let day = { (iso: String) in LocalDate(iso: iso)! }
            var lease = try await repo.recordAuction(parcelID: parcels[0].id!, auction: AuctionRecord(
                date: day("2015-03-02"), reservePriceYuan: 10_000_000, winningBidYuan: 12_000_000, depositYuan: 2_000_000,
                winnerEnterpriseID: e.id!), by: system)
            lease = try await repo.confirm(lease.id!, on: day("2015-03-05"), by: system)
            lease = try await repo.signContract(lease.id!, contract: GrantContract(signedOn: day("2015-03-20"), startDate: day("2015-07-01"), priceYuan: 12_000_000),
                                                commitments: [Commitment(kind: .productionStart, targetDate: day("2017-12-31"), direction: .byDate, mandatory: true, weight: 50),
                                                              Commitment(kind: .jobs, target: 200, weight: 50)], by: system)
            lease = try await repo.advance(lease.id!, to: .underConstruction, by: system)
            lease = try await repo.advance(lease.id!, to: .inProduction, by: system)
            _ = try await ReportRepository(db: store.db).submit(leaseID: lease.id!, report: PerformanceReport(
                year: 2024, productionStartDate: day("2017-06-01"), averageEmployees: 150), reason: "", by: system)
            return lease
        }
    }
}
