// Deadlines and overdue state of 100,000 open subtasks on the working calendar, in-process
// (issue 12: < 50 ms):
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/bench-build --product service-bench
//   /tmp/bench-build/release/service-bench [--clocks N] [--runs R]
// Seeded clocks started over the last 90 days (limits 1–30 working days, one in seven with paused
// days, one in eleven paused now) on China's 2024–2026 calendar; times building the calendar index
// and DeadlineColumns.evaluate (due day, remaining working days, state of every clock), and checks
// 1,000 of them against the scalar ServiceClock.
import Foundation
import ParkDomain

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let n = option("--clocks").flatMap(Int.init) ?? 100_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 20)
let today = LocalDate(iso: "2026-03-02")!
var g = SeededGenerator(seed: 12)
var cols = DeadlineColumns()
cols.reserve(n)
var sample: [ServiceClock] = []
let limits = [1, 3, 5, 10, 15, 20, 30]
for i in 0..<n {
    var c = ServiceClock(kind: .resolve, startedOn: today.adding(days: -g.int(in: 0...90)), limitDays: limits[g.below(limits.count)],
                         pausedDays: i % 7 == 0 ? g.int(in: 1...5) : 0)
    if i % 11 == 0 { c.pausedOn = c.startedOn.adding(days: g.int(in: 0...5)) }
    cols.append(c)
    if i < 1_000 { sample.append(c) }
}
func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.2f ms", Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
}
var indexTimes: [Duration] = [], evalTimes: [Duration] = []
var last: DeadlineColumns.Result?
for _ in 0..<runs {
    let a = ContinuousClock.now
    // Built each run (the same span as `around:`, without its reuse of the last index built).
    let index = WorkingDayIndex(calendar: .china, from: today.adding(days: -3660), to: today.adding(days: 1830))
    let b = ContinuousClock.now
    last = cols.evaluate(today: today, index: index)
    let c = ContinuousClock.now
    indexTimes.append(b - a); evalTimes.append(c - b)
}
let index = WorkingDayIndex(calendar: .china, around: today)
for (i, c) in sample.enumerated() where last!.state(i) != c.state(on: today, index) || Int(last!.dueDay[i]) != c.dueOn(index).dayNumber {
    print("mismatch at clock \(i)"); exit(1)
}
let counts = zip(ClockState.allCases, last!.counts).map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
print("\(n) clocks as of \(today): \(counts)")
print("median of \(runs): calendar index \(ms(indexTimes.sorted()[runs / 2])), evaluate \(ms(evalTimes.sorted()[runs / 2])), together \(ms((zip(indexTimes, evalTimes).map { $0 + $1 }).sorted()[runs / 2]))")
