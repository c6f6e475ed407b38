import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class SaleDateTests: StoreTestCase {
    func testConfirmationsAndSignaturesCannotBeDatedInTheFuture() async throws {
        // given an auction on 2025-09-25 and a clock pinned to 2025-09-26
        let f = try await seedLand()
        let clockNow = pinnedClock("2025-09-26")
        let leases = LeaseRepository(db: db, clock: clockNow)
        let auction = AuctionRecord(date: day("2025-09-25"), reservePriceYuan: 1_000_000, winningBidYuan: 1_000_000,
                                    depositYuan: 100_000, winnerEnterpriseID: f.enterprise.id!)
        let lease = try await leases.recordAuction(parcelID: f.parcel.id!, auction: auction, by: officer)
        // when confirmed on 2025-09-29 (inside the 5-working-day window, but after today)
        let early = await domainError { _ = try await leases.confirm(lease.id!, on: self.day("2025-09-29"), by: self.officer) }
        // then
        XCTAssertEqual(early?.code, "future_date")
        XCTAssertEqual(early?.field, "confirmed_on")
        // and a confirmation today, then a contract signed tomorrow, is refused the same way
        _ = try await leases.confirm(lease.id!, on: day("2025-09-26"), by: officer)
        let contract = GrantContract(signedOn: day("2025-09-27"), startDate: day("2025-10-01"), priceYuan: 1_000_000)
        let signed = await domainError { _ = try await leases.signContract(lease.id!, contract: contract, commitments: [], by: self.officer) }
        XCTAssertEqual(signed?.field, "signed_on")
        await assertEqual(try await leases.find(lease.id!)?.state, .confirmed)
    }
}
