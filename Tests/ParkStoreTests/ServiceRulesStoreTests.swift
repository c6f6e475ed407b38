import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

final class ServiceRulesStoreTests: ServiceStoreTestCase {
    func testReturnWithinTwoWorkingDaysGoesBackToTheDispatcher() async throws {
        let r = try await desk.raise(serumDraft(), by: firmUser)
        let noReason = await domainError { _ = try await self.desk.returnToDispatcher(r.id, reason: " ", by: self.customs) }
        XCTAssertEqual(noReason?.field, "reason")
        let notLead = await domainError { _ = try await self.desk.returnToDispatcher(r.id, reason: "not ours", by: self.health) }
        XCTAssertEqual(notLead?.code, "not_lead")
        // 11 Feb + 2 working days = 13 Feb; the make-up Saturday 14 Feb is too late
        moving.set("2026-02-14")
        let late = await domainError { _ = try await self.desk.returnToDispatcher(r.id, reason: "not ours", by: self.customs) }
        XCTAssertEqual(late?.code, "return_too_late")
        moving.set("2026-02-13")
        let back = try await desk.returnToDispatcher(r.id, reason: "属卫健委职责", by: customs)
        XCTAssertEqual(back.state, .submitted)
        await assertEqual(try await inbox(dispatcher).map(\.kind), ["returned"])
        let notDispatcher = await domainError { _ = try await self.desk.dispatch(r.id, to: "health", by: self.customs) }
        XCTAssertEqual(notDispatcher?.code, "forbidden")
        let routed = try await desk.dispatch(r.id, to: "health", by: dispatcher)
        XCTAssertEqual(routed.leadDepartment, "health")
        XCTAssertEqual(routed.state, .dispatched)
        XCTAssertEqual(routed.dueOn, LocalDate(iso: "2026-02-14"), "a new accept clock from the day of dispatch")
    }

    func testAQuestionPausesEveryClockAndTheAnswerResumesThem() async throws {
        let r = try await desk.raise(serumDraft(), by: firmUser)
        _ = try await desk.accept(r.id, by: customs)
        let s = try await desk.addSubtask(r.id, department: "health", instructions: "意见", limitDays: 3, by: customs)
        let asked = try await desk.post(r.id, .question, body: "请提供用量和用途说明", by: customs)
        XCTAssertEqual(asked.state, .awaitingEnterprise)
        XCTAssertNil(asked.dueOn, "no deadline while waiting for the enterprise")
        XCTAssertEqual(asked.firstReplyInTime, true)
        await assertEqual(try await repo.subtask(s.id)?.dueOn, nil)
        // nothing escalates while paused, though the holiday passes
        moving.set("2026-02-25")
        await assertEqual(try await ServiceSweep(db: db, clock: moving.park).run().total, 0)
        // the enterprise answers on 25 Feb: 12, 13, 14 (make-up), 24, 25 Feb were waited (5 days)
        let answered = try await desk.post(r.id, .message, body: "年用量 50 公斤，仅用于生产", by: firmUser)
        XCTAssertEqual(answered.state, .inProgress)
        // its deadline (3 days from 11 Feb) moves to the 8th working day: 26, 27 and the make-up Saturday 28 Feb
        await assertEqual(try await repo.subtask(s.id)?.dueOn, LocalDate(iso: "2026-02-28"))
        let clocks = try await repo.clocks(of: r.id).filter { $0.subtaskID == s.id && $0.clock.kind == .resolve }
        XCTAssertEqual(clocks.first?.clock.pausedDays, 5)
        let index = try await repo.calendarIndex()
        XCTAssertEqual(clocks.first?.clock.dueOn(index), LocalDate(iso: "2026-02-28"), "3 + 5 working days: the make-up Saturday")
    }

