import Foundation
import ParkDomain
import XCTest

/// The fit of a parcel to a project's land need, by hand: 15 mu = 15 × 2000/3 = 10,000 m²,
/// so the declared areas that fit are 8,000 … 12,000 m².
final class ProjectLandTests: XCTestCase {
    func parcel(_ m2: Double, use: String = "industrial", planning: PlanningConditions = PlanningConditions()) -> Parcel {
        Parcel(code: "P", subArea: "湖东", landUse: use, declaredAreaM2: m2, boundary: [], planning: planning)
    }

    func testAreaWithinTwentyPercentFits() {
        let need = ProjectLandNeed(landUse: "industrial", areaMu: 15)
        XCTAssertEqual(need.areaRangeM2.lowerBound, 8_000, accuracy: 1e-9)
        XCTAssertEqual(need.areaRangeM2.upperBound, 12_000, accuracy: 1e-9)
        XCTAssertEqual(LandMatch.misfits(parcel(8_000), for: need), [])
        XCTAssertEqual(LandMatch.misfits(parcel(12_000), for: need), [])
        XCTAssertEqual(LandMatch.misfits(parcel(7_999), for: need), [.areaTooSmall])
        XCTAssertEqual(LandMatch.misfits(parcel(12_001), for: need), [.areaTooLarge])
        XCTAssertEqual(LandMatch.misfits(parcel(10_000, use: "rnd"), for: need), [.landUse])
    }

    func testPlanningConditionsBoundThePlotRatioAndHeight() {
        let need = ProjectLandNeed(landUse: "industrial", areaMu: 15, plotRatio: 2.0, heightMetres: 30)
        let tight = PlanningConditions(plotRatioMin: 2.5, plotRatioMax: 1.8, heightLimitMetres: 24)
        XCTAssertEqual(LandMatch.misfits(parcel(10_000, planning: tight), for: need), [.plotRatioAboveMax, .plotRatioBelowMin, .heightAboveLimit])
        let fits = PlanningConditions(plotRatioMin: 1.2, plotRatioMax: 2.0, heightLimitMetres: 30)
        XCTAssertEqual(LandMatch.misfits(parcel(10_000, planning: fits), for: need), [])
        // an unset condition, or a need not stated, excludes nothing
        XCTAssertEqual(LandMatch.misfits(parcel(10_000, planning: tight), for: ProjectLandNeed(landUse: "industrial", areaMu: 15)), [])
        XCTAssertEqual(LandMatch.misfits(parcel(10_000), for: need), [])
    }

    func testBadNeedsAreRefusedNamingTheField() {
        func field(_ n: ProjectLandNeed) -> String? {
            do { try n.validate(); return nil } catch { return error.field }
        }
        XCTAssertEqual(field(ProjectLandNeed(landUse: " ", areaMu: 15)), "land_use")
        XCTAssertEqual(field(ProjectLandNeed(landUse: "industrial", areaMu: 0)), "area_mu")
        XCTAssertEqual(field(ProjectLandNeed(landUse: "industrial", areaMu: -.infinity)), "area_mu")
        XCTAssertEqual(field(ProjectLandNeed(landUse: "industrial", areaMu: 15, plotRatio: 0)), "plot_ratio")
        XCTAssertEqual(field(ProjectLandNeed(landUse: "industrial", areaMu: 15, plotRatio: .nan)), "plot_ratio")
        XCTAssertEqual(field(ProjectLandNeed(landUse: "industrial", areaMu: 15, heightMetres: 5_000)), "height_m")
        XCTAssertNil(field(ProjectLandNeed(landUse: "industrial", areaMu: 15, plotRatio: 1.5, heightMetres: 24)))
    }
}
