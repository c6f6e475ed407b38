import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import ParkDomain
import SQLKit

/// A year's per-mu figures (`PerMuFigures`) of every enterprise holding land, from the register,
/// the leases and the leases' yearly reports:
///
/// 1. Land: every lease with a contract that held its parcel in the year (contract start on or
///    before 31 December; not lapsed; a reclaimed or expired lease only if its first term ran
///    to the year's end), with the parcel's area and sub-area and the enterprise's clusters and
///    size. Land (mu) = Σ parcel area (m²) ÷ (2000/3). Sub-area: that of the enterprise's
///    largest parcel. Cluster: the enterprise's first cluster. Enterprises holding leases on
///    the same parcel share its `parcelGroup` (the scheme's scope may merge them).
/// 2. Reports: the newest version of each lease's report for the year. Each figure is the sum
///    over the enterprise's leases that reported (yuan ÷ 10,000 → 万元; kWh, t, tce and
///    employees as reported); an enterprise with no report for the year has every figure
///    missing. It is producing when a report of the year gives a production start on or before
///    31 December.
/// 3. For enterprises not producing: their leases' agreements. Such an enterprise is past its
///    contracted production date when a production-start commitment's date is on or before
///    31 December.
///
/// Enterprises are listed in order of their first lease row (storage order; the evaluation's
/// results follow it). Rows are read through the drivers' own row types (SQLiteNIO columns,
/// PostgresNIO cells), not SQLKit's decoder, which costs seconds at 100,000 enterprises.
public enum PerMuFiguresLoader {
    /// Lease states whose lease holds (or held) land under a contract.
    static let heldStates: [LeaseState] = [.contracted, .underConstruction, .inProduction, .assessmentDue, .assessed, .extended]

    public static func load(_ db: any Database, year: Int) async throws -> [PerMuFigures] {
        let yearEnd = "\(year)-12-31"
        let held = heldStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        // Literals only: the year is an Int and the states are this file's constants.
        let landSQL = """
            SELECT l.id, l.enterprise_id, l.parcel_id, p.computed_area_m2, p.sub_area, e.clusters, e.above_designated_size
            FROM leases l JOIN parcels p ON p.id = l.parcel_id JOIN enterprises e ON e.id = l.enterprise_id
            WHERE l.contract_start IS NOT NULL AND l.contract_start <= '\(yearEnd)'
              AND (l.state IN (\(held)) OR (l.state IN ('reclaimed', 'expired') AND l.first_term_end >= '\(yearEnd)'))
            """
        let reportSQL = """
            SELECT r.lease_id, r.tax_paid_yuan, r.value_added_yuan, r.revenue_yuan, r.rd_spend_yuan, r.energy_tonnes_coal,
                   r.electricity_kwh, r.emissions_tonnes, r.average_employees, r.production_start_date
            FROM performance_reports r
            WHERE r.year = \(year) AND NOT EXISTS (SELECT 1 FROM performance_reports n
                  WHERE n.lease_id = r.lease_id AND n.year = r.year AND n.version > r.version)
            """
        let park = Holdings(year: year, yearEnd: yearEnd)
        try await query(db, landSQL) { park.addLand(&$0) }
        park.startReports()
        try await query(db, reportSQL) { park.addReport(&$0) }
        let waiting = park.leasesOfEnterprisesNotProducing()
        for from in stride(from: 0, to: waiting.count, by: 500) {
            let ids = waiting[from..<min(from + 500, waiting.count)].map { "'\(idLiteral(db, $0))'" }.joined(separator: ", ")
            try await query(db, "SELECT id, commitments FROM leases WHERE id IN (\(ids))") { park.addCommitments(&$0) }
        }
        return park.figures()
    }

    /// A UUID as the text its database compares with: SQLite stores Fluent's UUIDs as text in
    /// upper case, PostgreSQL parses any case.
    static func idLiteral(_ db: any Database, _ id: UUID) -> String { id.uuidString }

