import XCTest
@testable import ParkDomain

final class AssessmentEngineTests: XCTestCase {
    static let asOf = LocalDate(year: 2031, month: 9, day: 30)!

    /// 100 mu; three years of reports, plus a 2032 report the assessment must not see.
    static let reports: [PerformanceReport] = [
        PerformanceReport(year: 2030, investmentToDateYuan: 430_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 20_000_000, revenueYuan: 700_000_000, valueAddedYuan: 160_000_000,
                          rdSpendYuan: 21_000_000, energyTonnesCoal: 5_000, emissionsTonnes: 0, averageEmployees: 200),
        PerformanceReport(year: 2029, investmentToDateYuan: 400_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 18_000_000, revenueYuan: 600_000_000, valueAddedYuan: 150_000_000,
                          rdSpendYuan: 18_000_000, energyTonnesCoal: 5_000, emissionsTonnes: 40, averageEmployees: 180),
        PerformanceReport(year: 2031, investmentToDateYuan: 450_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 22_000_000, revenueYuan: 800_000_000, valueAddedYuan: 200_000_000,
                          rdSpendYuan: 20_000_000, energyTonnesCoal: 8_000, emissionsTonnes: 0, averageEmployees: 210,
                          custom: ["wastewater_t": 80]),
        PerformanceReport(year: 2032, investmentToDateYuan: 999_000_000, taxPaidYuan: 99_000_000, revenueYuan: 9_000_000_000),
    ]

