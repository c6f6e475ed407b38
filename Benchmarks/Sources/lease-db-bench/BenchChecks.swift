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
            let same = reference.map { r in r.kind == out.kind && r.target == out.target && r.targetDay == out.targetDay
                && r.years == out.years && r.weight == out.weight && r.mandatory == out.mandatory
                && r.direction == out.direction && r.measure == out.measure } ?? true
            reference = reference ?? out
            print("  \(name): median \(ms(times.sorted()[runs / 2])) over \(runs) runs\(same ? "" : " — DIFFERENT RESULT")")
        }
    }

    static func serialization(_ text: String, _ c: inout AssessmentColumns) {
        guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else { return }
        for o in list {
            guard let kind = (o["kind"] as? String).flatMap(CommitmentKind.init(rawValue:)),
                  let direction = (o["direction"] as? String).flatMap(CommitmentDirection.init(rawValue:)),
                  let measure = (o["measure"] as? String).flatMap(CommitmentMeasure.init(rawValue:)),
                  let target = (o["target"] as? NSNumber)?.doubleValue, let weight = (o["weight"] as? NSNumber)?.doubleValue,
                  let years = (o["years"] as? NSNumber)?.intValue, let mandatory = o["mandatory"] as? Bool else { continue }
            c.kind.append(AssessmentColumns.code(kind)); c.direction.append(AssessmentColumns.code(direction))
            c.measure.append(AssessmentColumns.code(measure)); c.years.append(Int32(clamping: years)); c.target.append(target)
            c.targetDay.append((o["targetDate"] as? String).flatMap(LocalDate.init(iso:)).map { Int32(clamping: $0.dayNumber) } ?? Int32.min)
            c.mandatory.append(mandatory ? 1 : 0); c.weight.append(weight)
        }
    }
}

func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.1f ms", Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
}
