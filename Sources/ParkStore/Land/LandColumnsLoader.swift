import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import ParkDomain
import SQLKit

/// Fills `AssessmentColumns` for a whole park straight from SQL, for `AssessmentBatch.run`: two
/// queries, no Fluent models, no `Lease`/`Commitment`/`PerformanceReport` values.
///
/// 1. `leases ⋈ parcels` ordered by lease id: the lease's terms (a lease without a contract gets
///    10 + 30 years, as `LeaseModel.toDomain()` does), its area in mu (`computed_area_m2 ÷ 2000/3`,
///    as `Parcel.computedAreaMu`) and its commitments, scanned from the JSON column by
///    `CommitmentColumnsJSON`. A lease whose parcel row is missing is left out (as `LandSnapshot`).
/// 2. `performance_reports` ordered by lease and year, only the newest version of each
///    (lease, year) — chosen in SQL (`Newest`), the same on SQLite and PostgreSQL.
///
/// Rows are read through the driver's own row type (`RowAccess.native`: SQLiteNIO rows by
/// column, PostgresNIO rows decoded by position) or through SQLKit's `SQLRow.decode(column:as:)`
/// (`.sqlKit`, any SQL database, slower); both give the same columns.
///
/// Custom commitments: they are loaded like the others (kind `AssessmentColumns.Kind.custom`,
/// label dropped) and `AssessmentBatch` counts them as missing, so the caller assesses the
/// leases in `columns.leasesWithCustomCommitments` with `AssessmentEngine` (their custom report
/// figures are not loaded here) and replaces those entries of the batch result.
public enum LandColumnsLoader {
    /// How rows are read.
    public enum RowAccess: Sendable { case native, sqlKit }

    /// How the newest version of each (lease, year) is kept.
    public enum Newest: Sendable, CaseIterable {
        /// `NOT EXISTS` a row of the same lease and year with a higher version (anti-join).
        case notExists
        /// `ROW_NUMBER() OVER (PARTITION BY lease_id, year ORDER BY version DESC) = 1`.
        case window
        /// `version = (SELECT MAX(version) …)` correlated per row.
        case maxVersion
    }

    /// The columns of every lease (or of those in `states`), in lease-id order, with their ids.
    public static func load(_ db: any Database, states: [LeaseState]? = nil) async throws
        -> (columns: AssessmentColumns, leaseIDs: [UUID]) {
        try await load(db, states: states, access: .native, newest: .notExists)
    }

    /// `load(_:states:)` with the row access and the newest-version SQL chosen (benchmarks).
    public static func load(_ db: any Database, states: [LeaseState]?, access: RowAccess, newest: Newest) async throws
        -> (columns: AssessmentColumns, leaseIDs: [UUID]) {
        let leaseSQL = leasesSQL(states), reportSQL = reportsSQL(states, newest)
        if access == .native, let sqlite = db as? any SQLiteDatabase {
            let (leases, reports) = try await LandColumnsRows.sqlite(sqlite, leaseSQL, reportSQL)
            return assemble(leases, reports) { UUID(uuidString: $0) }
        }
        if access == .native, let pg = db as? any PostgresDatabase {
            let (leases, reports) = try await LandColumnsRows.postgres(pg, leaseSQL, reportSQL, logger: db.logger)
            return assemble(leases, reports) { $0 }
        }
        guard let sql = db as? any SQLDatabase else {
            throw DomainError(code: "sql_required", en: "whole-park loads need an SQL database", zh: "整园加载需要 SQL 数据库")
        }
        let (leases, reports) = try await LandColumnsRows.sqlKit(sql, leaseSQL, reportSQL)
        return assemble(leases, reports) { $0 }
    }

    // MARK: SQL

    /// `state IN (…)` with the states inlined: they are enum spellings (`[a-z_]`), not user text.
    static func stateFilter(_ states: [LeaseState]?, column: String) -> String {
        guard let states else { return "" }
        let list = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return list.isEmpty ? "1 = 0" : "\(column) IN (\(list))"
    }

    static func leasesSQL(_ states: [LeaseState]?) -> String {
        let filter = stateFilter(states, column: "l.state")
        return """
            SELECT l.id AS id, l.first_term_years AS ft, l.max_total_years AS mt, p.computed_area_m2 AS area, \
            l.commitments AS cm FROM leases l JOIN parcels p ON p.id = l.parcel_id\(filter.isEmpty ? "" : " WHERE \(filter)") \
            ORDER BY l.id
            """
    }

    static let reportColumns = """
        r.lease_id AS id, r.year AS y, r.investment_to_date_yuan AS inv, r.tax_paid_yuan AS tax, r.revenue_yuan AS rev, \
        r.value_added_yuan AS va, r.rd_spend_yuan AS rd, r.energy_tonnes_coal AS en, r.emissions_tonnes AS em, \
        r.average_employees AS emp, r.production_start_date AS ps
        """

