import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import SQLKit
import XCTest

/// The stored, dated snapshot of ParkOS's own figures (`indicator_snapshots`): it holds what the
/// direct computation gives, is read until an input is written or it ages out, and two
/// instances never compute the same refresh at once. The park of `seedDerivedPark`: above-scale
/// output 52,000,000 yuan (firms 1 and 2), 54,000,000 after firm 1's correction to 32 M.
extension IndicatorStoreTests {
    var may2025: YearMonth { YearMonth(year: 2025, month: 5)! }

    /// The figures as comparable values (the breakdowns in dimension order).
    func view(_ d: DerivedFigures) -> [String] {
        ["\(d.month.iso) \(d.dataYear) \(d.enterprises) \(d.enterprisesLastYear) \(d.taxYuan) \(d.taxLastYearYuan)",
         "\(d.outputYuan) \(d.outputComparableBaseYuan) \(d.outputLastYearYuan) \(d.aboveScaleFirms)",
         "\(String(describing: d.fdi)) \(String(describing: d.service)) \(String(describing: d.odi))"]
            + BreakdownDimension.allCases.map { dim in "\(dim.rawValue): " + (d.breakdowns[dim] ?? []).map { "\($0.key)/\($0.label.en)/\($0.enterprises)/\($0.taxYuan)/\($0.outputYuan)" }.joined(separator: ",") }
    }

