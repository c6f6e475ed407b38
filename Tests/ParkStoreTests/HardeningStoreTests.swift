import Foundation
import ParkDomain
@testable import ParkStore
import XCTest
import ParkTestSupport

/// Issue 9 in the store: sign-in counters in the database, deregistration, bounded numbers.
final class LoginThrottleStoreTests: StoreTestCase {
    /// A throttle whose clock the test moves.
    final class MovingClock: @unchecked Sendable {
        var millis: Int64 = 1_748_736_000_000
        var clock: ParkClock { ParkClock { [unowned self] in Date(timeIntervalSince1970: Double(self.millis) / 1000) } }
    }

    func testFivePairFailuresBlockThatAddressOnlyForTheWindow() async throws {
        // given
        let t = MovingClock()
        let throttle = LoginThrottleRepository(db: db, clock: t.clock)
        // when
        for _ in 1...5 { try await throttle.recordFailure(username: "Admin", address: "203.0.113.9") }
        let fromThere = try await throttle.wait(username: "admin", address: "203.0.113.9")
        let fromElsewhere = try await throttle.wait(username: "admin", address: "198.51.100.7")
        t.millis += 15 * 60 * 1000
        let later = try await throttle.wait(username: "admin", address: "203.0.113.9")
        // then
        XCTAssertEqual(fromThere, 15 * 60 * 1000, "the pair waits out the 15-minute window; usernames compare case-blind")
        XCTAssertNil(fromElsewhere, "the real user, from her own address, is not locked out by someone else's guesses")
        XCTAssertNil(later)
    }

    func testAccountDelayDoublesFromTheTenthFailureAndIsCappedAtOneMinute() async throws {
        // given: failures from ten addresses, so no pair or address limit is reached
        let t = MovingClock()
        let throttle = LoginThrottleRepository(db: db, clock: t.clock)
        var waits: [Int64?] = []
        // when
        for i in 1...16 {
            try await throttle.recordFailure(username: "admin", address: "10.0.0.\(i)")
            waits.append(try await throttle.wait(username: "admin", address: "192.0.2.1"))
        }
        // then: 9 free failures, then 1 s, 2 s, 4 s, 8 s, 16 s, 32 s, 60 s (capped)
        XCTAssertEqual(waits, [nil, nil, nil, nil, nil, nil, nil, nil, nil, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000])
    }

    func testSuccessClearsTheAccountAndPruneDeletesStaleCounters() async throws {
        // given
        let t = MovingClock()
        let throttle = LoginThrottleRepository(db: db, clock: t.clock)
        for i in 1...12 { try await throttle.recordFailure(username: "admin", address: "10.0.0.\(i)") }
        await assertNotNil(try await throttle.wait(username: "admin", address: "192.0.2.1"))
        // when
        try await throttle.recordSuccess(username: "admin", address: "192.0.2.1")
        let afterSuccess = try await throttle.wait(username: "admin", address: "192.0.2.1")
        let held = try await throttle.count()
        t.millis += 16 * 60 * 1000
        let pruned = try await throttle.prune()
        // then
        XCTAssertNil(afterSuccess)
        XCTAssertEqual(held, 24, "12 pair and 12 address counters stay (the account counter went)")
        XCTAssertEqual(pruned, 24)
        await assertEqual(try await throttle.count(), 0)
    }

    func testAddressLimitIsHighEnoughForAnOfficeBehindNAT() async throws {
        // given
        let throttle = LoginThrottleRepository(db: db, clock: clock)
        // when: 99 different users mistype once each from one office address
        for i in 1...99 { try await throttle.recordFailure(username: "user\(i)", address: "198.51.100.1") }
        let before100 = try await throttle.wait(username: "colleague", address: "198.51.100.1")
        try await throttle.recordFailure(username: "user100", address: "198.51.100.1")
        let at100 = try await throttle.wait(username: "colleague", address: "198.51.100.1")
        // then
        XCTAssertNil(before100)
        XCTAssertEqual(at100, 15 * 60 * 1000)
    }
}

final class DeregistrationStoreTests: StoreTestCase {
    func testDeregisterKeepsTheEnterpriseAndIsAudited() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        // when
        let d = try await enterprises.deregister(a.id!, on: LocalDate(iso: "2025-05-30")!, reason: "吸收合并", by: officer)
        // then
        XCTAssertEqual(d.deregistration, Deregistration(on: LocalDate(iso: "2025-05-30")!, reason: "吸收合并"))
        await assertEqual(try await enterprises.find(a.id!)?.deregistration?.reason, "吸收合并")
        let last = try await audit.recent(limit: 1).first
        XCTAssertEqual(last?.action, "deregister")
        var active = EnterpriseQuery(); active.status = .active
        var gone = EnterpriseQuery(); gone.status = .deregistered
        await assertEqual(try await enterprises.list(active).total, 0)
        await assertEqual(try await enterprises.list(gone).total, 1)
    }

    func testAnEditKeepsTheDeregistrationAndASecondOneIsRefused() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        _ = try await enterprises.deregister(a.id!, on: LocalDate(iso: "2025-05-30")!, reason: "迁出园区", by: officer)
        var edited = a
        edited.address = "新地址"
        // when
        let updated = try await enterprises.update(a.id!, to: edited, by: officer, catalog: try await catalog())
        let again = await domainError { _ = try await self.enterprises.deregister(a.id!, on: LocalDate(iso: "2025-05-31")!, reason: "x", by: self.officer) }
        // then
        XCTAssertEqual(updated.deregistration?.reason, "迁出园区")
        XCTAssertEqual(again?.code, "already_deregistered")
    }

    func testDeregistrationInputIsChecked() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        // when
        let future = await domainError { _ = try await self.enterprises.deregister(a.id!, on: LocalDate(iso: "2025-06-02")!, reason: "x", by: self.officer) }
        let blank = await domainError { _ = try await self.enterprises.deregister(a.id!, on: LocalDate(iso: "2025-05-01")!, reason: "  ", by: self.officer) }
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: a.id)
        let byFirm = await domainError { _ = try await self.enterprises.deregister(a.id!, on: LocalDate(iso: "2025-05-01")!, reason: "x", by: firm) }
        // then
        XCTAssertEqual(future?.field, "deregistered_on")
        XCTAssertEqual(blank?.field, "reason")
        XCTAssertEqual(byFirm?.kind, .forbidden)
    }

    func testDeleteNamesEveryDependant() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        try await sql.raw("INSERT INTO enterprise_facts (enterprise_id, fact, year, value, updated_by, updated_at_ms) VALUES (\(bind: a.id!), 'hnte', 0, 'true', 'test', 0)").run()
        // when
        let error = await domainError { try await self.enterprises.delete(a.id!, by: self.admin) }
        // then
        XCTAssertEqual(error?.code, "in_use")
        XCTAssertTrue(error?.message.en.contains("1 policy fact(s)") ?? false, error?.message.en ?? "")
    }
}
