import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

/// Several ParkOS instances share one database and each runs the escalation sweep every
/// minute: every threshold must be acted on once, whoever gets there first. Two stores (two
/// connection pools, as two processes would have) on one database — a SQLite file here, the
/// test's PostgreSQL database when `DATABASE_URL` is set — sweep at the same time.
final class ServiceSweepInstancesTests: ServiceStoreTestCase {
    var file: String?

    override func prepareStore() async throws {
        guard !TestDatabase.target.isPostgres else { return }
        // SQLite in memory is private to one connection: use a file both stores open.
        await store.shutdown()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parkos-sweep-\(UUID().uuidString).sqlite").path
        file = path
        store = try StoreRuntime(.sqliteFile(path), logger: TestDatabase.quietLogger)
        try await store.target.prepare(store.db)
        try await store.migrate()
    }

    override func tearDown() async throws {
        try await super.tearDown()
        if let file { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    }

    func testTwoInstancesSweepingTogetherActOnEachThresholdOnce() async throws {
        // given eight requests of special biological items (resolve limit 20 working days), each
        // accepted by customs (first reply within 3) and given a 3-day health subtask (accept
        // within 1), raised on Wednesday 11 Feb 2026
        for i in 0..<8 {
            let r = try await desk.raise(serumDraft("进口牛血清 \(i) Serum import \(i)"), by: firmUser)
            _ = try await desk.accept(r.id, by: customs)
            _ = try await desk.addSubtask(r.id, department: "health", instructions: "检疫审批 \(i)", limitDays: 3, by: customs)
        }
        let second = try StoreRuntime(store.target, logger: TestDatabase.quietLogger)
        defer { Task { await second.shutdown() } }

        // when on Thu 26 Feb both instances sweep at once, in small batches, until neither finds
        // anything. Working days after 11 Feb: 12, 13, Sat 14 (make-up day), then the Spring
        // Festival (15–23), 24, 25, 26 = 6. A 3-day clock warns and is due on 14 Feb and reaches
        // leadership after 25 Feb (⌈4.5⌉ = 5 days); a 1-day clock warns and is due on 12 Feb,
        // leadership after 13 Feb (⌈1.5⌉ = 2). So per request three clocks are past every
        // threshold — the request's first reply, the subtask's accept and its resolve — and the
        // 20-day resolve clock (warns after 16 days) is not yet due.
        moving.set("2026-02-26")
        let a = ServiceSweep(db: db, clock: moving.park), b = ServiceSweep(db: second.db, clock: moving.park)
        @Sendable func drain(_ s: ServiceSweep) async throws -> ServiceSweep.Outcome {
            var sum = ServiceSweep.Outcome()
            while true {
                let o = try await s.run(limit: 3)
                if o.total == 0 { return sum }
                sum.warned += o.warned; sum.overdue += o.overdue; sum.leadership += o.leadership
            }
        }
        async let fromA = drain(a)
        async let fromB = drain(b)
        let (oa, ob) = try await (fromA, fromB)

        // then the two instances together took each of the 24 clocks through its three steps once
        XCTAssertEqual(oa.warned + ob.warned, 24)
        XCTAssertEqual(oa.overdue + ob.overdue, 24)
        XCTAssertEqual(oa.leadership + ob.leadership, 24)
        let sql = try XCTUnwrap(db as? any SQLDatabase)
        func count(_ q: SQLQueryString) async throws -> Int {
            try await sql.raw(q).first()!.decode(column: "n", as: Int.self)
        }
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_clocks WHERE level = 3"), 24)
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_clocks WHERE level = 3 AND subtask_id IS NOT NULL"), 16)
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_clocks WHERE level = 3 AND kind = 'first_reply'"), 8)
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_clocks WHERE level > 0 AND level < 3"), 0)
        // the leader (the only leadership account) is told once per clock; each department's head
        // (customs: the 8 first replies; health: the 16 subtask clocks) once per overdue clock
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_notifications WHERE kind = 'leadership'"), 24)
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM service_notifications WHERE kind = 'overdue'"), 24)
        await assertEqual(try await count("""
            SELECT COUNT(*) AS n FROM service_notifications n JOIN users u ON u.id = n.user_id
            WHERE n.kind = 'overdue' AND u.username = 'health-head'
            """), 16)
        // no one is told the same thing twice (a notice names its request, clock and due day)
        await assertEqual(try await count("""
            SELECT COUNT(*) AS n FROM (SELECT user_id, text_en FROM service_notifications
            GROUP BY user_id, text_en HAVING COUNT(*) > 1) AS twice
            """), 0)
        // one audited escalation per clock, never two
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM audit_entries WHERE action LIKE 'escalate:%'"), 24)
        await assertEqual(try await count("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'escalate:3'"), 24)
        // and a third sweep from either instance finds nothing left
        await assertEqual(try await a.run().total, 0)
        await assertEqual(try await b.run().total, 0)
    }
}