    static func reportsSQL(_ states: [LeaseState]?, _ newest: Newest) -> String {
        let filter = stateFilter(states, column: "l.state")
        let from = "performance_reports r" + (filter.isEmpty ? "" : " JOIN leases l ON l.id = r.lease_id AND \(filter)")
        switch newest {
        case .notExists:
            return """
                SELECT \(reportColumns) FROM \(from) WHERE NOT EXISTS (SELECT 1 FROM performance_reports n \
                WHERE n.lease_id = r.lease_id AND n.year = r.year AND n.version > r.version) ORDER BY r.lease_id, r.year
                """
        case .maxVersion:
            return """
                SELECT \(reportColumns) FROM \(from) WHERE r.version = (SELECT MAX(n.version) FROM performance_reports n \
                WHERE n.lease_id = r.lease_id AND n.year = r.year) ORDER BY r.lease_id, r.year
                """
        case .window:
            return """
                SELECT id, y, inv, tax, rev, va, rd, en, em, emp, ps FROM (SELECT \(reportColumns), ROW_NUMBER() OVER \
                (PARTITION BY r.lease_id, r.year ORDER BY r.version DESC) AS rn FROM \(from)) t WHERE rn = 1 ORDER BY id, y
                """
        }
    }

    // MARK: Assembly

    /// Joins the report groups to their leases: report rows are grouped by lease id, so each
    /// group is one lease's rows; groups normally come in lease order (both queries sort by id),
    /// and a dictionary catches any other order. Groups of leases not loaded are left unused.
    static func assemble<Key: Hashable>(_ leases: LeaseRows<Key>, _ reports: ReportRows<Key>, id: (Key) -> UUID?)
        -> (columns: AssessmentColumns, leaseIDs: [UUID]) {
        var c = leases.columns
        let n = c.leaseCount
        c.reportStart = [Int32](repeating: Int32(reports.columns.year.count), count: n)
        c.reportCount = [Int32](repeating: 0, count: n)
        var index: [Key: Int]?
        var next = 0
        for g in reports.groups.indices {
            let key = reports.groups[g]
            var l = -1
            if next < n && leases.keys[next] == key {
                l = next
            } else {
                if index == nil { index = Dictionary(leases.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
                l = index![key] ?? -1
            }
            guard l >= 0 else { continue }
            next = l + 1
            let start = reports.groupStart[g]
            let end = g + 1 < reports.groupStart.count ? reports.groupStart[g + 1] : Int32(reports.columns.year.count)
            c.reportStart[l] = start
            c.reportCount[l] = end - start
        }
        let r = reports.columns
        c.year = r.year; c.investmentToDate = r.investmentToDate; c.tax = r.tax; c.revenue = r.revenue
        c.valueAdded = r.valueAdded; c.rdSpend = r.rdSpend; c.energy = r.energy; c.emissions = r.emissions
        c.employees = r.employees; c.productionStartDay = r.productionStartDay
        return (c, leases.keys.map { id($0) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) })
    }
}

/// The lease rows read so far: per-lease and per-commitment columns, and the lease keys.
final class LeaseRows<Key: Hashable>: @unchecked Sendable {
    var columns = AssessmentColumns()
    var keys: [Key] = []

    init(capacity: Int = 1024) {
        columns.reserve(leases: capacity, commitments: capacity * 10, reports: 0)
        keys.reserveCapacity(capacity)
    }

    /// Appends one lease; `commitments` appends its commitments and returns their number.
    @inline(__always)
    func add(_ key: Key, firstTerm: Int?, maxTotal: Int?, areaM2: Double, commitments: (inout AssessmentColumns) -> Int32) {
        keys.append(key)
        columns.areaMu.append(AreaUnit.mu(fromSquareMetres: areaM2))
        columns.firstTermYears.append(Int32(clamping: firstTerm ?? 10))
        columns.maxTotalYears.append(Int32(clamping: maxTotal ?? 30))
        columns.commitmentStart.append(Int32(columns.kind.count))
        columns.commitmentCount.append(commitments(&columns))
    }
}

/// The report rows read so far (per-report columns) and where each lease's group starts.
final class ReportRows<Key: Hashable>: @unchecked Sendable {
    var columns = AssessmentColumns()
    var groups: [Key] = []
    var groupStart: [Int32] = []
    private var lastYear = Int32.min

    init(capacity: Int = 1024) {
        columns.reserve(leases: 0, commitments: 0, reports: capacity)
    }

    /// Appends one report row (rows arrive sorted by lease, then year).
    @inline(__always)
    func add(_ key: Key, year: Int, investment: Double, tax: Double, revenue: Double, valueAdded: Double, rd: Double,
             energy: Double, emissions: Double, employees: Double, productionStartDay: Int32) {
        let y = Int32(clamping: year)
        if groups.last != key {
            groups.append(key); groupStart.append(Int32(columns.year.count))
        } else if y == lastYear {
            // The same year twice (cannot happen with the newest-version filter): the later row wins.
            columns.year.removeLast(); columns.investmentToDate.removeLast(); columns.tax.removeLast()
            columns.revenue.removeLast(); columns.valueAdded.removeLast(); columns.rdSpend.removeLast()
            columns.energy.removeLast(); columns.emissions.removeLast(); columns.employees.removeLast()
            columns.productionStartDay.removeLast()
        }
        lastYear = y
        columns.year.append(y); columns.investmentToDate.append(investment); columns.tax.append(tax)
        columns.revenue.append(revenue); columns.valueAdded.append(valueAdded); columns.rdSpend.append(rd)
        columns.energy.append(energy); columns.emissions.append(emissions); columns.employees.append(employees)
        columns.productionStartDay.append(productionStartDay)
    }
}
