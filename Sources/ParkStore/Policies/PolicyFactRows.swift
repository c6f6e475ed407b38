import FluentKit
import FluentSQLiteDriver
import Foundation
import ParkDomain

/// The queries of `PolicyFactsLoader`, one per source, and the columns they fill. Each query's
/// rows are read left to right on the driver's thread by the per-mu loader's cell readers
/// (`SQLiteCells`, `PGCells`), ids as `LeaseKey`s (no `UUID` parsing); values are literals only
/// where they are ours (the data year, ids ParkOS generated).
enum PolicyFactRows {
    static func only(_ column: String, _ ids: [UUID]?, first: Bool = false) -> String {
        guard let ids else { return "" }
        // A UUID's text (hex and dashes) as SQLite stores Fluent's ids; PostgreSQL parses it.
        if ids.count == 1 { return (first ? " WHERE " : " AND ") + "\(column) = '\(ids[0].uuidString)'" }
        return (first ? " WHERE " : " AND ") + "\(column) IN (" + (ids.isEmpty ? "NULL" : ids.map { "'\($0.uuidString)'" }.joined(separator: ", ")) + ")"
    }

    // MARK: Register

    /// Numbers the enterprises (credit-code order) and reads the register facts in `fields`.
    static func register(_ db: any Database, only id: [UUID]?, fields: [RegisterField], needed: Set<String>?) async throws -> PolicyFactPark {
        let park = PolicyFactPark(needed: needed)
        let columns = (["id"] + fields.map(\.column)).joined(separator: ", ")
        final class Register: @unchecked Sendable {
            /// The numeric fields' columns, by position in `fields` (unused for the others).
            var ints: [PolicyIntColumn]
            init(_ k: Int) { ints = Array(repeating: PolicyIntColumn(), count: k) }
            var industry = PolicyCodeColumn(0), ownership = PolicyCodeColumn(0, vocabulary: Ownership.allCases.map(\.rawValue))
            var origin = PolicyCodeColumn(0), clusters = PolicyListColumn(0)
        }
        let r = Register(fields.count)
        // SQLite would walk the credit-code index and fetch each row at random (0.2 s more on
        // 100,000); a scan and its sorter are cheaper. PostgreSQL chooses well by itself.
        let scan = id == nil && db is any SQLiteDatabase ? " NOT INDEXED" : ""
        try await query(db, "SELECT \(columns) FROM enterprises\(scan)\(only("id", id, first: true)) ORDER BY credit_code") { c in
            guard let key = c.key(), park.add(key) else { return }
            let id = park.ids[park.count - 1]
            for (k, f) in fields.enumerated() {
                switch f {
                case .industry: r.industry.append(c.string() ?? "")
                case .origin: r.origin.append(c.string() ?? "")
                case .ownership:
                    let o = c.string().flatMap(Ownership.init(rawValue:)) ?? .domestic
                    r.ownership.append(o.rawValue)
                case .clusters:
                    if !r.clusters.append((c.string() ?? "").split(separator: ";")) {
                        park.problems.append(PolicyFactProblem(enterpriseID: id, fact: "clusters", reason: Bilingual(
                            zh: "产业集群超过 64 种，按缺失处理", en: "more than 64 distinct clusters in the park: left missing")))
                    }
                case .above, .hq, .rd: r.ints[k].append(c.string() == "1" ? 1 : 0)
                case .fortune500: r.ints[k].append(c.string() != nil ? 1 : 0)
                case .listed: r.ints[k].append(c.string().flatMap(ListingBoard.init(rawValue:)) != nil ? 1 : 0)
                case .employees:
                    let n = c.integer()
                    let micro = n.flatMap(PolicyMicro.count)
                    if n != nil && micro == nil { park.problems.append(.tooLarge(id, "employees")) }
                    r.ints[k].append(micro)
                case .founded: r.ints[k].append(c.string().flatMap(PolicyMicro.date))
                }
            }
        }
        for (k, f) in fields.enumerated() {
            switch f {
            case .industry: park.codes[f.fact] = r.industry
            case .origin: park.codes[f.fact] = r.origin
            case .ownership: park.codes[f.fact] = r.ownership
            case .clusters: park.lists[f.fact] = r.clusters
            default: park.ints[f.fact] = r.ints[k]
            }
        }
        return park
    }

    // MARK: Leases and reports

