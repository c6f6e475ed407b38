import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// A store test case with the investment bureau's people and May 2025 rates.
class InvestmentTestCase: StoreTestCase {
    var officer2: Principal!
    var investOfficer: Principal!
    var head: Principal!
    var outsider: Principal!
    var service: InvestmentService { InvestmentService(db: db, clock: clock) }
    var figures: InvestmentFigures { InvestmentFigures(db: db) }

    static let rates = """
    currency,month,usd_per_unit,cny_per_unit
    USD,2025-05,1,7.2
    CNY,2025-05,0.13888889,1
    EUR,2025-05,1.1284,8.1321
    JPY,2025-05,0.00693,0.049945
    USD,2024-05,1,7.1
    """

    override func setUp() async throws {
        try await super.setUp()
        func user(_ name: String, _ dept: String, _ pos: Position = .staff) async throws -> Principal {
            Principal(try await accounts.create(.init(username: name, displayName: name, password: "parkos-demo", role: .officer,
                                                      departmentCode: dept, position: pos), by: admin))
        }
        investOfficer = try await user("invest", "invest")
        officer2 = try await user("invest2", "invest")
        head = try await user("invest-head", "invest", .head)
        outsider = try await user("econ", "econ")
        let r = try await ExchangeRateRepository(db: db, clock: clock).importCSV(Data(Self.rates.utf8), dryRun: false, by: investOfficer)
        XCTAssertEqual(r.errors, [])
    }

    func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func investor(_ zh: String = "博世集团", en: String = "Bosch Group", country: String = "DE", rank: Int? = 94) async throws -> Investor {
        try await service.createInvestor(Investor(nameZh: zh, nameEn: en, originCountry: country, sector: "C",
                                                  fortune500: rank.map { Fortune500Entry(listYear: 2024, rank: $0) }), by: investOfficer)
    }

    func project(_ investor: Investor, zh: String = "博世新能源汽车部件项目", en: String = "Bosch EV parts", industry: String = "36",
                 confidential: Bool = false, contact: String = "2025-04-01", by p: Principal? = nil) async throws -> InvestmentProject {
        try await service.createProject(InvestmentProject(investorID: investor.id!, nameZh: zh, nameEn: en, type: .newEstablishment,
                                                          cluster: "equipment", industryCode: industry,
                                                          totalInvestment: CurrencyAmount(currency: "EUR", minor: 10_000_000_000),
                                                          officerID: (p ?? investOfficer).userID, source: .visit, firstContactOn: d(contact),
                                                          confidential: confidential, codeName: confidential ? "Project Falcon" : nil),
                                        by: p ?? investOfficer)
    }

    /// Proposes and approves each stage up to `stage`, on the given dates.
    @discardableResult
    func advance(_ id: UUID, through stages: [(ProjectStage, String)], by p: Principal? = nil) async throws -> InvestmentProject {
        for (s, date) in stages {
            let m = try await service.proposeMove(id, to: s, effectiveOn: d(date), by: p ?? investOfficer)
            _ = try await service.review(m.id, approve: true, comment: "", by: head)
        }
        return try await InvestmentRepository(db: db).project(id)!
    }

    static let toSigned: [(ProjectStage, String)] = [(.pitched, "2025-04-10"), (.negotiating, "2025-04-20"), (.signed, "2025-05-15")]
}
