// The platform's statistics from the database (issue 14: 100,000 projects < 1 s):
//   swift build -c release --package-path Benchmarks --product outbound-db-bench --scratch-path /tmp/bench-outbound
//   /tmp/bench-outbound/release/outbound-db-bench [--db PATH] [--projects N] [--runs R]   (SQLite, default /tmp/parkos-outbound-bench.sqlite)
//   DATABASE_URL=postgres://… /tmp/bench-outbound/release/outbound-db-bench
// Fills an empty database (not timed) with N/5 enterprises and N projects over 2015–2026 in
// 60 countries (bulk INSERTs, no audit entries), then times R runs (default 5) of
// OutboundStatsQuery.run — the headline totals, Belt and Road, and the breakdowns by country,
// region, industry and form, all SQL aggregates — cumulative to 2026-06 and for H1 2020, and
// prints the medians. The first run is checked against totals computed from the generated rows.
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
let dbPath = option("--db") ?? "/tmp/parkos-outbound-bench.sqlite"
let count = option("--projects").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 5)
let firms = max(1, count / 5)

var logger = Logger(label: "outbound-db-bench")
logger.logLevel = .warning
let target = DatabaseTarget.resolve(path: dbPath)
let runtime = try StoreRuntime(target, logger: logger)

/// The generated projects' fields that the check needs.
struct Row { var firm: Int; var country: String; var yuanFen: Int64; var usdCents: Int64; var day: LocalDate; var abandoned: Bool }
var rng = SeededGenerator(seed: 1414)
let countries = DemoOutbound.beltAndRoadCountries + DemoOutbound.otherCountries + ["NO", "GR", "CZ", "SK", "BG", "RO", "LK"]
let first = LocalDate(year: 2015, month: 1, day: 1)!
let rows: [Row] = (0..<count).map { _ in
    let usd = Int64(rng.int(in: 1...2_000)) * 10_000_00
    return Row(firm: rng.below(firms), country: rng.pick(countries), yuanFen: usd * 7, usdCents: usd,
               day: first.adding(days: rng.below(4_200)), abandoned: rng.chance(3))
}
do {
    try await runtime.migrate()
    let db = runtime.db
    let sql = db as! any SQLDatabase
    let existing = try await sql.raw("SELECT COUNT(*) AS n FROM outbound_projects").first()!.decode(column: "n", as: Int.self)
    if existing != count {
        guard existing == 0 else { print("\(target) holds \(existing) projects, not \(count): use another database"); exit(2) }
        print("writing \(firms) enterprises and \(count) projects into \(target) …")
        let w0 = ContinuousClock.now
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await BenchInsert.insert(db, "enterprises", ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters", "ownership",
                                                         "origin_country", "regional_hq", "rd_centre", "above_designated_size", "address",
                                                         "updated_at_ms"], count: firms) { e in
            [benchID(41, e), CreditCode.make(region: "320594", organisationBody: String(format: "QB%06d", e * 48_271 % 1_000_000))!.value,
             "境外基准企业\(e)", "Outbound Bench \(e)", "36", "", "domestic", "CN", false, false, false, "Bench Road \(e)", now]
        }
        let beltAndRoad = Set(BeltAndRoad.defaultCountries)
        try await BenchInsert.insert(db, "outbound_projects", ["id", "enterprise_id", "title", "country_code", "industry_code", "sensitive_activities",
                                                               "form", "equity_bp", "currency", "amount_text", "amount_usd_cents", "amount_yuan_fen",
                                                               "rate_month", "financing", "belt_and_road", "region", "stage", "agreed_on",
                                                               "created_at_ms", "updated_at_ms"], count: count) { i in
            let r = rows[i]
            return [benchID(42, i), benchID(41, r.firm), "Bench project \(i)", r.country, ["36", "39", "27", "34"][i % 4], "",
                    InvestmentForm.allCases[i % 4].rawValue, 10_000, "USD", OutboundFormat.hundredths(r.usdCents), r.usdCents, r.yuanFen,
                    YearMonth(r.day).iso, "own_funds", beltAndRoad.contains(r.country), WorldRegion.of(r.country).rawValue,
                    r.abandoned ? "abandoned" : "operating", r.day.iso, now, now]
        }
        if target.isPostgres { try await sql.raw("ANALYZE").run() }
        print("written in \(ms(ContinuousClock.now - w0))")
    }
    let stats = OutboundStatsQuery(db: db)
    let to = YearMonth(year: 2026, month: 6)!
    var cumulative: [Duration] = [], half: [Duration] = []
    for run in 0..<runs {
        let t0 = ContinuousClock.now
        let all = try await stats.run(from: nil, to: to)
        cumulative.append(ContinuousClock.now - t0)
        let t1 = ContinuousClock.now
        _ = try await stats.run(from: YearMonth(year: 2020, month: 1), to: YearMonth(year: 2020, month: 6)!)
        half.append(ContinuousClock.now - t1)
        if run == 0 {
            let counted = rows.filter { !$0.abandoned && $0.day <= to.lastDay }
            let expected = OutboundTotals(firms: Set(counted.map(\.firm)).count, countries: Set(counted.map(\.country)).count, projects: counted.count,
                                          yuanFen: counted.reduce(0) { $0 + $1.yuanFen }, usdCents: counted.reduce(0) { $0 + $1.usdCents })
            guard all.total == expected else { print("mismatch: \(all.total) ≠ \(expected)"); exit(1) }
            print("checked: \(all.total.projects) projects, \(all.total.firms) firms, \(all.total.countries) countries, \(OutboundFormat.hundredths(all.total.yuanFen)) yuan")
        }
    }
    print("outbound-db-bench on \(target.isPostgres ? "PostgreSQL" : "SQLite"), \(count) projects: stats cumulative to 2026-06 median \(medianMS(cumulative)), H1 2020 median \(medianMS(half)) (\(runs) runs)")
    await runtime.shutdown()
} catch {
    print("error: \(error)")
    await runtime.shutdown()
    exit(1)
}
