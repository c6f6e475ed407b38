import XCTest
@testable import ParkDomain

final class PerMuEvaluatorTests: XCTestCase {
    typealias F = PerMuFixtures

    func testScopeRules() throws {
        // given firms at each scope boundary under the Huangyan 2022 scope
        let figures = [
            F.below(1, land: 2.99),                               // below-size under 3 mu: out
            F.below(2, land: 3),                                  // exactly 3 mu: in
            F.above(3, land: 0.5),                                // above-size, any land: in
            F.above(4, producing: false, past: false),            // not producing, date not passed: out
            F.above(5, producing: false, past: true),             // not producing, date passed: in
            F.above(6, land: 0),                                  // no land: out
            F.above(7, year: 2021),                               // another year: ignored
        ]
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures)
        XCTAssertEqual(run.results.map(\.enterpriseId), (1...6).map(F.id))
        XCTAssertEqual(run.results.map(\.status), [.outOfScope, .graded, .graded, .outOfScope, .graded, .outOfScope])
        XCTAssertTrue(run.results[0].reason?.en.contains("under the 3 mu minimum") ?? false, "\(String(describing: run.results[0].reason))")
        XCTAssertTrue(run.results[0].reason?.zh.contains("低于 3 亩") ?? false)
        XCTAssertTrue(run.results[3].reason?.en.contains("contracted production date has not passed") ?? false)
        XCTAssertTrue(run.results[5].reason?.en.contains("holds no land") ?? false)
        XCTAssertNil(run.results[0].total)
        XCTAssertNil(run.results[0].grade)
        XCTAssertTrue(run.notes.contains { $0.en.contains("1 figure(s) of years other than 2022 ignored") })

