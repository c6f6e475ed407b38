import XCTest
@testable import ParkDomain

/// The Chinese trace texts: the same numbers as the English ones, Chinese units, no English words.
final class AssessmentTextZhTests: XCTestCase {
    static let asOf = LocalDate(year: 2031, month: 9, day: 30)!

    /// 100 mu unless a test says otherwise; three report years.
    static let reports: [PerformanceReport] = [
        PerformanceReport(year: 2029, investmentToDateYuan: 400_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 18_000_000, revenueYuan: 600_000_000, valueAddedYuan: 150_000_000,
                          rdSpendYuan: 18_000_000, energyTonnesCoal: 5_000, emissionsTonnes: 40, averageEmployees: 180),
        PerformanceReport(year: 2030, investmentToDateYuan: 430_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 20_000_000, revenueYuan: 700_000_000, valueAddedYuan: 160_000_000,
                          rdSpendYuan: 21_000_000, energyTonnesCoal: 5_000, emissionsTonnes: 0, averageEmployees: 200),
        PerformanceReport(year: 2031, investmentToDateYuan: 450_000_000, productionStartDate: LocalDate(iso: "2028-05-10"),
                          taxPaidYuan: 22_000_000, revenueYuan: 800_000_000, valueAddedYuan: 200_000_000,
                          rdSpendYuan: 20_000_000, energyTonnesCoal: 8_000, emissionsTonnes: 0, averageEmployees: 210,
                          custom: ["wastewater_t": 80]),
    ]

    private func assess(_ commitments: [Commitment], reports: [PerformanceReport] = reports, areaMu: Double = 100,
                        ruleset: AssessmentRuleset = .standard, first: Int = 10, max: Int = 30) -> AssessmentProposal {
        AssessmentEngine.assess(commitments: commitments, reports: reports, areaMu: areaMu, asOf: Self.asOf,
                                ruleset: ruleset, firstTermYears: first, maxTotalYears: max)
    }

    /// Fails when `text` has an English word: any Latin letter apart from "N" in "（N = …）" and the
    /// custom `label` (user data).
    private func assertChinese(_ text: String?, label: String = "", file: StaticString = #filePath, line: UInt = #line) {
        guard let text else { return XCTFail("no Chinese text", file: file, line: line) }
        var rest = text.replacingOccurrences(of: "（N = ", with: "")
        if !label.isEmpty { rest = rest.replacingOccurrences(of: label, with: "") }
        XCTAssertFalse(rest.contains { $0.isASCII && $0.isLetter }, "Latin letters in: \(text)", file: file, line: line)
        for word in ["met", "target", "score", "yuan", "mu", "ratio", "report", "year"] {
            XCTAssertFalse(text.lowercased().contains(word), "“\(word)” in: \(text)", file: file, line: line)
        }
    }

    func testLatestInvestmentIntensityMetWithTheCap() {
        // given 300,000,000 yuan on 40 mu = 7,500,000 yuan/mu against 6,000,000 → 1.25, counted 1
        let reports = [PerformanceReport(year: 2025, investmentToDateYuan: 300_000_000)]
        let r = assess([Commitment(kind: .investmentIntensity, target: 6_000_000)], reports: reports, areaMu: 40).results[0]
        // then
        XCTAssertEqual(r.explanationZh,
                       "投资强度，最近一年（2025 年）：累计投资 300,000,000 元（30,000 万元）÷ 40 亩 = 7,500,000 元/亩（750 万元/亩）；"
                       + "目标 ≥ 6,000,000 元/亩（600 万元/亩）→ 完成率 1.25（计分按 1）→ 达标")
        XCTAssertEqual(r.explanation(.zh), r.explanationZh)
        XCTAssertEqual(r.explanation(.en), r.explanation)
        assertChinese(r.explanationZh)
    }

