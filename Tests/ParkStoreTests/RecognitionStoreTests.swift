import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// Headquarters recognition in the store: the seeded rule sets, an admin's threshold change
/// (audited), checks of a firm and of a page of candidates from the facts supplied and the lease
/// reports, and a recognition that flags the register in one audited transaction.
final class RecognitionStoreTests: InvestmentTestCase {
    var recognition: RecognitionService {
        RecognitionService(db: db, clock: .fixed(ISO8601DateFormatter().date(from: "2026-06-30T02:00:00Z")!))
    }
    var facts: EnterpriseFactRepository { EnterpriseFactRepository(db: db, clock: clock) }

    func supply(_ e: Enterprise, _ values: [String: String]) async throws {
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { try await facts.set(enterprise: e.id!, fact: k, year: nil, text: v, by: investOfficer) }
    }

    func testSeededRuleSetsAndAnAdminsChangeIsValidatedAndAudited() async throws {
        let rules = try await recognition.rules()
        XCTAssertEqual(Set(rules.map(\.code)), ["jiangsu_2024_regional_hq", "jiangsu_2024_functional_unit", "sip_2017_regional_hq"])
        let sip = try XCTUnwrap(rules.first { $0.code == "sip_2017_regional_hq" })
        XCTAssertEqual(sip, RecognitionRuleSet.builtIn[2])
        XCTAssertEqual(sip.thresholds.manufacturingRevenueYuan, 800_000_000)
        // an officer may not change thresholds; a bad one is refused naming the field; nothing written
        var changed = sip
        changed.thresholds.paidInCapitalYuan = 20_000_000
        let forbidden = await domainError { _ = try await self.recognition.saveRule(changed, by: self.investOfficer) }
        XCTAssertEqual(forbidden?.kind, .forbidden)
        var bad = sip
        bad.thresholds.otherTaxYuan = nil
        let refused = await domainError { _ = try await self.recognition.saveRule(bad, by: self.admin) }
        XCTAssertEqual(refused?.field, "manufacturing_revenue_yuan")
        let audits = try await auditCount()
        try await recognition.saveRule(changed, by: admin)
        try await recognition.saveRule(changed, by: admin)   // unchanged: not written again
        let after = try await auditCount()
        XCTAssertEqual(after - audits, 1)
        let stored = try await recognition.rules().first { $0.code == "sip_2017_regional_hq" }
        XCTAssertEqual(stored?.thresholds.paidInCapitalYuan, 20_000_000)
        let entry = try await audit.recent(limit: 1).first
        XCTAssertEqual(entry?.entityType, RecognitionService.ruleEntity)
        XCTAssertEqual(entry?.action, "update")
    }

