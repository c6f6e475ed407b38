import Foundation
import ParkDomain
import XCTest

final class FilingMovesTests: XCTestCase {
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    let today = LocalDate(iso: "2025-12-01")!

    func filing(_ kind: FilingKind = .ndrcFiling) -> Filing {
        let check = FilingChecker.check(FilingInput(countryCode: "DE", industryCode: "36", activities: [], form: .greenfield,
                                                    usdCents: 10_000_000_00, date: d("2025-09-01")), rules: .standard2018)
        let req = check.requirements.first { $0.kind == kind }!
        return Filing(projectID: UUID(), enterpriseID: UUID(), requirement: req, ruleSet: check.ruleSet, ruleVersion: check.ruleVersion, draftedOn: d("2025-09-01"))
    }

    func complete(_ f: Filing) throws -> Filing {
        try FilingMoves.setDocuments(f, received: Dictionary(uniqueKeysWithValues: f.documents.map { ($0.code, true) }))
    }

    func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? DomainError).map { "\($0.field ?? "-"):\($0.code)" } }
    }

    func testTheNDRCClockCountsWorkingDaysOverNationalDay2025() throws {
        // given a complete NDRC filing submitted on Tuesday 2025-09-30. Seven working days after it:
        //   10-01 … 10-08 National Day and Mid-Autumn off; Thu 10-09 → 1; Fri 10-10 → 2;
        //   Sat 10-11 make-up workday → 3; Mon 10-13 → 4; Tue 10-14 → 5; Wed 10-15 → 6; Thu 10-16 → 7
        let f = try complete(filing())
        // when
        let submitted = try FilingMoves.submit(f, on: d("2025-09-30"), today: today, calendar: .china)
        // then
        XCTAssertEqual(submitted.state, .submitted)
        XCTAssertEqual(submitted.dueOn, d("2025-10-16"))
    }

    func testAFilingIsNotSubmittedWithDocumentsMissing() throws {
        var f = filing()
        f = try FilingMoves.setDocuments(f, received: ["business_licence": true])
        XCTAssertEqual(code { _ = try FilingMoves.submit(f, on: self.d("2025-10-09"), today: self.today, calendar: .china) }, "documents:documents_missing")
        XCTAssertEqual(code { _ = try FilingMoves.setDocuments(f, received: ["passport": true]) }, "documents:unknown_document")
    }

    func testAFilingIsNotGrantedBeforeItWasSubmitted() throws {
        // given a drafted filing, and a submitted one
        let drafted = try complete(filing())
        let submitted = try FilingMoves.submit(drafted, on: d("2025-10-09"), today: today, calendar: .china)
        // then granting the drafted one, or granting before the submission day, is refused
        XCTAssertEqual(code { _ = try FilingMoves.grant(drafted, on: self.d("2025-10-10"), certificate: nil, today: self.today, lapseYears: 2) }, "state:not_submitted")
        XCTAssertEqual(code { _ = try FilingMoves.grant(submitted, on: self.d("2025-10-08"), certificate: nil, today: self.today, lapseYears: 2) }, "decided_on:decided_before_submitted")
        XCTAssertEqual(code { _ = try FilingMoves.grant(submitted, on: self.d("2025-12-02"), certificate: nil, today: self.today, lapseYears: 2) }, "decided_on:future_date")
        XCTAssertEqual(try FilingMoves.grant(submitted, on: d("2025-10-09"), certificate: nil, today: today, lapseYears: 2).state, .granted)
    }

    func testACommerceCertificateLapsesTwoYearsAfterItWasGrantedWithoutInvestment() throws {
        // given a commerce certificate granted on 2023-05-10
        var f = try complete(filing(.mofcomFiling))
        f.draftedOn = d("2023-05-01")
        f = try FilingMoves.submit(f, on: d("2023-05-05"), today: today, calendar: .china)
        f = try FilingMoves.grant(f, on: d("2023-05-10"), certificate: "境外投资证第N3200202300123号", today: today, lapseYears: 2)
        // then it lapses on 2025-05-10: valid that day, lapsed the day after, unless funds went out by then
        XCTAssertEqual(f.lapsesOn, d("2025-05-10"))
        XCTAssertFalse(FilingMoves.hasLapsed(f, remittedOn: nil, today: d("2025-05-10")))
        XCTAssertTrue(FilingMoves.hasLapsed(f, remittedOn: nil, today: d("2025-05-11")))
        XCTAssertFalse(FilingMoves.hasLapsed(f, remittedOn: d("2025-05-10"), today: d("2025-06-01")))
        XCTAssertNoThrow(try FilingMoves.requireValidCertificate(f, on: d("2025-05-10")))
        XCTAssertEqual(code { try FilingMoves.requireValidCertificate(f, on: self.d("2025-05-11")) }, "remitted_on:certificate_lapsed")
        XCTAssertEqual(code { try FilingMoves.requireValidCertificate(nil, on: self.d("2025-05-11")) }, "stage:no_certificate")
    }

    func testARefusalNeedsItsReasonAndMayBeDraftedAgain() throws {
        let submitted = try FilingMoves.submit(try complete(filing()), on: d("2025-10-09"), today: today, calendar: .china)
        XCTAssertEqual(code { _ = try FilingMoves.refuse(submitted, on: self.d("2025-10-20"), reason: "no", today: self.today) }, "reason:reason_required")
        let refused = try FilingMoves.refuse(submitted, on: d("2025-10-20"), reason: "资金来源证明不足 / proof of funds insufficient", today: today)
        let again = try FilingMoves.redraft(refused, on: d("2025-11-01"))
        XCTAssertEqual(again.state, .drafted)
        XCTAssertNil(again.dueOn)
    }
}
