import BenchSupport
import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit

/// The benchmark park of policy-db-bench, written with plain multi-row INSERTs (benchmark data,
/// no audit trail), seeded, for a match as of 2026-06-30 (data year 2025):
/// - enterprise n (credit codes in no particular order, as a register filled over the years):
///   one of five industries, up to two of the default clusters, 60 % domestic
///   (origin CN) and the rest foreign, joint venture or HMT (origin US/DE/JP/SG/KR/HK), a
///   Fortune 500 parent for one foreign firm in ten, regional HQ 6 %, R&D centre 15 %, listed
///   10 %, above designated size 60 %, employees known for 95 %, founded 1995–2024;
/// - land: 95 % hold a lease on their own parcel (3–80 mu): in production (first term to
///   2030–2045, or within a year of the as-of date for 5 %), extended 3 %, reclaimed 2 %; one in
///   ten holds a second lease and parcel;
/// - reports of every lease for 2024 and 2025 (2 % filed none for 2025; one (lease, year) in a
///   hundred corrected as version 2, the superseded version holding half the figures);
/// - per-mu: enacted runs for 2024 and 2025 grading every enterprise holding land (A 20 %,
///   B 40 %, C 30 %, D 10 %, 1–3 consecutive years);
/// - supplied facts as the demo's (`DemoPolicySeeder`): certifications, HQ tiers, 2025
///   utilised FDI for half the foreign-invested, 2025 fixed-asset investment for a fifth.
enum PolicyBenchData {
    static let asOf = LocalDate(year: 2026, month: 6, day: 30)!
    static let clusters = Cluster.defaults.map(\.code)

    struct Firm {
        var industry: String, clusters: [String], ownership: Ownership, country: String, fortune500: Bool
        var hq: Bool, rd: Bool, listed: Bool, above: Bool, employees: Int?, founded: String
        /// Leases: (mu, state, first term end).
        var leases: [(mu: Double, state: LeaseState, end: String)]
        var reported2025: Bool, tax: Int64, grade: String, years: Int
    }

    static func firms(_ n: Int) -> [Firm] {
        var rng = SeededGenerator(seed: 2026)
        return (0..<n).map { _ in
            let own: Ownership = rng.chance(60) ? .domestic : rng.pick([.foreign, .foreign, .jointVenture, .hongKongMacaoTaiwan])
            var leases: [(Double, LeaseState, String)] = []
            if rng.chance(95) {
                for k in 0..<(rng.chance(10) ? 2 : 1) {
                    let r = rng.below(100)
                    let state: LeaseState = r < 3 ? .extended : r < 5 && k == 0 ? .reclaimed : .inProduction
                    let end = r >= 5 && r < 10 ? "2027-0\(rng.int(in: 1...5))-15" : "\(rng.int(in: 2030...2045))-01-01"
                    leases.append((Double(rng.int(in: 30...800)) / 10, state, end))
                }
            }
            let g = rng.below(100)
            return Firm(industry: rng.pick(["27", "35", "39", "40", "65"]),
                        clusters: rng.chance(70) ? Array(Set([rng.pick(clusters)] + (rng.chance(20) ? [rng.pick(clusters)] : []))).sorted() : [],
                        ownership: own, country: own == .domestic ? "CN" : rng.pick(["US", "DE", "JP", "SG", "KR", "HK"]),
                        fortune500: own != .domestic && rng.chance(10), hq: rng.chance(6), rd: rng.chance(15), listed: rng.chance(10),
                        above: rng.chance(60), employees: rng.chance(95) ? rng.int(in: 5...3_000) : nil,
                        founded: String(format: "%04d-%02d-%02d", rng.int(in: 1995...2024), rng.int(in: 1...12), rng.int(in: 1...28)),
                        leases: leases, reported2025: !rng.chance(2), tax: Int64(rng.int(in: 1...2_000)) * 10_000,
                        grade: g < 20 ? "A" : g < 60 ? "B" : g < 90 ? "C" : "D", years: rng.int(in: 1...3))
        }
    }

