import Foundation
import XCTest
@testable import ParkDomain

/// Every computation rule of issue 13 item 3, on hand-computed figures.
final class IndicatorEngineTests: XCTestCase {
    let trade = IndicatorCatalogue.shipped("trade")!
    let gdp = IndicatorCatalogue.shipped("gdp")!

    func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m)! }
    func d(_ s: String) -> Decimal { Decimal(string: s)! }

    /// Trade, YTD in 亿元: 2019 in full, 2020 to June (published growth 4.5 % in June).
    func tradeSeries(publishedJune: Decimal? = Decimal(string: "4.5")) -> IndicatorSeries {
        let y2019 = [200, 380, 600, 800, 1000, 1250, 1450, 1650, 1900, 2100, 2350, 2600]
        let y2020 = [210, 400, 640, 850, 1070, 1300]
        var points = y2019.enumerated().map { IndicatorPoint(period: IndicatorPeriod(month: ym(2019, $0 + 1)), value: Decimal($1)) }
        points += y2020.enumerated().map { i, v in
            IndicatorPoint(period: IndicatorPeriod(month: ym(2020, i + 1)), value: Decimal(v), growthPct: i == 5 ? publishedJune : nil)
        }
        return IndicatorSeries(trade, points)
    }

    func testMonthValueFromSuccessiveYTD() {
        // given the YTD series / when / then: March = 640 − 400; January is its own YTD
        let s = tradeSeries()
        XCTAssertEqual(s.periodValue(ym(2020, 3)), 240)
        XCTAssertEqual(s.periodValue(ym(2020, 1)), 210)
        XCTAssertEqual(s.periodValue(ym(2019, 12)), 250)
        XCTAssertNil(s.periodValue(ym(2020, 7)), "no July figure")
    }

    func testYTDFromMonthlyValuesNeedsEveryMonth() {
        // given a series published month by month (not cumulative)
        var def = trade
        def.accumulation = .periodic
        let s = IndicatorSeries(def, [10, 20, 30].enumerated().map { IndicatorPoint(period: IndicatorPeriod(month: ym(2020, $0 + 1)), value: Decimal($1)) })
        // then YTD is the sum from January; a missing month is never zero
        XCTAssertEqual(s.ytd(ym(2020, 3)), 60)
        XCTAssertEqual(s.ytd(ym(2020, 2)), 30)
        XCTAssertEqual(s.quarter(2020, 1), 60)
        let gap = IndicatorSeries(def, [IndicatorPoint(period: IndicatorPeriod(month: ym(2020, 1)), value: 10),
                                        IndicatorPoint(period: IndicatorPeriod(month: ym(2020, 3)), value: 30)])
        XCTAssertNil(gap.ytd(ym(2020, 3)))
    }

    func testQuarterHalfYearAndRolling12() {
        let s = tradeSeries()
        XCTAssertEqual(s.quarter(2020, 1), 640)
        XCTAssertEqual(s.quarter(2020, 2), 660)          // 1300 − 640
        XCTAssertNil(s.quarter(2020, 3))
        XCTAssertEqual(s.half(2020, 1), 1300)
        XCTAssertEqual(s.half(2019, 2), 1350)            // 2600 − 1250
        XCTAssertEqual(s.year(2019), 2600)
        XCTAssertNil(s.year(2020))
        XCTAssertEqual(s.rolling12(ym(2020, 6)), 2650)   // 1300 + 2600 − 1250
        XCTAssertEqual(s.rolling12(ym(2019, 12)), nil, "no 2018")
    }

    func testPublishedGrowthShownAsPublishedBesideTheLevelsRatio() {
        // when
        let f = IndicatorEngine.figure(tradeSeries(), asOf: ym(2020, 6), target: nil)
        // then: published 4.5 stays the headline; levels give (1300 − 1250) ÷ 1250 = 4.0; 0.5 pp marked
        XCTAssertEqual(f.level, 1300)
        XCTAssertEqual(f.lastYearLevel, 1250)
        XCTAssertEqual(f.growthPct, d("4.5"))
        XCTAssertEqual(f.growthSource, .published)
        XCTAssertEqual(f.levelsGrowthPct, 4)
        XCTAssertEqual(f.growthDifferencePct, d("0.5"))
    }

    func testNominalGrowthFromLevelsWhenNothingPublished() {
        let f = IndicatorEngine.figure(tradeSeries(publishedJune: nil), asOf: ym(2020, 6), target: nil)
        XCTAssertEqual(f.growthPct, 4)
        XCTAssertEqual(f.growthSource, .levels)
        XCTAssertNil(f.growthDifferencePct)
    }

    func testConstantPriceGrowthIsNeverDerivedFromLevels() {
        // given GDP by quarter (YTD, current prices), growth published at constant prices
        let pts = [IndicatorPoint(period: IndicatorPeriod(year: 2019, quarter: 2)!, value: d("1263.5")),
                   IndicatorPoint(period: IndicatorPeriod(year: 2020, quarter: 1)!, value: 600),
                   IndicatorPoint(period: IndicatorPeriod(year: 2020, quarter: 2)!, value: 1290, growthPct: d("2.1"))]
        let s = IndicatorSeries(gdp, pts)
        let f = IndicatorEngine.figure(s, asOf: ym(2020, 6), target: nil)
        XCTAssertEqual(f.period?.text, "2020-Q2")
        XCTAssertEqual(f.growthPct, d("2.1"))
        // (1290 − 1263.5) ÷ 1263.5 × 100 = 2.0973…: within rounding of 2.1, not marked
        XCTAssertEqual(IndicatorNumber.rounded(f.levelsGrowthPct!, 4), d("2.0973"))
        XCTAssertNil(f.growthDifferencePct)
        XCTAssertEqual(f.periodValue, 690)               // Q2 alone: 1290 − 600
        // without a published rate there is no headline growth at all
        var unpublished = pts
        unpublished[2].growthPct = nil
        let g = IndicatorEngine.figure(IndicatorSeries(gdp, unpublished), asOf: ym(2020, 6), target: nil)
        XCTAssertNil(g.growthPct)
        XCTAssertEqual(g.growthSource, .none)
        XCTAssertNotNil(g.levelsGrowthPct)
        // May shows the latest quarter ended: Q1
        XCTAssertEqual(IndicatorEngine.figure(s, asOf: ym(2020, 5), target: nil).period?.text, "2020-Q1")
    }

    func testTargetProgressSeasonalPaceAndWhatTheRestNeeds() {
        let target = IndicatorTarget(indicator: "trade", year: 2020, level: 2860)
        let p = IndicatorEngine.figure(tradeSeries(), asOf: ym(2020, 6), target: target).progress!
        // 1300 ÷ 2860 = 45.45 %; last year had 1250 ÷ 2600 = 48.08 % by June: behind
        XCTAssertEqual(IndicatorNumber.rounded(p.sharePct!, 2), d("45.45"))
        XCTAssertEqual(IndicatorNumber.rounded(p.expectedSharePct!, 2), d("48.08"))
        XCTAssertTrue(p.seasonalPace)
        XCTAssertTrue(p.behind)
        XCTAssertEqual(p.remaining, 1560)
        XCTAssertEqual(p.neededPerMonth, 260)           // 1560 ÷ 6 months
        // 1560 against last year's second half 1350: +15.56 %
        XCTAssertEqual(IndicatorNumber.rounded(p.neededGrowthPct!, 2), d("15.56"))
        // a target of 2500 is ahead: 52 % against 48.08 %
        XCTAssertFalse(IndicatorEngine.figure(tradeSeries(), asOf: ym(2020, 6), target: .init(indicator: "trade", year: 2020, level: 2500)).progress!.behind)
    }

    func testCalendarPaceWithoutLastYearAndGrowthTargets() {
        let only2020 = IndicatorSeries(trade, [IndicatorPoint(period: IndicatorPeriod(month: ym(2020, 6)), value: 1300, growthPct: d("4.5"))])
        let p = IndicatorEngine.figure(only2020, asOf: ym(2020, 6), target: .init(indicator: "trade", year: 2020, level: 2500)).progress!
        XCTAssertEqual(p.expectedSharePct, 50)           // 6 ÷ 12
        XCTAssertFalse(p.seasonalPace)
        XCTAssertFalse(p.behind)                          // 52 % ≥ 50 %
        let growthOnly = IndicatorTarget(indicator: "trade", year: 2020, growthPct: 5)
        XCTAssertTrue(IndicatorEngine.figure(only2020, asOf: ym(2020, 6), target: growthOnly).progress!.behind, "4.5 % < 5 %")
        XCTAssertFalse(IndicatorEngine.figure(only2020, asOf: ym(2020, 6), target: .init(indicator: "trade", year: 2020, growthPct: 4)).progress!.behind)
    }

    func testReportAlertsAndPeriods() {
        let r = IndicatorReport.build(month: ym(2020, 6), series: [tradeSeries()], targets: [.init(indicator: "trade", year: 2020, level: 2860)])
        XCTAssertEqual(r.alerts.map(\.definition.code), ["trade"])
        XCTAssertEqual(r.periods[0].quarters, [640, 660, nil, nil])
        XCTAssertEqual(r.periods[0].halves, [1300, nil])
        XCTAssertEqual(r.periods[0].lastYearTotal, 2600)
        XCTAssertEqual(r.trends[0].thisYear[5], 1300)
        XCTAssertNil(r.trends[0].thisYear[6])
        XCTAssertEqual(r.trends[0].lastYear[11], 2600)
        let sheets = IndicatorReportSheets.sheets(r, derived: nil, .en)
        XCTAssertEqual(sheets.map(\.name), ["Headline", "Trend", "Periods"])
        XCTAssertEqual(sheets[0].rows[0][5].text, "4.5")
        XCTAssertEqual(sheets[0].rows[0][18].text, "behind pace")
        // amounts in the unit officials read: 1,300 亿元 = 130 bn yuan, target 2,860 亿 = 286 bn
        XCTAssertEqual(sheets[0].rows[0][2...4].map(\.text), ["bn yuan", "130.00", "23.00"])
        XCTAssertEqual(sheets[0].rows[0][12].text, "286.00")
        XCTAssertEqual(sheets[2].rows[0][1...3].map(\.text), ["bn yuan", "64.00", "66.00"])
        let zh = IndicatorReportSheets.sheets(r, derived: nil, .zh)
        XCTAssertEqual(zh[0].rows[0][2...4].map(\.text), ["亿元", "1300.00", "230.00"])
        XCTAssertEqual(zh[1].rows.last?.map(\.text).dropFirst(), ["亿元", "12", "", "2600.00"])
    }

    func testOutboundFiguresGrowthShareAndSheets() {
        // given US$ 3 M agreed this year to date against 2 M, 1.2 M of it in Belt and Road countries (0.6 M last year)
        var d = DerivedFigures(month: ym(2025, 5), dataYear: 2024, enterprises: 0, enterprisesLastYear: 0, taxYuan: 0, taxLastYearYuan: 0,
                               outputYuan: 0, outputComparableBaseYuan: 0, outputLastYearYuan: 0, aboveScaleFirms: 0)
        d.odi = DerivedODI(total: OutboundTotals(firms: 3, countries: 4, projects: 5, yuanFen: 2_160_000_000, usdCents: 300_000_000),
                           lastYear: OutboundTotals(firms: 2, countries: 2, projects: 4, yuanFen: 1_440_000_000, usdCents: 200_000_000),
                           beltAndRoad: OutboundTotals(firms: 1, countries: 2, projects: 2, yuanFen: 864_000_000, usdCents: 120_000_000),
                           beltAndRoadLastYear: OutboundTotals(firms: 1, countries: 1, projects: 1, yuanFen: 432_000_000, usdCents: 60_000_000),
                           byRegion: [OutboundBreakdownRow(key: "europe", label: Bilingual(zh: "欧洲", en: "Europe"),
                                                           totals: OutboundTotals(firms: 2, countries: 2, projects: 3, yuanFen: 1_296_000_000, usdCents: 180_000_000))])
        // then
        let o = d.odi!
        XCTAssertEqual(o.usdGrowthPct, 50)                    // (3 − 2) ÷ 2
        XCTAssertEqual(o.beltAndRoadUSDGrowthPct, 100)        // (1.2 − 0.6) ÷ 0.6
        XCTAssertEqual(o.beltAndRoadSharePct, 40)             // 1.2 ÷ 3
        XCTAssertNil(DerivedODI().usdGrowthPct)
        XCTAssertNil(DerivedODI().beltAndRoadSharePct)
        let sheets = IndicatorReportSheets.sheets(IndicatorReport.build(month: ym(2025, 5), series: [], targets: []), derived: d, .en)
        XCTAssertEqual(sheets.map(\.name), ["Headline", "Trend", "Periods", "Derived", "Breakdowns", "ODI"])
        let agreed = sheets[3].rows.first { $0[0].text == "Outbound investment agreed (YTD)" }
        // US$ 3,000,000 and 2,000,000 = US$ 3.00 M and 2.00 M; Europe US$ 1.8 M and 12,960,000 yuan = 12.96 M yuan
        XCTAssertEqual(agreed?.map(\.text), ["Outbound investment agreed (YTD)", "US$ M", "3.00", "2.00", "50.0", "50.0"])
        XCTAssertEqual(sheets[5].columns.suffix(2), ["Agreed (US$ M)", "Agreed (M yuan)"])
        XCTAssertEqual(sheets[5].rows.map { $0.map(\.text) }, [["Europe", "3", "2", "2", "1.80", "12.96"]])
        let zh = IndicatorReportSheets.sheets(IndicatorReport.build(month: ym(2025, 5), series: [], targets: []), derived: d, .zh)
        XCTAssertEqual(zh[5].rows.map { $0.map(\.text) }, [["欧洲", "3", "2", "2", "180.00", "1296.00"]], "万美元 and 万元 in Chinese")
    }

    func testPeriodsAndNumbersParseStrictly() {
        XCTAssertEqual(IndicatorPeriod(text: "2020-Q2")?.end, ym(2020, 6))
        XCTAssertEqual(IndicatorPeriod(text: "2020-q4")?.text, "2020-Q4")
        XCTAssertNil(IndicatorPeriod(text: "2020-Q5"))
        XCTAssertNil(IndicatorPeriod(text: "2020/06"))
        XCTAssertNil(IndicatorPeriod(text: "2020-6"))
        XCTAssertEqual(IndicatorNumber.parse("1,290.50"), d("1290.5"))
        XCTAssertEqual(IndicatorNumber.parse("-3.2"), d("-3.2"))
        for bad in ["12abc", "1e5", "", "+-1", "1,29", "about 3", "1.1234567", "."] { XCTAssertNil(IndicatorNumber.parse(bad), bad) }
    }
}
