import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest

/// `parkos projects land CODE`: the need, the reservation and how the parcel's lease closed it.
final class ProjectsLandCommandTests: CLITestCase {
    func testTheReservationShowsOpenThenWonAtTheParcelsLease() async throws {
        // given: a project of enterprise 1 needing SIP-001's area, holding SIP-001 in reserve
        let (e, parcels) = try await seedParcels()
        let code = try await withStore { store -> String in
            let s = InvestmentService(db: store.db)
            let investor = try await s.createInvestor(Investor(nameZh: "博世集团", nameEn: "Bosch Group", originCountry: "DE", sector: "C"), by: system)
            let p = try await s.createProject(InvestmentProject(investorID: investor.id!, enterpriseID: e.id!, nameZh: "博世项目", nameEn: "Bosch plant",
                                                                type: .newEstablishment, industryCode: "36",
                                                                totalInvestment: CurrencyAmount(currency: "EUR", minor: 100_000_000),
                                                                source: .visit, firstContactOn: LocalDate(iso: "2025-04-01")!), by: system)
            _ = try await s.setLandNeed(p.id!, ProjectLandNeed(landUse: "industrial", areaMu: parcels[0].declaredAreaMu), by: system)
            _ = try await s.reserveParcel(p.id!, parcelID: parcels[0].id!, by: system)
            return p.code
        }
        // when / then: open before the auction
        let before = try await parkos("projects", "land", code, "--db", dbPath)
        XCTAssertTrue(before.contains("reserved\tSIP-001\tby "), before)
        XCTAssertTrue(before.contains("outcome\topen\n"), before)
        // when: the land module records SIP-001's auction won by the project's enterprise
        let lease = try await withStore { store in
            try await LeaseRepository(db: store.db).recordAuction(parcelID: parcels[0].id!, auction: AuctionRecord(
                date: LocalDate(iso: "2025-03-02")!, reservePriceYuan: 10_000_000, winningBidYuan: 12_000_000, depositYuan: 2_000_000,
                winnerEnterpriseID: e.id!), by: system)
        }
        // then
        let after = try await parkos("projects", "land", code, "--db", dbPath)
        XCTAssertTrue(after.contains("outcome\twon\ton 2025-03-02\tlease \(lease.id!.uuidString)\n"), after)
        // and an unknown code is refused
        let unknown = try await parkosFailing("projects", "land", "P-NOPE", "--db", dbPath)
        XCTAssertEqual(unknown.code, 1)
        XCTAssertTrue(unknown.output.stderr.contains("P-NOPE"), unknown.output.stderr)
    }
}
