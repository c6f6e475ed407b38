import Foundation
import XCTest
@testable import ParkDomain

/// The scheme document, runs without texts, texts rebuilt on demand, and shortfalls.
final class PerMuStoredResultTests: XCTestCase {
    func testSchemeDocumentRoundTripsWithSnakeCaseKeysAndTaggedRules() throws {
        var scheme = PerMuScheme.huangyan2022
        scheme.groups[0].indicators[1].normalisation = .minMax(low: 0, high: 1)
        scheme.groups[0].indicators[2].normalisation = .ratio(cap: 1.5)
        scheme.grading = PerMuGrading(rule: .thresholds(a: 90, b: 70, c: 50), ties: .worseGrade, pooling: .wholePark)
        let data = scheme.document(pretty: true)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"declared_weight_total\" : 100"), text)
        XCTAssertTrue(text.contains("\"kind\" : \"min_max\""))
        XCTAssertTrue(text.contains("\"kind\" : \"thresholds\""))
        XCTAssertTrue(text.contains("\"below_size_minimum_mu\" : 3"))
        XCTAssertEqual(try PerMuScheme.fromDocument(data), scheme)
    }

    func testMalformedDocumentsNameTheKey() throws {
        var json = try XCTUnwrap(String(data: PerMuScheme.huangyan2022.document(), encoding: .utf8))
        json = json.replacingOccurrences(of: "\"weight\":30", with: "\"weight\":\"thirty\"")
        XCTAssertThrowsError(try PerMuScheme.fromDocument(Data(json.utf8))) { e in
            let e = e as! DomainError
            XCTAssertEqual(e.code, "invalid_type")
            XCTAssertEqual(e.field, "groups.0.indicators.0.weight")
        }
        XCTAssertThrowsError(try PerMuScheme.fromDocument(Data("{\"name\":\"x\"}".utf8))) { e in
            XCTAssertEqual((e as! DomainError).code, "required")
        }
        XCTAssertThrowsError(try PerMuScheme.fromDocument(Data("not json".utf8))) { e in
            XCTAssertEqual((e as! DomainError).code, "invalid_json")
        }
        // A well-formed but bad scheme is refused by validation, with its reason.
        var bad = PerMuScheme.huangyan2022
        bad.groups[0].indicators[0].weight = 40
        XCTAssertThrowsError(try PerMuScheme.fromDocument(bad.document())) { e in
            XCTAssertEqual((e as! DomainError).code, "weights_sum")
        }
    }

    func testRunWithoutTextsHasTheSameNumbersAndExplainRebuildsTheTexts() throws {
        var scheme = PerMuScheme.huangyan2022
        scheme.groups[1].indicators[0].benchmarkRule = .median
        scheme.groups[1].indicators[0].benchmark = nil
        scheme.groups[0].indicators[5].missing = .ungraded
        scheme.groups[0].indicators[1].normalisation = .minMax(low: 0, high: 1)
        let figures = PerMuFixtures.random(seed: 7, count: 400)
        let previous = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures.map { var f = $0; f.year = 2022; return f }).history
        let full = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures, previous: previous)
        let bare = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures, previous: previous, explanations: false)
        XCTAssertEqual(full.results.count, bare.results.count)
        let units = PerMuUnit.units(from: figures, year: 2022, mergeSharedParcels: true).units
        XCTAssertEqual(units.count, full.results.count)
        var checked = Set<PerMuStatus>()
        for (i, r) in bare.results.enumerated() {
            XCTAssertEqual(r.explanation.en, "")
            XCTAssertEqual(r.total, full.results[i].total)
            XCTAssertEqual(r.grade, full.results[i].grade)
            let rebuilt = PerMuEvaluator.explain(r, figures: units[i].figures, scheme: scheme, benchmarks: bare.benchmarks)
            XCTAssertEqual(rebuilt, full.results[i], "unit \(i)")
            checked.insert(r.status)
        }
        XCTAssertEqual(checked, [.graded, .ungraded, .outOfScope])
    }

    func testShortfallsOrderTheIndicatorsByPointsLost() throws {
        // Huangyan 2022 above-size: 10 mu, tax 120.485 万元 → 12.0485 万元/mu = ½ the benchmark
        // 24.097 → score 0.5, 30 × 0.5 = 15 points lost. Value added 1361.6 → 136.16 万元/mu →
        // score 1, nothing lost. VA per energy 1361.6 ÷ 1010.6 t = 1.347… → 2.694 × ½: 10 lost.
        // Emissions: 1361.6 ÷ 0.2762… above benchmark → nothing lost. Labour productivity
        // 1361.6 ÷ 300 = 4.538… ÷ 18.14 = 0.2502… → 10 × 0.7498… = 7.4981… lost. R&D 0.0302: none.
        let f = PerMuFixtures.above(1, land: 10, tax: 120.485, va: 1361.6, revenue: 1000, energy: 1010.6, emissions: 0.2,
                                    employees: 300, rd: 30.2)
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: [f])
        let r = try XCTUnwrap(run.results.first)
        XCTAssertEqual(r.status, .graded)
        let s = PerMuShortfall.of(r, scheme: .huangyan2022)
        XCTAssertEqual(s.map(\.indicator), [.taxPerMu, .valueAddedPerEnergy, .labourProductivity])
        XCTAssertEqual(s[0].points, 15, accuracy: 1e-9)
        XCTAssertEqual(s[1].points, 20 * (1 - (1361.6 / 1010.6) / 2.694), accuracy: 1e-9)
        XCTAssertEqual(s[2].points, 10 * (1 - (1361.6 / 300) / 18.14), accuracy: 1e-9)
        XCTAssertEqual(s[0].targetValue, 24.097)
        XCTAssertTrue(s[0].explanation.en.contains("reaching the benchmark 24.097"), s[0].explanation.en)
    }
}
