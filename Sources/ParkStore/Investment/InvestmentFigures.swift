import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// `FDIFigures` from the database: one GROUP BY per ledger, per month or per breakdown key.
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
        for table in ["fdi_inflows", "fdi_contracted"] {
            let rows = try await sql.raw("""
                SELECT x.month AS month, \(unsafeRaw: Self.sum("x.usd_cents")) AS usd, \(unsafeRaw: Self.sum("x.cny_fen")) AS cny,
                  \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.usd_cents ELSE 0 END")) AS usd_c,
                  \(unsafeRaw: Self.sum("CASE WHEN fin.industry_code IS NULL THEN x.cny_fen ELSE 0 END")) AS cny_c
                FROM \(unsafeRaw: table) x JOIN investment_projects p ON p.id = x.project_id \(unsafeRaw: Self.financialJoin)
                WHERE x.month >= \(bind: from.iso) AND x.month <= \(bind: to.iso)
                GROUP BY x.month
                """).all()
            for r in rows {
                let m = try r.decode(column: "month", as: String.self)
                guard var f = byMonth[m] else { continue }
                let usd = try r.decode(column: "usd", as: Int64.self), cny = try r.decode(column: "cny", as: Int64.self)
                let usdC = try r.decode(column: "usd_c", as: Int64.self), cnyC = try r.decode(column: "cny_c", as: Int64.self)
                if table == "fdi_inflows" {
                    f.utilisedUSDCents = usd; f.utilisedCNYFen = cny; f.utilisedComparableUSDCents = usdC; f.utilisedComparableCNYFen = cnyC
                } else {
                    f.contractedUSDCents = usd; f.contractedCNYFen = cny; f.contractedComparableUSDCents = usdC; f.contractedComparableCNYFen = cnyC
                }
                byMonth[m] = f
            }
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
        for table in ["fdi_inflows", "fdi_contracted"] {
            for r in try await sql.raw("""
                SELECT \(unsafeRaw: key) AS k, \(unsafeRaw: Self.sum("x.usd_cents")) AS usd, \(unsafeRaw: Self.sum("x.cny_fen")) AS cny
                FROM \(unsafeRaw: table) x JOIN investment_projects p ON p.id = x.project_id JOIN investors inv ON inv.id = p.investor_id
                WHERE x.month >= \(bind: from.iso) AND x.month <= \(bind: to.iso)
                GROUP BY \(unsafeRaw: key)
                """).all() {
                let k = try r.decode(column: "k", as: String.self)
                var row = rows[k] ?? FDIBreakdownRow(key: k, utilisedUSDCents: 0, utilisedCNYFen: 0, contractedUSDCents: 0, contractedCNYFen: 0)
                if table == "fdi_inflows" {
                    row.utilisedUSDCents = try r.decode(column: "usd", as: Int64.self); row.utilisedCNYFen = try r.decode(column: "cny", as: Int64.self)
                } else {
                    row.contractedUSDCents = try r.decode(column: "usd", as: Int64.self); row.contractedCNYFen = try r.decode(column: "cny", as: Int64.self)
                }
                rows[k] = row
            }
        }
        return rows.values.sorted { ($0.utilisedUSDCents, $0.key) > ($1.utilisedUSDCents, $1.key) }
    }
}
