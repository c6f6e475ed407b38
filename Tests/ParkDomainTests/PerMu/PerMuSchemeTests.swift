import XCTest
@testable import ParkDomain

final class PerMuSchemeTests: XCTestCase {
    typealias F = PerMuFixtures

    func testHuangyan2022ReproducesAHandComputedScore() throws {
        // given one above-size firm on 2.5 mu and one below-size firm on 4 mu, 2022 figures
        let firm = F.above(1, land: 2.5, tax: 60, va: 340, revenue: 1_000, energy: 100, emissions: 0.05, employees: 20, rd: 30)
        let small = F.below(2, land: 4, tax: 40, kWh: 1_500_000)
        // when the Huangyan 2022 preset scores them
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [firm, small])
        // then, by hand (score = Σ weight × value ÷ benchmark, uncapped):
        //   tax per mu        60 ÷ 2.5 = 24            30 × 24 ÷ 24.097        = 29.879238079428974561
        //   VA per mu         340 ÷ 2.5 = 136          20 × 136 ÷ 136.16       = 19.976498237367802585
        //   VA per energy     340 ÷ 100 = 3.4          20 × 3.4 ÷ 2.694        = 25.241276911655530809
        //   VA per emissions  340 ÷ 0.05 = 6800        10 × 6800 ÷ 4929.81     = 13.793635048815268743
        //   labour product.   340 ÷ 20 = 17            10 × 17 ÷ 18.14         =  9.371554575523704520
        //   R&D intensity     30 ÷ 1000 = 0.03         10 × 0.03 ÷ 0.0302      =  9.933774834437086093
        //   total                                                               = 108.195977687228367311
        let r = try XCTUnwrap(run.result(for: F.id(1)))
        XCTAssertEqual(r.status, .graded)
        XCTAssertEqual(try XCTUnwrap(r.total), 108.195977687228367311, accuracy: 1e-9)
        let points = r.indicators.map(\.points)
        let expected = [29.879238079428974561, 19.976498237367802585, 25.241276911655530809,
                        13.793635048815268743, 9.371554575523704520, 9.933774834437086093]
        for (p, e) in zip(points, expected) { XCTAssertEqual(p, e, accuracy: 1e-9) }
        XCTAssertEqual(try XCTUnwrap(r.indicators[0].value), 24, accuracy: 1e-12)
        XCTAssertEqual(r.indicators[0].benchmark, 24.097)
        XCTAssertEqual(try XCTUnwrap(r.indicators[0].score), 24 / 24.097, accuracy: 1e-15)
        XCTAssertTrue(r.indicators[0].explanation.en.contains("60 万元 ÷ 2.5 mu = 24 万元/mu"), r.indicators[0].explanation.en)
        XCTAssertTrue(r.indicators[0].explanation.zh.contains("亩均税收"), r.indicators[0].explanation.zh)
        // below-size: tax per mu 40 ÷ 4 = 10 → 50 × 10 ÷ 11.5932 = 43.128730635199944795;
        // tax per kWh 400,000 yuan ÷ 1,500,000 kWh = 0.26667 → 50 × 0.26667 ÷ 0.2352 = 56.689342403628117914
        // total 99.818073038828062709
        let s = try XCTUnwrap(run.result(for: F.id(2)))
        XCTAssertEqual(try XCTUnwrap(s.total), 99.818073038828062709, accuracy: 1e-9)
        XCTAssertEqual(s.group, .belowSize)
    }

    func testPresetsHoldThePublishedFigures() throws {
        try PerMuScheme.huangyan2022.validate()
        try PerMuScheme.huangyan2021.validate()
        let above22 = try XCTUnwrap(PerMuScheme.huangyan2022.group(.aboveSize)).indicators
        XCTAssertEqual(above22.map(\.indicator), [.taxPerMu, .valueAddedPerMu, .valueAddedPerEnergy, .valueAddedPerEmissions,
                                                 .labourProductivity, .rdIntensity])
        XCTAssertEqual(above22.map(\.weight), [30, 20, 20, 10, 10, 10])
        XCTAssertEqual(above22.map(\.benchmark), [24.097, 136.16, 2.694, 4929.81, 18.14, 0.0302])
        XCTAssertEqual(above22.map(\.missing), [.zero, .zero, .zero, .averageScore, .zero, .zero])
        XCTAssertTrue(above22.allSatisfy { $0.normalisation == .ratio(cap: nil) && $0.direction == .higherIsBetter })
        let below22 = try XCTUnwrap(PerMuScheme.huangyan2022.group(.belowSize)).indicators
        XCTAssertEqual(below22.map(\.indicator), [.taxPerMu, .taxPerKWh])
        XCTAssertEqual(below22.map(\.weight), [50, 50])
        XCTAssertEqual(below22.map(\.benchmark), [11.5932, 0.2352])
        XCTAssertEqual(PerMuScheme.huangyan2022.grading.rule, .shares(a: 25, b: 45, c: 25, d: 5))
        XCTAssertEqual(PerMuScheme.huangyan2022.treatments.first?.steps.map(\.rate), [0.05, 0.10, 0.15])
        XCTAssertTrue(PerMuScheme.huangyan2022.onlyHighestPunitiveTariff)
        let above21 = try XCTUnwrap(PerMuScheme.huangyan2021.group(.aboveSize)).indicators
        XCTAssertEqual(above21.map(\.benchmark), [26.01, 132.27, 2.54, 4861.08, 17.45, 0.0305])
        XCTAssertEqual(PerMuScheme.huangyan2021.year, 2021)
    }

    func testSchemeRoundTripsThroughJSON() throws {
        var scheme = PerMuScheme.huangyan2022
        scheme.groups[0].indicators[1].normalisation = .minMax(low: 0, high: 1)
        scheme.grading = PerMuGrading(rule: .thresholds(a: 90, b: 70, c: 50), ties: .worseGrade, pooling: .wholePark)
        let data = try JSONEncoder().encode(scheme)
        XCTAssertEqual(try JSONDecoder().decode(PerMuScheme.self, from: data), scheme)
    }

    /// Asserts that `scheme` is refused with `code`, on `field`, with a message containing `words`.
    func assertRefused(_ scheme: PerMuScheme, code: String, field: String? = nil, mentions words: [String] = [],
                       file: StaticString = #filePath, line: UInt = #line) {
        do {
            try scheme.validate()
            XCTFail("scheme accepted, expected \(code)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.code, code, error.message.en, file: file, line: line)
            if let field { XCTAssertEqual(error.field, field, file: file, line: line) }
            for w in words { XCTAssertTrue(error.message.en.contains(w), "\(error.message.en) lacks \(w)", file: file, line: line) }
            XCTAssertFalse(error.message.zh.isEmpty, file: file, line: line)
        }
        XCTAssertThrowsError(try PerMuEvaluator.evaluate(scheme: scheme, figures: []), file: file, line: line)
        XCTAssertThrowsError(try PerMuBatch.run(PerMuColumns(), scheme: scheme), file: file, line: line)
    }

    func testBadSchemesAreRefusedWithTheReason() {
        var s = PerMuScheme.huangyan2022
        s.groups[0].indicators[0].weight = 25
        assertRefused(s, code: "weights_sum", field: "groups.above_size.weight", mentions: ["above-size", "95", "100"])

        s = .huangyan2022
        s.groups[0].indicators[2].benchmark = nil
        assertRefused(s, code: "missing_benchmark", field: "groups.above_size.value_added_per_energy", mentions: ["value added per unit of energy"])

        s = .huangyan2022
        s.groups[1].indicators[1].benchmark = 0
        assertRefused(s, code: "bad_benchmark", field: "groups.below_size.tax_per_kwh")

        s = .huangyan2022
        s.grading.rule = .shares(a: 30, b: 45, c: 25, d: 5)
        assertRefused(s, code: "shares_over_100", mentions: ["105", "over 100"])

        s.grading.rule = .shares(a: 20, b: 45, c: 25, d: 5)
        assertRefused(s, code: "shares_under_100", mentions: ["95"])

        s.grading.rule = .shares(a: 30, b: 50, c: 25, d: -5)
        assertRefused(s, code: "negative_share", mentions: ["D"])

        s.grading.rule = .thresholds(a: 90, b: 95, c: 50)
        assertRefused(s, code: "thresholds_order")

        s = .huangyan2022
        s.groups[0].indicators[0].weight = 40
        s.groups[0].indicators[1].weight = 10
        s.groups[0].indicators[5].weight = -0.0001
        s.groups[0].indicators[4].weight = 20.0001
        assertRefused(s, code: "negative_weight", mentions: ["R&D intensity"])

        s = .huangyan2022
        s.groups[1].indicators[1] = PerMuIndicatorRule(.labourProductivity, weight: 50, benchmark: 10)
        assertRefused(s, code: "unknown_indicator", field: "groups.below_size.labour_productivity", mentions: ["below-size"])

        s = .huangyan2022
        s.groups[0].indicators[1].indicator = .taxPerMu
        assertRefused(s, code: "duplicate_indicator")

        s = .huangyan2022
        s.groups[0].indicators[2].direction = .lowerIsBetter
        assertRefused(s, code: "cap_required")

        s = .huangyan2022
        s.groups[0].indicators[2].normalisation = .minMax(low: 1, high: 1)
        assertRefused(s, code: "bad_range")

        s = .huangyan2022
        s.groups.removeLast()
        assertRefused(s, code: "missing_group", mentions: ["below-size"])

        s = .huangyan2022
        s.groups.append(s.groups[0])
        assertRefused(s, code: "duplicate_group")

        s = .huangyan2022
        s.treatments[0].steps = [PerMuEscalationStep(fromConsecutiveYears: 1, rate: 0.05),
                                 PerMuEscalationStep(fromConsecutiveYears: 1, rate: 0.10)]
        assertRefused(s, code: "steps_order")

        s = .huangyan2022
        s.treatments.append(PerMuTreatment(grade: .a, kind: .landPriority, steps: [PerMuEscalationStep(fromConsecutiveYears: 1, rate: 1)]))
        assertRefused(s, code: "rate_not_allowed")

        s = .huangyan2022
        s.name = " "
        assertRefused(s, code: "required", field: "name")
    }

    func testASchemeWithoutBelowSizeNeedsNoBelowSizeGroup() throws {
        var s = PerMuScheme.huangyan2022
        s.groups.removeLast()
        s.scope.belowSizeMinimumMu = nil
        s.declaredWeightTotal = 100
        XCTAssertNoThrow(try s.validate())
        let run = try PerMuEvaluator.evaluate(scheme: s, figures: [F.below(1)])
        XCTAssertEqual(run.results[0].status, .outOfScope)
        XCTAssertTrue(run.results[0].reason?.en.contains("does not evaluate below-size") ?? false)
    }

    func testDeclaredTotalOtherThan100() throws {
        var s = F.simple(.thresholds(a: 3, b: 2, c: 1))
        s.declaredWeightTotal = 1
        XCTAssertThrowsError(try s.validate()) { XCTAssertEqual(($0 as? DomainError)?.code, "weights_sum") }
        s.groups[0].indicators[0].weight = 1
        s.groups[1].indicators[0].weight = 1
        XCTAssertNoThrow(try s.validate())
    }
}
