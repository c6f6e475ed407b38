import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The platform's statistics as SQL aggregates (GROUP BY), never by reading projects: a
/// project counts in the month it was agreed; abandoned projects and those still without an
/// agreement do not count. `from` nil: since the first project.
public struct OutboundStatsQuery: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    static let totals = """
        COUNT(DISTINCT enterprise_id) AS firms, COUNT(DISTINCT country_code) AS countries, COUNT(*) AS projects,
        CAST(COALESCE(SUM(amount_yuan_fen), 0) AS BIGINT) AS yuan, CAST(COALESCE(SUM(amount_usd_cents), 0) AS BIGINT) AS usd
        """

    static func totals(_ r: any SQLRow) throws -> OutboundTotals {
        OutboundTotals(firms: try r.decode(column: "firms", as: Int.self), countries: try r.decode(column: "countries", as: Int.self),
                       projects: try r.decode(column: "projects", as: Int.self), yuanFen: try r.decode(column: "yuan", as: Int64.self),
                       usdCents: try r.decode(column: "usd", as: Int64.self))
    }

    func counted(from: YearMonth?, to: YearMonth) -> SQLQueryString {
        var w = SQLQueryString("stage <> 'abandoned' AND agreed_on IS NOT NULL AND agreed_on <= \(bind: to.lastDay.iso)")
        if let from { w.appendInterpolation(unsafeRaw: " AND agreed_on >= "); w.appendInterpolation(bind: from.firstDay.iso) }
        return w
    }

    /// The headline totals of a period only (one query).
    public func totals(from: YearMonth?, to: YearMonth, beltAndRoad: Bool = false) async throws -> OutboundTotals {
        let sql = try OutboundRows.requireSQL(db)
        var w = counted(from: from, to: to)
        if beltAndRoad { w.appendInterpolation(unsafeRaw: " AND belt_and_road = "); w.appendInterpolation(bind: true) }
        guard let r = try await sql.raw("SELECT \(unsafeRaw: Self.totals) FROM outbound_projects WHERE \(w)").first() else { return OutboundTotals() }
        return try Self.totals(r)
    }

    /// One breakdown of a period, largest agreed yuan first.
    public func breakdown(_ dimension: OutboundStats.Dimension, from: YearMonth?, to: YearMonth) async throws -> [OutboundBreakdownRow] {
        let sql = try OutboundRows.requireSQL(db)
        let column = switch dimension { case .country: "country_code"; case .region: "region"; case .industry: "industry_code"; case .form: "form" }
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: column) AS k, \(unsafeRaw: Self.totals) FROM outbound_projects WHERE \(counted(from: from, to: to))
            GROUP BY \(unsafeRaw: column) ORDER BY yuan DESC, k
            """).all()
        return try rows.map { r in
            let key = try r.decode(column: "k", as: String.self)
            return OutboundBreakdownRow(key: key, label: Self.label(dimension, key), totals: try Self.totals(r))
        }
    }

    static func label(_ dimension: OutboundStats.Dimension, _ key: String) -> Bilingual {
        switch dimension {
        case .country: Country.named(key)?.name ?? Bilingual(zh: key, en: key)
        case .region: WorldRegion(rawValue: key)?.label ?? Bilingual(zh: key, en: key)
        case .industry: IndustryClassification.division(key).map { Bilingual(zh: "\(key) \($0.name.zh)", en: "\(key) \($0.name.en)") } ?? Bilingual(zh: key, en: key)
        case .form: InvestmentForm(rawValue: key)?.label ?? Bilingual(zh: key, en: key)
        }
    }

    /// All projects and the Belt and Road ones of a period, in one pass.
    public func headline(from: YearMonth?, to: YearMonth) async throws -> (total: OutboundTotals, beltAndRoad: OutboundTotals) {
        let sql = try OutboundRows.requireSQL(db)
        guard let r = try await sql.raw("""
            SELECT \(unsafeRaw: Self.totals),
            COUNT(DISTINCT CASE WHEN belt_and_road THEN enterprise_id END) AS br_firms, COUNT(DISTINCT CASE WHEN belt_and_road THEN country_code END) AS br_countries,
            SUM(CASE WHEN belt_and_road THEN 1 ELSE 0 END) AS br_projects,
            CAST(COALESCE(SUM(CASE WHEN belt_and_road THEN amount_yuan_fen ELSE 0 END), 0) AS BIGINT) AS br_yuan,
            CAST(COALESCE(SUM(CASE WHEN belt_and_road THEN amount_usd_cents ELSE 0 END), 0) AS BIGINT) AS br_usd
            FROM outbound_projects WHERE \(counted(from: from, to: to))
            """).first() else { return (OutboundTotals(), OutboundTotals()) }
        let br = OutboundTotals(firms: try r.decode(column: "br_firms", as: Int.self), countries: try r.decode(column: "br_countries", as: Int.self),
                                projects: try r.decode(column: "br_projects", as: Int?.self) ?? 0, yuanFen: try r.decode(column: "br_yuan", as: Int64.self),
                                usdCents: try r.decode(column: "br_usd", as: Int64.self))
        return (try Self.totals(r), br)
    }

    /// Everything the statistics page and the CLI show for a period.
    public func run(from: YearMonth?, to: YearMonth) async throws -> OutboundStats {
        let (from, to) = try OutboundStats.period(from: from, to: to)
        let sql = try OutboundRows.requireSQL(db)
        var services: [ServiceKind: Int] = [:]
        var w = SQLQueryString("date <= \(bind: to.lastDay.iso)")
        if let from { w.appendInterpolation(unsafeRaw: " AND date >= "); w.appendInterpolation(bind: from.firstDay.iso) }
        for r in try await sql.raw("SELECT kind, COUNT(*) AS n FROM outbound_services WHERE \(w) GROUP BY kind").all() {
            if let k = ServiceKind(rawValue: try r.decode(column: "kind", as: String.self)) { services[k] = try r.decode(column: "n", as: Int.self) }
        }
        let served = try await sql.raw("""
            SELECT COUNT(DISTINCT f.enterprise_id) AS n FROM outbound_service_firms f JOIN outbound_services s ON s.id = f.service_id WHERE \(w)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        let headline = try await headline(from: from, to: to)
        return OutboundStats(from: from, to: to, total: headline.total, beltAndRoad: headline.beltAndRoad,
                             byCountry: try await breakdown(.country, from: from, to: to), byRegion: try await breakdown(.region, from: from, to: to),
                             byIndustry: try await breakdown(.industry, from: from, to: to), byForm: try await breakdown(.form, from: from, to: to),
                             services: services, firmsServedByLog: served)
    }

    /// Live projects per country with their current grade, for the world view (one GROUP BY).
    public func world() async throws -> [(country: String, region: WorldRegion, projects: Int, live: Int, yuanFen: Int64)] {
        let sql = try OutboundRows.requireSQL(db)
        return try await sql.raw("""
            SELECT country_code, region, COUNT(*) AS n, SUM(CASE WHEN stage <> 'abandoned' THEN 1 ELSE 0 END) AS live,
            CAST(COALESCE(SUM(CASE WHEN stage <> 'abandoned' THEN amount_yuan_fen ELSE 0 END), 0) AS BIGINT) AS yuan
            FROM outbound_projects GROUP BY country_code, region ORDER BY region, country_code
            """).all().map { r in
            (try r.decode(column: "country_code", as: String.self), WorldRegion(rawValue: try r.decode(column: "region", as: String.self)) ?? .other,
             try r.decode(column: "n", as: Int.self), try r.decode(column: "live", as: Int.self), try r.decode(column: "yuan", as: Int64.self))
        }
    }
}
