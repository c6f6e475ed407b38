import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Every enterprise's policy facts as of a date, from what ParkOS holds:
/// - registry facts from the register (as `PolicyFacts.registry` gives them);
/// - yearly figures of the data year (the year before the as-of date): revenue, tax, R&D
///   spend, average employees and electricity, summed over the newest version of each of the
///   enterprise's lease reports for that year (missing when it filed none);
/// - land in mu (Σ parcels of leases that hold land; 0 for an enterprise holding none) and the lease state: `extended` when a
///   lease was extended, `expiring` when a first term ends within a year of the date, `active`
///   when a lease holds land, `terminated` when none does any more (missing without leases);
/// - the per-mu grade and consecutive D years from the latest enacted evaluation;
/// - the supplied facts (`EnterpriseFactRepository`): certifications and headquarters tier,
///   and the data year's fixed-asset investment and utilised foreign investment.
/// A fact ParkOS does not hold for an enterprise is missing, never zero.
///
/// Columnar: one SQL query per source (only the sources, and register columns, that the facts
/// asked for need), read through the drivers' own rows (`PerMuFiguresLoader.query`: SQLiteNIO
/// columns, PostgresNIO cells), straight into the columns of a `PolicyFactTable` keyed by row
/// (enterprises in credit-code order, found by id through `LeaseKeyTable`). No Fluent models,
/// no per-enterprise dictionaries. Sums are checked: a figure or sum that does not fit a fact
/// (an overflow, or beyond `PolicyFactTable.maxMagnitude`) leaves that one enterprise's fact
/// missing and is listed in `problems`; it never traps or stops the run.
public enum PolicyFactsLoader {
    /// The facts of one enterprise (or a few) as scalar values, for explanations.
    public struct Park: Sendable {
        public var enterpriseIDs: [UUID]
        public var facts: [PolicyFacts]
        public var dataYear: Int
        public var problems: [PolicyFactProblem]
    }

    /// The facts of every enterprise as columns, for the compiled whole-park run.
    public struct Columns: Sendable {
        /// Row i of `table` is enterprise `enterpriseIDs[i]` (credit-code order).
        public var enterpriseIDs: [UUID]
        public var table: PolicyFactTable
        public var dataYear: Int
        public var problems: [PolicyFactProblem]
    }

    /// The facts of every enterprise (or of `only`), in credit-code order, as scalar values.
    /// For one enterprise's page; a whole park is `columns(_:asOf:facts:only:)`.
    public static func load(_ db: any Database, asOf: LocalDate, only: UUID? = nil) async throws -> Park {
        let c = try await columns(db, asOf: asOf, only: only)
        return Park(enterpriseIDs: c.enterpriseIDs, facts: c.enterpriseIDs.indices.map { c.table.facts(row: $0) },
                    dataYear: c.dataYear, problems: c.problems)
    }

    /// The facts named in `facts` (nil: every fact ParkOS holds) of every enterprise (or of
    /// `only`), as columns. A source none of whose facts is asked for is not read.
    public static func columns(_ db: any Database, asOf: LocalDate, facts needed: Set<String>? = nil,
                               only: UUID? = nil) async throws -> Columns {
        try await columns(db, asOf: asOf, facts: needed, among: only.map { [$0] })
    }

    /// The facts named in `facts` of the enterprises `among` (nil: all), as columns: one query
    /// per source for a page of enterprises (headquarters recognition's candidates).
    public static func columns(_ db: any Database, asOf: LocalDate, facts needed: Set<String>?,
                               among only: [UUID]?) async throws -> Columns {
        func wants(_ names: [String]) -> Bool { needed.map { n in names.contains(where: n.contains) } ?? true }
        let dataYear = asOf.year - 1
        let park = try await PolicyFactRows.register(db, only: only, fields: PolicyFactRows.RegisterField.allCases.filter {
            needed?.contains($0.fact) ?? true
        }, needed: needed)
        if park.count > 0 {
            let yearly = wants(PolicyFactRows.yearlyFacts), leases = wants(["land_mu", "lease_state"])
            if yearly || leases {
                try await PolicyFactRows.land(db, park, asOf: asOf, dataYear: dataYear, only: only, leaseFacts: leases, yearly: yearly)
            }
            if wants(["permu_grade", "permu_d_years"]),
               let enacted = try await PerMuRunRepository(db: db).all().first(where: { $0.state == .enacted }) {
                try await PolicyFactRows.grades(db, park, runID: enacted.id, only: only)
            }
            if wants(PolicyFactText.supplied) { try await PolicyFactRows.supplied(db, park, dataYear: dataYear, only: only, needed: needed) }
        }
        return Columns(enterpriseIDs: park.ids, table: try park.table(), dataYear: dataYear, problems: park.problems)
    }
}

extension Decimal {
    /// Rounded half away from zero to `scale` decimals.
    func rounded(_ scale: Int) -> Decimal {
        var x = self, r = Decimal()
        NSDecimalRound(&r, &x, scale, .plain)
        return r
    }
}
