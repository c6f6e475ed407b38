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

    /// Per enterprise: tax and revenue of `year` and the year before, from the newest version of
    /// each lease's report (`per`: eid, tax_now, tax_last, rev_now, rev_last).
    static func perEnterprise(_ year: Int) -> SQLQueryString {
        """
        WITH cur AS (
          SELECT r.lease_id, r.year, r.tax_paid_yuan AS tax, r.revenue_yuan AS rev FROM performance_reports r
          WHERE r.year IN (\(literal: year), \(literal: year - 1))
            AND r.version = (SELECT MAX(v.version) FROM performance_reports v WHERE v.lease_id = r.lease_id AND v.year = r.year)
        ), per AS (
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

    /// The month's figures with every breakdown.
    public func figures(month: YearMonth, breakdowns: Bool = true) async throws -> DerivedFigures {
        let year = DerivedFigures.dataYear(for: month)
        let end = month.lastDay, lastEnd = month.lastYear?.lastDay ?? end
        var q = Self.perEnterprise(year)
        q.appendInterpolation(unsafeRaw: """
             SELECT \(Self.big("SUM(tax_now)")) AS tax_now, \(Self.big("SUM(tax_last)")) AS tax_last,
              \(Self.big("SUM(CASE WHEN rev_now >= \(Self.above) THEN rev_now ELSE 0 END)")) AS out_now,
              \(Self.big("SUM(CASE WHEN rev_now >= \(Self.above) THEN rev_last ELSE 0 END)")) AS out_base,
              \(Self.big("SUM(CASE WHEN rev_last >= \(Self.above) THEN rev_last ELSE 0 END)")) AS out_last,
              \(Self.big("SUM(CASE WHEN rev_now >= \(Self.above) THEN 1 ELSE 0 END)")) AS above_now
             FROM per
            """)
        let t = try await sql.raw(q).first()
        var counts = SQLQueryString("SELECT CAST(COALESCE(SUM(CASE WHEN ")
        counts += (Self.active(end))
        counts.appendInterpolation(unsafeRaw: " THEN 1 ELSE 0 END), 0) AS BIGINT) AS now, CAST(COALESCE(SUM(CASE WHEN ")
        counts += (Self.active(lastEnd))
        counts.appendInterpolation(unsafeRaw: " THEN 1 ELSE 0 END), 0) AS BIGINT) AS last FROM enterprises e")
        let c = try await sql.raw(counts).first()
        func i64(_ row: (any SQLRow)?, _ col: String) throws -> Int64 { try row?.decode(column: col, as: Int64.self) ?? 0 }
        var out = DerivedFigures(
            month: month, dataYear: year, enterprises: Int(try i64(c, "now")), enterprisesLastYear: Int(try i64(c, "last")),
            taxYuan: try i64(t, "tax_now"), taxLastYearYuan: try i64(t, "tax_last"), outputYuan: try i64(t, "out_now"),
            outputComparableBaseYuan: try i64(t, "out_base"), outputLastYearYuan: try i64(t, "out_last"),
            aboveScaleFirms: Int(try i64(t, "above_now")))
        if breakdowns {
            for d in BreakdownDimension.allCases { out.breakdowns[d] = try await breakdown(d, month: month) }
        }
        out.fdi = try await fdi(month: month)
        out.service = try await service(month: month)
        return out
    }

    /// The month's service requests and the same month last year, through the service module's
    /// statistics (`ServiceStatsQuery`, a GROUP BY over the month's index each), never its rows.
    public func service(month: YearMonth) async throws -> DerivedService {
        guard let last = month.lastYear else { return DerivedService() }
        let q = ServiceStatsQuery(db: db, clock: clock), today = LocalDate(clock.now())
        let now = ServiceStatsRow.total(try await q.grouped(by: "lead_department", month: month, department: nil, today: today))
        let before = ServiceStatsRow.total(try await q.grouped(by: "lead_department", month: last, department: nil, today: today))
        return DerivedService(received: now.received, receivedLastYear: before.received, resolved: now.resolved,
                              resolvedInTime: now.resolvedInTime, rated: now.rated, ratingSum: now.ratingSum, overdueOpen: now.overdueOpen)
    }

    /// One breakdown of the month's figures, largest group first.
    public func breakdown(_ dimension: BreakdownDimension, month: YearMonth) async throws -> [BreakdownRow] {
        let year = DerivedFigures.dataYear(for: month)
        var q = Self.perEnterprise(year)
        let output = Self.big("SUM(CASE WHEN p.rev_now >= \(Self.above) THEN p.rev_now ELSE 0 END)")
        let count: SQLQueryString = "CAST(COALESCE(SUM(CASE WHEN \(Self.active(month.lastDay)) THEN 1 ELSE 0 END), 0) AS BIGINT)"
        switch dimension {
        case .ownership, .origin, .size:
            let key = dimension == .ownership ? "e.ownership" : dimension == .origin ? "e.origin_country"
                : "CASE WHEN e.above_designated_size THEN 'above' ELSE 'below' END"
            q.appendInterpolation(unsafeRaw: " SELECT \(key) AS k, ")
            q += (count)
            q.appendInterpolation(unsafeRaw: " AS n, \(Self.big("SUM(p.tax_now)")) AS tax, \(output) AS output FROM enterprises e LEFT JOIN per p ON p.eid = e.id GROUP BY \(key)")
        case .cluster:
            q.appendInterpolation(unsafeRaw: " SELECT c.code AS k, ")
            q += (count)
            q.appendInterpolation(unsafeRaw: """
                 AS n, \(Self.big("SUM(p.tax_now)")) AS tax, \(output) AS output
                FROM clusters c JOIN enterprises e ON e.clusters LIKE '%;' || c.code || ';%' LEFT JOIN per p ON p.eid = e.id GROUP BY c.code
                """)
        case .subArea:
            // An enterprise counts in each sub-area it holds land in; tax and output follow its leases there.
            let states = Self.holdingStates.map { "'\($0)'" }.joined(separator: ", ")
            q.appendInterpolation(unsafeRaw: """
                , lt AS (
                  SELECT c.lease_id, SUM(CASE WHEN c.year = \(year) THEN c.tax ELSE 0 END) AS tax,
                         SUM(CASE WHEN c.year = \(year) THEN c.rev ELSE 0 END) AS rev FROM cur c GROUP BY c.lease_id
                )
                SELECT pa.sub_area AS k, CAST(COUNT(DISTINCT l.enterprise_id) AS BIGINT) AS n, \(Self.big("SUM(lt.tax)")) AS tax,
                  \(Self.big("SUM(CASE WHEN p.rev_now >= \(Self.above) THEN lt.rev ELSE 0 END)")) AS output
                FROM leases l JOIN parcels pa ON pa.id = l.parcel_id LEFT JOIN lt ON lt.lease_id = l.id LEFT JOIN per p ON p.eid = l.enterprise_id
                WHERE l.state IN (\(states)) GROUP BY pa.sub_area
                """)
        }
        let clusterNames = dimension == .cluster
            ? Dictionary(uniqueKeysWithValues: try await ReferenceRepository(db: db).clusters().map { ($0.code, $0.name) }) : [:]
        return try await sql.raw(q).all().map { r -> BreakdownRow in
            let key = try r.decode(column: "k", as: String.self)
            let label: Bilingual = switch dimension {
            case .ownership: Ownership(rawValue: key)?.label ?? Bilingual(zh: key, en: key)
            case .origin: Country.named(key)?.name ?? Bilingual(zh: key, en: key)
            case .size: key == "above" ? Bilingual(zh: "规模以上", en: "Above designated size") : Bilingual(zh: "规模以下", en: "Below designated size")
            case .cluster: clusterNames[key] ?? Bilingual(zh: key, en: key)
            case .subArea: SubArea.label(key)
            }
            return BreakdownRow(key: key, label: label, enterprises: Int(try r.decode(column: "n", as: Int64.self)),
                                taxYuan: try r.decode(column: "tax", as: Int64.self), outputYuan: try r.decode(column: "output", as: Int64.self))
        }.filter { $0.enterprises > 0 || $0.taxYuan > 0 }
         .sorted { ($0.enterprises, $0.key) > ($1.enterprises, $1.key) }
    }

    /// The enterprises behind a derived figure (`metric`, optionally one group of a breakdown),
    /// largest first, one page; sorted and paged in SQL.
    public func enterprises(month: YearMonth, metric: DerivedMetric, dimension: BreakdownDimension?, key: String?,
                            page: ParkDomain.PageRequest) async throws -> (rows: [DerivedEnterpriseRow], total: Int) {
        let year = DerivedFigures.dataYear(for: month)
        func body() -> SQLQueryString {
            var w = SQLQueryString(" FROM enterprises e LEFT JOIN per p ON p.eid = e.id WHERE ")
            switch metric {
            case .enterprises: w += (Self.active(month.lastDay))
            case .tax: w.appendInterpolation(unsafeRaw: "p.tax_now > 0")
            case .output: w.appendInterpolation(unsafeRaw: "p.rev_now >= \(Self.above)")
            }
            if let dimension, let key {
                switch dimension {
                case .ownership: w.appendInterpolation(unsafeRaw: " AND e.ownership = "); w.appendInterpolation(bind: key)
                case .origin: w.appendInterpolation(unsafeRaw: " AND e.origin_country = "); w.appendInterpolation(bind: key)
                case .size: w.appendInterpolation(unsafeRaw: key == "above" ? " AND e.above_designated_size" : " AND NOT e.above_designated_size")
                case .cluster: w.appendInterpolation(unsafeRaw: " AND e.clusters LIKE "); w.appendInterpolation(bind: "%;\(key);%")
                case .subArea:
                    let states = Self.holdingStates.map { "'\($0)'" }.joined(separator: ", ")
                    w.appendInterpolation(unsafeRaw: " AND EXISTS (SELECT 1 FROM leases l JOIN parcels pa ON pa.id = l.parcel_id WHERE l.enterprise_id = e.id AND l.state IN (\(states)) AND pa.sub_area = ")
                    w.appendInterpolation(bind: key)
                    w.appendInterpolation(unsafeRaw: ")")
                }
            }
            return w
        }
        var countQ = Self.perEnterprise(year)
        countQ.appendInterpolation(unsafeRaw: " SELECT CAST(COUNT(*) AS BIGINT) AS n")
        countQ += (body())
        let total = Int(try await sql.raw(countQ).first()?.decode(column: "n", as: Int64.self) ?? 0)
        var q = Self.perEnterprise(year)
        q.appendInterpolation(unsafeRaw: """
             SELECT e.id, e.credit_code, e.name_zh, e.name_en, \(Self.big("p.tax_now")) AS tax, \(Self.big("p.rev_now")) AS rev,
              \(Self.big("p.rev_last")) AS rev_last
            """)
        q += (body())
        let order = switch metric {
        case .tax: "tax DESC"
        case .output, .enterprises: "rev DESC"
        }
        q.appendInterpolation(unsafeRaw: " ORDER BY \(order), e.credit_code LIMIT \(page.perPage) OFFSET \(page.offset)")
        let rows = try await sql.raw(q).all().map { r in
            let rev = try r.decode(column: "rev", as: Int64.self)
            return DerivedEnterpriseRow(enterpriseID: try r.decode(column: "id", as: UUID.self), creditCode: try r.decode(column: "credit_code", as: String.self),
                                        name: Bilingual(zh: try r.decode(column: "name_zh", as: String.self), en: try r.decode(column: "name_en", as: String.self)),
                                        taxYuan: try r.decode(column: "tax", as: Int64.self), revenueYuan: rev,
                                        revenueLastYearYuan: try r.decode(column: "rev_last", as: Int64.self), aboveScale: rev >= Self.above)
        }
        return (rows, total)
    }

    /// FDI from January to `month` this year and last, through the investment module's read
    /// interface (`FDIFigures`), never its tables.
    public func fdi(month: YearMonth, source: (any FDIFigures)? = nil) async throws -> DerivedFDI {
        guard let last = month.lastYear else { return DerivedFDI() }
        let figures = try await (source ?? InvestmentFigures(db: db)).monthly(from: last.january, to: month)
        var f = DerivedFDI()
        for m in figures {
            let now = m.month.year == month.year, before = m.month.year == last.year && m.month <= last
            guard now || before else { continue }
            if now {
                f.utilisedUSDCents = Checked.addSaturating(f.utilisedUSDCents, m.utilisedUSDCents)
                f.utilisedComparableUSDCents = Checked.addSaturating(f.utilisedComparableUSDCents, m.utilisedComparableUSDCents)
                f.utilisedCNYFen = Checked.addSaturating(f.utilisedCNYFen, m.utilisedCNYFen)
                f.contractedUSDCents = Checked.addSaturating(f.contractedUSDCents, m.contractedUSDCents)
                f.contractedComparableUSDCents = Checked.addSaturating(f.contractedComparableUSDCents, m.contractedComparableUSDCents)
                f.contractedCNYFen = Checked.addSaturating(f.contractedCNYFen, m.contractedCNYFen)
                f.newProjects += m.newProjects
            } else {
                f.utilisedLastYearUSDCents = Checked.addSaturating(f.utilisedLastYearUSDCents, m.utilisedUSDCents)
                f.utilisedComparableLastYearUSDCents = Checked.addSaturating(f.utilisedComparableLastYearUSDCents, m.utilisedComparableUSDCents)
                f.contractedLastYearUSDCents = Checked.addSaturating(f.contractedLastYearUSDCents, m.contractedUSDCents)
                f.contractedComparableLastYearUSDCents = Checked.addSaturating(f.contractedComparableLastYearUSDCents, m.contractedComparableUSDCents)
            }
        }
        return f
    }

    /// Enterprises on the register at the end of each of `months` (the register's own series).
    public func enterpriseCounts(_ months: [YearMonth]) async throws -> [YearMonth: Int] {
        guard !months.isEmpty else { return [:] }
        var q = SQLQueryString("SELECT ")
        for (i, m) in months.enumerated() {
            if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
            q.appendInterpolation(unsafeRaw: "CAST(COALESCE(SUM(CASE WHEN ")
            q += (Self.active(m.lastDay))
            q.appendInterpolation(unsafeRaw: " THEN 1 ELSE 0 END), 0) AS BIGINT) AS m\(i)")
        }
        q.appendInterpolation(unsafeRaw: " FROM enterprises e")
        guard let r = try await sql.raw(q).first() else { return [:] }
        var out: [YearMonth: Int] = [:]
        for (i, m) in months.enumerated() { out[m] = Int(try r.decode(column: "m\(i)", as: Int64.self)) }
        return out
    }
}
