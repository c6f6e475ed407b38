import Foundation
import ParkDomain
import XCTest

/// GeoBox: a map's viewport read from `w,s,e,n` text at the edge, and the box around an outline.
final class GeoBoxTests: XCTestCase {
    func testParsesFourDegreesAndRefusesAnythingElse() throws {
        // when
        let b = try GeoBox(parsing: "120.64, 31.25,120.80,31.36")
        // then
        XCTAssertEqual(b, GeoBox(west: 120.64, south: 31.25, east: 120.80, north: 31.36))
        XCTAssertEqual(b.text, "120.640000,31.250000,120.800000,31.360000")
        XCTAssertEqual(try GeoBox(parsing: b.text), b, "its text reads back")
        for bad in ["", "1,2,3", "1,2,3,4,5", "120.8,31.2,120.7,31.3", "120,31.3,121,31.2", "120,nan,121,32",
                    "200,31,201,32", "120,-91,121,0", "a,b,c,d", "1e999,0,2,1"] {
            XCTAssertThrowsError(try GeoBox(parsing: bad), bad) { e in
                XCTAssertEqual((e as? DomainError)?.field, "bbox")
            }
        }
    }

    func testTheBoxAroundAnOutlineAndItsPaddingAndOverlap() {
        // given
        let ring = [GeoPoint(longitude: 120.70, latitude: 31.30), GeoPoint(longitude: 120.72, latitude: 31.30),
                    GeoPoint(longitude: 120.71, latitude: 31.34)]
        // when
        let b = GeoBox(ring)
        // then
        XCTAssertEqual(b, GeoBox(west: 120.70, south: 31.30, east: 120.72, north: 31.34))
        XCTAssertNil(GeoBox([]))
        let p = b!.padded(0.5)
        XCTAssertEqual(p.west, 120.69, accuracy: 1e-9)
        XCTAssertEqual(p.north, 31.36, accuracy: 1e-9)
        XCTAssertTrue(b!.intersects(GeoBox(west: 120.72, south: 31.34, east: 120.8, north: 31.4)), "a shared corner")
        XCTAssertFalse(b!.intersects(GeoBox(west: 120.73, south: 31.30, east: 120.8, north: 31.4)))
    }
}
