import Foundation
import ParkDomain
import ParkServer
import ParkStore
import XCTVapor

extension ServerTestCase {
    /// The demo's USD and EUR rates (2015-01 … 2025-06) in the rate table.
    func seedOutboundRates() async throws {
        let rates = DemoOutbound.generate(seed: 1, today: LocalDate(iso: "2025-06-01")!).rates
        let r = try await ExchangeRateRepository(db: app.db).importCSV(Data(RateCSV.encode(rates).utf8), dryRun: false, by: system)
        XCTAssertEqual(r.errors, [])
    }

    /// A project of `enterprise` in Myanmar at preparing_filings (so its filings are drafted), and
    /// an officer's alert for Myanmar delivered to it.
    func seedOutbound(_ enterprise: Enterprise, title: String = "Yangon plant") async throws -> (project: OutboundProject, filing: Filing, alert: UUID) {
        let svc = OutboundService(db: app.db, clock: .fixed(TestDatabase.now))
        let row = try await svc.record(OutboundProjectInput(enterpriseID: enterprise.id!, title: title, countryCode: "MM", targetCompany: nil,
                                                            industryCode: "36", form: .greenfield, equityBasisPoints: 10_000,
                                                            amount: CurrencyAmount(currency: "USD", minor: 20_000_000_00), stage: .preparingFilings,
                                                            agreedOn: LocalDate(iso: "2025-05-01")), by: system)
        let filing = try await svc.repository.filings(projectID: row.project.id!)[0]
        let alert = try await svc.publishAlert(AlertScope(countryCode: "MM", industryCode: nil), title: Bilingual(zh: "缅甸风险", en: "Myanmar risk"),
                                               body: Bilingual(zh: "请注意。", en: "Take care."), by: system)
        return (row.project, filing, alert.alert.id!)
    }
}
