// Wall-clock figures for FDIReportEngine.run (the monthly FDI report with every breakdown) on one core:
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build-fdi --product fdi-bench
//   /tmp/bench-build-fdi/release/fdi-bench [--projects N] [--inflows N] [--runs R]
// Builds a seeded park (not timed): 100,000 projects (30 countries, 7 clusters, 7 types, 8 stages,
// 40 officers, 5 sources, 40 industry divisions with their category flags), 1,000,000 inflows over
// the 36 months to 2025-12, a contracted entry and a signing per project; one cell per inflow, entry
// and signing (1.2 M cells, nothing pre-aggregated). Times R runs (default 10) of the report for
// 2025-01..2025-12 (with its prior year for the comparable growth) and prints the median and fastest.
import Foundation
import ParkDomain

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let projects = option("--projects").flatMap(Int.init) ?? 100_000
let inflows = option("--inflows").flatMap(Int.init) ?? 1_000_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 10)
let clock = ContinuousClock()
func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15 }

let buildStart = clock.now
var rng = SeededGenerator(seed: 20_200_630)
var cells = FDICells()
cells.reserve(inflows + 2 * projects)
let countries = ["US", "JP", "DE", "SG", "KR", "VG", "FR", "GB", "NL", "CH", "KY", "SE", "IT", "DK", "CA", "AU", "IE", "BE", "FI", "AT",
                 "IL", "ES", "MY", "TH", "IN", "NO", "NZ", "LU", "HK", "TW"]
let divisions = (0..<40).map { String(format: "%02d", 26 + $0) }
let first = YearMonth(year: 2023, month: 1)!
struct P { var dims: [Int32]; var flags: UInt8 }
var ps: [P] = []
ps.reserveCapacity(projects)
for i in 0..<projects {
    let d = divisions[rng.below(divisions.count)]
    var flags: UInt8 = 0
    if ["66", "67", "68"].contains(d) { flags |= FDICells.financial }
    if ["26", "27", "34", "35", "38", "39", "40", "63", "64", "65"].contains(d) { flags |= FDICells.strategicEmerging }
    if ["27", "37", "39", "40"].contains(d) { flags |= FDICells.highTech }
    let dims: [Int32] = [cells.key(.country, countries[rng.below(countries.count)]), cells.key(.cluster, "c\(rng.below(7))"),
                         cells.key(.type, "t\(rng.below(7))"), cells.key(.stage, "s\(rng.below(8))"),
                         cells.key(.officer, "o\(rng.below(40))"), cells.key(.source, "src\(rng.below(5))")]
    ps.append(P(dims: dims, flags: flags))
    let signed = first.adding(months: rng.below(36))!
    cells.append(month: signed, dims: dims, flags: flags, contractedUSD: Int64(rng.int(in: 1...5_000)) * 100_000,
                 contractedCNY: Int64(rng.int(in: 1...35_000)) * 100_000, newProjects: 1)
    _ = i
}
for _ in 0..<inflows {
    let p = ps[rng.below(ps.count)]
    let usd = Int64(rng.int(in: 1...20_000)) * 10_000
    cells.append(month: first.adding(months: rng.below(36))!, dims: p.dims, flags: p.flags, utilisedUSD: usd, utilisedCNY: usd * 7)
}
print("fixture: \(projects) projects, \(inflows) inflows, \(cells.count) cells (built in \(clock.now - buildStart))")

let from = YearMonth(year: 2025, month: 1)!, to = YearMonth(year: 2025, month: 12)!
var report = try FDIReportEngine.run(cells, from: from, to: to)
var times: [Duration] = []
for _ in 0..<runs {
    let start = clock.now
    report = try FDIReportEngine.run(cells, from: from, to: to)
    times.append(clock.now - start)
}
times.sort()
print(String(format: "FDIReportEngine.run (2025-01..2025-12, 6 breakdowns, comparable YoY, shares): median %.2f ms, fastest %.2f ms over %d runs; %.1f ns per cell",
             ms(times[times.count / 2]), ms(times[0]), runs, ms(times[times.count / 2]) * 1e6 / Double(cells.count)))
print("utilised US$ cents \(report.totals.utilisedUSDCents), new projects \(report.totals.newProjects), growth \(report.utilisedGrowth ?? .nan), countries \(report.breakdowns[.country]?.count ?? 0)")
