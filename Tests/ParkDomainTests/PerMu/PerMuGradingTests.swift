import XCTest
@testable import ParkDomain

final class PerMuGradingTests: XCTestCase {
    typealias F = PerMuFixtures

    func grades(_ run: PerMuRun) -> [String] { run.results.map { $0.grade?.rawValue ?? "-" } }

    func testShareCutoffsGiveAAtMostAndDAtLeastTheirShare() {
        // ⌊n × cumulative share ÷ 100⌋ for 25 / 45 / 25 / 5
        XCTAssertTrue(PerMuPlan.cutoffs(count: 8, a: 25, b: 45, c: 25) == (2, 5, 7))
        XCTAssertTrue(PerMuPlan.cutoffs(count: 20, a: 25, b: 45, c: 25) == (5, 14, 19))
        XCTAssertTrue(PerMuPlan.cutoffs(count: 100, a: 25, b: 45, c: 25) == (25, 70, 95))
        XCTAssertTrue(PerMuPlan.cutoffs(count: 3, a: 25, b: 45, c: 25) == (0, 2, 2))
        // decimal shares that do not add up exactly in binary still cut where they should
        XCTAssertTrue(PerMuPlan.cutoffs(count: 10, a: 10.7, b: 35.2, c: 46.1) == (1, 4, 9))
        XCTAssertTrue(PerMuPlan.cutoffs(count: 1_000, a: 0.1, b: 0.2, c: 0.3) == (1, 3, 6))
    }

