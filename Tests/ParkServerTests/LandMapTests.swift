import ParkDomain
@testable import ParkServer
import ParkStore
import XCTest

/// The land map's pieces that need no server: the base map under a park wider than it, a
/// lake cut at its frame, clusters coloured by their state with a count that reads, labels.
final class LandMapTests: XCTestCase {
    /// SIP's frame is 120.64–120.80 E, 31.25–31.36 N (0.16° × 0.11°).
    let sipFrame = GeoBox(west: 120.64, south: 31.25, east: 120.80, north: 31.36)

    func testParcelsInsideTheFrameLeaveTheBaseMapAsShipped() {
        let base = BaseMap.sip
        XCTAssertEqual(base.frame, sipFrame)
        let within = base.covering(GeoBox(west: 120.641, south: 31.251, east: 120.799, north: 31.359))
        XCTAssertEqual(within.layers.count, base.layers.count)
        XCTAssertEqual(within.layers.filter { $0.kind == .lake }.map(\.lines), base.layers.filter { $0.kind == .lake }.map(\.lines),
                       "Yangcheng's shore keeps its part north of the frame")
        XCTAssertEqual(base.covering(nil).layers.count, base.layers.count)
    }

    func testTheLargeDemosTwentyDistrictsGetTwentyCopiesOfTheBaseMap() {
        // the large demo's parcels: 120.641268–121.438708 E, 31.251082–31.688485 N (five districts east, four north)
        let base = BaseMap.sip
        let tiled = base.covering(GeoBox(west: 120.641268, south: 31.251082, east: 121.438708, north: 31.688485))
        XCTAssertEqual(tiled.layers.filter { $0.kind == .subArea }.count, 8 * 20)
        XCTAssertEqual(tiled.layers.filter { $0.kind == .road }.count, base.layers.filter { $0.kind == .road }.count * 20)
        XCTAssertEqual(tiled.layers.filter { $0.kind == .lake }.count, 3 * 20)
        // the north-east copy: district 19 at +0.64° E, +0.33° N; every lake inside its frame
        let lakes = tiled.layers.filter { $0.kind == .lake }.flatMap { $0.lines.flatMap { $0 } }
        XCTAssertLessThanOrEqual(lakes.map(\.latitude).max()!, 31.36 + 0.33 + 1e-9, "Yangcheng's shore cut at each frame's north")
        XCTAssertLessThanOrEqual(lakes.map(\.longitude).max()!, 120.80 + 0.64 + 1e-9)
        let extent = tiled.extent!
        XCTAssertEqual(extent.east, 121.44, accuracy: 1e-9)
        XCTAssertEqual(extent.north, 31.69, accuracy: 1e-9)
        // parcels a few metres past the frame (a corner) are not a second district
        XCTAssertEqual(base.covering(GeoBox(west: 120.641, south: 31.251, east: 120.802, north: 31.361)).layers.count, base.layers.count)
    }

    func testARingIsCutToItsBox() {
        // a square 0–2 × 0–2 cut to the box 1–3 × 0–1: the square 1–2 × 0–1, closed
        let ring = [GeoPoint(longitude: 0, latitude: 0), GeoPoint(longitude: 2, latitude: 0), GeoPoint(longitude: 2, latitude: 2),
                    GeoPoint(longitude: 0, latitude: 2), GeoPoint(longitude: 0, latitude: 0)]
        let cut = BaseMap.clip(ring, to: GeoBox(west: 1, south: 0, east: 3, north: 1))
        XCTAssertEqual(cut.first, cut.last)
        XCTAssertEqual(Set(cut.map { "\($0.longitude),\($0.latitude)" }), ["1.0,0.0", "2.0,0.0", "2.0,1.0", "1.0,1.0"])
        XCTAssertEqual(BaseMap.clip(ring, to: GeoBox(west: 5, south: 5, east: 6, north: 6)), [], "outside: nothing")
    }

    func testAClusterTakesTheColourOfMostOfItsParcels() {
        var c = ParcelMapQuery.Cluster(count: 10, centre: GeoPoint(longitude: 0, latitude: 0), box: GeoBox(west: 0, south: 0, east: 1, north: 1),
                                       states: [.inProduction: 6, .contracted: 3, nil: 1])
        XCTAssertEqual(c.dominant, .inProduction)
        XCTAssertEqual(LandMap.clusterTitle(c, .en), "Parcels: 10 · In production 6 · Contracted 3 · Not leased 1")
        c.states = [nil: 5, .contracted: 5]
        XCTAssertEqual(c.dominant, .contracted, "a tie goes to the later state")
        c.states = [nil: 4]
        XCTAssertNil(c.dominant)
        // white on the dark fills, dark ink on the light ones
        XCTAssertEqual(ParcelMap.ink(.inProduction), "#ffffff")     // #31a354: luminance 0.52
        XCTAssertEqual(ParcelMap.ink(nil), "#1b2733")               // #cfd8e3: 0.84
        XCTAssertEqual(ParcelMap.ink(.auctioned), "#1b2733")
    }

    func testALatinNameIsNotBrokenInsideAWord() {
        XCTAssertEqual(LandMap.lines("Xietang", width: 10, fontSize: 40), ["Xietang"])
        XCTAssertEqual(LandMap.lines("Yangcheng Lake Peninsula", width: 300, fontSize: 40), ["Yangcheng Lake", "Peninsula"])
        XCTAssertEqual(LandMap.lines("独墅湖科教创新区", width: 100, fontSize: 40), ["独墅湖科", "教创新区"])
    }
}
