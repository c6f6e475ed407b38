import Foundation
import ParkDomain
import XCTest

/// Reference values. For a longitude–latitude rectangle the ellipsoidal area has a closed form:
/// A = (a² ÷ 2) · Δλ · (q(φ₂) − q(φ₁)), q(φ) = (1 − e²)·[sin φ ÷ (1 − e² sin² φ) + atanh(e sin φ) ÷ e],
/// with WGS84 a = 6,378,137 m, e² = f(2 − f) = 0.0066943799901413. Computed in Python (double precision):
///   q(0°) = 0, q(0.001°) = 0.000034672907094 → 0.001° × 0.001° at the equator:
///     2.034031579538e13 m² × 1.745329252e-5 × 3.4672907094e-5 = 12,309.072079 m²
///   q(31.3°) = 1.033327719469541, q(31.301°) = 1.033357453236755 → 0.001° square at 31.3° N: 10,555.650348 m²
///   q(31.303°) = 1.033416919843100 → 0.002° (lon) × 0.003° (lat) at 31.3° N: 63,333.243135 m²
///   q(31.31°) = 1.033625043219456 → 0.01° square at 31.3° N: 1,055,515.610078 m²
/// Cross-checked with pyproj 3.7 `Geod(ellps="WGS84").polygon_area_perimeter` and GeographicLib 2.1
/// (Karney's geodesic polygons, whose edges are geodesics, not parallels): 12,309.072079,
/// 10,555.650348, 63,333.243136 and 1,055,515.610596 m². (The ≈ 12,308 m² sometimes quoted for the
/// equatorial square is the 1° square's 12,308,463,894 m² scaled down; the 0.001° square is 12,309.07 m².)
final class GeodesyTests: XCTestCase {
    private func p(_ lon: Double, _ lat: Double) -> GeoPoint { GeoPoint(longitude: lon, latitude: lat) }

    private func rectangle(lon: Double, lat: Double, dLon: Double, dLat: Double) -> [GeoPoint] {
        [p(lon, lat), p(lon + dLon, lat), p(lon + dLon, lat + dLat), p(lon, lat + dLat), p(lon, lat)]
    }

    private func error(_ ring: [GeoPoint]) -> DomainError? {
        do { try Geodesy.validateRing(ring); return nil } catch { return error }
    }

    func testEquatorialSquareMatchesTheClosedForm() {
        // given a 0.001° × 0.001° square at the equator
        let ring = rectangle(lon: 0, lat: 0, dLon: 0.001, dLat: 0.001)
        // when
        let area = Geodesy.areaSquareMetres(ring)
        // then
        XCTAssertEqual(area, 12_309.072079, accuracy: 0.000_01)
    }

    func testRectanglesAtSIPLatitudeMatchTheClosedForm() {
        // given rectangles at 31.3° N, 120.7° E (Suzhou Industrial Park)
        // when / then (reference values in the header comment; relative tolerance 1e-9)
        let cases: [(Double, Double, Double)] = [(0.001, 0.001, 10_555.650348), (0.002, 0.003, 63_333.243135),
                                                 (0.01, 0.01, 1_055_515.610078)]
        for (dLon, dLat, expected) in cases {
            let area = Geodesy.areaSquareMetres(rectangle(lon: 120.7, lat: 31.3, dLon: dLon, dLat: dLat))
            XCTAssertEqual(area, expected, accuracy: expected * 1e-9, "\(dLon) × \(dLat)")
        }
    }

    func testSlantedEdgesStayWithinAHundredthOfAPercentOfGeodesicArea() {
        // given a triangle (~290 m sides) and a hexagon at SIP, against GeographicLib's geodesic polygons
        let triangle = [p(120.700, 31.300), p(120.703, 31.300), p(120.701, 31.302), p(120.700, 31.300)]
        let hexagon = [p(120.7000, 31.3000), p(120.7040, 31.3005), p(120.7045, 31.3030), p(120.7020, 31.3045),
                       p(120.6995, 31.3025), p(120.7000, 31.3000)]
        // when / then: Karney 31,666.997425 and 164,929.315598 m²; tolerance 0.01 %
        XCTAssertEqual(Geodesy.areaSquareMetres(triangle), 31_666.997425, accuracy: 31_666.997425 * 1e-4)
        XCTAssertEqual(Geodesy.areaSquareMetres(hexagon), 164_929.315598, accuracy: 164_929.315598 * 1e-4)
    }

    func testOrientationAndClosingPointDoNotMatter() {
        // given one rectangle counterclockwise, clockwise, and without its closing point
        let ccw = rectangle(lon: 120.7, lat: 31.3, dLon: 0.002, dLat: 0.003)
        let cw = Array(ccw.reversed())
        // when / then
        XCTAssertEqual(Geodesy.areaSquareMetres(cw), Geodesy.areaSquareMetres(ccw))
        XCTAssertEqual(Geodesy.areaSquareMetres(Array(ccw.dropLast())), Geodesy.areaSquareMetres(ccw), accuracy: 1e-9)
        XCTAssertEqual(Geodesy.areaSquareMetres([p(0, 0), p(1, 1)]), 0)
    }

