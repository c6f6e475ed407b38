import FluentKit
import Foundation
import ParkDomain
import ParkStore
import XCTest

extension StoreTestCase {
    func outbound(_ clock: ParkClock? = nil) -> OutboundService {
        OutboundService(db: db, clock: clock ?? self.clock)
    }

    /// The demo's USD and EUR rates (yearly averages, 2015-01 … 2025-06) in the rate table.
    func seedDemoRates() async throws {
        let rates = DemoOutbound.generate(seed: 1, today: LocalDate(iso: "2025-06-01")!).rates
        let r = try await ExchangeRateRepository(db: db, clock: clock).importCSV(Data(RateCSV.encode(rates).utf8), dryRun: false, by: admin)
        XCTAssertEqual(r.errors, [])
    }

    func firmUser(_ e: Enterprise) -> Principal {
        Principal(userID: UUID(), name: "firm-\(e.creditCode.value.suffix(4))", role: .enterprise, enterpriseID: e.id)
    }

    func acquisition(_ e: Enterprise, country: String = "DE", euros: String = "86000000", percent: Int = 80, agreed: String? = "2025-04-15",
                     stage: OutboundStage = .preparingFilings, industry: String = "27") -> OutboundProjectInput {
        OutboundProjectInput(enterpriseID: e.id!, title: "Acquisition of Rheinland Diagnostik GmbH", countryCode: country,
                             targetCompany: "Rheinland Diagnostik GmbH", industryCode: industry, form: .acquisition, equityBasisPoints: percent * 100,
                             amount: try! ConvertedAmount.parse(euros, currency: "EUR"), financing: [.ownFunds, .domesticLoan], stage: stage,
                             agreedOn: agreed.flatMap(LocalDate.init(iso:)))
    }
}
