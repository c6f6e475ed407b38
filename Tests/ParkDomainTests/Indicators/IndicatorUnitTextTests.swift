import Foundation
import ParkDomain
import XCTest

/// Published indicator values as officials read them, through `MoneyScale` (hand-computed:
/// 1 亿 = 10^8, 1 bn = 10^9, 1 M = 10^6, 1 万 = 10^4).
final class IndicatorUnitTextTests: XCTestCase {
    func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    func testYuanInTheCatalogueUnitReadsAsOfficialsReadIt() {
        // 2,915.46 亿元 = 291,546,000,000 yuan = 291.546 bn → 291.55 (half up)
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("2915.46"), .zh), "2,915.46 亿元")
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("2915.46"), .en), "291.55 bn yuan")
        XCTAssertEqual(IndicatorUnit.yiYuan.minor(d("2915.46")), d("29154600000000"))
        // GDP H1 2020: 1,290 亿元 = 129 bn yuan
        XCTAssertEqual(IndicatorUnit.yiYuan.text(1290, .en), "129.00 bn yuan")
        // 0.5 亿元 = 5,000 万元 = 50 M yuan; 5,000 万元 published in 万 reads the same
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("0.5"), .zh), "5,000.00 万元")
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("0.5"), .en), "50.00 M yuan")
        XCTAssertEqual(IndicatorUnit.wanYuan.text(5000, .zh), "5,000.00 万元")
        XCTAssertEqual(IndicatorUnit.wanYuan.text(5000, .en), "50.00 M yuan")
        // negative: −3.2 亿元 = −320 M yuan
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("-3.2"), .zh), "-3.20 亿元")
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("-3.2"), .en), "-320.00 M yuan")
        // beyond Int64's fen (10^15 亿元 is 10^25 fen) it does not trap
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("999999999999999"), .zh), "999,999,999,999,999.00 亿元")
    }

    func testDollarsAndCounts() {
        // FDI H1 2020: utilised 12.8 亿美元 = US$ 1.28 bn, contracted 20.7 亿美元 = US$ 2.07 bn
        XCTAssertEqual(IndicatorUnit.yiUSD.text(d("12.8"), .zh), "12.80 亿美元")
        XCTAssertEqual(IndicatorUnit.yiUSD.text(d("12.8"), .en), "US$ 1.28 bn")
        XCTAssertEqual(IndicatorUnit.yiUSD.text(d("20.7"), .en), "US$ 2.07 bn")
        // 50 万美元 = US$ 500,000: below 1 M the exact amount in English
        XCTAssertEqual(IndicatorUnit.wanUSD.text(50, .zh), "50.00 万美元")
        XCTAssertEqual(IndicatorUnit.wanUSD.text(50, .en), "US$ 500,000.00")
        XCTAssertEqual(IndicatorUnit.enterprises.text(14661, .zh), "14,661 家")
        XCTAssertEqual(IndicatorUnit.enterprises.text(14661, .en), "14,661 enterprises")
        XCTAssertNil(IndicatorUnit.enterprises.moneyScale([14661], .en))
    }

    func testSeveralValuesReadInTheLargestsUnit() {
        // a row of 2,915.46 亿 and 0.5 亿: bn in English, 0.5 亿 = 0.05 bn; 亿 in Chinese
        let en = IndicatorUnit.yiYuan.moneyScale([d("2915.46"), d("0.5"), nil], .en)
        XCTAssertEqual(IndicatorUnit.yiYuan.unitText(in: en, .en), "bn yuan")
        XCTAssertEqual(IndicatorUnit.yiYuan.text(d("0.5"), in: en, .en), "0.05 bn yuan")
        XCTAssertEqual(IndicatorUnit.yiYuan.number(d("2915.46"), in: en), d("291.546"), "a sheet's number keeps every published digit")
        let zh = IndicatorUnit.yiYuan.moneyScale([d("2915.46"), d("0.5")], .zh)
        XCTAssertEqual(IndicatorUnit.yiYuan.unitText(in: zh, .zh), "亿元")
        XCTAssertEqual(IndicatorUnit.yiYuan.number(d("0.5"), in: zh), d("0.5"))
        XCTAssertEqual(IndicatorUnit.enterprises.unitText(in: nil, .zh), "家")
    }
}