    func testBadInputIsRefusedNamingTheFieldAndWritesNothing() async throws {
        let before = try await auditCount()
        var d = serumDraft(); d.categoryCode = "moon_landing"
        let unknown = await domainError { _ = try await self.desk.raise(d, by: self.firmUser) }
        XCTAssertEqual(unknown?.field, "category")
        let forOther = await domainError { _ = try await self.desk.raise(self.serumDraft(), by: self.otherUser) }
        XCTAssertEqual(forOther?.field, "enterprise_id")
        let r = try await desk.raise(serumDraft(), by: firmUser)
        let closedReply = await domainError { _ = try await self.desk.reply(r.id, body: "x", by: self.customs) }
        XCTAssertEqual(closedReply?.code, "invalid_state")
        _ = try await desk.accept(r.id, by: customs)
        let past30 = await domainError { _ = try await self.desk.requestExtension(r.id, days: 31, reason: "complex", by: self.customsHead) }
        XCTAssertEqual(past30?.field, "limit_days")
        let noReason = await domainError { _ = try await self.desk.requestExtension(r.id, days: 30, reason: "", by: self.customsHead) }
        XCTAssertEqual(noReason?.field, "reason")
        let bigFile = await domainError { _ = try await self.desk.attach(r.id, filename: "a.pdf", data: Data(count: AttachmentRules.maxBytes + 1), internalOnly: false, by: self.firmUser) }
        XCTAssertEqual(bigFile?.code, "too_large")
        let exe = await domainError { _ = try await self.desk.attach(r.id, filename: "a.exe", data: Data("MZ".utf8), internalOnly: false, by: self.firmUser) }
        XCTAssertEqual(exe?.code, "file_type")
        let badSubtask = await domainError { _ = try await self.desk.addSubtask(r.id, department: "health", instructions: "x", limitDays: 31, by: self.customs) }
        XCTAssertEqual(badSubtask?.field, "limit_days")
        // one request raised and accepted: two entries, nothing from the refusals
        await assertEqual(try await auditCount() - before, 2)
        await assertEqual(try await repo.subtasks(of: r.id).count, 0)
    }

    func testExtensionAskedByStaffWaitsForTheHead() async throws {
        let r = try await desk.raise(serumDraft(), by: firmUser)
        _ = try await desk.accept(r.id, by: customs)
        let pending = try await desk.requestExtension(r.id, days: 25, reason: "需会商", by: customs)
        XCTAssertEqual(pending.clock.limitDays, 20)
        XCTAssertEqual(pending.pendingExtension?.days, 25)
        await assertEqual(try await inbox(customsHead).map(\.kind).contains("extension_request"), true)
        let notHead = await domainError { _ = try await self.desk.decideExtension(r.id, clockID: pending.id, approve: true, by: self.customs) }
        XCTAssertEqual(notHead?.code, "not_head")
        let approved = try await desk.decideExtension(r.id, clockID: pending.id, approve: true, by: customsHead)
        XCTAssertEqual(approved.clock.limitDays, 25)
        XCTAssertTrue(approved.clock.extended)
        XCTAssertNil(approved.pendingExtension)
    }

    func testAttachmentsAreStoredWithAChecksumAndServedOnlyToThoseWhoMaySee() async throws {
        let r = try await desk.raise(serumDraft(), by: firmUser)
        let pdf = Data("%PDF-1.4 serum import licence".utf8)
        let a = try await desk.attach(r.id, filename: "licence.pdf", data: pdf, internalOnly: false, by: firmUser)
        XCTAssertEqual(a.sha256.count, 64)
        XCTAssertEqual(a.contentType, "application/pdf")
        let internalFile = try await desk.attach(r.id, filename: "memo.pdf", data: pdf, internalOnly: true, by: customs)
        await assertEqual(try await repo.attachment(a.id, of: r.id, for: firmUser).data, pdf)
        await assertEqual(try await repo.attachments(of: r.id, for: firmUser).map(\.id), [a.id])
        await assertEqual(try await repo.attachments(of: r.id, for: customs).count, 2)
        let hidden = await domainError { _ = try await self.repo.attachment(internalFile.id, of: r.id, for: self.firmUser) }
        XCTAssertEqual(hidden?.code, "not_found")
        let foreign = await domainError { _ = try await self.repo.attachment(a.id, of: r.id, for: self.otherUser) }
        XCTAssertEqual(foreign?.code, "not_found")
        let internalByFirm = await domainError { _ = try await self.desk.attach(r.id, filename: "x.pdf", data: pdf, internalOnly: true, by: self.firmUser) }
        XCTAssertEqual(internalByFirm?.field, "internal")
    }

    func testListsAreScopedPagedAndTheOverdueQueueComesFromTheIndex() async throws {
        for i in 0..<3 { _ = try await desk.raise(serumDraft("请求 \(i)"), by: firmUser) }
        var d = serumDraft(); d.enterpriseID = other.id!
        _ = try await desk.raise(d, by: otherUser)
        let page = try PageRequest(page: 1, perPage: 2)
        let mine = try await repo.list(.init(), page: page, for: firmUser)
        XCTAssertEqual(mine.total, 3)
        XCTAssertEqual(mine.items.count, 2)
        let forced = try await repo.list(.init(enterpriseID: other.id), page: page, for: firmUser)
        XCTAssertEqual(forced.total, 3, "an enterprise user's filter is its own")
        moving.set("2026-02-24")
        let overdue = try await repo.list(.init(department: "customs", overdueOnly: true), page: try PageRequest(page: 1, perPage: 50), for: customs)
        XCTAssertEqual(overdue.total, 4, "nobody accepted by 12 Feb")
    }

