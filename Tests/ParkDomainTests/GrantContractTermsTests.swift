import Foundation
import ParkDomain
import XCTest

final class GrantContractTermsTests: XCTestCase {
    private func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    private let industrial = LandUseClass.defaults.first { $0.code == "industrial" }!
    private let commercial = LandUseClass.defaults.first { $0.code == "commercial" }!

    private func contract(signed: String = "2025-10-20", start: String = "2025-11-01", first: Int = 10,
                          maxTotal: Int = 30, price: Int64 = 46_000_000) -> GrantContract {
        GrantContract(signedOn: date(signed), startDate: date(start), firstTermYears: first,
                      maxTotalYears: maxTotal, priceYuan: price)
    }

    private func auction(confirmedOn: String?) -> AuctionRecord {
        AuctionRecord(date: date("2025-09-25"), reservePriceYuan: 40_000_000, winningBidYuan: 46_000_000,
                      depositYuan: 8_000_000, winnerEnterpriseID: UUID(), confirmedOn: confirmedOn.map(date))
    }

    private func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? DomainError)?.code }
    }

    func testTermDates() {
        // given a 10 + N contract whose term starts 2025-11-01
        let c = contract()
        // when / then: 10 years → 2035-11-01; 10 + 20 → 2055-11-01; window 12 months before the first end
        XCTAssertEqual(c.firstTermEnd, date("2035-11-01"))
        XCTAssertEqual(c.endDate(extensionYears: 20), date("2055-11-01"))
        XCTAssertEqual(c.endDate(extensionYears: 0), c.firstTermEnd)
        XCTAssertEqual(c.assessmentWindowOpens(months: 12), date("2034-11-01"))
        XCTAssertEqual(c.assessmentWindowOpens(months: 18), date("2034-05-01"))
    }

    func testTermDatesFromALeapDay() {
        // given a term starting on 29 February 2024
        let c = contract(signed: "2024-02-20", start: "2024-02-29")
        // when / then: 2034 is not a leap year → 28 February; 2054 is (÷ 4) → 29 February
        XCTAssertEqual(c.firstTermEnd, date("2034-02-28"))
        XCTAssertEqual(c.endDate(extensionYears: 20), date("2054-02-28"))  // 2054 is not a leap year either (2054 ÷ 4 = 13.5)
        XCTAssertEqual(c.endDate(extensionYears: 22), date("2056-02-29"))
        // 2034-02-28 − 1 month = 2034-01-28
        XCTAssertEqual(c.assessmentWindowOpens(months: 1), date("2034-01-28"))
    }

    func testValidContractPasses() throws {
        // given a contract signed after the confirmation of 2025-10-09
        // when / then
        try contract().validate(landUse: industrial, auction: auction(confirmedOn: "2025-10-09"))
        try contract(signed: "2025-10-09", start: "2025-10-09").validate(landUse: industrial, auction: auction(confirmedOn: "2025-10-09"))
        try contract(first: 30, maxTotal: 50).validate(landUse: industrial, auction: nil)
    }

    func testMaxTotalAboveTheStatutoryMaximumNamesBoth() {
        // given 45 years for commercial land, whose statutory maximum is 40
        // when / then
        XCTAssertThrowsError(try contract(maxTotal: 45).validate(landUse: commercial, auction: nil)) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "contract_max_term")
            XCTAssertEqual(e.field, "max_total_years")
            XCTAssertTrue(e.message.en.contains("45 years") && e.message.en.contains("40 years"), e.message.en)
            XCTAssertTrue(e.message.zh.contains("45") && e.message.zh.contains("40") && e.message.zh.contains("商业用地"), e.message.zh)
        }
        XCTAssertEqual(code { try self.contract(maxTotal: 51).validate(landUse: self.industrial, auction: nil) }, "contract_max_term")
        XCTAssertEqual(code { try self.contract(first: 1, maxTotal: 0).validate(landUse: self.industrial, auction: nil) }, "contract_max_term")
    }

    func testOtherFaults() {
        // given / when / then
        XCTAssertEqual(code { try self.contract(price: 0).validate(landUse: self.industrial, auction: nil) }, "contract_price")
        XCTAssertEqual(code { try self.contract(first: 0).validate(landUse: self.industrial, auction: nil) }, "contract_first_term")
        XCTAssertEqual(code { try self.contract(first: 31).validate(landUse: self.industrial, auction: nil) }, "contract_first_term")
        XCTAssertEqual(code { try self.contract(signed: "2025-11-02").validate(landUse: self.industrial, auction: nil) },
                       "contract_start_before_signing")
        XCTAssertEqual(code { try self.contract(signed: "2025-10-08", start: "2025-11-01")
                .validate(landUse: self.industrial, auction: self.auction(confirmedOn: "2025-10-09")) },
                       "contract_before_confirmation")
        XCTAssertEqual(code { try self.contract().validate(landUse: self.industrial, auction: self.auction(confirmedOn: nil)) },
                       "contract_unconfirmed")
    }

    func testValidateExtension() {
        // given 10 + N with a 30-year maximum: N may be 0 … 20
        let c = contract()
        // when / then
        XCTAssertNil(code { try c.validateExtension(extensionYears: 0) })
        XCTAssertNil(code { try c.validateExtension(extensionYears: 20) })
        XCTAssertEqual(code { try c.validateExtension(extensionYears: -1) }, "extension_negative")
        XCTAssertEqual(code { try c.validateExtension(extensionYears: .max) }, "extension_exceeds_max_total")
        XCTAssertThrowsError(try c.validateExtension(extensionYears: 21)) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "extension_exceeds_max_total")
            XCTAssertEqual(e.field, "extension_years")
            XCTAssertTrue(e.message.en.contains("31 years") && e.message.en.contains("30 years"), e.message.en)
            XCTAssertTrue(e.message.en.contains("at most 20 years"), e.message.en)
        }
    }
}
