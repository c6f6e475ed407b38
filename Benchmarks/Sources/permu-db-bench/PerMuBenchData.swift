import BenchSupport
import FluentKit
import Foundation
import ParkDomain
import ParkStore
import SQLKit

/// The benchmark park of permu-db-bench, written with plain multi-row INSERTs (benchmark data,
/// no audit trail): enterprise n (60 % above designated size, one of six clusters) holds parcel
/// n (3–80 mu) under lease n (in production since 2016) and reported for 2023 and 2024. Figures
/// are seeded: tax 2–40 万元/mu, value added 5–12 × tax, revenue 3–5 × value added, R&D 0.5–6 %
/// of revenue, 1.5–4.5 万元 of value added per t standard coal, 4,880 kWh per t, emissions
/// 0.012 t per t of coal (none reported by one firm in ten: its value added per emissions
/// scores the indicator's average), 0.5–3 employees per mu. One firm in fifty has no 2024 report
/// (every figure missing: it scores 0); one (lease, year) in a hundred was corrected (version 2).
enum PerMuBenchData {
    static let clusters = Cluster.defaults.map(\.code)

    /// Huangyan 2022's indicators and weights on 2024, with each benchmark the year's median.
    static var scheme: PerMuScheme {
        var s = PerMuScheme.huangyan2022
        s.name = "permu-db-bench 2024"
        s.year = 2024
        for g in s.groups.indices {
            for i in s.groups[g].indicators.indices {
                s.groups[g].indicators[i].benchmarkRule = .median
                s.groups[g].indicators[i].benchmark = nil
            }
        }
        return s
    }

