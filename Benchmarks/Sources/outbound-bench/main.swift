// The filings checker over a whole park, in-process (issue 14: 100,000 projects < 50 ms):
//   swift build -c release --package-path Benchmarks --product outbound-bench --scratch-path /tmp/bench-outbound
//   /tmp/bench-outbound/release/outbound-bench [--projects N] [--runs R]
// Builds N seeded projects (countries with sensitive ones among them, divisions with the
// sensitive ones, declared activities, amounts around every threshold, dates across March 2018),
// puts them in columns (not timed), then times R runs (default 20) of FilingColumns.plans under the
// 2018 rules; prints the median and fastest. The scalar, explained checker (FilingChecker.check,
// reasons and documents included) is timed once over the same projects for comparison, and the
// two are checked to agree on every project.
import Foundation
import ParkDomain

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let count = option("--projects").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 20)

func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.2f ms", Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
}

var rng = SeededGenerator(seed: 14)
let countries = DemoOutbound.beltAndRoadCountries + DemoOutbound.otherCountries + ["KP", "SY", "BZ", "PY", "YE"]
let divisions = ["36", "39", "27", "38", "34", "26", "65", "72", "70", "61", "90", "86", "89", "59"]
let edges: [Int64] = [99_999_999_99, 100_000_000_00, 299_999_999_99, 300_000_000_00, 300_000_000_01]
let start = LocalDate(year: 2016, month: 1, day: 1)!
var inputs: [FilingInput] = []
inputs.reserveCapacity(count)
for _ in 0..<count {
    let usd: Int64 = rng.chance(5) ? rng.pick(edges) : Int64(rng.int(in: 1...5_000)) * 100_000_00 / 10
    let acts = rng.chance(2) ? [rng.pick(SensitiveActivity.allCases)] : []
    inputs.append(FilingInput(countryCode: rng.pick(countries), industryCode: rng.pick(divisions), activities: acts,
                              form: rng.pick(InvestmentForm.allCases), usdCents: usd, date: start.adding(days: rng.below(3_650))))
}
var columns = FilingColumns()
columns.reserve(count)
for i in inputs { columns.append(i) }
let rules = FilingRuleSet.standard2018
let clock = ContinuousClock()

var times: [Duration] = []
var plans: [UInt8] = []
for _ in 0..<runs {
    let t0 = clock.now
    plans = columns.plans(rules: rules)
    times.append(clock.now - t0)
}
let t0 = clock.now
var sensitive = 0
var mismatches = 0
for (i, x) in inputs.enumerated() {
    let check = FilingChecker.check(x, rules: rules)
    if check.sensitive { sensitive += 1 }
    if check.plan.code != plans[i] { mismatches += 1 }
}
let scalar = clock.now - t0
let sorted = times.sorted()
print("outbound-bench: \(count) projects, \(runs) runs of FilingColumns.plans")
print("  columnar plans: median \(ms(sorted[sorted.count / 2])), fastest \(ms(sorted[0]))")
print("  scalar explained checker (reasons, references, documents): \(ms(scalar)) for all \(count)")
print("  \(sensitive) sensitive, \(plans.filter { $0 & 2 != 0 }.count) national NDRC; columnar and scalar disagree on \(mismatches)")
if mismatches > 0 { exit(1) }
