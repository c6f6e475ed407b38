import XCTest
@testable import ParkDomain

/// Budget caps, by hand: pro rata with largest remainders, and by rank.
final class PolicyBudgetTests: XCTestCase {
    func testProRataScalesAndHandsOutTheLeftoverFenToTheLargestRemainders() {
        // given 3 grants of 100.00, 200.00 and 300.00 yuan (60,000 fen) and a budget of 100.00 yuan
        let out = PolicyBudget.allocate([10_000, 20_000, 30_000], budgetFen: 10_000, rule: .proRata)
        // then each gets a sixth of its amount: 1666.67, 3333.33, 5000 fen
        // ⌊10,000·10,000/60,000⌋ = 1,666 r 40,000; ⌊20,000·10,000/60,000⌋ = 3,333 r 20,000; 5,000 r 0
        // one fen is left over and goes to the largest remainder (the first)
        XCTAssertEqual(out, [1_667, 3_333, 5_000])
        XCTAssertEqual(out.reduce(0, +), 10_000)
    }

    func testProRataTiesGoToTheLargerAmountThenTheEarlierRow() {
        // 3 × 1 fen under a budget of 2 fen: each ⌊2/3⌋ = 0 with remainder 2; the earliest two get 1
        XCTAssertEqual(PolicyBudget.allocate([1, 1, 1], budgetFen: 2, rule: .proRata), [1, 1, 0])
        // 7 and 7 and 14 under 20: 7·20/28 = 5 r 0, 5 r 0, 10 r 0 → exact
        XCTAssertEqual(PolicyBudget.allocate([7, 7, 14], budgetFen: 20, rule: .proRata), [5, 5, 10])
        // 3, 3, 4 under 5: 1.5, 1.5, 2 → 1 r 5, 1 r 5, 2 r 0; one fen left: equal remainders, equal amounts → earlier row
        XCTAssertEqual(PolicyBudget.allocate([3, 3, 4], budgetFen: 5, rule: .proRata), [2, 1, 2])
    }

    func testByRankPaysLargestFirstAndTheCrossingOneGetsTheRest() {
        // budget 500 yuan; 300 (row 1) fits, 200 (row 0, tie with row 3 — earlier row first) fits, nothing left
        let out = PolicyBudget.allocate([20_000, 30_000, 10_000, 20_000], budgetFen: 50_000, rule: .byRank)
        XCTAssertEqual(out, [20_000, 30_000, 0, 0])
        // budget 450 yuan: 300 fits, then 200 crosses and gets the remaining 150, later ones 0
        XCTAssertEqual(PolicyBudget.allocate([20_000, 30_000, 10_000, 20_000], budgetFen: 45_000, rule: .byRank),
                       [15_000, 30_000, 0, 0])
    }

    func testWithinBudgetOrUncappedOrSurchargesAreUnchanged() {
        XCTAssertEqual(PolicyBudget.allocate([100, 200], budgetFen: 300, rule: .proRata), [100, 200])
        XCTAssertEqual(PolicyBudget.allocate([100, 200], budgetFen: nil, rule: .byRank), [100, 200])
        XCTAssertEqual(PolicyBudget.allocate([-500, 100, 300], budgetFen: 200, rule: .proRata), [-500, 50, 150])
        XCTAssertEqual(PolicyBudget.allocate([0, 0], budgetFen: 0, rule: .proRata), [0, 0])
    }

    func testProRataOnLargeAmountsStaysExact() {
        // 3 × 4亿元 (4e10 fen) under a budget of 1亿元: 1e10/3 each → 3,333,333,333 r, one fen to the first
        let out = PolicyBudget.allocate([40_000_000_000, 40_000_000_000, 40_000_000_000], budgetFen: 10_000_000_000, rule: .proRata)
        XCTAssertEqual(out, [3_333_333_334, 3_333_333_333, 3_333_333_333])
    }

    func testProposalsFromAWholeParkRun() throws {
        // given the land incentive (budget 20000万元, pro rata) and three A-grade enterprises of 100 mu each (300万 each, capped)
        let policy = try Policy.parse(PolicyLibrary.landPriceIncentive.source.replacingOccurrences(of: "budget 20000万元", with: "budget 600万元"))
        let a = PolicyFacts(["permu_grade": .code("A"), "lease_state": .code("active"), "land_mu": .count(100)])
        let b = PolicyFacts(["permu_grade": .code("B")])
        let table = try PolicyFactTable(rows: [a, b, a, PolicyFacts(["permu_grade": .code("A")]), a])
        let results = try PolicyProgram(policy).run(table, asOf: LocalDate(year: 2025, month: 1, day: 2)!)
        // when
        let proposals = PolicyBudget.proposals(results, policy: policy)
        // then only the eligible rows with a known amount are proposed: 900万 entitled, 600万 budget, 200万 each
        XCTAssertEqual(proposals.map(\.row), [0, 2, 4])
        XCTAssertEqual(proposals.map(\.entitledFen), [300_000_000, 300_000_000, 300_000_000])
        XCTAssertEqual(proposals.map(\.proposedFen), [200_000_000, 200_000_000, 200_000_000])
        // and a matching run leaves out policies not in force
        let runs = try PolicyMatching.run([PolicyProgram(policy)], table: table, asOf: LocalDate(year: 2028, month: 1, day: 1)!)
        XCTAssertTrue(runs.isEmpty)
    }

    func testAnOverrunStatesTheMultipleAndTheProRataFactorExactly() {
        // 3,270,000,000 yuan entitled against 150,000,000 yuan: 21.8 times; factor 150 / 3270 = 0.0458715… → 4.59 %
        let o = PolicyBudget.overrun(entitledFen: 327_000_000_000, budgetFen: 15_000_000_000)
        XCTAssertEqual(o?.multiple.map { DecimalText.fixed($0, places: 1) }, "21.8")
        XCTAssertEqual(o.map { DecimalText.fixed($0.factor * 100, places: 2) }, "4.59")
        // 200,000 against 150,000: 1.33 times, 75 %
        let small = PolicyBudget.overrun(entitledFen: 20_000_000, budgetFen: 15_000_000)
        XCTAssertEqual(small.map { DecimalText.fixed($0.factor * 100, places: 2) }, "75.00")
        XCTAssertEqual(small?.multiple.map { DecimalText.fixed($0, places: 2) }, "1.33")
        // within budget, exactly at it, or without one: no overrun
        XCTAssertNil(PolicyBudget.overrun(entitledFen: 15_000_000, budgetFen: 15_000_000))
        XCTAssertNil(PolicyBudget.overrun(entitledFen: 10, budgetFen: nil))
        // a zero budget: everything is over, factor 0, no multiple
        let zero = PolicyBudget.overrun(entitledFen: 1, budgetFen: 0)
        XCTAssertEqual(zero?.factor, 0)
        XCTAssertNil(zero?.multiple)
        // the largest amounts do not trap
        XCTAssertEqual(PolicyBudget.overrun(entitledFen: .max, budgetFen: 1)?.budgetFen, 1)
        XCTAssertEqual(DecimalText.fixed(Decimal(string: "1234567.005")!, places: 2), "1,234,567.01")
    }
}
