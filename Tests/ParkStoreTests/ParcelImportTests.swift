import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest
import ParkTestSupport

/// ParcelRepository.importGeoJSON: all features or none, each parcel audited.
final class ParcelImportTests: StoreTestCase {
    var parcels: ParcelRepository { ParcelRepository(db: db, clock: clock) }

    /// One Polygon feature; `ring` is [[longitude, latitude], …] as written.
    func feature(_ code: String, ring: [[Double]], declared: Double = 10_556, landUse: String = "industrial") -> String {
        let coordinates = ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":{"code":"\#(code)","sub_area":"湖东","land_use":"\#(landUse)","declared_area_m2":\#(declared),"plot_ratio_min":1.0,"plot_ratio_max":2.5},"geometry":{"type":"Polygon","coordinates":[[\#(coordinates)]]}}"#
    }

    /// A 0.001° square whose south-west corner is 0.01° × `n` east of 120.70 E, 31.30 N.
    func square(_ n: Int) -> [[Double]] {
        Self.squareRing(offset: 0.01 * Double(n)).map { [$0.longitude, $0.latitude] }
    }

    func collection(_ features: [String]) -> Data {
        Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8)
    }

    func testTheSeededParcelHasTheHandComputedArea() async throws {
        // when
        let f = try await seedLand()
        // then: 0.001° of longitude at 31.3° N ≈ 95.20 m, 0.001° of latitude ≈ 110.87 m → ≈ 10,556 m²
        XCTAssertEqual(f.parcel.computedAreaM2, 95.20 * 110.87, accuracy: 10)
        XCTAssertEqual(f.parcel.declaredAreaM2, f.parcel.computedAreaM2)
        XCTAssertFalse(f.parcel.hasAreaMismatch)
        XCTAssertEqual(f.parcel.computedAreaMu, f.parcel.computedAreaM2 * 3 / 2000, accuracy: 1e-9)
        await assertEqual(try await parcels.find(code: "SIP-001")?.boundary, Self.squareRing())
    }

    func testADryRunChecksEverythingAndWritesNothing() async throws {
        // given
        let file = collection([feature("SIP-101", ring: square(1)), feature("SIP-102", ring: square(2))])
        // when
        let r = try await parcels.importGeoJSON(file, dryRun: true, by: officer)
        // then
        XCTAssertEqual(r.parcels, 2)
        XCTAssertEqual(r.errors, [])
        await assertEqual(try await parcels.count(), 0)
        await assertEqual(try await auditCount(), 0)
    }

    func testABadFeatureImportsNothingAndIsNamedByItsNumber() async throws {
        // given feature 2 is a bow-tie: its edge 1→2 crosses its edge 3→4
        let lon = 120.72, lat = 31.30, d = 0.001
        let bowTie = [[lon, lat], [lon + d, lat + d], [lon + d, lat], [lon, lat + d], [lon, lat]]
        let file = collection([feature("SIP-101", ring: square(1)), feature("SIP-102", ring: bowTie), feature("SIP-103", ring: square(3))])
        // when
        let r = try await parcels.importGeoJSON(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(r.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" }, ["2|geometry|boundary_self_intersection"])
        XCTAssertTrue(r.errors.first?.message.en.contains("crosses itself") == true, r.errors.first?.message.en ?? "")
        await assertEqual(try await parcels.count(), 0)
        await assertEqual(try await auditCount(), 0)
    }

    func testEveryFaultOfEveryFeatureIsReported() async throws {
        // given feature 1 has an unknown land use, feature 2 repeats feature 1's code and is not closed
        var open = square(2)
        open.removeLast()
        let file = collection([feature("SIP-101", ring: square(1), landUse: "casino"), feature("SIP-101", ring: open)])
        // when
        let r = try await parcels.importGeoJSON(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(r.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" },
                       ["1|land_use|unknown_land_use", "2|geometry|boundary_not_closed", "2|code|duplicate_in_file"])
        await assertEqual(try await parcels.count(), 0)
    }

    func testACodeAlreadyRegisteredIsRefused() async throws {
        // given SIP-001 exists
        _ = try await seedLand()
        let before = try await auditCount()
        let file = collection([feature("SIP-101", ring: square(1)), feature("SIP-001", ring: square(2))])
        // when
        let r = try await parcels.importGeoJSON(file, dryRun: false, by: officer)
        // then
        XCTAssertEqual(r.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" }, ["2|code|duplicate_code"])
        XCTAssertEqual(r.errors.first?.message.en, "parcel code SIP-001 already exists")
        await assertEqual(try await parcels.all().map(\.code), ["SIP-001"])
        await assertEqual(try await auditCount(), before)
    }

    func testAGoodFileImportsEveryParcelWithAnAuditEntry() async throws {
        // given
        let file = collection([feature("SIP-102", ring: square(2), declared: 12_000), feature("SIP-101", ring: square(1))])
        // when
        let r = try await parcels.importGeoJSON(file, dryRun: false, by: officer)
        let refused = await domainError { _ = try await self.parcels.importGeoJSON(file, dryRun: true, by: Principal(userID: UUID(), name: "firm", role: .enterprise)) }
        // then
        XCTAssertEqual(r.parcels, 2)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(refused?.kind, .forbidden)
        let all = try await parcels.all()
        XCTAssertEqual(all.map(\.code), ["SIP-101", "SIP-102"])
        XCTAssertEqual(all.map(\.declaredAreaM2), [10_556, 12_000])
        XCTAssertEqual(all[0].planning, PlanningConditions(plotRatioMin: 1, plotRatioMax: 2.5))
        XCTAssertFalse(all[0].hasAreaMismatch, "10,556 m² declared against ≈ 10,556 m² computed")
        XCTAssertTrue(all[1].hasAreaMismatch, "|10,556 − 12,000| ÷ 12,000 ≈ 12 % > 1 %")
        for p in all {
            await assertEqual(try await auditActions(ParcelRepository.entityType, p.id!.uuidString), ["create"])
        }
        await assertEqual(try await auditCount(), 2)
        guard case .intact(2, _) = try await audit.verify() else { return XCTFail("the audit chain is broken") }
    }

    func testAnExportImportsBackAsItWas() async throws {
        // given
        _ = try await seedLand(1, code: "SIP-001")
        _ = try await seedLand(2, code: "SIP-002", offset: 0.01, zh: "乙公司", en: "Beta")
        let exported = try await parcels.all()
        let file = ParcelGeoJSON.encode(exported)
        let text = String(decoding: file, as: UTF8.self)
        XCTAssertTrue(text.contains(#""computed_area_m2":"#), text)
        // when the parcels are removed and the export imported back
        try await ParcelModel.query(on: db).delete()
        let r = try await parcels.importGeoJSON(file, dryRun: false, by: officer)
        let reread = try await parcels.all()
        // then
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(reread.map { var p = $0; p.id = nil; return p }, exported.map { var p = $0; p.id = nil; return p })
    }
}
