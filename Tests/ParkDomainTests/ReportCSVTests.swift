import ParkDomain
import XCTest

final class ReportCSVTests: XCTestCase {
    func testReadsFiguresWithUnitsAndDefaults() {
        // given thousands separators, a decimal energy figure and empty optional columns
        let csv = "parcel_code,year,tax_paid_yuan,energy_tonnes_coal,production_start_date,average_employees,reason\nSIP-1,2024,\"1,200,000\",500.5,2019-06-26,120,更正\nSIP-2,2024,,,,,\n"
        // when
        let r = ReportCSV.decode(Data(csv.utf8), source: .taxBureau)
        // then
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.rows.count, 2)
        XCTAssertEqual(r.rows[0].report.taxPaidYuan, 1_200_000)
        XCTAssertEqual(r.rows[0].report.energyTonnesCoal, 500.5)
        XCTAssertEqual(r.rows[0].report.productionStartDate?.iso, "2019-06-26")
        XCTAssertEqual(r.rows[0].report.source, .taxBureau)
        XCTAssertEqual(r.rows[0].reason, "更正")
        XCTAssertEqual(r.rows[1].report.taxPaidYuan, 0)
        XCTAssertEqual(r.rows[1].line, 3)
    }

    func testEveryErrorNamesItsLineAndColumn() {
        let csv = "parcel_code,year,tax_paid_yuan,revenue_yuan\nA,2024,-5,1\n,2024,1,x\nB,abc,1,1\nA,2024,2,2\n"
        let r = ReportCSV.decode(Data(csv.utf8), source: .statisticsBureau)
        let found = r.errors.map { "\($0.row):\($0.column ?? "")" }
        XCTAssertEqual(found, ["2:tax_paid_yuan", "3:parcel_code", "3:revenue_yuan", "4:year", "5:year"])
        XCTAssertTrue(r.errors.last!.message.en.contains("also on line 2"), r.errors.last!.message.en)
    }

    func testHeaderProblemsStopBeforeTheRows() {
        let unknown = ReportCSV.decode(Data("parcel_code,year,taxes\nA,2024,1\n".utf8), source: .taxBureau)
        XCTAssertEqual(unknown.errors.map(\.code), ["unknown_column"])
        XCTAssertEqual(unknown.rows, [])
        let missing = ReportCSV.decode(Data("parcel_code,tax_paid_yuan\nA,1\n".utf8), source: .taxBureau)
        XCTAssertEqual(missing.errors.map(\.column), ["year"])
    }
}