    func testTheSnapshotHoldsTheDirectFiguresUntilAnInputIsWritten() async throws {
        // given
        let firms = try await seedDerivedPark()
        let snapshots = DerivedSnapshots(db: db, clock: clock)
        let direct = try await DerivedFiguresQuery(db: db, clock: clock).figures(month: may2025)
        await assertEqual(try await snapshots.row(may2025)?.figures == nil, true)
        // when
        let first = try await snapshots.figures(month: may2025)
        // then: the same figures as the direct computation, stored with their time
        XCTAssertEqual(view(first), view(direct))
        XCTAssertEqual(first.outputYuan, 52_000_000)
        XCTAssertEqual(first.breakdowns[.subArea]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan)" }, ["湖西:2:1200000", "湖东:1:500000"])
        XCTAssertEqual(first.asOfMillis, clock.millis)
        XCTAssertNil(direct.asOfMillis)
        let stored = try await snapshots.row(may2025)
        XCTAssertEqual(stored.map { view($0.figures!) }, view(direct))
        XCTAssertNil(stored?.claimedUntilMillis, "the claim is released once stored")
        await assertEqual(try await snapshots.staleness(stored), nil)
        // a change the audit log does not see is not read (the page reads the snapshot, not the tables)
        try await (db as! any SQLDatabase).raw("UPDATE enterprises SET clusters = ';biomedicine;ai;' WHERE id = \(bind: firms[0].id!)").run()
        await assertEqual(view(try await snapshots.figures(month: may2025)), view(direct))
        // a write that is not an input (a target) leaves it fresh
        try await indicators.setTarget(IndicatorTarget(indicator: "trade", year: 2025, level: 2860, growthPct: 5), by: officer)
        await assertEqual(try await snapshots.staleness(try await snapshots.row(may2025)), nil)
        // when: a yearly report is corrected (an input, audited)
        let lease = try await LeaseRepository(db: db).list(.init(enterpriseID: firms[0].id!))[0]
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_000_000, revenueYuan: 32_000_000),
                                                                    reason: "corrected", by: officer)
        // then: stale, and the next read recomputes it: 32 M + 22 M, firm 1 now in two clusters
        await assertEqual(try await snapshots.staleness(try await snapshots.row(may2025)), .inputsChanged)
        let later = DerivedSnapshots(db: db, clock: .fixed(clock.now().addingTimeInterval(60)))
        let second = try await later.figures(month: may2025)
        XCTAssertEqual(second.outputYuan, 54_000_000)
        XCTAssertEqual(second.breakdowns[.cluster]?.map { "\($0.key):\($0.enterprises):\($0.taxYuan):\($0.outputYuan)" },
                       ["biomedicine:3:1700000:54000000", "ai:1:1000000:32000000"])
        XCTAssertEqual(second.asOfMillis, clock.millis + 60_000)
        let recomputed = try await DerivedFiguresQuery(db: db, clock: clock).figures(month: may2025)
        XCTAssertEqual(view(second), view(recomputed))
        await assertEqual(try await later.staleness(try await later.row(may2025)), nil)
    }

    func testASnapshotAgesOutAndIsRecomputed() async throws {
        // given
        _ = try await seedDerivedPark()
        let rule = DerivedSnapshotRule(maxAgeMillis: 15 * 60_000, claimMillis: 120_000)
        _ = try await DerivedSnapshots(db: db, clock: clock, rule: rule).figures(month: may2025)
        func at(_ minutes: Double) -> DerivedSnapshots {
            DerivedSnapshots(db: db, clock: .fixed(clock.now().addingTimeInterval(minutes * 60)), rule: rule)
        }
        // then: fresh for 15 minutes, stale from then; a clock moved back finds it from the future
        await assertEqual(try await at(14.9).staleness(try await at(14.9).row(may2025)), nil)
        await assertEqual(try await at(15).staleness(try await at(15).row(may2025)), .aged)
        await assertEqual(try await at(-1).staleness(try await at(-1).row(may2025)), .future)
        // when: read at 15 minutes it is recomputed and stamped then
        let f = try await at(15).figures(month: may2025)
        // then
        XCTAssertEqual(f.asOfMillis, clock.millis + 15 * 60_000)
        XCTAssertEqual(f.outputYuan, 52_000_000)
        await assertEqual(try await at(15).refresh(month: may2025), .fresh)
    }

    func testTwoInstancesDoNotComputeTheSameRefreshAtOnce() async throws {
        // given: instance A holds the month's refresh (claimed, not yet stored)
        _ = try await seedDerivedPark()
        let a = DerivedSnapshots(db: db, clock: clock), b = DerivedSnapshots(db: db, clock: clock)
        await assertEqual(try await a.claim(may2025), .computed)
        // when: B asks meanwhile
        await assertEqual(try await b.refresh(month: may2025), .claimedElsewhere)
        let meanwhile = try await b.figures(month: may2025)
        // then: B computes for its reader without storing (there is no snapshot to show yet)
        XCTAssertEqual(meanwhile.outputYuan, 52_000_000)
        await assertEqual(try await a.row(may2025)?.figures == nil, true)
        await assertEqual(try await a.row(may2025)?.claimedUntilMillis, clock.millis + DerivedSnapshotRule.standard.claimMillis)
        // A's claim lapses after its hold (a crashed instance): C takes it over and stores
        let c = DerivedSnapshots(db: db, clock: .fixed(clock.now().addingTimeInterval(121)))
        await assertEqual(try await c.refresh(month: may2025), .computed)
        // after which the snapshot is fresh for everyone
        await assertEqual(try await DerivedSnapshots(db: db, clock: .fixed(clock.now().addingTimeInterval(122))).refresh(month: may2025), .fresh)
        let storedAt = try await a.row(may2025)?.computedAtMillis
        XCTAssertEqual(storedAt, clock.millis + 121_000)
        // a stale snapshot claimed elsewhere is shown as it was, with its time
        try await (db as! any SQLDatabase).raw("UPDATE indicator_snapshots SET computed_at_ms = \(bind: clock.millis - 3_600_000)").run()
        await assertEqual(try await a.claim(may2025), .computed)
        let old = try await b.figures(month: may2025)
        XCTAssertEqual(old.asOfMillis, clock.millis + 121_000, "the stored figures, stamped when they were computed")
        await assertEqual(try await b.row(may2025)?.computedAtMillis, clock.millis - 3_600_000)
    }
}
