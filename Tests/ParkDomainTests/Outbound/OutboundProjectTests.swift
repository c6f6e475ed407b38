import Foundation
import ParkDomain
import XCTest

final class OutboundProjectTests: XCTestCase {
    let countries = Set(Country.all.map(\.alpha2)), industries = Set(IndustryClassification.divisions.map(\.code))

    func project(bp: Int, country: String = "DE") -> OutboundProject {
        OutboundProject(enterpriseID: UUID(), title: "Acquisition", countryCode: country, targetCompany: "Ziel GmbH", industryCode: "36",
                        form: .acquisition, equityBasisPoints: bp,
                        amount: ConvertedAmount(original: CurrencyAmount(currency: "EUR", minor: 100), usdCents: 113, yuanFen: 812, month: YearMonth(year: 2025, month: 1)!))
    }

    func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? DomainError).map { "\($0.field ?? "-"):\($0.code)" } }
    }

    func testEquityPercentagesParseExactlyToBasisPoints() throws {
        XCTAssertEqual(try OutboundRules.basisPoints("10"), 1_000)
        XCTAssertEqual(try OutboundRules.basisPoints("9.99"), 999)
        XCTAssertEqual(try OutboundRules.basisPoints("10.00"), 1_000)
        XCTAssertEqual(try OutboundRules.basisPoints("10.5 %"), 1_050)
        XCTAssertEqual(try OutboundRules.basisPoints("100"), 10_000)
        XCTAssertEqual(code { _ = try OutboundRules.basisPoints("9.999") }, "equity_percent:invalid_percent")
        XCTAssertEqual(code { _ = try OutboundRules.basisPoints("100.01") }, "equity_percent:out_of_range")
        XCTAssertEqual(code { _ = try OutboundRules.basisPoints("-1") }, "equity_percent:invalid_percent")
        XCTAssertEqual(OutboundRules.percentText(999), "9.99")
        XCTAssertEqual(OutboundRules.percentText(1_050), "10.5")
    }

    func testAStakeOf9Point99PercentIsNotODIButTenPercentIs() {
        XCTAssertEqual(code { try OutboundRules.validate(project(bp: 999), countries: countries, industries: industries) }, "equity_percent:below_odi_threshold")
        XCTAssertNil(code { try OutboundRules.validate(project(bp: 1_000), countries: countries, industries: industries) })
    }

    func testUnknownCountriesAndChinaItselfAreRefused() {
        XCTAssertEqual(code { try OutboundRules.validate(project(bp: 5_000, country: "XX"), countries: countries, industries: industries) }, "country:unknown_country")
        XCTAssertEqual(code { try OutboundRules.validate(project(bp: 5_000, country: "CN"), countries: countries, industries: industries) }, "country:not_abroad")
    }

    func testStagesMoveInOrderOrAreAbandoned() throws {
        XCTAssertEqual(try OutboundStage.consulting.transition(to: .preparingFilings), .preparingFilings)
        XCTAssertEqual(try OutboundStage.filed.transition(to: .abandoned), .abandoned)
        XCTAssertEqual(code { _ = try OutboundStage.consulting.transition(to: .filed) }, "stage:invalid_stage_move")
        XCTAssertEqual(code { _ = try OutboundStage.operating.transition(to: .abandoned) }, "stage:invalid_stage_move")
    }

    func testAmountsConvertExactlyAtTheRateOfTheirMonth() throws {
        // given EUR 100,000,000.00 in June 2020 at US$1.1422 and 1.1422 × 6.8976 = 7.87843872 yuan per euro
        let rate = try ExchangeRate.parse(currency: "EUR", month: YearMonth(year: 2020, month: 6)!, usdPerUnit: "1.1422", cnyPerUnit: "7.87843872")
        // when
        let a = try ConvertedAmount.convert(try ConvertedAmount.parse("100,000,000.00", currency: "eur"), at: rate)
        // then US$114,220,000.00 and 787,843,872.00 yuan
        XCTAssertEqual(a.usdCents, 11_422_000_000)
        XCTAssertEqual(a.yuanFen, 78_784_387_200)
        XCTAssertEqual(a.originalText, "100000000.00")
        // and yuan goes through the month's dollar rate: 1 ÷ 6.8976 = 0.14497796…, so 100.00 yuan is US$14.50
        let usd = try ExchangeRate.parse(currency: "USD", month: rate.month, usdPerUnit: "1", cnyPerUnit: "6.8976")
        let yuan = try XCTUnwrap(ConvertedAmount.yuanRate(from: usd))
        XCTAssertEqual(yuan.usdPerUnitE8, 14_497_796)
        let hundred = try ConvertedAmount.convert(try ConvertedAmount.parse("100", currency: "CNY"), at: yuan)
        XCTAssertEqual(hundred.usdCents, 1_450)
        XCTAssertEqual(hundred.yuanFen, 10_000)
        XCTAssertEqual(code { _ = try ConvertedAmount.parse("12.345", currency: "EUR") }, "amount:invalid_amount")
        XCTAssertEqual(code { _ = try ConvertedAmount.parse("0", currency: "EUR") }, "amount:not_positive")
        XCTAssertEqual(code { _ = try ConvertedAmount.parse("10", currency: "EURO") }, "currency:unknown_currency")
    }

    func testEveryCountryHasARegionAndTheBeltAndRoadListIsKnownCodes() {
        for c in Country.all { XCTAssertNotNil(WorldRegion.byCountry[c.alpha2], c.alpha2) }
        XCTAssertEqual(WorldRegion.of("DE"), .europe)
        XCTAssertEqual(WorldRegion.of("MM"), .asia)
        XCTAssertEqual(BeltAndRoad.defaultCountries.count, 65)
        XCTAssertTrue(BeltAndRoad.defaultCountries.allSatisfy { Country.named($0) != nil })
    }

    func testAlertsNeedACountryOrAnIndustry() {
        let none = RiskAlert(scope: AlertScope(countryCode: nil, industryCode: nil), title: Bilingual(zh: "t", en: "t"), body: Bilingual(zh: "b", en: "b"), cause: .officer, publishedOn: LocalDate(iso: "2025-01-01")!)
        XCTAssertEqual(code { try none.validate(countries: countries, industries: industries) }, "country:alert_scope")
        var industryOnly = none
        industryOnly.scope.industryCode = "70"
        XCTAssertNil(code { try industryOnly.validate(countries: countries, industries: industries) })
    }

    func testAHigherSinosureGradeIsADowngrade() {
        let before = CountryRisk(countryCode: "MM", grade: 6, political: 6, economic: 6, businessEnvironment: 6, legal: 6, sourceYear: 2020)
        var after = before; after.grade = 7; after.sourceYear = 2021
        XCTAssertTrue(after.worsens(before))
        XCTAssertFalse(before.worsens(after))
        XCTAssertFalse(after.worsens(nil))
        var bad = after; bad.legal = 10
        XCTAssertEqual(code { try bad.validate(countries: countries, today: LocalDate(iso: "2025-01-01")!) }, "legal:out_of_range")
    }
}
