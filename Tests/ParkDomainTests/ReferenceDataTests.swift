import XCTest
import ParkDomain

final class ReferenceDataTests: XCTestCase {

    // MARK: GB/T 4754-2017

    func testIndustryClassificationHasTwentySectionsAndNinetySevenDivisions() {
        // given
        let sections = IndustryClassification.sections
        let divisions = IndustryClassification.divisions

        // when
        let sectionCodes = sections.map(\.code)
        let divisionCodes = divisions.map(\.code)

        // then
        XCTAssertEqual(sections.count, 20)
        XCTAssertEqual(sectionCodes, "ABCDEFGHIJKLMNOPQRST".map(String.init))
        XCTAssertEqual(divisions.count, 97)
        XCTAssertEqual(divisionCodes, (1...97).map { $0 < 10 ? "0\($0)" : "\($0)" })
    }

    func testEveryDivisionBelongsToAKnownSectionAndEverySectionHasDivisions() {
        // given
        let sectionCodes = Set(IndustryClassification.sections.map(\.code))

        // when
        let used = Set(IndustryClassification.divisions.map(\.section))

        // then
        XCTAssertEqual(used, sectionCodes)
        for d in IndustryClassification.divisions {
            XCTAssertFalse(d.name.zh.isEmpty, d.code)
            XCTAssertFalse(d.name.en.isEmpty, d.code)
        }
        for s in IndustryClassification.sections {
            XCTAssertFalse(s.name.zh.isEmpty, s.code)
            XCTAssertFalse(s.name.en.isEmpty, s.code)
        }
    }

    func testKnownDivisionsHaveTheirOfficialNamesAndSections() {
        // given
        let cases: [(String, String, String)] = [
            ("01", "A", "农业"), ("13", "C", "农副食品加工业"), ("27", "C", "医药制造业"),
            ("39", "C", "计算机、通信和其他电子设备制造业"), ("65", "I", "软件和信息技术服务业"),
            ("73", "M", "研究和试验发展"), ("79", "N", "土地管理业"), ("97", "T", "国际组织"),
        ]

        for (code, section, zh) in cases {
            // when
            let division = IndustryClassification.division(code)

            // then
            XCTAssertEqual(division?.section, section, code)
            XCTAssertEqual(division?.name.zh, zh, code)
        }
        XCTAssertEqual(IndustryClassification.division("27")?.name.en, "Manufacture of medicines")
        XCTAssertNil(IndustryClassification.division("98"))
        XCTAssertNil(IndustryClassification.division("C27"))
    }

    func testNormaliseAcceptsDivisionGroupAndClassCodesWithOrWithoutSection() {
        // given
        let inputs = ["27", "C27", "c27", "2710", "271", "C2710", " 27 ", "c2710\n"]

        for raw in inputs {
            // when
            let code = IndustryClassification.normalise(raw)

            // then
            XCTAssertEqual(code, "27", "'\(raw)'")
        }
        XCTAssertEqual(IndustryClassification.normalise("01"), "01")
        XCTAssertEqual(IndustryClassification.normalise("A0111"), "01")
        XCTAssertEqual(IndustryClassification.normalise("i6510"), "65")
        XCTAssertEqual(IndustryClassification.normalise("97"), "97")
    }

    func testNormaliseRejectsUnknownOrMalformedCodes() {
        // given
        let inputs = ["", " ", "2", "7", "00", "98", "99", "A27", "X27", "27a", "C", "12345", "2-7", "二七", "C2 7"]

        for raw in inputs {
            // when
            let code = IndustryClassification.normalise(raw)

            // then
            XCTAssertNil(code, "'\(raw)' should not normalise")
        }
    }

    // MARK: ISO 3166-1

    func testCountriesHaveAll249UniqueAlpha2Codes() {
        // given
        let all = Country.all

        // when
        let codes = all.map(\.alpha2)

        // then
        XCTAssertEqual(all.count, 249)
        XCTAssertEqual(Set(codes).count, 249)
        XCTAssertEqual(codes, codes.sorted())
        for c in all {
            XCTAssertEqual(c.alpha2.count, 2, c.alpha2)
            XCTAssertTrue(c.alpha2.allSatisfy { $0.isASCII && $0.isUppercase }, c.alpha2)
            XCTAssertFalse(c.name.en.isEmpty, c.alpha2)
            XCTAssertFalse(c.name.zh.isEmpty, c.alpha2)
        }
    }

    func testCountryLookupByCodeIsCaseInsensitive() {
        // given
        let codes = ["CN", "us", "De", "jp", "XX", ""]

        // when
        let found = codes.map { Country.named($0) }

        // then
        XCTAssertEqual(found[0]?.name, Bilingual(zh: "中国", en: "China"))
        XCTAssertEqual(found[1]?.name.en, "United States")
        XCTAssertEqual(found[1]?.name.zh, "美国")
        XCTAssertEqual(found[2]?.name.zh, "德国")
        XCTAssertEqual(found[3]?.name.en, "Japan")
        XCTAssertNil(found[4])
        XCTAssertNil(found[5])
        XCTAssertEqual(Country.named("KR")?.name.zh, "韩国")
        XCTAssertEqual(Country.named("SG")?.name.zh, "新加坡")
        XCTAssertNotNil(Country.named("HK"))
        XCTAssertNotNil(Country.named("MO"))
        XCTAssertNotNil(Country.named("TW"))
    }

    func testBuiltInCatalogIsMadeOfTheReferenceData() {
        // given
        let catalog = ReferenceCatalog.builtIn

        // when
        let counts = (catalog.industryDivisions.count, catalog.clusters.count, catalog.countries.count)

        // then
        XCTAssertEqual(counts.0, 97)
        XCTAssertEqual(counts.1, Cluster.defaults.count)
        XCTAssertEqual(counts.2, 249)
        XCTAssertTrue(catalog.industryDivisions.contains("27"))
        XCTAssertTrue(catalog.countries.contains("CN"))
    }
}