    /// The lease facts (`leaseFacts`) and the data year's report figures (`yearly`): three plain
    /// reads matched in the loader, as `LandColumnsLoader` does (SQLite's nested-loop joins
    /// probe an index per row): every lease with its enterprise, state, first term end and
    /// parcel; the parcels' areas; every report version of the data year, of which each lease's
    /// newest counts. Land = Σ m² of the leases holding land, as mu; lease state ranked
    /// terminated < active < expiring < extended (leases still at auction or lapsed count for
    /// neither); figures summed over the enterprise's leases, checked.
    static func land(_ db: any Database, _ park: PolicyFactPark, asOf: LocalDate, dataYear: Int, only id: [UUID]?,
                     leaseFacts: Bool, yearly: Bool) async throws {
        let n = park.count
        let leaseSQL = "SELECT id, enterprise_id, state, first_term_end, parcel_id FROM leases" + only("enterprise_id", id, first: true)
        let parcelSQL = id == nil ? "SELECT id, computed_area_m2 FROM parcels"
            : "SELECT p.id, p.computed_area_m2 FROM parcels p JOIN leases l ON l.parcel_id = p.id" + only("l.enterprise_id", id, first: true)
        let reportSQL = """
            SELECT r.lease_id, r.version, r.revenue_yuan, r.tax_paid_yuan, r.rd_spend_yuan, r.average_employees, r.electricity_kwh
            FROM performance_reports r WHERE r.year = \(dataYear)
            """ + (id.map { " AND r.lease_id IN (SELECT l.id FROM leases l" + only("l.enterprise_id", $0, first: true) + ")" } ?? "")
        final class Leases: @unchecked Sendable {
            var keys = LeaseKeyTable(capacity: 1024)
            /// Per lease (by position): its enterprise's row, whether it counts for land and state, its rank, its parcel.
            var owner: [Int32] = [], counts: [Bool] = [], rank: [Int8] = [], holds: [Bool] = [], parcel: [LeaseKey?] = []
            /// Per lease: the newest report version of the year read so far (0: none) and its figures.
            var version: [Int64] = [], money: [(Int64?, Int64?, Int64?)] = [], employees: [Int64?] = [], kWh: [Double?] = []
        }
        let leases = Leases(), parcels = LandColumnsRows.ParcelAreas()
        let from = asOf.iso, horizon = asOf.adding(days: 365).iso
        try await query(db, leaseSQL) { c in
            guard let lease = c.key(), leases.keys.insert(lease) else { return }
            let owner = park.row(c.key()), state = c.string().flatMap(LeaseState.init(rawValue:)), end = c.string() ?? ""
            let counts: Bool
            switch state {
            case .auctioned?, .confirmed?, .lapsed?, nil: counts = false
            default: counts = true
            }
            var rank: Int8 = 0   // terminated
            if let state, state.holdsLand {
                rank = state == .extended ? 3 : (!end.isEmpty && end <= horizon && end >= from ? 2 : 1)
            }
            leases.owner.append(owner.map { Int32($0) } ?? -1); leases.counts.append(counts); leases.rank.append(rank)
            leases.holds.append(state?.holdsLand ?? false); leases.parcel.append(c.key())
            leases.version.append(0); leases.money.append((nil, nil, nil)); leases.employees.append(nil); leases.kWh.append(nil)
        }
        if leaseFacts {
            try await query(db, parcelSQL) { c in if let p = c.key() { parcels.add(p, c.double() ?? 0) } }
            var m2 = [Double](repeating: 0, count: n), rank = [Int8](repeating: -1, count: n)
            for l in leases.owner.indices where leases.owner[l] >= 0 && leases.counts[l] {
                guard let p = leases.parcel[l], let area = parcels.area(p) else { continue }   // no parcel: left out
                let i = Int(leases.owner[l])
                if leases.holds[l] { m2[i] += area }
                rank[i] = max(rank[i], leases.rank[l])
            }
            var mu = PolicyIntColumn(n)
            var state = PolicyCodeColumn(n, vocabulary: ["terminated", "active", "expiring", "extended"])
            for i in 0..<n {
                // Land is known for every enterprise: one without a lease holding land holds 0 mu.
                if let v = PolicyMicro.mu(squareMetres: m2[i]) { mu.set(i, v) } else { park.problems.append(.tooLarge(park.ids[i], "land_mu")) }
                if rank[i] >= 0 { state.ids[i] = Int32(rank[i]) }
            }
            park.ints["land_mu"] = mu; park.codes["lease_state"] = state
        }
        guard yearly else { return }
        try await query(db, reportSQL) { c in
            guard let lease = c.key(), let l = leases.keys.find(lease).map({ Int($0) }), let version = c.integer(),
                  version > leases.version[l] else { return }
            leases.version[l] = version
            leases.money[l] = (c.integer(), c.integer(), c.integer())
            leases.employees[l] = c.integer(); leases.kWh[l] = c.double()
        }
        // Σ over each enterprise's leases; bit k of `bad`: figure k overflowed or was unreadable.
        var money = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: 3)
        var employees = [Int64](repeating: 0, count: n), kWh = [Double](repeating: 0, count: n)
        var reported = [Bool](repeating: false, count: n), bad = [UInt8](repeating: 0, count: n)
        @inline(__always) func add(_ sum: inout Int64, _ v: Int64?, _ i: Int, _ k: Int) {
            guard let v else { bad[i] |= 1 << k; return }
            let (s, o) = sum.addingReportingOverflow(v)
            if o { bad[i] |= 1 << k } else { sum = s }
        }
        for l in leases.owner.indices where leases.owner[l] >= 0 && leases.version[l] > 0 {
            let i = Int(leases.owner[l])
            reported[i] = true
            add(&money[0][i], leases.money[l].0, i, 0); add(&money[1][i], leases.money[l].1, i, 1); add(&money[2][i], leases.money[l].2, i, 2)
            add(&employees[i], leases.employees[l], i, 3)
            if let v = leases.kWh[l] { kWh[i] += v } else { bad[i] |= 1 << 4 }
        }
        var columns = (0..<3).map { _ in PolicyIntColumn(n) }
        var employeeColumn = PolicyIntColumn(n), kWhColumn = PolicyIntColumn(n)
        for i in 0..<n where reported[i] {
            func checked(_ k: Int, _ value: Int64?) -> Int64? {
                guard bad[i] & (1 << k) == 0, let value else { park.problems.append(.tooLarge(park.ids[i], yearlyFacts[k])); return nil }
                return value
            }
            for k in 0..<3 { if let v = checked(k, PolicyMicro.fen(yuan: money[k][i])) { columns[k].set(i, v) } }
            if let v = checked(3, PolicyMicro.count(employees[i])) { employeeColumn.set(i, v) }
            if let v = checked(4, PolicyMicro.rounded(kWh[i], times: PolicyFixed.one)) { kWhColumn.set(i, v) }
        }
        park.money["revenue"] = columns[0]; park.money["tax"] = columns[1]; park.money["rd_spend"] = columns[2]
        park.ints["employees_avg"] = employeeColumn; park.ints["electricity_kwh"] = kWhColumn
    }

    // MARK: Per-mu

    /// The grade and consecutive D years of `runID` (an enacted run), merged members with their unit's.
    static func grades(_ db: any Database, _ park: PolicyFactPark, runID: UUID, only id: [UUID]?) async throws {
        let n = park.count, run = runID.uuidString
        final class Grades: @unchecked Sendable {
            var grade: PolicyCodeColumn, years: PolicyIntColumn
            init(_ n: Int) { grade = PolicyCodeColumn(n, vocabulary: PerMuGrade.allCases.map(\.rawValue)); years = PolicyIntColumn(n) }
        }
        let g = Grades(n)
        try await query(db, """
            SELECT enterprise_id, grade, consecutive_years FROM permu_results WHERE run_id = '\(run)' AND grade IS NOT NULL\(only("enterprise_id", id))
            UNION ALL
            SELECT m.enterprise_id, r.grade, r.consecutive_years FROM permu_merged m
              JOIN permu_results r ON r.run_id = m.run_id AND r.enterprise_id = m.lead_id
            WHERE m.run_id = '\(run)' AND r.grade IS NOT NULL\(only("m.enterprise_id", id))
            """) { c in
            guard let i = park.row(c.key()), let grade = c.string().flatMap(PerMuGrade.init(rawValue:)) else { return }
            g.grade.set(i, grade.rawValue)
            let years = grade == .d ? c.integer() ?? 0 : 0
            if let v = PolicyMicro.count(years) { g.years.set(i, v) } else {
                g.years.clear(i); park.problems.append(.tooLarge(park.ids[i], "permu_d_years"))
            }
        }
        park.codes["permu_grade"] = g.grade; park.ints["permu_d_years"] = g.years
    }

    // MARK: Supplied

    /// The supplied facts: year 0 for the standing ones, the data year for the yearly ones.
    static func supplied(_ db: any Database, _ park: PolicyFactPark, dataYear: Int, only id: [UUID]?, needed: Set<String>?) async throws {
        final class Rows: @unchecked Sendable { var rows: [(Int, PolicyFact, Int, String)] = [] }
        let read = Rows()
        try await query(db, """
            SELECT enterprise_id, fact, year, value FROM enterprise_facts WHERE year IN (0, \(dataYear))\(only("enterprise_id", id))
            """) { c in
            guard let i = park.row(c.key()), let fact = c.string().flatMap({ PolicyFactCatalogue.builtIn[$0] }),
                  needed?.contains(fact.name) ?? true, let year = c.integer(), let text = c.string() else { return }
            read.rows.append((i, fact, Int(year), text))
        }
        // Values repeat (certification sets, tiers, round amounts): each distinct text is parsed once.
        var parsed: [String: [String: PolicyFactValue?]] = [:]
        for (i, fact, year, text) in read.rows {
            guard year == (EnterpriseFactRepository.isYearly(fact) ? dataYear : 0) else { continue }
            let value: PolicyFactValue?
            if let known = parsed[fact.name]?[text] { value = known } else {
                value = try? PolicyFactText.parse(text, fact: fact)
                parsed[fact.name, default: [:]][text] = .some(value)
            }
            if let value { park.set(fact, row: i, value) }
        }
    }
}
