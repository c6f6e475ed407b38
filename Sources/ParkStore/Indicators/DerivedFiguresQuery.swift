import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// ParkOS's own figures for a month (issue 13 item 4), each one SQL aggregate (the scale rule:
/// no table that grows with the park is read whole): tax and above-scale output from the newest
/// version of each lease's yearly report, enterprise counts from the register, breakdowns by
/// cluster, ownership, origin, size and sub-area, and the enterprises behind a figure, paged.
public struct DerivedFiguresQuery: Sendable {
    public let db: any Database
    /// Today, for what is overdue now (the service figures).
    public let clock: ParkClock
    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var sql: any SQLDatabase { db as! any SQLDatabase }
    static let above = DerivedFigures.aboveScaleRevenueYuan
    /// Leases under which an enterprise holds land.
    static let holdingStates = ["contracted", "under_construction", "in_production", "assessment_due", "assessed", "extended"]

    /// The newest version of each lease's report for `year` and the year before (`cur`: lease_id,
    /// year, tax, rev), read once per statement from the covering index
    /// (`UpdatePerformanceReportsCurrentIndex`), and per enterprise (`per`: eid, tax_now, tax_last,
    /// rev_now, rev_last). Both are materialized: every part of the statement reads them, none
    /// recomputes them.
    static func perEnterprise(_ year: Int) -> SQLQueryString {
        """
        WITH cur AS MATERIALIZED (
          SELECT r.lease_id, r.year, r.tax_paid_yuan AS tax, r.revenue_yuan AS rev FROM performance_reports r
          WHERE r.year IN (\(literal: year), \(literal: year - 1))
            AND NOT EXISTS (SELECT 1 FROM performance_reports n WHERE n.year = r.year AND n.lease_id = r.lease_id AND n.version > r.version)
        ), per AS MATERIALIZED (
          SELECT l.enterprise_id AS eid,
            SUM(CASE WHEN c.year = \(literal: year) THEN c.tax ELSE 0 END) AS tax_now,
            SUM(CASE WHEN c.year = \(literal: year - 1) THEN c.tax ELSE 0 END) AS tax_last,
            SUM(CASE WHEN c.year = \(literal: year) THEN c.rev ELSE 0 END) AS rev_now,
            SUM(CASE WHEN c.year = \(literal: year - 1) THEN c.rev ELSE 0 END) AS rev_last
          FROM cur c JOIN leases l ON l.id = c.lease_id GROUP BY l.enterprise_id
        )
        """
    }

    /// `e` registered by the end of `day` and not deregistered by then.
    static func active(_ day: LocalDate) -> SQLQueryString {
        "((e.founded_on IS NULL OR e.founded_on <= \(bind: day.iso)) AND (e.deregistered_on IS NULL OR e.deregistered_on > \(bind: day.iso)))"
    }

    static func big(_ expr: String) -> String { "CAST(COALESCE(\(expr), 0) AS BIGINT)" }

