import FluentKit
import Foundation
import ParkDomain
import SQLKit
import FluentSQLiteDriver

/// Writes a run's results (`permu_results`, one row per unit, with the unit's figures so the
/// texts can be rebuilt) and members (`permu_members`, one row per enterprise, its grade and
/// surcharge) in multi-row INSERTs. The indicator lines are stored as `[[value, score,
/// points], …]` in the scheme's order (value null when missing), members as
/// `[{"id", "land", "kwh", "other", "rate", "yuan"}, …]`, both written without a JSON encoder.
/// Nullable integer columns (ranks, pool size) are never -1 and text columns never "" when set,
/// so the PostgreSQL path's sentinels cannot collide with a value.
enum PerMuResultWriter {
    static let resultColumns = ["run_id", "position", "enterprise_id", "group_kind", "cluster", "sub_area", "land_mu", "producing",
                                "past_contracted_date", "tax_wan", "value_added_wan", "revenue_wan", "energy_tce", "emissions_t",
                                "employees", "rd_spend_wan", "electricity_kwh", "status", "total", "park_rank", "pool_size",
                                "cluster_rank", "grade", "previous_grade", "consecutive_years", "surcharge_fen", "indicators", "members"]
    static let memberColumns = ["run_id", "enterprise_id", "position", "grade", "consecutive_years", "electricity_kwh", "added_rate",
                                "surcharge_fen"]

