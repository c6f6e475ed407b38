import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import ParkTestSupport
import XCTest

final class InvestmentStoreTests: InvestmentTestCase {
    func testALeadMovesThroughReviewedStagesAndItsFDICounts() async throws {
        // given: a lead recorded by an officer
        let inv = try await investor()
        var p = try await project(inv)
        XCTAssertEqual(p.code, "IP000001")
        XCTAssertEqual(p.stage, .lead)
        XCTAssertEqual(p.stageDueOn?.iso, "2025-04-02")   // first response within 1 working day
        // when: a skip is proposed, and an officer who is not the head reviews
        let skip = await domainError { _ = try await self.service.proposeMove(p.id!, to: .signed, effectiveOn: self.d("2025-04-10"), by: self.investOfficer) }
        XCTAssertEqual(skip?.code, "stage_skipped")
        let m = try await service.proposeMove(p.id!, to: .pitched, effectiveOn: d("2025-04-10"), by: investOfficer)
        let second = await domainError { _ = try await self.service.proposeMove(p.id!, to: .pitched, effectiveOn: self.d("2025-04-10"), by: self.investOfficer) }
        XCTAssertEqual(second?.code, "review_pending")
        let notHead = await domainError { _ = try await self.service.review(m.id, approve: true, comment: "", by: self.investOfficer) }
        XCTAssertEqual(notHead?.code, "not_bureau_head")
        // the head sends it back with a comment, then approves a new proposal
        let back = try await service.review(m.id, approve: false, comment: "拜访纪要未上传", by: head)
        XCTAssertEqual(back.state, .sentBack)
        await assertEqual(try await InvestmentRepository(db: db).project(p.id!)?.stage, .lead)
        p = try await advance(p.id!, through: Self.toSigned)
        // then
        XCTAssertEqual(p.stage, .signed)
        XCTAssertEqual(p.signedOn?.iso, "2025-05-15")
        XCTAssertNil(p.stageDueOn)
        let moves = try await InvestmentRepository(db: db).moves(p.id!)
        XCTAssertEqual(moves.map(\.state), [.sentBack, .approved, .approved, .approved])
        XCTAssertEqual(moves.first?.reviewComment, "拜访纪要未上传")

        // when: the contract in euros and capital arriving in yen
        _ = try await service.recordContracted(p.id!, recordedOn: d("2025-05-20"), kind: .subscribedCapital, event: .signing,
                                               amount: try CurrencyAmount.parse("20000000", currency: "EUR", field: "amount"), by: investOfficer)
        let yen = try await service.recordInflow(p.id!, arrivedOn: d("2025-05-28"), kind: .cash,
                                                 amount: try CurrencyAmount.parse("500000000", currency: "JPY", field: "amount"), by: investOfficer)
        // then: the month's figures, by hand (see CurrencyAndRateTests)
        XCTAssertEqual(yen.rate.usdPerUnitText, "0.00693000")
        let may = try await figures.monthly(from: try XCTUnwrap(YearMonth(iso: "2025-04")), to: try XCTUnwrap(YearMonth(iso: "2025-05")))
        XCTAssertEqual(may.map(\.month.iso), ["2025-04", "2025-05"])
        XCTAssertEqual(may[0], FDIMonthFigures(month: YearMonth(iso: "2025-04")!))
        XCTAssertEqual(may[1].contractedUSDCents, 2_256_800_000)
        XCTAssertEqual(may[1].contractedCNYFen, 16_264_200_000)
        XCTAssertEqual(may[1].utilisedUSDCents, 346_500_000)
        XCTAssertEqual(may[1].utilisedCNYFen, 2_497_250_000)
        XCTAssertEqual(may[1].utilisedComparableUSDCents, 346_500_000)
        XCTAssertEqual(may[1].newProjects, 1)
        let byCountry = try await figures.breakdown(from: YearMonth(iso: "2025-01")!, to: YearMonth(iso: "2025-12")!, by: .originCountry)
        XCTAssertEqual(byCountry, [FDIBreakdownRow(key: "DE", utilisedUSDCents: 346_500_000, utilisedCNYFen: 2_497_250_000,
                                                   contractedUSDCents: 2_256_800_000, contractedCNYFen: 16_264_200_000)])
        // a later change of the May rate does not rewrite what was counted
        _ = try await ExchangeRateRepository(db: db, clock: clock).importCSV(Data("currency,month,usd_per_unit,cny_per_unit\nJPY,2025-05,0.007,0.05\n".utf8),
                                                                             dryRun: false, by: investOfficer)
        let again = try await figures.monthly(from: YearMonth(iso: "2025-05")!, to: YearMonth(iso: "2025-05")!)
        XCTAssertEqual(again[0].utilisedUSDCents, 346_500_000)
    }

