import Foundation

/// Outbound direct investment (ODI) agreed from January to the month, and over the same months
/// last year, from the outbound module's statistics (DOMAIN.md §11): a project counts in the month
/// of its agreement; abandoned projects and those without an agreement do not count. Amounts in
/// US$ cents and yuan fen as the outbound module converts them.
public struct DerivedODI: Sendable, Hashable, Codable {
    public var total: OutboundTotals
    public var lastYear: OutboundTotals
    public var beltAndRoad: OutboundTotals
    public var beltAndRoadLastYear: OutboundTotals
    /// The year to date by world region, largest agreed yuan first.
    public var byRegion: [OutboundBreakdownRow]

    public init(total: OutboundTotals = OutboundTotals(), lastYear: OutboundTotals = OutboundTotals(),
                beltAndRoad: OutboundTotals = OutboundTotals(), beltAndRoadLastYear: OutboundTotals = OutboundTotals(),
                byRegion: [OutboundBreakdownRow] = []) {
        self.total = total; self.lastYear = lastYear; self.beltAndRoad = beltAndRoad
        self.beltAndRoadLastYear = beltAndRoadLastYear; self.byRegion = byRegion
    }

    /// Growth of the agreed US$ amount on the same months last year (nil without last year's).
    public var usdGrowthPct: Decimal? { DerivedFigures.growth(total.usdCents, lastYear.usdCents) }
    public var beltAndRoadUSDGrowthPct: Decimal? { DerivedFigures.growth(beltAndRoad.usdCents, beltAndRoadLastYear.usdCents) }
    /// Belt and Road countries' share of the agreed US$ amount, in percent (nil when nothing was agreed).
    public var beltAndRoadSharePct: Decimal? {
        total.usdCents == 0 ? nil : Decimal(beltAndRoad.usdCents) * 100 / Decimal(total.usdCents)
    }
}
