import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor

/// Policies through the API: check, save, try, match, grants, payments; an enterprise's own answers and facts.
final class PolicyAPITests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, officer: String!, firm: String!

    /// 5 % of the data year's revenue for high-tech firms, without application, 1万元 budget by rank.
    static let source = """
    policy test_hightech_award
    title "高企奖励" / "High-tech award"
    department "科技局" / "Science bureau"
    legal_reference "test 2"
    valid 2024-01-01 to 2026-12-31
    budget 1万元
    without_application true
    budget_rule by_rank

    eligible when "high_tech" in certifications
    amount = round(revenue * 5%, 1 yuan, half_up)
    """

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio")
        for (e, code, offset, revenue) in [(a!, "P-A", 0.0, Int64(120_000)), (b!, "P-B", 0.01, Int64(100_000))] {
            let (_, lease) = try await seedLease(e, code: code, offset: offset, state: .inProduction)
            _ = try await ReportRepository(db: app.db).submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, revenueYuan: revenue),
                                                              reason: "", by: system)
        }
        try await EnterpriseFactRepository(db: app.db).set(enterprise: b.id!, fact: "certifications", year: nil, text: "high_tech", by: system)
        try await seedUser("econ", role: .officer, department: "econ")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
        officer = try await token("econ")
        firm = try await token("firm-a")
    }

    struct Diagnostic: Decodable { var severity: String; var line: Int; var column: Int; var code: String }
    struct Answer: Decodable { var policyId: String; var status: String; var amountYuan: String?; var missingFacts: [String] }
    struct Run: Decodable { var id: String; var eligible: Int }
    struct Grant: Decodable { var id: String; var enterpriseId: String; var entitledYuan: String; var proposedYuan: String; var state: String }

    func json(_ source: String) -> String { String(decoding: try! JSONEncoder().encode(["source": source]), as: UTF8.self) }

    func testOfficerWritesMatchesAndPaysEnterpriseSeesItsOwn() async throws {
        // check: an unknown fact is reported at its line and column; saving it is refused
        let broken = Self.source.replacingOccurrences(of: "in certifications", with: "in certificates")
        let checked = try decode([Diagnostic].self, try await send(.POST, "/api/v1/policies/check", token: officer, json: json(broken)))
        XCTAssertEqual(checked.first?.severity, "error")
        XCTAssertEqual(checked.first?.line, 10)
        let refused = try await send(.POST, "/api/v1/policies", token: officer, json: json(broken))
        XCTAssertEqual(refused.status, .badRequest)
        XCTAssertEqual(try problem(refused).field?.hasPrefix("10:"), true)
        let saved = try await send(.POST, "/api/v1/policies", token: officer, json: json(Self.source))
        XCTAssertEqual(saved.status, .created, saved.body.string)

        // try on B (high-tech, revenue 100,000 yuan in 2024) as of 2025-06-01: 5,000 yuan
        let tried = try await send(.POST, "/api/v1/policies/test_hightech_award/try", token: officer,
                                   json: #"{"enterprise_id":"\#(b.id!.uuidString)","as_of":"2025-06-01"}"#)
        let answer = try decode(Answer.self, tried)
        XCTAssertEqual(answer.status, "eligible")
        XCTAssertEqual(answer.amountYuan, "5000.00")

        // match: A has no certifications recorded → not eligible (a code list is present but empty? no: missing → undetermined)
        let ran = try await send(.POST, "/api/v1/policy-runs", token: officer, json: #"{"as_of":"2025-06-01","policy_id":"test_hightech_award"}"#)
        XCTAssertEqual(ran.status, .created, ran.body.string)
        let run = try decode(Run.self, ran)
        XCTAssertEqual(run.eligible, 1)
        let grants = try decode([Grant].self, try await send(.GET, "/api/v1/policy-runs/\(run.id)/grants", token: officer))
        XCTAssertEqual(grants.map(\.entitledYuan), ["5000.00"])
        XCTAssertEqual(grants.map(\.proposedYuan), ["5000.00"])   // within the 1万元 budget
        let decided = try await send(.POST, "/api/v1/policy-runs/\(run.id)/grants/decide", token: officer,
                                     json: #"{"confirm":true,"policy_id":"test_hightech_award"}"#)
        XCTAssertEqual(decided.status, .ok, decided.body.string)
        let csv = try await send(.GET, "/api/v1/policy-runs/\(run.id)/payments", token: officer)
        XCTAssertTrue(csv.body.string.contains(",test_hightech_award,5000.00,econ"), csv.body.string)

        // the enterprise: its own answers (certifications missing → undetermined, asking for them), not B's
        let own = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/policies?as_of=2025-06-01", token: firm)
        XCTAssertEqual(own.status, .ok, own.body.string)
        let mine = try decode([Answer].self, own).first { $0.policyId == "test_hightech_award" }
        XCTAssertEqual(mine?.status, "undetermined")
        XCTAssertEqual(mine?.missingFacts, ["certifications"])
        let other = try await send(.GET, "/api/v1/enterprises/\(b.id!.uuidString)/policies", token: firm)
        XCTAssertEqual(other.status, .notFound)
        // supplying the certification makes it eligible: 120,000 × 5 % = 6,000 yuan
        let supplied = try await send(.PUT, "/api/v1/enterprises/\(a.id!.uuidString)/facts", token: firm, json: #"{"fact":"certifications","value":"high_tech"}"#)
        XCTAssertEqual(supplied.status, .noContent, supplied.body.string)
        let after = try decode([Answer].self, try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/policies?as_of=2025-06-01", token: firm))
        XCTAssertEqual(after.first { $0.policyId == "test_hightech_award" }?.amountYuan, "6000.00")
        let badValue = try await send(.PUT, "/api/v1/enterprises/\(a.id!.uuidString)/facts", token: firm, json: #"{"fact":"hq_tier","value":"galactic"}"#)
        XCTAssertEqual(try problem(badValue).field, "hq_tier")
        let hijack = try await send(.PUT, "/api/v1/enterprises/\(b.id!.uuidString)/facts", token: firm, json: #"{"fact":"hq_tier","value":"global"}"#)
        XCTAssertEqual(hijack.status, .notFound)
    }
}