    /// Runs `sql` and hands each row's cells, left to right, to `row`.
    static func query(_ db: any Database, _ sql: String, _ row: @escaping @Sendable (inout any PerMuCells) -> Void) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            try await sqlite.withConnection { (conn: SQLiteConnection) in
                try await conn.query(sql, []) { r in
                    var cells: any PerMuCells = SQLiteCells(columns: r.columns)
                    row(&cells)
                }
            }
        } else if let pg = db as? any PostgresDatabase {
            let logger = db.logger
            try await pg.withConnection { (conn: PostgresConnection) in
                conn.query(PostgresQuery(unsafeSQL: sql), logger: logger) { r in
                    var cells: any PerMuCells = PGCells(r)
                    row(&cells)
                }.map { _ in }
            }.get()
        } else {
            throw DomainError(.unsupported, code: "unsupported_database", en: "per-mu figures need SQLite or PostgreSQL",
                              zh: "亩均数据仅支持 SQLite 或 PostgreSQL")
        }
    }

    /// Whether the agreement (`commitments` JSON) has a production-start commitment whose date
    /// is on or before `yearEnd` (ISO dates compare as text).
    static func productionDatePassed(_ commitments: String, yearEnd: String) -> Bool {
        guard commitments.contains(CommitmentKind.productionStart.rawValue),
              let list = try? JSONDecoder().decode([Commitment].self, from: Data(commitments.utf8)) else { return false }
        return list.contains { $0.kind == .productionStart && ($0.targetDate.map { $0.iso <= yearEnd } ?? false) }
    }
}

/// Cells of one row, read left to right (nil for NULL or an unreadable value).
protocol PerMuCells {
    mutating func uuid() -> UUID?
    mutating func double() -> Double?
    mutating func integer() -> Int64?
    mutating func text() -> String?
}

struct SQLiteCells: PerMuCells {
    let columns: [SQLiteColumn]
    var i = 0

    mutating func next() -> SQLiteData? {
        defer { i += 1 }
        return i < columns.count ? columns[i].data : nil
    }

    mutating func uuid() -> UUID? {
        switch next() {
        case .text(let s): UUID(uuidString: s)
        case .blob(let b): b.readableBytes == 16 ? b.withUnsafeReadableBytes { p in
            UUID(uuid: p.loadUnaligned(as: uuid_t.self)) } : nil
        default: nil
        }
    }

    mutating func double() -> Double? {
        switch next() {
        case .integer(let v): Double(v)
        case .float(let v): v
        case .text(let s): Double(s)
        default: nil
        }
    }

    mutating func integer() -> Int64? {
        switch next() {
        case .integer(let v): Int64(v)
        case .float(let v): Int64(exactly: v)
        case .text(let s): Int64(s)
        default: nil
        }
    }

    mutating func text() -> String? {
        switch next() {
        case .text(let s): s
        case .integer(let v): String(v)
        case .float(let v): String(v)
        default: nil
        }
    }
}

extension PGCells: PerMuCells {
    mutating func uuid() -> UUID? {
        guard let cell = next() else { return nil }
        return try? cell.decode(UUID?.self)
    }

    mutating func integer() -> Int64? { int().map(Int64.init) }

    mutating func text() -> String? {
        guard let cell = next() else { return nil }
        if cell.dataType == .bool { return (try? cell.decode(Bool?.self))?.map { $0 ? "1" : "0" } }
        return try? cell.decode(String?.self)
    }
}

/// What the loader gathers, per enterprise (filled on the driver's thread, one query at a time).
/// Enterprises are numbered in order of appearance; leases point at their enterprise's number,
/// so a report row costs one dictionary lookup.
final class Holdings: @unchecked Sendable {
    struct Sums { var tax: Int64 = 0, va: Int64 = 0, revenue: Int64 = 0, rd: Int64 = 0; var energy = 0.0, kWh = 0.0, emissions = 0.0; var employees: Int64 = 0 }