    func testAverageOfFewerYearsNotMet() {
        // given tax per mu over 5 years with only 3 reported: (180,000 + 200,000 + 220,000) ÷ 3 = 200,000 vs 250,000 → 0.8
        let r = assess([Commitment(kind: .taxPerMu, target: 250_000, measure: .averageLastYears, years: 5)]).results[0]
        XCTAssertEqual(r.explanationZh,
                       "亩均税收，最近 5 年平均（仅 3 年有报告，按这 3 年平均）：2029 年 180,000 · 2030 年 200,000 · 2031 年 220,000 "
                       + "→ Σ ÷ 3 = 200,000 元/亩（20 万元/亩）；目标 ≥ 250,000 元/亩（25 万元/亩）→ 完成率 0.8 → 未达标")
        assertChinese(r.explanationZh)
    }

    func testCumulativeFlowsPooledRatiosAndStocks() {
        let r = assess([
            Commitment(kind: .taxPerMu, target: 600_000, measure: .cumulative),          // Σ 60,000,000 ÷ 100 = 600,000
            Commitment(kind: .rdRatio, target: 0.03, measure: .cumulative),              // 59,000,000 ÷ 2,100,000,000
            Commitment(kind: .totalInvestment, target: 450_000_000, measure: .cumulative), // latest investment to date
            Commitment(kind: .jobs, target: 700),                                        // 210 ÷ 700 = 0.3
            Commitment(kind: .valueAddedPerEnergy, target: 25_000),                      // 200,000,000 ÷ 8,000
        ]).results
        XCTAssertEqual(r[0].explanationZh,
                       "亩均税收，累计 2029–2031 年，共 3 年：Σ 税收 60,000,000 元（6,000 万元）÷ 100 亩 = 600,000 元/亩（60 万元/亩）；"
                       + "目标 ≥ 600,000 元/亩（60 万元/亩）→ 完成率 1 → 达标")
        XCTAssertTrue(r[1].explanationZh!.contains(
            "累计 2029–2031 年：Σ 研发投入 59,000,000 元（5,900 万元）÷ Σ 营业收入 2,100,000,000 元（210,000 万元）= 2.81%；目标 ≥ 3.00%"),
                      r[1].explanationZh!)
        XCTAssertTrue(r[1].explanationZh!.hasSuffix("→ 完成率 0.9365 → 未达标"), r[1].explanationZh!)
        XCTAssertTrue(r[2].explanationZh!.hasPrefix("固定资产投资总额，累计口径（累计投资本身即为累计数，取最近一年数值）2031 年：累计投资 450,000,000 元（45,000 万元）"),
                      r[2].explanationZh!)
        XCTAssertEqual(r[3].explanationZh, "就业人数，最近一年（2031 年）：年均从业人数 210 人；目标 ≥ 700 人 → 完成率 0.3 → 未达标")
        XCTAssertTrue(r[4].explanationZh!.contains("增加值 200,000,000 元（20,000 万元）÷ 8,000 吨标准煤 = 25,000 元/吨标准煤（2.5 万元/吨标准煤）"),
                      r[4].explanationZh!)
        for x in r { assertChinese(x.explanationZh) }
    }

    func testAtMostCustomCommitment() {
        // given an upper bound of 64 t wastewater; 2031 reports 80 → 64 ÷ 80 = 0.8
        let r = assess([Commitment(kind: .custom, label: "wastewater_t", target: 64, direction: .atMost)]).results[0]
        XCTAssertTrue(r.explanationZh!.hasSuffix("目标 ≤ 64（wastewater_t）→ 完成率（目标值 ÷ 实际值）0.8 → 未达标"), r.explanationZh!)
        assertChinese(r.explanationZh, label: "wastewater_t")
    }