    func testRingAcrossTheAntimeridian() {
        // given the equatorial 0.001° square centred on 180°
        let ring = [p(179.9995, 0), p(-179.9995, 0), p(-179.9995, 0.001), p(179.9995, 0.001), p(179.9995, 0)]
        // when / then: same area as at 0°; and it is valid
        XCTAssertEqual(Geodesy.areaSquareMetres(ring), 12_309.072079, accuracy: 0.001)
        XCTAssertNil(error(ring))
    }

    func testValidRingPassesAndRepeatedPointsAreDropped() {
        // given a SIP rectangle with its second corner repeated
        var ring = rectangle(lon: 120.7, lat: 31.3, dLon: 0.002, dLat: 0.003)
        ring.insert(ring[1], at: 1)
        // when / then
        XCTAssertNil(error(ring))
        XCTAssertEqual(Geodesy.areaSquareMetres(ring), 63_333.243135, accuracy: 0.001)
    }

    func testTooFewPoints() {
        // given a triangle without its closing point
        let e = error([p(120.7, 31.3), p(120.71, 31.3), p(120.7, 31.31)])
        // then
        XCTAssertEqual(e?.code, "boundary_too_few_points")
        XCTAssertEqual(e?.field, "boundary")
        XCTAssertTrue(e?.message.en.contains("3 point") == true, e?.message.en ?? "")
    }

    func testCoordinateOutOfRangeNamesThePointAndValue() {
        // given point 2 with longitude 200
        let e = error([p(120.7, 31.3), p(200, 31.3), p(120.7, 31.31), p(120.7, 31.3)])
        // then
        XCTAssertEqual(e?.code, "boundary_coordinate_out_of_range")
        XCTAssertTrue(e?.message.en.contains("point 2") == true && e?.message.en.contains("200") == true, e?.message.en ?? "")
        XCTAssertTrue(e?.message.zh.contains("第 2 个点") == true, e?.message.zh ?? "")
        // given SIP written [lat, lon] by mistake: latitude 120.7 is out of range, with a hint
        let swapped = error([p(31.3, 120.7), p(31.3, 120.71), p(31.31, 120.7), p(31.3, 120.7)])
        XCTAssertEqual(swapped?.code, "boundary_coordinate_out_of_range")
        XCTAssertTrue(swapped?.message.en.contains("point 1") == true && swapped?.message.en.contains("swapped") == true,
                      swapped?.message.en ?? "")
        XCTAssertEqual(error([p(120.7, 31.3), p(120.71, .nan), p(120.7, 31.31), p(120.7, 31.3)])?.code,
                       "boundary_coordinate_out_of_range")
    }

    func testRingNotClosed() {
        // given a last point different from the first
        let e = error([p(120.7, 31.3), p(120.71, 31.3), p(120.71, 31.31), p(120.7, 31.31)])
        // then
        XCTAssertEqual(e?.code, "boundary_not_closed")
    }

    func testDegenerateRings() {
        // given points on one line, and a ring of one repeated point
        let line = [p(120.70, 31.30), p(120.71, 31.30), p(120.72, 31.30), p(120.70, 31.30)]
        let dot = [p(120.7, 31.3), p(120.7, 31.3), p(120.7, 31.3), p(120.7, 31.3)]
        // when / then
        XCTAssertEqual(error(line)?.code, "boundary_degenerate")
        XCTAssertEqual(error(dot)?.code, "boundary_degenerate")
    }

    func testSelfIntersectionNamesBothEdges() {
        // given a bow tie: edge 1→2 (SW→NE) crosses edge 3→4 (SE→NW)
        let bowTie = [p(120.700, 31.300), p(120.701, 31.301), p(120.701, 31.300), p(120.700, 31.301), p(120.700, 31.300)]
        // when
        let e = error(bowTie)
        // then
        XCTAssertEqual(e?.code, "boundary_self_intersection")
        XCTAssertTrue(e?.message.en.contains("point 1 to point 2") == true, e?.message.en ?? "")
        XCTAssertTrue(e?.message.en.contains("point 3 to point 4") == true, e?.message.en ?? "")
        XCTAssertTrue(e?.message.zh.contains("第 1→2 点") == true, e?.message.zh ?? "")
    }

    func testTouchingAtAVertexAndSpikesAreSelfIntersections() {
        // given a figure eight through (120.701, 31.301), visited twice (points 2 and 5)
        let eight = [p(120.700, 31.300), p(120.701, 31.301), p(120.702, 31.300), p(120.702, 31.302),
                     p(120.701, 31.301), p(120.700, 31.302), p(120.700, 31.300)]
        // and a square with a spike that runs out along its top edge and back
        let spike = [p(120.700, 31.300), p(120.702, 31.300), p(120.702, 31.302), p(120.699, 31.302),
                     p(120.701, 31.302), p(120.700, 31.302), p(120.700, 31.300)]
        // when / then
        XCTAssertEqual(error(eight)?.code, "boundary_self_intersection")
        XCTAssertEqual(error(spike)?.code, "boundary_self_intersection")
    }

    func testAuthalicLatitudeEndpoints() {
        // given β(0) = 0 and β(90°) = 90°
        // when / then
        XCTAssertEqual(Geodesy.sinAuthalicLatitude(degrees: 0), 0)
        XCTAssertEqual(Geodesy.sinAuthalicLatitude(degrees: 90), 1, accuracy: 1e-15)
        XCTAssertEqual(Geodesy.sinAuthalicLatitude(degrees: -90), -1, accuracy: 1e-15)
    }
}
