// The per-mu evaluation end to end through the database (issue 4: 100,000 enterprises, < 3 s):
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build --product permu-db-bench
//   /tmp/bench-build/release/permu-db-bench [--db PATH] [--enterprises N] [--runs R]      (SQLite, default /tmp/parkos-permu-bench.sqlite)
//   DATABASE_URL=postgres://… /tmp/bench-build/release/permu-db-bench [--enterprises N] [--runs R]
// Writes a seeded park into the database when it holds no leases (not timed; see PerMuBenchData):
// N enterprises, each with one parcel, one lease in production and reports for 2023 and 2024
// (one (lease, year) in a hundred corrected as a version 2). Then times R runs (default 5) of
// what `PerMuRunRepository.run` does for 2024 with the Huangyan 2022 weights and the year's
// medians as benchmarks: load (PerMuFiguresLoader.load), score (PerMuEvaluator.evaluate without
// texts: scope, indicators, ranks, grades by shares, treatments), store (PerMuRunRepository.store:
// the run row, every result and member row and the audit entry in one transaction); each stored run is deleted
// before the next (not timed). The first run is checked: one stored result per enterprise, the
// grade counts as computed. Finally one call of PerMuRunRepository.run itself (with its audit
// entry) is timed for comparison.
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
let dbPath = option("--db") ?? "/tmp/parkos-permu-bench.sqlite"
let count = option("--enterprises").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 5)

var logger = Logger(label: "permu-db-bench")
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
    let existing = try await rows("leases")
    if existing < count {
        guard existing == 0 else {
            print("\(target) holds \(existing) leases, fewer than \(count): use another database")
            exit(2)
        }
        print("writing \(count) enterprises into \(target) …")
        let w0 = ContinuousClock.now
        try await PerMuBenchData.write(db, count: count) { print("  \($0) written (\(ms(ContinuousClock.now - w0)))") }
        if target.isPostgres { try await sql.raw("ANALYZE").run() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    print("database: \(target), \(try await rows("leases")) leases, \(try await rows("performance_reports")) report rows (all versions)")
    try await PerMuBenchData.clearRuns(db)
    let scheme = PerMuBenchData.scheme
    let system = Principal.system("permu-db-bench")
    var found = try await PerMuSchemeRepository(db: db).find(name: scheme.name)
    if found == nil { found = try await PerMuSchemeRepository(db: db).save(scheme, by: system) }
    let stored = found!

    var load: [Duration] = [], score: [Duration] = [], store: [Duration] = [], total: [Duration] = []
    for run in 1...runs {
        let a = ContinuousClock.now
        let figures = try await PerMuFiguresLoader.load(db, year: scheme.year)
        let previous = try await PerMuRunRepository(db: db).history(year: scheme.year - 1)
        let b = ContinuousClock.now
        let result = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures, previous: previous, explanations: false)
        let units = PerMuUnit.units(from: figures, year: scheme.year, mergeSharedParcels: scheme.scope.mergeSharedParcels).units.map(\.figures)
        let c = ContinuousClock.now
        let runID = try await PerMuRunRepository(db: db).store(result, figures: units, schemeID: stored.id, scheme: scheme, by: system).id
        let d = ContinuousClock.now
        load.append(b - a); score.append(c - b); store.append(d - c); total.append(d - a)
        print("run \(run): load \(ms(b - a)), score \(ms(c - b)), store \(ms(d - c)), total \(ms(d - a)) (\(figures.count) enterprises, \(result.results.count) units)")
        if run == 1 { print(try await PerMuBenchData.check(db, runID: runID, result)) }
        try await PerMuBenchData.clearRuns(db)
    }
    func median(_ t: [Duration]) -> String { ms(t.sorted()[t.count / 2]) }
    print("median of \(runs): load \(median(load)), score \(median(score)), store \(median(store)), total \(median(total))")
    let e = ContinuousClock.now
    let outcome = try await PerMuRunRepository(db: db).run(schemeID: stored.id, dryRun: false, by: system)
    print("PerMuRunRepository.run (the same, audited): \(ms(ContinuousClock.now - e)), \(outcome.stored?.graded ?? 0) graded")
    try await PerMuBenchData.clearRuns(db)
} catch {
    print("permu-db-bench failed: \(String(reflecting: error))")
    await runtime.shutdown()
    exit(1)
}
await runtime.shutdown()
