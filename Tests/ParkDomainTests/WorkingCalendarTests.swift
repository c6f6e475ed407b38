import Foundation
import ParkDomain
import XCTest

final class WorkingCalendarTests: XCTestCase {
    private func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    private let china = WorkingCalendar.china

    private func auction(_ iso: String, confirmedOn: String? = nil) -> AuctionRecord {
        AuctionRecord(date: date(iso), reservePriceYuan: 40_000_000, winningBidYuan: 46_000_000,
                      depositYuan: 8_000_000, winnerEnterpriseID: UUID(), confirmedOn: confirmedOn.map(date))
    }

    func testDeadlineOverNationalDay2025() {
        // given an auction on Thursday 2025-09-25. Counting 5 working days after it:
        //   Fri 09-26 → 1; Sat 09-27 weekend; Sun 09-28 make-up workday (调休) → 2;
        //   Mon 09-29 → 3; Tue 09-30 → 4; Wed 10-01 … Wed 10-08 National Day and Mid-Autumn off;
        //   Thu 10-09 → 5
        // when
        let deadline = ConfirmationRule.deadline(auctionDate: date("2025-09-25"), calendar: china)
        // then
        XCTAssertEqual(deadline, date("2025-10-09"))
        XCTAssertEqual(date("2025-09-25").weekday, 4)
    }

    func testDeadlineCountsTheSaturdayMakeUpDay() {
        // given an auction on Tuesday 2025-09-30: 10-01 … 10-08 off; Thu 10-09 → 1; Fri 10-10 → 2;
        //   Sat 10-11 make-up workday → 3; Sun 10-12 weekend; Mon 10-13 → 4; Tue 10-14 → 5
        // when
        let deadline = ConfirmationRule.deadline(auctionDate: date("2025-09-30"), calendar: china)
        // then
        XCTAssertEqual(deadline, date("2025-10-14"))
    }

    func testDeadlineOverSpringFestival() {
        // given Friday 2025-01-24: Sat 01-25 off; Sun 01-26 make-up → 1; Mon 01-27 → 2;
        //   Tue 01-28 … Tue 02-04 Spring Festival off; Wed 02-05 → 3; Thu 02-06 → 4; Fri 02-07 → 5
        XCTAssertEqual(ConfirmationRule.deadline(auctionDate: date("2025-01-24"), calendar: china), date("2025-02-07"))
        // given Friday 2026-02-13: Sat 02-14 make-up → 1; Sun 02-15 … Mon 02-23 off; Tue 02-24 → 2;
        //   Wed → 3; Thu → 4; Fri 02-27 → 5
        XCTAssertEqual(ConfirmationRule.deadline(auctionDate: date("2026-02-13"), calendar: china), date("2026-02-27"))
    }

    func testPlainWeekCalendar() {
        // given no holidays: Thu 2025-09-25 + 5 = Fri 26, Mon 29, Tue 30, Wed 10-01, Thu 10-02
        let plain = WorkingCalendar()
        // when / then
        XCTAssertEqual(plain.adding(workingDays: 5, to: date("2025-09-25")), date("2025-10-02"))
        XCTAssertEqual(plain.adding(workingDays: 1, to: date("2025-09-27")), date("2025-09-29"))  // from a Saturday
        XCTAssertEqual(plain.adding(workingDays: 0, to: date("2025-09-27")), date("2025-09-27"))
        XCTAssertEqual(plain.adding(workingDays: -1, to: date("2025-09-29")), date("2025-09-26"))
    }

    func testCountingBackwardsMirrorsForwards() {
        // given 2025-10-09 is 5 working days after 2025-09-25 (see above)
        // when / then
        XCTAssertEqual(china.adding(workingDays: -5, to: date("2025-10-09")), date("2025-09-25"))
    }

    func testIsWorkingDay() {
        // given / when / then
        XCTAssertTrue(china.isWorkingDay(date("2025-09-28")))    // Sunday, make-up day
        XCTAssertFalse(china.isWorkingDay(date("2025-10-01")))   // holiday, Wednesday
        XCTAssertFalse(china.isWorkingDay(date("2025-10-04")))   // Saturday inside the holiday
        XCTAssertTrue(china.isWorkingDay(date("2025-10-09")))
        XCTAssertFalse(china.isWorkingDay(date("2025-10-12")))   // ordinary Sunday
    }

