import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import ParkDomain
import SQLKit

/// Fills `AssessmentColumns` for a whole park straight from SQL, for `AssessmentBatch.run`: two
/// queries on one connection (three on SQLite, see `leasesSQL`), no Fluent models, no
/// `Lease`/`Commitment`/`PerformanceReport` values.
///
/// 1. `leases ⋈ parcels` (on SQLite two plain reads matched in the loader): the lease's terms
///    (a lease without a contract gets 10 + 30 years, as `LeaseModel.toDomain()` does), its area
///    in mu (`computed_area_m2 ÷ 2000/3`, as `Parcel.computedAreaMu`) and its commitments,
///    scanned from the JSON column by `CommitmentColumnsJSON`. A lease whose parcel row is
///    missing is left out (as `LandSnapshot`).
/// 2. `performance_reports`, only the newest version of each (lease, year) (`Newest`).
///
/// Neither query sorts: both tables are read in storage order (sequential scans), because
/// reports are filed year by year, so an index-ordered read (`ORDER BY lease_id, year`) visits
/// the table at random and costs seconds on 1,000,000 rows. The loader groups the report rows by
/// lease itself (a counting sort on the lease's position, then by year), so the columns list
/// leases in table order with each lease's rows by year. While grouping it also keeps only the
/// highest version of a year, so the result is right whichever SQL filter ran.
///
/// Rows are read through the driver's own row type (`RowAccess.native`: SQLiteNIO rows by
/// position; PostgresNIO cells from their binary bytes, the report values packed into one
/// `bytea` by the server) or through SQLKit's `SQLRow.decode(column:as:)` (`.sqlKit`, any SQL
/// database, three to four times slower); both give the same columns. Report rows find their
/// lease through `LeaseKeyTable` (ids as two words, no `String`/`UUID` hashing). The commitment
/// texts are scanned on another thread while the driver reads the reports (`LeaseRows`).
///
/// Cost (lease-db-bench: 100,000 leases × 10 commitments × 10 years, 2 cores, median): about
/// 1.6 s on SQLite and 1.3 s on PostgreSQL on a quiet machine, most of it the drivers' own row
/// handling (`lease-db-bench --floor`).
///
/// Custom commitments: they are loaded like the others (kind `AssessmentColumns.Kind.custom`,
/// label dropped) and `AssessmentBatch` counts them as missing, so the caller assesses the
/// leases in `columns.leasesWithCustomCommitments` with `AssessmentEngine` (their custom report
/// figures are not loaded here) and replaces those entries of the batch result.
public enum LandColumnsLoader {
    /// How rows are read.
    public enum RowAccess: Sendable { case native, sqlKit }

    /// How the newest version of each (lease, year) is chosen.
    public enum Newest: String, Sendable, CaseIterable {
        /// In SQL, cheaply: only the corrected (lease, year) pairs, those with a version above 1
        /// (few, found by one scan), can have superseded rows; a LEFT JOIN to their newest
        /// version drops those (on SQLite, a rowid filter; see `reportsSQL`), the other pairs keep
        /// their single version 1. Relies on versions counting from 1, as `ReportRepository`
        /// numbers them (the loader's own grouping covers any other numbering).
        case correctedPairs
        /// In SQL: `NOT EXISTS` a row of the same lease and year with a higher version (one
        /// index probe per row).
        case notExists
        /// In SQL: `ROW_NUMBER() OVER (PARTITION BY lease_id, year ORDER BY version DESC) = 1`.
        case window
        /// In SQL: `version = (SELECT MAX(version) …)`, correlated per row.
        case maxVersion
        /// Only in the loader: every version is read and the grouping keeps the highest.
        case loader
    }

    /// The columns of every lease (or of those in `states`) with their ids, in the same order.
    public static func load(_ db: any Database, states: [LeaseState]? = nil) async throws
        -> (columns: AssessmentColumns, leaseIDs: [UUID]) {
        try await load(db, states: states, access: .native, newest: .correctedPairs)
    }

    /// `load(_:states:)` with the row access and the newest-version rule chosen (benchmarks).
    public static func load(_ db: any Database, states: [LeaseState]?, access: RowAccess, newest: Newest) async throws
        -> (columns: AssessmentColumns, leaseIDs: [UUID]) {
        let leaseSQL = leasesSQL(states), reportSQL = reportsSQL(states, newest)
        if access == .native, let sqlite = db as? any SQLiteDatabase {
            let (leases, reports) = try await LandColumnsRows.sqlite(sqlite, parcelsSQL, leasesSQL(states, joinParcels: false),
                                                                    reportsSQL(states, newest, sqlite: true))
            return (reports.finish(into: await leases.columns()), leases.ids)
        }
        if access == .native, let pg = db as? any PostgresDatabase {
            let packedSQL = reportsSQL(states, newest, packed: true)
            let (leases, reports) = try await LandColumnsRows.postgres(pg, leaseSQL, packedSQL, logger: db.logger)
            return (reports.finish(into: await leases.columns()), leases.ids)
        }
        guard let sql = db as? any SQLDatabase else {
            throw DomainError(code: "sql_required", en: "whole-park loads need an SQL database", zh: "整园加载需要 SQL 数据库")
        }
        let (leases, reports) = try await LandColumnsRows.sqlKit(sql, leaseSQL, reportSQL)
        return (reports.finish(into: await leases.columns()), leases.ids)
    }

    // MARK: SQL

