import Foundation
@testable import ParkDomain
import XCTest

/// Moves by hand wait for their dates: expiry only from the end date; another assessment of an
/// extended lease only with room left under the maximum total term and its window open.
final class LeaseMovesTests: XCTestCase {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// Started 2010-01-01, 10 years first term, at most 30: first term ends 2020-01-01.
    func lease(_ state: LeaseState, extension years: Int = 0, maxTotal: Int = 30) -> Lease {
        let auction = AuctionRecord(date: Self.day("2009-10-01"), reservePriceYuan: 1, winningBidYuan: 1, depositYuan: 1,
                                    winnerEnterpriseID: UUID(), confirmedOn: Self.day("2009-10-05"))
        let contract = GrantContract(signedOn: Self.day("2009-12-01"), startDate: Self.day("2010-01-01"), firstTermYears: 10,
                                     maxTotalYears: maxTotal, priceYuan: 1)
        return Lease(parcelID: UUID(), enterpriseID: UUID(), state: state, auction: auction, contract: contract, extensionYears: years)
    }

    func testAnExtendedLeaseIsOfferedNeitherExpiryNorAssessmentBeforeItsDates() {
        // given extended by 10 years: it runs to 2030-01-01; the window opens 6 months before, 2029-07-01
        let l = lease(.extended, extension: 10)
        // when / then
        XCTAssertEqual(l.currentEndDate, Self.day("2030-01-01"))
        XCTAssertEqual(l.manualMoves(today: Self.day("2025-06-01"), windowMonths: 6), [], "mid-term: nothing to move to")
        XCTAssertEqual(l.manualMoves(today: Self.day("2029-06-30"), windowMonths: 6), [])
        XCTAssertEqual(l.manualMoves(today: Self.day("2029-07-01"), windowMonths: 6), [.assessmentDue], "the window is open")
        XCTAssertEqual(l.manualMoves(today: Self.day("2030-01-01"), windowMonths: 6), [.assessmentDue, .expired], "the end date reached")
        XCTAssertThrowsError(try l.checkManualMove(to: .expired, today: Self.day("2029-12-31"), windowMonths: 6)) {
            XCTAssertEqual(($0 as? DomainError)?.code, "not_yet_expired")
        }
        XCTAssertThrowsError(try l.checkManualMove(to: .assessmentDue, today: Self.day("2025-06-01"), windowMonths: 6)) {
            XCTAssertEqual(($0 as? DomainError)?.code, "window_not_open")
        }
    }

    func testALeaseExtendedToItsMaximumIsNeverDueAgain() {
        // given 10 + 20 = 30 years, the maximum
        let l = lease(.extended, extension: 20)
        // then: only expiry, and only from 2040-01-01
        XCTAssertEqual(l.manualMoves(today: Self.day("2039-12-31"), windowMonths: 6), [])
        XCTAssertEqual(l.manualMoves(today: Self.day("2040-01-01"), windowMonths: 6), [.expired])
        XCTAssertThrowsError(try l.checkManualMove(to: .assessmentDue, today: Self.day("2040-01-01"), windowMonths: 6)) {
            XCTAssertEqual(($0 as? DomainError)?.code, "no_further_extension")
        }
    }

    func testAnAssessedLeaseNotExtendedExpiresAtTheEndOfItsFirstTerm() {
        let l = lease(.assessed)
        XCTAssertEqual(l.manualMoves(today: Self.day("2019-12-31"), windowMonths: 6), [])
        XCTAssertEqual(l.manualMoves(today: Self.day("2020-01-01"), windowMonths: 6), [.expired])
        XCTAssertEqual(lease(.inProduction).manualMoves(today: Self.day("2015-01-01"), windowMonths: 6), [.assessmentDue],
                       "the first assessment keeps its own rule")
        XCTAssertThrowsError(try l.checkManualMove(to: .inProduction, today: Self.day("2020-01-01"), windowMonths: 6),
                             "the life cycle still rules")
    }
}