    func testChinaDataMatchesThePublishedYearTotals() {
        // given the State Council notices. Working days in a year = weekdays − holidays on weekdays + make-up days:
        //   2024 (starts Monday, leap): 366 − 104 weekend days = 262; − 19 (01-01; 02-12…16; 04-04, 05;
        //        05-01…03; 06-10; 09-16, 17; 10-01…04, 07) + 8 make-up days = 251
        //   2025 (starts Wednesday): 365 − 104 = 261; − 18 (01-01; 01-28…31, 02-03, 04; 04-04; 05-01, 02, 05;
        //        06-02; 10-01…03, 06…08) + 5 = 248
        //   2026 (starts Thursday): 261; − 19 (01-01, 02; 02-16…20, 23; 04-06; 05-01, 04, 05; 06-19; 09-25;
        //        10-01, 02, 05…07) + 6 = 248
        func workingDays(in year: Int) -> Int {
            let first = LocalDate(year: year, month: 1, day: 1)!
            return (0..<first.daysInYear).filter { china.isWorkingDay(first.adding(days: $0)) }.count
        }
        // when / then
        XCTAssertEqual(workingDays(in: 2024), 251)
        XCTAssertEqual(workingDays(in: 2025), 248)
        XCTAssertEqual(workingDays(in: 2026), 248)
        XCTAssertEqual(china.workingWeekends.count, 8 + 5 + 6)
        XCTAssertTrue(china.workingWeekends.allSatisfy(\.isWeekend))
        XCTAssertTrue(china.holidays.isDisjoint(with: china.workingWeekends))
    }

    func testParsingRejectsABadLineNamingIt() {
        // given a line with an unknown kind on line 3
        let text = "# comment\n2027-01-01 holiday\n2027-02-06 off\n"
        // when / then
        XCTAssertThrowsError(try WorkingCalendar(parsing: text)) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "calendar_line")
            XCTAssertTrue(e.message.en.contains("line 3"), e.message.en)
        }
        XCTAssertThrowsError(try WorkingCalendar(parsing: "2027-02-10..2027-02-01 holiday"))
    }

    func testCalendarIsCodable() throws {
        // given
        let calendar = try WorkingCalendar(parsing: "2027-02-05..2027-02-07 holiday\n2027-02-20 workday")
        // when
        let decoded = try JSONDecoder().decode(WorkingCalendar.self, from: JSONEncoder().encode(calendar))
        // then
        XCTAssertEqual(decoded, calendar)
        XCTAssertEqual(calendar.holidays.count, 3)
    }

    func testIsLapsed() {
        // given the auction of 2025-09-25, deadline 2025-10-09
        let open = auction("2025-09-25")
        // when / then
        XCTAssertFalse(ConfirmationRule.isLapsed(open, today: date("2025-10-09"), calendar: china))
        XCTAssertTrue(ConfirmationRule.isLapsed(open, today: date("2025-10-10"), calendar: china))
        XCTAssertFalse(ConfirmationRule.isLapsed(auction("2025-09-25", confirmedOn: "2025-10-09"),
                                                 today: date("2026-06-01"), calendar: china))
        XCTAssertTrue(ConfirmationRule.isLapsed(auction("2025-09-25", confirmedOn: "2025-10-10"),
                                                today: date("2025-10-10"), calendar: china))
    }

    func testValidateConfirmation() throws {
        // given the auction of 2025-09-25, deadline 2025-10-09
        let a = auction("2025-09-25")
        // when / then
        try ConfirmationRule.validateConfirmation(a, on: date("2025-09-25"), calendar: china)
        try ConfirmationRule.validateConfirmation(a, on: date("2025-10-09"), calendar: china)
        XCTAssertThrowsError(try ConfirmationRule.validateConfirmation(a, on: date("2025-10-10"), calendar: china)) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "confirmation_late")
            XCTAssertEqual(e.field, "confirmed_on")
            XCTAssertTrue(e.message.en.contains("2025-10-09"), e.message.en)
            XCTAssertTrue(e.message.zh.contains("2025-10-09"), e.message.zh)
        }
        XCTAssertThrowsError(try ConfirmationRule.validateConfirmation(a, on: date("2025-09-24"), calendar: china)) { error in
            XCTAssertEqual((error as! DomainError).code, "confirmation_before_auction")
        }
    }
}
