// Indicators through the database (issue 13 "Speed"):
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build --product indicators-db-bench
//   /tmp/bench-build/release/indicators-db-bench [--db PATH] [--enterprises N] [--runs R] [--month YYYY-MM]
//   DATABASE_URL=postgres://… /tmp/bench-build/release/indicators-db-bench …
// On an empty database writes the per-mu benchmark park (PerMuBenchData, shared with permu-db-bench
// through a symbolic link: N enterprises, each with a parcel, a lease in production and reports for
// 2023 and 2024, one in a hundred corrected) and the demo's published series and targets (not timed).
// A database that already holds enterprises (e.g. `parkos demo --scale sip --no-serve --db FILE`) is
// used as it is. Then times R runs (default 5) of
//   - ParkOS's own figures for the month with all five breakdowns (DerivedFiguresQuery.figures), and
//   - the whole leadership page from the database (report, derived figures, HTML), both languages.
import BenchSupport
import FluentKit
import Foundation
import Logging
import ParkDomain
import ParkServer
import ParkStore
import SQLKit

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let dbPath = option("--db") ?? "/tmp/parkos-indicators-bench.sqlite"
let count = option("--enterprises").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 5)
// The benchmark park reports 2023 and 2024: a month of 2025 reads data year 2024.
let month = option("--month").flatMap(YearMonth.init(iso:)) ?? YearMonth(year: 2025, month: 5)!
// The clock stands in the month after, so the month has ended and the demo series reach it.
let next = month.adding(months: 1)!
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
let clock = ParkClock.fixed(calendar.date(from: DateComponents(year: next.year, month: next.month, day: 1, hour: 8))!)

var logger = Logger(label: "indicators-db-bench")
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
    if try await rows("enterprises") == 0 {
        print("writing \(count) enterprises into \(target) …")
        let w0 = ContinuousClock.now
        try await PerMuBenchData.write(db, count: count) { print("  \($0) written (\(ms(ContinuousClock.now - w0)))") }
        if target.isPostgres { try await sql.raw("ANALYZE").run() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    if try await rows("indicator_values") == 0 {
        try await DemoIndicatorSeeder(db: db, clock: clock).seed { print("  \($0)") }
    }
    print("database: \(target), \(try await rows("enterprises")) enterprises, \(try await rows("leases")) leases, "
          + "\(try await rows("performance_reports")) report rows, \(try await rows("indicator_values")) indicator values; month \(month.iso)")
    let reader = Principal.system("indicators-db-bench")
    let query = DerivedFiguresQuery(db: db, clock: clock)
    var derived: [Duration] = [], page: [Duration] = []
    for run in 1...runs {
        let a = ContinuousClock.now
        let d = try await query.figures(month: month)
        let b = ContinuousClock.now
        var bytes = 0
        for lang in Language.allCases {
            bytes += try await LeadershipPageRenderer.html(db: db, clock: clock, month: month, language: lang, by: reader).utf8.count
        }
        let c = ContinuousClock.now
        derived.append(b - a); page.append((c - b) / 2)
        let groups = d.breakdowns.values.reduce(0) { $0 + $1.count }
        let derivedLine: String = "derived figures with breakdowns \(ms(b - a)) (\(d.enterprises) enterprises, tax \(d.taxYuan) yuan, above-scale output \(d.outputYuan) yuan in \(d.aboveScaleFirms) firms, \(groups) groups)"
        let pageLine: String = "leadership page \(ms((c - b) / 2)) a language (\(bytes / 2) bytes)"
        print("run \(run): \(derivedLine); \(pageLine)")
    }
    print("median of \(runs): derived figures with breakdowns \(medianMS(derived)), leadership page \(medianMS(page))")
    await runtime.shutdown()
} catch {
    await runtime.shutdown()
    print("error: \(error)")
    exit(1)
}
