@testable import ParkServer
import Foundation
import ParkDomain
import ParkStore
import XCTVapor

/// The per-mu console, signed in through the form as a browser is. A (甲科技, Alpha Tech) pays
/// 1.6 万元 tax per mu in 2024, B (乙生物, Beta Bio) 0.2; the scheme scores tax per mu ÷ 1 × 100,
/// so A scores 160 (A ≥ 150) and B 20 (D < 50), and B's 2,000,000 kWh pay 0.05 yuan/kWh.
final class PerMuConsoleTests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, schemeID: UUID!

    static func scheme(a: Double = 150) -> PerMuScheme {
        let rule = PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 1)
        return PerMuScheme(name: "SIP 2024", year: 2024, scope: PerMuScope(belowSizeMinimumMu: 0),
                           groups: [PerMuGroup(kind: .aboveSize, indicators: [rule]), PerMuGroup(kind: .belowSize, indicators: [rule])],
                           grading: PerMuGrading(rule: .thresholds(a: a, b: 100, c: 50)),
                           treatments: [PerMuTreatment(grade: .d, kind: .electricitySurcharge,
                                                       steps: [PerMuEscalationStep(fromConsecutiveYears: 1, rate: 0.05)])])
    }

    override func setUp() async throws {
        try await super.setUp()
        (a, b) = try await seedPerMuPark()
        schemeID = try await PerMuSchemeRepository(db: app.db).save(Self.scheme(), by: Principal.system("test-officer")).id
    }

    /// Runs the scheme through the form (stored) and returns the run's id.
    func runThroughForm(_ session: String, scheme: UUID, file: StaticString = #filePath, line: UInt = #line) async throws -> UUID {
        let res = try await post("/permu/runs", session: session, [("scheme_id", scheme.uuidString)])
        XCTAssertEqual(res.status, .seeOther, res.body.string, file: file, line: line)
        let location = try XCTUnwrap(res.headers.first(name: .location), file: file, line: line)
        XCTAssertTrue(location.hasPrefix("/permu/runs/"), location, file: file, line: line)
        return try XCTUnwrap(UUID(uuidString: String(location.dropFirst("/permu/runs/".count))), file: file, line: line)
    }

    /// The draft form's fields for the test scheme with `changes`.
    func draftFields(_ changes: [String: String] = [:]) -> [(String, String)] {
        var f: [String: String] = ["base_id": schemeID.uuidString, "name": "SIP 2024", "year": "2024", "grading": "thresholds",
                                   "t_a": "150", "t_b": "100", "t_c": "50", "s_a": "25", "s_b": "45", "s_c": "25", "s_d": "5",
                                   "below_min_mu": "0", "d_rate_1": "0.05", "d_rate_2": "", "d_rate_3": ""]
        for g in ["above_size", "below_size"] {
            f["w-\(g)-tax_per_mu"] = "100"; f["b-\(g)-tax_per_mu"] = "1"; f["r-\(g)-tax_per_mu"] = "fixed"
        }
        for (k, v) in changes { f[k] = v }
        return f.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: tests

    func testOfficerDryRunsRunsAndReadsTheRunInBothLanguages() async throws {
        // given
        let session = try await login("econ")
        // when: a dry run
        let dry = try await post("/permu/runs", session: session, [("scheme_id", schemeID.uuidString), ("dry_run", "1")])
        // then: the summary is shown and nothing is stored
        XCTAssertEqual(dry.status, .ok, dry.body.string)
        XCTAssertTrue(dry.body.string.contains("试算结果（未保存）"))
        XCTAssertTrue(dry.body.string.contains("A 1 · B 0 · C 0 · D 1"), "grade counts of the dry run")
        XCTAssertTrue(dry.body.string.contains("10.00\u{00A0}万元"), "2,000,000 kWh × 0.05 yuan, in 万元")
        let storedAfterDryRun = try await PerMuRunRepository(db: app.db).all(year: 2024)
        XCTAssertTrue(storedAfterDryRun.isEmpty)

        // when: a stored run
        let runID = try await runThroughForm(session, scheme: schemeID)
        let zh = try await page("/permu/runs/\(runID.uuidString)", session: session)
        let en = try await page("/permu/runs/\(runID.uuidString)?lang=en", session: session)
        // then
        XCTAssertEqual(zh.status, .ok, zh.body.string)
        let z = zh.body.string, e = en.body.string
        XCTAssertTrue(z.contains("<h2>排名表</h2>"))
        XCTAssertTrue(z.contains("甲科技有限公司") && z.contains("乙生物有限公司"))
        XCTAssertTrue(z.contains("10.00\u{00A0}万元"))
        XCTAssertTrue(z.contains(#"<svg class="chart""#), "score distribution")
        XCTAssertTrue(z.contains("/permu/runs/\(runID.uuidString)/enterprises/\(a.id!.uuidString)"), "rows link to the scorecard")
        XCTAssertTrue(e.contains("<h2>Ranking</h2>") && e.contains("Alpha Tech") && e.contains("Export the treatment list (CSV)"))
        XCTAssertTrue(e.contains("100,000.00\u{00A0}yuan"))
        XCTAssertFalse(e.contains("排名表"), "no Chinese label on the English page")
        // A ranks first with grade A; B is graded D
        let rowA = try XCTUnwrap(e.range(of: "Alpha Tech").map { String(e[$0.upperBound...].prefix(1200)) })
        XCTAssertTrue(rowA.contains(#"class="badge grade-a""#), rowA)
        XCTAssertTrue(rowA.contains("160.00"), rowA)
        XCTAssertFalse(z.contains("/permu/runs/\(runID.uuidString)/enact"), "officers cannot enact")

        // Filters narrow the table; an unknown grade is refused with the field named.
        let onlyD = try await page("/permu/runs/\(runID.uuidString)?lang=en&grade=D", session: session)
        XCTAssertTrue(onlyD.body.string.contains("Beta Bio"))
        XCTAssertFalse(onlyD.body.string.contains(">Alpha Tech<"))
        let bad = try await page("/permu/runs/\(runID.uuidString)?grade=Z", session: session)
        XCTAssertEqual(bad.status, .badRequest)
        XCTAssertTrue(bad.body.string.contains("grade"))

        // The overview lists the run and draws the grade shares.
        let overview = try await page("/permu?lang=en", session: session)
        XCTAssertTrue(overview.body.string.contains("Grade shares by year"))
        XCTAssertTrue(overview.body.string.contains("href=\"/permu/runs/\(runID.uuidString)\""))
        XCTAssertTrue(overview.body.string.contains("2024 A (priority): 1 (50.0 %)"), "stacked bar of the 2024 run")
    }

    func testScorecardAndTreatmentListExport() async throws {
        // given
        let session = try await login("econ")
        let runID = try await runThroughForm(session, scheme: schemeID)
        // when
        let card = try await page("/permu/runs/\(runID.uuidString)/enterprises/\(b.id!.uuidString)?lang=en", session: session)
        let csv = try await page("/permu/runs/\(runID.uuidString)/treatments.csv", session: session)
        // then: the scorecard shows the indicator against its benchmark, the grade, the treatment and the shortfall
        XCTAssertEqual(card.status, .ok, card.body.string)
        let s = card.body.string
        XCTAssertTrue(s.contains("Beta Bio · Scorecard 2024"))
        XCTAssertTrue(s.contains("D (forced rectification)"))
        XCTAssertTrue(s.contains("1 万元/mu"), "benchmark with its unit")
        XCTAssertTrue(s.contains("Where it loses most points") && s.contains("Costs the most points"))
        XCTAssertTrue(s.contains("electricity surcharge") && s.contains("0.05 yuan/kWh") && s.contains("100,000.00\u{00A0}yuan"))
        XCTAssertFalse(s.contains("Alpha Tech"))
        // the CSV for the utilities
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        XCTAssertTrue(csv.headers.first(name: .contentDisposition)?.contains("permu-treatments-2024") ?? false)
        let lines = csv.body.string.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].contains("乙生物有限公司") && lines[1].hasSuffix(",D,1,2000000.00,0.0500,100000.00"), String(lines[1]))
    }

    func testDraftFormRefusesABadWeightSavesTheNextVersionAndComparisonShowsWhoMoves() async throws {
        // given
        let session = try await login("econ")
        _ = try await runThroughForm(session, scheme: schemeID)
        let show = try await page("/permu/schemes/\(schemeID.uuidString)?lang=en", session: session)
        XCTAssertTrue(show.body.string.contains(#"name="w-above_size-tax_per_mu" value="100""#), "form pre-filled from the scheme")
        XCTAssertTrue(show.body.string.contains("<pre class=\"doc\">"))
        XCTAssertTrue(show.body.string.contains("total ≥ 150 is A"))
        // when: weights no longer sum to 100
        let bad = try await post("/permu/schemes?lang=en", session: session, draftFields(["w-above_size-tax_per_mu": "90"]))
        // then: refused with the field, the typed value kept
        XCTAssertEqual(bad.status, .badRequest)
        XCTAssertTrue(bad.body.string.contains("groups.above_size.weight"), bad.body.string)
        XCTAssertTrue(bad.body.string.contains(#"name="w-above_size-tax_per_mu" value="90""#))
        let notNumber = try await post("/permu/schemes", session: session, draftFields(["b-below_size-tax_per_mu": "abc"]))
        XCTAssertEqual(notNumber.status, .badRequest)
        XCTAssertTrue(notNumber.body.string.contains("b-below_size-tax_per_mu"))
        // when: A needs 170 under the draft
        let saved = try await post("/permu/schemes", session: session, draftFields(["t_a": "170"]))
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        let draft = try await PerMuSchemeRepository(db: app.db).find(name: "SIP 2024")
        XCTAssertEqual(draft?.scheme.version, 2)
        guard case .thresholds(let ta, _, _) = draft?.scheme.grading.rule else { return XCTFail("thresholds kept") }
        XCTAssertEqual(ta, 170)
        XCTAssertEqual(saved.headers.first(name: .location), "/permu/schemes/\(draft!.id.uuidString)?saved=1")
        // then: comparing against the stored run's scheme shows A moving from A to B
        let cmp = try await page("/permu/compare?draft=\(draft!.id.uuidString)", session: session)
        XCTAssertEqual(cmp.status, .ok, cmp.body.string)
        let c = cmp.body.string
        XCTAssertTrue(c.contains("<h2>等级迁移矩阵</h2>") && c.contains(#"<table class="matrix">"#))
        XCTAssertEqual(c.components(separatedBy: #"<td class="num moved">1</td>"#).count - 1, 1, "one enterprise moves (A → B)")
        XCTAssertEqual(c.components(separatedBy: #"<td class="num diag">1</td>"#).count - 1, 1, "B stays D")
        XCTAssertTrue(c.contains("甲科技有限公司"))
        XCTAssertFalse(c.contains(">乙生物有限公司<"), "B does not move")
        XCTAssertTrue(c.contains("运行此草案并保存"))
    }

    func testAdminEnactsAndTheEnterpriseSeesOnlyItsOwnScorecard() async throws {
        // given
        let officer = try await login("econ")
        let runID = try await runThroughForm(officer, scheme: schemeID)
        let firm = try await login("firm-a")
        let before = try await page("/permu/me", session: firm)
        XCTAssertTrue(before.body.string.contains("园区尚未正式发布亩均评价结果"))
        let officerEnact = try await post("/permu/runs/\(runID.uuidString)/enact", session: officer, [])
        XCTAssertEqual(officerEnact.status, .forbidden)
        // when
        let admin = try await login("boss")
        let runPage = try await page("/permu/runs/\(runID.uuidString)", session: admin)
        XCTAssertTrue(runPage.body.string.contains("action=\"/permu/runs/\(runID.uuidString)/enact\""))
        let enacted = try await post("/permu/runs/\(runID.uuidString)/enact", session: admin, [])
        // then
        XCTAssertEqual(enacted.status, .seeOther, enacted.body.string)
        let enactedState = try await PerMuRunRepository(db: app.db).require(runID).state
        XCTAssertEqual(enactedState, .enacted)
        let again = try await post("/permu/runs", session: officer, [("scheme_id", schemeID.uuidString)])
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.body.string.contains("须由管理员重新开放"))
        let shortReason = try await post("/permu/reopen", session: admin, [("year", "2024"), ("reason", "oops")])
        XCTAssertEqual(shortReason.status, .badRequest)
        XCTAssertTrue(shortReason.body.string.contains("reason"))

        // The enterprise sees its own scorecard and how to improve, not the other firm.
        let mine = try await page("/permu/me", session: firm)
        XCTAssertEqual(mine.status, .ok, mine.body.string)
        let m = mine.body.string
        XCTAssertTrue(m.contains("甲科技有限公司 · 评价卡 2024"))
        XCTAssertTrue(m.contains("A 类（优先发展类）"))
        XCTAssertTrue(m.contains("<h2>如何提升</h2>"))
        XCTAssertTrue(m.contains(#"href="/permu/me""#), "navigation item for the enterprise")
        XCTAssertFalse(m.contains("乙生物") || m.contains("Beta Bio"))
        let staffOnly = try await page("/permu", session: firm)
        XCTAssertEqual(staffOnly.status, .forbidden)
        let otherCard = try await page("/permu/runs/\(runID.uuidString)/enterprises/\(b.id!.uuidString)", session: firm)
        XCTAssertEqual(otherCard.status, .forbidden)
        let csv = try await page("/permu/runs/\(runID.uuidString)/treatments.csv", session: firm)
        XCTAssertEqual(csv.status, .forbidden)
        // Staff visiting the portal page go to the overview.
        let staffMe = try await page("/permu/me", session: officer)
        XCTAssertEqual(staffMe.status, .seeOther)
        XCTAssertEqual(staffMe.headers.first(name: .location), "/permu")
    }
}
