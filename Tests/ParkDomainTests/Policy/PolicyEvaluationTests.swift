import XCTest
@testable import ParkDomain

/// Three-valued evaluation, exact arithmetic and rounding, scales, tables and explanations.
final class PolicyEvaluationTests: XCTestCase {
    let day = LocalDate(year: 2025, month: 6, day: 30)!

    func policy(_ body: String, valid: String = "valid 2024-01-01") throws -> Policy {
        try Policy.parse("policy t\ntitle \"测试\" / \"Test\"\n\(valid)\n" + body)
    }

    func testKleeneAndOrListOnlyTheDecidingFacts() throws {
        let and = try policy("eligible when regional_hq and rd_centre")
        // false and unknown = false: nothing is missing
        XCTAssertEqual(try and.evaluate(PolicyFacts(["regional_hq": .bool(false)]), asOf: day),
                       PolicyOutcome(status: .notEligible, amountFen: nil, missingFacts: []))
        // true and unknown = unknown: only the unknown fact is needed
        XCTAssertEqual(try and.evaluate(PolicyFacts(["regional_hq": .bool(true)]), asOf: day),
                       PolicyOutcome(status: .undetermined, amountFen: nil, missingFacts: ["rd_centre"]))
        XCTAssertEqual(try and.evaluate(PolicyFacts(), asOf: day).missingFacts, ["regional_hq", "rd_centre"])
        let or = try policy("eligible when regional_hq or rd_centre")
        // true or unknown = true
        XCTAssertEqual(try or.evaluate(PolicyFacts(["rd_centre": .bool(true)]), asOf: day).status, .eligible)
        XCTAssertEqual(try or.evaluate(PolicyFacts(["rd_centre": .bool(false)]), asOf: day),
                       PolicyOutcome(status: .undetermined, amountFen: nil, missingFacts: ["regional_hq"]))
        let not = try policy("eligible when not listed")
        XCTAssertEqual(try not.evaluate(PolicyFacts(), asOf: day).missingFacts, ["listed"])
    }

