import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

final class OutboundStoreTests: StoreTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try await seedDemoRates()
    }

    func testAnOfficerRecordsAnAcquisitionInGermanyAndItsFilingsAreDrafted() async throws {
        // given a firm, and EUR 86,000,000 agreed in April 2025 at the demo's 2025 rates
        // (US$1.1300 and 1.1300 × 7.1870 = 8.121310 yuan per euro)
        let firm = try await register(enterprise(1, zh: "苏州新锐生物科技有限公司", en: "Suzhou Xinrui Biotech"))
        let entries = try await auditCount()
        // when
        let row = try await outbound().record(acquisition(firm), by: officer)
        let filings = try await outbound().repository.filings(projectID: row.project.id!)
        // then US$97,180,000.00 and 698,432,660.00 yuan
        XCTAssertEqual(row.project.amount.usdCents, 9_718_000_000)
        XCTAssertEqual(row.project.amount.yuanFen, 69_843_266_000)
        XCTAssertEqual(row.project.amount.month, YearMonth(year: 2025, month: 4))
        XCTAssertFalse(row.project.beltAndRoad)
        // below US$100 M: the provincial NDRC, the city's commerce bureau, and the bank
        XCTAssertEqual(filings.map(\.kind), [.bankRegistration, .mofcomFiling, .ndrcFiling])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: filings.map { ($0.kind, $0.authority) }),
                       [.ndrcFiling: .ndrcProvincial, .mofcomFiling: .cityCommerce, .bankRegistration: .bank])
        XCTAssertTrue(filings.allSatisfy { $0.state == .drafted && $0.ruleSet == "ODI 2018" && !$0.reasons.isEmpty })
        XCTAssertTrue(filings.first { $0.kind == .ndrcFiling }!.documents.contains { $0.code == "deal_documents" })
        await assertEqual(try await auditCount(), entries + 4, "the project and its three filings")
        // and the firm sees it, another firm does not
        let other = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        await assertEqual(try await outbound().project(row.project.id!, by: firmUser(firm)).project.title, "Acquisition of Rheinland Diagnostik GmbH")
        let hidden = await domainError { _ = try await self.outbound().project(row.project.id!, by: self.firmUser(other)) }
        XCTAssertEqual(hidden?.kind, .notFound)
    }

    func testBadProjectsAreRefusedNamingTheFieldAndNothingIsWritten() async throws {
        // given
        let firm = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        let entries = try await auditCount()
        var gbp = acquisition(firm); gbp.amount = CurrencyAmount(currency: "GBP", minor: 100)
        // when / then
        let stake = await domainError { _ = try await self.outbound().record(self.acquisition(firm, percent: 9), by: self.officer) }
        XCTAssertEqual(stake?.field, "equity_percent"); XCTAssertEqual(stake?.code, "below_odi_threshold")
        var nine99 = acquisition(firm); nine99.equityBasisPoints = 999
        let stake999 = await domainError { _ = try await self.outbound().record(nine99, by: self.officer) }
        XCTAssertEqual(stake999?.code, "below_odi_threshold")
        let country = await domainError { _ = try await self.outbound().record(self.acquisition(firm, country: "XX"), by: self.officer) }
        XCTAssertEqual(country?.field, "country")
        let rate = await domainError { _ = try await self.outbound().record(gbp, by: self.officer) }
        XCTAssertEqual(rate?.field, "currency"); XCTAssertEqual(rate?.code, "no_rate")
        let firmWrites = await domainError { _ = try await self.outbound().record(self.acquisition(firm), by: self.firmUser(firm)) }
        XCTAssertEqual(firmWrites?.kind, .forbidden)
        // then
        await assertEqual(try await auditCount(), entries)
        await assertEqual(try await outbound().repository.projects(OutboundProjectFilter()).total, 0)
    }

    func testAFilingGoesThroughItsStatesAndAnExpiredCertificateCannotBeUsed() async throws {
        // given a project recorded on Tuesday 2024-03-05 with its filings drafted
        let firm = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        let march2024 = outbound(pinnedClock("2024-03-05"))
        let row = try await march2024.record(acquisition(firm, agreed: "2024-02-20"), by: officer)
        let filings = try await march2024.repository.filings(projectID: row.project.id!)
        // when every filing is completed, submitted and granted that day
        for f in filings {
            let refused = await domainError { _ = try await march2024.grant(f.id!, on: self.day("2024-03-05"), certificate: nil, by: self.officer) }
            XCTAssertEqual(refused?.code, "not_submitted", "a filing granted before it was submitted")
            let missing = await domainError { _ = try await march2024.submit(f.id!, on: self.day("2024-03-05"), by: self.officer) }
            XCTAssertEqual(missing?.field, "documents")
            _ = try await march2024.setDocuments(f.id!, received: Dictionary(uniqueKeysWithValues: f.documents.map { ($0.code, true) }), by: officer)
            let submitted = try await march2024.submit(f.id!, on: day("2024-03-05"), by: officer)
            // 7 working days after Tue 2024-03-05 is Thu 03-14; 3 is Fri 03-08; the bank has no clock
            XCTAssertEqual(submitted.dueOn, f.kind == .bankRegistration ? nil : f.kind == .ndrcFiling ? day("2024-03-14") : day("2024-03-08"))
            _ = try await march2024.grant(f.id!, on: day("2024-03-05"), certificate: nil, by: officer)
        }
        let filed = try await march2024.advance(row.project.id!, to: .filed, by: officer)
        XCTAssertEqual(filed.project.stage, .filed)
        await assertEqual(try await march2024.repository.filings(projectID: row.project.id!).first { $0.kind == .mofcomFiling }?.lapsesOn,
                          day("2026-03-05"))
        // then two years and a month later, with nothing remitted, the certificate has lapsed
        let april2026 = outbound(pinnedClock("2026-04-07"))
        await assertEqual(try await april2026.repository.filingQueue(.toLapse, today: day("2026-04-07")).total, 1)
        let late = await domainError { _ = try await april2026.advance(row.project.id!, to: .fundsRemitted, remittedOn: self.day("2026-04-07"), by: self.officer) }
        XCTAssertEqual(late?.code, "certificate_lapsed"); XCTAssertEqual(late?.field, "remitted_on")
        await assertEqual(try await april2026.lapseOverdue(by: officer), 1)
        await assertEqual(try await april2026.repository.filings(projectID: row.project.id!).first { $0.kind == .mofcomFiling }?.state, .lapsed)
        await assertEqual(try await april2026.repository.filingQueue(.toLapse, today: day("2026-04-07")).total, 0)
        // while a remittance made by the lapse day (recorded late) stands
        let inTime = try await april2026.advance(row.project.id!, to: .fundsRemitted, remittedOn: day("2026-03-05"), by: officer)
        XCTAssertEqual(inTime.project.stage, .fundsRemitted)
    }

    func testADowngradeAlertsEveryFirmWithALiveProjectThereAndKeepsReceipts() async throws {
        // given firms with projects in Myanmar (one abandoned) and one in Germany
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha")), b = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        let c = try await register(enterprise(3, zh: "丙公司", en: "Gamma"))
        let svc = outbound()
        var mm = acquisition(a, country: "MM"); mm.stage = .consulting
        _ = try await svc.record(mm, by: officer)
        var dropped = acquisition(b, country: "MM"); dropped.stage = .consulting
        let gone = try await svc.record(dropped, by: officer)
        _ = try await svc.advance(gone.project.id!, to: .abandoned, reason: "东道国局势变化 / the situation changed", by: officer)
        _ = try await svc.record(acquisition(c), by: officer)
        let userA = try await accounts.create(.init(username: "firm-a", displayName: "甲", password: "correct-horse-1", role: .enterprise,
                                                   enterpriseID: a.id), by: admin)
        let grade6 = CountryRisk(countryCode: "MM", grade: 6, political: 6, economic: 6, businessEnvironment: 6, legal: 6, sourceYear: 2020)
        // when the first grade is recorded, then a worse one
        let first = try await svc.recordRisk(grade6, by: officer)
        var grade7 = grade6; grade7.grade = 7; grade7.political = 8; grade7.sourceYear = 2021
        let alert = try await unwrap(try await svc.recordRisk(grade7, by: officer))
        // then only the downgrade alerts, and only the live project's firm
        XCTAssertNil(first)
        XCTAssertEqual(alert.recipients, 1)
        XCTAssertEqual(alert.alert.cause, .downgrade)
        XCTAssertEqual(alert.alert.title, Bilingual(zh: "缅甸国别风险等级由 6 级下调至 7 级", en: "Myanmar: country risk downgraded from 6 to 7"))
        XCTAssertTrue(alert.alert.body.en.hasPrefix("Sinosure 2021: Myanmar moves from grade 6"), alert.alert.body.en)
        XCTAssertFalse(alert.alert.body.en.contains("缅甸"), "each language its own text")
        await assertEqual(try await svc.risks.alerts(for: a.id!).items.map(\.alert.id), [alert.alert.id])
        await assertEqual(try await svc.risks.alerts(for: b.id!).total, 0)
        let inbox = ServiceInbox(db: db, clock: clock)
        await assertEqual(try await inbox.unreadCount(userA.id), 1, "and in the firm's users' inbox")
        let message = try await unwrap(try await inbox.items(userA.id, page: try ParkDomain.PageRequest(page: 1, perPage: 10)).items.first)
        XCTAssertEqual(message.text, Bilingual(zh: "缅甸国别风险等级由 6 级下调至 7 级", en: "Myanmar: country risk downgraded from 6 to 7"),
                       "each reader sees the title in its own language")
        await assertEqual(try await svc.risks.history("MM").map(\.risk.grade), [7, 6])
        await assertEqual(try await svc.risks.currentRisk("MM")?.grade, 7)
        // and the officer sees who read it: reading the message in the inbox is the firm's receipt
        await assertEqual(try await svc.risks.alert(alert.alert.id!)?.read, 0)
        try await inbox.markRead(userA.id, id: message.id)
        let receipts = try await svc.risks.deliveries(alertID: alert.alert.id!)
        XCTAssertEqual(receipts.items.map(\.enterpriseID), [a.id!])
        XCTAssertNotNil(receipts.items[0].readAtMillis)
        XCTAssertEqual(receipts.items[0].readBy, "firm-a")
        await assertEqual(try await svc.risks.alert(alert.alert.id!)?.read, 1)
        try await svc.markRead(alert.alert.id!, by: firmUser(a))
        let reads = try await (db as! any SQLDatabase).raw("SELECT actor_name FROM audit_entries WHERE entity_type = 'outbound_alert' AND action = 'read'")
            .all().map { try $0.decode(column: "actor_name", as: String.self) }
        XCTAssertEqual(reads, ["firm-a"], "one receipt, audited once, by the inbox's reader")
        let stranger = await domainError { try await svc.markRead(alert.alert.id!, by: self.firmUser(c)) }
        XCTAssertEqual(stranger?.kind, .notFound)
        // an officer's alert needs a country or an industry
        let none = await domainError { _ = try await svc.publishAlert(AlertScope(countryCode: nil, industryCode: nil), title: Bilingual(zh: "t", en: "t"),
                                                                       body: Bilingual(zh: "b", en: "b"), by: self.officer) }
        XCTAssertEqual(none?.field, "country")
        // …and its text in both languages
        let noEnglish = await domainError { _ = try await svc.publishAlert(AlertScope(countryCode: "MM", industryCode: nil), title: Bilingual(zh: "医药", en: " "),
                                                                            body: Bilingual(zh: "请关注。", en: "Take care."), by: self.officer) }
        XCTAssertEqual(noEnglish?.field, "title_en")
        let industry = try await svc.publishAlert(AlertScope(countryCode: nil, industryCode: "C27"), title: Bilingual(zh: "医药出口管制", en: "Export controls on medicines"),
                                                  body: Bilingual(zh: "请关注。", en: "Please take note."), by: officer)
        XCTAssertEqual(industry.recipients, 2, "the two live projects in division 27 (Alpha's and Gamma's)")
        XCTAssertEqual(industry.alert.title.en, "Export controls on medicines")
        await assertEqual(try await inbox.unreadCount(userA.id), 1)
        // and a firm reading it on its outbound page reads its users' message of it too
        try await svc.markRead(industry.alert.id!, by: firmUser(a))
        await assertEqual(try await inbox.unreadCount(userA.id), 0)
    }

    func testStatsAreSumsOfTheCountedProjectsOfThePeriod() async throws {
        // given: DE EUR 1,000,000 agreed 2020-03 (2020 rates: US$1.1422, 7.87843872 yuan), VN US$2,000,000 agreed
        // 2020-06 (6.8976 yuan), VN US$500,000 agreed 2020-07, and an abandoned one in 2020-05
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha")), b = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        let svc = outbound()
        _ = try await svc.record(acquisition(a, euros: "1000000", agreed: "2020-03-10", stage: .consulting), by: officer)
        var vn = acquisition(b, country: "VN", agreed: "2020-06-30", stage: .consulting); vn.amount = CurrencyAmount(currency: "USD", minor: 2_000_000_00); vn.form = .greenfield
        _ = try await svc.record(vn, by: officer)
        vn.agreedOn = day("2020-07-01"); vn.amount = CurrencyAmount(currency: "USD", minor: 500_000_00)
        _ = try await svc.record(vn, by: officer)
        let dropped = acquisition(b, country: "TH", agreed: "2020-05-01", stage: .consulting)
        let gone = try await svc.record(dropped, by: officer)
        _ = try await svc.advance(gone.project.id!, to: .abandoned, reason: "项目终止 / project stopped", by: officer)
        // when
        let h1 = try await OutboundStatsQuery(db: db).run(from: YearMonth(year: 2020, month: 1), to: YearMonth(year: 2020, month: 6)!)
        // then 7,878,438.72 + 13,795,200.00 = 21,673,638.72 yuan; US$1,142,200 + 2,000,000
        XCTAssertEqual(h1.total, OutboundTotals(firms: 2, countries: 2, projects: 2, yuanFen: 2_167_363_872, usdCents: 314_220_000))
        XCTAssertEqual(h1.beltAndRoad, OutboundTotals(firms: 1, countries: 1, projects: 1, yuanFen: 1_379_520_000, usdCents: 200_000_000))
        XCTAssertEqual(h1.byCountry.map(\.key), ["VN", "DE"])
        XCTAssertEqual(h1.byRegion.map(\.key), ["asia", "europe"])
        XCTAssertEqual(h1.byForm.map(\.key), ["greenfield", "acquisition"])
        let july = try await OutboundStatsQuery(db: db).totals(from: nil, to: YearMonth(year: 2020, month: 7)!)
        XCTAssertEqual(july.projects, 3)
        XCTAssertEqual(july.firms, 2)
        let backwards = await domainError { _ = try await OutboundStatsQuery(db: self.db).run(from: YearMonth(year: 2020, month: 7), to: YearMonth(year: 2020, month: 6)!) }
        XCTAssertEqual(backwards?.field, "from")
    }

    func testImportWritesAllRowsOrNoneWithEveryRowError() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        let header = "credit_code,title,country,target_company,industry_code,form,equity_percent,currency,amount,stage,agreed_on\n"
        let bad = header + """
            \(a.creditCode.value),Plant,VN,,C36,greenfield,100,USD,5000000,operating,2019-05-01
            \(a.creditCode.value),Stake,DE,Ziel AG,36,equity_stake,9.99,EUR,100000,operating,2019-05-01
            91320594MA1ZZZZZ9X,Office,XX,,36,greenfield,100,USD,10,operating,2019-05-01
            \(a.creditCode.value),Shop,US,,36,greenfield,100,GBP,10,operating,2019-05-01

            """
        let entries = try await auditCount()
        // when
        let refused = try await outbound().importProjects(Data(bad.utf8), dryRun: false, by: officer)
        // then every bad row is named, and nothing was written
        XCTAssertEqual(refused.errors.map { "\($0.row):\($0.column ?? "-")" }, ["3:equity_percent", "4:credit_code", "5:currency"])
        await assertEqual(try await auditCount(), entries)
        // when the good row is imported alone
        let good = header + "\(a.creditCode.value),Plant,VN,,C36,greenfield,100,USD,5000000,operating,2019-05-01\n"
        let report = try await outbound().importProjects(Data(good.utf8), dryRun: false, by: officer)
        XCTAssertEqual(report.imported, 1)
        let stored = try await outbound().repository.projects(OutboundProjectFilter()).items
        XCTAssertEqual(stored.map(\.project.stage), [.operating])
        XCTAssertTrue(stored[0].project.beltAndRoad)
        XCTAssertEqual(stored[0].project.amount.yuanFen, 3_449_250_000, "US$5,000,000 × 6.8985 (2019)")
        // and it exports again in the import's columns
        var csv = ""
        try await outbound().exportCSV(by: officer) { csv += $0 }
        XCTAssertTrue(csv.hasPrefix("credit_code,title,country,"))
        XCTAssertTrue(csv.contains(",VN,,36,greenfield,100,USD,5000000.00,own_funds,operating,2019-05-01,,,,5000000.00,34492500.00,2019-05,true,asia"), csv)
    }

    func testANewVersionOfTheRulesAppliesFromItsDate() async throws {
        // given a version lowering the national NDRC threshold to US$200 M from 2026
        var lower = FilingRuleSet.standard2018
        lower.effectiveFrom = day("2026-01-01"); lower.ndrcNationalMinUSDCents = 200_000_000_00
        // when
        let published = try await outbound().publishRules(lower, by: admin)
        // then
        XCTAssertEqual(published.version, 2)
        await assertEqual(try await outbound().repository.rules(on: day("2025-12-31")).version, 1)
        await assertEqual(try await outbound().repository.rules(on: day("2026-01-01")).ndrcNationalMinUSDCents, 200_000_000_00)
        let officerMayNot = await domainError { _ = try await self.outbound().publishRules(lower, by: self.officer) }
        XCTAssertEqual(officerMayNot?.kind, .forbidden)
    }
}
