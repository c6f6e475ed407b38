import Foundation
import ParkDomain

/// The park's FDI figures for other modules (indicators, outbound, policies): for the months
/// `from`…`to` (both included, at most 600), one `FDIMonthFigures` per month in order, months
/// without inflows or entries included as zeros. Utilised FDI by arrival month, contracted by
/// recording month, both in US$ and yuan at the rates stored with each entry, with the
/// comparable (non-financial) subset; `breakdown` gives the same totals per origin country or
/// per cluster. Month values, not year to date. Read through `InvestmentFigures(db:)`;
/// computed by SQL aggregates, so it costs the same for a park of any size.
public protocol FDIFigures: Sendable {
    func monthly(from: YearMonth, to: YearMonth) async throws -> [FDIMonthFigures]
    func breakdown(from: YearMonth, to: YearMonth, by dimension: FDIBreakdownDimension) async throws -> [FDIBreakdownRow]
}

/// What `FDIFigures.breakdown` groups by.
public enum FDIBreakdownDimension: String, Sendable, CaseIterable {
    case originCountry = "origin_country"
    case cluster
}

/// The totals of one value of a breakdown (a country code, a cluster code, or "" for none).
public struct FDIBreakdownRow: Sendable, Hashable {
    public var key: String
    public var utilisedUSDCents: Int64
    public var utilisedCNYFen: Int64
    public var contractedUSDCents: Int64
    public var contractedCNYFen: Int64
    public init(key: String, utilisedUSDCents: Int64, utilisedCNYFen: Int64, contractedUSDCents: Int64, contractedCNYFen: Int64) {
        self.key = key; self.utilisedUSDCents = utilisedUSDCents; self.utilisedCNYFen = utilisedCNYFen
        self.contractedUSDCents = contractedUSDCents; self.contractedCNYFen = contractedCNYFen
    }
}
