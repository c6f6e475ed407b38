import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The drill-down, and the figures ParkOS takes from other modules through their read
/// interfaces (FDI from the investment module, requests from the service module).
extension DerivedFiguresQuery {
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

    /// Outbound investment agreed from January to `month` and over the same months last year,
    /// through the outbound module's statistics (`OutboundStatsQuery`: one aggregate per period,
    /// one GROUP BY for the regions), never its rows.
    public func odi(month: YearMonth) async throws -> DerivedODI {
        let q = OutboundStatsQuery(db: db)
        let now = try await q.headline(from: month.january, to: month)
        var out = DerivedODI(total: now.total, beltAndRoad: now.beltAndRoad,
                             byRegion: try await q.breakdown(.region, from: month.january, to: month))
        if let last = month.lastYear {
            let before = try await q.headline(from: last.january, to: last)
            out.lastYear = before.total; out.beltAndRoadLastYear = before.beltAndRoad
        }
        return out
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
