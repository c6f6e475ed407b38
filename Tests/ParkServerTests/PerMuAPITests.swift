import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor

/// The per-mu evaluation through the API: an officer saves a scheme, runs it, an admin
/// enacts it, the officer lists, exports and compares; an enterprise sees its own scorecard.
final class PerMuAPITests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, officer: String!, admin: String!

    /// Tax per mu, weight 100, benchmark 1 万元/mu, both groups; A ≥ `a`, B ≥ 100, C ≥ 50; D pays 0.05 yuan/kWh.
    static func schemeJSON(a: Double = 150, weight: Double = 100) -> String {
        let group = { (kind: String) in
            #"{"kind":"\#(kind)","indicators":[{"indicator":"tax_per_mu","weight":\#(weight),"benchmark":1,"benchmark_rule":"fixed","normalisation":{"kind":"ratio"},"missing":"zero","direction":"higher_is_better"}]}"#
        }
        return #"{"name":"SIP 2024","year":2024,"scope":{"include_above_size":true,"above_size_minimum_mu":0,"below_size_minimum_mu":0,"include_not_producing_past_contracted_date":true,"merge_shared_parcels":true},"groups":[\#(group("above_size")),\#(group("below_size"))],"declared_weight_total":100,"grading":{"rule":{"kind":"thresholds","a":\#(a),"b":100,"c":50},"ties":"better_grade","pooling":"per_group"},"treatments":[{"grade":"D","kind":"electricity_surcharge","steps":[{"from_consecutive_years":1,"rate":0.05}]}],"only_highest_punitive_tariff":true}"#
    }

    override func setUp() async throws {
        try await super.setUp()
        (a, b) = try await seedPerMuPark()
        officer = try await token("econ")
        admin = try await token("boss")
    }

    struct IdJSON: Decodable { var id: String }
    struct RunJSON: Decodable { var id: String?; var state: String; var gradeCounts: [Int]; var surchargeYuan: String }
    struct PageJSON: Decodable { struct Row: Decodable { var nameEn: String; var grade: String?; var parkRank: Int? }; var items: [Row]; var total: Int }

    func testOfficerRunsAdminEnactsEnterpriseSeesItsScorecard() async throws {
        // A bad scheme is refused with the reason and the field.
        let bad = try await send(.POST, "/api/v1/permu/schemes", token: officer, json: Self.schemeJSON(weight: 90))
        XCTAssertEqual(bad.status, .badRequest, bad.body.string)
        XCTAssertEqual(try problem(bad).code, "weights_sum")
        XCTAssertEqual(try problem(bad).field, "groups.above_size.weight")
        let saved = try await send(.POST, "/api/v1/permu/schemes", token: officer, json: Self.schemeJSON())
        XCTAssertEqual(saved.status, .created, saved.body.string)
        let scheme = try decode(IdJSON.self, saved).id

        // A dry run stores nothing; a run is stored: A scores 160 (A), B 20 (D).
        let dry = try await send(.POST, "/api/v1/permu/runs", token: officer, json: #"{"scheme_id":"\#(scheme)","dry_run":true}"#)
        XCTAssertEqual(dry.status, .ok, dry.body.string)
        XCTAssertEqual(try decode(RunJSON.self, dry).state, "dry_run")
        let ran = try await send(.POST, "/api/v1/permu/runs", token: officer, json: #"{"scheme_id":"\#(scheme)"}"#)
        XCTAssertEqual(ran.status, .created, ran.body.string)
        let run = try decode(RunJSON.self, ran)
        XCTAssertEqual(run.gradeCounts, [1, 0, 0, 1])
        XCTAssertEqual(run.surchargeYuan, "100000.00")   // 2,000,000 kWh × 0.05 yuan
        let runID = try XCTUnwrap(run.id)

        // Only an admin enacts; then a second run of 2024 is refused.
        let officerEnact = try await send(.POST, "/api/v1/permu/runs/\(runID)/enact", token: officer)
        XCTAssertEqual(officerEnact.status, .forbidden)
        let enacted = try await send(.POST, "/api/v1/permu/runs/\(runID)/enact", token: admin)
        XCTAssertEqual(try decode(RunJSON.self, enacted).state, "enacted")
        let again = try await send(.POST, "/api/v1/permu/runs", token: officer, json: #"{"scheme_id":"\#(scheme)"}"#)
        XCTAssertEqual(again.status, .conflict)
        XCTAssertEqual(try problem(again).code, "year_enacted")

        // Ranking table, filtered and sorted; bad paging is refused by field.
        let page = try decode(PageJSON.self, try await send(.GET, "/api/v1/permu/runs/\(runID)/results?sort=total", token: officer))
        XCTAssertEqual(page.items.map(\.nameEn), ["Alpha Tech", "Beta Bio"])
        let d = try decode(PageJSON.self, try await send(.GET, "/api/v1/permu/runs/\(runID)/results?grade=D", token: officer))
        XCTAssertEqual(d.items.map(\.nameEn), ["Beta Bio"])
        let badPage = try await send(.GET, "/api/v1/permu/runs/\(runID)/results?per_page=0", token: officer)
        XCTAssertEqual(badPage.status, .badRequest)

        // Treatment list for the utilities.
        let csv = try await send(.GET, "/api/v1/permu/runs/\(runID)/treatments", token: officer)
        XCTAssertEqual(csv.status, .ok)
        let lines = csv.body.string.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasSuffix(",D,1,2000000.00,0.0500,100000.00"), String(lines[1]))

        // What-if: A needs 170 under the draft → A moves to B.
        let draft = try decode(IdJSON.self, try await send(.POST, "/api/v1/permu/schemes", token: officer, json: Self.schemeJSON(a: 170))).id
        let cmp = try await send(.GET, "/api/v1/permu/compare?draft=\(draft)", token: officer)
        XCTAssertEqual(cmp.status, .ok, cmp.body.string)
        struct Cmp: Decodable { var matrix: [[Int]]; var changes: [PageJSON.Row] }
        let c = try decode(Cmp.self, cmp)
        XCTAssertEqual(c.matrix[0][1], 1)
        XCTAssertEqual(c.changes.map(\.nameEn), ["Alpha Tech"])

        // The enterprise sees its own scorecard, not B's.
        let firm = try await token("firm-a")
        let own = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/permu", token: firm)
        XCTAssertEqual(own.status, .ok, own.body.string)
        struct Card: Decodable {
            struct Line: Decodable { var points: Double; var explanation: Bilingual }
            var result: PageJSON.Row; var indicators: [Line]; var explanation: Bilingual
        }
        let card = try decode(Card.self, own)
        XCTAssertEqual(card.result.grade, "A")
        XCTAssertEqual(card.indicators.first?.points ?? 0, 160, accuracy: 1e-3)   // tax rounded to the yuan
        XCTAssertTrue(card.explanation.zh.contains("A"), card.explanation.zh)
        let other = try await send(.GET, "/api/v1/enterprises/\(b.id!.uuidString)/permu", token: firm)
        XCTAssertEqual(other.status, .notFound)
        let officerRun = try await send(.GET, "/api/v1/enterprises/\(a.id!.uuidString)/permu?run=\(runID)", token: firm)
        XCTAssertEqual(officerRun.status, .forbidden)

        // Re-opening needs an admin and a reason.
        let noReason = try await send(.POST, "/api/v1/permu/years/2024/reopen", token: admin, json: #"{"reason":"oops"}"#)
        XCTAssertEqual(try problem(noReason).field, "reason")
        let reopened = try await send(.POST, "/api/v1/permu/years/2024/reopen", token: admin, json: #"{"reason":"the tax bureau corrected 2024"}"#)
        XCTAssertEqual(try decode(RunJSON.self, reopened).state, "reopened")
    }
}
