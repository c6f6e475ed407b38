import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest
import ParkTestSupport

/// ParcelMapQuery: the land map reads only its viewport, by the parcels' bounding boxes.
/// Parcels are 0.001° squares with south-west corners at 120.700, 120.701, 120.706 and 120.709 E
/// (all at 31.300 N).
final class ParcelMapQueryTests: StoreTestCase {
    var query: ParcelMapQuery { ParcelMapQuery(db: db) }

    func seedFour() async throws -> [LandFixture] {
        var out: [LandFixture] = []
        for (i, offset) in [0.0, 0.001, 0.006, 0.009].enumerated() {
            out.append(try await seedLand(i + 1, code: "SIP-00\(i + 1)", offset: offset, zh: "企业\(i + 1)", en: "Firm \(i + 1)"))
        }
        return out
    }

    func testTheViewportCountsAndListsOnlyTheParcelsTouchingIt() async throws {
        // given
        _ = try await seedFour()
        // when: a box from 120.7005 to 120.7015 E touches the first two squares only
        let box = GeoBox(west: 120.7005, south: 31.2995, east: 120.7015, north: 31.3005)
        let n = try await query.count(in: box)
        let list = try await query.parcels(in: box, limit: 10)
        let one = try await query.parcels(in: box, limit: 1)
        let extent = try await query.extent()
        // then
        XCTAssertEqual(n, 2)
        XCTAssertEqual(list.map(\.code), ["SIP-001", "SIP-002"])
        XCTAssertEqual(list[0].boundary, Self.squareRing(), "the outline as stored")
        XCTAssertNil(list[0].state, "never sold")
        XCTAssertEqual(one.map(\.code), ["SIP-001"], "the limit holds, by code")
        XCTAssertEqual(extent?.west ?? 0, 120.700, accuracy: 1e-9)
        XCTAssertEqual(extent?.east ?? 0, 120.710, accuracy: 1e-9)
        XCTAssertEqual(extent?.north ?? 0, 31.301, accuracy: 1e-9)
    }

    func testClustersCountTheParcelsPerGridCellWithTheBoxAroundThem() async throws {
        // given
        _ = try await seedFour()
        // when: 120.700–120.710 E in 2 columns of 0.005°: cell 0 holds the corners 120.700 and
        // 120.701, cell 1 the corners 120.706 and 120.709; one row
        let box = GeoBox(west: 120.700, south: 31.29, east: 120.710, north: 31.31)
        let clusters = try await query.clusters(in: box, columns: 2, rows: 1)
        // then
        XCTAssertEqual(clusters.map(\.count), [2, 2])
        XCTAssertEqual(clusters[0].box.west, 120.700, accuracy: 1e-9)
        XCTAssertEqual(clusters[0].box.east, 120.702, accuracy: 1e-9)
        XCTAssertEqual(clusters[0].centre.longitude, (120.7005 + 120.7015) / 2, accuracy: 1e-9, "mean of the box centres")
        XCTAssertEqual(clusters[1].box.west, 120.706, accuracy: 1e-9)
        XCTAssertEqual(clusters[1].box.east, 120.710, accuracy: 1e-9)
        XCTAssertEqual(clusters[1].centre.latitude, 31.3005, accuracy: 1e-9)
    }

    func testStateCountsTakeEachParcelsNewestLease() async throws {
        // given: one parcel contracted, one under construction, two never sold
        let f = try await seedFour()
        _ = try await seedLease(f[0])
        _ = try await seedLease(f[1], state: .underConstruction)
        // when
        let counts = try await query.stateCounts()
        let list = try await query.parcels(in: GeoBox(west: 120.69, south: 31.29, east: 120.72, north: 31.31), limit: 10)
        // then
        XCTAssertEqual(counts, [.contracted: 1, .underConstruction: 1, nil: 2])
        XCTAssertEqual(list.map(\.state), [.contracted, .underConstruction, nil, nil])
        // one cluster over all four: two never sold, one each of the others
        let one = try await query.clusters(in: GeoBox(west: 120.69, south: 31.29, east: 120.72, north: 31.31), columns: 1, rows: 1)
        XCTAssertEqual(one.map(\.count), [4])
        XCTAssertEqual(one.first?.states, [.contracted: 1, .underConstruction: 1, nil: 2])
        XCTAssertNil(one.first?.dominant, "most never sold")
        // two cells as in the test above: the sold pair in the first (a tie: under construction
        // comes after contracted), the two never sold in the second
        let two = try await query.clusters(in: GeoBox(west: 120.700, south: 31.29, east: 120.710, north: 31.31), columns: 2, rows: 1)
        XCTAssertEqual(two.map(\.count), [2, 2])
        XCTAssertEqual(two.map(\.dominant), [.underConstruction, nil])
    }
}
