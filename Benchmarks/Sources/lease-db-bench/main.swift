// The whole-park assessment end to end through the database:
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build
//   /tmp/bench-build/release/lease-db-bench [--db PATH] [--leases N] [--runs R]      (SQLite, default /tmp/parkos-bench.sqlite)
//   DATABASE_URL=postgres://… /tmp/bench-build/release/lease-db-bench [--leases N] [--runs R]
// Writes LeaseBenchFixture's park into the database when it holds no leases (not timed; see
// BenchData), checks once that the loaded columns equal the fixture, then times R runs
// (default 5) of: load (LandColumnsLoader.load), assess (AssessmentBatch.run, one thread) and
// store (every proposal into the benchmark-only table bench_proposals, created here, not a ParkOS
// migration: delete + bulk insert in one transaction, see store(_:_:)), and prints each run,
// the load's process CPU time (all threads: tells work from waiting on a busy machine) and the
// medians. Other flags: --access native|sqlkit and --newest correctedPairs|notExists|window|
// maxVersion|loader (loader variants), --states a,b (only leases in those states), --reset (empty
// the land tables first), --json (time the commitments JSON decoders instead), --floor (time the
// driver alone on the two queries).
import FluentKit
import BenchSupport
import Foundation
import LeaseBenchFixture
import Logging
import ParkDomain
import ParkStore
import SQLKit

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let dbPath = option("--db") ?? "/tmp/parkos-bench.sqlite"
let leaseCount = option("--leases").flatMap(Int.init) ?? LeaseBenchFixture.leaseCount
let runs = max(1, option("--runs").flatMap(Int.init) ?? 5)
let access: LandColumnsLoader.RowAccess = option("--access") == "sqlkit" ? .sqlKit : .native
let newest = LandColumnsLoader.Newest(rawValue: option("--newest") ?? "") ?? .correctedPairs
let states = option("--states").map { $0.split(separator: ",").compactMap { LeaseState(rawValue: String($0)) } }

let t0 = ContinuousClock.now
let fixture = LeaseBenchFixture.columns(leases: leaseCount)
print("fixture: \(fixture.leaseCount) leases, \(fixture.kind.count) commitments, \(fixture.year.count) report rows "
      + "(built in \(ms(ContinuousClock.now - t0)))")
if args.contains("--json") {
    BenchChecks.jsonBench(fixture, runs: runs)
    exit(0)
}

var logger = Logger(label: "lease-db-bench")
logger.logLevel = .warning
let target = DatabaseTarget.resolve(path: dbPath)
let runtime = try StoreRuntime(target, logger: logger)
do {
    try await runtime.migrate()
    let db = runtime.db
    let sql = db as! any SQLDatabase
    let isPostgres = target.isPostgres
    if args.contains("--reset") {
        for t in ["bench_proposals", "lease_assessments", "performance_reports", "leases", "parcels"] {
            _ = try? await sql.raw("DELETE FROM \(unsafeRaw: t)").run().get()
        }
        try await sql.raw("DELETE FROM enterprises WHERE credit_code LIKE '91BENCH%'").run().get()
    }
    func count(_ table: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
    let existing = try await count("leases")
    if existing < leaseCount {
        guard existing == 0 else {
            print("\(target) holds \(existing) leases, fewer than \(leaseCount): use another database or --reset")
            exit(2)
        }
        print("writing the park into \(target) …")
        let w0 = ContinuousClock.now
        try await BenchData.write(db, fixture) { print("  \($0) written (\(ms(ContinuousClock.now - w0)))") }
        if isPostgres { try await sql.raw("ANALYZE").run().get() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    let reportRows = try await count("performance_reports")
    print("database: \(target), \(try await count("leases")) leases, \(reportRows) report rows "
          + "(all versions); loader: \(access), \(newest)\(states.map { ", states \($0.map(\.rawValue))" } ?? "")")

    if args.contains("--floor") {
        try await BenchFloor.run(db)
        await runtime.shutdown()
        exit(0)
    }
    // The benchmark-only results table (not a ParkOS migration).
    try await sql.raw(isPostgres
        ? "CREATE TABLE IF NOT EXISTS bench_proposals (lease_id UUID PRIMARY KEY, score DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, extension_years INTEGER NOT NULL)"
        : "CREATE TABLE IF NOT EXISTS bench_proposals (lease_id UUID PRIMARY KEY, score DOUBLE NOT NULL, kind TEXT NOT NULL, extension_years INTEGER NOT NULL)").run().get()

    /// Replaces the stored proposals in one transaction. PostgreSQL: the four columns as arrays in
    /// one INSERT … SELECT FROM UNNEST (SQLKit). SQLite: multi-row INSERTs of 5,000 rows on one
    /// SQLiteNIO connection with the values bound as `SQLiteData` (SQLKit's encoder spends about
    /// 0.3 s on 400,000 binds), ids as the text Fluent stores UUIDs as.
    func store(_ ids: [UUID], _ result: AssessmentBatchResult) async throws {
        let rows = UncheckedBox((ids, result))
        if isPostgres {
            try await db.transaction { tx in
                let s = tx as! any SQLDatabase
                let (ids, r) = rows.value
                try await s.raw("TRUNCATE bench_proposals").run()
                try await s.raw("""
                    INSERT INTO bench_proposals (lease_id, score, kind, extension_years) SELECT * FROM UNNEST(\
                    \(bind: ids), \(bind: r.scores), \(bind: r.kinds.map(\.rawValue)), \(bind: r.extensionYears.map { Int($0) }))
                    """).run()
            }
            return
        }
        try await BenchStore.sqlite(db, rows.value.0, rows.value.1)
    }

    var load: [Duration] = [], assess: [Duration] = [], storeTimes: [Duration] = [], total: [Duration] = []
    var loadCPU: [Duration] = []
    for run in 1...runs {
        let a = ContinuousClock.now, cpuA = processCPU()
        let (columns, ids) = try await LandColumnsLoader.load(db, states: states, access: access, newest: newest)
        let b = ContinuousClock.now
        loadCPU.append(processCPU() - cpuA)
        let result = AssessmentBatch.run(columns, asOf: LeaseBenchFixture.asOf, ruleset: .standard)
        let c = ContinuousClock.now
        try await store(ids, result)
        let d = ContinuousClock.now
        load.append(b - a); assess.append(c - b); storeTimes.append(d - c); total.append(d - a)
        print("run \(run): load \(ms(b - a)) (process CPU \(ms(loadCPU.last!))), assess \(ms(c - b)), store \(ms(d - c)), total \(ms(d - a))"
              + " (\(columns.leaseCount) leases, \(columns.year.count) report rows, \(columns.leasesWithCustomCommitments.count) with custom commitments)")
        if run == 1 {
            if states == nil {
                print(try BenchChecks.verify(columns, ids: ids, fixture: fixture))
            }
            let stored = try await count("bench_proposals")
            let kinds = ProposalKind.allCases.map { k in "\(k.rawValue) \(result.kinds.filter { $0 == k }.count)" }
            print("stored \(stored) proposals: " + kinds.joined(separator: ", "))
        }
    }
    func median(_ t: [Duration]) -> String { ms(t.sorted()[t.count / 2]) }
    print("median of \(runs): load \(median(load)) (process CPU \(median(loadCPU))), assess \(median(assess)), store \(median(storeTimes)), total \(median(total))")
} catch {
    print("lease-db-bench failed: \(String(reflecting: error))")
    await runtime.shutdown()
    exit(1)
}
await runtime.shutdown()
