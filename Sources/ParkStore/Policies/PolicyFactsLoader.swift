import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Every enterprise's policy facts (`PolicyFacts`) as of a date, from what ParkOS holds:
/// - registry facts from the register (`PolicyFacts.registry`);
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
public enum PolicyFactsLoader {
    public struct Park: Sendable {
        public var enterprises: [Enterprise]
        public var facts: [PolicyFacts]
        public var dataYear: Int
    }

    /// The facts of every enterprise (or of `only`), in credit-code order.
    public static func load(_ db: any Database, asOf: LocalDate, only: UUID? = nil) async throws -> Park {
        let enterprises: [Enterprise]
        if let only {
            enterprises = try await EnterpriseRepository(db: db).find(only).map { [$0] } ?? []
        } else {
            enterprises = try await EnterpriseRepository(db: db).all()
        }
        let dataYear = asOf.year - 1
        var facts = enterprises.map(PolicyFacts.registry)
        var row: [UUID: Int] = [:]
        for (i, e) in enterprises.enumerated() { if let id = e.id { row[id] = i } }
        guard let sql = db as? any SQLDatabase, !enterprises.isEmpty else { return Park(enterprises: enterprises, facts: facts, dataYear: dataYear) }
        // With `only`, every query reads that enterprise's rows alone.
        func mine(_ column: String) -> SQLQueryString {
            guard let only else { return SQLQueryString("") }
            return " AND \(unsafeRaw: column) = \(bind: only)"
        }

        let yearly = try await sql.raw("""
            SELECT l.enterprise_id, CAST(SUM(r.revenue_yuan) AS BIGINT) AS revenue, CAST(SUM(r.tax_paid_yuan) AS BIGINT) AS tax,
                   CAST(SUM(r.rd_spend_yuan) AS BIGINT) AS rd, CAST(SUM(r.average_employees) AS BIGINT) AS employees,
                   SUM(r.electricity_kwh) AS kwh
            FROM performance_reports r JOIN leases l ON l.id = r.lease_id
            WHERE r.year = \(bind: dataYear) AND NOT EXISTS (SELECT 1 FROM performance_reports n
                  WHERE n.lease_id = r.lease_id AND n.year = r.year AND n.version > r.version)\(mine("l.enterprise_id"))
            GROUP BY l.enterprise_id
            """).all()
        for r in yearly {
            guard let i = row[try r.decode(column: "enterprise_id", as: UUID.self)] else { continue }
            facts[i]["revenue"] = .yuan(try r.decode(column: "revenue", as: Int64.self))
            facts[i]["tax"] = .yuan(try r.decode(column: "tax", as: Int64.self))
            facts[i]["rd_spend"] = .yuan(try r.decode(column: "rd", as: Int64.self))
            facts[i]["employees_avg"] = .count(try r.decode(column: "employees", as: Int.self))
            facts[i]["electricity_kwh"] = .decimal(Decimal(try r.decode(column: "kwh", as: Double.self)))
        }

        let leases = try await sql.raw("""
            SELECT l.enterprise_id, l.state, l.first_term_end, p.computed_area_m2 FROM leases l JOIN parcels p ON p.id = l.parcel_id
            WHERE l.state <> 'auctioned' AND l.state <> 'confirmed' AND l.state <> 'lapsed'\(mine("l.enterprise_id"))
            """).all()
        var land: [Int: Double] = [:], state: [Int: String] = [:]
        let horizon = asOf.adding(days: 365).iso
        func rank(_ s: String) -> Int { ["terminated": 0, "active": 1, "expiring": 2, "extended": 3][s] ?? 0 }
        for r in leases {
            guard let i = row[try r.decode(column: "enterprise_id", as: UUID.self)],
                  let s = LeaseState(rawValue: try r.decode(column: "state", as: String.self)) else { continue }
            var mine = "terminated"
            if s.holdsLand {
                land[i, default: 0] += try r.decode(column: "computed_area_m2", as: Double.self)
                let end = try r.decode(column: "first_term_end", as: String?.self) ?? ""
                mine = s == .extended ? "extended" : (!end.isEmpty && end <= horizon && end >= asOf.iso ? "expiring" : "active")
            }
            if rank(mine) >= rank(state[i] ?? "terminated") { state[i] = mine }
        }
        // Land is known for every enterprise: one without a lease holding land holds 0 mu.
        for i in facts.indices { facts[i]["land_mu"] = .decimal((Decimal(land[i] ?? 0) * 3 / 2000).rounded(4)) }
        for (i, s) in state { facts[i]["lease_state"] = .code(s) }

        if let enacted = try await PerMuRunRepository(db: db).all().first(where: { $0.state == .enacted }) {
            var grades: [UUID: PerMuPriorYear] = [:]
            if let only {
                if let r = try await PerMuResultQuery(db: db).result(runID: enacted.id, enterpriseID: only)?.result, let g = r.grade {
                    grades[only] = PerMuPriorYear(grade: g, consecutiveYears: r.consecutiveYears)
                }
            } else {
                grades = try await PerMuRunRepository(db: db).history(year: enacted.year)
            }
            for (id, prior) in grades {
                guard let i = row[id] else { continue }
                facts[i]["permu_grade"] = .code(prior.grade.rawValue)
                facts[i]["permu_d_years"] = .count(prior.grade == .d ? prior.consecutiveYears : 0)
            }
        }

        let supplied = try await sql.raw("SELECT enterprise_id, fact, year, value FROM enterprise_facts WHERE 1 = 1\(mine("enterprise_id"))").all()
        for r in supplied {
            guard let i = row[try r.decode(column: "enterprise_id", as: UUID.self)],
                  let fact = PolicyFactCatalogue.builtIn[try r.decode(column: "fact", as: String.self)] else { continue }
            let year = try r.decode(column: "year", as: Int.self)
            guard year == (EnterpriseFactRepository.isYearly(fact) ? dataYear : 0),
                  let value = try? PolicyFactText.parse(try r.decode(column: "value", as: String.self), fact: fact) else { continue }
            facts[i][fact.name] = value
        }
        return Park(enterprises: enterprises, facts: facts, dataYear: dataYear)
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
