import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// A whole run's answers read in one pass, as `results` pages them; grants stored in bulk.
final class PolicyRunExportTests: StoreTestCase {
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var rows: [PolicyRunRepository.Row] = []
        func add(_ r: PolicyRunRepository.Row) { lock.lock(); rows.append(r); lock.unlock() }
        var all: [PolicyRunRepository.Row] { lock.lock(); defer { lock.unlock() }; return rows }
    }

    func key(_ r: PolicyRunRepository.Row) -> String {
        "\(r.policyID) \(r.creditCode) \(r.enterpriseID) \(r.nameZh) \(r.nameEn) \(r.status) \(r.amountFen.map(String.init) ?? "-") \(r.missing)"
    }

    func testEachResultListsEveryAnswerInTheOrderResultsPagesThem() async throws {
        // given: five producers, three with a report (tax 5万, 50万, 100万), and every built-in policy plus the tax award
        var leases: [Lease] = []
        for n in 1...5 { leases.append(try await producer(n).1) }
        for (lease, tax) in zip(leases, [50_000, 500_000, 1_000_000] as [Int64]) {
            _ = try await ReportRepository(db: db, clock: clock).submit(
                leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: tax, revenueYuan: tax * 10), reason: "", by: officer)
        }
        _ = try await PolicyRepository(db: db, clock: clock).save(PolicyStoreTests.taxAward, by: officer)
        let runs = PolicyRunRepository(db: db, clock: clock)
        let run = try await runs.match(asOf: day("2025-06-01"), by: officer)

        // when
        let all = Collected(), one = Collected()
        try await runs.eachResult(runID: run.id) { all.add($0) }
        try await runs.eachResult(runID: run.id, policyID: "test_tax_award") { one.add($0) }

        // then
        let paged = try await runs.results(runID: run.id, perPage: 500).items
        XCTAssertEqual(all.all.count, run.eligible + run.undetermined)
        XCTAssertEqual(all.all.map(key), paged.map(key))
        XCTAssertEqual(one.all.map(key), paged.filter { $0.policyID == "test_tax_award" }.map(key))
        // 5万 of tax is below the threshold (not stored); 50万 and 100万 earn 10 %; no report: undetermined.
        XCTAssertEqual(one.all.map(\.amountFen), [5_000_000, 10_000_000, nil, nil])
        XCTAssertEqual(one.all.map(\.status), [.eligible, .eligible, .undetermined, .undetermined])
        // The tax award's grants: the two eligible (50万 → 5万, 100万 → 10万), pro rata within 12万.
        let grants = try await runs.grants(runID: run.id, policyID: "test_tax_award")
        XCTAssertEqual(grants.map(\.entitledFen), [10_000_000, 5_000_000])
        XCTAssertEqual(grants.map(\.proposedFen), [8_000_000, 4_000_000])
        XCTAssertEqual(Set(grants.map(\.state)), [.proposed])
    }
}
