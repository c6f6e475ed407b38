import Foundation
import ParkDomain
import XCTest

final class LocalDateArithmeticTests: XCTestCase {
    private func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func testDayNumberHandComputed() {
        // given 1970…1999 = 30 years × 365 + 7 leap days (1972, 76, 80, 84, 88, 92, 96) = 10,957 days,
        // then January (31) and February 2000 (29, 2000 is divisible by 400) = 60 more
        // when / then
        XCTAssertEqual(date("1970-01-01").dayNumber, 0)
        XCTAssertEqual(date("1969-12-31").dayNumber, -1)
        XCTAssertEqual(date("2000-03-01").dayNumber, 10_957 + 60)
        // 2024-02-29: 2000-03-01 + 24 × 365 + 6 leap days (2004 … 2024) − 1 (from 03-01 back to 02-29) = 19,782
        XCTAssertEqual(date("2024-02-29").dayNumber, 11_017 + 24 * 365 + 6 - 1)
        XCTAssertEqual(date("0001-01-01").dayNumber, -719_162)
        XCTAssertEqual(date("9999-12-31").dayNumber, 2_932_896)
    }

    func testDayNumberRoundTripsAndAgreesWithFoundation() {
        // given every 997th day from year 1 to 9999, and every day of 1900…2100
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let sample = Array(stride(from: -719_162, through: 2_932_896, by: 997)) + Array(-25_567...47_846)
        for n in sample {
            // when
            let d = LocalDate(dayNumber: n)
            // then
            XCTAssertEqual(d.dayNumber, n)
            if n >= -25_567 { // Foundation's Gregorian calendar is Julian before 1582, so compare from 1900
                let c = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(n) * 86_400))
                XCTAssertEqual([d.year, d.month, d.day], [c.year!, c.month!, c.day!], "day \(n)")
            }
        }
    }

    func testDayNumberClampsToTheRangeOfLocalDate() {
        // given the last and first dates a LocalDate holds
        // when / then
        XCTAssertEqual(date("9999-12-31").adding(days: 1), date("9999-12-31"))
        XCTAssertEqual(date("0001-01-01").adding(days: -1), date("0001-01-01"))
        XCTAssertEqual(date("2025-01-01").adding(days: .max), date("9999-12-31"))
        XCTAssertEqual(date("2025-01-01").adding(months: .min), date("0001-01-01"))
        XCTAssertEqual(date("2025-01-01").adding(years: .max), date("9999-12-31"))
    }

    func testAddingDays() {
        // given / when / then: across a leap day and a year end
        XCTAssertEqual(date("2024-02-28").adding(days: 1), date("2024-02-29"))
        XCTAssertEqual(date("2024-02-28").adding(days: 2), date("2024-03-01"))
        XCTAssertEqual(date("2025-12-31").adding(days: 1), date("2026-01-01"))
        XCTAssertEqual(date("2026-01-01").adding(days: -1), date("2025-12-31"))
        XCTAssertEqual(date("2025-09-25").adding(days: 0), date("2025-09-25"))
    }

    func testAddingMonthsClampsToTheMonthEnd() {
        // given / when / then
        XCTAssertEqual(date("2024-01-31").adding(months: 1), date("2024-02-29"))   // leap February
        XCTAssertEqual(date("2023-01-31").adding(months: 1), date("2023-02-28"))
        XCTAssertEqual(date("2024-03-31").adding(months: -1), date("2024-02-29"))
        XCTAssertEqual(date("2024-05-31").adding(months: 1), date("2024-06-30"))
        XCTAssertEqual(date("2024-12-15").adding(months: 1), date("2025-01-15"))
        XCTAssertEqual(date("2025-01-15").adding(months: -13), date("2023-12-15"))
        XCTAssertEqual(date("2025-03-01").adding(months: -12), date("2024-03-01"))
    }

    func testAddingYearsTurnsTheLeapDayIntoFebruary28() {
        // given 29 February 2024
        let leapDay = date("2024-02-29")
        // when / then
        XCTAssertEqual(leapDay.adding(years: 1), date("2025-02-28"))
        XCTAssertEqual(leapDay.adding(years: 4), date("2028-02-29"))
        XCTAssertEqual(leapDay.adding(years: -10), date("2014-02-28"))
        XCTAssertEqual(date("2025-03-01").adding(years: 10), date("2035-03-01"))
    }

    func testDaysUntil() {
        // given 2024 is a leap year, 2025 is not
        // when / then
        XCTAssertEqual(date("2024-01-01").days(until: date("2025-01-01")), 366)
        XCTAssertEqual(date("2025-01-01").days(until: date("2026-01-01")), 365)
        XCTAssertEqual(date("2026-01-01").days(until: date("2025-01-01")), -365)
        XCTAssertEqual(date("2025-09-25").days(until: date("2025-10-09")), 14)
    }

    func testWeekdayIsISO() {
        // given 1970-01-01 was a Thursday (4); 2025-09-25 is 20,356 days later, 20,356 = 7 × 2,908, so also Thursday
        // when / then
        XCTAssertEqual(date("1970-01-01").weekday, 4)
        XCTAssertEqual(date("2025-09-25").weekday, 4)
        XCTAssertEqual(date("2025-09-28").weekday, 7)   // Sunday
        XCTAssertEqual(date("2025-09-29").weekday, 1)   // Monday
        XCTAssertEqual(date("2000-01-01").weekday, 6)   // Saturday
        XCTAssertEqual(date("1969-12-28").weekday, 7)   // Sunday, a negative day number (−4)
        XCTAssertTrue(date("2025-10-11").isWeekend)
        XCTAssertFalse(date("2025-10-10").isWeekend)
    }

    func testFractionalYear() {
        // given 2024-07-02 is day 184 of 366 (31 + 29 + 31 + 30 + 31 + 30 = 182 days before July, + 2)
        // when / then: (184 − 1) ÷ 366 = 0.5
        XCTAssertEqual(date("2024-07-02").dayOfYear, 184)
        XCTAssertEqual(date("2024-07-02").fractionalYear, 2024.5)
        XCTAssertEqual(date("2024-01-01").fractionalYear, 2024.0)
        XCTAssertEqual(date("2025-12-31").fractionalYear, 2025 + 364.0 / 365.0, accuracy: 1e-12)
        XCTAssertEqual(date("2025-12-31").daysInYear, 365)
        XCTAssertTrue(date("2000-06-01").isLeapYear)
        XCTAssertFalse(date("1900-06-01").isLeapYear)
    }
}