    func testBadInflowsAreRefusedNamingTheField() async throws {
        let p = try await advance(try await project(try await investor()).id!, through: Self.toSigned)
        func refused(_ on: String, _ amount: String, _ cur: String) async -> DomainError? {
            await domainError {
                _ = try await self.service.recordInflow(p.id!, arrivedOn: self.d(on), kind: .cash,
                                                        amount: try CurrencyAmount.parse(amount, currency: cur, field: "amount"), by: self.investOfficer)
            }
        }
        let noRate = await refused("2025-05-20", "100", "GBP")
        XCTAssertEqual(noRate?.code, "no_rate"); XCTAssertEqual(noRate?.field, "currency")
        let future = await refused("2025-06-02", "100", "USD")
        XCTAssertEqual(future?.code, "future_date"); XCTAssertEqual(future?.field, "arrived_on")
        let early = await refused("2025-05-14", "100", "USD")
        XCTAssertEqual(early?.code, "before_signing"); XCTAssertEqual(early?.field, "arrived_on")
        let zero = await refused("2025-05-20", "0", "USD")
        XCTAssertEqual(zero?.code, "not_positive"); XCTAssertEqual(zero?.field, "amount")
        let negative = await refused("2025-05-20", "-5", "USD")
        XCTAssertEqual(negative?.field, "amount")
        await assertEqual(try await InvestmentRepository(db: db).inflows(p.id!).count, 0)
    }

    func testDuplicatesAreNamedAndConfidentialProjectsKeptFromOutsiders() async throws {
        let inv = try await investor()
        let first = try await project(inv)
        // a similar name of the same investor is refused, naming the project, unless confirmed
        let dup = await domainError { _ = try await self.project(inv, zh: "博世新能源汽车部件", en: "Bosch EV parts project") }
        XCTAssertEqual(dup?.code, "possible_duplicate")
        XCTAssertEqual(dup?.message.en.contains(first.code), true)
        // confidential: officer2 (not in its task force) cannot change it
        let taken = await domainError { _ = try await self.investor("西门子", en: "Siemens", country: "DE") }
        XCTAssertEqual(taken?.code, "rank_taken")
        let secret = try await project(try await investor("西门子", en: "Siemens", country: "DE", rank: 61), zh: "保密项目", en: "Secret", confidential: true)
        await assertEqual(try await InvestmentRepository(db: db).taskForce(secret.id!).map(\.userID), [investOfficer.userID!])
        let refused = await domainError { _ = try await self.service.proposeMove(secret.id!, to: .pitched, effectiveOn: self.d("2025-04-02"), by: self.officer2) }
        XCTAssertEqual(refused?.code, "confidential_project")
        let other = await domainError { _ = try await self.service.createInvestor(Investor(nameZh: "x", nameEn: "x", originCountry: "DE", sector: "C"), by: self.outsider) }
        XCTAssertEqual(other?.kind, .forbidden)
    }

    func testBlockersEscalateByStoredDateAndKeepTheirHistory() async throws {
        let p = try await project(try await investor())
        let old = try await service.openBlocker(p.id!, title: "环评批复延迟", department: "land", openedOn: d("2025-05-12"), by: investOfficer)
        let fresh = try await service.openBlocker(p.id!, title: "用电容量", department: "econ", openedOn: d("2025-05-29"), by: investOfficer)
        XCTAssertEqual(old.escalateOn.iso, "2025-05-26")
        XCTAssertEqual(fresh.escalateOn.iso, "2025-06-13")
        // today is 2025-06-01: only the old one is escalated, found by a query
        let escalated = try await service.escalatedBlockers(by: head)
        XCTAssertEqual(escalated.map(\.blocker.id), [old.id])
        await assertEqual(try await service.blockerCounts().escalated, 1)
        _ = try await service.act(onBlocker: old.id, .note("已协调环保局"), by: outsider)
        _ = try await service.act(onBlocker: old.id, .reassign("econ"), by: investOfficer)
        let closed = try await service.act(onBlocker: old.id, .close("批复已下达"), by: investOfficer)
        XCTAssertEqual(closed.closedOn?.iso, "2025-06-01")
        await assertEqual(try await service.escalatedBlockers(by: head).count, 0)
        let history = try await InvestmentRepository(db: db).blockers(p.id!).first { $0.0.id == old.id }?.1
        XCTAssertEqual(history?.map(\.kind), [.opened, .note, .reassigned, .closed])
        let again = await domainError { _ = try await self.service.act(onBlocker: old.id, .note("x"), by: self.investOfficer) }
        XCTAssertEqual(again?.code, "blocker_closed")
    }

