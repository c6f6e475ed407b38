import FluentKit
import FluentSQLiteDriver
import Foundation
import ParkDomain
import SQLKit

/// Writes a run's results: one `permu_results` row per unit, keyed by its lead enterprise, with
/// the columns the ranking table filters and sorts on, and `detail`, the unit's figures and
/// indicator scores packed as base64 of little-endian doubles (`Detail`), from which the
/// scorecard's texts are rebuilt; `members` JSON and `permu_merged` rows only for units merged
/// over a shared parcel. On SQLite the rows go as multi-row INSERTs bound as `SQLiteData` on the
/// transaction's connection; on PostgreSQL as one `INSERT … SELECT FROM UNNEST(arrays)` (a
/// missing value travels as NaN, "" or -1 and becomes NULL in SQL: ranks are never -1 and codes
/// and texts never empty). SQLKit's encoder would spend seconds on 100,000 units.
enum PerMuResultWriter {
    static let resultColumns = ["run_id", "enterprise_id", "position", "group_kind", "cluster", "sub_area", "land_mu", "status",
                                "total", "park_rank", "grade", "consecutive_years", "surcharge_fen", "added_rate", "detail", "members"]

    /// The unit's figures and scores as stored in `detail`: producing, past its contracted date
    /// (1 or 0), tax, value added, revenue, energy, emissions, employees, R&D, kWh, pool size,
    /// cluster rank, last year's grade code, the lead's other punitive tariff, then one
    /// normalised score per indicator in scheme order (NaN: missing or none).
    enum Detail {
        static let fixed = 14

        static func encode(_ r: PerMuResult, _ f: PerMuFigures) -> String {
            var d: [Double] = [f.producing ? 1 : 0, f.pastContractedProductionDate ? 1 : 0, f.taxWanYuan ?? .nan,
                               f.valueAddedWanYuan ?? .nan, f.revenueWanYuan ?? .nan, f.energyTonnesCoal ?? .nan,
                               f.emissionsTonnes ?? .nan, f.averageEmployees ?? .nan, f.rdSpendWanYuan ?? .nan, f.electricityKWh ?? .nan,
                               r.poolSize.map(Double.init) ?? .nan, r.clusterRank.map(Double.init) ?? .nan,
                               r.previousGrade.map { Double($0.code) } ?? .nan, r.members.first?.otherElectricitySurchargeYuanPerKWh ?? 0]
            d.reserveCapacity(fixed + r.indicators.count)
            for line in r.indicators { d.append(line.score) }
            return d.withUnsafeBytes { Data($0) }.base64EncodedString()
        }