    static func agreement(taxTarget: Double) -> [Commitment] {
        [
            Commitment(kind: .investmentIntensity, target: 4_000_000, mandatory: true, weight: 30),
            Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2028-06-30"), direction: .byDate,
                       mandatory: true, weight: 15),
            Commitment(kind: .taxPerMu, target: taxTarget, measure: .averageLastYears, years: 3, mandatory: true, weight: 30),
            Commitment(kind: .outputPerMu, target: 8_000_000, weight: 15),
            Commitment(kind: .rdRatio, target: 0.03, measure: .cumulative, weight: 10),
        ]
    }

    private func assess(_ commitments: [Commitment], reports: [PerformanceReport] = reports, areaMu: Double = 100,
                        ruleset: AssessmentRuleset = .standard, first: Int = 10, max: Int = 30) -> AssessmentProposal {
        AssessmentEngine.assess(commitments: commitments, reports: reports, areaMu: areaMu, asOf: Self.asOf,
                                ruleset: ruleset, firstTermYears: first, maxTotalYears: max)
    }

    func testHandComputedScoreWithAMissedMandatoryCommitmentGivesTheShortExtension() {
        // given the agreement with a tax target of 250,000 yuan/mu
        let commitments = Self.agreement(taxTarget: 250_000)

        // when
        let p = assess(commitments)

        // then, by hand (2032 ignored):
        //  intensity 450,000,000 ÷ 100 = 4,500,000 → ratio 1.125, counted 1 → 30 × 1 = 30
        //  production 2028-05-10 ≤ 2028-06-30 → 1 → 15
        //  tax mean(180,000, 200,000, 220,000) = 200,000 ÷ 250,000 = 0.8 → 24 (mandatory, missed)
        //  output 800,000,000 ÷ 100 = 8,000,000 → 1 → 15
        //  R&D Σ 59,000,000 ÷ Σ 2,100,000,000 = 0.0280952… ÷ 0.03 = 0.9365079… → 9.365079…
        //  score = 100 × 93.365079… ÷ 100
        let rd = 59_000_000.0 / 2_100_000_000 / 0.03
        XCTAssertEqual(p.results[0].value!, 4_500_000, accuracy: 1e-9)
        XCTAssertEqual(p.results[0].ratio, 1.125, accuracy: 1e-12)
        XCTAssertEqual(p.results[2].value!, 200_000, accuracy: 1e-9)
        XCTAssertEqual(p.results[2].ratio, 0.8, accuracy: 1e-12)
        XCTAssertEqual(p.results[4].value!, 59.0 / 2_100, accuracy: 1e-15)
        XCTAssertEqual(p.score, 30 + 15 + 24 + 15 + 10 * rd, accuracy: 1e-9)
        XCTAssertEqual(p.score, 93.365_079_365_079_37, accuracy: 1e-9)
        XCTAssertEqual(p.results.map(\.met), [true, true, false, true, false])
        XCTAssertFalse(p.allMandatoryMet)
        XCTAssertEqual(p.kind, .extendShort)
        XCTAssertEqual(p.extensionYears, 10)
        XCTAssertEqual(p.rule, "score 93.4 ≥ 90 but mandatory commitment 3 (tax per mu) missed; score ≥ 60 → extend by 10 years (20 years total)")
        XCTAssertEqual(p.results[0].explanation,
                       "investment intensity, latest year 2031: investment to date 450,000,000 yuan (45,000 万元) ÷ 100 mu = 4,500,000 yuan/mu (450 万元/mu); target ≥ 4,000,000 yuan/mu (400 万元/mu) → ratio value ÷ target = 1.125 (counted 1 in the score) → met")
        XCTAssertEqual(p.results[2].explanation,
                       "tax per mu, mean of the last 3 years: 2029 180,000 · 2030 200,000 · 2031 220,000 → Σ ÷ 3 = 200,000 yuan/mu (20 万元/mu); target ≥ 250,000 yuan/mu (25 万元/mu) → ratio value ÷ target = 0.8 → not met")
        XCTAssertTrue(p.results[4].explanation.contains("Σ R&D 59,000,000 yuan (5,900 万元) ÷ Σ revenue 2,100,000,000 yuan (210,000 万元) = 2.81 %"))
        XCTAssertEqual(p.results[1].explanation, "production start: 2028-05-10 (report for 2029); committed by 2028-06-30 → met (ratio 1)")
        XCTAssertEqual(p.results[1].value!, 2028 + 130.0 / 366, accuracy: 1e-12)
        XCTAssertEqual(p.asOf, Self.asOf)
        XCTAssertEqual(p.ruleset, "default")
    }

    func testAllMandatoryMetAndScoreAtLeast90ExtendsToTheMaximumTotal() {
        // given a tax target of 200,000 yuan/mu (met exactly)
        let p = assess(Self.agreement(taxTarget: 200_000))
        // then: 30 + 15 + 30 + 15 + 9.365079… = 99.365079…
        XCTAssertEqual(p.score, 99.365_079_365_079_37, accuracy: 1e-9)
        XCTAssertTrue(p.allMandatoryMet)
        XCTAssertEqual(p.kind, .extendFull)
        XCTAssertEqual(p.extensionYears, 20)
        XCTAssertEqual(p.rule, "score 99.4 ≥ 90 and all 3 mandatory commitments met → extend to 30 years total (N = 20)")
    }

    func testScoreBetween60And90GivesTheShorterTermCappedByTheMaximum() {
        // given: intensity met (50), tax at 0.5 (25) → 75
        let commitments = [Commitment(kind: .investmentIntensity, target: 4_500_000, weight: 50),
                           Commitment(kind: .taxPerMu, target: 440_000, weight: 50)]
        // when: first term 10, maximum 15 years
        let p = assess(commitments, first: 10, max: 15)
        // then
        XCTAssertEqual(p.score, 75, accuracy: 1e-9)
        XCTAssertEqual(p.kind, .extendShort)
        XCTAssertEqual(p.extensionYears, 5)
        XCTAssertEqual(p.rule, "score 75.0 ≥ 60 but < 90 → extend by 5 years (15 years total)")
    }

    func testScoreBelow60TakesTheLandBack() {
        // given: tax 220,000 ÷ 440,000 = 0.5 and jobs 210 ÷ 700 = 0.3 → (0.5 + 0.3) ÷ 2 = 40
        let commitments = [Commitment(kind: .taxPerMu, target: 440_000), Commitment(kind: .jobs, target: 700)]
        let p = assess(commitments)
        XCTAssertEqual(p.score, 40, accuracy: 1e-9)
        XCTAssertEqual(p.kind, .reclaim)
        XCTAssertEqual(p.extensionYears, 0)
        XCTAssertEqual(p.rule, "score 40.0 < 60 → no renewal: the land is taken back at the end of the 10-year first term")
        XCTAssertEqual(p.results[1].explanation, "jobs, latest year 2031: average employees 210; target ≥ 700 employees → ratio value ÷ target = 0.3 → not met")
    }

    func testScoreJustBelowAThresholdIsShownWithEnoughDecimals() {
        // given ratios 0.8996 → score 89.96, all mandatory met
        let p = assess([Commitment(kind: .jobs, target: 210 / 0.8996, mandatory: true)])
        XCTAssertEqual(p.kind, .extendShort)
        XCTAssertEqual(p.rule, "score 89.96 ≥ 60 but < 90 → extend by 10 years (20 years total)")
    }

    func testEachMeasure() {
        // given
        let c: [Commitment] = [
            Commitment(kind: .taxPerMu, target: 600_000, measure: .cumulative),          // Σ 60,000,000 ÷ 100
            Commitment(kind: .totalInvestment, target: 450_000_000, measure: .cumulative), // latest investment to date
            Commitment(kind: .jobs, target: 590, measure: .cumulative),                  // 180 + 200 + 210
            Commitment(kind: .outputPerMu, target: 7_000_000, measure: .averageLastYears, years: 5), // only 3 years
            Commitment(kind: .valueAddedPerEnergy, target: 25_000, measure: .latest),    // 200,000,000 ÷ 8,000
            Commitment(kind: .valueAddedPerEmissions, target: 3_000_000, measure: .latest), // 2031, 2030 have 0 t: 2029
        ]
        // when
        let r = assess(c).results
        // then
        XCTAssertEqual(r[0].value!, 600_000, accuracy: 1e-9)
        XCTAssertEqual(r[0].explanation, "tax per mu, cumulative 2029–2031, 3 years: Σ tax 60,000,000 yuan (6,000 万元) ÷ 100 mu = 600,000 yuan/mu (60 万元/mu); target ≥ 600,000 yuan/mu (60 万元/mu) → ratio value ÷ target = 1 → met")
        XCTAssertEqual(r[1].value!, 450_000_000, accuracy: 1e-9)
        XCTAssertTrue(r[1].explanation.hasPrefix("total investment, cumulative (investment to date is already cumulative: its latest value) 2031"))
        XCTAssertEqual(r[2].value!, 590, accuracy: 1e-9)
        XCTAssertTrue(r[2].met)
        XCTAssertEqual(r[3].value!, 7_000_000, accuracy: 1e-9)
        XCTAssertTrue(r[3].explanation.contains("only 3 of 5 years reported: mean of those"))
        XCTAssertEqual(r[4].value!, 25_000, accuracy: 1e-9)
        XCTAssertEqual(r[5].value!, 150_000_000.0 / 40, accuracy: 1e-9)
        XCTAssertTrue(r[5].explanation.contains("latest year 2029"))
        XCTAssertEqual(r[5].ratio, 3_750_000.0 / 3_000_000, accuracy: 1e-12)
    }

    func testAtMostCommitmentsDivideTargetByValue() {
        // given a custom upper bound of 100 t wastewater; the 2031 report says 80 t
        let ok = assess([Commitment(kind: .custom, label: "wastewater_t", target: 100, direction: .atMost)]).results[0]
        let over = assess([Commitment(kind: .custom, label: "wastewater_t", target: 64, direction: .atMost)]).results[0]
        let zero = assess([Commitment(kind: .valueAddedPerEmissions, target: 1, direction: .atMost)],
                          reports: [PerformanceReport(year: 2031, valueAddedYuan: 0, emissionsTonnes: 5)]).results[0]
        // then
        XCTAssertEqual(ok.ratio, 1.25, accuracy: 1e-12)
        XCTAssertTrue(ok.met)
        XCTAssertEqual(over.ratio, 0.8, accuracy: 1e-12)
        XCTAssertFalse(over.met)
        XCTAssertTrue(over.explanation.contains("target ≤ 64 (wastewater_t) → ratio target ÷ value = 0.8 → not met"))
        XCTAssertEqual(zero.ratio, 1)
        XCTAssertTrue(zero.met)
    }

    func testProductionStartByDate() {
        // given three histories
        let late = [PerformanceReport(year: 2029, productionStartDate: LocalDate(iso: "2028-09-28"))]
        let future = [PerformanceReport(year: 2031, productionStartDate: LocalDate(iso: "2031-12-01"))]
        let commitment = [Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2028-06-30"), direction: .byDate)]
        // when
        let l = assess(commitment, reports: late).results[0]
        let f = assess([Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2032-06-30"), direction: .byDate)],
                       reports: future).results[0]
        let none = assess(commitment, reports: []).results[0]
        // then
        XCTAssertEqual(l.ratio, 0)
        XCTAssertEqual(l.explanation, "production start: 2028-09-28 (report for 2029); committed by 2028-06-30 → not met: 90 days late (ratio 0)")
        XCTAssertEqual(f.ratio, 0)
        XCTAssertTrue(f.explanation.contains("after the assessment date 2031-09-30"))
        XCTAssertNil(none.value)
        XCTAssertTrue(none.explanation.contains("no report"))
    }

    func testMissingDataGivesRatioZeroAndNoReport() {
        // given no revenue in any year, and a per-mu value on a parcel of 0 mu
        let noRevenue = [PerformanceReport(year: 2031, rdSpendYuan: 5_000_000)]
        let rd = assess([Commitment(kind: .rdRatio, target: 0.03)], reports: noRevenue).results[0]
        let noArea = assess([Commitment(kind: .taxPerMu, target: 1)], areaMu: 0).results[0]
        let custom = assess([Commitment(kind: .custom, label: "patents", target: 3)]).results[0]
        // then
        for r in [rd, noArea, custom] {
            XCTAssertNil(r.value)
            XCTAssertEqual(r.ratio, 0)
            XCTAssertFalse(r.met)
            XCTAssertTrue(r.explanation.contains("no report"), r.explanation)
        }
        XCTAssertTrue(noArea.explanation.contains("area 0 mu"))
    }

    func testTheLastReportOfAYearWins() {
        // given a correction for 2031 after the original
        let corrected = Self.reports + [PerformanceReport(year: 2031, investmentToDateYuan: 500_000_000)]
        let p = assess([Commitment(kind: .investmentIntensity, target: 4_000_000)], reports: corrected)
        XCTAssertEqual(p.results[0].value!, 5_000_000, accuracy: 1e-9)
    }

    func testNoCommitmentsProposeTheShortExtensionForReview() {
        let p = assess([])
        XCTAssertEqual(p.score, 0)
        XCTAssertTrue(p.allMandatoryMet)
        XCTAssertEqual(p.kind, .extendShort)
        XCTAssertEqual(p.extensionYears, 10)
        XCTAssertEqual(p.rule, "no commitments to assess → extend by 10 years (20 years total), pending an officer's review")
    }

    func testRulesetCapAndMandatoryOptionsAreData() {
        // given a cap of 1.2 and mandatory commitments not required for the full term
        let ruleset = AssessmentRuleset(name: "lenient", version: 3, ratioCap: 1.2, mandatoryRequiredForFull: false)
        let commitments = [Commitment(kind: .investmentIntensity, target: 4_000_000, weight: 1),
                           Commitment(kind: .taxPerMu, target: 250_000, mandatory: true, weight: 3)]
        // when: ratios 1.125 (under the cap) and 220,000 ÷ 250,000 = 0.88 → 100 × (1.125 + 3 × 0.88) ÷ 4 = 94.125
        let p = assess(commitments, ruleset: ruleset)
        // then
        XCTAssertEqual(p.score, 94.125, accuracy: 1e-9)
        XCTAssertEqual(p.kind, .extendFull)
        XCTAssertEqual(p.rulesetVersion, 3)
        XCTAssertEqual(p.rule, "score 94.1 ≥ 90 (the ruleset does not require mandatory commitments for the full term; 1 of 1 missed) → extend to 30 years total (N = 20)")
    }
}
