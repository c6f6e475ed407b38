import XCTest
@testable import ParkDomain

final class PerMuComparisonTests: XCTestCase {
    typealias F = PerMuFixtures

    func testDraftSchemeMigrationMatrixChangesAndSurchargeRevenue() throws {
        // given firms scoring 95, 80, 60, 40 (1,000,000 kWh each, the 60 firm 2,000,000 kWh), a
        // below-size firm on 4 mu scoring 75, and a below-size firm on 2 mu (out of scope)
        var figures = F.scored([95, 80, 60, 40])
        figures[2].electricityKWh = 2_000_000
        figures += [F.below(5, land: 4, tax: 3, kWh: 500_000), F.below(6, land: 2)]
        // the enacted scheme grades A ≥ 90, B ≥ 70, C ≥ 50; the draft A ≥ 85, B ≥ 75, C ≥ 65 and
        // evaluates below-size firms from 5 mu only
        let enacted = try PerMuEvaluator.evaluate(scheme: F.simple(.thresholds(a: 90, b: 70, c: 50)), figures: figures)
        var draftScheme = F.simple(.thresholds(a: 85, b: 75, c: 65), belowSizeMinimumMu: 5)
        draftScheme.name = "draft"
        let draft = try PerMuEvaluator.evaluate(scheme: draftScheme, figures: figures)
        // when compared
        let cmp = PerMuComparison.compare(enacted: enacted, draft: draft)
        // then A→A 1, B→B 1 (the 80 firm), C→D 1 (the 60 firm), D→D 1, B→not graded 1 (the
        // below-size firm), not graded→not graded 1
        XCTAssertEqual(cmp.matrix, [
            [1, 0, 0, 0, 0],
            [0, 1, 0, 0, 1],
            [0, 0, 0, 1, 0],
            [0, 0, 0, 1, 0],
            [0, 0, 0, 0, 1],
        ])
        XCTAssertEqual(cmp.count(from: .c, to: .d), 1)
        XCTAssertEqual(cmp.matrix.joined().reduce(0, +), 6)
        XCTAssertEqual(cmp.changes.map(\.enterpriseId), [F.id(3), F.id(5)])
        XCTAssertEqual(cmp.changes[0].from, .c)
        XCTAssertEqual(cmp.changes[0].to, .d)
        XCTAssertEqual(cmp.changes[1].toStatus, .outOfScope)
        // surcharge: enacted D = the 40 firm, 1,000,000 kWh × 0.05 = 50,000 yuan; the draft adds
        // the 60 firm, 2,000,000 × 0.05 = 100,000 yuan
        XCTAssertEqual(cmp.enactedSurchargeYuan, 50_000, accuracy: 1e-6)
        XCTAssertEqual(cmp.draftSurchargeYuan, 150_000, accuracy: 1e-6)
        XCTAssertEqual(cmp.surchargeRevenueChange, 100_000, accuracy: 1e-6)
        XCTAssertEqual(cmp.changes[0].draftSurchargeYuan, 100_000, accuracy: 1e-6)

        // with this year's kWh given instead, the same rates apply to those figures
        let next = PerMuComparison.compare(enacted: enacted, draft: draft, electricityKWh: [F.id(3): 3_000_000])
        XCTAssertEqual(next.surchargeRevenueChange, 150_000, accuracy: 1e-6)
    }

    func testWhatIfRunsBothSchemesOnTheSameYear() throws {
        // a draft with the 2021 benchmarks on 2022 figures: higher tax and VA benchmarks lower scores
        var draft = PerMuScheme.huangyan2021
        draft.year = 2022
        draft.name = "2021 benchmarks on 2022"
        let figures = F.random(seed: 5, count: 400)
        let cmp = try PerMuComparison.whatIf(enacted: .huangyan2022, draft: draft, figures: figures)
        let enacted = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures)
        let run = try PerMuEvaluator.evaluate(scheme: draft, figures: figures)
        XCTAssertEqual(cmp, PerMuComparison.compare(enacted: enacted, draft: run))
        XCTAssertThrowsError(try PerMuComparison.whatIf(enacted: .huangyan2022, draft: .huangyan2021, figures: figures)) {
            XCTAssertEqual(($0 as? DomainError)?.code, "year_mismatch")
        }
    }

    func testComparingARunWithItselfChangesNothing() throws {
        let figures = F.random(seed: 9, count: 300)
        let run = try PerMuEvaluator.evaluate(scheme: .huangyan2022, figures: figures)
        let cmp = PerMuComparison.compare(enacted: run, draft: run)
        XCTAssertTrue(cmp.changes.isEmpty)
        XCTAssertEqual(cmp.surchargeRevenueChange, 0)
        for i in 0..<5 { for j in 0..<5 where i != j { XCTAssertEqual(cmp.matrix[i][j], 0) } }
        let members = run.results.reduce(0) { $0 + $1.members.count }
        XCTAssertEqual(cmp.matrix.joined().reduce(0, +), members)
        XCTAssertEqual(cmp.matrix[3][3], run.results.filter { $0.grade == .d }.reduce(0) { $0 + $1.members.count })
    }
}
