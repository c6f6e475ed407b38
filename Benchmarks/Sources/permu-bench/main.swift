// Wall-clock figures for PerMuBatch.run (score, rank and grade by shares) on one core:
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build-permu
//   /tmp/bench-build-permu/release/permu-bench [--rows N] [--runs R] [--dump DIR]
// Builds the seeded 1,000,000-row year (not timed), runs once to warm up, then times R runs
// (default 10) of the Huangyan 2022 preset with ContinuousClock and prints the median and the
// fastest. --dump DIR also writes the rows for `python3 Benchmarks/permu_numpy_baseline.py
// --data DIR`, which times the NumPy version on the same rows.
import Foundation
import ParkDomain

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let rows = option("--rows").flatMap(Int.init) ?? PerMuFixture.rows
let runs = max(1, option("--runs").flatMap(Int.init) ?? 10)
let clock = ContinuousClock()
let buildStart = clock.now
let columns = PerMuFixture.columns(rows: rows)
print("fixture: \(columns.count) enterprise-years (built in \(clock.now - buildStart))")
if let dir = option("--dump") {
    try PerMuFixture.dump(columns, to: dir)
    print("rows written to \(dir)")
}

func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15 }
let scheme = PerMuScheme.huangyan2022
var result = try PerMuBatch.run(columns, scheme: scheme)
var times: [Duration] = []
for _ in 0..<runs {
    let start = clock.now
    result = try PerMuBatch.run(columns, scheme: scheme)
    times.append(clock.now - start)
}
times.sort()
let median = times[times.count / 2]
print(String(format: "PerMuBatch.run (Huangyan 2022, shares 25/45/25/5): median %.2f ms, fastest %.2f ms over %d runs; %.1f ns per row",
             ms(median), ms(times[0]), runs, ms(median) * 1e6 / Double(columns.count)))
var counts = [Int](repeating: 0, count: 6)
for g in result.grades { counts[g < 4 ? Int(g) : (g == PerMuBatch.ungraded ? 4 : 5)] += 1 }
print("grades: A \(counts[0]), B \(counts[1]), C \(counts[2]), D \(counts[3]), ungraded \(counts[4]), out of scope \(counts[5])")
if let dir = option("--dump") { try PerMuFixture.dump(result, to: dir) }
let checksum = result.scores.reduce(0.0) { $1.isNaN ? $0 : $0 + $1 }
print(String(format: "score checksum %.6f", checksum))
