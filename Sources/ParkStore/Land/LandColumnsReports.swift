import Foundation
import ParkDomain

/// The report rows of `LandColumnsLoader`, staged in arrival (storage) order with the position
/// of their lease, then grouped: a counting sort on the lease, each lease's rows ordered by
/// (year, version), and of each year only the last (highest version) kept.
final class ReportRows: @unchecked Sendable {
    /// One staged row (80 bytes: staging and the final gather touch one or two cache lines a
    /// row, where ten separate arrays would touch ten).
    struct Row {
        var lease: Int32, year: Int32, version: Int32, productionStartDay: Int32
        var investment: Double, tax: Double, revenue: Double, valueAdded: Double, rd: Double
        var energy: Double, emissions: Double, employees: Double
    }

    let position: LeaseKeyTable
    let leaseCount: Int
    var rows: [Row] = []

    /// Room for 16 rows a lease: ten years and corrections fit without the array growing (a
    /// regrowth copies and touches it all again); pages never written cost nothing.
    static func capacity(leases: Int) -> Int { max(1024, leases * 16) }

    init(_ leases: LeaseRows, capacity: Int = 1024) {
        position = leases.stage.position
        leaseCount = leases.count
        rows.reserveCapacity(capacity)
    }

    /// Stages one report row; rows of leases not loaded are dropped.
    @inline(__always)
    func add(_ key: LeaseKey?, year: Int, version: Int, investment: Double, tax: Double, revenue: Double, valueAdded: Double,
             rd: Double, energy: Double, emissions: Double, employees: Double, productionStartDay: Int32) {
        guard let key, let l = position.find(key) else { return }
        rows.append(Row(lease: l, year: Int32(clamping: year), version: Int32(clamping: version),
                        productionStartDay: productionStartDay, investment: investment, tax: tax, revenue: revenue,
                        valueAdded: valueAdded, rd: rd, energy: energy, emissions: emissions, employees: employees))
    }

    /// `leases` (lease and commitment columns) completed with the grouped report columns.
    func finish(into leases: AssessmentColumns) -> AssessmentColumns {
        var c = leases
        let n = leaseCount
        let staged = rows
        rows = []
        var start = [Int](repeating: 0, count: n + 1)
        for r in staged { start[Int(r.lease) + 1] += 1 }
        for l in 0..<n { start[l + 1] += start[l] }
        var next = start
        var order = [Int32](repeating: 0, count: staged.count)
        for i in staged.indices {
            let l = Int(staged[i].lease)
            order[next[l]] = Int32(i)
            next[l] += 1
        }
        c.reportStart = [Int32](repeating: 0, count: n)
        c.reportCount = [Int32](repeating: 0, count: n)
        c.year = []; c.investmentToDate = []; c.tax = []; c.revenue = []; c.valueAdded = []; c.rdSpend = []
        c.energy = []; c.emissions = []; c.employees = []; c.productionStartDay = []
        c.reserve(leases: 0, commitments: 0, reports: staged.count)
        staged.withUnsafeBufferPointer { s in
            // Row a goes after row b by (year, version); equal keys keep arrival order.
            @inline(__always) func after(_ a: Int32, _ b: Int32) -> Bool {
                let ra = s[Int(a)], rb = s[Int(b)]
                return ra.year > rb.year || (ra.year == rb.year && ra.version > rb.version)
            }
            for l in 0..<n {
                let from = start[l], to = start[l + 1]
                if to - from > 1 {
                    for i in from + 1..<to {   // insertion sort: rows arrive year by year, so mostly in order
                        let x = order[i]
                        var j = i - 1
                        while j >= from && after(order[j], x) { order[j + 1] = order[j]; j -= 1 }
                        order[j + 1] = x
                    }
                }
                c.reportStart[l] = Int32(c.year.count)
                for i in from..<to {
                    let r = s[Int(order[i])]
                    if i + 1 < to && s[Int(order[i + 1])].year == r.year { continue }   // a newer version follows
                    c.year.append(r.year); c.investmentToDate.append(r.investment); c.tax.append(r.tax)
                    c.revenue.append(r.revenue); c.valueAdded.append(r.valueAdded); c.rdSpend.append(r.rd)
                    c.energy.append(r.energy); c.emissions.append(r.emissions); c.employees.append(r.employees)
                    c.productionStartDay.append(r.productionStartDay)
                }
                c.reportCount[l] = Int32(c.year.count) - c.reportStart[l]
            }
        }
        return c
    }
}
