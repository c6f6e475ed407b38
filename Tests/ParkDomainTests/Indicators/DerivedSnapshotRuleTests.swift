import XCTest
@testable import ParkDomain

/// When a stored snapshot of ParkOS's own figures may be shown as it is.
final class DerivedSnapshotRuleTests: XCTestCase {
    let rule = DerivedSnapshotRule(maxAgeMillis: 900_000, claimMillis: 120_000)

    func testStaleness() {
        XCTAssertEqual(rule.staleness(computedAtMillis: nil, inputsChanged: false, nowMillis: 1_000), .missing)
        XCTAssertNil(rule.staleness(computedAtMillis: 1_000, inputsChanged: false, nowMillis: 1_000))
        XCTAssertNil(rule.staleness(computedAtMillis: 1_000, inputsChanged: false, nowMillis: 900_999))   // 899,999 ms old
        XCTAssertEqual(rule.staleness(computedAtMillis: 1_000, inputsChanged: false, nowMillis: 901_000), .aged)
        XCTAssertEqual(rule.staleness(computedAtMillis: 1_000, inputsChanged: true, nowMillis: 1_001), .inputsChanged)
        XCTAssertEqual(rule.staleness(computedAtMillis: 2_000, inputsChanged: false, nowMillis: 1_000), .future)
    }

    func testAClaimHoldsUntilItsEnd() {
        XCTAssertFalse(rule.claimHolds(claimedUntilMillis: nil, nowMillis: 5))
        XCTAssertTrue(rule.claimHolds(claimedUntilMillis: 121_000, nowMillis: 120_999))
        XCTAssertFalse(rule.claimHolds(claimedUntilMillis: 121_000, nowMillis: 121_000))
    }
}