        static func decode(_ text: String) -> [Double] {
            guard let data = Data(base64Encoded: text), data.count % 8 == 0 else { return [] }
            return data.withUnsafeBytes { p in (0..<data.count / 8).map { p.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) } }
        }
    }

    /// A run's rows, column by column.
    struct Columns {
        var enterprise: [UUID] = [], position: [Int] = [], group: [String] = [], cluster: [String?] = [], subArea: [String?] = []
        var land: [Double] = [], status: [String] = [], total: [Double?] = [], rank: [Int?] = [], grade: [String?] = []
        var years: [Int] = [], fen: [Int64] = [], rate: [Double] = [], detail: [String] = [], members: [String?] = []
        var merged: [(member: UUID, lead: UUID)] = []

        /// Rows in the order of the lead's id text, the primary key's order on both databases
        /// (SQLite compares the text, PostgreSQL the 16 bytes, which sort the same), so the
        /// index grows at its end instead of splitting pages all over.
        init(_ run: PerMuRun, figures: [PerMuFigures]) {
            let keys = run.results.map(\.enterpriseId.uuidString)
            for i in run.results.indices.sorted(by: { keys[$0] < keys[$1] }) {
                let r = run.results[i]
                enterprise.append(r.enterpriseId); position.append(i); group.append(r.group.rawValue); cluster.append(r.cluster)
                subArea.append(r.subArea); land.append(r.landMu); status.append(r.status.rawValue); total.append(r.total)
                rank.append(r.parkRank); grade.append(r.grade?.rawValue); years.append(r.consecutiveYears)
                fen.append(r.members.reduce(Int64(0)) { $0 + PerMuRunRepository.fen($1.electricitySurchargeYuan) })
                rate.append(r.members.first?.addedElectricityRate ?? 0)
                detail.append(Detail.encode(r, figures[i]))
                members.append(r.members.count > 1 ? membersText(r.members) : nil)
                for m in r.members where m.enterpriseId != r.enterpriseId { merged.append((m.enterpriseId, r.enterpriseId)) }
            }
        }

        var count: Int { enterprise.count }
    }

    static func write(_ db: any Database, runID: UUID, run: PerMuRun, figures: [PerMuFigures]) async throws {
        let c = Columns(run, figures: figures)
        if let sqlite = db as? any SQLiteDatabase {
            try await writeSQLite(sqlite, runID: runID, c)
        } else if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await writePostgres(sql, runID: runID, c)
        } else {
            throw DomainError(.unsupported, code: "unsupported_database", en: "per-mu runs need SQLite or PostgreSQL",
                              zh: "亩均评价仅支持 SQLite 或 PostgreSQL")
        }
        if let sql = db as? any SQLDatabase {
            for (member, lead) in c.merged {
                try await sql.insert(into: "permu_merged").columns("run_id", "enterprise_id", "lead_id").values(runID, member, lead).run()
            }
        }
    }

    static func writeSQLite(_ db: any SQLiteDatabase, runID: UUID, _ c: Columns) async throws {
        let width = resultColumns.count, perStatement = 30_000 / width
        let placeholder = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let run = SQLiteData.text(runID.uuidString)
        func text(_ s: String?) -> SQLiteData { s.map { .text($0) } ?? .null }
        for from in stride(from: 0, to: c.count, by: perStatement) {
            let to = min(from + perStatement, c.count)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((to - from) * width)
            for i in from..<to {
                binds.append(run); binds.append(.text(c.enterprise[i].uuidString)); binds.append(.integer(c.position[i]))
                binds.append(.text(c.group[i])); binds.append(text(c.cluster[i])); binds.append(text(c.subArea[i]))
                binds.append(.float(c.land[i])); binds.append(.text(c.status[i])); binds.append(c.total[i].map { .float($0) } ?? .null)
                binds.append(c.rank[i].map { .integer($0) } ?? .null); binds.append(text(c.grade[i])); binds.append(.integer(c.years[i]))
                binds.append(.integer(Int(c.fen[i]))); binds.append(.float(c.rate[i])); binds.append(.text(c.detail[i]))
                binds.append(text(c.members[i]))
            }
            let statement = "INSERT INTO permu_results (\(resultColumns.joined(separator: ", "))) VALUES "
                + Array(repeating: placeholder, count: to - from).joined(separator: ", ")
            _ = try await db.query(statement, binds)
        }
    }

    static func writePostgres(_ sql: any SQLDatabase, runID: UUID, _ c: Columns) async throws {
        guard c.count > 0 else { return }
        try await sql.raw("""
            INSERT INTO permu_results (\(unsafeRaw: resultColumns.joined(separator: ", ")))
            SELECT \(bind: runID), e, p, g, NULLIF(cl, ''), NULLIF(sa, ''), l, s, NULLIF(t, 'NaN'), NULLIF(r, -1), NULLIF(gr, ''),
                   y, f, ra, d, NULLIF(m, '')
            FROM UNNEST(\(bind: c.enterprise), \(bind: c.position), \(bind: c.group), \(bind: c.cluster.map { $0 ?? "" }),
                        \(bind: c.subArea.map { $0 ?? "" }), \(bind: c.land), \(bind: c.status), \(bind: c.total.map { $0 ?? .nan }),
                        \(bind: c.rank.map { $0 ?? -1 }), \(bind: c.grade.map { $0 ?? "" }), \(bind: c.years), \(bind: c.fen),
                        \(bind: c.rate), \(bind: c.detail), \(bind: c.members.map { $0 ?? "" }))
                 AS u(e, p, g, cl, sa, l, s, t, r, gr, y, f, ra, d, m)
            """).run()
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    static func membersText(_ members: [PerMuMember]) -> String {
        "[" + members.map { m in
            "{\"id\":\"\(m.enterpriseId.uuidString)\",\"land\":\(number(m.landMu)),\"kwh\":\(number(m.electricityKWh)),"
                + "\"other\":\(number(m.otherElectricitySurchargeYuanPerKWh)),\"rate\":\(number(m.addedElectricityRate)),"
                + "\"yuan\":\(number(m.electricitySurchargeYuan))}"
        }.joined(separator: ",") + "]"
    }

    struct MemberJSON: Decodable { var id: UUID; var land: Double; var kwh: Double?; var other: Double; var rate: Double; var yuan: Double }

    static func members(_ text: String) -> [PerMuMember] {
        ((try? JSONDecoder().decode([MemberJSON].self, from: Data(text.utf8))) ?? []).map {
            PerMuMember(enterpriseId: $0.id, landMu: $0.land, electricityKWh: $0.kwh, otherElectricitySurchargeYuanPerKWh: $0.other,
                        addedElectricityRate: $0.rate, electricitySurchargeYuan: $0.yuan)
        }
    }
}
