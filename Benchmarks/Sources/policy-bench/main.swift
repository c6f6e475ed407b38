// Wall-clock figures for compiled policy evaluation (PolicyProgram) on one core:
//   swift build -c release --package-path Benchmarks --scratch-path /tmp/policy-bench-build --product policy-bench
//   /tmp/policy-bench-build/release/policy-bench [--policies N] [--enterprises N] [--runs R]
//                                                [--entities N] [--dump DIR] [--mode all|matrix|rule]
// matrix: N policies (the built-ins plus generated variants) × N enterprises (seeded, 7 % of
//   facts missing): three-valued status, amount in fen and the missing-fact mask per pair;
//   prints the median of R runs and ns per evaluation.
// rule: the R&D expense subsidy alone over --entities (default 1,000,000) enterprises without
//   missing facts, the rule Benchmarks/openfisca_baseline/ computes with OpenFisca; --dump DIR
//   writes the population for `openfisca_baseline/rd_subsidy.py --data DIR` so both compute on
//   the same rows, and prints the totals to compare.
import Foundation
import ParkDomain

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let policyCount = option("--policies").flatMap(Int.init) ?? 200
let enterpriseCount = option("--enterprises").flatMap(Int.init) ?? 100_000
let entityCount = option("--entities").flatMap(Int.init) ?? 1_000_000
let runs = max(1, option("--runs").flatMap(Int.init) ?? 7)
let mode = option("--mode") ?? "all"
let asOf = LocalDate(year: 2025, month: 6, day: 30)!
let clock = ContinuousClock()
func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15 }

if mode == "all" || mode == "matrix" {
    let start = clock.now
    let policies = try PolicyBenchFixture.policies(count: policyCount)
    let programs = policies.map(PolicyProgram.init)
    let table = try PolicyBenchFixture.table(rows: enterpriseCount, seed: 20_250_630, missingPercent: 7)
    let ops = programs.reduce(0) { $0 + $1.size.ops }
    print("fixture: \(programs.count) policies (\(ops) ops in all), \(table.count) enterprises, 7 % of facts missing (built in \(clock.now - start))")
    var results = PolicyResults(count: table.count)
    var counts = [0, 0, 0], total: Int64 = 0, missingAmounts = 0
    func pass(tally: Bool) throws {
        for p in programs {
            try p.run(table, asOf: asOf, into: &results)
            // Consume the output (and tally it once) so nothing is optimised away.
            var byStatus = (0, 0, 0), sum: Int64 = 0, undeterminedAmounts = 0
            results.status.withUnsafeBufferPointer { st in
                results.amountFen.withUnsafeBufferPointer { am in
                    results.missing.withUnsafeBufferPointer { mi in
                        var eligible = 0, undetermined = 0
                        for i in 0..<st.count {
                            let s = Int(st[i])
                            eligible &+= s & 1
                            undetermined &+= s >> 1
                            sum &+= am[i]
                            undeterminedAmounts &+= (s & 1) & (mi[i] != 0 ? 1 : 0)
                        }
                        byStatus = (st.count - eligible - undetermined, eligible, undetermined)
                    }
                }
            }
            let (c0, c1, c2) = byStatus
            if tally { counts[0] += c0; counts[1] += c1; counts[2] += c2; total &+= sum; missingAmounts += undeterminedAmounts }
        }
    }
    try pass(tally: true)
    var times: [Duration] = []
    for _ in 0..<runs {
        let t0 = clock.now
        try pass(tally: false)
        times.append(clock.now - t0)
    }
    times.sort()
    let median = times[times.count / 2]
    let evaluations = Double(programs.count * table.count)
    print(String(format: "matrix %d policies × %d enterprises: median %.1f ms, fastest %.1f ms over %d runs; %.2f ns per evaluation",
                 programs.count, table.count, ms(median), ms(times[0]), runs, ms(median) * 1e6 / evaluations))
    print("answers: eligible \(counts[1]) (amount undetermined \(missingAmounts)), not eligible \(counts[0]), undetermined \(counts[2]); amounts \(Double(total) / 100) yuan")
}

if mode == "all" || mode == "rule" {
    // The OpenFisca twin: R&D expense subsidy over entities with every fact known.
    var rng = SeededGenerator(seed: 42)
    let n = entityCount
    var rd = [Int64](repeating: 0, count: n), highTech = [UInt8](repeating: 0, count: n)
    var above = [UInt8](repeating: 0, count: n), grade = [Int32](repeating: 0, count: n)
    for i in 0..<n {
        rd[i] = Int64(rng.int(in: 0...120_000_000)) * 100
        highTech[i] = rng.chance(40) ? 1 : 0
        above[i] = rng.chance(60) ? 1 : 0
        grade[i] = Int32(rng.below(4))
    }
    let ones = [UInt8](repeating: 1, count: n)
    var table = PolicyFactTable(count: n)
    try table.setMoney("rd_spend", fen: rd, present: ones)
    try table.setCodeLists("certifications", bits: highTech.map { UInt64($0) }, present: ones, vocabulary: ["high_tech"])
    try table.setRaw("above_designated_size", values: above.map { Int64($0) }, present: ones)
    try table.setCodes("permu_grade", ids: grade, vocabulary: ["A", "B", "C", "D"])
    if let dir = option("--dump") {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write<T>(_ a: [T], _ name: String) throws {
            try a.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        try write(rd, "rd_spend_fen.i64"); try write(highTech, "high_tech.u8"); try write(above, "above_size.u8")
        try write(grade, "grade.i32")
        print("population written to \(dir)")
    }
    let policy = try Policy.parse(PolicyLibrary.rdExpenseSubsidy.source)
    let program = PolicyProgram(policy)
    var results = try program.run(table, asOf: asOf)
    var times: [Duration] = []
    for _ in 0..<runs {
        let t0 = clock.now
        try program.run(table, asOf: asOf, into: &results)
        times.append(clock.now - t0)
    }
    times.sort()
    let median = times[times.count / 2]
    var eligible = 0, total: Int64 = 0
    for i in 0..<n where results.status[i] == 1 { eligible += 1; total += results.amountFen[i] }
    print(String(format: "rule sip_rd_expense_subsidy × %d entities: median %.2f ms, fastest %.2f ms over %d runs; %.2f ns per evaluation",
                 n, ms(median), ms(times[0]), runs, ms(median) * 1e6 / Double(n)))
    print("rule totals: eligible \(eligible), amount \(total / 100).\(String(format: "%02d", Int(total % 100))) yuan")
}
