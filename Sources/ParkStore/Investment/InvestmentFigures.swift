import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// `FDIFigures` from the database: one GROUP BY over the ledgers' monthly roll-up per project
/// (`fdi_project_months`), per month or per breakdown key.
public struct InvestmentFigures: FDIFigures {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    /// Longest range asked for at once (50 years of months).
    public static let maxMonths = 600

    var sql: any SQLDatabase {
        get throws {
            guard let s = db as? any SQLDatabase else { throw DomainError(.unsupported, code: "sql_required", en: "an SQL database is required", zh: "需要 SQL 数据库") }
            return s
        }
    }

    static func checkRange(_ from: YearMonth, _ to: YearMonth) throws(DomainError) {
        guard from <= to else {
            throw DomainError(code: "invalid_range", field: "to", en: "to (\(to)) is before from (\(from))", zh: "截止月份 \(to) 早于起始月份 \(from)")
        }
        guard to.index - from.index < maxMonths else {
            throw DomainError(code: "out_of_range", field: "to", en: "a range covers at most \(maxMonths) months", zh: "区间最多 \(maxMonths) 个月")
        }
    }

    /// `SUM` as a 64-bit integer on both databases (PostgreSQL's SUM of BIGINT is NUMERIC).
    static func sum(_ expr: String) -> String { "CAST(COALESCE(SUM(\(expr)), 0) AS BIGINT)" }

    /// The comparable scope: the project's industry is not marked financial.
    static let financialJoin = "LEFT JOIN fdi_industry_categories fin ON fin.industry_code = p.industry_code AND fin.category = 'financial'"

    public func monthly(from: YearMonth, to: YearMonth) async throws -> [FDIMonthFigures] {
        try Self.checkRange(from, to)
        let sql = try self.sql
        var byMonth = Dictionary(uniqueKeysWithValues: from.through(to).map { ($0.iso, FDIMonthFigures(month: $0)) })
        let rows = try await sql.raw("""
            SELECT x.month AS month, \(unsafeRaw: Self.sum("x.utilised_usd_cents")) AS uu, \(unsafeRaw: Self.sum("x.utilised_cny_fen")) AS uc,
              \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.utilised_usd_cents ELSE 0 END")) AS uu_c,
              \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.utilised_cny_fen ELSE 0 END")) AS uc_c,
              \(unsafeRaw: Self.sum("x.contracted_usd_cents")) AS cu, \(unsafeRaw: Self.sum("x.contracted_cny_fen")) AS cc,
              \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.contracted_usd_cents ELSE 0 END")) AS cu_c,
              \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.contracted_cny_fen ELSE 0 END")) AS cc_c
            FROM fdi_project_months x JOIN investment_projects p ON p.id = x.project_id \(unsafeRaw: Self.financialJoin)
            WHERE x.month >= \(bind: from.iso) AND x.month <= \(bind: to.iso)
            GROUP BY x.month
            """).all()
        for r in rows {
            let m = try r.decode(column: "month", as: String.self)
            guard var f = byMonth[m] else { continue }
            func v(_ c: String) throws -> Int64 { try r.decode(column: c, as: Int64.self) }
            f.utilisedUSDCents = try v("uu"); f.utilisedCNYFen = try v("uc"); f.utilisedComparableUSDCents = try v("uu_c"); f.utilisedComparableCNYFen = try v("uc_c")
            f.contractedUSDCents = try v("cu"); f.contractedCNYFen = try v("cc"); f.contractedComparableUSDCents = try v("cu_c"); f.contractedComparableCNYFen = try v("cc_c")
            byMonth[m] = f
        }
        let signed = try await sql.raw("""
            SELECT SUBSTR(signed_on, 1, 7) AS month, COUNT(*) AS n FROM investment_projects
            WHERE signed_on >= \(bind: from.firstDay.iso) AND signed_on <= \(bind: to.lastDay.iso)
            GROUP BY SUBSTR(signed_on, 1, 7)
            """).all()
        for r in signed {
            let m = try r.decode(column: "month", as: String.self)
            byMonth[m]?.newProjects = try r.decode(column: "n", as: Int.self)
        }
        return from.through(to).compactMap { byMonth[$0.iso] }
    }

    public func breakdown(from: YearMonth, to: YearMonth, by dimension: FDIBreakdownDimension) async throws -> [FDIBreakdownRow] {
        try Self.checkRange(from, to)
        let sql = try self.sql
        let key = dimension == .originCountry ? "inv.origin_country" : "COALESCE(p.cluster, '')"
        var rows: [String: FDIBreakdownRow] = [:]
        for r in try await sql.raw("""
            SELECT \(unsafeRaw: key) AS k, \(unsafeRaw: Self.sum("x.utilised_usd_cents")) AS uu, \(unsafeRaw: Self.sum("x.utilised_cny_fen")) AS uc,
              \(unsafeRaw: Self.sum("x.contracted_usd_cents")) AS cu, \(unsafeRaw: Self.sum("x.contracted_cny_fen")) AS cc
            FROM fdi_project_months x JOIN investment_projects p ON p.id = x.project_id JOIN investors inv ON inv.id = p.investor_id
            WHERE x.month >= \(bind: from.iso) AND x.month <= \(bind: to.iso)
            GROUP BY \(unsafeRaw: key)
            """).all() {
            let k = try r.decode(column: "k", as: String.self)
            rows[k] = FDIBreakdownRow(key: k, utilisedUSDCents: try r.decode(column: "uu", as: Int64.self), utilisedCNYFen: try r.decode(column: "uc", as: Int64.self),
                                      contractedUSDCents: try r.decode(column: "cu", as: Int64.self), contractedCNYFen: try r.decode(column: "cc", as: Int64.self))
        }
        return rows.values.sorted { ($0.utilisedUSDCents, $0.key) > ($1.utilisedUSDCents, $1.key) }
    }
}