    func testAFirmIsCheckedFromItsSuppliedFactsAndRecognisedWithTheRegisterFlag() async throws {
        // given: a foreign firm that manages 6 entities (1 outside Jiangsu), parent 75 %; one
        // with 4 entities and 5 M yuan paid in (a functional unit at most: SIP fails on the capital
        // whatever its revenue); one that supplied only its entity count
        let a = try await register(enterprise(2, zh: "博世（中国）投资有限公司", en: "Bosch China Investment", ownership: .foreign, country: "DE"))
        let b = try await register(enterprise(3, zh: "三星半导体（中国）研究开发有限公司", en: "Samsung Semiconductor R&D", ownership: .foreign, country: "KR"))
        let c = try await register(enterprise(4, zh: "友达（苏州）管理有限公司", en: "AUO Suzhou Management", ownership: .hongKongMacaoTaiwan, country: "TW"))
        _ = try await register(enterprise(5, zh: "本地科技有限公司", en: "Local Tech"))
        try await supply(a, ["managed_entities": "6", "managed_entities_outside_province": "1", "foreign_parent_share": "0.75"])
        try await supply(b, ["managed_entities": "4", "managed_entities_outside_province": "2", "foreign_parent_share": "1",
                             "paid_in_capital": "5000000"])
        try await supply(c, ["managed_entities": "8"])
        // when: firm A is checked
        let checkA = try await recognition.check(enterprise: a.id!, by: investOfficer)
        // then: Jiangsu HQ and functional unit met; SIP undetermined (paid-in capital, outside firms, revenue, tax …)
        let verdicts = Dictionary(uniqueKeysWithValues: checkA.checks.map { ($0.ruleSet.code, $0.verdict) })
        XCTAssertEqual(verdicts["jiangsu_2024_regional_hq"], .met)
        XCTAssertEqual(verdicts["jiangsu_2024_functional_unit"], .met)
        XCTAssertEqual(verdicts["sip_2017_regional_hq"], .undetermined)
        let sip = try XCTUnwrap(checkA.checks.first { $0.ruleSet.code == "sip_2017_regional_hq" })
        XCTAssertEqual(Set(sip.missingFacts.map(\.fact)),
                       ["paid_in_capital", "controlled_outside_park", "controlled_outside_revenue_share", "revenue", "tax"])
        // the candidates: the three that supplied a recognition fact, by credit code, a page of two
        let page1 = try await recognition.checkCandidates(try PageRequest(page: 1, perPage: 2), by: investOfficer)
        XCTAssertEqual(page1.total, 3)
        XCTAssertEqual(page1.items.map(\.enterpriseID), [a.id!, b.id!])
        let page2 = try await recognition.checkCandidates(try PageRequest(page: 2, perPage: 2), by: investOfficer)
        XCTAssertEqual(page2.items.map(\.enterpriseID), [c.id!])
        let cHQ = try XCTUnwrap(page2.items[0].checks.first { $0.ruleSet.code == "jiangsu_2024_regional_hq" })
        XCTAssertEqual(cHQ.verdict, .undetermined)
        XCTAssertEqual(Set(cHQ.missingFacts.map(\.fact)), ["managed_entities_outside_province", "foreign_parent_share"])
        let bHQ = try XCTUnwrap(page1.items[1].checks.first { $0.ruleSet.code == "jiangsu_2024_regional_hq" })
        XCTAssertEqual(bHQ.verdict, .notMet)

        // when: firm B is put forward as a headquarters (4 < 6), firm C (undetermined), an outsider recognises A
        let notMet = await domainError { _ = try await self.recognition.recognise(enterprise: b.id!, as: .regionalHQ, by: self.investOfficer) }
        XCTAssertEqual(notMet?.code, "recognition_not_met")
        let undetermined = await domainError { _ = try await self.recognition.recognise(enterprise: c.id!, as: .regionalHQ, by: self.investOfficer) }
        XCTAssertEqual(undetermined?.code, "recognition_undetermined")
        XCTAssertTrue(undetermined?.message.en.contains("Foreign parent's shareholding") == true, undetermined?.message.en ?? "")
        let forbidden = await domainError { _ = try await self.recognition.recognise(enterprise: a.id!, as: .regionalHQ, by: self.outsider) }
        XCTAssertEqual(forbidden?.kind, .forbidden)
        // when: A is recognised as a regional headquarters, B as a functional unit
        let audits = try await auditCount()
        let r = try await recognition.recognise(enterprise: a.id!, as: .regionalHQ, by: investOfficer)
        XCTAssertEqual(r.ruleCode, "jiangsu_2024_regional_hq")
        XCTAssertEqual(r.recognisedOn.iso, "2026-06-30")
        let fu = try await recognition.recognise(enterprise: b.id!, as: .functionalUnit, by: investOfficer)
        XCTAssertEqual(fu.ruleCode, "jiangsu_2024_functional_unit")
        // then: A's register flag is set; three audit entries (two recognitions, the register change)
        let flagged = try await enterprises.find(a.id!)
        XCTAssertEqual(flagged?.regionalHeadquarters, true)
        let bAfter = try await enterprises.find(b.id!)
        XCTAssertEqual(bAfter?.regionalHeadquarters, false)
        let afterAudits = try await auditCount()
        XCTAssertEqual(afterAudits - audits, 3)
        let recent = try await audit.recent(limit: 3).map { "\($0.entityType) \($0.action)" }
        XCTAssertEqual(Set(recent), ["fdi_recognition recognise", "enterprise update"])
        let twice = await domainError { _ = try await self.recognition.recognise(enterprise: a.id!, as: .regionalHQ, by: self.investOfficer) }
        XCTAssertEqual(twice?.code, "already_recognised")
        let held = try await recognition.recognitions(of: a.id!, by: investOfficer)
        XCTAssertEqual(held.map(\.kind), [.regionalHQ])
        let again = try await recognition.check(enterprise: a.id!, by: investOfficer)
        XCTAssertEqual(again.recognitions.map(\.ruleCode), ["jiangsu_2024_regional_hq"])
    }

    func testSIPFloorsReadTheDataYearsLeaseReports() async throws {
        // The SIP rule reads revenue and park tax from the data year's lease reports (the year
        // before the check); a firm without reports is undetermined on them, and they are named.
        let a = try await register(enterprise(6, zh: "某制造总部", en: "Maker HQ", industry: "39", ownership: .foreign, country: "SG"))
        try await supply(a, ["paid_in_capital": "10000000", "controlled_outside_park": "3", "controlled_outside_revenue_share": "0.2"])
        let check = try await recognition.check(enterprise: a.id!, by: investOfficer)
        let sip = try XCTUnwrap(check.checks.first { $0.ruleSet.code == "sip_2017_regional_hq" })
        // without reports the revenue and tax floors are undetermined, and named
        XCTAssertEqual(sip.verdict, .undetermined)
        XCTAssertEqual(Set(sip.missingFacts.map(\.fact)), ["revenue", "tax"])
        XCTAssertEqual(sip.explanation.conditions.prefix(3).map(\.result), [true, true, true])
    }
}