        // a scope of producing firms only, and one where below-size firms need 5 mu
        var strict = PerMuScheme.huangyan2022
        strict.scope.includeNotProducingPastContractedDate = false
        strict.scope.belowSizeMinimumMu = 5
        let run2 = try PerMuEvaluator.evaluate(scheme: strict, figures: figures)
        XCTAssertEqual(run2.results.map(\.status), [.outOfScope, .outOfScope, .graded, .outOfScope, .outOfScope, .outOfScope])
        XCTAssertTrue(run2.results[4].reason?.en.contains("producing enterprises only") ?? false)
    }

    func testFirmsSharingAParcelAreMergedIntoOneResult() throws {
        // given a landholder and a tenant on parcel P (the tenant holds no land of its own), and
        // a third firm on its own land
        let holder = F.above(1, land: 10, tax: 100, va: 1_000, kWh: 1_000_000, cluster: "ai", parcel: "P")
        let tenant = F.above(2, land: 0, tax: 50, va: 500, kWh: 500_000, cluster: "nanotech", parcel: "P")
        let other = F.above(3, land: 10, tax: 100)
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [tenant, holder, other])
        // then one result for the parcel, under the landholder's id and cluster, on the sums
        XCTAssertEqual(run.results.count, 2)
        let merged = try XCTUnwrap(run.result(for: F.id(2)))
        XCTAssertEqual(merged.enterpriseId, F.id(1))
        XCTAssertEqual(merged.members.map(\.enterpriseId), [F.id(2), F.id(1)])
        XCTAssertEqual(merged.cluster, "ai")
        XCTAssertEqual(merged.landMu, 10)
        XCTAssertEqual(try XCTUnwrap(merged.indicators[0].value), 15, accuracy: 1e-12)  // (100 + 50) 万元 ÷ 10 mu
        XCTAssertEqual(run.result(for: F.id(1)), merged)
        XCTAssertTrue(run.notes.contains { $0.en.contains("2 enterprises sharing parcels merged into 1 result(s)") })

        // a member without an emissions figure leaves the merged figure missing
        var noEmissions = tenant
        noEmissions.emissionsTonnes = nil
        let run2 = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [noEmissions, holder, other])
        XCTAssertNil(run2.results[0].indicators[3].value)
        XCTAssertEqual(run2.results[0].indicators[3].missingRule, .averageScore)

        // without merging, the tenant (no land) is out of scope on its own
        var separate = PerMuScheme.huangyan2022
        separate.scope.mergeSharedParcels = false
        let run3 = try PerMuEvaluator.evaluate(scheme: separate, figures: [tenant, holder, other])
        XCTAssertEqual(run3.results.map(\.status), [.outOfScope, .graded, .graded])
    }

    func testMissingEmissionsScoreTheIndicatorsAverageScore() throws {
        // given two firms with emissions (VA per emissions 1,000 ÷ 0.2 = 5,000 and 1,000 ÷ 0.1 = 10,000)
        // and one without
        let figures = [F.above(1, emissions: 0.2), F.above(2, emissions: 0.1), F.above(3, emissions: nil)]
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures)
        let average = (5_000 / 4929.81 + 10_000 / 4929.81) / 2
        let line = run.results[2].indicators[3]
        XCTAssertNil(line.value)
        XCTAssertEqual(line.missingRule, .averageScore)
        XCTAssertEqual(line.score, average, accuracy: 1e-12)
        XCTAssertEqual(line.points, 10 * average, accuracy: 1e-12)
        XCTAssertTrue(line.explanation.en.contains("emissions not reported"), line.explanation.en)
        XCTAssertEqual(run.benchmarks.first { $0.indicator == .valueAddedPerEmissions }?.count, 2)
        // the firms are otherwise equal, so the totals differ by the emissions points only
        XCTAssertEqual(try XCTUnwrap(run.results[2].total) - (try XCTUnwrap(run.results[0].total)),
                       10 * (average - 5_000 / 4929.81), accuracy: 1e-9)
    }

    func testMissingValuesScoringZeroOrLeavingTheFirmUngraded() throws {
        // zero: no energy figure → value added per energy scores 0 (Huangyan's other indicators)
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [F.above(1, energy: nil), F.above(2, energy: 0)])
        for r in run.results {
            XCTAssertEqual(r.indicators[2].missingRule, .zero)
            XCTAssertEqual(r.indicators[2].points, 0)
            XCTAssertEqual(r.status, .graded)
        }
        XCTAssertTrue(run.results[1].indicators[2].explanation.en.contains("energy is 0 or invalid"))

        // ungraded: a scheme that leaves firms without emissions ungraded, with the reason
        var s = PerMuScheme.huangyan2022
        s.groups[0].indicators[3].missing = .ungraded
        let figures = [F.above(1, emissions: 0.2), F.above(2, emissions: nil), F.above(3, emissions: 0.1)]
        let run2 = try PerMuEvaluator.evaluate(scheme: s, figures: figures)
        let u = run2.results[1]
        XCTAssertEqual(u.status, .ungraded)
        XCTAssertNil(u.grade)
        XCTAssertNil(u.total)
        XCTAssertTrue(u.reason?.en.contains("value added per unit of emissions") ?? false)
        XCTAssertTrue(u.reason?.zh.contains("单位排放增加值") ?? false)
        XCTAssertEqual(u.indicators.count, 6)
        XCTAssertEqual(run2.results[0].poolSize, 2)
        XCTAssertEqual(run2.results.compactMap(\.parkRank).sorted(), [1, 2])
    }

    func testCappedRatiosMinMaxScalingAndComputedBenchmarks() throws {
        // given one indicator per group in four variants over three firms on 1 mu with tax 1, 2, 6 万元
        let figures = [F.above(1, land: 1, tax: 1), F.above(2, land: 1, tax: 2), F.above(3, land: 1, tax: 6)]
        func scores(_ rule: PerMuIndicatorRule) throws -> [Double] {
            var s = F.simple(.thresholds(a: 300, b: 200, c: 100))
            s.groups[0].indicators = [rule]
            return try PerMuEvaluator.evaluate(scheme: s, figures: figures).results.map { $0.indicators[0].score }
        }
        // capped at 1.2 with benchmark 2: 0.5, 1, 1.2
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 2, normalisation: .ratio(cap: 1.2))), [0.5, 1, 1.2])
        // mean benchmark (1 + 2 + 6) ÷ 3 = 3: 1/3, 2/3, 2
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: nil, benchmarkRule: .mean)), [1.0 / 3, 2.0 / 3, 2])
        // median benchmark 2: 0.5, 1, 3
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: nil, benchmarkRule: .median)), [0.5, 1, 3])
        // min–max to 0…1: 0, 0.2, 1; lower is better: 1, 0.8, 0
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: nil, normalisation: .minMax(low: 0, high: 1))),
                       [0, 0.2, 1])
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: nil, normalisation: .minMax(low: 0, high: 1),
                                                     direction: .lowerIsBetter)), [1, 0.8, 0])
        // lower is better by ratio, capped at 2: benchmark 2 ÷ value: 2, 1, 1/3
        XCTAssertEqual(try scores(PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 2, normalisation: .ratio(cap: 2),
                                                     direction: .lowerIsBetter)), [2, 1, 1.0 / 3])
    }

    func testNegativeValuesScoreZeroAndTheRunIsDeterministic() throws {
        let figures = [F.above(1, tax: -20), F.above(2)]
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures)
        XCTAssertEqual(run.results[0].indicators[0].score, 0)
        XCTAssertEqual(try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures), run)
        let data = try JSONEncoder().encode(run)
        XCTAssertEqual(try JSONDecoder().decode(PerMuRun.self, from: data), run)
    }

    func testExplanationsNameScoreRankGradeAndCluster() throws {
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [F.above(1), F.above(2, tax: 200)])
        let best = run.results[1]
        XCTAssertEqual(best.parkRank, 1)
        XCTAssertEqual(best.clusterRank, 1)
        XCTAssertTrue(best.explanation.en.contains("rank 1 of 2 above-size enterprises, 1 in cluster Biomedicine and health"), best.explanation.en)
        XCTAssertTrue(best.explanation.en.contains("equal scores share the better grade"))
        XCTAssertTrue(best.explanation.zh.contains("在“生物医药及大健康”产业集群中排第 1 名"), best.explanation.zh)
    }
}
