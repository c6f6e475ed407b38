import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// Foreign investment information reports in the store: generated per year (idempotent, paged),
/// change reports on the working calendar, filing audited, due and overdue lists per officer.
final class InfoReportStoreTests: InvestmentTestCase {
    func reports(_ today: String) -> InfoReportService {
        InfoReportService(db: db, clock: .fixed(ISO8601DateFormatter().date(from: today + "T02:00:00Z")!))
    }

    func testAYearIsGeneratedOnceForForeignFirmsAndListedPerOfficer() async throws {
        // given: three foreign-invested firms (founded 2019, 2020, 2021), a domestic one, and a
        // project of firm 1 followed by the investment officer
        let f1 = try await register(enterprise(9, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Auto Parts", ownership: .foreign, country: "DE"))
        let f2 = try await register(enterprise(10, zh: "三星电子（苏州）有限公司", en: "Samsung Suzhou", ownership: .foreign, country: "KR"))
        _ = try await register(enterprise(11, zh: "友达光电（苏州）有限公司", en: "AUO Suzhou", ownership: .hongKongMacaoTaiwan, country: "TW"))
        _ = try await register(enterprise(12, zh: "本地科技有限公司", en: "Local Tech"))
        let inv = try await investor()
        var draft = try await project(inv)
        draft.enterpriseID = f1.id
        _ = try await service.updateProject(draft.id!, to: draft, by: investOfficer)
        let s = reports("2025-06-01")
        let audits = try await auditCount()
        // when: 2019 is generated (firm 1 only: the others were founded later), then 2020
        // (firms 1 and 2), then 2024 twice
        let added2019 = try await s.generateAnnual(year: 2019, by: investOfficer)
        XCTAssertEqual(added2019, 1)
        let added2020 = try await s.generateAnnual(year: 2020, by: investOfficer)
        XCTAssertEqual(added2020, 2)
        let added = try await s.generateAnnual(year: 2024, by: investOfficer)
        let again = try await s.generateAnnual(year: 2024, by: investOfficer)
        // then
        XCTAssertEqual(added, 3)
        XCTAssertEqual(again, 0)
        let afterAudits = try await auditCount()
        XCTAssertEqual(afterAudits - audits, 6)
        let due = try await s.list(.due, try PageRequest(page: 1, perPage: 50), by: investOfficer)
        XCTAssertEqual(due.total, 3)
        XCTAssertEqual(Set(due.items.map(\.report.dueOn.iso)), ["2025-06-30"])
        XCTAssertEqual(due.items.first(where: { $0.report.enterpriseID == f1.id })?.officer, "invest")
        let mine = try await s.list(.due, officer: investOfficer.userID, try PageRequest(page: 1, perPage: 50), by: investOfficer)
        XCTAssertEqual(mine.items.map(\.report.enterpriseID), [f1.id!])
        let overdue = try await s.list(.overdue, try PageRequest(page: 1, perPage: 2), by: investOfficer)
        XCTAssertEqual(overdue.total, 3)   // 2019's, due 2020-06-30, then 2020's, due 2021-06-30
        XCTAssertEqual(overdue.items.count, 2)
        XCTAssertEqual(overdue.items.map(\.report.dueOn.iso), ["2020-06-30", "2021-06-30"])
        let counts = try await s.counts()
        XCTAssertEqual(counts.due, 3); XCTAssertEqual(counts.overdue, 3)

        // when: firm 2 files its 2024 report; then it leaves the due list, audited with before and after
        let r2 = try XCTUnwrap(due.items.first(where: { $0.report.enterpriseID == f2.id })).report
        let early = await domainError { _ = try await s.markFiled(r2.id, on: self.d("2024-12-31"), by: self.investOfficer) }
        XCTAssertEqual(early?.field, "filed_on")
        let filed = try await s.markFiled(r2.id, on: d("2025-05-20"), by: investOfficer)
        XCTAssertEqual(filed.filedOn?.iso, "2025-05-20")
        XCTAssertEqual(filed.filedBy, "invest")
        let twice = await domainError { _ = try await s.markFiled(r2.id, by: self.investOfficer) }
        XCTAssertEqual(twice?.code, "already_filed")
        let entry = try await audit.recent(limit: 1).first
        XCTAssertEqual(entry?.action, "filed")
        XCTAssertEqual(entry?.entityID, r2.id.uuidString)
        let dueNow = try await s.list(.due, try PageRequest(page: 1, perPage: 50), by: investOfficer)
        XCTAssertEqual(dueNow.total, 2)
        // an outsider may read lists but not write
        let refused = await domainError { _ = try await s.generateAnnual(year: 2023, by: self.outsider) }
        XCTAssertEqual(refused?.kind, .forbidden)
        let theirs = try await s.reports(of: f2.id!, by: investOfficer)
        XCTAssertEqual(theirs.map { $0.report.reportYear }, [2024, 2020])
    }

    func testAChangeReportFallsDueOnTheWorkingCalendar() async throws {
        let f = try await register(enterprise(1, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Auto Parts", ownership: .foreign, country: "DE"))
        let local = try await register(enterprise(2, zh: "本地科技有限公司", en: "Local Tech"))
        let s = reports("2025-10-09")
        // Friday 26 Sep 2025, before National Day: due Thursday 30 Oct (see InfoReportRuleTests)
        let r = try await s.recordChange(enterpriseID: f.id!, changeOn: d("2025-09-26"), note: "外方股东名称变更", by: investOfficer)
        XCTAssertEqual(r.dueOn.iso, "2025-10-30")
        XCTAssertEqual(r.kind, .change)
        let stored = try await s.list(.due, try PageRequest(page: 1, perPage: 10), by: investOfficer)
        XCTAssertEqual(stored.items.map(\.report.id), [r.id])
        XCTAssertEqual(stored.items.first?.report.changeNote, "外方股东名称变更")
        let domestic = await domainError { _ = try await s.recordChange(enterpriseID: local.id!, changeOn: self.d("2025-09-26"), note: "x", by: self.investOfficer) }
        XCTAssertEqual(domestic?.code, "not_foreign_invested")
        let future = await domainError { _ = try await s.recordChange(enterpriseID: f.id!, changeOn: self.d("2025-10-10"), note: "x", by: self.investOfficer) }
        XCTAssertEqual(future?.field, "change_on")
        // a month later it is overdue
        let late = try await reports("2025-10-31").list(.overdue, try PageRequest(page: 1, perPage: 10), by: investOfficer)
        XCTAssertEqual(late.items.map(\.report.id), [r.id])
    }

    func testGenerationPagesThroughMoreFirmsThanAPage() async throws {
        // seven foreign firms generated two a page: four pages, each firm once
        for i in 1...7 {
            _ = try await register(enterprise(i, zh: "外资企业\(i)", en: "Foreign \(i)", ownership: .foreign, country: "US"))
        }
        let s = reports("2025-06-01")
        let added = try await s.generateAnnual(year: 2024, pageSize: 2, by: investOfficer)
        XCTAssertEqual(added, 7)
        let again = try await s.generateAnnual(year: 2024, pageSize: 3, by: investOfficer)
        XCTAssertEqual(again, 0)
        let count = try await InfoReportModel.query(on: db).count()
        XCTAssertEqual(count, 7)
    }
}
