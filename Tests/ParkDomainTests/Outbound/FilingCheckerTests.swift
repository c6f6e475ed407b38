import Foundation
import ParkDomain
import XCTest

final class FilingCheckerTests: XCTestCase {
    let rules = FilingRuleSet.standard2018
    let day = LocalDate(iso: "2025-03-01")!

    func input(_ usdCents: Int64, country: String = "DE", industry: String = "36", activities: [SensitiveActivity] = [],
               date: LocalDate? = nil) -> FilingInput {
        FilingInput(countryCode: country, industryCode: industry, activities: activities, form: .acquisition, usdCents: usdCents, date: date ?? day)
    }

    func authorities(_ check: FilingCheck) -> [FilingKind: FilingAuthority] {
        Dictionary(uniqueKeysWithValues: check.requirements.map { ($0.kind, $0.authority) })
    }

    func testJustBelowUS100MillionIsFiledWithTheCityAndTheProvincialNDRC() {
        // given US$99,999,999.99
        let check = FilingChecker.check(input(99_999_999_99), rules: rules)
        // then
        XCTAssertFalse(check.sensitive)
        XCTAssertEqual(authorities(check), [.ndrcFiling: .ndrcProvincial, .mofcomFiling: .cityCommerce, .bankRegistration: .bank])
    }

    func testExactlyUS100MillionGoesToTheProvince() {
        // given exactly US$100,000,000.00: "< 100 M city, 100–300 M province"
        let check = FilingChecker.check(input(100_000_000_00), rules: rules)
        // then
        XCTAssertEqual(authorities(check), [.ndrcFiling: .ndrcProvincial, .mofcomFiling: .provincialCommerce, .bankRegistration: .bank])
        XCTAssertTrue(check.requirements[1].reasons.contains { $0.en.contains("US$100 M is from US$100 M to US$300 M") }, "\(check.requirements[1].reasons)")
    }

    func testExactlyUS300MillionIsNationalAtTheNDRCButProvincialForCommerce() {
        // given exactly US$300 M: NDRC national "at US$300 M or more"; commerce province "100–300 M", MOFCOM only "> 300 M"
        let check = FilingChecker.check(input(300_000_000_00), rules: rules)
        // then
        XCTAssertEqual(authorities(check), [.ndrcFiling: .ndrcNational, .mofcomFiling: .provincialCommerce, .bankRegistration: .bank])
        XCTAssertEqual(check.requirements[0].clockWorkingDays, 7)
        XCTAssertTrue(check.requirements[0].reasons[0].en.hasPrefix("the Chinese investment of US$300 M is at least US$300 M"), check.requirements[0].reasons[0].en)
        XCTAssertTrue(check.requirements[0].reasons[0].zh.hasPrefix("中方投资额 3 亿美元 ≥ 3 亿美元"), check.requirements[0].reasons[0].zh)
    }

    func testOneCentEitherSideOfUS300Million() {
        // given US$299,999,999.99 and US$300,000,000.01
        let below = FilingChecker.check(input(299_999_999_99), rules: rules)
        let above = FilingChecker.check(input(300_000_000_01), rules: rules)
        // then
        XCTAssertEqual(authorities(below)[.ndrcFiling], .ndrcProvincial)
        XCTAssertEqual(authorities(below)[.mofcomFiling], .provincialCommerce)
        XCTAssertEqual(authorities(above)[.ndrcFiling], .ndrcNational)
        XCTAssertEqual(authorities(above)[.mofcomFiling], .mofcom)
        XCTAssertEqual(above.requirements[1].clockWorkingDays, 3)
    }

    func testASensitiveCountryNeedsApprovalOnBothSides() {
        // given a small project in North Korea (UN sanctions)
        let check = FilingChecker.check(input(1_000_000_00, country: "KP"), rules: rules)
        // then
        XCTAssertTrue(check.sensitive)
        XCTAssertEqual(authorities(check), [.ndrcApproval: .ndrcNational, .mofcomApproval: .mofcom, .bankRegistration: .bank])
        XCTAssertEqual(check.requirements[0].clockWorkingDays, 20)
        XCTAssertTrue(check.sensitivity[0].en.contains("sanctions"), check.sensitivity[0].en)
        XCTAssertEqual(check.plan, FilingPlan(sensitive: true, ndrcNational: true, commerce: .national))
    }

