import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

/// The "done when" path end to end in the store, across the 2026 Spring Festival.
final class ServiceFlowTests: ServiceStoreTestCase {
    func testTaskForceOverdueOverTheHolidayRejectConfirmRateAndPrecedent() async throws {
        do { try await flow() } catch { XCTFail(String(reflecting: error)) }
    }

    func flow() async throws {
        // given the firm raises a request on Wednesday 11 February 2026
        let r = try await desk.raise(serumDraft(), by: firmUser)
        XCTAssertEqual(r.state, .dispatched)
        XCTAssertEqual(r.leadDepartment, "customs")
        XCTAssertEqual(r.number, 1)
        XCTAssertEqual(r.dueOn, LocalDate(iso: "2026-02-12"), "accept within 1 working day")
        await assertEqual(try await inbox(customs).map(\.kind), ["new_request"])

        // when customs accepts and forms a task force with health (3 days) and market (5 days)
        _ = try await desk.accept(r.id, by: customs)
        let hs = try await desk.addSubtask(r.id, department: "health", instructions: "检疫审批路径", limitDays: 3, by: customs)
        let ms = try await desk.addSubtask(r.id, department: "market", instructions: "产品注册要求", limitDays: 5, by: customs)
        XCTAssertEqual(hs.dueOn, LocalDate(iso: "2026-02-14"), "12, 13 Feb and the make-up Saturday")
        XCTAssertEqual(ms.dueOn, LocalDate(iso: "2026-02-25"))
        // an officer of another department cannot act on health's subtask
        let foreign = await domainError { _ = try await self.desk.acceptSubtask(hs.id, by: self.market) }
        XCTAssertEqual(foreign?.code, "other_department")
        _ = try await desk.acceptSubtask(hs.id, by: health)
        _ = try await desk.acceptSubtask(ms.id, by: market)
        _ = try await desk.post(r.id, .note, body: "海关与卫健委需联合出具意见", by: health)
        _ = try await desk.post(r.id, .message, body: "已受理，已组建工作专班", by: customs)

        // then on the make-up Saturday health is warned; after the holiday it is overdue (its head);
        moving.set("2026-02-14")
        let sweep = ServiceSweep(db: db, clock: moving.park)
        var outcome = try await sweep.run()
        XCTAssertGreaterThanOrEqual(outcome.warned, 1)
        moving.set("2026-02-24")
        outcome = try await sweep.run()
        XCTAssertEqual(outcome.overdue, 1, "health's subtask, due on 14 Feb, is overdue on the first working day after the holiday")
        await assertEqual(try await inbox(healthHead).filter { $0.kind == "overdue" }.count, 1)
        // and a second sweep sends nothing twice
        await assertEqual(try await sweep.run().total, 0)
        // past 150 % (day 5: 25 Feb) leadership hears of it
        moving.set("2026-02-26")
        outcome = try await sweep.run()
        XCTAssertEqual(outcome.leadership, 1)
        await assertEqual(try await inbox(leader).filter { $0.kind == "leadership" }.count, 1)

        // when the customs head extends the request to 30 working days with a reason
        let ext = try await desk.requestExtension(r.id, days: 30, reason: "需中德双方签署备忘录", by: customsHead)
        XCTAssertEqual(ext.clock.limitDays, 30)
        let again = await domainError { _ = try await self.desk.requestExtension(r.id, days: 30, reason: "again", by: self.customsHead) }
        XCTAssertEqual(again?.code, "already_extended")

        // the lead cannot answer while subtasks are open
        let early = await domainError { _ = try await self.desk.reply(r.id, body: "答复", by: self.customs) }
        XCTAssertEqual(early?.field, "subtasks")
        _ = try await desk.completeSubtask(hs.id, result: "卫健委同意按特殊物品审批", by: health)
        _ = try await desk.completeSubtask(ms.id, result: "无需另行注册", by: market)
        moving.set("2026-03-02")
        var answered = try await desk.reply(r.id, body: "经海关、卫健委、市场监管局会商，可按特殊物品通关。", by: customs)
        XCTAssertEqual(answered.state, .replied)
        XCTAssertEqual(answered.resolvedInTime, true)

        // the enterprise rejects (reopens), the lead answers again, the enterprise confirms and rates
        let reopened = try await desk.confirm(r.id, accepted: false, reason: "仍需明确检疫期限", by: firmUser)
        XCTAssertEqual(reopened.state, .inProgress)
        XCTAssertEqual(reopened.reopenedCount, 1)
        answered = try await desk.reply(r.id, body: "检疫期限为 20 个工作日。", by: customs)
        let closed = try await desk.confirm(r.id, accepted: true, by: firmUser)
        XCTAssertEqual(closed.state, .closed)
        let badRating = await domainError { _ = try await self.desk.rate(r.id, stars: 6, comment: "", by: self.firmUser) }
        XCTAssertEqual(badRating?.field, "rating")
        let notTheirs = await domainError { _ = try await self.desk.rate(r.id, stars: 5, comment: "", by: self.otherUser) }
        XCTAssertEqual(notTheirs?.code, "not_found", "another enterprise does not even see the request")
        let rated = try await desk.rate(r.id, stars: 5, comment: "一个声音答复，非常满意", by: firmUser)
        XCTAssertEqual(rated.rating, 5)
        _ = try await desk.recordCallback(r.id, calledOn: LocalDate(iso: "2026-03-02")!, satisfied: true, notes: "回访满意", by: dispatcher)

        // the stats show it
        let stats = try await ServiceStatsQuery(db: db, clock: moving.park).run(month: YearMonth(year: 2026, month: 2)!)
        XCTAssertEqual(stats.total.received, 1)
        XCTAssertEqual(stats.total.resolved, 1)
        XCTAssertEqual(stats.total.reopened, 1)
        XCTAssertEqual(stats.total.averageRating, 5)
        XCTAssertEqual(stats.byCategory.map(\.key), ["special_bio_items"])

        // marked as a precedent, it is offered for a similar new request, in Chinese and in English
        _ = try await desk.markPrecedent(r.id, title: "进口牛血清用于生产", by: customs)
        let search = ServiceSearch(db: db)
        let zh = try await search.similar(title: "申请进口牛血清", description: "研发用", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(zh.map(\.request.id), [r.id])
        let en = try await search.similar(title: "bovine serum import", description: "", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(en.map(\.request.id), [r.id])
        // a short Chinese title with its words the other way round (pg_trgm found nothing for it),
        // an English one in other words, and a title only in the precedent's own short title
        let short = try await search.similar(title: "牛血清进口", description: "", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(short.map(\.request.id), [r.id])
        let reworded = try await search.similar(title: "Serum imports for our production line", description: "", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(reworded.map(\.request.id), [r.id])
        let unrelatedEnglish = try await search.similar(title: "Power cut in the office building", description: "", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(unrelatedEnglish.count, 0)
        let none = try await search.similar(title: "办公楼停电", description: "", precedentsOnly: true, for: otherUser)
        XCTAssertEqual(none.count, 0)
        // another enterprise's own-requests search never reaches the firm's requests
        let own = try await search.similar(title: "进口牛血清", description: "", precedentsOnly: false, for: otherUser)
        XCTAssertEqual(own.count, 0)

        // the enterprise's thread hides internal notes
        let publicThread = try await repo.thread(of: r.id, for: firmUser)
        XCTAssertFalse(publicThread.contains { $0.kind == .internalNote })
        let officerThread = try await repo.thread(of: r.id, for: customs)
        XCTAssertTrue(officerThread.contains { $0.kind == .internalNote })
        // every write is on the audit trail and the chain holds
        let trail = try await audit.trail(entityType: ServiceRepository.entityType, entityID: r.id.uuidString)
        XCTAssertGreaterThanOrEqual(trail.count, 10)
        if case .broken(let seq, let reason) = try await audit.verify() { XCTFail("audit chain broken at \(seq): \(reason)") }
    }
}
