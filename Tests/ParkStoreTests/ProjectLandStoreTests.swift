import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import XCTest

/// Land for projects: the candidate query agrees with `LandMatch`, leaves out leased and
/// reserved parcels, and a reservation is exclusive, checked and audited.
final class ProjectLandStoreTests: InvestmentTestCase {
    func parcel(_ code: String, offset: Double, side: Double = 0.001, use: String = "industrial") async throws -> Parcel {
        var p = Parcel(code: code, subArea: "湖东", landUse: use, declaredAreaM2: 1, boundary: Self.squareRing(offset: offset, side: side))
        p.declaredAreaM2 = p.computedAreaM2
        return try await ParcelRepository(db: db, clock: clock).createAll([p], by: admin)[0]
    }

    func testFittingAvailableParcelsAreListedAndOneIsReservedForOneProject() async throws {
        // given: A fits (≈10,556 m²); B fits but a live lease holds it; C is ≈44 % larger; D is R&D land
        let a = try await parcel("A", offset: 0)
        let leased = try await seedLand(2, code: "B", offset: 0.01)
        _ = try await seedLease(leased)
        let c = try await parcel("C", offset: 0.02, side: 0.0012)
        let dd = try await parcel("D", offset: 0.03, use: "rnd")
        let inv = try await investor()
        let one = try await project(inv), two = try await project(try await investor("西门子", en: "Siemens", rank: nil), zh: "西门子数字工厂", en: "Siemens digital plant")
        let need = ProjectLandNeed(landUse: "industrial", areaMu: a.declaredAreaMu, plotRatio: 1.5)
        // when
        _ = try await service.setLandNeed(one.id!, need, by: investOfficer)
        _ = try await service.setLandNeed(two.id!, need, by: investOfficer)
        // then: only A; the query agrees with the rule on every parcel that is free
        let land = try await service.land(one.id!, by: investOfficer)
        XCTAssertEqual(land.candidates.map(\.code), ["A"])
        XCTAssertEqual([a, leased.parcel, c, dd].filter { LandMatch.misfits($0, for: need).isEmpty }.map(\.code), ["A", "B"])
        await assertEqual(try await InvestmentRepository(db: db).project(one.id!)?.landNeedMu, a.declaredAreaMu)

        // when: A is reserved for the first project
        let r = try await service.reserveParcel(one.id!, parcelID: a.id!, by: investOfficer)
        XCTAssertEqual(r.reservedBy, "invest")
        // then: the second sees no candidate and cannot take A; misfit and leased parcels are refused naming the field
        await assertEqual(try await service.land(two.id!, by: investOfficer).candidates.map(\.code), [])
        await assertEqual(try await service.land(one.id!, by: investOfficer).reservedParcel?.code, "A")
        let taken = await domainError { _ = try await self.service.reserveParcel(two.id!, parcelID: a.id!, by: self.investOfficer) }
        XCTAssertEqual(taken?.code, "parcel_reserved"); XCTAssertEqual(taken?.field, "parcel_id")
        let misfit = await domainError { _ = try await self.service.reserveParcel(two.id!, parcelID: c.id!, by: self.investOfficer) }
        XCTAssertEqual(misfit?.code, "parcel_misfit"); XCTAssertEqual(misfit?.field, "parcel_id")
        XCTAssertTrue(misfit?.message.en.contains("20 % above") ?? false)
        let held = await domainError { _ = try await self.service.reserveParcel(two.id!, parcelID: leased.parcel.id!, by: self.investOfficer) }
        XCTAssertEqual(held?.code, "parcel_leased")
        let outsider = await domainError { _ = try await self.service.setLandNeed(two.id!, need, by: self.outsider) }
        XCTAssertEqual(outsider?.kind, .forbidden)

        // when: released, A is the second project's again
        try await service.releaseParcel(one.id!, by: investOfficer)
        await assertEqual(try await service.land(two.id!, by: investOfficer).candidates.map(\.code), ["A"])
        let none = await domainError { try await self.service.releaseParcel(one.id!, by: self.investOfficer) }
        XCTAssertEqual(none?.code, "no_reservation")
        // then: every write is in the project's trail
        let actions = try await auditActions(InvestmentService.projectEntity, one.id!.uuidString)
        XCTAssertEqual(actions.filter { ["land_need", "reserve_parcel", "release_parcel"].contains($0) }, ["land_need", "reserve_parcel", "release_parcel"])
    }

    func testBadNeedsAreRefusedNamingTheField() async throws {
        let p = try await project(try await investor())
        let unknown = await domainError { _ = try await self.service.setLandNeed(p.id!, ProjectLandNeed(landUse: "farm", areaMu: 10), by: self.investOfficer) }
        XCTAssertEqual(unknown?.field, "land_use")
        let zero = await domainError { _ = try await self.service.setLandNeed(p.id!, ProjectLandNeed(landUse: "industrial", areaMu: 0), by: self.investOfficer) }
        XCTAssertEqual(zero?.field, "area_mu")
        let first = await domainError { _ = try await self.service.reserveParcel(p.id!, parcelID: UUID(), by: self.investOfficer) }
        XCTAssertEqual(first?.code, "land_need_required")
    }
}
