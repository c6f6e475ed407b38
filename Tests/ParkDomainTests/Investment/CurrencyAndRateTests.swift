import Foundation
import ParkDomain
import XCTest

final class CurrencyAndRateTests: XCTestCase {
    func testAmountsParseExactlyFromText() throws {
        // given // when
        let a = try CurrencyAmount.parse("12345.67", currency: "eur", field: "amount")
        let b = try CurrencyAmount.parse("1,234,567", currency: "JPY", field: "amount")
        let c = try CurrencyAmount.parse("-0.5", currency: "USD", field: "amount")
        // then
        XCTAssertEqual(a, CurrencyAmount(currency: "EUR", minor: 1_234_567))
        XCTAssertEqual(b.minor, 123_456_700)
        XCTAssertEqual(c.minor, -50)
        XCTAssertEqual(a.text, "12345.67")
        XCTAssertEqual(b.description, "JPY 1,234,567.00")
        // 0.1 + 0.2 is exactly 0.3 (no binary floating point anywhere)
        let sum = try CurrencyAmount.parse("0.1", currency: "USD", field: "a").adding(try CurrencyAmount.parse("0.2", currency: "USD", field: "a"))
        XCTAssertEqual(sum.text, "0.30")
    }

    func testBadAmountsAreRefusedNamingTheField() {
        for bad in ["", "1.234", "1e5", "12,34.00", "abc", "1..2", "1.", ".5", "100000000000000001", "99999999999999999999999"] {
            XCTAssertThrowsError(try CurrencyAmount.parse(bad, currency: "USD", field: "amount"), bad) { e in
                XCTAssertEqual((e as? DomainError)?.field, "amount", bad)
                XCTAssertEqual((e as? DomainError)?.code, "invalid_amount", bad)
            }
        }
        XCTAssertThrowsError(try CurrencyAmount.parse("1", currency: "XXX", field: "amount")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "amount_currency")
        }
        XCTAssertThrowsError(try CurrencyAmount(currency: "USD", minor: 0).requirePositive(field: "amount")) { e in
            XCTAssertEqual((e as? DomainError)?.code, "not_positive")
        }
        XCTAssertThrowsError(try CurrencyAmount(currency: "USD", minor: 1).adding(CurrencyAmount(currency: "EUR", minor: 1))) { e in
            XCTAssertEqual((e as? DomainError)?.code, "currency_mismatch")
        }
        XCTAssertThrowsError(try CurrencyAmount(currency: "USD", minor: CurrencyAmount.maxMinor).adding(CurrencyAmount(currency: "USD", minor: 1)))
    }

    func testConversionByHand() throws {
        // given: May 2025, 1 EUR = 1.1284 US$ = 8.1321 yuan; 1 JPY = 0.00693 US$ = 0.049945 yuan
        let m = try XCTUnwrap(YearMonth(iso: "2025-05"))
        let eur = try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "1.12840000", cnyPerUnit: "8.1321")
        let jpy = try ExchangeRate.parse(currency: "JPY", month: m, usdPerUnit: "0.00693", cnyPerUnit: "0.049945")
        // when
        let twentyMillionEuro = try eur.convert(CurrencyAmount(currency: "EUR", minor: 2_000_000_000))
        let odd = try eur.convert(CurrencyAmount(currency: "EUR", minor: 123_456_789))
        let yen = try jpy.convert(CurrencyAmount(currency: "JPY", minor: 50_000_000_000))
        // then: €20,000,000.00 × 1.1284 = US$22,568,000.00; × 8.1321 = ¥162,642,000.00
        XCTAssertEqual(twentyMillionEuro, .init(usdCents: 2_256_800_000, cnyFen: 16_264_200_000))
        // €1,234,567.89 × 1.1284 = 1,393,086.407076 → US$1,393,086.41; × 8.1321 = 10,039,629.538269 → ¥10,039,629.54
        XCTAssertEqual(odd, .init(usdCents: 139_308_641, cnyFen: 1_003_962_954))
        // ¥500,000,000 × 0.00693 = US$3,465,000.00; × 0.049945 = ¥24,972,500.00
        XCTAssertEqual(yen, .init(usdCents: 346_500_000, cnyFen: 2_497_250_000))
    }

    func testRoundingIsHalfAwayFromZeroToTheHundredth() throws {
        let m = try XCTUnwrap(YearMonth(iso: "2020-01"))
        let r = try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "1.1", cnyPerUnit: "1.09")
        // 0.05 × 1.1 = 0.055 → 0.06; 0.05 × 1.09 = 0.0545 → 0.05; and the same below zero
        XCTAssertEqual(try r.convert(CurrencyAmount(currency: "EUR", minor: 5)), .init(usdCents: 6, cnyFen: 5))
        XCTAssertEqual(try r.convert(CurrencyAmount(currency: "EUR", minor: -5)), .init(usdCents: -6, cnyFen: -5))
        // the largest amount at the largest rate is refused, not trapped
        let big = try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "1000000", cnyPerUnit: "1")
        XCTAssertThrowsError(try big.convert(CurrencyAmount(currency: "EUR", minor: CurrencyAmount.maxMinor))) { e in
            XCTAssertEqual((e as? DomainError)?.code, "overflow")
        }
    }

    func testRatesAreCheckedAndLookedUp() throws {
        let m = try XCTUnwrap(YearMonth(iso: "2020-01"))
        XCTAssertThrowsError(try ExchangeRate.parse(currency: "USD", month: m, usdPerUnit: "1.01", cnyPerUnit: "7")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "usd_per_unit")
        }
        XCTAssertThrowsError(try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "0", cnyPerUnit: "7")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "usd_per_unit")
        }
        XCTAssertThrowsError(try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "1.123456789", cnyPerUnit: "7")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "usd_per_unit")
        }
        let table = ExchangeRateTable([try ExchangeRate.parse(currency: "EUR", month: m, usdPerUnit: "1.1", cnyPerUnit: "7.8")])
        XCTAssertEqual(try table.rate("EUR", m).usdPerUnitText, "1.10000000")
        XCTAssertThrowsError(try table.rate("EUR", try XCTUnwrap(YearMonth(iso: "2020-02")))) { e in
            XCTAssertEqual((e as? DomainError)?.code, "no_rate")
            XCTAssertEqual((e as? DomainError)?.field, "currency")
        }
    }

    func testRateCSVReportsEveryRowErrorAndRoundTrips() throws {
        // given
        let csv = """
        currency,month,usd_per_unit,cny_per_unit
        EUR,2020-03,1.1063,7.7815
        EUR,2020-03,1.1,7.7
        XYZ,2020-03,1,1
        JPY,2020-13,0.0093,0.065
        GBP,2020-03,-1,8.9
        """
        // when
        let r = RateCSV.decode(Data(csv.utf8))
        // then
        XCTAssertEqual(r.rates.count, 1)
        XCTAssertEqual(r.errors.map(\.row), [3, 4, 5, 6])
        XCTAssertEqual(r.errors.map(\.column), ["month", "currency", "month", "usd_per_unit"])
        let again = RateCSV.decode(Data(RateCSV.encode(r.rates).utf8))
        XCTAssertEqual(again.rates, r.rates)
        XCTAssertEqual(RateCSV.decode(Data("currency,month\nEUR,2020-01\n".utf8)).errors.map(\.column), ["usd_per_unit", "cny_per_unit"])
    }
}
