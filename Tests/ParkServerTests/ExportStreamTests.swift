import Foundation
import NIOConcurrencyHelpers
import ParkDomain
@testable import ParkServer
import ParkStore
import XCTVapor
import ParkTestSupport

/// Exports written a keyset batch at a time (issue 16: constant memory whatever the park's size).
final class ExportStreamTests: ServerTestCase {
    func testBatchesFollowTheirCursorsBetweenHeadAndTail() async throws {
        // given three batches of rows "a".."e", two at a time
        let rows = ["a", "b", "c", "d", "e"]
        let asked = NIOLockedValueBox<[String?]>([])
        let stream = ExportStream(head: "[", tail: "]") { after in
            asked.withLockedValue { $0.append(after) }
            let rest = rows.filter { $0 > (after ?? "") }.prefix(2)
            guard let last = rest.last else { return nil }
            return (rest.joined(), last)
        }
        // when
        var out = ""
        for try await chunk in stream { out += String(decoding: chunk, as: UTF8.self) }
        // then
        XCTAssertEqual(out, "[abcde]")
        XCTAssertEqual(asked.withLockedValue { $0 }, [nil, "b", "d", "e"], "each batch starts after the last row of the one before")
    }

    func testTheConsoleParcelDownloadIsTheWholeCollection() async throws {
        // given
        _ = try await landParcel("SIP-001", offset: 0)
        _ = try await landParcel("SIP-002", offset: 0.01)
        try await seedUser("land-1", role: .officer, department: "land")
        // when
        let res = try await page("/parcels/export.geojson", session: try await login("land-1"))
        // then
        XCTAssertEqual(res.status, .ok)
        let all = try await ParcelRepository(db: app.db).all()
        XCTAssertEqual(res.body.string, String(decoding: ParcelGeoJSON.encode(all), as: UTF8.self))
    }
}
