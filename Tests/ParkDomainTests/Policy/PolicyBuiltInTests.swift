import XCTest
@testable import ParkDomain

final class PolicyBuiltInTests: XCTestCase {
    func testEveryBuiltInPolicyParsesWithoutWarnings() throws {
        // given the shipped policies
        for p in PolicyLibrary.builtIn {
            // when
            let policy: Policy
            do { policy = try Policy.parse(p.source) } catch { XCTFail("\(p.id): \(error)"); continue }
            // then
            XCTAssertEqual(policy.id, p.id)
            XCTAssertEqual(policy.warnings, [], p.id)
            XCTAssertFalse(policy.header.title.zh.isEmpty || policy.header.title.en.isEmpty)
        }
        XCTAssertGreaterThanOrEqual(PolicyLibrary.builtIn.count, 5)
    }

    func testEveryBuiltInPolicyPassesItsShippedTests() throws {
        let policies = try PolicyLibrary.builtInPolicies()
        var total = 0
        for p in PolicyLibrary.builtIn {
            let results = PolicyTestRunner.run(p.tests, policies: policies)
            XCTAssertGreaterThanOrEqual(results.count, 5, p.id)
            for r in results where !r.passed { XCTFail("\(p.id) line \(r.line) \(r.name): \(r.message.en)") }
            total += results.count
        }
        XCTAssertGreaterThan(total, 30)
    }

    func testSourceDigestIdentifiesTheVersion() throws {
        let a = try Policy.parse(PolicyLibrary.rdExpenseSubsidy.source)
        let b = try Policy.parse(PolicyLibrary.rdExpenseSubsidy.source.replacingOccurrences(of: "300万元", with: "310万元"))
        XCTAssertEqual(a.sourceDigest.count, 16)
        XCTAssertEqual(a.sourceDigest, try Policy.parse(PolicyLibrary.rdExpenseSubsidy.source).sourceDigest)
        XCTAssertNotEqual(a.sourceDigest, b.sourceDigest)
    }

    func testFactCatalogueRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(PolicyFactCatalogue.builtIn.facts)
        let back = try JSONDecoder().decode([PolicyFact].self, from: data)
        XCTAssertEqual(back, PolicyFactCatalogue.builtIn.facts)
        XCTAssertEqual(PolicyFact.parseType("rate(yuan/mu)"), .rate(.cny, .mu))
        XCTAssertNil(PolicyFact.parseType("money(eur)"))
        // the store can add a fact
        let more = PolicyFactCatalogue.builtIn.adding(PolicyFact("patents", .count, zh: "专利数", en: "Patents", source: .yearly))
        XCTAssertNoThrow(try Policy.parse("policy p\ntitle \"a\" / \"b\"\nvalid 2024-01-01\neligible when patents >= 10", catalogue: more))
    }

    func testPackagesWriteAsPolicyAndTestsFiles() {
        let files = PolicyLibrary.rdExpenseSubsidy.files
        XCTAssertEqual(files.map(\.name), ["sip_rd_expense_subsidy.policy", "sip_rd_expense_subsidy.tests"])
        XCTAssertTrue(files[1].contents.hasPrefix("policy sip_rd_expense_subsidy"))
    }
}
