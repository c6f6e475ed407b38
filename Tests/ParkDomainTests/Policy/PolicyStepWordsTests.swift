import Foundation
import ParkDomain
import XCTest

/// Amounts in words (scaled, unit-named, exact) and the amount's steps as sentences for the
/// built-in policies: no step reads as the policy language.
final class PolicyStepWordsTests: XCTestCase {
    let day = LocalDate(year: 2025, month: 9, day: 30)!

    func testAmountsAreScaledAndUnitNamedWithoutLosingDigits() {
        let micro = PolicyFixed.one
        func w(_ units: Int64, _ t: PolicyType) -> Bilingual { PolicyAmountWords.words(units * micro, t) }
        XCTAssertEqual(w(10_000_000, .money(.usd)), Bilingual(zh: "1,000万美元", en: "US$10 M"))
        XCTAssertEqual(w(150_000_000, .money(.cny)), Bilingual(zh: "1.50亿元", en: "150 M yuan"))
        XCTAssertEqual(w(2_500_000_000, .money(.cny)), Bilingual(zh: "25亿元", en: "2.50 bn yuan"))
        XCTAssertEqual(w(5_000, .money(.usd)), Bilingual(zh: "5,000美元", en: "US$5,000"))
        XCTAssertEqual(w(-100_000, .money(.cny)), Bilingual(zh: "−10万元", en: "−100,000 yuan"))
        // 1,234.50 yuan stays exact; 12,345.678 yuan is not a whole number of 0.000001 万 (kept exact)
        XCTAssertEqual(PolicyAmountWords.words(1_234_500_000, .money(.cny)), Bilingual(zh: "1,234.50元", en: "1,234.50 yuan"))
        XCTAssertEqual(PolicyAmountWords.words(12_345_678_000, .money(.cny)), Bilingual(zh: "12,345.678元", en: "12,345.678 yuan"))
        XCTAssertEqual(PolicyAmountWords.words(70_000, .rate(.cny, .usd)), Bilingual(zh: "0.07元/美元", en: "0.07 yuan per US$"))
        XCTAssertEqual(w(300_000, .rate(.cny, .mu)), Bilingual(zh: "30万元/亩", en: "300,000 yuan per mu"))
        XCTAssertEqual(PolicyAmountWords.words(1, .bool), Bilingual(zh: "是", en: "yes"))
    }

    func testFDIAwardStepsReadAsSentences() throws {
        // US$30 M × 0.07 yuan/US$ × 120% = 2,520,000 yuan, below the 1000万 cap
        let p = try Policy.parse(PolicyLibrary.foreignInvestmentAward.source)
        let e = try p.explain(PolicyFacts(["ownership": .code("joint_venture"), "utilised_fdi_usd": .quantity(micro: 30_000_000 * PolicyFixed.one),
                                           "fortune500": .bool(true)]), asOf: day)
        XCTAssertEqual(e.outcome.amountFen, 252_000_000)
        XCTAssertEqual(e.conditions[1].words.zh, "新增实际使用外资不低于 1,000万美元")
        // every step, the rate × base first: US$30 M × 0.07 = 2,100,000 yuan; × 120% = 2,520,000
        XCTAssertEqual(e.steps.map(\.en), [
            "Newly utilised foreign investment US$30 M × Award per US$ 0.07 yuan per US$ = 2.10 M yuan",
            "Uplift: 120% if Fortune Global 500 parent, otherwise 100% = 120%",
            "2.10 M yuan × Uplift 120% = 2.52 M yuan",
            "The smaller of 2.52 M yuan and 10 M yuan: 2.52 M yuan",
            "2.52 M yuan rounded down to 1 yuan: 2.52 M yuan",
            "Amount: 2.52 M yuan",
        ])
        XCTAssertEqual(e.steps.map(\.zh), [
            "新增实际使用外资 3,000万美元 × 每美元奖励 0.07元/美元 = 210万元",
            "上浮比例：为世界500强投资时取 120%，否则取 100% = 120%",
            "210万元 × 上浮比例 120% = 252万元",
            "252万元与1,000万元中的较小者：252万元",
            "252万元 按 1元舍去：252万元",
            "金额：252万元",
        ])
    }

    func testDecisionTableRowsAreWorded() throws {
        // a global HQ with 62亿 revenue: the first row (global, ≥ 50亿) gives 2000万
        let p = try Policy.parse(PolicyLibrary.regionalHeadquartersAward.source)
        let e = try p.explain(PolicyFacts(["regional_hq": .bool(true), "hq_tier": .code("global"),
                                           "revenue": .yuan(6_200_000_000), "tax": .yuan(300_000_000)]), asOf: day)
        XCTAssertEqual(e.outcome.amountFen, 2_000_000_000)
        XCTAssertEqual(e.steps.first?.en, "Row 1 of the table applies (Headquarters tier is Global headquarters and Revenue is at least 5 bn yuan): 20 M yuan")
        XCTAssertEqual(e.steps.first?.zh, "决策表第 1 行适用（总部类型为跨国公司全球总部，且营业收入不低于 50亿元）：2,000万元")
    }

    func testNoBuiltInStepReadsAsCode() throws {
        let facts = PolicyFacts(["ownership": .code("foreign"), "utilised_fdi_usd": .quantity(micro: 30_000_000 * PolicyFixed.one), "fortune500": .bool(false),
                                 "regional_hq": .bool(true), "hq_tier": .code("china"), "revenue": .yuan(2_500_000_000), "tax": .yuan(50_000_000),
                                 "certifications": .codes(["high_tech", "srdi"]), "above_designated_size": .bool(true), "rd_spend": .yuan(8_000_000),
                                 "permu_grade": .code("D"), "permu_d_years": .quantity(micro: 2 * PolicyFixed.one), "electricity_kwh": .quantity(micro: 1_000_000 * PolicyFixed.one),
                                 "land_mu": .quantity(micro: 50 * PolicyFixed.one)])
        var seen = 0
        for policy in try PolicyLibrary.builtInPolicies() {
            for s in try policy.explain(facts, asOf: day).steps {
                seen += 1
                for text in [s.zh, s.en] {
                    XCTAssertNil(text.range(of: #"[a-z]+_[a-z]+|[!<>=]=|\bin \[|\bround\(|\bmin\(|\bif \w+ then|US\$$| yuan/"#, options: .regularExpression),
                                 "\(policy.id): '\(text)' reads as code")
                }
            }
        }
        XCTAssertGreaterThan(seen, 5)
    }
}
