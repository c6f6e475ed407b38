// The enterprise-service queries on a database of 1,000,000 requests (issue 12: one department's
// overdue queue < 100 ms, the month's stats < 2 s):
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build --product service-db-bench
//   /tmp/bench-build/release/service-db-bench [--db PATH] [--requests N] [--runs R]   (SQLite, default /tmp/parkos-service-bench.sqlite)
//   DATABASE_URL=postgres://… /tmp/bench-build/release/service-db-bench [--requests N]
// Writes N requests over 12 months (8 lead departments, 11 categories, 3 % still open, a third
// of those past their deadline, ratings on most closed ones) when the database holds none (not
// timed). Then times R runs of: the customs department's overdue queue as the console and API
// ask for it (ServiceRepository.list: count and first page of 50, oldest deadline first), the
// officer's work queue (ServiceQueue.items, requests and subtasks), and the month's stats
// (ServiceStatsQuery.run: per department, per category, backlog by age).
import BenchSupport
import FluentKit
import Foundation
import Logging
import ParkDomain
import ParkStore
import SQLKit

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let dbPath = option("--db") ?? "/tmp/parkos-service-bench.sqlite"
let count = option("--requests").flatMap(Int.init) ?? 1_000_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 10)
let today = LocalDate(iso: "2026-12-07")!
let clock = ParkClock.fixed(Date(timeIntervalSince1970: Double(today.dayNumber - LocalDate(iso: "1970-01-01")!.dayNumber) * 86400 + 7200))

var logger = Logger(label: "service-db-bench")
logger.logLevel = .warning
let target = DatabaseTarget.resolve(path: dbPath)
let runtime = try StoreRuntime(target, logger: logger)
do {
    try await runtime.migrate()
    let db = runtime.db
    let sql = db as! any SQLDatabase
    let existing = try await sql.raw("SELECT COUNT(*) AS n FROM service_requests").first()!.decode(column: "n", as: Int.self)
    if existing == 0 {
        print("writing \(count) requests into \(target) …")
        let w0 = ContinuousClock.now
        let firms = 10_000, now = Int64(Date().timeIntervalSince1970 * 1000)
        try await BenchInsert.insert(db, "enterprises", ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters", "ownership",
                                                         "origin_country", "regional_hq", "rd_centre", "above_designated_size", "address", "updated_at_ms"],
                                     count: firms) { e in
            [benchID(41, e), String(format: "91SVBENCH%09d", e), "服务基准企业\(e)", "Service Bench \(e)", "C27", ";;", "domestic", "CN", false, false, true, "Bench Road \(e)", now]
        }
        let departments = ["customs", "market", "land", "tax", "service", "econ", "health", "invest"]
        let categories = ServiceCatalogue.defaults
        var g = SeededGenerator(seed: 1_000_000)
        let columns = ["id", "number", "enterprise_id", "category", "lead_department", "title", "description", "urgency", "channel",
                       "contact_name", "contact_phone", "state", "is_open", "received_on", "received_month", "accepted_on", "accepted_in_time",
                       "first_reply_on", "first_reply_in_time", "replied_on", "resolved_in_time", "closed_on", "reopened_count", "rating",
                       "satisfied", "precedent", "due_on", "overdue_level", "created_by", "created_at_ms", "updated_at_ms"]
        try await BenchInsert.insert(db, "service_requests", columns, count: count, perStatement: 500, perTransaction: 20_000) { i in
            let cat = categories[g.below(categories.count)]
            let dept = g.below(4) == 0 ? departments[g.below(departments.count)] : cat.leadDepartment
            let received = today.adding(days: -g.int(in: 0...364))
            let open = g.below(100) < 3
            let overdue = open && g.below(3) == 0
            let due: String? = open ? (overdue ? today.adding(days: -g.int(in: 1...60)) : today.adding(days: g.int(in: 0...20))).iso : nil
            let rating: Int? = !open && g.below(10) < 7 ? [5, 5, 5, 4, 4, 3, 2, 1][g.below(8)] : nil
            let replied: String? = open ? nil : received.adding(days: g.int(in: 1...30)).iso
            return [benchID(42, i), i + 1, benchID(41, i % firms), cat.code, dept, "基准诉求 \(i) bench request", "描述 description \(i)",
                    "normal", "portal", "联系人", "0512", open ? "in_progress" : "closed", open, received.iso, YearMonth(received).iso,
                    received.iso, g.below(10) < 9, received.adding(days: 1).iso, g.below(10) < 9, replied, open ? nil : g.below(10) < 8,
                    replied, g.below(20) == 0 ? 1 : 0, rating, rating.map { $0 >= 4 }, false, due, overdue ? 2 : 0, "bench", now, now]
        }
        if target.isPostgres { try await sql.raw("ANALYZE").run() } else { try await sql.raw("ANALYZE").run() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    let total = try await sql.raw("SELECT COUNT(*) AS n FROM service_requests").first()!.decode(column: "n", as: Int.self)
    print("database: \(target), \(total) requests")
    let officer = Principal(userID: nil, name: "bench", role: .officer, departmentCode: "customs")
    let repo = ServiceRepository(db: db, clock: clock)
    var queue: [Duration] = [], work: [Duration] = [], stats: [Duration] = []
    let month = YearMonth(today.adding(days: -40))
    for run in 1...runs {
        let a = ContinuousClock.now
        let page = try await repo.list(.init(department: "customs", overdueOnly: true), page: try PageRequest(page: 1, perPage: 50), for: officer)
        let b = ContinuousClock.now
        let items = try await ServiceQueue(db: db, clock: clock).items(.init(department: "customs"), page: try PageRequest(page: 1, perPage: 50))
        let c = ContinuousClock.now
        let s = try await ServiceStatsQuery(db: db, clock: clock).run(month: month)
        let d = ContinuousClock.now
        queue.append(b - a); work.append(c - b); stats.append(d - c)
        if run == 1 {
            print("customs overdue: \(page.total) (first page \(page.items.count)); work queue \(items.total); \(month.iso): received \(s.total.received), resolved \(s.total.resolved), average rating \(s.total.averageRating.map { String(format: "%.2f", $0) } ?? "-")")
        }
        print("run \(run): overdue queue \(ms(b - a)), work queue \(ms(c - b)), month stats \(ms(d - c))")
    }
    print("median of \(runs): overdue queue \(medianMS(queue)), work queue \(medianMS(work)), month stats \(medianMS(stats))")
    await runtime.shutdown()
} catch {
    print("error: \(error)")
    await runtime.shutdown()
    exit(1)
}
