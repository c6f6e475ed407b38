import ParkDomain
import XCTest

/// Conditions in words, generated from the syntax tree, for the built-in policies and for
/// each form the wording knows.
final class PolicyWordingTests: XCTestCase {
    func words(_ condition: String, lets: String = "") throws -> [(words: Bilingual, code: String)] {
        let source = """
        policy wording_test
        title "测试" / "Test"
        department "园区" / "Park"
        legal_reference "none"
        valid 2024-01-01
        without_application false
        parameter minimum_tax "年纳税门槛" / "Minimum yearly tax":
          from 2024-01-01: 1000万元
        \(lets)
        eligible when \(condition)
        """
        return try Policy.parse(source).conditionTexts
    }

    func testEachConditionOfAConjunctionIsASentenceInBothLanguages() throws {
        // when
        let c = try words(#"permu_grade != "D" and utilised_fdi_usd >= 10000000 US$ and regional_hq and tax >= minimum_tax"#)
        // then
        XCTAssertEqual(c.map(\.words.en), [
            "Per-mu grade is not D",
            "Newly utilised foreign investment is at least US$10 M",
            "Regional headquarters: yes",
            "Tax paid is at least Minimum yearly tax",
        ])
        XCTAssertEqual(c.map(\.words.zh), [
            "亩均评价等级不为 D 类",
            "新增实际使用外资不低于 1,000万美元",
            "地区总部：是",
            "税收不低于年纳税门槛",
        ])
        XCTAssertEqual(c[0].code, #"permu_grade != "D""#, "the code stays with the words")
    }

    func testMembershipListsAndCodesAreNamed() throws {
        let c = try words(#"ownership in ["foreign", "joint_venture", "hmt"] and "high_tech" in certifications and not listed"#)
        XCTAssertEqual(c.map(\.words.en), [
            "Ownership is Foreign, Joint venture or Hong Kong/Macao/Taiwan",
            "Certifications include High-tech enterprise",
            "Listed: no",
        ])
        XCTAssertEqual(c.map(\.words.zh), ["企业性质为外资、合资或港澳台资", "资质认定包含高新技术企业", "上市企业：否"])
    }

    func testATopLevelOrIsOneConditionAndFunctionsAreWorded() throws {
        let c = try words(#"("srdi" in certifications or "srdi_little_giant" in certifications) and years_since(founded_on) >= 3"#)
        XCTAssertEqual(c.map(\.words.en), [
            #"Certifications include Specialised, refined, distinctive and novel (SRDI) SME or Certifications include SRDI "little giant""#,
            "The whole years since the founding date is at least 3",
        ])
        XCTAssertEqual(c[1].words.zh, "自成立日期起的整年数不低于 3")
        // inside a conjunction, an or is bracketed
        let nested = try words(#"not (listed or regional_hq)"#)
        XCTAssertEqual(nested.map(\.words.en), ["Not (Listed: yes or Regional headquarters: yes)"])
    }

    func testEveryBuiltInConditionHasWordsWithoutCode() throws {
        for policy in try PolicyLibrary.builtInPolicies() {
            for c in policy.conditionTexts {
                for text in [c.words.zh, c.words.en] {
                    XCTAssertNil(text.range(of: #"[a-z]+_[a-z]+|[!<>=]=|\bin \["#, options: .regularExpression),
                                 "\(policy.id): '\(text)' still reads as code (\(c.code))")
                }
            }
        }
    }
}
