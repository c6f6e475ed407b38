import Foundation
@testable import ParkServer
import Vapor
import XCTest

/// The one timer shape every module's periodic work uses: it ticks, a failed tick does not stop
/// the next, and shutdown stops it.
final class PeriodicJobTests: XCTestCase {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int { lock.withLock { n += 1; return n } }
        var value: Int { lock.withLock { n } }
    }

    func testTicksOnAfterAFailedTickAndStopsAtShutdown() async throws {
        let app = try await Application.make(.testing)
        let ticks = Counter()
        app.lifecycle.use(PeriodicJob("test job", initialDelay: .milliseconds(10), every: .milliseconds(20)) { _ in
            if ticks.next() == 1 { throw Abort(.internalServerError, reason: "the first tick fails") }
        })
        try await app.asyncBoot()
        // waits (up to 10 s on a loaded machine) for two ticks after the failed first one
        for _ in 0..<1000 where ticks.value < 3 { try await Task.sleep(nanoseconds: 10_000_000) }
        XCTAssertGreaterThanOrEqual(ticks.value, 3)
        try await app.asyncShutdown()
        let atShutdown = ticks.value
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertLessThanOrEqual(ticks.value, atShutdown + 1, "one tick may have been in flight; none after")
    }
}
