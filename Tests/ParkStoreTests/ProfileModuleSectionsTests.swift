import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import XCTest

/// The investment section of the enterprise profile: the firm's projects and the FDI their
/// ledgers hold, a confidential project's name only for those cleared.
final class InvestmentProfileSectionTests: InvestmentTestCase {
    func testTheFirmsProjectsAndTheirFDIWithTheCodeNameForThoseNotCleared() async throws {
        // given a firm whose project (confidential) is signed, contracted in euros and paid in yen in May 2025
        let firm = try await register(enterprise(1, zh: "博世汽车部件（苏州）有限公司", en: "Bosch Automotive Suzhou"))
        let other = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        let bosch = try await investor()
        var p = try await service.createProject(InvestmentProject(investorID: bosch.id!, enterpriseID: firm.id, nameZh: "博世新能源汽车部件项目",
                                                                  nameEn: "Bosch EV parts", type: .newEstablishment, industryCode: "36",
                                                                  totalInvestment: CurrencyAmount(currency: "EUR", minor: 10_000_000_000),
                                                                  officerID: investOfficer.userID, source: .visit, firstContactOn: d("2025-04-01"),
                                                                  confidential: true, codeName: "Project Falcon"), by: investOfficer)
        p = try await advance(p.id!, through: Self.toSigned)
        _ = try await service.recordContracted(p.id!, recordedOn: d("2025-05-20"), kind: .subscribedCapital, event: .signing,
                                               amount: try CurrencyAmount.parse("20000000", currency: "EUR", field: "amount"), by: investOfficer)
        _ = try await service.recordInflow(p.id!, arrivedOn: d("2025-05-28"), kind: .cash,
                                           amount: try CurrencyAmount.parse("500000000", currency: "JPY", field: "amount"), by: investOfficer)
        // when the head of the bureau and an officer of another department read the profile
        let section = [InvestmentProfileSection()]
        let byHead = try await EnterpriseProfile.load(db: db, clock: clock, enterprise: firm.id!, by: head, sections: section)
        let byOutsider = try await EnterpriseProfile.load(db: db, clock: clock, enterprise: firm.id!, by: outsider, sections: section)
        // then: JPY 500,000,000 × 0.00693 = US$3,465,000.00; EUR 20,000,000 × 1.1284 = US$22,568,000.00 (May 2025 rates)
        let blocks = try XCTUnwrap(byHead.sections.first).content.blocks
        XCTAssertEqual(blocks[0].facts.map(\.value.raw), ["1", "3465000.00", "3465000.00", "22568000.00", "22568000.00"])
        XCTAssertEqual(blocks[0].facts[1].value.text, Bilingual(zh: "346.50 万美元", en: "US$ 3.47 M"))
        XCTAssertEqual(blocks[0].facts[3].value.text, Bilingual(zh: "2,256.80 万美元", en: "US$ 22.57 M"))
        let row = blocks[1].rows[0]
        XCTAssertEqual(row[1].text.en, "Bosch EV parts")
        XCTAssertEqual(row[2].raw, "signed")
        XCTAssertEqual(row[4].raw, "2025-05-15")
        XCTAssertEqual(row[5].text.en, "EUR 100,000,000.00")
        XCTAssertEqual(row[6].raw, "22568000.00")
        XCTAssertEqual(row[7].raw, "3465000.00")
        XCTAssertEqual(byOutsider.sections.first?.content.blocks[1].rows[0][1].text.en, "Project Falcon")
        // a firm without projects has no investment section
        await assertEqual(try await EnterpriseProfile.load(db: db, clock: clock, enterprise: other.id!, by: head, sections: section).sections.count, 0)
    }
}

/// The service section: the firm's requests with their clocks, counted in SQL.
final class ServiceProfileSectionTests: ServiceStoreTestCase {
    func testTheMonthsServiceFiguresForTheLeadershipPage() async throws {
        // given two requests on 11 February 2026 and none in February 2025
        _ = try await desk.raise(serumDraft(), by: firmUser)
        _ = try await desk.raise(serumDraft("第二件诉求 A second request about serum imports"), by: firmUser)
        // when it is the 13th and neither was accepted (both due the 12th)
        moving.set("2026-02-13")
        let s = try await DerivedFiguresQuery(db: db, clock: moving.park).service(month: YearMonth(iso: "2026-02")!)
        // then
        XCTAssertEqual(s, DerivedService(received: 2, receivedLastYear: 0, resolved: 0, resolvedInTime: 0, rated: 0, ratingSum: 0, overdueOpen: 2))
        XCTAssertNil(s.receivedGrowthPct, "no growth over an empty month")
        XCTAssertNil(s.resolvedInTimePct)
        await assertEqual(try await DerivedFiguresQuery(db: db, clock: moving.park).service(month: YearMonth(iso: "2026-01")!), DerivedService())
    }

    func testTheFirmsRequestsWithTheirClocksAndNothingOfAnotherFirm() async throws {
        // given the firm raises a request on Wednesday 11 February 2026 (to be accepted by the 12th)
        let r = try await desk.raise(serumDraft(), by: firmUser)
        _ = try await desk.raise(RequestDraft(enterpriseID: other.id!, categoryCode: "special_bio_items", title: "乙公司的诉求 Beta's request",
                                              description: "另一家企业的诉求。Another firm's request.", urgency: .normal,
                                              contactName: "李", contactPhone: "0512-1234 5678"), by: otherUser)
        let section = [ServiceProfileSection()]
        // when customs reads the profile on the 11th
        var loaded = try await EnterpriseProfile.load(db: db, clock: moving.park, enterprise: firm.id!, by: customs, sections: section)
        var blocks = try XCTUnwrap(loaded.sections.first).content.blocks
        // then one open request, not overdue, awaiting acceptance by the 12th, no clock met yet
        XCTAssertEqual(blocks[0].facts.map(\.value.raw), ["1", "1", "0", nil, nil])
        XCTAssertEqual(blocks[1].rows.count, 1)
        XCTAssertEqual(blocks[1].rows[0][0].raw, String(r.number))
        XCTAssertEqual(blocks[1].rows[0][4].raw, "dispatched")
        XCTAssertEqual(blocks[1].rows[0][6].raw, "2026-02-12")
        XCTAssertEqual(blocks[1].rows[0][7].raw, "— · — · —")
        // when nobody accepts it and it is the 13th: overdue, in the counts and on the row
        moving.set("2026-02-13")
        loaded = try await EnterpriseProfile.load(db: db, clock: moving.park, enterprise: firm.id!, by: firmUser, sections: section)
        blocks = try XCTUnwrap(loaded.sections.first).content.blocks
        XCTAssertEqual(blocks[0].facts[2].value.raw, "1")
        XCTAssertEqual(blocks[1].rows[0][6].text, Bilingual(zh: "2026-02-12（已逾期）", en: "2026-02-12 (overdue)"))
        // then accepted late: the acceptance clock is missed, the request is no longer overdue on it
        _ = try await desk.accept(r.id, by: customs)
        loaded = try await EnterpriseProfile.load(db: db, clock: moving.park, enterprise: firm.id!, by: customs, sections: section)
        blocks = try XCTUnwrap(loaded.sections.first).content.blocks
        XCTAssertEqual(blocks[1].rows[0][7].raw?.hasPrefix("✗"), true)
        // another firm's user cannot read this profile at all
        let err = await domainError { _ = try await EnterpriseProfile.load(db: db, clock: self.moving.park, enterprise: self.firm.id!, by: self.otherUser) }
        XCTAssertEqual(err?.kind, .notFound)
    }
}
