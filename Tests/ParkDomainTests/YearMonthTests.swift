import ParkDomain
import XCTest

final class YearMonthTests: XCTestCase {
    func testParsesAndPrintsMonths() throws {
        // given // when
        let m = try XCTUnwrap(YearMonth(iso: "2020-06"))
        // then
        XCTAssertEqual(m.iso, "2020-06")
        XCTAssertNil(YearMonth(iso: "2020-13"))
        XCTAssertNil(YearMonth(iso: "2020-6"))
        XCTAssertNil(YearMonth(iso: "99999-01"))
        XCTAssertThrowsError(try YearMonth.parse("June", field: "period")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "period")
        }
    }

    func testDatesPrintZeroPaddedAsPrintfDoes() throws {
        // given // when // then: the same text as String(format: "%04d-%02d-%02d")
        XCTAssertEqual(LocalDate(year: 7, month: 3, day: 9)?.iso, "0007-03-09")
        XCTAssertEqual(LocalDate(year: 2020, month: 12, day: 31)?.iso, "2020-12-31")
        XCTAssertEqual(LocalDate(year: 9999, month: 1, day: 1)?.iso, "9999-01-01")
        XCTAssertEqual(YearMonth(year: 1900, month: 1)?.iso, "1900-01")
        XCTAssertEqual(YearMonth(year: 2200, month: 11)?.iso, "2200-11")
    }

    func testArithmeticAcrossYearsAndBounds() throws {
        // given
        let m = try XCTUnwrap(YearMonth(iso: "2020-02"))
        // when // then
        XCTAssertEqual(m.adding(months: -3)?.iso, "2019-11")
        XCTAssertEqual(m.adding(months: 11)?.iso, "2021-01")
        XCTAssertEqual(m.lastYear?.iso, "2019-02")
        XCTAssertEqual(m.january.iso, "2020-01")
        XCTAssertEqual(m.lastDay.iso, "2020-02-29")
        XCTAssertEqual(m.january.through(m).map(\.iso), ["2020-01", "2020-02"])
        XCTAssertEqual(m.through(m.january), [])
        XCTAssertNil(m.adding(months: Int.max))
        XCTAssertNil(m.adding(months: Int.min))
        XCTAssertNil(YearMonth(year: 2200, month: 12)?.adding(months: 1))
    }
}