    static func write(_ db: any Database, count n: Int, progress: (String) -> Void) async throws {
        let firms = firms(n)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await BenchInsert.insert(db, "enterprises", ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters",
                                                         "ownership", "origin_country", "fortune500_parent", "regional_hq", "rd_centre",
                                                         "listing", "above_designated_size", "employees", "founded_on", "address",
                                                         "updated_at_ms"], count: n) { e in
            let f = firms[e]
            return [benchID(1, e), CreditCode.make(region: "320594", organisationBody: String(format: "PB%06d", e * 48_271 % 1_000_000))!.value, "政策基准企业\(e)", "Policy Bench \(e)", f.industry,
                    f.clusters.isEmpty ? "" : ";" + f.clusters.joined(separator: ";") + ";", f.ownership.rawValue, f.country,
                    f.fortune500 ? "Parent Corp" : nil as String?, f.hq, f.rd, f.listed ? "sse_star" : nil as String?, f.above,
                    f.employees, f.founded, "Bench Road \(e)", now]
        }
        progress("enterprises")
        var leases: [(firm: Int, mu: Double, state: LeaseState, end: String)] = []
        for (e, f) in firms.enumerated() { for l in f.leases { leases.append((e, l.mu, l.state, l.end)) } }
        try await BenchInsert.insert(db, "parcels", ["id", "code", "sub_area", "land_use", "declared_area_m2", "computed_area_m2",
                                                     "boundary"], count: leases.count) { p in
            let m2 = AreaUnit.squareMetres(fromMu: leases[p].mu)
            return [benchID(2, p), String(format: "PLB-%07d", p), ["湖东", "湖西", "独墅湖", "阳澄湖"][p % 4], "industrial", m2, m2, "[]"]
        }
        progress("parcels")
        try await BenchInsert.insert(db, "leases", ["id", "parcel_id", "enterprise_id", "state", "auction_date", "reserve_price_yuan",
                                                    "winning_bid_yuan", "deposit_yuan", "confirmed_on", "contract_signed_on",
                                                    "contract_start", "first_term_years", "max_total_years", "price_yuan",
                                                    "first_term_end", "extension_years", "commitments", "updated_at_ms"],
                                     count: leases.count) { l in
            [benchID(3, l), benchID(2, l), benchID(1, leases[l].firm), leases[l].state.rawValue, "2015-11-02", 1_000_000, 1_200_000,
             200_000, "2015-11-05", "2015-11-20", "2016-01-01", 10, 30, 1_200_000, leases[l].end,
             leases[l].state == .extended ? 10 : 0, "[]", now]
        }
        progress("leases (\(leases.count))")
        var rows: [(lease: Int, year: Int, version: Int)] = []
        for year in [2024, 2025] {
            for (l, lease) in leases.enumerated() where year == 2024 || firms[lease.firm].reported2025 {
                rows.append((l, year, 1))
                if (l &* 31 &+ year) % 100 == 7 { rows.append((l, year, 2)) }
            }
        }
        try await BenchInsert.insert(db, "performance_reports",
                                     ["id", "lease_id", "year", "version", "investment_to_date_yuan", "production_start_date",
                                      "tax_paid_yuan", "revenue_yuan", "value_added_yuan", "rd_spend_yuan", "energy_tonnes_coal",
                                      "electricity_kwh", "emissions_tonnes", "average_employees", "custom", "source", "verification",
                                      "reason", "created_by", "created_at_ms"],
                                     count: rows.count, perStatement: 1_000, perTransaction: 20_000) { i in
            let (l, year, version) = rows[i]
            let f = firms[leases[l].firm]
            let k: Int64 = version == 1 && (l &* 31 &+ year) % 100 == 7 ? 2 : 1
            let tax = f.tax * Int64(leases[l].mu.rounded()) / k
            return [benchID(version == 1 ? 4 : 5, i), benchID(3, l), year, version, 500_000_000, "2017-06-01", tax, tax * 30 / k,
                    tax * 8, tax * 30 / 100 * (f.above ? 5 : 1), (Double(tax) / 20_000).rounded(), (Double(tax) / 4).rounded(),
                    1.5, (f.employees ?? 50) / Int(k), "", "tax_bureau", "verified", version == 2 ? "bench correction" : "",
                    "policy-db-bench", now]
        }
        progress("performance_reports (\(rows.count) rows)")
        try await writePerMu(db, firms: firms, now: now)
        progress("per-mu runs for 2024 and 2025 (enacted)")
        let supplied = suppliedFacts(firms)
        try await BenchInsert.insert(db, "enterprise_facts", ["enterprise_id", "fact", "year", "value", "updated_by", "updated_at_ms"],
                                     count: supplied.count) { i in
            [benchID(1, supplied[i].firm), supplied[i].fact, supplied[i].year, supplied[i].value, "policy-db-bench", now]
        }
        progress("enterprise_facts (\(supplied.count) rows)")
    }

    static func writePerMu(_ db: any Database, firms: [Firm], now: Int64) async throws {
        let sql = db as! any SQLDatabase
        let scheme = try await sql.raw("SELECT id FROM permu_schemes ORDER BY name LIMIT 1").first()!.decode(column: "id", as: UUID.self)
        // In key order, as PerMuResultWriter stores them.
        let holders = firms.indices.filter { !firms[$0].leases.isEmpty }.sorted { benchID(1, $0).uuidString < benchID(1, $1).uuidString }
        for (k, year) in [2024, 2025].enumerated() {
            let run = benchID(6, k)
            try await sql.insert(into: "permu_runs")
                .columns("id", "year", "scheme_id", "state", "units", "graded", "ungraded", "out_of_scope", "count_a", "count_b",
                         "count_c", "count_d", "surcharge_fen", "benchmarks", "notes", "created_by", "created_at_ms", "enacted_by",
                         "enacted_at_ms")
                .values(run, year, scheme, "enacted", holders.count, holders.count, 0, 0, 0, 0, 0, 0, 0, "[]", "[]", "policy-db-bench",
                        now, "policy-db-bench", now)
                .run()
            try await BenchInsert.insert(db, "permu_results", ["run_id", "enterprise_id", "position", "group_kind", "land_mu", "status",
                                                               "total", "park_rank", "grade", "consecutive_years", "surcharge_fen",
                                                               "added_rate", "detail"], count: holders.count) { i in
                let f = firms[holders[i]]
                return [run, benchID(1, holders[i]), i, "regular", f.leases[0].mu, "graded", 50.0, i + 1,
                        year == 2025 ? f.grade : "B", year == 2025 ? f.years : 1, 0, 0.0, ""]
            }
        }
    }

    static func suppliedFacts(_ firms: [Firm]) -> [(firm: Int, fact: String, year: Int, value: String)] {
        var rng = SeededGenerator(seed: 0x5EED_9011C1E5)
        var rows: [(Int, String, Int, String)] = []
        for (e, f) in firms.enumerated() {
            var certs: [String] = []
            if rng.chance(f.above ? 35 : 10) { certs.append("high_tech") }
            if rng.chance(12) { certs.append("srdi"); if rng.chance(25) { certs.append("srdi_little_giant") } }
            if rng.chance(8) { certs.append("tech_sme") }
            if !certs.isEmpty { rows.append((e, "certifications", 0, certs.joined(separator: ";"))) }
            if f.hq { rows.append((e, "hq_tier", 0, rng.pick(["global", "asia_pacific", "china", "regional", "regional"]))) }
            if f.ownership != .domestic && rng.chance(50) { rows.append((e, "utilised_fdi_usd", 2025, "\(rng.int(in: 5...600) * 100_000).00")) }
            if rng.chance(20) { rows.append((e, "fixed_asset_investment", 2025, "\(rng.int(in: 10...2_000) * 100_000).00")) }
        }
        return rows
    }

    /// Deletes every stored match run (benchmark database only): on PostgreSQL by TRUNCATE, so
    /// the next run does not insert into tables and indexes swollen with dead rows.
    static func clearRuns(_ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" { try await sql.raw("TRUNCATE policy_grants, policy_results, policy_runs").run(); return }
        for t in ["policy_grants", "policy_results", "policy_runs"] { try await sql.raw("DELETE FROM \(unsafeRaw: t)").run() }
    }

    /// Stored answers and grants per policy, as SQL counts them.
    static func storedCounts(_ db: any Database, runID: UUID) async throws -> [String: (results: Int, grants: Int)] {
        let sql = db as! any SQLDatabase
        var out: [String: (Int, Int)] = [:]
        for row in try await sql.raw("SELECT policy_id, COUNT(*) AS n FROM policy_results WHERE run_id = \(bind: runID) GROUP BY policy_id").all() {
            out[try row.decode(column: "policy_id", as: String.self), default: (0, 0)].0 = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw("SELECT policy_id, COUNT(*) AS n FROM policy_grants WHERE run_id = \(bind: runID) GROUP BY policy_id").all() {
            out[try row.decode(column: "policy_id", as: String.self), default: (0, 0)].1 = try row.decode(column: "n", as: Int.self)
        }
        return out
    }

    struct BenchFailure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }
}
