import Foundation
import XCTest
@testable import ParkDomain

/// The "Bad input" of issue 13 on the indicator import: each refused or flagged with its row and column.
final class IndicatorImportCheckTests: XCTestCase {
    let catalogue = Dictionary(uniqueKeysWithValues: IndicatorCatalogue.sipHeadline.map { ($0.code, $0) })
    let now = YearMonth(year: 2020, month: 8)!

    func check(_ rows: [IndicatorImportRow], stored: [String: Decimal] = [:]) -> IndicatorImportPlan {
        IndicatorImportCheck.check(rows, catalogue: catalogue, stored: { stored["\($0)/\($1.text)"] }, currentMonth: now)
    }

    func testAGoodFileBecomesEntries() {
        let plan = check([.init(line: 2, indicator: "trade", period: "2020-06", value: "3052", growthPct: "4.5"),
                          .init(line: 3, indicator: "GDP", period: "2020-Q2", value: "1290", growthPct: "2.1%"),
                          .init(line: 4, indicator: "budget_revenue", period: "2020-07", value: "1,290.5", growthPct: "")])
        XCTAssertEqual(plan.errors, [])
        XCTAssertEqual(plan.entries.map(\.indicator), ["trade", "gdp", "budget_revenue"])
        XCTAssertEqual(plan.entries[1].growthPct, Decimal(string: "2.1"))
        XCTAssertNil(plan.entries[2].growthPct)
        XCTAssertEqual(plan.entries[2].value, Decimal(string: "1290.5"))
    }

    func testEveryRefusalNamesRowAndColumnAndNothingIsKept() {
        let plan = check([
            .init(line: 2, indicator: "trade", period: "2020/06", value: "1"),
            .init(line: 3, indicator: "trade", period: "2020-08", value: "1"),
            .init(line: 4, indicator: "exports_usd", period: "2020-06", value: "1"),
            .init(line: 5, indicator: "trade", period: "2020-05", value: "3052", growthPct: "about 4%"),
            .init(line: 6, indicator: "trade", period: "2020-Q1", value: "1"),
            .init(line: 7, indicator: "gdp", period: "2020-06", value: "1"),
            .init(line: 8, indicator: "trade", period: "2020-04", value: "12abc"),
            .init(line: 9, indicator: "budget_revenue", period: "2020-02", value: "10"),
            .init(line: 10, indicator: "budget_revenue", period: "2020-02", value: "11"),
            .init(line: 11, indicator: "budget_revenue", period: "2020-03", value: "-1"),
        ])
        XCTAssertEqual(plan.entries, [])
        XCTAssertEqual(plan.errors.map { "\($0.row):\($0.column ?? ""):\($0.code)" }, [
            "2:period:invalid_period", "3:period:future_period", "4:indicator:unknown_indicator", "5:growth_pct:invalid_number",
            "6:period:wrong_frequency", "7:period:wrong_frequency", "8:value:invalid_number", "10:period:duplicate", "11:value:out_of_range",
        ])
        XCTAssertTrue(plan.errors[2].message.en.contains("gdp"), "lists the known codes")
    }

    func testYTDLowerThanLastMonthNeedsAReason() {
        // given May stored at 1070, June imported lower
        let stored = ["trade/2020-05": Decimal(1070)]
        let refused = check([.init(line: 2, indicator: "trade", period: "2020-06", value: "1000")], stored: stored)
        XCTAssertEqual(refused.errors.map(\.code), ["needs_reason"])
        XCTAssertTrue(refused.errors[0].message.en.contains("lower than 2020-05's 1070"), refused.errors[0].message.en)
        // with a reason it goes in, flagged
        let accepted = check([.init(line: 2, indicator: "trade", period: "2020-06", value: "1000", reason: "customs revised May down")], stored: stored)
        XCTAssertEqual(accepted.errors, [])
        XCTAssertNotNil(accepted.entries[0].warning)
        // the previous month may come from the same file; January starts a new year
        XCTAssertEqual(check([.init(line: 2, indicator: "trade", period: "2020-04", value: "900"),
                              .init(line: 3, indicator: "trade", period: "2020-05", value: "800")]).errors.map(\.row), [3])
        XCTAssertEqual(check([.init(line: 2, indicator: "trade", period: "2020-01", value: "200")],
                             stored: ["trade/2019-12": 2600]).errors, [])
    }

    func testAValueTenThousandTimesOffIsFlaggedAsTheWrongUnit() {
        // 1300 亿元 in May, then June entered in 万元
        let plan = check([.init(line: 2, indicator: "trade", period: "2020-06", value: "13500000")], stored: ["trade/2020-05": 1300])
        XCTAssertEqual(plan.errors.map(\.code), ["needs_reason"])
        XCTAssertTrue(plan.errors[0].message.zh.contains("亿元"), plan.errors[0].message.zh)
        XCTAssertTrue(plan.errors[0].message.en.contains("10,000 times"))
        // and the other way: 亿元 where the previous months were in the catalogue's unit of 万 … here 0.13 after 1300
        XCTAssertEqual(check([.init(line: 2, indicator: "trade", period: "2020-06", value: "0.13")], stored: ["trade/2020-05": 1300]).errors.map(\.code),
                       ["needs_reason"])
        // an ordinary month is not flagged
        XCTAssertEqual(check([.init(line: 2, indicator: "trade", period: "2020-06", value: "1300")], stored: ["trade/2020-05": 1070]).errors, [])
    }
}
