import BenchSupport
import Foundation
import LeaseBenchFixture
import ParkDomain
import ParkStore

enum BenchChecks {
    /// Compares loaded columns with the fixture lease by lease (through the ids): terms,
    /// commitments and report rows must be identical, areas equal up to the m² ↔ mu round trip;
    /// then the two batch results. Returns a one-line verdict, or throws on a difference.
    static func verify(_ loaded: AssessmentColumns, ids: [UUID], fixture f: AssessmentColumns) throws -> String {
        guard loaded.leaseCount == f.leaseCount else {
            return "not verified: \(loaded.leaseCount) leases loaded, the fixture has \(f.leaseCount)"
        }
        var maxAreaDiff = 0.0
        for (l, id) in ids.enumerated() {
            guard let x = BenchData.leaseNumber(id), x < f.leaseCount else { throw Mismatch("lease \(id) is not a bench lease") }
            maxAreaDiff = max(maxAreaDiff, abs(loaded.areaMu[l] - f.areaMu[x]) / f.areaMu[x])
            guard loaded.firstTermYears[l] == f.firstTermYears[x], loaded.maxTotalYears[l] == f.maxTotalYears[x]
            else { throw Mismatch("terms of lease \(x)") }
            let a = Int(loaded.commitmentStart[l]), b = Int(f.commitmentStart[x]), n = Int(f.commitmentCount[x])
            guard loaded.commitmentCount[l] == f.commitmentCount[x] else { throw Mismatch("commitment count of lease \(x)") }
            for k in 0..<n {
                let i = a + k, j = b + k
                guard loaded.kind[i] == f.kind[j], loaded.direction[i] == f.direction[j], loaded.measure[i] == f.measure[j],
                      loaded.years[i] == f.years[j], loaded.target[i] == f.target[j], loaded.targetDay[i] == f.targetDay[j],
                      loaded.mandatory[i] == f.mandatory[j], loaded.weight[i] == f.weight[j]
                else { throw Mismatch("commitment \(k) of lease \(x)") }
            }
            let ra = Int(loaded.reportStart[l]), rb = Int(f.reportStart[x]), rn = Int(f.reportCount[x])
            guard loaded.reportCount[l] == f.reportCount[x] else {
                throw Mismatch("report count of lease \(x): \(loaded.reportCount[l]) vs \(rn)")
            }
            for k in 0..<rn {
                let i = ra + k, j = rb + k
                guard loaded.year[i] == f.year[j], loaded.investmentToDate[i] == f.investmentToDate[j], loaded.tax[i] == f.tax[j],
                      loaded.revenue[i] == f.revenue[j], loaded.valueAdded[i] == f.valueAdded[j], loaded.rdSpend[i] == f.rdSpend[j],
                      loaded.energy[i] == f.energy[j], loaded.emissions[i] == f.emissions[j],
                      loaded.employees[i] == f.employees[j], loaded.productionStartDay[i] == f.productionStartDay[j]
                else { throw Mismatch("report \(f.year[j]) of lease \(x)") }
            }
        }
        let mine = AssessmentBatch.run(loaded, asOf: LeaseBenchFixture.asOf, ruleset: .standard)
        let theirs = AssessmentBatch.run(f, asOf: LeaseBenchFixture.asOf, ruleset: .standard)
        var kindDiffs = 0, maxScoreDiff = 0.0
        for (l, id) in ids.enumerated() {
            let x = BenchData.leaseNumber(id)!
            if mine.kinds[l] != theirs.kinds[x] || mine.extensionYears[l] != theirs.extensionYears[x] { kindDiffs += 1 }
            maxScoreDiff = max(maxScoreDiff, abs(mine.scores[l] - theirs.scores[x]))
        }
        guard kindDiffs == 0 else { throw Mismatch("\(kindDiffs) proposals differ from the in-process run") }
        return "verified: \(ids.count) leases identical to the fixture (area round trip ≤ \(String(format: "%.1e", maxAreaDiff)) "
            + "relative), proposals identical, max |Δscore| \(String(format: "%.1e", maxScoreDiff))"
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = "loaded columns differ from the fixture: " + d }
    }

    // MARK: JSON decoders for the commitments column

    /// Times three ways of turning the 100,000 commitment texts into columns: `JSONDecoder`,
    /// `JSONSerialization` with a hand mapping, and `CommitmentColumnsJSON`'s byte scanner.
    static func jsonBench(_ f: AssessmentColumns, runs: Int) {
        let texts = (0..<f.leaseCount).map { BenchData.json(BenchData.commitments(f, lease: $0)) }
        print(jsonEdgeCases())
        print("commitments JSON: \(texts.count) texts, \(texts.reduce(0) { $0 + $1.utf8.count } / texts.count) bytes each on average")
        let ways: [(String, (String, inout AssessmentColumns) -> Void)] = [
            ("JSONDecoder [Commitment]", { t, c in _ = CommitmentColumnsJSON.appendDecoding(Data(t.utf8), to: &c) }),
            ("JSONSerialization", { t, c in serialization(t, &c) }),
            ("byte scanner", { t, c in _ = CommitmentColumnsJSON.append(t, to: &c) }),
        ]
        var reference: AssessmentColumns?
        for (name, way) in ways {
            var times: [Duration] = []
            var out = AssessmentColumns()
            for _ in 0..<runs {
                out = AssessmentColumns()
                out.reserve(leases: 0, commitments: f.kind.count, reports: 0)
                let t0 = ContinuousClock.now
                for t in texts { way(t, &out) }
                times.append(ContinuousClock.now - t0)
            }
            var differing: [String] = []
            if let r = reference {
                if r.kind != out.kind { differing.append("kind") }
                if r.direction != out.direction { differing.append("direction") }
                if r.measure != out.measure { differing.append("measure") }
                if r.years != out.years { differing.append("years") }
                if r.target != out.target {
                    let i = r.target.indices.first { r.target[$0] != out.target[$0] } ?? 0
                    differing.append("target (first at \(i): \(r.target[i]) vs \(out.target[i]))")
                }
                if r.targetDay != out.targetDay { differing.append("targetDay") }
                if r.mandatory != out.mandatory { differing.append("mandatory") }
                if r.weight != out.weight { differing.append("weight") }
            }
            let same = differing.isEmpty
            reference = reference ?? out
            print("  \(name): median \(ms(times.sorted()[runs / 2])) over \(runs) runs"
                  + (same ? "" : " — differs from JSONDecoder in " + differing.joined(separator: ", ")))
        }
    }

    /// Odd but possible texts: the scanner must give exactly what `JSONDecoder` gives.
    static func jsonEdgeCases() -> String {
        let base = #""direction":"at_least","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"weight":1,"years":1"#
        let cases = [
            "[]", " [ ] ", "[{\(base)}]", "[ { \(base) } , {\(base)} ]\n",
            #"[{"direction":"by_date","kind":"production_start","label":"","mandatory":false,"measure":"latest","target":0,"targetDate":"2017-02-28","weight":10,"years":1}]"#,
            #"[{"direction":"at_most","kind":"custom","label":"废水 \"COD\" \u00e9\/x","mandatory":false,"measure":"cumulative","target":-1.5e-3,"weight":0.25,"years":3}]"#,
            #"[{"direction":"at_least","kind":"rd_ratio","label":"","mandatory":true,"measure":"average_last_years","target":1e21,"targetDate":null,"weight":2,"years":-4,"extra":"x","n":null}]"#,
            #"[{"kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"weight":1,"years":1}]"#,
            #"[{"direction":"sideways","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"weight":1,"years":1}]"#,
            #"[{"direction":"at_least","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"weight":1,"years":1.0}]"#,
            #"[{"direction":"at_least","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"targetDate":"2017-02-30","weight":1,"years":1}]"#,
            #"[{"direction":"at_least","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":5,"weight":1,"years":1,"nested":[1]}]"#,
            #"[{"direction":"at_least","kind":"jobs","label":"","mandatory":1,"measure":"latest","target":5,"weight":1,"years":1}]"#,
            #"[{"direction":"at_le\u0061st","kind":"jobs","label":"","mandatory":true,"measure":"latest","target":-0,"weight":1,"years":1}]"#,
            "null", "", "[{\(base)}", "[{\(base)}] x", "[{\(base)},]",
        ]
        var failures: [String] = []
        for text in cases {
            var mine = AssessmentColumns(), reference = AssessmentColumns()
            let n = CommitmentColumnsJSON.append(text, to: &mine)
            let m = CommitmentColumnsJSON.appendDecoding(Data(text.utf8), to: &reference)
            let same = n == m && mine.kind == reference.kind && mine.direction == reference.direction
                && mine.measure == reference.measure && mine.years == reference.years
                && mine.target.map(\.bitPattern) == reference.target.map(\.bitPattern) && mine.targetDay == reference.targetDay
                && mine.mandatory == reference.mandatory && mine.weight == reference.weight
            if !same { failures.append(text) }
        }
        return failures.isEmpty ? "edge cases: all \(cases.count) as JSONDecoder"
            : "edge cases: \(failures.count) of \(cases.count) differ from JSONDecoder: \(failures)"
    }

    static func serialization(_ text: String, _ c: inout AssessmentColumns) {
        guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else { return }
        for o in list {
            guard let kind = (o["kind"] as? String).flatMap(CommitmentKind.init(rawValue:)),
                  let direction = (o["direction"] as? String).flatMap(CommitmentDirection.init(rawValue:)),
                  let measure = (o["measure"] as? String).flatMap(CommitmentMeasure.init(rawValue:)),
                  let target = (o["target"] as? NSNumber)?.doubleValue, let weight = (o["weight"] as? NSNumber)?.doubleValue,
                  let years = (o["years"] as? NSNumber)?.intValue, let mandatory = (o["mandatory"] as? NSNumber)?.boolValue ?? (o["mandatory"] as? Bool) else { continue }
            c.kind.append(AssessmentColumns.code(kind)); c.direction.append(AssessmentColumns.code(direction))
            c.measure.append(AssessmentColumns.code(measure)); c.years.append(Int32(clamping: years)); c.target.append(target)
            c.targetDay.append((o["targetDate"] as? String).flatMap(LocalDate.init(iso:)).map { Int32(clamping: $0.dayNumber) } ?? Int32.min)
            c.mandatory.append(mandatory ? 1 : 0); c.weight.append(weight)
        }
    }
}
