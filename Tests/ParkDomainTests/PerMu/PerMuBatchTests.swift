import XCTest
@testable import ParkDomain

final class PerMuBatchTests: XCTestCase {
    typealias F = PerMuFixtures

    /// Schemes that reach every rule: fixed and computed benchmarks, caps, min–max, lower is
    /// better, every missing rule, thresholds and shares, both tie rules, both poolings.
    static var schemes: [PerMuScheme] {
        var capped = PerMuScheme.huangyan2022
        capped.name = "capped thresholds"
        for j in capped.groups[0].indicators.indices { capped.groups[0].indicators[j].normalisation = .ratio(cap: 1.5) }
        capped.grading = PerMuGrading(rule: .thresholds(a: 110, b: 80, c: 50), ties: .betterGrade, pooling: .wholePark)

        var computed = PerMuScheme.huangyan2022
        computed.name = "computed"
        computed.groups[0].indicators[0] = PerMuIndicatorRule(.taxPerMu, weight: 30, benchmark: nil, benchmarkRule: .median)
        computed.groups[0].indicators[1] = PerMuIndicatorRule(.valueAddedPerMu, weight: 20, benchmark: nil, benchmarkRule: .mean,
                                                              missing: .averageScore)
        computed.groups[0].indicators[2] = PerMuIndicatorRule(.valueAddedPerEnergy, weight: 20, benchmark: nil,
                                                              normalisation: .minMax(low: 0, high: 1), missing: .averageScore)
        computed.groups[0].indicators[3].missing = .ungraded
        computed.groups[0].indicators[4] = PerMuIndicatorRule(.labourProductivity, weight: 10, benchmark: 18.14,
                                                              normalisation: .ratio(cap: 2), direction: .lowerIsBetter)
        computed.groups[1].indicators = [
            PerMuIndicatorRule(.salesPerMu, weight: 40, benchmark: nil, normalisation: .minMax(low: 0.2, high: 1.2),
                               direction: .lowerIsBetter),
            PerMuIndicatorRule(.taxPerKWh, weight: 60, benchmark: nil, benchmarkRule: .median, missing: .ungraded),
        ]
        computed.grading = PerMuGrading(rule: .shares(a: 10.7, b: 35.2, c: 46.1, d: 8.0), ties: .worseGrade, pooling: .perGroup)
        computed.scope = PerMuScope(includeAboveSize: true, aboveSizeMinimumMu: 1, belowSizeMinimumMu: 5,
                                    includeNotProducingPastContractedDate: false, mergeSharedParcels: false)
        return [.huangyan2022, .huangyan2021, capped, computed]
    }

    func testBatchEqualsTheScalarEngineOnSeededFirms() throws {
        // given 1,000 seeded firms (ties, merges, gaps and all) and four schemes
        let figures = F.random(seed: 2_022, count: 1_000)
        for scheme in Self.schemes {
            // (the 2021 scheme gets the same firms with their years swapped)
            let figures = scheme.year == 2022 ? figures : figures.map { f in
                var f = f
                f.year = f.year == 2022 ? 2021 : 2022
                return f
            }
            let run = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures)
            let columns = PerMuColumns(figures, scheme: scheme)
            let batch = try PerMuBatch.run(columns, scheme: scheme)
            XCTAssertEqual(columns.count, run.results.count, scheme.name)
            var graded = 0
            for (i, r) in run.results.enumerated() {
                XCTAssertEqual(columns.enterpriseId[i], r.enterpriseId)
                let code = r.grade?.code ?? (r.status == .ungraded ? PerMuBatch.ungraded : PerMuBatch.outOfScope)
                XCTAssertEqual(batch.grades[i], code, "\(scheme.name) row \(i)")
                if let total = r.total {
                    graded += 1
                    XCTAssertEqual(batch.scores[i].bitPattern, total.bitPattern, "\(scheme.name) row \(i): \(batch.scores[i]) vs \(total)")
                } else {
                    XCTAssertTrue(batch.scores[i].isNaN, "\(scheme.name) row \(i)")
                }
                XCTAssertEqual(Int(batch.parkRanks[i]), r.parkRank ?? 0, "\(scheme.name) row \(i)")
                XCTAssertEqual(Int(batch.clusterRanks[i]), r.clusterRank ?? 0, "\(scheme.name) row \(i)")
            }
            // the data reach what they should: many graded, some of each other state, ties
            XCTAssertGreaterThan(graded, 300, scheme.name)
            XCTAssertTrue(run.results.contains { $0.status == .outOfScope }, scheme.name)
            let totals = run.results.compactMap(\.total)
            XCTAssertLessThan(Set(totals).count, totals.count, "\(scheme.name): no tied scores")
            XCTAssertEqual(Set(run.results.compactMap(\.grade)).count, 4, scheme.name)
        }
        XCTAssertTrue(try PerMuEvaluator.evaluate(scheme: Self.schemes[3], figures: figures).results.contains { $0.status == .ungraded })
        XCTAssertTrue(try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures).results.contains { $0.members.count > 1 })
    }

    func testRadixSortOrdersLikeAComparisonSort() {
        // given scores with negatives, zeros, infinities, exact ties and neighbours that share
        // their upper 32 bits
        var rng = SeededGenerator(seed: 7)
        var scores: [Double] = []
        for _ in 0..<20_000 {
            switch rng.below(6) {
            case 0: scores.append(Double(rng.int(in: -1_000...1_000)) / 8)
            case 1: scores.append(scores.last.map { $0.nextUp } ?? 1)
            case 2: scores.append(Double(rng.int(in: 0...1_000_000)) / 997)
            case 3: scores.append(rng.pick([0.0, -0.0, .infinity, -.infinity, 1e-300, -1e300]))
            case 4: scores.append(scores.isEmpty ? 3 : scores[rng.below(scores.count)])
            default: scores.append(100 + Double(rng.int(in: 0...1_000)) * 1e-12)
            }
        }
        let layout = PerMuBatch.KeyLayout(rows: scores.count, clusterCount: 0, perGroup: false)
        var keys = scores.indices.map { layout.key(row: $0, score: scores[$0], pool: 0, cluster: -1) }
        PerMuBatch.sortKeys(&keys, fromBit: layout.payloadBits)
        scores.withUnsafeBufferPointer { PerMuBatch.orderRunsByFullKey(&keys, layout: layout, scores: $0) }
        let order = keys.map { layout.row($0) }
        let expected = scores.indices.sorted { a, b in
            let ka = PerMuBatch.descendingKey(scores[a]), kb = PerMuBatch.descendingKey(scores[b])
            return ka < kb || (ka == kb && a < b)
        }
        // (equal scores may come in any order: compare the scores in sorted order, then the rows
        // inside each run of equal scores as sets)
        XCTAssertEqual(order.map { PerMuBatch.descendingKey(scores[$0]) }, expected.map { PerMuBatch.descendingKey(scores[$0]) })
        XCTAssertEqual(Set(order), Set(expected))
        // and the order is descending by value
        for k in 1..<order.count { XCTAssertGreaterThanOrEqual(scores[order[k - 1]], scores[order[k]]) }
    }

    func testEmptyAndAllOutOfScopeColumns() throws {
        let empty = try PerMuBatch.run(PerMuColumns(), scheme: .huangyan2022)
        XCTAssertTrue(empty.scores.isEmpty)
        let out = try PerMuBatch.run(PerMuColumns([F.below(1, land: 1)], scheme: .huangyan2022), scheme: .huangyan2022)
        XCTAssertEqual(out.grades, [PerMuBatch.outOfScope])
        XCTAssertEqual(out.parkRanks, [0])
    }
}
