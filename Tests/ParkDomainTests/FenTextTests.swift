import Foundation
import ParkDomain
import XCTest

/// Amounts as text: exact yuan, and scaled to 万元/亿元 or millions/billions as officials read them.
final class FenTextTests: XCTestCase {
    func testExactYuan() {
        XCTAssertEqual(FenText.yuan(123_456), "1234.56")
        XCTAssertEqual(FenText.yuan(123_456_789, grouped: true), "1,234,567.89")
        XCTAssertEqual(FenText.yuan(-5), "-0.05")
    }

    func testScaledAmountsInBothLanguages() {
        // 150,000,000 yuan = 1.5 亿元 = 150 M yuan
        XCTAssertEqual(FenText.scaled(15_000_000_000, .zh), "1.50 亿元")
        XCTAssertEqual(FenText.scaled(15_000_000_000, .en), "150.00 M yuan")
        // 195,433,000 yuan = 1.95433 亿 → 1.95; 195.433 M → 195.43
        XCTAssertEqual(FenText.scaled(19_543_300_000, .zh), "1.95 亿元")
        XCTAssertEqual(FenText.scaled(19_543_300_000, .en), "195.43 M yuan")
        // 3,270,000,000 yuan = 32.7 亿 = 3.27 bn
        XCTAssertEqual(FenText.scaled(327_000_000_000, .zh), "32.70 亿元")
        XCTAssertEqual(FenText.scaled(327_000_000_000, .en), "3.27 bn yuan")
        // 150,000 yuan: 15 万元, and in English below a million the exact amount
        XCTAssertEqual(FenText.scaled(15_000_000, .zh), "15.00 万元")
        XCTAssertEqual(FenText.scaled(15_000_000, .en), "150,000.00 yuan")
        // half up at the second decimal: 12,345 yuan = 1.2345 万 → 1.23; 12,350 → 1.24 (half up, not to even)
        XCTAssertEqual(FenText.scaled(1_234_500, .zh), "1.23 万元")
        XCTAssertEqual(FenText.scaled(1_235_000, .zh), "1.24 万元")
        XCTAssertEqual(FenText.scaled(999_999, .zh), "9,999.99 元")
        XCTAssertEqual(FenText.scaled(-24_520_462_80, .zh), "-2,452.05 万元")
        // the extremes do not trap
        XCTAssertFalse(FenText.scaled(.min, .en).isEmpty)
        XCTAssertFalse(FenText.scaled(.max, .zh).isEmpty)
    }

    func testScaledDollarsAndColumns() {
        // US$ 2,872,000,000 = 28.72 亿 = 2.87 bn; US$ 12,500,000 = 1,250 万 = 12.50 M
        XCTAssertEqual(FenText.scaledUSD(287_200_000_000, .zh), "28.72 亿美元")
        XCTAssertEqual(FenText.scaledUSD(287_200_000_000, .en), "US$ 2.87 bn")
        XCTAssertEqual(FenText.scaledUSD(1_250_000_000, .en), "US$ 12.50 M")
        XCTAssertEqual(FenText.scaledUSD(99_950, .en), "US$ 999.50")
        // a column of 1.5 亿 and 150,000 yuan reads in 亿元: 0.0015 亿 → 0.00
        let c = MoneyScale.column([15_000_000_000, 15_000_000], .yuan, .zh)
        XCTAssertEqual(c.step, .large)
        XCTAssertEqual(c.text(15_000_000), "0.00 亿元")
        XCTAssertEqual(MoneyScale.column([15_000_000], .yuan, .en).text(15_000_000), "150,000.00 yuan")
    }
}
