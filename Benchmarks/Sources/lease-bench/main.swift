// Wall-clock figures for AssessmentBatch.run without the benchmark plugin:
//   swift run -c release --package-path Benchmarks lease-bench [runs]
// Builds the seeded 100,000-lease park (not timed), runs once to warm up, then times `runs`
// runs (default 10) on one thread with ContinuousClock and prints the median and the fastest.
import Foundation
import LeaseBenchFixture
import ParkDomain

let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10
let clock = ContinuousClock()
let buildStart = clock.now
let columns = LeaseBenchFixture.columns()
let buildTime = clock.now - buildStart
print("fixture: \(columns.leaseCount) leases, \(columns.kind.count) commitments, \(columns.year.count) report rows (built in \(buildTime))")

var result = AssessmentBatch.run(columns, asOf: LeaseBenchFixture.asOf, ruleset: .standard)
var times: [Duration] = []
for _ in 0..<runs {
    let start = clock.now
    result = AssessmentBatch.run(columns, asOf: LeaseBenchFixture.asOf, ruleset: .standard)
    times.append(clock.now - start)
}
times.sort()
func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.2f ms", Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
}
let median = times[times.count / 2]
let perCommitment = (Double(median.components.seconds) * 1e9 + Double(median.components.attoseconds) / 1e9) / Double(columns.kind.count)
print("AssessmentBatch.run: median \(ms(median)), fastest \(ms(times[0])) over \(runs) runs; \(String(format: "%.2f", perCommitment)) ns per commitment")
let counts = ProposalKind.allCases.map { k in "\(k.rawValue) \(result.kinds.filter { $0 == k }.count)" }
print("proposals: " + counts.joined(separator: ", "))
