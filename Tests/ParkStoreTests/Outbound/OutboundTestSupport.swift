import FluentKit
import Foundation
import ParkDomain
import ParkStore
import XCTest

/// A rate table for tests: the demo's yearly rates, or chosen ones.
struct TableRates: MonthlyRateLookup {
    var table: [String: MonthlyRate]
    init(_ rates: [MonthlyRate]) { table = Dictionary(rates.map { ("\($0.currency)|\($0.month.iso)", $0) }, uniquingKeysWith: { a, _ in a }) }
    func rate(currency: String, month: YearMonth, on db: any Database) async throws -> MonthlyRate? { table["\(currency)|\(month.iso)"] }

    /// The demo's rates, 2015-01 … 2025-06.
    static let demo = TableRates(DemoOutbound.generate(seed: 1, today: LocalDate(iso: "2025-06-01")!).rates)
}

extension StoreTestCase {
    func outbound(_ clock: ParkClock? = nil, rates: any MonthlyRateLookup = TableRates.demo) -> OutboundService {
        OutboundService(db: db, clock: clock ?? self.clock, rates: rates)
    }

    func firmUser(_ e: Enterprise) -> Principal {
        Principal(userID: UUID(), name: "firm-\(e.creditCode.value.suffix(4))", role: .enterprise, enterpriseID: e.id)
    }

    func acquisition(_ e: Enterprise, country: String = "DE", euros: String = "86000000", percent: Int = 80, agreed: String? = "2025-04-15",
                     stage: OutboundStage = .preparingFilings, industry: String = "27") -> OutboundProjectInput {
        OutboundProjectInput(enterpriseID: e.id!, title: "Acquisition of Rheinland Diagnostik GmbH", countryCode: country,
                             targetCompany: "Rheinland Diagnostik GmbH", industryCode: industry, form: .acquisition, equityBasisPoints: percent * 100,
                             currency: "EUR", units: Decimal(string: euros)!, financing: [.ownFunds, .domesticLoan], stage: stage,
                             agreedOn: agreed.flatMap(LocalDate.init(iso:)))
    }
}