    let year: Int, yearEnd: String
    var index: [UUID: Int] = [:]
    var units: [PerMuFigures] = []
    var largestM2: [Double] = []
    var sums: [Sums?] = []
    /// Each enterprise's parcels and leases beyond its first (rare).
    var firstParcel: [UUID] = [], firstLease: [UUID] = []
    var moreParcels: [Int: [UUID]] = [:], moreLeases: [Int: [UUID]] = [:]
    var leaseOwner: [UUID: Int] = [:]
    /// The first enterprise holding each parcel, and the parcels held by more than one.
    var parcelHolder: [UUID: Int] = [:]
    var sharedParcels: Set<UUID> = []
    var passed: Set<Int> = []

    init(year: Int, yearEnd: String) { self.year = year; self.yearEnd = yearEnd }

    func addLand(_ c: inout any PerMuCells) {
        guard let lease = c.uuid(), let enterprise = c.uuid(), let parcel = c.uuid() else { return }
        let m2 = c.double() ?? 0, subArea = c.text()
        let e: Int
        if let known = index[enterprise] {
            e = known
            units[e].landMu += m2 / (2000.0 / 3.0)
            if m2 > largestM2[e] { largestM2[e] = m2; units[e].subArea = subArea }
            moreParcels[e, default: []].append(parcel); moreLeases[e, default: []].append(lease)
        } else {
            let clusters = (c.text() ?? "").split(separator: ";")
            let above = c.text() == "1"   // SQLite's integer 1, PostgreSQL's true (see PGCells.text())
            e = units.count
            index[enterprise] = e
            units.append(PerMuFigures(enterpriseId: enterprise, year: year, cluster: clusters.first.map(String.init), subArea: subArea,
                                        aboveDesignatedSize: above, landMu: m2 / (2000.0 / 3.0), producing: false,
                                        pastContractedProductionDate: false))
            largestM2.append(m2); sums.append(nil); firstParcel.append(parcel); firstLease.append(lease)
        }
        leaseOwner[lease] = e
        if let first = parcelHolder[parcel] {
            if first != e { sharedParcels.insert(parcel) }
        } else {
            parcelHolder[parcel] = e
        }
    }

    func startReports() {}

    func addReport(_ c: inout any PerMuCells) {
        guard let lease = c.uuid(), let e = leaseOwner[lease] else { return }
        var s = sums[e] ?? Sums()
        s.tax += c.integer() ?? 0; s.va += c.integer() ?? 0; s.revenue += c.integer() ?? 0; s.rd += c.integer() ?? 0
        s.energy += c.double() ?? 0; s.kWh += c.double() ?? 0; s.emissions += c.double() ?? 0; s.employees += c.integer() ?? 0
        sums[e] = s
        if let start = c.text(), start <= yearEnd { units[e].producing = true }
    }

    func leases(_ e: Int) -> [UUID] { [firstLease[e]] + (moreLeases[e] ?? []) }

    func leasesOfEnterprisesNotProducing() -> [UUID] {
        units.indices.flatMap { e in units[e].producing ? [] : leases(e) }
    }

    func addCommitments(_ c: inout any PerMuCells) {
        guard let lease = c.uuid(), let e = leaseOwner[lease], let json = c.text() else { return }
        if PerMuFiguresLoader.productionDatePassed(json, yearEnd: yearEnd) { passed.insert(e) }
    }

    func figures() -> [PerMuFigures] {
        var out = units
        for e in out.indices {
            if let s = sums[e] {
                out[e].taxWanYuan = Double(s.tax) / 10_000; out[e].valueAddedWanYuan = Double(s.va) / 10_000
                out[e].revenueWanYuan = Double(s.revenue) / 10_000; out[e].rdSpendWanYuan = Double(s.rd) / 10_000
                out[e].energyTonnesCoal = s.energy; out[e].electricityKWh = s.kWh
                out[e].emissionsTonnes = s.emissions; out[e].averageEmployees = Double(s.employees)
            }
            out[e].pastContractedProductionDate = out[e].producing || passed.contains(e)
            if !sharedParcels.isEmpty, let shared = ([firstParcel[e]] + (moreParcels[e] ?? [])).first(where: sharedParcels.contains) {
                out[e].parcelGroup = shared.uuidString
            }
        }
        return out
    }
}