    func testCatalogueImportIsAllOrNothing() async throws {
        let catalogue = ServiceCatalogueRepository(db: db, clock: moving.park)
        let bad = Data("code,name_zh,name_en,lead_department,resolve_days\nvisa_fast,签证加急,Fast visas,service,12\nBad Code,x,y,nasa,abc\n".utf8)
        let refused = try await catalogue.importCSV(bad, dryRun: false, by: admin)
        XCTAssertEqual(refused.errors.map(\.row), [3])
        XCTAssertEqual(refused.errors.first?.column, "resolve_days")
        await assertEqual(try await catalogue.list().contains { $0.code == "visa_fast" }, false)
        let good = Data("code,name_zh,name_en,lead_department,resolve_days\nvisa_fast,签证加急,Fast visas,service,12\ntax,税务,Tax,tax,8\n".utf8)
        let ok = try await catalogue.importCSV(good, dryRun: false, by: admin)
        XCTAssertEqual(ok.errors, [])
        await assertEqual(try await repo.category("tax")?.resolveDays, 8)
        await assertEqual(try await repo.category("visa_fast")?.name.en, "Fast visas")
        let officerImport = await domainError { _ = try await catalogue.importCSV(good, dryRun: false, by: self.customs) }
        XCTAssertEqual(officerImport?.code, "forbidden")
    }

    func testWebhookDeliveriesAreSignedRetriedWithBackOffAndLogged() async throws {
        let hooks = WebhookQueue(db: db, clock: moving.park)
        let refused = await domainError { _ = try await hooks.configure(department: "customs", url: "http://127.0.0.1:1/hook", secret: "short", active: true, by: self.customsHead) }
        XCTAssertEqual(refused?.field, "secret")
        let notHead = await domainError { _ = try await hooks.configure(department: "customs", url: "http://127.0.0.1:1/hook", secret: String(repeating: "s", count: 20), active: true, by: self.customs) }
        XCTAssertEqual(notHead?.code, "forbidden")
        _ = try await hooks.configure(department: "customs", url: "http://127.0.0.1:1/hook", secret: "customs-secret-0123456789", active: true, by: customsHead)
        _ = try await desk.raise(serumDraft(), by: firmUser)
        let transport = FakeTransport(statuses: [500, 200])
        // first attempt fails: logged, retried 10 s later
        await assertEqual(try await hooks.deliverDue(using: transport), 1)
        await assertEqual(try await hooks.deliverDue(using: transport), 0, "not due again yet")
        moving.advance(seconds: 11)
        await assertEqual(try await hooks.deliverDue(using: transport), 1)
        let d = try await hooks.deliveries()
        XCTAssertEqual(d.map(\.state), ["delivered"])
        XCTAssertEqual(d.first?.attempts, 2)
        await assertEqual(try await hooks.attempts(of: d[0].id).map(\.status), [500, 200])
        // the signature is HMAC-SHA-256 over "<timestamp>.<body>"
        let sent = transport.sent.last!
        let ts = sent.headers.first { $0.0 == "X-ParkOS-Timestamp" }!.1
        XCTAssertEqual(sent.headers.first { $0.0 == "X-ParkOS-Signature" }?.1,
                       WebhookQueue.signature(secret: "customs-secret-0123456789", timestamp: ts, body: sent.body))
        XCTAssertEqual(WebhookQueue.backoffSeconds(afterAttempt: 1), 10)
        XCTAssertEqual(WebhookQueue.backoffSeconds(afterAttempt: 3), 160)
    }
}

/// Records what would have been POSTed and answers with the given statuses in turn.
final class FakeTransport: WebhookTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int]
    private(set) var sent: [(url: String, headers: [(String, String)], body: Data)] = []
    init(statuses: [Int]) { self.statuses = statuses }
    func post(url: String, headers: [(String, String)], body: Data) async throws -> Int {
        lock.withLock {
            sent.append((url, headers, body))
            return statuses.isEmpty ? 200 : statuses.removeFirst()
        }
    }
}