    func testProductionStartBranches() {
        let due = LocalDate(iso: "2028-06-30")
        let commitment = [Commitment(kind: .productionStart, targetDate: due, direction: .byDate)]
        let met = assess(commitment).results[0]
        let late = assess(commitment, reports: [PerformanceReport(year: 2029, productionStartDate: LocalDate(iso: "2028-09-28"))]).results[0]
        let future = assess([Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2032-06-30"), direction: .byDate)],
                            reports: [PerformanceReport(year: 2031, productionStartDate: LocalDate(iso: "2031-12-01"))]).results[0]
        let none = assess(commitment, reports: []).results[0]
        let undated = assess([Commitment(kind: .productionStart, direction: .byDate)]).results[0]
        let byDateOther = assess([Commitment(kind: .jobs, targetDate: due, direction: .byDate)]).results[0]
        XCTAssertEqual(met.explanationZh, "投产时间：2028-05-10（2029 年度报告）；约定 2028-06-30 前投产 → 达标（完成率 1）")
        XCTAssertEqual(late.explanationZh, "投产时间：2028-09-28（2029 年度报告）；约定 2028-06-30 前投产 → 未达标：逾期 90 天（完成率 0）")
        XCTAssertTrue(future.explanationZh!.contains("报告的投产日期晚于评估基准日 2031-09-30 → 未达标（完成率 0）"), future.explanationZh!)
        XCTAssertEqual(none.explanationZh, "投产时间：截至 2031 年无投产报告（约定 2028-06-30 前投产）→ 未达标（完成率 0）")
        XCTAssertEqual(undated.explanationZh, "投产时间：协议未约定投产日期 → 未达标（完成率 0）")
        XCTAssertEqual(byDateOther.explanationZh, "就业人数：按日期约定仅适用于投产时间 → 未达标（完成率 0）")
        for r in [met, late, future, none, undated, byDateOther] { assertChinese(r.explanationZh) }
    }

    func testNoReportAndNoArea() {
        let noArea = assess([Commitment(kind: .taxPerMu, target: 1)], areaMu: 0).results[0]
        let rd = assess([Commitment(kind: .rdRatio, target: 0.03)], reports: [PerformanceReport(year: 2031, rdSpendYuan: 5)]).results[0]
        XCTAssertEqual(noArea.explanationZh, "亩均税收：截至 2031 年无报告数据（面积 0 亩，无法计算亩均值）→ 未达标（完成率 0）")
        XCTAssertEqual(rd.explanationZh, "研发投入占比：截至 2031 年无报告数据 → 未达标（完成率 0）")
        assertChinese(noArea.explanationZh)
        assertChinese(rd.explanationZh)
    }

    func testRuleForEachProposal() {
        let agreement: (Double) -> [Commitment] = { tax in [
            Commitment(kind: .investmentIntensity, target: 4_000_000, mandatory: true, weight: 30),
            Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2028-06-30"), direction: .byDate, mandatory: true, weight: 15),
            Commitment(kind: .taxPerMu, target: tax, measure: .averageLastYears, years: 3, mandatory: true, weight: 30),
            Commitment(kind: .outputPerMu, target: 8_000_000, weight: 15),
            Commitment(kind: .rdRatio, target: 0.03, measure: .cumulative, weight: 10),
        ] }
        // score 99.365… with all 3 mandatory met; 93.365… with the tax (3rd) missed
        let full = assess(agreement(200_000))
        let shortMissed = assess(agreement(250_000))
        // 50 + 25 = 75, first term 10, maximum 15
        let short = assess([Commitment(kind: .investmentIntensity, target: 4_500_000, weight: 50),
                            Commitment(kind: .taxPerMu, target: 440_000, weight: 50)], first: 10, max: 15)
        // (0.5 + 0.3) ÷ 2 = 40
        let reclaim = assess([Commitment(kind: .taxPerMu, target: 440_000), Commitment(kind: .jobs, target: 700)])
        let nearly = assess([Commitment(kind: .jobs, target: 210 / 0.8996, mandatory: true)])
        let none = assess([])
        let weightless = assess([Commitment(kind: .jobs, target: 700, mandatory: true, weight: 0)])
        let lenient = assess([Commitment(kind: .investmentIntensity, target: 4_000_000, weight: 1),
                              Commitment(kind: .taxPerMu, target: 250_000, mandatory: true, weight: 3)],
                             ruleset: AssessmentRuleset(ratioCap: 1.2, mandatoryRequiredForFull: false))
        let noMandatory = assess([Commitment(kind: .jobs, target: 200)])
        XCTAssertEqual(full.ruleZh, "加权得分 99.4 ≥ 90，且 3 项约束性指标全部达标 → 续期至总年限 30 年（N = 20）")
        XCTAssertEqual(shortMissed.ruleZh, "加权得分 93.4 ≥ 90，但约束性指标第 3 项（亩均税收）未达标；得分 ≥ 60 → 续期 10 年（总年限 20 年）")
        XCTAssertEqual(short.ruleZh, "加权得分 75.0 ≥ 60 但 < 90 → 续期 5 年（总年限 15 年）")
        XCTAssertEqual(reclaim.ruleZh, "加权得分 40.0 < 60 → 不予续期：首期 10 年届满时收回土地")
        XCTAssertEqual(nearly.ruleZh, "加权得分 89.96 ≥ 60 但 < 90 → 续期 10 年（总年限 20 年）")
        XCTAssertEqual(none.ruleZh, "无可评估的承诺指标 → 续期 10 年（总年限 20 年），待经办人员复核")
        XCTAssertEqual(weightless.ruleZh, "承诺指标均无权重（得分无意义），且约束性指标第 1 项（就业人数）未达标 → 不予续期：首期 10 年届满时收回土地")
        XCTAssertEqual(lenient.ruleZh,
                       "加权得分 94.1 ≥ 90（本规则集续期至最长年限不要求约束性指标全部达标；1 项约束性指标中 1 项未达标）→ 续期至总年限 30 年（N = 20）")
        XCTAssertEqual(noMandatory.ruleZh, "加权得分 100.0 ≥ 90（无约束性指标）→ 续期至总年限 30 年（N = 20）")
        for p in [full, shortMissed, short, reclaim, nearly, none, weightless, lenient, noMandatory] {
            assertChinese(p.ruleZh)
            XCTAssertEqual(p.rule(.zh), p.ruleZh)
            XCTAssertEqual(p.rule(.en), p.rule)
        }
    }

    func testEveryKindAndMeasureIsChinese() {
        for kind in CommitmentKind.allCases {
            for measure in CommitmentMeasure.allCases {
                for direction in [CommitmentDirection.atLeast, .atMost] {
                    let c = Commitment(kind: kind, label: kind == .custom ? "wastewater_t" : "", target: 10,
                                       targetDate: LocalDate(iso: "2030-01-01"), direction: kind == .productionStart ? .byDate : direction,
                                       measure: measure, years: 5, mandatory: true)
                    for areaMu in [100.0, 0] {
                        let p = assess([c], areaMu: areaMu)
                        assertChinese(p.results[0].explanationZh, label: "wastewater_t")
                        assertChinese(p.ruleZh)
                    }
                }
            }
        }
    }

    func testStoredJSONWithoutChineseStillDecodesAndFallsBackToEnglish() throws {
        // given a proposal encoded before the Chinese texts existed
        var old = assess([Commitment(kind: .jobs, target: 700)])
        old.ruleZh = nil
        old.results[0].explanationZh = nil
        let json = try JSONEncoder().encode(old)
        XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("Zh"))
        // when
        let decoded = try JSONDecoder().decode(AssessmentProposal.self, from: json)
        // then
        XCTAssertNil(decoded.ruleZh)
        XCTAssertEqual(decoded.rule(.zh), old.rule)
        XCTAssertEqual(decoded.results[0].explanation(.zh), old.results[0].explanation)
        // and a new one round-trips its Chinese
        let fresh = assess([Commitment(kind: .jobs, target: 700)])
        let again = try JSONDecoder().decode(AssessmentProposal.self, from: JSONEncoder().encode(fresh))
        XCTAssertEqual(again, fresh)
        XCTAssertNotNil(again.ruleZh)
    }

    func testLeaseAlertMessagesAreChinese() {
        var alerts: [LeaseAlert] = [
            .windowOpening(opensOn: LocalDate(iso: "2033-03-01")!, firstTermEnd: LocalDate(iso: "2034-03-01")!),
            .productionOverdue(committedBy: LocalDate(iso: "2026-06-30")!),
        ]
        for (i, kind) in CommitmentKind.allCases.enumerated() {
            alerts.append(.projectedMiss(commitmentIndex: i, kind: kind, projected: 385_000, target: 400_000))
        }
        for a in alerts { assertChinese(a.message(.zh)) }
        XCTAssertEqual(alerts[3].message(.zh), "第 2 项承诺（投资强度）按趋势预计首期届满时为 385,000元/亩，目标 400,000元/亩")
    }
}