    func testRateImportIsAllOrNoneAndAudited() async throws {
        let before = try await auditCount()
        let bad = try await ExchangeRateRepository(db: db, clock: clock).importCSV(
            Data("currency,month,usd_per_unit,cny_per_unit\nEUR,2025-06,1.1,7.9\nEUR,2025-06,x,7.9\n".utf8), dryRun: false, by: investOfficer)
        XCTAssertEqual(bad.errors.map(\.row), [3])
        await assertEqual(try await ExchangeRateRepository(db: db).list(month: YearMonth(iso: "2025-06")!).count, 0)
        await assertEqual(try await auditCount(), before)
        let ok = try await ExchangeRateRepository(db: db, clock: clock).importCSV(
            Data("currency,month,usd_per_unit,cny_per_unit\nEUR,2025-06,1.1,7.9\nEUR,2025-05,1.1284,8.1321\n".utf8), dryRun: false, by: investOfficer)
        XCTAssertEqual(ok.added, 1); XCTAssertEqual(ok.changed, 0)
        await assertEqual(try await auditCount(), before + 1)
    }
}

final class ProjectListTests: InvestmentTestCase {
    func testConfidentialNamesStayHiddenInListsSearchAndDetail() async throws {
        // given: an open project and a confidential one recorded by `investOfficer` (its task force)
        _ = try await project(try await investor())
        let secret = try await project(try await investor("西门子医疗", en: "Siemens Healthineers", country: "DE", rank: 61),
                                       zh: "西门子医疗影像基地", en: "Siemens imaging base", industry: "35", confidential: true)
        // when: officer2 (outside the task force) lists and searches
        let all = try await service.list(ProjectQuery(), by: officer2)
        let hidden = try XCTUnwrap(all.items.first { $0.id == secret.id })
        XCTAssertTrue(hidden.masked)
        XCTAssertEqual(hidden.name.zh, "Project Falcon")
        XCTAssertEqual(hidden.investorName.en, "Project Falcon")
        XCTAssertNil(hidden.investorID)
        var search = ProjectQuery(); search.search = "Siemens"
        await assertEqual(try await service.list(search, by: officer2).total, 0)
        search.search = "Falcon"
        await assertEqual(try await service.list(search, by: officer2).total, 1)
        let detail = try await service.detail(secret.id!, by: officer2)
        XCTAssertTrue(detail.masked)
        XCTAssertNil(detail.investor)
        XCTAssertEqual(detail.project.nameEn, "Project Falcon")
        // then: the task force member, the head and an admin see the real name
        for p in [investOfficer!, head!, admin] {
            search.search = "Siemens"
            let found = try await service.list(search, by: p)
            XCTAssertEqual(found.items.map(\.name.en), ["Siemens imaging base"], p.name)
            let d = try await service.detail(secret.id!, by: p)
            XCTAssertFalse(d.masked, p.name)
        }
        // an enterprise user sees no project that is not its own
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: UUID())
        await assertEqual(try await service.list(ProjectQuery(), by: firm).total, 0)
        let e = await domainError { _ = try await self.service.detail(secret.id!, by: firm) }
        XCTAssertEqual(e?.kind, .notFound)
    }

    func testBoardCountsStagesAndOverdue() async throws {
        let a = try await project(try await investor())
        _ = try await project(try await investor("松下", en: "Panasonic", country: "JP", rank: 150), zh: "松下电池", en: "Panasonic cells")
        try await advance(a.id!, through: Self.toSigned)
        let board = try await service.board(ProjectQuery(), by: investOfficer)
        XCTAssertEqual(board.first { $0.stage == .lead }?.projects, 1)
        XCTAssertEqual(board.first { $0.stage == .lead }?.overdue, 1)   // due 2025-04-02, today 2025-06-01
        XCTAssertEqual(board.first { $0.stage == .signed }?.projects, 1)
        var q = ProjectQuery(); q.country = "JP"
        let jp = try await service.board(q, by: investOfficer)
        XCTAssertEqual(jp.reduce(0) { $0 + $1.projects }, 1)
        q = ProjectQuery(); q.overdueOnly = true
        await assertEqual(try await service.list(q, by: investOfficer).items.map(\.name.en), ["Panasonic cells"])
    }
}