    func testShareGradingWithTiesGivesEqualScoresTheBetterGrade() throws {
        // given 8 firms scoring 10, 9, 9, 8, 7, 6, 5, 4 under shares 25/45/25/5 (cut-offs 2, 5, 7):
        // positions 0–1 A, 2–4 B, 5–6 C, 7 D; the two 9s sit at positions 1 and 2
        let figures = F.scored([10, 9, 9, 8, 7, 6, 5, 4])
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(PerMuScheme.defaultShares, ties: .betterGrade), figures: figures)
        // then both 9s get A (A takes 3 of 8, over its share), ranks share the best place
        XCTAssertEqual(grades(run), ["A", "A", "A", "B", "B", "C", "C", "D"])
        XCTAssertEqual(run.results.compactMap(\.parkRank), [1, 2, 2, 4, 5, 6, 7, 8])
        // and with the worse-grade rule both get B
        let worse = try PerMuEvaluator.evaluate(scheme: F.simple(PerMuScheme.defaultShares, ties: .worseGrade), figures: figures)
        XCTAssertEqual(grades(worse), ["A", "B", "B", "B", "B", "C", "C", "D"])
    }

    func testATieAcrossTheDBoundary() throws {
        // the last two firms tie at positions 6 and 7: the better grade spares both from D
        let figures = F.scored([10, 9, 8, 7, 6, 5, 4, 4])
        let better = try PerMuEvaluator.evaluate(scheme: F.simple(PerMuScheme.defaultShares), figures: figures)
        XCTAssertEqual(grades(better), ["A", "A", "B", "B", "B", "C", "C", "C"])
        let worse = try PerMuEvaluator.evaluate(scheme: F.simple(PerMuScheme.defaultShares, ties: .worseGrade), figures: figures)
        XCTAssertEqual(grades(worse), ["A", "A", "B", "B", "B", "C", "D", "D"])
        // an all-equal park is all A under the better-grade rule
        let flat = try PerMuEvaluator.evaluate(scheme: F.simple(PerMuScheme.defaultShares), figures: F.scored([5, 5, 5, 5]))
        XCTAssertEqual(grades(flat), ["A", "A", "A", "A"])
        XCTAssertEqual(flat.results.compactMap(\.parkRank), [1, 1, 1, 1])
    }

    func testThresholdGrading() throws {
        // A ≥ 90, B ≥ 70, C ≥ 50, else D; a score on a threshold reaches it
        let figures = F.scored([95, 90, 89.99, 70, 50, 49.9])
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50)), figures: figures)
        XCTAssertEqual(grades(run), ["A", "A", "B", "B", "C", "D"])
        XCTAssertTrue(run.results[0].explanation.en.contains("A ≥ 90, B ≥ 70, C ≥ 50"), run.results[0].explanation.en)
    }

    func testGroupsAreRankedSeparatelyOrAsOnePool() throws {
        // two above-size firms (scores 90, 30) and two below-size firms on 4 mu (scores 60, 50)
        let figures = F.scored([90, 30]) + [F.below(3, land: 4, tax: 2.4), F.below(4, land: 4, tax: 2)]
        let perGroup = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 80, b: 55, c: 40)), figures: figures)
        XCTAssertEqual(perGroup.results.compactMap(\.parkRank), [1, 2, 1, 2])
        XCTAssertEqual(perGroup.results.compactMap(\.poolSize), [2, 2, 2, 2])
        XCTAssertEqual(grades(perGroup), ["A", "D", "B", "C"])
        let whole = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 80, b: 55, c: 40), pooling: .wholePark),
                                                figures: figures)
        XCTAssertEqual(whole.results.compactMap(\.parkRank), [1, 4, 2, 3])
        XCTAssertEqual(whole.results.compactMap(\.poolSize), [4, 4, 4, 4])
    }

    func testClusterRanks() throws {
        var figures = F.scored([50, 40, 40, 30, 20])
        figures[0].cluster = "ai"; figures[1].cluster = "nanotech"; figures[2].cluster = "ai"
        figures[3].cluster = "ai"; figures[4].cluster = nil
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 80, b: 55, c: 40)), figures: figures)
        XCTAssertEqual(run.results.map(\.clusterRank), [1, 1, 2, 3, nil])
        XCTAssertEqual(run.results.map(\.parkRank), [1, 2, 2, 4, 5])
    }

    func testDSurchargeEscalatesWithConsecutiveDYears() throws {
        // given five D firms (score 10 < C's 50) using 1,000,000 kWh, with different histories
        let figures = F.scored([10, 10, 10, 10, 10])
        let previous: [UUID: PerMuPriorYear] = [
            F.id(2): PerMuPriorYear(grade: .d, consecutiveYears: 1),
            F.id(3): PerMuPriorYear(grade: .d, consecutiveYears: 2),
            F.id(4): PerMuPriorYear(grade: .d, consecutiveYears: 6),
            F.id(5): PerMuPriorYear(grade: .c, consecutiveYears: 3),
        ]
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50)), figures: figures, previous: previous)
        // then 0.05 yuan/kWh in a first D year, 0.10 in the second, 0.15 from the third
        XCTAssertEqual(run.results.map(\.consecutiveYears), [1, 2, 3, 7, 1])
        XCTAssertEqual(run.results.map { $0.treatments.first?.rate }, [0.05, 0.10, 0.15, 0.15, 0.05])
        XCTAssertEqual(run.results.map(\.previousGrade), [nil, .d, .d, .d, .c])
        let yuan = run.results.map(\.electricitySurchargeYuan)
        for (y, e) in zip(yuan, [50_000.0, 100_000, 150_000, 150_000, 50_000]) { XCTAssertEqual(y, e, accuracy: 1e-6) }
        XCTAssertTrue(run.results[1].treatments[0].explanation.en.contains("D for 2 consecutive years: electricity surcharge 0.1 yuan/kWh"),
                      run.results[1].treatments[0].explanation.en)
        XCTAssertTrue(run.results[2].explanation.zh.contains("连续 3 年 D 类"), run.results[2].explanation.zh)
        // and next year's history carries the runs on
        XCTAssertEqual(run.history[F.id(3)], PerMuPriorYear(grade: .d, consecutiveYears: 3))
        XCTAssertEqual(run.history[F.id(5)], PerMuPriorYear(grade: .d, consecutiveYears: 1))
        // grades other than D carry no surcharge
        let good = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 9, b: 7, c: 5)), figures: figures, previous: previous)
        XCTAssertTrue(good.results.allSatisfy { $0.treatments.isEmpty && $0.electricitySurchargeYuan == 0 })
    }

    func testOnlyTheHighestPunitiveTariffApplies() throws {
        // given D firms already paying another punitive tariff of 0.08 yuan/kWh
        var figures = F.scored([10, 10])
        for i in figures.indices { figures[i].otherElectricitySurchargeYuanPerKWh = 0.08 }
        let previous = [F.id(2): PerMuPriorYear(grade: .d, consecutiveYears: 1)]
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50)), figures: figures, previous: previous)
        // then the first-year 0.05 adds nothing (0.08 is higher) and the second-year 0.10 adds 0.02
        XCTAssertEqual(run.results[0].members[0].addedElectricityRate, 0)
        XCTAssertEqual(run.results[1].members[0].addedElectricityRate, 0.10 - 0.08, accuracy: 1e-15)
        XCTAssertEqual(run.results[1].electricitySurchargeYuan, 20_000, accuracy: 1e-6)
        // when tariffs stack instead, each pays the full rate
        let stacked = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50), onlyHighest: false),
                                                  figures: figures, previous: previous)
        XCTAssertEqual(stacked.results.map(\.electricitySurchargeYuan), [50_000, 100_000])
    }

    func testMergedMembersEscalateFromTheirWorstRecord() throws {
        var figures = [F.above(1, land: 1, tax: 0.1, parcel: "P"), F.above(2, land: 0, tax: 0, parcel: "P")]
        figures[1].electricityKWh = 200_000
        let previous = [F.id(1): PerMuPriorYear(grade: .c, consecutiveYears: 4), F.id(2): PerMuPriorYear(grade: .d, consecutiveYears: 1)]
        let run = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50)), figures: figures, previous: previous)
        let r = run.results[0]
        XCTAssertEqual(r.grade, .d)
        XCTAssertEqual(r.previousGrade, .d)
        XCTAssertEqual(r.consecutiveYears, 2)
        XCTAssertEqual(r.electricitySurchargeYuan, (1_000_000 + 200_000) * 0.10, accuracy: 1e-6)
        XCTAssertEqual(run.history.count, 2)
    }
}

final class PerMuHistogramTests: XCTestCase {
    func testTotalsFallInTheBinWhoseLowerBoundaryTheyReachLast() throws {
        // given 3 … 100 → bins from 0 to 100, 5 wide
        let totals: [(total: Double, grade: PerMuGrade)] = [(3, .d), (9.99, .d), (10, .c), (55, .b), (100, .a)]
        // when
        let h = try XCTUnwrap(PerMuHistogram.of(totals))
        // then
        XCTAssertEqual(h.start, 0)
        XCTAssertEqual(h.width, 5)
        XCTAssertEqual(totals.map { h.bin(of: $0.total) }, [0, 1, 2, 11, 19])
        XCTAssertEqual(h.counts.map { $0.reduce(0, +) }.reduce(0, +), 5)
        XCTAssertNil(PerMuHistogram(lowest: .nan, highest: 1))
        XCTAssertNil(PerMuHistogram.of([]))
    }
}
