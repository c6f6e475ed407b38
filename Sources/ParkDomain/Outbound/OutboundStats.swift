import Foundation

/// Counts and sums of agreed outbound investment over a period.
public struct OutboundTotals: Sendable, Hashable, Codable {
    public var firms: Int
    public var countries: Int
    public var projects: Int
    public var yuanFen: Int64
    public var usdCents: Int64
    public init(firms: Int = 0, countries: Int = 0, projects: Int = 0, yuanFen: Int64 = 0, usdCents: Int64 = 0) {
        self.firms = firms; self.countries = countries; self.projects = projects; self.yuanFen = yuanFen; self.usdCents = usdCents
    }
}

/// One line of a breakdown (by country, region, industry or form).
public struct OutboundBreakdownRow: Sendable, Hashable, Codable {
    public var key: String
    public var label: Bilingual
    public var totals: OutboundTotals
    public init(key: String, label: Bilingual, totals: OutboundTotals) { self.key = key; self.label = label; self.totals = totals }
}

/// The platform's statistics for a period. A project counts in the month of its agreement
/// (`agreedOn`); abandoned projects and projects still without an agreement do not count.
/// `from` nil means since the first project (cumulative).
public struct OutboundStats: Sendable, Hashable, Codable {
    public enum Dimension: String, Sendable, Codable, CaseIterable { case country, region, industry, form }
    public var from: YearMonth?
    public var to: YearMonth
    public var total: OutboundTotals
    public var beltAndRoad: OutboundTotals
    public var byCountry: [OutboundBreakdownRow]
    public var byRegion: [OutboundBreakdownRow]
    public var byIndustry: [OutboundBreakdownRow]
    public var byForm: [OutboundBreakdownRow]
    /// Service-log entries of the period by kind, and the distinct firms they served.
    public var services: [ServiceKind: Int]
    public var firmsServedByLog: Int

    public init(from: YearMonth?, to: YearMonth, total: OutboundTotals, beltAndRoad: OutboundTotals, byCountry: [OutboundBreakdownRow],
                byRegion: [OutboundBreakdownRow], byIndustry: [OutboundBreakdownRow], byForm: [OutboundBreakdownRow],
                services: [ServiceKind: Int], firmsServedByLog: Int) {
        self.from = from; self.to = to; self.total = total; self.beltAndRoad = beltAndRoad; self.byCountry = byCountry
        self.byRegion = byRegion; self.byIndustry = byIndustry; self.byForm = byForm; self.services = services
        self.firmsServedByLog = firmsServedByLog
    }

    /// A period's bounds checked: `to` not before `from`.
    public static func period(from: YearMonth?, to: YearMonth) throws(DomainError) -> (YearMonth?, YearMonth) {
        if let from, from > to {
            throw DomainError(code: "period_order", field: "from", en: "from \(from) is after to \(to)", zh: "起始月份 \(from) 晚于截止月份 \(to)")
        }
        return (from, to)
    }
}