    /// Writes the rows on `db` (inside the caller's transaction): on SQLite as multi-row INSERTs
    /// bound as `SQLiteData` on the transaction's connection, on PostgreSQL as one
    /// `INSERT … SELECT FROM UNNEST(arrays)` per table (missing values travel as NaN, "" or -1
    /// and become NULL in SQL), elsewhere through SQLKit's insert builder. SQLKit's encoder
    /// would spend seconds on the 3.6 million binds of 100,000 units.
    static func write(_ db: any Database, runID: UUID, run: PerMuRun, figures: [PerMuFigures]) async throws {
        let rows = Rows(runID: runID, run: run, figures: figures)
        if let sqlite = db as? any SQLiteDatabase {
            try await writeSQLite(sqlite, rows)
        } else if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await writePostgres(sql, rows)
        } else if let sql = db as? any SQLDatabase {
            try await writeSQLKit(sql, rows)
        }
    }

    /// A run's rows as values, one array entry per result (`members` one per member).
    struct Rows {
        var results: [[Value]] = []
        var members: [[Value]] = []

        init(runID: UUID, run: PerMuRun, figures: [PerMuFigures]) {
            results.reserveCapacity(run.results.count)
            members.reserveCapacity(run.results.count)
            for (i, r) in run.results.enumerated() {
                let f = figures[i]
                results.append([
                    .uuid(runID), .int(i), .uuid(r.enterpriseId), .text(r.group.rawValue), .text(r.cluster), .text(r.subArea),
                    .double(r.landMu), .bool(f.producing), .bool(f.pastContractedProductionDate), .double(f.taxWanYuan),
                    .double(f.valueAddedWanYuan), .double(f.revenueWanYuan), .double(f.energyTonnesCoal), .double(f.emissionsTonnes),
                    .double(f.averageEmployees), .double(f.rdSpendWanYuan), .double(f.electricityKWh), .text(r.status.rawValue),
                    .double(r.total), .int(r.parkRank), .int(r.poolSize), .int(r.clusterRank), .text(r.grade?.rawValue),
                    .text(r.previousGrade?.rawValue), .int(r.consecutiveYears),
                    .int64(r.members.reduce(Int64(0)) { $0 + PerMuRunRepository.fen($1.electricitySurchargeYuan) }),
                    .text(indicatorsText(r.indicators)), .text(membersText(r.members)),
                ])
                for m in r.members {
                    members.append([.uuid(runID), .uuid(m.enterpriseId), .int(i), .text(r.grade?.rawValue), .int(r.consecutiveYears),
                                    .double(m.electricityKWh), .double(m.addedElectricityRate),
                                    .int64(PerMuRunRepository.fen(m.electricitySurchargeYuan))])
                }
            }
        }
    }

    /// One cell; nil is NULL.
    enum Value {
        case uuid(UUID), int(Int?), int64(Int64), double(Double?), text(String?), bool(Bool)

        var sqlite: SQLiteData {
            switch self {
            case .uuid(let u): .text(u.uuidString)
            case .int(let i): i.map { .integer($0) } ?? .null
            case .int64(let i): .integer(Int(i))
            case .double(let d): d.map { .float($0) } ?? .null
            case .text(let t): t.map { .text($0) } ?? .null
            case .bool(let b): .integer(b ? 1 : 0)
            }
        }

        var encodable: any Encodable & Sendable {
            switch self {
            case .uuid(let u): u
            case .int(let i): i
            case .int64(let i): i
            case .double(let d): d
            case .text(let t): t
            case .bool(let b): b
            }
        }
    }

    static func writeSQLite(_ db: any SQLiteDatabase, _ rows: Rows) async throws {
        for (table, columns, values) in [("permu_results", resultColumns, rows.results), ("permu_members", memberColumns, rows.members)] {
            let perStatement = 30_000 / columns.count
            let placeholder = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            for from in stride(from: 0, to: values.count, by: perStatement) {
                let to = min(from + perStatement, values.count)
                let statement = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: placeholder, count: to - from).joined(separator: ", ")
                var binds: [SQLiteData] = []
                binds.reserveCapacity((to - from) * columns.count)
                for row in values[from..<to] { for v in row { binds.append(v.sqlite) } }
                _ = try await db.query(statement, binds)
            }
        }
    }

    static func writePostgres(_ sql: any SQLDatabase, _ rows: Rows) async throws {
        for (table, columns, values, types) in [("permu_results", resultColumns, rows.results, resultTypes),
                                                 ("permu_members", memberColumns, rows.members, memberTypes)] where !values.isEmpty {
            var query = SQLQueryString("INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) SELECT ")
            query.appendInterpolation(unsafeRaw: columns.indices.map { j in
                switch types[j] {
                case "float8": "NULLIF(c\(j), 'NaN')"
                case "text": "NULLIF(c\(j), '')"
                case "int8?": "NULLIF(c\(j), -1)"
                default: "c\(j)"
                }
            }.joined(separator: ", "))
            query.appendInterpolation(unsafeRaw: " FROM UNNEST(")
            for j in columns.indices {
                if j > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                switch types[j] {
                case "uuid": query.appendInterpolation(bind: values.map { v -> UUID in if case .uuid(let u) = v[j] { u } else { UUID() } })
                case "float8": query.appendInterpolation(bind: values.map { v -> Double in if case .double(let d) = v[j] { d ?? .nan } else { .nan } })
                case "text": query.appendInterpolation(bind: values.map { v -> String in if case .text(let t) = v[j] { t ?? "" } else { "" } })
                case "bool": query.appendInterpolation(bind: values.map { v -> Bool in if case .bool(let b) = v[j] { b } else { false } })
                default:
                    query.appendInterpolation(bind: values.map { v -> Int in
                        switch v[j] {
                        case .int(let i): i ?? -1
                        case .int64(let i): Int(i)
                        default: -1
                        }
                    })
                }
            }
            query.appendInterpolation(unsafeRaw: ") AS t(" + columns.indices.map { "c\($0)" }.joined(separator: ", ") + ")")
            try await sql.raw(query).run()
        }
    }

    static func writeSQLKit(_ sql: any SQLDatabase, _ rows: Rows) async throws {
        for (table, columns, values) in [("permu_results", resultColumns, rows.results), ("permu_members", memberColumns, rows.members)] {
            for from in stride(from: 0, to: values.count, by: 500) {
                let insert = sql.insert(into: table).columns(columns)
                for row in values[from..<min(from + 500, values.count)] { _ = insert.values(row.map(\.encodable)) }
                try await insert.run()
            }
        }
    }

    /// PostgreSQL array element types of the columns, in column order ("int8?": nullable, -1 for NULL).
    static let resultTypes = ["uuid", "int8", "uuid", "text", "text", "text", "float8", "bool", "bool", "float8", "float8", "float8",
                              "float8", "float8", "float8", "float8", "float8", "text", "float8", "int8?", "int8?", "int8?", "text",
                              "text", "int8", "int8", "text", "text"]
    static let memberTypes = ["uuid", "uuid", "int8", "text", "int8", "float8", "float8", "int8"]

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    static func indicatorsText(_ lines: [PerMuIndicatorResult]) -> String {
        "[" + lines.map { "[\(number($0.value)),\(number($0.score)),\(number($0.points))]" }.joined(separator: ",") + "]"
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

    static func indicatorLines(_ text: String) -> [[Double?]] {
        (try? JSONDecoder().decode([[Double?]].self, from: Data(text.utf8))) ?? []
    }
}
