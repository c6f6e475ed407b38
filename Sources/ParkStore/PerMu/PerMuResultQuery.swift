import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A stored result of one unit with its enterprise's names and figures.
public struct PerMuStoredResult: Sendable {
    /// Position of the unit in its run.
    public var position: Int
    /// The result as stored: numbers without texts or indicator lines (`PerMuResultQuery.explain`
    /// rebuilds them from `scores`).
    public var result: PerMuResult
    /// The normalised score of each indicator of the unit's group, in the scheme's order.
    public var scores: [Double]
    /// The unit's (merged) figures.
    public var figures: PerMuFigures
    public var nameZh: String
    public var nameEn: String
    public var creditCode: String
}

/// How a run's results are listed: filters, sort and page.
public struct PerMuResultFilter: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Group (above-size first), then rank: the ranking table.
        case rank
        case total
        case landMu = "land_mu"
        case name
        case surcharge
    }
    public var cluster: String?
    public var subArea: String?
    public var grade: PerMuGrade?
    public var group: PerMuGroupKind?
    public var status: PerMuStatus?
    public var search: String?
    public var sort: Sort = .rank
    public var descending = false
    public var page = 1
    public var perPage = 50

    public init() {}

    public func validated() throws(DomainError) -> PerMuResultFilter {
        _ = try PageRequest(page: page, perPage: perPage)
        if let s = search, s.count > 100 { throw .tooLong("q", max: 100) }
        return self
    }
}

/// A row of the treatment list the utilities receive: one enterprise of a graded unit with a
/// surcharge or discount on its electricity.
public struct PerMuTreatmentRow: Sendable {
    public var enterpriseId: UUID
    public var creditCode: String
    public var nameZh: String
    public var nameEn: String
    public var grade: PerMuGrade
    public var consecutiveYears: Int
    public var electricityKWh: Double?
    /// yuan/kWh added over the enterprise's other punitive tariffs.
    public var addedRate: Double
    public var surchargeFen: Int64
}

