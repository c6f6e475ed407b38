import XCTest
@testable import ParkDomain

final class PolicyTestRunnerTests: XCTestCase {
    func testParsesCasesWithFactsOfEveryKind() throws {
        let file = try PolicyTestRunner.parse("""
        policy sip_srdi_award
        as_of 2025-03-31
        # a comment
        case "every kind"
        as_of 2024-01-02
        given certifications = ["srdi", "high_tech"]
        given permu_grade = "A"    # trailing comment
        given founded_on = 2015-05-20
        given above_designated_size = true
        given employees = 120
        given land_mu = 3.5 mu
        given revenue = 1.2亿元
        given tax = missing
        expect eligible 150万元 missing rd_spend, tax
        """)
        XCTAssertEqual(file.policyId, "sip_srdi_award")
        let c = try XCTUnwrap(file.cases.first)
        XCTAssertEqual(c.asOf, LocalDate(year: 2024, month: 1, day: 2))
        XCTAssertEqual(c.facts["employees"], .count(120))
        XCTAssertEqual(c.facts["land_mu"], .quantity(micro: 3_500_000))
        XCTAssertEqual(c.facts["revenue"], .yuan(120_000_000))
        XCTAssertNil(c.facts["tax"])
        XCTAssertEqual(c.expectedAmountFen, 150_000_000)
        XCTAssertEqual(c.expectedMissing, ["rd_spend", "tax"])
    }

    func testReportsFailuresWithTheCaseLine() throws {
        let policies = try PolicyLibrary.builtInPolicies()
        let results = PolicyTestRunner.run("""
        policy sip_land_price_incentive_a
        as_of 2025-05-01

        case "wrong amount"
        given permu_grade = "A"
        given lease_state = "active"
        given land_mu = 10 mu
        expect eligible 31万元

        case "wrong status and missing"
        given permu_grade = "A"
        expect not_eligible

        case "right"
        given permu_grade = "C"
        expect not_eligible
        """, policies: policies)
        XCTAssertEqual(results.map(\.passed), [false, false, true])
        XCTAssertEqual(results.map(\.line), [4, 10, 14])
        XCTAssertEqual(results[0].message.en, "expected amount 310,000.00 yuan, got 300,000.00 yuan")
        XCTAssertTrue(results[1].message.en.contains("expected Not eligible, got Undetermined"), results[1].message.en)
        XCTAssertTrue(results[1].message.en.contains("got [lease_state, land_mu]"), results[1].message.en)
        XCTAssertTrue(results[1].message.zh.contains("实际为“待定（缺少数据）”"), results[1].message.zh)
    }

    func testRunsADirectoryOrTheBuiltIns() {
        // given no files: the shipped packages, all passing
        let builtIn = PolicyTestRunner.run(files: [])
        XCTAssertGreaterThan(builtIn.count, 30)
        XCTAssertTrue(builtIn.allSatisfy(\.passed))
        // given a directory with a broken policy and a test for it
        let results = PolicyTestRunner.run(files: [
            ("broken.policy", "policy broken\ntitle \"a\" / \"b\"\nvalid 2024-01-01\neligible when revenue >"),
            ("broken.tests", "policy broken\nas_of 2025-01-01\ncase \"x\"\nexpect not_eligible"),
        ])
        XCTAssertEqual(results.map(\.name), ["(parse)", "(file)"])
        XCTAssertEqual(results[0].line, 4)
        XCTAssertEqual(results.map(\.passed), [false, false])
    }

    func testFileErrors() throws {
        let policies = try PolicyLibrary.builtInPolicies()
        XCTAssertThrowsError(try PolicyTestRunner.parse("policy x\ncase \"a\"\n")) { XCTAssertEqual(($0 as? PolicyDiagnostic)?.line, 2) }
        XCTAssertThrowsError(try PolicyTestRunner.parse("policy x\nas_of 2025-01-01\ncase \"a\"\ngiven revenue = 100\nexpect eligible")) {
            let d = $0 as? PolicyDiagnostic
            XCTAssertEqual(d?.line, 4); XCTAssertTrue(d?.message.en.contains("write the unit") ?? false)
        }
        XCTAssertThrowsError(try PolicyTestRunner.parse("policy x\nas_of 2025-01-01\ncase \"a\"\ngiven nonsense = 1\nexpect eligible"))
        XCTAssertThrowsError(try PolicyTestRunner.parse("policy x\nas_of 2025-01-01\ncase \"a\"\ngiven permu_grade = \"A\"\n"))
        let unknown = PolicyTestRunner.run("policy nope\nas_of 2025-01-01\ncase \"a\"\nexpect eligible", policies: policies)
        XCTAssertEqual(unknown.first?.passed, false)
        XCTAssertEqual(unknown.first?.message.en, "policy nope was not found")
    }
}
