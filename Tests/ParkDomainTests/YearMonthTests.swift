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