    func testAMissingFactIsNeverZero() throws {
        // revenue < 1亿元 would hold for a zero; a missing revenue leaves the answer open
        let p = try policy("eligible when revenue < 1亿元\namount = 10万元")
        XCTAssertEqual(try p.evaluate(PolicyFacts(), asOf: day).status, .undetermined)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["revenue": .yuan(0)]), asOf: day).amountFen, 10_000_000)
    }

    func testAmountUndeterminedListsItsFacts() throws {
        let p = try policy("eligible when regional_hq\namount = max(tax * 10%, land_mu * 1万元/mu)")
        let o = try p.evaluate(PolicyFacts(["regional_hq": .bool(true), "tax": .yuan(100)]), asOf: day)
        XCTAssertEqual(o, PolicyOutcome(status: .eligible, amountFen: nil, missingFacts: ["land_mu"]))
    }

    func testMarginalScaleBracketByBracket() throws {
        // 500万 × 10% + 1500万 × 8% + 1000万 × 5% = 50万 + 120万 + 50万 = 220万
        let p = try policy("eligible when true\namount = scale marginal rd_spend { up to 500万元: 10%; up to 2000万元: 8%; above: 5% }")
        XCTAssertEqual(try p.evaluate(PolicyFacts(["rd_spend": .yuan(30_000_000)]), asOf: day).amountFen, 220_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["rd_spend": .yuan(5_000_000)]), asOf: day).amountFen, 50_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["rd_spend": .yuan(-5)]), asOf: day).amountFen, 0)
        // 0.03 yuan × 10% = 0.003 yuan: exact to the micro-unit, then half up to the fen = 0
        XCTAssertEqual(try p.evaluate(PolicyFacts(["rd_spend": .fen(3)]), asOf: day).amountFen, 0)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["rd_spend": .fen(5)]), asOf: day).amountFen, 1)
        // without `above`, the part past the last threshold earns nothing
        let capped = try policy("eligible when true\namount = scale marginal rd_spend { up to 100 yuan: 50% }")
        XCTAssertEqual(try capped.evaluate(PolicyFacts(["rd_spend": .yuan(1_000)]), asOf: day).amountFen, 5_000)
    }

    func testSingleAmountScaleIncludesItsUpperBound() throws {
        let p = try policy("eligible when true\namount = scale single employees { up to 100: 10万元; up to 500: 30万元; above: 50万元 }")
        XCTAssertEqual(try p.evaluate(PolicyFacts(["employees": .count(100)]), asOf: day).amountFen, 10_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["employees": .count(101)]), asOf: day).amountFen, 30_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["employees": .count(501)]), asOf: day).amountFen, 50_000_000)
    }

    func testRoundingModesAndExactProducts() throws {
        // 1,234,567.89 × 3% = 37,037.0367 yuan
        for (mode, fen) in [("half_up", Int64(3_703_700)), ("down", 3_703_700), ("up", 3_703_800)] {
            let p = try policy("eligible when true\namount = round(revenue * 3%, 1 yuan, \(mode))")
            XCTAssertEqual(try p.evaluate(PolicyFacts(["revenue": .fen(123_456_789)]), asOf: day).amountFen, fen, mode)
        }
        // half away from zero on negatives: -2.50 → -3 yuan
        let neg = try policy("eligible when true\namount = round(-tax, 1 yuan)")
        XCTAssertEqual(try neg.evaluate(PolicyFacts(["tax": .fen(250)]), asOf: day).amountFen, -300)
        XCTAssertEqual(try neg.evaluate(PolicyFacts(["tax": .fen(249)]), asOf: day).amountFen, -200)
        // big products go through 128 bits: 9,000,000,000 yuan × 0.7 = 6,300,000,000 yuan
        let big = try policy("eligible when true\namount = revenue * 0.7")
        XCTAssertEqual(try big.evaluate(PolicyFacts(["revenue": .yuan(9_000_000_000)]), asOf: day).amountFen, 630_000_000_000)
        // money ÷ money is a number; ÷ 0 is 0
        let ratio = try policy("eligible when tax / revenue >= 10%")
        XCTAssertEqual(try ratio.evaluate(PolicyFacts(["tax": .yuan(10), "revenue": .yuan(100)]), asOf: day).status, .eligible)
        XCTAssertEqual(try ratio.evaluate(PolicyFacts(["tax": .yuan(10), "revenue": .yuan(0)]), asOf: day).status, .notEligible)
        XCTAssertEqual(PolicyFixed.multiply(1, 500_000), 1)          // 0.000001 × 0.5 = 0.0000005 → half up
        XCTAssertEqual(PolicyFixed.multiply(-1, 500_000), -1)
        XCTAssertEqual(PolicyFixed.divide(1_000_000, 3_000_000), 333_333)
        XCTAssertEqual(PolicyFixed.divide(2_000_000, 3_000_000), 666_667)
        XCTAssertEqual(PolicyFixed.fen(fromMicro: -15_000), -2)
        // a huge quotient saturates instead of trapping
        XCTAssertEqual(PolicyFixed.divide(4_000_000_000_000_000_000, 1), PolicyFixed.saturation)
        XCTAssertEqual(PolicyFixed.divide(-4_000_000_000_000_000_000, 3), -PolicyFixed.saturation)
        XCTAssertEqual(PolicyFixed.multiply(4_000_000_000_000_000_000, 4_000_000_000_000), PolicyFixed.saturation)
    }

    func testParametersTakeTheValueInEffect() throws {
        let p = try policy("""
        parameter award: from 2024-01-01: 10万元; from 2025-01-01 to 2025-06-30: 20万元; from 2025-07-01: 30万元
        eligible when true
        amount = award
        """)
        XCTAssertEqual(try p.evaluate(PolicyFacts(), asOf: LocalDate(year: 2024, month: 12, day: 31)!).amountFen, 10_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(), asOf: day).amountFen, 20_000_000)
        XCTAssertEqual(try p.evaluate(PolicyFacts(), asOf: LocalDate(year: 2025, month: 7, day: 1)!).amountFen, 30_000_000)
        XCTAssertThrowsError(try p.evaluate(PolicyFacts(), asOf: LocalDate(year: 2023, month: 12, day: 31)!))
    }

    func testDatesAndYearsSince() throws {
        let p = try policy("eligible when founded_on >= 2020-01-01 and years_since(founded_on) >= 3 and as_of < 2026-01-01")
        XCTAssertEqual(try p.evaluate(PolicyFacts(["founded_on": .date(LocalDate(year: 2022, month: 6, day: 30)!)]), asOf: day).status, .eligible)
        XCTAssertEqual(try p.evaluate(PolicyFacts(["founded_on": .date(LocalDate(year: 2022, month: 7, day: 1)!)]), asOf: day).status, .notEligible)
    }

    func testTableHitPolicies() throws {
        let first = try policy("""
        eligible when true
        amount = table first (employees) { >= 100 -> 1 yuan; >= 10 -> 2 yuan; else -> 3 yuan; }
        """)
        XCTAssertEqual(try first.evaluate(PolicyFacts(["employees": .count(500)]), asOf: day).amountFen, 100)
        XCTAssertEqual(try first.evaluate(PolicyFacts(["employees": .count(50)]), asOf: day).amountFen, 200)
        XCTAssertEqual(try first.evaluate(PolicyFacts(["employees": .count(5)]), asOf: day).amountFen, 300)
        let sum = try policy("""
        eligible when true
        amount = table collect_sum (regional_hq, rd_centre) { true, _ -> 100 yuan; _, true -> 50 yuan; }
        """)
        XCTAssertEqual(try sum.evaluate(PolicyFacts(["regional_hq": .bool(true), "rd_centre": .bool(true)]), asOf: day).amountFen, 15_000)
        XCTAssertEqual(try sum.evaluate(PolicyFacts(["regional_hq": .bool(false), "rd_centre": .bool(false)]), asOf: day).amountFen, 0)
        XCTAssertEqual(try sum.evaluate(PolicyFacts(["regional_hq": .bool(true)]), asOf: day).missingFacts, ["rd_centre"])
    }

    func testExplanationShowsConditionsParametersAndBrackets() throws {
        // given the built-in R&D subsidy and an enterprise with 1200万 of R&D
        let p = try Policy.parse(PolicyLibrary.rdExpenseSubsidy.source)
        let facts = PolicyFacts(["certifications": .codes(["high_tech"]), "above_designated_size": .bool(true),
                                 "rd_spend": .yuan(12_000_000), "permu_grade": .code("B")])
        // when
        let e = try p.explain(facts, asOf: day)
        // then
        XCTAssertEqual(e.outcome.amountFen, 106_000_000)
        XCTAssertEqual(e.conditions.map(\.text), ["\"high_tech\" in certifications", "above_designated_size", "rd_spend >= minimum_rd", "permu_grade != \"D\""])
        XCTAssertEqual(e.conditions.map(\.result), [true, true, true, true])
        XCTAssertEqual(e.conditions[2].values.first?.value, "12,000,000.00 yuan")
        XCTAssertEqual(e.parameters.map(\.name), ["minimum_rd", "cap"])
        XCTAssertEqual(e.parameters[1].value, "4,000,000.00 yuan")
        XCTAssertEqual(e.parameters[1].effectiveFrom, LocalDate(year: 2025, month: 1, day: 1))
        let en = e.text(.en), zh = e.text(.zh)
        XCTAssertTrue(zh.contains("结论：符合，金额 1,060,000.00 yuan"), zh)
        // the steps as sentences, amounts scaled (1200万 = 500万 × 10% + 700万 × 8% = 50万 + 56万 = 106万)
        XCTAssertEqual(e.steps.map(\.en), [
            "R&D expenditure 12 M yuan, by marginal brackets:",
            "  The part from 0 yuan to 5 M yuan: 5 M yuan × 10% = 500,000 yuan",
            "  The part from 5 M yuan to 20 M yuan: 7 M yuan × 8% = 560,000 yuan",
            "  Total of the brackets: 1.06 M yuan",
            "Subsidy before the cap: R&D expenditure by marginal brackets = 1.06 M yuan",
            "The smaller of 1.06 M yuan and 4 M yuan: 1.06 M yuan",
            "1.06 M yuan rounded half up to 1 yuan: 1.06 M yuan",
            "Amount: 1.06 M yuan",
        ])
        XCTAssertEqual(e.steps.map(\.zh), [
            "研发费用 1,200万元，超额累进分档：",
            "  0元 至 500万元的部分：500万元 × 10% = 50万元",
            "  500万元 至 2,000万元的部分：700万元 × 8% = 56万元",
            "  分档合计：106万元",
            "封顶前补贴：研发费用按超额累进分档计算的结果 = 106万元",
            "106万元与400万元中的较小者：106万元",
            "106万元 按 1元四舍五入：106万元",
            "金额：106万元",
        ])
        XCTAssertEqual(e.conditions[2].values.first?.words, Bilingual(zh: "1,200万元", en: "12 M yuan"))
        XCTAssertEqual(e.parameters[1].words, Bilingual(zh: "400万元", en: "4 M yuan"))
        // an undetermined answer names the data to supply
        let open = try p.explain(PolicyFacts(["certifications": .codes(["high_tech"]), "above_designated_size": .bool(true)]), asOf: day)
        XCTAssertEqual(open.conditions.map(\.result), [true, true, nil, nil])
        XCTAssertTrue(open.text(.en).contains("Data needed: rd_spend, permu_grade"))
        XCTAssertTrue(open.text(.zh).contains("研发费用 rd_spend = 缺失"))
    }

    func testRegistryFactsFromAnEnterprise() throws {
        let e = Enterprise(creditCode: try CreditCode("914403001922038216"), nameZh: "测试", nameEn: "Test",
                           industryCode: "27", clusters: ["biomedicine"], ownership: .foreign, originCountry: "US",
                           fortune500Parent: "Pfizer", regionalHeadquarters: true, employees: 300)
        let f = PolicyFacts.registry(e)
        XCTAssertEqual(f["ownership"], .code("foreign"))
        XCTAssertEqual(f["fortune500"], .bool(true))
        XCTAssertEqual(f["employees"], .count(300))
        XCTAssertNil(f["founded_on"])
        let p = try Policy.parse(PolicyLibrary.foreignInvestmentAward.source)
        XCTAssertEqual(try p.evaluate(f, asOf: day).missingFacts, ["utilised_fdi_usd"])
    }
}