    /// The month's figures with every breakdown, in one statement: the reports are read once
    /// (`perEnterprise`), every enterprise once (`base`), and the totals and each breakdown are
    /// GROUP BYs over those (rows `d` = total or a dimension, `k` = the group).
    public func figures(month: YearMonth, breakdowns: Bool = true) async throws -> DerivedFigures {
        let year = DerivedFigures.dataYear(for: month)
        let end = month.lastDay, lastEnd = month.lastYear?.lastDay ?? end
        let above = Self.above, zero = "CAST(0 AS BIGINT)"
        var q = Self.perEnterprise(year)
        q.appendInterpolation(unsafeRaw: """
            , base AS MATERIALIZED (
              SELECT e.ownership AS ownership, e.origin_country AS origin,
                CASE WHEN e.above_designated_size THEN 'above' ELSE 'below' END AS size, e.clusters AS clusters, CASE WHEN 
            """)
        q += Self.active(end)
        q.appendInterpolation(unsafeRaw: " THEN 1 ELSE 0 END AS act, CASE WHEN ")
        q += Self.active(lastEnd)
        q.appendInterpolation(unsafeRaw: """
             THEN 1 ELSE 0 END AS act_last,
                COALESCE(p.tax_now, 0) AS tax_now, COALESCE(p.tax_last, 0) AS tax_last, COALESCE(p.rev_now, 0) AS rev_now, COALESCE(p.rev_last, 0) AS rev_last
              FROM enterprises e LEFT JOIN per p ON p.eid = e.id
            )
            """)
        let output = Self.big("SUM(CASE WHEN rev_now >= \(above) THEN rev_now ELSE 0 END)")
        let group = "\(Self.big("SUM(act)")) AS n, \(zero) AS n_last, \(Self.big("SUM(tax_now)")) AS tax, \(zero) AS tax_last, \(output) AS output, \(zero) AS out_base, \(zero) AS out_last, \(zero) AS above_n FROM base"
        if breakdowns {
            q.appendInterpolation(unsafeRaw: """
                , lt AS (
                  SELECT c.lease_id, SUM(c.tax) AS tax, SUM(c.rev) AS rev FROM cur c WHERE c.year = \(year) GROUP BY c.lease_id
                )
                """)
        }
        q.appendInterpolation(unsafeRaw: """
             SELECT 'total' AS d, '' AS k, \(Self.big("SUM(act)")) AS n, \(Self.big("SUM(act_last)")) AS n_last,
              \(Self.big("SUM(tax_now)")) AS tax, \(Self.big("SUM(tax_last)")) AS tax_last, \(output) AS output,
              \(Self.big("SUM(CASE WHEN rev_now >= \(above) THEN rev_last ELSE 0 END)")) AS out_base,
              \(Self.big("SUM(CASE WHEN rev_last >= \(above) THEN rev_last ELSE 0 END)")) AS out_last,
              \(Self.big("SUM(CASE WHEN rev_now >= \(above) THEN 1 ELSE 0 END)")) AS above_n FROM base
            """)
        if breakdowns {
            // An enterprise in several clusters counts in each: grouped by its cluster list here,
            // the lists are split below (a handful of distinct lists, not one row per enterprise).
            for (d, key) in [("ownership", "ownership"), ("origin", "origin"), ("size", "size"), ("cluster", "clusters")] {
                q.appendInterpolation(unsafeRaw: " UNION ALL SELECT '\(d)', \(key), \(group) GROUP BY \(key)")
            }
            // An enterprise counts in each sub-area it holds land in; tax and output follow its leases there.
            let states = Self.holdingStates.map { "'\($0)'" }.joined(separator: ", ")
            q.appendInterpolation(unsafeRaw: """
                 UNION ALL SELECT 'sub_area', pa.sub_area, CAST(COUNT(DISTINCT l.enterprise_id) AS BIGINT), \(zero), \(Self.big("SUM(lt.tax)")), \(zero),
                  \(Self.big("SUM(CASE WHEN p.rev_now >= \(above) THEN lt.rev ELSE 0 END)")), \(zero), \(zero), \(zero)
                FROM leases l JOIN parcels pa ON pa.id = l.parcel_id LEFT JOIN lt ON lt.lease_id = l.id LEFT JOIN per p ON p.eid = l.enterprise_id
                WHERE l.state IN (\(states)) GROUP BY pa.sub_area
                """)
        }
        let rows = try await sql.raw(q).all()
        func i64(_ r: any SQLRow, _ col: String) throws -> Int64 { try r.decode(column: col, as: Int64.self) }
        guard let t = try rows.first(where: { try $0.decode(column: "d", as: String.self) == "total" }) else {
            throw DomainError(.unsupported, code: "no_totals", en: "the figures' totals are missing", zh: "缺少汇总数")
        }
        var out = DerivedFigures(
            month: month, dataYear: year, enterprises: Int(try i64(t, "n")), enterprisesLastYear: Int(try i64(t, "n_last")),
            taxYuan: try i64(t, "tax"), taxLastYearYuan: try i64(t, "tax_last"), outputYuan: try i64(t, "output"),
            outputComparableBaseYuan: try i64(t, "out_base"), outputLastYearYuan: try i64(t, "out_last"),
            aboveScaleFirms: Int(try i64(t, "above_n")))
        if breakdowns {
            let names = try await clusterNames()
            var groups: [BreakdownDimension: [String: (n: Int64, tax: Int64, output: Int64)]] = [:]
            for r in rows {
                guard let d = BreakdownDimension(rawValue: try r.decode(column: "d", as: String.self)),
                      let key = try r.decode(column: "k", as: String?.self) else { continue }
                let keys = d == .cluster ? Set(key.split(separator: ";").map(String.init)).filter { names[$0] != nil }.sorted() : [key]
                for k in keys {
                    let was = groups[d, default: [:]][k] ?? (0, 0, 0)
                    groups[d, default: [:]][k] = (Checked.addSaturating(was.n, try i64(r, "n")), Checked.addSaturating(was.tax, try i64(r, "tax")),
                                                  Checked.addSaturating(was.output, try i64(r, "output")))
                }
            }
            for d in BreakdownDimension.allCases {
                out.breakdowns[d] = (groups[d] ?? [:]).map { k, v in
                    BreakdownRow(key: k, label: Self.label(d, key: k, clusterNames: names), enterprises: Int(v.n), taxYuan: v.tax, outputYuan: v.output)
                }.filter { $0.enterprises > 0 || $0.taxYuan > 0 }
                 .sorted { ($0.enterprises, $0.key) > ($1.enterprises, $1.key) }
            }
        }
        out.fdi = try await fdi(month: month)
        out.service = try await service(month: month)
        out.odi = try await odi(month: month)
        return out
    }

    /// The clusters' names by code (reference data).
    func clusterNames() async throws -> [String: Bilingual] {
        Dictionary(uniqueKeysWithValues: try await ReferenceRepository(db: db).clusters().map { ($0.code, $0.name) })
    }

    /// The name of one group of a breakdown (the drill-down's heading), without computing it.
    public func label(_ dimension: BreakdownDimension, key: String) async throws -> Bilingual {
        Self.label(dimension, key: key, clusterNames: dimension == .cluster ? try await clusterNames() : [:])
    }

    static func label(_ dimension: BreakdownDimension, key: String, clusterNames: [String: Bilingual]) -> Bilingual {
        switch dimension {
        case .ownership: Ownership(rawValue: key)?.label ?? Bilingual(zh: key, en: key)
        case .origin: Country.named(key)?.name ?? Bilingual(zh: key, en: key)
        case .size: key == "above" ? Bilingual(zh: "规模以上", en: "Above designated size") : Bilingual(zh: "规模以下", en: "Below designated size")
        case .cluster: clusterNames[key] ?? Bilingual(zh: key, en: key)
        case .subArea: SubArea.label(key)
        }
    }
}
