@testable import ParkServer
import Foundation
import ParkDomain
import ParkStore
import XCTVapor

/// The policy console and portal, signed in through the form as a browser is. The built-in
/// policies are seeded by the migration. A (甲科技, Alpha Tech, foreign) newly used US$ 20 million
/// of foreign investment in 2024 and B (乙生物, Beta Bio, joint venture) US$ 10 million, so on
/// 2025-06-01 the FDI award (0.07 yuan per US$) gives A 1,400,000.00 and B 700,000.00 yuan;
/// C (丙制造, Gamma, domestic) gets nothing. The test policy pays 10万元 each within a 15万元
/// budget, pro rata: 75,000.00 yuan each.
final class PolicyConsoleTests: ServerTestCase {
    var a: Enterprise!, b: Enterprise!, c: Enterprise!

    static let testPolicy = """
    policy park_test_award
    title "测试外资奖励" / "Test investment award"
    department "园区商务局" / "Park Commerce Bureau"
    legal_reference "园商〔2025〕1号"
    valid 2025-01-01 to 2025-12-31
    budget 15万元
    without_application true
    budget_rule pro_rata

    eligible when ownership in ["foreign", "joint_venture"]
      and utilised_fdi_usd >= 1000000 US$

    amount = 10万元
    """
    /// Line 11 reads a fact that does not exist.
    static let brokenPolicy = testPolicy.replacingOccurrences(of: "and utilised_fdi_usd >=", with: "and utilised_fdi >=")

    override func setUp() async throws {
        try await super.setUp()
        a = try await seedEnterprise(1, zh: "甲科技有限公司", en: "Alpha Tech", ownership: .foreign, country: "US")
        b = try await seedEnterprise(2, zh: "乙生物有限公司", en: "Beta Bio", ownership: .jointVenture, country: "DE")
        c = try await seedEnterprise(3, zh: "丙制造有限公司", en: "Gamma Manufacturing")
        let facts = EnterpriseFactRepository(db: app.db)
        try await facts.set(enterprise: a.id!, fact: "utilised_fdi_usd", year: 2024, text: "20000000", by: system)
        try await facts.set(enterprise: b.id!, fact: "utilised_fdi_usd", year: 2024, text: "10000000", by: system)
        try await seedUser("econ", role: .officer, department: "econ")
        try await seedUser("firm-a", role: .enterprise, enterprise: a.id)
    }

    // MARK: browser helpers (as PerMuConsoleTests)

    /// The text of `<section ... id="ID">` up to its end.
    func section(_ html: String, _ id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    /// The check endpoint as the editor script calls it.
    func check(_ source: String, session: String, csrf: String?, lang: String = "en") async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.add(name: .accept, value: "application/json")
        h.add(name: .cookie, value: "parkos_session=\(session)")
        if let csrf { h.add(name: "X-CSRF-Token", value: csrf) }
        h.contentType = .json
        let body = String(decoding: try JSONEncoder().encode(["source": source]), as: UTF8.self)
        return try await send(.POST, "/policies/check?lang=\(lang)", body: ByteBuffer(string: body), headers: h)
    }

    /// Runs the match through the form and returns the run's id.
    func matchThroughForm(_ session: String, file: StaticString = #filePath, line: UInt = #line) async throws -> UUID {
        let res = try await post("/policies/match", session: session, [("as_of", "2025-06-01"), ("policy", "")])
        XCTAssertEqual(res.status, .seeOther, res.body.string, file: file, line: line)
        let location = try XCTUnwrap(res.headers.first(name: .location), file: file, line: line)
        XCTAssertTrue(location.hasPrefix("/policies/runs/"), location, file: file, line: line)
        return try XCTUnwrap(UUID(uuidString: String(location.dropFirst("/policies/runs/".count))), file: file, line: line)
    }
}