    /// `state IN (…)` with the states inlined: they are enum spellings (`[a-z_]`), not user text.
    static func stateFilter(_ states: [LeaseState]?, column: String) -> String {
        guard let states else { return "" }
        let list = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return list.isEmpty ? "1 = 0" : "\(column) IN (\(list))"
    }

    /// Leases with their parcel's area; without `joinParcels`, with the parcel id instead (SQLite:
    /// its nested-loop join probes the parcel per lease, 0.2 s on 100,000 leases, where reading
    /// `parcelsSQL` and matching in the loader costs a fraction of that).
    static func leasesSQL(_ states: [LeaseState]?, joinParcels: Bool = true) -> String {
        let filter = stateFilter(states, column: "l.state")
        let where_ = filter.isEmpty ? "" : " WHERE \(filter)"
        guard joinParcels else {
            return """
                SELECT l.id AS id, l.first_term_years AS ft, l.max_total_years AS mt, l.parcel_id AS pid, \
                l.commitments AS cm FROM leases l\(where_)
                """
        }
        return """
            SELECT l.id AS id, l.first_term_years AS ft, l.max_total_years AS mt, p.computed_area_m2 AS area, \
            l.commitments AS cm FROM leases l JOIN parcels p ON p.id = l.parcel_id\(where_)
            """
    }

    static let parcelsSQL = "SELECT id, computed_area_m2 AS area FROM parcels"

    /// The report columns, one per value (`names` for an outer SELECT over them).
    static let reportColumns = (list: """
        r.lease_id AS id, r.year AS y, r.version AS v, r.investment_to_date_yuan AS inv, r.tax_paid_yuan AS tax, \
        r.revenue_yuan AS rev, r.value_added_yuan AS va, r.rd_spend_yuan AS rd, r.energy_tonnes_coal AS en, \
        r.emissions_tonnes AS em, r.average_employees AS emp, r.production_start_date AS ps
        """, names: "id, y, v, inv, tax, rev, va, rd, en, em, emp, ps")

    /// PostgreSQL only: the same values packed server-side into one 96-byte `bytea` (`uuid_send`,
    /// `int8send`, `float8send`: big-endian, exact) plus the date. PostgresNIO spends about 60 ns
    /// on each cell it hands out, so two cells a row instead of twelve save ~0.6 s on 1,000,000 rows.
    static let packedReportColumns = (list: """
        uuid_send(r.lease_id) || int8send(r.year::int8) || int8send(r.version::int8) || \
        int8send(r.investment_to_date_yuan::int8) || int8send(r.tax_paid_yuan::int8) || int8send(r.revenue_yuan::int8) || \
        int8send(r.value_added_yuan::int8) || int8send(r.rd_spend_yuan::int8) || float8send(r.energy_tonnes_coal::float8) || \
        float8send(r.emissions_tonnes::float8) || int8send(r.average_employees::int8) AS b, r.production_start_date AS ps
        """, names: "b, ps")

    /// The newest version of each corrected (lease, year) pair: those with a version above 1.
    static let correctedPairs = "SELECT lease_id, year, MAX(version) AS newest FROM performance_reports WHERE version > 1 GROUP BY lease_id, year"

    /// The report query; `packed` for PostgreSQL's packed form, `sqlite` for SQLite's form of
    /// `correctedPairs`: the superseded rows found through the few corrected pairs and dropped by
    /// rowid (an integer probe per row, 0.05 s on 1,000,000 rows, where SQLite spends 0.3 s on
    /// the portable LEFT JOIN's text-keyed probes; PostgreSQL hash-joins either form cheaply).
    static func reportsSQL(_ states: [LeaseState]?, _ newest: Newest, packed: Bool = false, sqlite: Bool = false) -> String {
        let filter = stateFilter(states, column: "l.state")
        let from = "performance_reports r" + (filter.isEmpty ? "" : " JOIN leases l ON l.id = r.lease_id AND \(filter)")
        let columns = packed ? packedReportColumns : reportColumns
        switch newest {
        case .correctedPairs where sqlite:
            return """
                SELECT \(columns.list) FROM \(from) WHERE r.rowid NOT IN (SELECT o.rowid FROM (\(correctedPairs)) c \
                JOIN performance_reports o ON o.lease_id = c.lease_id AND o.year = c.year AND o.version < c.newest)
                """
        case .correctedPairs:
            return """
                SELECT \(columns.list) FROM \(from) LEFT JOIN (\(correctedPairs)) c \
                ON c.lease_id = r.lease_id AND c.year = r.year WHERE c.newest IS NULL OR r.version = c.newest
                """
        case .notExists:
            return """
                SELECT \(columns.list) FROM \(from) WHERE NOT EXISTS (SELECT 1 FROM performance_reports n \
                WHERE n.lease_id = r.lease_id AND n.year = r.year AND n.version > r.version)
                """
        case .maxVersion:
            return """
                SELECT \(columns.list) FROM \(from) WHERE r.version = (SELECT MAX(n.version) FROM performance_reports n \
                WHERE n.lease_id = r.lease_id AND n.year = r.year)
                """
        case .window:
            return """
                SELECT \(columns.names) FROM (SELECT \(columns.list), ROW_NUMBER() OVER \
                (PARTITION BY r.lease_id, r.year ORDER BY r.version DESC) AS rn FROM \(from)) t WHERE rn = 1
                """
        case .loader:
            return "SELECT \(columns.list) FROM \(from)"
        }
    }
}