    static func id(_ tag: UInt8, _ n: Int) -> UUID {
        let v = UInt32(truncatingIfNeeded: n)
        var x = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(tag)
        x ^= x >> 29
        let h = withUnsafeBytes(of: x.bigEndian) { Array($0) }
        return UUID(uuid: (h[0], h[1], h[2], h[3], h[4], h[5], 0x40 | (h[6] & 0x0F), h[7], 0x80 | tag, 0x9A, 0x4B, 0xE1,
                           UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)))
    }

    static func write(_ db: any Database, count n: Int, progress: (String) -> Void) async throws {
        var rng = SeededGenerator(seed: 2024)
        struct Firm { var above: Bool; var mu: Double; var cluster: String; var tax: Double; var va: Double; var rd: Double
                      var perCoal: Double; var staffPerMu: Double; var emissions: Bool; var reported2024: Bool }
        let firms: [Firm] = (0..<n).map { _ in
            let tax = Double(rng.int(in: 20...400)) / 10
            return Firm(above: rng.chance(60), mu: Double(rng.int(in: 30...800)) / 10, cluster: rng.pick(clusters), tax: tax,
                        va: tax * Double(rng.int(in: 50...120)) / 10, rd: Double(rng.int(in: 5...60)) / 1_000,
                        perCoal: Double(rng.int(in: 15...45)) / 10, staffPerMu: Double(rng.int(in: 5...30)) / 10,
                        emissions: !rng.chance(10), reported2024: !rng.chance(2))
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await BenchInsert.insert(db, "enterprises", ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters",
                                                         "ownership", "origin_country", "regional_hq", "rd_centre",
                                                         "above_designated_size", "address", "updated_at_ms"], count: n) { e in
            [id(1, e), String(format: "91PMBENCH%09d", e), "亩均基准企业\(e)", "Per-mu Bench \(e)", "C39", ";\(firms[e].cluster);",
             "domestic", "CN", false, false, firms[e].above, "Bench Road \(e)", now]
        }
        progress("enterprises")
        try await BenchInsert.insert(db, "parcels", ["id", "code", "sub_area", "land_use", "declared_area_m2", "computed_area_m2",
                                                     "boundary"], count: n) { p in
            let m2 = AreaUnit.squareMetres(fromMu: firms[p].mu)
            return [id(2, p), String(format: "PMB-%06d", p), ["湖东", "湖西", "独墅湖", "阳澄湖"][p % 4], "industrial", m2, m2, "[]"]
        }
        progress("parcels")
        try await BenchInsert.insert(db, "leases", ["id", "parcel_id", "enterprise_id", "state", "auction_date", "reserve_price_yuan",
                                                    "winning_bid_yuan", "deposit_yuan", "confirmed_on", "contract_signed_on",
                                                    "contract_start", "first_term_years", "max_total_years", "price_yuan",
                                                    "first_term_end", "extension_years", "commitments", "updated_at_ms"], count: n) { l in
            [id(3, l), id(2, l), id(1, l), LeaseState.inProduction.rawValue, "2015-11-02", 1_000_000, 1_200_000, 200_000,
             "2015-11-05", "2015-11-20", "2016-01-01", 10, 30, 1_200_000, "2026-01-01", 0, "[]", now]
        }
        progress("leases")
        // Year by year over the park, as yearly reporting fills the table.
        var rows: [(firm: Int, year: Int, version: Int)] = []
        for year in [2023, 2024] {
            for f in 0..<n where year == 2023 || firms[f].reported2024 {
                rows.append((f, year, 1))
                if (f &* 31 &+ year) % 100 == 7 { rows.append((f, year, 2)) }
            }
        }
        try await BenchInsert.insert(db, "performance_reports",
                                     ["id", "lease_id", "year", "version", "investment_to_date_yuan", "production_start_date",
                                      "tax_paid_yuan", "revenue_yuan", "value_added_yuan", "rd_spend_yuan", "energy_tonnes_coal",
                                      "electricity_kwh", "emissions_tonnes", "average_employees", "custom", "source", "verification",
                                      "reason", "created_by", "created_at_ms"],
                                     count: rows.count, perStatement: 1_000, perTransaction: 20_000) { i in
            let (f, year, version) = rows[i]
            let firm = firms[f]
            // A superseded version 1 holds half the figures; the newest version the real ones.
            let k = (version == 1 && (f &* 31 &+ year) % 100 == 7 ? 0.5 : 1.0) * (year == 2023 ? 0.95 : 1.0)
            let tax = firm.tax * firm.mu * 10_000 * k, va = firm.va * firm.mu * 10_000 * k
            let revenue = va * 4, coal = (va / 10_000 / firm.perCoal * 10).rounded() / 10
            return [id(version == 1 ? 4 : 5, i), id(3, f), year, version, 500_000_000, "2017-06-01", Int64(tax.rounded()),
                    Int64(revenue.rounded()), Int64(va.rounded()), Int64((revenue * firm.rd).rounded()), coal, (coal * 4_880).rounded(),
                    firm.emissions ? (coal * 1.2).rounded() / 100 : 0, Int((firm.staffPerMu * firm.mu).rounded()), "", "tax_bureau",
                    "verified", version == 2 ? "bench correction" : "", "permu-db-bench", now]
        }
        progress("performance_reports (\(rows.count) rows)")
    }

    /// Deletes every stored run (benchmark database only).
    static func clearRuns(_ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for t in ["permu_merged", "permu_results", "permu_runs"] { try await sql.raw("DELETE FROM \(unsafeRaw: t)").run() }
    }

    /// One stored result per unit and one member row per enterprise, grades as computed.
    static func check(_ db: any Database, runID: UUID, _ run: PerMuRun) async throws -> String {
        let sql = db as! any SQLDatabase
        let results = try await sql.raw("SELECT COUNT(*) AS n FROM permu_results WHERE run_id = \(bind: runID)").first()!.decode(column: "n", as: Int.self)
        let members = results + (try await sql.raw("SELECT COUNT(*) AS n FROM permu_merged WHERE run_id = \(bind: runID)").first()!.decode(column: "n", as: Int.self))
        var stored: [String: Int] = [:]
        for row in try await sql.raw("SELECT grade, COUNT(*) AS n FROM permu_results WHERE run_id = \(bind: runID) AND grade IS NOT NULL GROUP BY grade").all() {
            stored[try row.decode(column: "grade", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        let computed = Dictionary(uniqueKeysWithValues: run.gradeCounts.map { ($0.key.rawValue, $0.value) })
        guard results == run.results.count, members == run.results.reduce(0, { $0 + $1.members.count }), stored == computed else {
            throw BenchFailure("stored \(results) results, \(members) members, grades \(stored); computed \(run.results.count), \(computed)")
        }
        let counts = PerMuGrade.allCases.map { "\($0.rawValue) \(computed[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        return "checked: \(results) results and \(members) members stored; grades \(counts); "
            + "\(run.results.filter { $0.status == .outOfScope }.count) out of scope"
    }

    struct BenchFailure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }
}
