// The policy match end to end through the database (issue 9: 100,000 enterprises, < 3 s):
//   nice -n 10 swift build -c release --package-path Benchmarks --product policy-db-bench
//   Benchmarks/.build/release/policy-db-bench [--db PATH] [--enterprises N] [--runs R]   (SQLite, default /tmp/parkos-policy-bench.sqlite)
//   DATABASE_URL=postgres://… Benchmarks/.build/release/policy-db-bench [--enterprises N] [--runs R]
// Writes a seeded park into the database when it holds no enterprises (not timed; see
// PolicyBenchData): N enterprises with their register facts, leases and parcels, reports for
// 2024 and 2025 (1 % corrected), enacted per-mu runs for 2024 and 2025, supplied facts. Then
// times R runs (default 5) of what `PolicyRunRepository.match` does as of 2026-06-30 with the
// six built-in policies: load (PolicyFactsLoader.columns, the facts the policies read), evaluate
// (PolicyRunRepository.evaluate: each policy compiled and run over the columns), store
// (PolicyRunRepository.store: the run, every eligible and undetermined answer, the grant
// proposals and the audit entry, in one transaction); each stored run is deleted before the next
// (not timed). The first run is checked: the stored answers and grants per policy as computed.
// Finally one call of PolicyRunRepository.match itself is timed for comparison.
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
let dbPath = option("--db") ?? "/tmp/parkos-policy-bench.sqlite"
let count = option("--enterprises").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 5)

var logger = Logger(label: "policy-db-bench")
logger.logLevel = .warning
let target = DatabaseTarget.resolve(path: dbPath)
let runtime = try StoreRuntime(target, logger: logger)
do {
    try await runtime.migrate()
    let db = runtime.db
    let sql = db as! any SQLDatabase
    func rows(_ table: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
    let existing = try await rows("enterprises")
    if existing != count {
        guard existing == 0 else {
            print("\(target) holds \(existing) enterprises, not \(count): use another database")
            exit(2)
        }
        print("writing \(count) enterprises into \(target) …")
        let w0 = ContinuousClock.now
        try await PolicyBenchData.write(db, count: count) { print("  \($0) written (\(ms(ContinuousClock.now - w0)))") }
        if target.isPostgres { try await sql.raw("ANALYZE").run() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    print("database: \(target), \(try await rows("enterprises")) enterprises, \(try await rows("leases")) leases, "
          + "\(try await rows("performance_reports")) report rows, \(try await rows("permu_results")) per-mu results, "
          + "\(try await rows("enterprise_facts")) supplied facts")
    try await PolicyBenchData.clearRuns(db)
    let asOf = PolicyBenchData.asOf
    let system = Principal.system("policy-db-bench")
    let repository = PolicyRunRepository(db: db)
    let policies = try await repository.inForce(asOf: asOf)
    let facts = PolicyRunRepository.factsRead(by: policies)
    print("\(policies.count) policies in force on \(asOf.iso), reading \(facts.count) facts")

    var load: [Duration] = [], eval: [Duration] = [], store: [Duration] = [], total: [Duration] = []
    var cpu: [Duration] = []
    for run in 1...runs {
        let cpu0 = processCPU()
        let a = ContinuousClock.now
        let park = try await PolicyFactsLoader.columns(db, asOf: asOf, facts: facts)
        let b = ContinuousClock.now
        let cpu1 = processCPU()
        let evaluated = try PolicyRunRepository.evaluate(policies, on: park, asOf: asOf)
        let c = ContinuousClock.now
        let stored = try await repository.store(evaluated, facts: park, asOf: asOf, by: system)
        let d = ContinuousClock.now
        let cpu2 = processCPU()
        cpu.append(cpu2 - cpu0)
        load.append(b - a); eval.append(c - b); store.append(d - c); total.append(d - a)
        let answers = stored.eligible + stored.undetermined
        print("run \(run): load \(ms(b - a)), evaluate \(ms(c - b)), store \(ms(d - c)), total \(ms(d - a)) "
              + "(\(park.enterpriseIDs.count) enterprises, \(answers) answers stored, \(park.problems.count) fact problems; "
              + "process CPU: load \(ms(cpu1 - cpu0)), evaluate + store \(ms(cpu2 - cpu1)))")
        if run == 1 {
            let counts = try await PolicyBenchData.storedCounts(db, runID: stored.id)
            for u in evaluated.used {
                let grants = evaluated.policies.first { $0.policy.id == u.id }!.policy.header.withoutApplication
                let s = counts[u.id] ?? (0, 0)
                print("  \(u.id): \(u.eligible) eligible, \(u.undetermined) undetermined, \(s.results) stored, \(s.grants) grants"
                      + (grants ? " (paid without application)" : ""))
                guard s.results == u.eligible + u.undetermined else {
                    throw PolicyBenchData.BenchFailure("\(u.id): stored \(s.results) answers, computed \(u.eligible + u.undetermined)")
                }
            }
        }
        try await PolicyBenchData.clearRuns(db)
    }
    print("median of \(runs): load \(medianMS(load)), evaluate \(medianMS(eval)), store \(medianMS(store)), total \(medianMS(total)) "
          + "(process CPU \(medianMS(cpu)))")
    let e = ContinuousClock.now
    let run = try await repository.match(asOf: asOf, by: system)
    print("PolicyRunRepository.match (the same in one call): \(ms(ContinuousClock.now - e)), \(run.eligible) eligible, \(run.undetermined) undetermined")
    // Reading the run back for an export: in one pass, and one page of `results` (what paging costs per page).
    final class Count: @unchecked Sendable { var n = 0 }
    let read = Count(), f = ContinuousClock.now
    try await repository.eachResult(runID: run.id) { _ in read.n += 1 }
    let g = ContinuousClock.now
    let page = try await repository.results(runID: run.id, page: 100, perPage: 500)
    let h = ContinuousClock.now
    print("read back: every answer in one pass (eachResult) \(ms(g - f)) (\(read.n) rows); one page of results \(ms(h - g)) "
          + "(\(page.items.count) of \(page.total) rows, page 100)")
    try await PolicyBenchData.clearRuns(db)
} catch {
    print("policy-db-bench failed: \(String(reflecting: error))")
    await runtime.shutdown()
    exit(1)
}
await runtime.shutdown()
