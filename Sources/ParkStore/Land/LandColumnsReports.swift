import Foundation
import ParkDomain

/// The report rows of `LandColumnsLoader`, staged in arrival (storage) order with the position
/// of their lease, then grouped: a counting sort on the lease, each lease's rows ordered by
/// (year, version), and of each year only the last (highest version) kept.
final class ReportRows: @unchecked Sendable {
    /// The staged rows: report columns (only the per-report arrays are used), each row's lease
    /// position and version. One struct, so a row is one access to the class's storage.
    struct Stage {
        var columns = AssessmentColumns()
        var lease: [Int32] = []
        var version: [Int32] = []

        @inline(__always)
        mutating func add(_ l: Int32, _ year: Int, _ v: Int, _ investment: Double, _ tax: Double, _ revenue: Double,
                          _ valueAdded: Double, _ rd: Double, _ energy: Double, _ emissions: Double, _ employees: Double,
                          _ productionStartDay: Int32) {
            lease.append(l); version.append(Int32(clamping: v))
            columns.year.append(Int32(clamping: year)); columns.investmentToDate.append(investment); columns.tax.append(tax)
            columns.revenue.append(revenue); columns.valueAdded.append(valueAdded); columns.rdSpend.append(rd)
            columns.energy.append(energy); columns.emissions.append(emissions); columns.employees.append(employees)
            columns.productionStartDay.append(productionStartDay)
        }
    }

    let position: LeaseKeyTable
    let leaseCount: Int
    var stage = Stage()

    /// Room for 16 rows a lease: ten years and corrections fit without the arrays growing (a
    /// regrowth copies and touches every array again); pages never written cost nothing.
    static func capacity(leases: Int) -> Int { max(1024, leases * 16) }

    init(_ leases: LeaseRows, capacity: Int = 1024) {
        position = leases.stage.position
        leaseCount = leases.count
        stage.columns.reserve(leases: 0, commitments: 0, reports: capacity)
        stage.lease.reserveCapacity(capacity); stage.version.reserveCapacity(capacity)
    }

    /// Stages one report row; rows of leases not loaded are dropped.
    @inline(__always)
    func add(_ key: LeaseKey?, year: Int, version: Int, investment: Double, tax: Double, revenue: Double, valueAdded: Double,
             rd: Double, energy: Double, emissions: Double, employees: Double, productionStartDay: Int32) {
        guard let key, let l = position.find(key) else { return }
        stage.add(l, year, version, investment, tax, revenue, valueAdded, rd, energy, emissions, employees, productionStartDay)
    }

    /// `leases` (lease and commitment columns) completed with the grouped report columns.
    func finish(into leases: AssessmentColumns) -> AssessmentColumns {
        var c = leases
        let n = leaseCount, rows = stage.lease.count
        let s = stage.columns, lease = stage.lease, version = stage.version
        var start = [Int](repeating: 0, count: n + 1)
        for l in lease { start[Int(l) + 1] += 1 }
        for l in 0..<n { start[l + 1] += start[l] }
        var next = start
        var order = [Int32](repeating: 0, count: rows)
        for r in 0..<rows {
            let l = Int(lease[r])
            order[next[l]] = Int32(r)
            next[l] += 1
        }
        c.reportStart = [Int32](repeating: 0, count: n)
        c.reportCount = [Int32](repeating: 0, count: n)
        c.year = []; c.investmentToDate = []; c.tax = []; c.revenue = []; c.valueAdded = []; c.rdSpend = []
        c.energy = []; c.emissions = []; c.employees = []; c.productionStartDay = []
        c.reserve(leases: 0, commitments: 0, reports: rows)
        // (year, version) of row a after row b: b goes first. Equal keys keep arrival order.
        @inline(__always) func after(_ a: Int32, _ b: Int32) -> Bool {
            let ya = s.year[Int(a)], yb = s.year[Int(b)]
            return ya > yb || (ya == yb && version[Int(a)] > version[Int(b)])
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
                let r = Int(order[i])
                if i + 1 < to && s.year[Int(order[i + 1])] == s.year[r] { continue }   // a newer version follows
                c.year.append(s.year[r]); c.investmentToDate.append(s.investmentToDate[r]); c.tax.append(s.tax[r])
                c.revenue.append(s.revenue[r]); c.valueAdded.append(s.valueAdded[r]); c.rdSpend.append(s.rdSpend[r])
                c.energy.append(s.energy[r]); c.emissions.append(s.emissions[r]); c.employees.append(s.employees[r])
                c.productionStartDay.append(s.productionStartDay[r])
            }
            c.reportCount[l] = Int32(c.year.count) - c.reportStart[l]
        }
        return c
    }
}