    func testRealEstateIsSensitiveOnlyFromMarch2018() {
        // given a real-estate project (division 70) agreed the day before and the day the 2018 catalogue took effect
        let before = FilingChecker.check(input(5_000_000_00, industry: "70", date: LocalDate(iso: "2018-02-28")!), rules: rules)
        let after = FilingChecker.check(input(5_000_000_00, industry: "70", date: LocalDate(iso: "2018-03-01")!), rules: rules)
        // then
        XCTAssertFalse(before.sensitive)
        XCTAssertTrue(after.sensitive)
        XCTAssertEqual(after.sensitivity.map(\.en), ["the project is in a sensitive industry: real estate"])
    }

    func testDeclaredWeaponsWorkIsSensitiveWhateverTheDate() {
        let check = FilingChecker.check(input(1_00, industry: "36", activities: [.weapons], date: LocalDate(iso: "2016-01-01")!), rules: rules)
        XCTAssertTrue(check.sensitive)
    }

    func testDocumentsFollowTheForm() {
        // given a greenfield and an acquisition of the same size
        var g = input(10_000_000_00); g.form = .greenfield
        let greenfield = FilingChecker.check(g, rules: rules)
        let acquisition = FilingChecker.check(input(10_000_000_00), rules: rules)
        // then the acquisition's NDRC filing also asks for the deal documents
        XCTAssertEqual(greenfield.requirements[0].documents.count + 1, acquisition.requirements[0].documents.count)
        XCTAssertTrue(acquisition.requirements[0].documents.contains { $0.code == "deal_documents" })
    }

    func testTheColumnarTwinAgreesWithTheCheckerOn5000RandomProjects() {
        // given
        var rng = SeededGenerator(seed: 14)
        let countries = ["DE", "US", "KP", "SY", "VN", "BZ", "SG"], divisions = ["36", "70", "61", "90", "86", "27", "89"]
        let edges: [Int64] = [99_999_999_99, 100_000_000_00, 100_000_000_01, 299_999_999_99, 300_000_000_00, 300_000_000_01]
        var inputs: [FilingInput] = []
        var columns = FilingColumns()
        for _ in 0..<5000 {
            let usd: Int64 = rng.chance(30) ? rng.pick(edges) : Int64(rng.int(in: 1...600_000)) * 100_000
            let acts = SensitiveActivity.allCases.filter { _ in rng.chance(3) }
            let d = LocalDate(iso: "2017-06-01")!.adding(days: rng.below(800))
            let i = input(usd, country: rng.pick(countries), industry: rng.pick(divisions), activities: acts, date: d)
            inputs.append(i); columns.append(i)
        }
        // when
        let plans = columns.plans(rules: rules)
        // then
        for (i, x) in inputs.enumerated() {
            XCTAssertEqual(FilingPlan(code: plans[i]), FilingChecker.check(x, rules: rules).plan, "\(x)")
        }
    }

    func testUSDFiguresReadAsOfficialsWriteThem() {
        XCTAssertEqual(FilingText.usd(300_000_000_00), Bilingual(zh: "3 亿美元", en: "US$300 M"))
        XCTAssertEqual(FilingText.usd(150_000_000_00), Bilingual(zh: "15,000 万美元", en: "US$150 M"))
        XCTAssertEqual(FilingText.usd(99_999_999_99), Bilingual(zh: "99,999,999.99 美元", en: "US$99,999,999.99"))
    }

    func testRuleSetsAreCheckedBeforeTheyArePublished() {
        var bad = rules
        bad.commerceProvinceMinUSDCents = 400_000_000_00
        XCTAssertThrowsError(try bad.validate(countries: Set(Country.all.map(\.alpha2)), industries: Set(IndustryClassification.divisions.map(\.code)))) {
            XCTAssertEqual(($0 as? DomainError)?.field, "commerce_province_min_usd")
        }
        XCTAssertNoThrow(try rules.validate(countries: Set(Country.all.map(\.alpha2)), industries: Set(IndustryClassification.divisions.map(\.code))))
    }
}
