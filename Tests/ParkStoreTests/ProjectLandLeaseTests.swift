import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import XCTest

/// A project's reservation closed by the land module's lease of the parcel (issue 11 item 7),
/// through `ParcelLeaseListener`: won when leased to the project's enterprise, lost when to
/// another firm, open again when that lease is withdrawn; nothing when no project reserved it.
final class ProjectLandLeaseTests: InvestmentTestCase {
    func auction(_ winner: UUID, on iso: String = "2025-05-20") -> AuctionRecord {
        AuctionRecord(date: d(iso), reservePriceYuan: 10_000_000, winningBidYuan: 12_000_000, depositYuan: 2_000_000, winnerEnterpriseID: winner)
    }

    var leases: LeaseRepository { LeaseRepository(db: db, clock: clock) }

    /// A project whose company is `enterprise`, needing the fixture parcel's area, with that parcel reserved.
    func reserving(_ f: LandFixture, enterprise: UUID?) async throws -> InvestmentProject {
        let code = f.parcel.code
        let p = try await project(try await investor("投资方\(code)", en: "Investor \(code)", rank: nil), zh: "项目\(code)", en: "Project \(code)")
        let m = try await ProjectModel.find(p.id!, on: db)!
        m.enterpriseID = enterprise
        try await m.save(on: db)
        _ = try await service.setLandNeed(p.id!, ProjectLandNeed(landUse: "industrial", areaMu: f.parcel.declaredAreaMu), by: investOfficer)
        _ = try await service.reserveParcel(p.id!, parcelID: f.parcel.id!, by: investOfficer)
        return p
    }

    func landActions(_ p: InvestmentProject) async throws -> [String] {
        try await auditActions(InvestmentService.projectEntity, p.id!.uuidString).filter { $0.hasPrefix("land_") && $0 != "land_need" }
    }

    func testALeaseToTheProjectsEnterpriseWinsAndItsWithdrawalOpensTheReservationAgain() async throws {
        // given: parcel A reserved for a project whose company is A's bidder
        let f = try await seedLand(1, code: "A")
        let p = try await reserving(f, enterprise: f.enterprise.id!)
        // when: the land officer records the auction won by that enterprise
        let lease = try await leases.recordAuction(parcelID: f.parcel.id!, auction: auction(f.enterprise.id!), by: officer)
        // then: the reservation is closed as won, naming the lease and its auction date, audited by the land officer
        let won = try await service.land(p.id!, by: investOfficer).reservation
        XCTAssertEqual(won?.outcome, .won)
        XCTAssertEqual(won?.outcomeLeaseID, lease.id)
        XCTAssertEqual(won?.outcomeOn, d("2025-05-20"))
        await assertEqual(try await landActions(p), ["land_won"])
        // and the won parcel is neither released nor replaced
        let release = await domainError { try await self.service.releaseParcel(p.id!, by: self.investOfficer) }
        XCTAssertEqual(release?.code, "land_won"); XCTAssertEqual(release?.kind, .conflict)
        let other = try await seedLand(2, code: "B", offset: 0.01)
        let replace = await domainError { _ = try await self.service.reserveParcel(p.id!, parcelID: other.parcel.id!, by: self.investOfficer) }
        XCTAssertEqual(replace?.code, "land_won"); XCTAssertEqual(replace?.field, "parcel_id")

        // when: the sale is withdrawn (unconfirmed past its 5 working days, it lapses)
        _ = try await leases.lapseIfOverdue(lease.id!, by: officer)
        // then: the reservation is open again, audited, and can be released
        let reopened = try await service.land(p.id!, by: investOfficer).reservation
        XCTAssertEqual(reopened?.parcelID, f.parcel.id)
        XCTAssertNil(reopened?.outcome); XCTAssertNil(reopened?.outcomeLeaseID)
        await assertEqual(try await landActions(p), ["land_won", "land_reopened"])
        try await service.releaseParcel(p.id!, by: investOfficer)
    }

    func testALeaseToAnotherFirmLosesAndTheProjectReservesAnotherParcel() async throws {
        // given: parcel A reserved for a project whose company is not A's bidder, and a free parcel B that fits
        let f = try await seedLand(1, code: "A")
        let rival = try await seedLand(2, code: "B", offset: 0.01, zh: "乙科技有限公司", en: "Beta Tech")
        let p = try await reserving(f, enterprise: rival.enterprise.id!)
        // when: A's auction goes to another firm
        let lease = try await leases.recordAuction(parcelID: f.parcel.id!, auction: auction(f.enterprise.id!), by: officer)
        // then: closed as lost; A is no candidate any more, B is
        let land = try await service.land(p.id!, by: investOfficer)
        XCTAssertEqual(land.reservation?.outcome, .lost)
        XCTAssertEqual(land.reservation?.outcomeLeaseID, lease.id)
        XCTAssertEqual(land.candidates.map(\.code), ["B"])
        await assertEqual(try await landActions(p), ["land_lost"])
        // when: B is reserved instead, the reservation is open on B
        let r = try await service.reserveParcel(p.id!, parcelID: rival.parcel.id!, by: investOfficer)
        XCTAssertNil(r.outcome)
        await assertEqual(try await service.land(p.id!, by: investOfficer).reservation?.outcome, nil)
        // and a project with no enterprise registered loses too: the lessee is not its company
        let g = try await seedLand(3, code: "C", offset: 0.02, zh: "丙科技有限公司", en: "Gamma Tech")
        let unregistered = try await reserving(g, enterprise: nil)
        _ = try await leases.recordAuction(parcelID: g.parcel.id!, auction: auction(g.enterprise.id!), by: officer)
        await assertEqual(try await service.land(unregistered.id!, by: investOfficer).reservation?.outcome, .lost)
    }

    func testALeaseOfAParcelNoProjectReservedChangesNoProject() async throws {
        // given: a project reserving A, and parcel B reserved by nobody
        let f = try await seedLand(1, code: "A")
        let b = try await seedLand(2, code: "B", offset: 0.01, zh: "乙科技有限公司", en: "Beta Tech")
        let p = try await reserving(f, enterprise: f.enterprise.id!)
        let before = try await auditCount()
        // when: B is leased and its sale confirmed in time
        let lease = try await leases.recordAuction(parcelID: b.parcel.id!, auction: auction(b.enterprise.id!, on: "2025-05-29"), by: officer)
        _ = try await leases.confirm(lease.id!, on: d("2025-05-30"), by: officer)
        // then: the project's reservation is untouched and only the two lease steps are audited
        let land = try await service.land(p.id!, by: investOfficer)
        XCTAssertEqual(land.reservation?.parcelID, f.parcel.id)
        XCTAssertNil(land.reservation?.outcome)
        await assertEqual(try await landActions(p), [])
        await assertEqual(try await auditCount(), before + 2)
    }
}
