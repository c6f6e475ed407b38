import Foundation
import ParkDomain
import XCTest

/// The dates of foreign investment information reports, by hand (DOMAIN.md §8: the annual report
/// is due 1 January–30 June; a change needing no registration change within 20 working days).
final class InfoReportRuleTests: XCTestCase {
    func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func testTheAnnualWindowIsFirstJanuaryToThirtiethJuneEvenOnAWeekend() throws {
        // 2024-06-30 was a Sunday: §8 states the window in calendar dates, so it stays 30 June.
        let w = try InfoReportRule.annualWindow(for: 2023)
        XCTAssertEqual(w.opens.iso, "2024-01-01")
        XCTAssertEqual(w.due.iso, "2024-06-30")
        XCTAssertTrue(w.due.isWeekend)
        // 2025-06-30 is a Monday; same rule.
        XCTAssertEqual(try InfoReportRule.annualWindow(for: 2024).due.iso, "2025-06-30")
        XCTAssertEqual((try? InfoReportRule.annualWindow(for: 2018)).map { $0.due.iso }, nil)
    }

    func testAChangeOnTheFridayBeforeNationalDayCountsMakeUpDaysAndSkipsTheHoliday() {
        // Friday 2025-09-26. China 2025: Sunday 28 Sep is a make-up working day (1), Mon 29 (2),
        // Tue 30 (3), 1–8 Oct off, Thu 9 (4), Fri 10 (5), Saturday 11 Oct make-up (6), 13–17 (7–11),
        // 20–24 (12–16), Mon 27 – Thu 30 Oct (17–20).
        XCTAssertEqual(InfoReportRule.changeDue(changeOn: d("2025-09-26"), calendar: .china).iso, "2025-10-30")
        // On a plain Monday-to-Friday calendar the same change is due four weeks later, Friday 24 Oct.
        XCTAssertEqual(InfoReportRule.changeDue(changeOn: d("2025-09-26"), calendar: WorkingCalendar()).iso, "2025-10-24")
        // A change on a Saturday counts from the next working day: Sat 2025-06-07 → Mon 9 (1) … Fri 4 Jul (20).
        XCTAssertEqual(InfoReportRule.changeDue(changeOn: d("2025-06-07"), calendar: .china).iso, "2025-07-04")
    }

    func testStatesAndFilingChecks() throws {
        var r = InfoReport(enterpriseID: UUID(), kind: .annual, reportYear: 2024, opensOn: d("2025-01-01"), dueOn: d("2025-06-30"))
        XCTAssertEqual(r.state(on: d("2024-12-31")), .upcoming)
        XCTAssertEqual(r.state(on: d("2025-01-01")), .due)
        XCTAssertEqual(r.state(on: d("2025-06-30")), .due)
        XCTAssertEqual(r.state(on: d("2025-07-01")), .overdue)
        XCTAssertThrowsError(try InfoReportRule.validateFiling(r, on: d("2024-12-31"), today: d("2025-03-01"))) {
            XCTAssertEqual(($0 as? DomainError)?.field, "filed_on")
        }
        XCTAssertThrowsError(try InfoReportRule.validateFiling(r, on: d("2025-03-02"), today: d("2025-03-01")))
        try InfoReportRule.validateFiling(r, on: d("2025-07-02"), today: d("2025-07-03"))
        r.filedOn = d("2025-07-02")
        XCTAssertEqual(r.state(on: d("2025-08-01")), .filed)
        XCTAssertTrue(r.filedLate)
        XCTAssertThrowsError(try InfoReportRule.validateFiling(r, on: d("2025-07-03"), today: d("2025-07-03"))) {
            XCTAssertEqual(($0 as? DomainError)?.code, "already_filed")
        }
        XCTAssertThrowsError(try InfoReportRule.validateChange(on: d("2025-07-04"), note: "股东名称变更", today: d("2025-07-03"))) {
            XCTAssertEqual(($0 as? DomainError)?.field, "change_on")
        }
        XCTAssertThrowsError(try InfoReportRule.validateChange(on: d("2025-07-01"), note: "  ", today: d("2025-07-03"))) {
            XCTAssertEqual(($0 as? DomainError)?.field, "note")
        }
        XCTAssertEqual(try InfoReportRule.validateChange(on: d("2025-07-01"), note: " 股东名称变更 ", today: d("2025-07-03")), "股东名称变更")
    }
}