extension PolicyConsoleTests {
    func testOfficerListsOpensChecksSavesAndTriesAPolicy() async throws {
        // given
        let session = try await login("econ")
        // when: the list in both languages
        let zh = try await page("/policies", session: session)
        let en = try await page("/policies?lang=en", session: session)
        // then
        XCTAssertEqual(zh.status, .ok, zh.body.string)
        let z = zh.body.string, e = en.body.string
        XCTAssertTrue(z.contains("<h2 class=\"pad\">政策清单</h2>") && z.contains("企业研发费用补贴") && z.contains("免申即享"))
        XCTAssertTrue(z.contains("2.00 亿元"), "the R&D subsidy's budget of 20000万元, as officials read it")
        XCTAssertTrue(z.contains(#"href="/policies">政策</a>"#), "navigation item for staff")
        XCTAssertTrue(e.contains("R&amp;D expense subsidy") && e.contains("200.00 M yuan") && e.contains("Run the match"))
        XCTAssertFalse(e.contains("企业研发费用补贴"), "no Chinese title on the English page")
        XCTAssertTrue(z.contains(#"href="/policies/sip_fdi_award""#))

        // when: opening a policy
        let show = try await page("/policies/sip_rd_expense_subsidy?lang=en", session: session)
        // then: the source in the editor, the header, the dated parameters, the facts, the versions
        XCTAssertEqual(show.status, .ok, show.body.string)
        let s = show.body.string
        XCTAssertTrue(s.contains(#"<textarea name="source""#) && s.contains("let base &quot;封顶前补贴&quot; / &quot;Subsidy before the cap&quot; = scale marginal rd_spend {"))
        XCTAssertTrue(s.contains("3 M yuan") && s.contains("4 M yuan") && s.contains("2024-12-31"), "cap by date, scaled")
        XCTAssertTrue(s.contains("Pro rata") && s.contains("苏园管规〔2024〕5号 第三条"))
        XCTAssertTrue(s.contains(">rd_spend<") && s.contains("R&amp;D expenditure"), "facts read")
        XCTAssertTrue(s.contains("/policies/sip_rd_expense_subsidy?version=1"))
        XCTAssertTrue(s.contains(#"<script src="/assets/policy-editor.js" defer></script>"#))
        XCTAssertEqual(s.components(separatedBy: "<script").count, s.components(separatedBy: "<script src=").count, "no inline script")
        XCTAssertTrue(show.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") ?? false)
        let script = try await page("/assets/policy-editor.js", session: session)
        XCTAssertEqual(script.status, .ok)
        XCTAssertEqual(script.headers.contentType?.subType, "javascript")
        XCTAssertTrue(script.body.string.contains("X-CSRF-Token") && script.body.string.contains("data-check"))
        XCTAssertTrue(s.contains(#"data-check="/policies/check?lang=en""#), "the editor's form names the check route")
        let missing = try await page("/policies/no_such_policy", session: session)
        XCTAssertEqual(missing.status, .notFound)

        // when: live validation of a broken source
        let token = try await csrf(session)
        let checked = try await check(Self.brokenPolicy, session: session, csrf: token)
        // then: the error at line 11, in the request's language
        XCTAssertEqual(checked.status, .ok, checked.body.string)
        let diagnostics = try JSONDecoder().decode([PolicyEditorPage.DiagnosticJSON].self, from: Data(checked.body.readableBytesView))
        XCTAssertEqual(diagnostics.first?.severity, "error")
        XCTAssertEqual(diagnostics.first?.line, 11)
        XCTAssertTrue(diagnostics.first?.message.contains("utilised_fdi") ?? false, diagnostics.first?.message ?? "")
        XCTAssertEqual(diagnostics.first?.at.hasPrefix("line 11, column"), true)
        let clean = try await check(Self.testPolicy, session: session, csrf: token, lang: "zh")
        XCTAssertEqual(clean.body.string, "[]")
        let forged = try await check(Self.brokenPolicy, session: session, csrf: "forged")
        XCTAssertEqual(forged.status, .forbidden)
        let template = try await check(PolicyEditorView.template, session: session, csrf: token)
        XCTAssertFalse(template.body.string.contains("\"error\""), "the new-policy template is valid: \(template.body.string)")

        // when: the non-script "Check" and saving the broken source
        let serverCheck = try await post("/policies", session: session, [("op", "check"), ("source", Self.brokenPolicy)])
        XCTAssertEqual(serverCheck.status, .ok)
        XCTAssertTrue(serverCheck.body.string.contains(#"<span class="err">11</span>"#), "the gutter marks line 11")
        let refused = try await post("/policies", session: session, [("op", "save"), ("source", Self.brokenPolicy)])
        // then: 400 naming the line, the text kept, nothing stored
        XCTAssertEqual(refused.status, .badRequest)
        XCTAssertTrue(refused.body.string.contains("11:") && refused.body.string.contains("第 11 行"), refused.body.string)
        XCTAssertTrue(refused.body.string.contains("and utilised_fdi &gt;= 1000000 US$"))
        let none = try await PolicyRepository(db: app.db).find("park_test_award")
        XCTAssertNil(none)

        // when: saving the fixed source
        let saved = try await post("/policies", session: session, [("op", "save"), ("source", Self.testPolicy)])
        // then
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        XCTAssertEqual(saved.headers.first(name: .location), "/policies/park_test_award?saved=1")
        let list = try await page("/policies", session: session)
        XCTAssertTrue(list.body.string.contains("测试外资奖励") && list.body.string.contains("15.00 万元"))

        // when: trying the unsaved draft (a 20万元 award now) on A by credit code
        let draft = Self.testPolicy.replacingOccurrences(of: "amount = 10万元", with: "amount = 20万元")
        let tried = try await post("/policies?lang=en", session: session,
                                   [("op", "try"), ("source", draft), ("enterprise", a.creditCode.value), ("as_of", "2025-06-01")])
        // then: the explanation with each condition, its values and the amount
        XCTAssertEqual(tried.status, .ok, tried.body.string)
        let t = section(tried.body.string, "try")
        XCTAssertTrue(t.contains("Alpha Tech") && t.contains("Eligible") && t.contains("200,000.00\u{00A0}yuan"), t)
        XCTAssertTrue(t.contains(#"<span class="mark yes" title="true">✓</span>"#))
        XCTAssertTrue(t.contains("<b>US$20 M</b>"), "the FDI value used, scaled")
        // on C (domestic): not eligible, the ownership condition fails
        let onC = try await post("/policies?lang=en", session: session, [("op", "try"), ("source", draft), ("enterprise", "Gamma")])
        XCTAssertTrue(section(onC.body.string, "try").contains("Not eligible") && onC.body.string.contains("✗"))
        // a name several enterprises share asks to choose
        let ambiguous = try await post("/policies?lang=en", session: session, [("op", "try"), ("source", draft), ("enterprise", "有限公司")])
        XCTAssertEqual(ambiguous.status, .badRequest)
        XCTAssertTrue(ambiguous.body.string.contains(#"<select name="enterprise_id">"#) && ambiguous.body.string.contains("Beta Bio"))
    }

    func testRunTheMatchListExportAndConfirmGrantsWithinBudget() async throws {
        // given
        _ = try await PolicyRepository(db: app.db).save(Self.testPolicy, by: Principal.system("test-officer"))
        let session = try await login("econ")
        // when
        let runID = try await matchThroughForm(session)
        let fdi = try await page("/policies/runs/\(runID.uuidString)?policy=sip_fdi_award&lang=en", session: session)
        // then: the FDI award's matched list and its grants
        XCTAssertEqual(fdi.status, .ok, fdi.body.string)
        let matched = section(fdi.body.string, "matched")
        XCTAssertTrue(matched.contains("Alpha Tech") && matched.contains("Beta Bio") && matched.contains("1.40\u{00A0}M\u{00A0}yuan")
                      && matched.contains("700,000.00\u{00A0}yuan"), matched)
        XCTAssertFalse(matched.contains("Gamma"), "not eligible enterprises are not listed")
        XCTAssertTrue(fdi.body.string.contains("Policy versions used") && fdi.body.string.contains("2.10\u{00A0}M\u{00A0}yuan"), "the sum entitled, in millions")
        let onlyB = try await page("/policies/runs/\(runID.uuidString)?policy=sip_fdi_award&q=Beta&lang=en", session: session)
        XCTAssertFalse(section(onlyB.body.string, "matched").contains("Alpha Tech"))
        let badStatus = try await page("/policies/runs/\(runID.uuidString)?status=maybe", session: session)
        XCTAssertEqual(badStatus.status, .badRequest)
        let csv = try await page("/policies/runs/\(runID.uuidString)/results.csv?policy=sip_fdi_award", session: session)
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        let lines = csv.body.string.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, csv.body.string)
        XCTAssertTrue(lines.contains { $0.contains("甲科技有限公司") && $0.contains(",eligible,1400000.00,") })

        // the test policy: 2 × 10万元 entitled, cut pro rata to the 15万元 budget
        let runs = PolicyRunRepository(db: app.db)
        let grants = try await runs.grants(runID: runID, policyID: "park_test_award")
        XCTAssertEqual(grants.map(\.proposedFen), [7_500_000, 7_500_000])
        let testPage = try await page("/policies/runs/\(runID.uuidString)?policy=park_test_award&lang=en", session: session)
        let g = section(testPage.body.string, "grants")
        XCTAssertTrue(g.contains("150,000.00 yuan") && g.contains("200,000.00\u{00A0}yuan") && g.contains("75,000.00\u{00A0}yuan"), g)
        XCTAssertTrue(g.contains("Pro rata") && g.contains("Confirm every proposal of this policy (2)"))
        // the run warns of it before anything is confirmed: by how much, and the factor pro rata applies
        let used = testPage.body.string
        XCTAssertTrue(used.contains("park_test_award") && used.contains("200,000.00 yuan entitled against a budget of 150,000.00 yuan (1.3 times the budget)"), used)
        XCTAssertTrue(used.contains("Pro rata: every amount will be paid at 75.00 %"))
        XCTAssertEqual(used.components(separatedBy: "times the budget").count - 1, 1, "the FDI award fits its budget: no warning")
        XCTAssertFalse(used.contains("<th>Source digest</th>"), "the digest is the version link's tooltip, not a column")

        // when: confirming A's grant, then the rest in bulk
        let grantA = try XCTUnwrap(grants.first { $0.enterpriseID == a.id })
        let one = try await post("/policies/runs/\(runID.uuidString)/grants", session: session,
                                 [("decision", "confirm"), ("grant_id", grantA.id.uuidString), ("policy", "park_test_award")])
        XCTAssertEqual(one.status, .seeOther, one.body.string)
        XCTAssertTrue(one.headers.first(name: .location)?.contains("decided=1&fen=7500000") ?? false)
        let again = try await post("/policies/runs/\(runID.uuidString)/grants", session: session,
                                   [("decision", "reject"), ("grant_id", grantA.id.uuidString), ("policy", "park_test_award")])
        XCTAssertEqual(again.status, .conflict, "a decided grant is not decided twice")
        let bulk = try await post("/policies/runs/\(runID.uuidString)/grants", session: session,
                                  [("decision", "confirm_all"), ("policy", "park_test_award")])
        XCTAssertEqual(bulk.status, .seeOther, bulk.body.string)
        // then
        let states = try await runs.grants(runID: runID, policyID: "park_test_award").map(\.state)
        XCTAssertEqual(states, [.confirmed, .confirmed])
        let payment = try await page("/policies/runs/\(runID.uuidString)/payment.csv?policy=park_test_award", session: session)
        let rows = payment.body.string.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, payment.body.string)
        XCTAssertTrue(rows.contains { $0.contains("甲科技有限公司") && $0.contains(",park_test_award,75000.00,econ") })
        // Rejecting B's FDI award, then confirming the rest of that policy: only A is paid.
        let fdiGrants = try await runs.grants(runID: runID, policyID: "sip_fdi_award")
        let fdiB = try XCTUnwrap(fdiGrants.first { $0.enterpriseID == b.id })
        let rejected = try await post("/policies/runs/\(runID.uuidString)/grants", session: session,
                                      [("decision", "reject"), ("grant_id", fdiB.id.uuidString), ("policy", "sip_fdi_award")])
        XCTAssertEqual(rejected.status, .seeOther, rejected.body.string)
        _ = try await post("/policies/runs/\(runID.uuidString)/grants", session: session, [("decision", "confirm_all"), ("policy", "sip_fdi_award")])
        let fdiStates = try await runs.grants(runID: runID, policyID: "sip_fdi_award").map { ($0.enterpriseID, $0.state) }
        XCTAssertEqual(fdiStates.first { $0.0 == b.id }?.1, .rejected)
        XCTAssertEqual(fdiStates.first { $0.0 == a.id }?.1, .confirmed)
        let fdiPayment = try await page("/policies/runs/\(runID.uuidString)/payment.csv?policy=sip_fdi_award", session: session)
        XCTAssertEqual(fdiPayment.body.string.split(separator: "\n").count, 2)
        XCTAssertTrue(fdiPayment.body.string.contains(",sip_fdi_award,1400000.00,econ"), fdiPayment.body.string)
        let after = try await page("/policies/runs/\(runID.uuidString)?policy=park_test_award&decided=1&fen=7500000", session: session)
        XCTAssertTrue(after.body.string.contains("已处理: 1 · 7.50\u{00A0}万元"), "a total in 万元")

        // Enterprise users may not see staff pages.
        let firm = try await login("firm-a")
        for path in ["/policies", "/policies/runs/\(runID.uuidString)", "/policies/sip_fdi_award", "/policies/new",
                     "/policies/runs/\(runID.uuidString)/payment.csv", "/policies/enterprise/\(b.id!.uuidString)"] {
            let res = try await page(path, session: firm)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        let firmToken = try await csrf(firm)
        let firmCheck = try await check(Self.testPolicy, session: firm, csrf: firmToken)
        XCTAssertEqual(firmCheck.status, .forbidden)
        let firmMatch = try await post("/policies/match", session: firm, [("as_of", "2025-06-01")])
        XCTAssertEqual(firmMatch.status, .forbidden)
    }

    func testEnterpriseSeesItsPoliciesInBothLanguagesAndSupplyingACertificationChangesAnAnswer() async throws {
        // given
        let firm = try await login("firm-a")
        // when
        let zh = try await page("/policies/me", session: firm)
        let en = try await page("/policies/me?lang=en", session: firm)
        // then: entitled with the amount and why, not entitled with the failing condition, undetermined with what to supply
        XCTAssertEqual(zh.status, .ok, zh.body.string)
        let z = zh.body.string, e = en.body.string
        XCTAssertTrue(z.contains(#"href="/policies/me">惠企政策</a>"#), "navigation item for the enterprise")
        XCTAssertTrue(section(z, "entitled").contains("新增实际使用外资奖励") && section(z, "entitled").contains("140.00\u{00A0}万元"))
        XCTAssertTrue(section(z, "entitled").contains("✓"), "why: the conditions met")
        XCTAssertTrue(section(z, "entitled").contains("<b>2,000万美元</b>"), "the value used, scaled, its unit in Chinese")
        // every step of the amount as a sentence, the rate × base first: US$20 M × 0.07 = 1,400,000 yuan; × 100% (not Fortune 500)
        XCTAssertTrue(section(z, "entitled").contains("<li>新增实际使用外资 2,000万美元 × 每美元奖励 0.07元/美元 = 140万元</li>"), section(z, "entitled"))
        XCTAssertTrue(section(z, "entitled").contains("<li>140万元 × 上浮比例 100% = 140万元</li>"))
        XCTAssertTrue(section(e, "entitled").contains("<li>Newly utilised foreign investment US$20 M × Award per US$ 0.07 yuan per US$ = 1.40 M yuan</li>"), section(e, "entitled"))
        XCTAssertTrue(section(e, "entitled").contains("<li>1.40 M yuan × Uplift 100% = 1.40 M yuan</li>"))
        XCTAssertTrue(section(z, "entitled").contains("0.07元/美元") && section(z, "entitled").contains("2025-01-01"),
                      "the parameter with the date its value took effect")
        XCTAssertTrue(section(z, "not-entitled").contains("企业研发费用补贴") && section(z, "not-entitled").contains("✗"))
        let undetermined = section(z, "undetermined")
        XCTAssertTrue(undetermined.contains("专精特新企业奖励") && undetermined.contains("资质认定"), undetermined)
        XCTAssertTrue(undetermined.contains(#"<a href="/policies/me/facts">在线填报</a>"#), "supplied facts link to the form")
        XCTAssertTrue(undetermined.contains("见亩均评价"), "the per-mu grade links to the evaluation")
        XCTAssertTrue(section(e, "entitled").contains("Award for newly utilised foreign investment") && e.contains("1.40\u{00A0}M\u{00A0}yuan"))
        XCTAssertTrue(e.contains("Undetermined: data needed") && e.contains("Not entitled"))
        XCTAssertFalse(e.contains("新增实际使用外资奖励"), "no Chinese title on the English page")
        XCTAssertFalse(z.contains("乙生物") || e.contains("Beta Bio") || z.contains("70.00\u{00A0}万元") || e.contains("700,000.00"), "nothing of another firm")

        // when: a refused value writes nothing
        let form = try await page("/policies/me/facts", session: firm)
        XCTAssertTrue(form.body.string.contains(#"name="utilised_fdi_usd" inputmode="decimal" value="20000000.00""#), "pre-filled for 2024")
        let refused = try await post("/policies/me/facts", session: firm,
                                     [("cert_tech_sme", "1"), ("year", "2024"), ("utilised_fdi_usd", "12.345")])
        XCTAssertEqual(refused.status, .badRequest)
        XCTAssertTrue(refused.body.string.contains("utilised_fdi_usd") && refused.body.string.contains(#"name="cert_tech_sme" value="1" checked"#))
        let nothing = try await EnterpriseFactRepository(db: app.db).entries(enterprise: a.id!)
        XCTAssertEqual(nothing.map(\.fact), ["utilised_fdi_usd"])

        // when: A supplies that it is a technology-based SME (not SRDI)
        let saved = try await post("/policies/me/facts", session: firm,
                                   [("cert_tech_sme", "1"), ("hq_tier", ""), ("year", "2024"), ("utilised_fdi_usd", "20000000")])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        XCTAssertEqual(saved.headers.first(name: .location), "/policies/me?saved=1")
        // then: the SRDI award is no longer undetermined but not entitled; the FDI value is unchanged
        let after = try await page("/policies/me?saved=1", session: firm)
        XCTAssertTrue(after.body.string.contains("数据已保存"))
        XCTAssertFalse(section(after.body.string, "undetermined").contains("专精特新企业奖励"))
        XCTAssertTrue(section(after.body.string, "not-entitled").contains("专精特新企业奖励"))
        let entries = try await EnterpriseFactRepository(db: app.db).entries(enterprise: a.id!)
        XCTAssertEqual(entries.map(\.text).sorted(), ["20000000.00", "tech_sme"])

        // Staff are sent to the list, and can open an enterprise's page.
        let officer = try await login("econ")
        let staffMe = try await page("/policies/me", session: officer)
        XCTAssertEqual(staffMe.status, .seeOther)
        XCTAssertEqual(staffMe.headers.first(name: .location), "/policies")
        let staffView = try await page("/policies/enterprise/\(b.id!.uuidString)?lang=en", session: officer)
        XCTAssertEqual(staffView.status, .ok)
        XCTAssertTrue(staffView.body.string.contains("Beta Bio") && section(staffView.body.string, "entitled").contains("700,000.00\u{00A0}yuan"))
    }
}

extension PolicyConsoleTests {
    /// The language reference is a console page generated from the checker's catalogues: every
    /// fact, unit word and function the parser and checker accept is on it, in both languages,
    /// and the list and the editor link to it.
    func testTheLanguageReferenceListsWhatTheCheckerAccepts() async throws {
        // given
        let session = try await login("econ")
        // when
        let zh = try await page("/policies/language", session: session)
        let en = try await page("/policies/language?lang=en", session: session)
        let list = try await page("/policies?lang=en", session: session).body.string
        let editor = try await page("/policies/new?lang=en", session: session).body.string
        let firm = try await page("/policies/language", session: try await login("firm-a"))
        // then
        XCTAssertEqual(zh.status, .ok, zh.body.string)
        let z = zh.body.string, e = en.body.string
        for f in PolicyFactCatalogue.builtIn.facts {
            XCTAssertTrue(e.contains("<code>\(f.name)</code>") && e.contains(HTML.escape(f.label.en)), f.name)
            XCTAssertTrue(z.contains(f.label.zh), f.name)
        }
        for u in PolicyVocabulary.units { XCTAssertTrue(e.contains("<code>\(HTML.escape(u.word))</code>"), u.word) }
        for f in PolicyVocabulary.functions { XCTAssertTrue(e.contains("<code>\(HTML.escape(f.signature))</code>"), f.name) }
        XCTAssertTrue(e.contains("<code>/kWh</code>") && e.contains("Square metres, converted exactly at 1 m² = 0.0015 mu"))
        XCTAssertTrue(z.contains("政策规则语言参考") && z.contains("按 1 m² = 0.0015 亩精确换算"))
        XCTAssertFalse(e.contains("docs/policy-language.md") || z.contains("docs/policy-language.md"), "a page, not a repository path")
        XCTAssertTrue(list.contains(#"href="/policies/language""#) && editor.contains(#"href="/policies/language""#))
        XCTAssertEqual(firm.status, .forbidden, "staff only, like the editor")
        // the example it shows passes the checker
        XCTAssertNoThrow(try Policy.parse(PolicyEditorView.template))
    }
}