/// Reads a run's stored results.
public struct PerMuResultQuery: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    static let selectColumns = "r.*, e.name_zh, e.name_en, e.credit_code"

    /// One page of `runID`'s results.
    public func list(runID: UUID, filter: PerMuResultFilter) async throws -> Page<PerMuStoredResult> {
        let f = try filter.validated()
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: 1, perPage: f.perPage) }
        var whereSQL = SQLQueryString("r.run_id = \(bind: runID)")
        if let c = f.cluster { whereSQL.appendInterpolation(unsafeRaw: " AND r.cluster = "); whereSQL.appendInterpolation(bind: c) }
        if let s = f.subArea { whereSQL.appendInterpolation(unsafeRaw: " AND r.sub_area = "); whereSQL.appendInterpolation(bind: s) }
        if let g = f.grade { whereSQL.appendInterpolation(unsafeRaw: " AND r.grade = "); whereSQL.appendInterpolation(bind: g.rawValue) }
        if let g = f.group { whereSQL.appendInterpolation(unsafeRaw: " AND r.group_kind = "); whereSQL.appendInterpolation(bind: g.rawValue) }
        if let s = f.status { whereSQL.appendInterpolation(unsafeRaw: " AND r.status = "); whereSQL.appendInterpolation(bind: s.rawValue) }
        if let q = f.search, !q.isEmpty {
            let like = "%" + q.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            whereSQL.appendInterpolation(unsafeRaw: " AND (e.name_zh LIKE ")
            whereSQL.appendInterpolation(bind: like)
            whereSQL.appendInterpolation(unsafeRaw: " OR LOWER(e.name_en) LIKE ")
            whereSQL.appendInterpolation(bind: like.lowercased())
            whereSQL.appendInterpolation(unsafeRaw: " OR e.credit_code LIKE ")
            whereSQL.appendInterpolation(bind: like.uppercased())
            whereSQL.appendInterpolation(unsafeRaw: ")")
        }
        let from = "FROM permu_results r JOIN enterprises e ON e.id = r.enterprise_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(unsafeRaw: from) WHERE \(whereSQL)").first()?.decode(column: "n", as: Int.self) ?? 0
        let dir = f.descending ? "DESC" : "ASC"
        let order: String = switch f.sort {
        case .rank: "r.group_kind \(dir), (r.park_rank IS NULL), r.park_rank \(dir), r.position"
        case .total: "(r.total IS NULL), r.total \(f.descending ? "ASC" : "DESC"), r.position"
        case .landMu: "r.land_mu \(dir), r.position"
        case .name: "e.name_zh \(dir), r.position"
        case .surcharge: "r.surcharge_fen \(f.descending ? "ASC" : "DESC"), r.position"
        }
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: Self.selectColumns) \(unsafeRaw: from) WHERE \(whereSQL)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: f.perPage) OFFSET \(literal: try PageRequest(page: f.page, perPage: f.perPage).offset)
            """).all()
        let year = try await PerMuRunModel.find(runID, on: db)?.year ?? 0
        return Page(items: try rows.map { try Self.stored($0, year: year) }, total: total, page: f.page, perPage: f.perPage)
    }

    /// The result of the unit holding `enterpriseID` (as lead or merged member) in `runID`.
    public func result(runID: UUID, enterpriseID: UUID) async throws -> PerMuStoredResult? {
        guard let sql = db as? any SQLDatabase else { return nil }
        var lead = enterpriseID
        if let merged = try await sql.raw("""
            SELECT lead_id FROM permu_merged WHERE run_id = \(bind: runID) AND enterprise_id = \(bind: enterpriseID)
            """).first() {
            lead = try merged.decode(column: "lead_id", as: UUID.self)
        }
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: Self.selectColumns) FROM permu_results r JOIN enterprises e ON e.id = r.enterprise_id
            WHERE r.run_id = \(bind: runID) AND r.enterprise_id = \(bind: lead)
            """).first() else { return nil }
        let year = try await PerMuRunModel.find(runID, on: db)?.year ?? 0
        return try Self.stored(row, year: year)
    }

    /// The score distribution of every graded unit of `runID`, per group, counted in SQL: one
    /// statement for each group's range, one for each group's counts by bin and grade (a sum per
    /// bin boundary), never a row per unit.
    public func distribution(runID: UUID, bins: Int = 20) async throws -> [PerMuGroupKind: PerMuHistogram] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        var out: [PerMuGroupKind: PerMuHistogram] = [:]
        let ranges = try await sql.raw("""
            SELECT group_kind, MIN(total) AS lo, MAX(total) AS hi FROM permu_results
            WHERE run_id = \(bind: runID) AND total IS NOT NULL AND grade IS NOT NULL GROUP BY group_kind
            """).all()
        for r in ranges {
            guard let g = PerMuGroupKind(rawValue: try r.decode(column: "group_kind", as: String.self)),
                  var h = PerMuHistogram(lowest: try r.decode(column: "lo", as: Double.self),
                                         highest: try r.decode(column: "hi", as: Double.self), bins: bins) else { continue }
            var select = SQLQueryString("SELECT grade")
            for (i, b) in h.boundaries.enumerated() {
                select.appendInterpolation(unsafeRaw: ", SUM(CASE WHEN total >= ")
                select.appendInterpolation(bind: b)
                select.appendInterpolation(unsafeRaw: " THEN 1 ELSE 0 END) AS b\(i + 1)")
            }
            select.appendInterpolation(unsafeRaw: ", COUNT(*) AS n FROM permu_results WHERE run_id = ")
            select.appendInterpolation(bind: runID)
            select.appendInterpolation(unsafeRaw: " AND group_kind = ")
            select.appendInterpolation(bind: g.rawValue)
            select.appendInterpolation(unsafeRaw: " AND total IS NOT NULL AND grade IS NOT NULL GROUP BY grade")
            for row in try await sql.raw(select).all() {
                guard let grade = PerMuGrade(rawValue: try row.decode(column: "grade", as: String.self)) else { continue }
                // reached[i] units reach boundary i (reached[0] = all); bin i holds reached[i] - reached[i + 1].
                var reached = [try row.decode(column: "n", as: Int.self)]
                for i in 1..<bins { reached.append(try row.decode(column: "b\(i)", as: Int.self)) }
                reached.append(0)
                for i in 0..<bins { h.counts[i][Int(grade.code)] += reached[i] - reached[i + 1] }
            }
            out[g] = h
        }
        return out
    }

    /// Where a batch of the treatment list ends: its last unit's surcharge and credit code.
    public struct TreatmentCursor: Sendable, Equatable {
        public var surchargeFen: Int64
        public var creditCode: String

        public init(surchargeFen: Int64, creditCode: String) { self.surchargeFen = surchargeFen; self.creditCode = creditCode }

        /// As text ("surcharge_fen|credit_code"), for a stream's cursor.
        public var text: String { "\(surchargeFen)|\(creditCode)" }

        public init?(text: String) {
            let parts = text.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, let fen = Int64(parts[0]) else { return nil }
            self.init(surchargeFen: fen, creditCode: String(parts[1]))
        }
    }

    /// The treatment list of `runID`: every enterprise whose electricity rate the run changes
    /// (members of merged units each on their own row, after one another), units by surcharge,
    /// highest first, then credit code; read in keyset batches.
    public func treatmentList(runID: UUID) async throws -> [PerMuTreatmentRow] {
        var out: [PerMuTreatmentRow] = [], cursor: TreatmentCursor?
        repeat {
            let batch = try await treatmentBatch(runID: runID, after: cursor, limit: 500)
            out += batch.rows
            cursor = batch.last
        } while cursor != nil
        return out
    }

    /// Up to `limit` units of the treatment list after `after`, and the cursor of the last
    /// (nil when there are no more): one keyset page of an export that streams.
    public func treatmentBatch(runID: UUID, after: TreatmentCursor?, limit: Int) async throws -> (rows: [PerMuTreatmentRow], last: TreatmentCursor?) {
        guard let sql = db as? any SQLDatabase else { return ([], nil) }
        var query = SQLQueryString("""
            SELECT \(unsafeRaw: Self.selectColumns) FROM permu_results r JOIN enterprises e ON e.id = r.enterprise_id
            WHERE r.run_id = \(bind: runID) AND r.grade IS NOT NULL AND (r.added_rate <> 0 OR r.members IS NOT NULL)
            """)
        if let after {
            query = query + " AND (r.surcharge_fen < \(bind: after.surchargeFen) OR (r.surcharge_fen = \(bind: after.surchargeFen) AND e.credit_code > \(bind: after.creditCode)))"
        }
        query = query + " ORDER BY r.surcharge_fen DESC, e.credit_code ASC LIMIT \(bind: limit)"
        let rows = try await sql.raw(query).all()
        var units: [PerMuStoredResult] = []
        for row in rows { units.append(try Self.stored(row, year: 0)) }
        guard let lastRow = rows.last, let lastUnit = units.last else { return ([], nil) }
        let others = Set(units.flatMap { u in u.result.members.map(\.enterpriseId).filter { $0 != u.result.enterpriseId } })
        var registry: [UUID: (code: String, zh: String, en: String)] = [:]
        if !others.isEmpty {
            for m in try await EnterpriseModel.query(on: db).filter(\.$id ~~ Array(others)).all() {
                registry[try m.requireID()] = (m.creditCode, m.nameZh, m.nameEn)
            }
        }
        var out: [PerMuTreatmentRow] = []
        for u in units {
            guard let grade = u.result.grade else { continue }
            for m in u.result.members where m.addedElectricityRate != 0 {
                let lead = m.enterpriseId == u.result.enterpriseId
                guard let who = lead ? (u.creditCode, u.nameZh, u.nameEn) : registry[m.enterpriseId] else { continue }
                out.append(PerMuTreatmentRow(enterpriseId: m.enterpriseId, creditCode: who.0, nameZh: who.1, nameEn: who.2, grade: grade,
                                             consecutiveYears: u.result.consecutiveYears, electricityKWh: m.electricityKWh,
                                             addedRate: m.addedElectricityRate,
                                             surchargeFen: PerMuRunRepository.fen(m.electricitySurchargeYuan)))
            }
        }
        guard rows.count == limit else { return (out, nil) }
        return (out, TreatmentCursor(surchargeFen: try lastRow.decode(column: "surcharge_fen", as: Int64.self), creditCode: lastUnit.creditCode))
    }

    /// `stored` with its texts rebuilt under the run's scheme and benchmarks.
    public static func explain(_ stored: PerMuStoredResult, scheme: PerMuScheme, run: PerMuRunRepository.Stored) -> PerMuResult {
        PerMuEvaluator.explain(stored.result, scores: stored.scores, figures: stored.figures, scheme: scheme, benchmarks: run.benchmarks)
    }

    static func stored(_ row: any SQLRow, year: Int) throws -> PerMuStoredResult {
        let d = PerMuResultWriter.Detail.decode(try row.decode(column: "detail", as: String.self))
        func at(_ i: Int) -> Double? { i < d.count && !d[i].isNaN ? d[i] : nil }
        let enterprise = try row.decode(column: "enterprise_id", as: UUID.self)
        let group = PerMuGroupKind(rawValue: try row.decode(column: "group_kind", as: String.self)) ?? .aboveSize
        let figures = PerMuFigures(
            enterpriseId: enterprise, year: year, cluster: try row.decode(column: "cluster", as: String?.self),
            subArea: try row.decode(column: "sub_area", as: String?.self), aboveDesignatedSize: group == .aboveSize,
            landMu: try row.decode(column: "land_mu", as: Double.self), producing: at(0) == 1, pastContractedProductionDate: at(1) == 1,
            taxWanYuan: at(2), valueAddedWanYuan: at(3), revenueWanYuan: at(4), energyTonnesCoal: at(5), emissionsTonnes: at(6),
            averageEmployees: at(7), rdSpendWanYuan: at(8), electricityKWh: at(9),
            otherElectricitySurchargeYuanPerKWh: at(13) ?? 0)
        let rate = try row.decode(column: "added_rate", as: Double.self)
        let members = try row.decode(column: "members", as: String?.self).map(PerMuResultWriter.members)
            ?? [PerMuMember(enterpriseId: enterprise, landMu: figures.landMu, electricityKWh: figures.electricityKWh,
                            otherElectricitySurchargeYuanPerKWh: figures.otherElectricitySurchargeYuanPerKWh,
                            addedElectricityRate: rate, electricitySurchargeYuan: (figures.electricityKWh ?? 0) * rate)]
        let blank = Bilingual(zh: "", en: "")
        let scores = d.count > PerMuResultWriter.Detail.fixed ? Array(d[PerMuResultWriter.Detail.fixed...]) : []
        let result = PerMuResult(
            enterpriseId: enterprise, members: members, group: group, cluster: figures.cluster, subArea: figures.subArea,
            landMu: figures.landMu, status: PerMuStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .outOfScope,
            indicators: [],
            total: try row.decode(column: "total", as: Double?.self), parkRank: try row.decode(column: "park_rank", as: Int?.self),
            poolSize: at(10).map { Int($0) }, clusterRank: at(11).map { Int($0) },
            grade: try row.decode(column: "grade", as: String?.self).flatMap(PerMuGrade.init(rawValue:)),
            previousGrade: at(12).flatMap { PerMuGrade(code: UInt8($0)) },
            consecutiveYears: try row.decode(column: "consecutive_years", as: Int.self), treatments: [], reason: nil, explanation: blank)
        return PerMuStoredResult(position: try row.decode(column: "position", as: Int.self), result: result, scores: scores, figures: figures,
                                 nameZh: try row.decode(column: "name_zh", as: String.self),
                                 nameEn: try row.decode(column: "name_en", as: String.self),
                                 creditCode: try row.decode(column: "credit_code", as: String.self))
    }
}
