import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A stored result of one unit with its enterprise's names and figures.
public struct PerMuStoredResult: Sendable {
    /// Position of the unit in its run.
    public var position: Int
    /// The result as stored (texts empty: `PerMuResultQuery.explain` rebuilds them).
    public var result: PerMuResult
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
        if page < 1 { throw DomainError(code: "out_of_range", field: "page", en: "page must be 1 or more", zh: "页码须大于等于 1") }
        if perPage < 1 || perPage > EnterpriseQuery.maxPerPage {
            throw DomainError(code: "out_of_range", field: "per_page", en: "per_page must be between 1 and \(EnterpriseQuery.maxPerPage)",
                              zh: "每页条数须在 1 至 \(EnterpriseQuery.maxPerPage) 之间")
        }
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
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: f.perPage) OFFSET \(literal: (f.page - 1) * f.perPage)
            """).all()
        let year = try await PerMuRunModel.find(runID, on: db)?.year ?? 0
        return Page(items: try rows.map { try Self.stored($0, year: year) }, total: total, page: f.page, perPage: f.perPage)
    }

    /// The result of the unit holding `enterpriseID` (as lead or merged member) in `runID`.
    public func result(runID: UUID, enterpriseID: UUID) async throws -> PerMuStoredResult? {
        guard let sql = db as? any SQLDatabase else { return nil }
        guard let member = try await sql.raw("""
            SELECT position FROM permu_members WHERE run_id = \(bind: runID) AND enterprise_id = \(bind: enterpriseID)
            """).first() else { return nil }
        let position = try member.decode(column: "position", as: Int.self)
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: Self.selectColumns) FROM permu_results r JOIN enterprises e ON e.id = r.enterprise_id
            WHERE r.run_id = \(bind: runID) AND r.position = \(bind: position)
            """).first() else { return nil }
        let year = try await PerMuRunModel.find(runID, on: db)?.year ?? 0
        return try Self.stored(row, year: year)
    }

    /// Totals of every graded unit of `runID`, for the score distribution.
    public func totals(runID: UUID) async throws -> [(group: PerMuGroupKind, total: Double, grade: PerMuGrade)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("""
            SELECT group_kind, total, grade FROM permu_results WHERE run_id = \(bind: runID) AND total IS NOT NULL AND grade IS NOT NULL
            """).all()
        return try rows.compactMap { row in
            guard let g = PerMuGroupKind(rawValue: try row.decode(column: "group_kind", as: String.self)),
                  let grade = PerMuGrade(rawValue: try row.decode(column: "grade", as: String.self)) else { return nil }
            return (g, try row.decode(column: "total", as: Double.self), grade)
        }
    }

    /// The treatment list of `runID`: every enterprise whose electricity rate the run changes,
    /// highest surcharge first.
    public func treatmentList(runID: UUID) async throws -> [PerMuTreatmentRow] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw("""
            SELECT m.enterprise_id, m.grade, m.consecutive_years, m.electricity_kwh, m.added_rate, m.surcharge_fen,
                   e.credit_code, e.name_zh, e.name_en
            FROM permu_members m JOIN enterprises e ON e.id = m.enterprise_id
            WHERE m.run_id = \(bind: runID) AND m.added_rate <> 0
            ORDER BY m.surcharge_fen DESC, e.credit_code
            """).all()
        return try rows.compactMap { row in
            guard let grade = PerMuGrade(rawValue: try row.decode(column: "grade", as: String.self)) else { return nil }
            return PerMuTreatmentRow(
                enterpriseId: try row.decode(column: "enterprise_id", as: UUID.self),
                creditCode: try row.decode(column: "credit_code", as: String.self),
                nameZh: try row.decode(column: "name_zh", as: String.self), nameEn: try row.decode(column: "name_en", as: String.self),
                grade: grade, consecutiveYears: try row.decode(column: "consecutive_years", as: Int.self),
                electricityKWh: try row.decode(column: "electricity_kwh", as: Double?.self),
                addedRate: try row.decode(column: "added_rate", as: Double.self),
                surchargeFen: try row.decode(column: "surcharge_fen", as: Int64.self))
        }
    }

    /// `stored` with its texts rebuilt under the run's scheme and benchmarks.
    public static func explain(_ stored: PerMuStoredResult, scheme: PerMuScheme, run: PerMuRunRepository.Stored) -> PerMuResult {
        PerMuEvaluator.explain(stored.result, figures: stored.figures, scheme: scheme, benchmarks: run.benchmarks)
    }

    static func stored(_ row: any SQLRow, year: Int) throws -> PerMuStoredResult {
        func d(_ c: String) throws -> Double? { try row.decode(column: c, as: Double?.self) }
        let enterprise = try row.decode(column: "enterprise_id", as: UUID.self)
        let group = PerMuGroupKind(rawValue: try row.decode(column: "group_kind", as: String.self)) ?? .aboveSize
        let figures = PerMuFigures(
            enterpriseId: enterprise, year: year, cluster: try row.decode(column: "cluster", as: String?.self),
            subArea: try row.decode(column: "sub_area", as: String?.self), aboveDesignatedSize: group == .aboveSize,
            landMu: try row.decode(column: "land_mu", as: Double.self), producing: try row.decode(column: "producing", as: Bool.self),
            pastContractedProductionDate: try row.decode(column: "past_contracted_date", as: Bool.self),
            taxWanYuan: try d("tax_wan"), valueAddedWanYuan: try d("value_added_wan"), revenueWanYuan: try d("revenue_wan"),
            energyTonnesCoal: try d("energy_tce"), emissionsTonnes: try d("emissions_t"), averageEmployees: try d("employees"),
            rdSpendWanYuan: try d("rd_spend_wan"), electricityKWh: try d("electricity_kwh"))
        let members = PerMuResultWriter.members(try row.decode(column: "members", as: String.self))
        let lines = PerMuResultWriter.indicatorLines(try row.decode(column: "indicators", as: String.self))
        let blank = Bilingual(zh: "", en: "")
        let result = PerMuResult(
            enterpriseId: enterprise, members: members, group: group, cluster: figures.cluster, subArea: figures.subArea,
            landMu: figures.landMu, status: PerMuStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .outOfScope,
            indicators: lines.map { l in
                PerMuIndicatorResult(indicator: .taxPerMu, weight: 0, value: l.first ?? nil, benchmark: nil,
                                     score: (l.count > 1 ? l[1] : nil) ?? 0, points: (l.count > 2 ? l[2] : nil) ?? 0,
                                     missingRule: nil, explanation: blank)
            },
            total: try d("total"), parkRank: try row.decode(column: "park_rank", as: Int?.self),
            poolSize: try row.decode(column: "pool_size", as: Int?.self), clusterRank: try row.decode(column: "cluster_rank", as: Int?.self),
            grade: try row.decode(column: "grade", as: String?.self).flatMap(PerMuGrade.init(rawValue:)),
            previousGrade: try row.decode(column: "previous_grade", as: String?.self).flatMap(PerMuGrade.init(rawValue:)),
            consecutiveYears: try row.decode(column: "consecutive_years", as: Int.self), treatments: [], reason: nil, explanation: blank)
        return PerMuStoredResult(position: try row.decode(column: "position", as: Int.self), result: result, figures: figures,
                                 nameZh: try row.decode(column: "name_zh", as: String.self),
                                 nameEn: try row.decode(column: "name_en", as: String.self),
                                 creditCode: try row.decode(column: "credit_code", as: String.self))
    }
}
