import XCTest
@testable import ParkDomain

final class EnterpriseCSVTests: XCTestCase {
    let catalog = ReferenceCatalog(industryDivisions: ["27", "39", "65", "73"],
                                   clusters: Set(Cluster.defaults.map(\.code)),
                                   countries: ["CN", "US", "DE", "JP", "HK", "SG"])
    let today = LocalDate(year: 2025, month: 6, day: 1)!
    let header = "credit_code,name_zh,name_en,industry_code"

    /// A valid code with organisation body MA1nnnnn (all characters in the GB 32100 set).
    func code(_ n: Int) -> CreditCode {
        CreditCode.make(region: "320594", organisationBody: String(format: "MA1%05d", n))!
    }

    func decode(_ text: String, existing: Set<String> = []) -> EnterpriseImport {
        EnterpriseCSV.decode(Data(text.utf8), catalog: catalog, today: today, existingCodes: existing)
    }

    func errors(_ result: EnterpriseImport) -> [String] {
        result.errors.map { "\($0.row)|\($0.column ?? "-")|\($0.code)" }
    }

    // MARK: reading

    func testMinimalFileTakesDefaults() throws {
        // given only the required columns, with spaces and a lower-case code
        let text = "\(header)\n \(code(1).value.lowercased()) , 信达生物 ,Innovent, C27 \n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.rowCount, 1)
        XCTAssertEqual(result.encoding, .utf8)
        let e = try XCTUnwrap(result.enterprises.first)
        XCTAssertEqual(e.creditCode, code(1))
        XCTAssertEqual(e.nameZh, "信达生物")
        XCTAssertEqual(e.industryCode, "27")
        XCTAssertEqual(e.ownership, .domestic)
        XCTAssertEqual(e.originCountry, "CN")
        XCTAssertEqual([e.regionalHeadquarters, e.rdCentre, e.aboveDesignatedSize], [false, false, false])
        XCTAssertNil(e.listing); XCTAssertNil(e.employees); XCTAssertNil(e.foundedOn); XCTAssertNil(e.fortune500Parent)
    }

    func testBooleanSpellingsAndFourDigitIndustryClass() throws {
        // given
        let text = "\(header),regional_hq,rd_centre,above_designated_size\n"
            + "\(code(1).value),甲,A,2710,是,Y,1\n\(code(2).value),乙,B,27,否,no,FALSE\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.enterprises.map(\.regionalHeadquarters), [true, false])
        XCTAssertEqual(result.enterprises.map(\.rdCentre), [true, false])
        XCTAssertEqual(result.enterprises.map(\.aboveDesignatedSize), [true, false])
        XCTAssertEqual(result.enterprises.map(\.industryCode), ["27", "27"])
    }

    func testSQLAndHTMLAreKeptAsPlainText() throws {
        // given
        let text = "\(header),address\n\(code(1).value),\"Robert'); DROP TABLE enterprises;--\","
            + "<script>alert(1)</script>,27,<b>星湖街</b>\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.enterprises.first?.nameZh, "Robert'); DROP TABLE enterprises;--")
        XCTAssertEqual(result.enterprises.first?.nameEn, "<script>alert(1)</script>")
        XCTAssertEqual(result.enterprises.first?.address, "<b>星湖街</b>")
    }

    func testGB18030File() throws {
        // given a row whose name_zh is "苏州" in GBK bytes
        let data = Data(Array("\(header)\n\(code(1).value),".utf8) + [0xCB, 0xD5, 0xD6, 0xDD]
                        + Array(",Suzhou,27\n".utf8))
        // when
        let result = EnterpriseCSV.decode(data, catalog: catalog, today: today)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.encoding, .gb18030)
        XCTAssertEqual(result.enterprises.first?.nameZh, "苏州")
    }

    // MARK: file-level errors

    func testFileOverTheLimit() {
        // given
        let data = Data(repeating: 0x41, count: EnterpriseCSV.maxBytes + 1)
        // when
        let result = EnterpriseCSV.decode(data, catalog: catalog, today: today)
        // then
        XCTAssertEqual(errors(result), ["0|-|too_large"])
    }

    func testUndecodableFile() {
        // given
        let data = Data([0x41, 0x80, 0xFF])
        // when
        let result = EnterpriseCSV.decode(data, catalog: catalog, today: today)
        // then
        XCTAssertEqual(errors(result), ["0|-|encoding"])
        XCTAssertTrue(result.errors[0].message.en.contains("CSV UTF-8"))
    }

    func testEmptyFile() {
        // given / when
        let result = decode("\n\n")
        // then
        XCTAssertEqual(errors(result), ["0|-|empty_file"])
    }

    func testUnbalancedQuotes() {
        // given a quote opened on line 3
        let text = "\(header)\n\(code(1).value),a,b,27\n\(code(2).value),\"open,b,27\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(errors(result), ["3|-|unbalanced_quotes"])
        XCTAssertTrue(result.enterprises.isEmpty)
    }

    func testTextAfterClosingQuote() {
        // given
        let text = "\(header)\n\(code(1).value),\"a\"x,b,27\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(errors(result), ["2|-|text_after_quote"])
    }

    func testUnknownDuplicateAndMissingHeaderColumns() {
        // given a typo (suggested), an unrelated name (not), a duplicate, no industry_code
        let text = "credit_code,name_zh,name_en,industy_code,colour,name_zh\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(errors(result), ["1|industy_code|unknown_column", "1|colour|unknown_column",
                                        "1|name_zh|duplicate_column", "1|industry_code|missing_column"])
        XCTAssertEqual(result.errors[0].message.en, "unknown column 'industy_code'; did you mean 'industry_code'?")
        XCTAssertEqual(result.errors[1].message.en, "unknown column 'colour'")
    }

    // MARK: row errors

    func testEveryRowErrorIsCollectedWithRowAndColumn() {
        // given one fault per row (rows 2–12); row 4 is preceded by a two-line address
        let c = (1...12).map { code($0).value }
        let bad = String(c[6].dropLast()) + (c[6].last == "0" ? "1" : "0")
        let text = """
        credit_code,name_zh,name_en,industry_code,clusters,ownership,origin_country,regional_hq,employees,founded_on,listing,address
        \(c[0]),甲,A,27,,,,maybe,,,,"two
        lines"
        \(c[1]),乙,B,27,,,,,12.5,,,
        \(c[2]),丙,C,27,,,,,,2020/01/05,,
        \(c[3]),丁,D,27,,state,,,,,,
        \(c[4]),戊,E,27,,,,,,,lse,
        \(c[5]),己,F,X1,,,,,,,,
        \(bad),庚,G,27,,,,,,,,
        \(c[7]),辛,H,13,,,,,,,,
        \(c[8]),壬,I,27,fintech,,,,,,,
        \(c[9]),癸,J,27,,domestic,US,,,,,
        \(c[10]),子,K,27,,,,,-1,2030-01-01,,
        \(c[11]),,L,27,,,,,,,,
        ,丑,M,27,,foreign,XX,,,,,
        1,2,3
        """
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(errors(result), [
            "2|regional_hq|invalid_boolean", "4|employees|invalid_integer", "5|founded_on|invalid_date",
            "6|ownership|unknown_ownership", "7|listing|unknown_listing", "8|industry_code|unknown_industry",
            "9|credit_code|credit_code_check", "10|industry_code|unknown_industry", "11|clusters|unknown_cluster",
            "12|origin_country|ownership_country", "13|employees|out_of_range", "14|name_zh|required",
            "15|credit_code|required", "15|origin_country|unknown_country", "16|-|column_count",
        ])
        XCTAssertEqual(result.errors.last?.message.en, "row 16 has 3 columns, the header has 12")
        XCTAssertEqual(result.rowCount, 14)
        XCTAssertTrue(result.enterprises.isEmpty, "all-or-nothing: no enterprise when there are errors")
    }

    func testSeveralFieldErrorsInOneRow() {
        // given a bad flag, a bad number and a bad date on row 2
        let text = "\(header),rd_centre,employees,founded_on\n\(code(1).value),甲,A,27,perhaps,many,yesterday\n"
        // when
        let result = decode(text)
        // then
        XCTAssertEqual(errors(result), ["2|rd_centre|invalid_boolean", "2|employees|invalid_integer",
                                        "2|founded_on|invalid_date"])
    }

    func testDuplicateWithinFileAndAlreadyRegistered() {
        // given code 1 on rows 2 and 4, code 2 already in the register
        let text = "\(header)\n\(code(1).value),甲,A,27\n\(code(2).value),乙,B,27\n\(code(1).value),丙,C,27\n"
        // when
        let result = decode(text, existing: [code(2).value])
        // then
        XCTAssertEqual(errors(result), ["3|credit_code|already_registered", "4|credit_code|duplicate_in_file"])
        XCTAssertEqual(result.errors[1].message.en, "credit code \(code(1).value) is also on row 2")
    }

    // MARK: writing

    func sampleEnterprises() -> [Enterprise] {
        [
            Enterprise(creditCode: code(1), nameZh: "信达生物制药（苏州）有限公司", nameEn: "Innovent Biologics, Inc.",
                       industryCode: "27", clusters: ["biomedicine", "ai"], ownership: .jointVenture,
                       originCountry: "US", fortune500Parent: "Eli \"Lilly\"", regionalHeadquarters: true,
                       rdCentre: true, listing: .hkex, aboveDesignatedSize: true, employees: 2_400,
                       foundedOn: LocalDate(year: 2011, month: 8, day: 26), address: "苏州工业园区东平街 168 号\n2 栋"),
            Enterprise(creditCode: code(2), nameZh: "=HYPERLINK(\"http://x\")", nameEn: "-minus, +plus",
                       industryCode: "39", ownership: .foreign, originCountry: "DE", listing: .sseStar,
                       employees: 0, address: "@home"),
            Enterprise(creditCode: code(3), nameZh: "'quoted", nameEn: "", industryCode: "65",
                       ownership: .hongKongMacaoTaiwan, originCountry: "HK"),
            Enterprise(creditCode: code(4), nameZh: "苏州纳米所", nameEn: "Nano", industryCode: "73"),
        ]
    }

    func testRoundTrip() {
        // given
        let original = sampleEnterprises()
        // when
        let back = EnterpriseCSV.decode(EnterpriseCSV.exportData(original), catalog: catalog, today: today)
        // then
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.enterprises, original)
    }

    func testEncodeUsesColumnOrderAndGuardsFormulas() {
        // given
        let enterprises = Array(sampleEnterprises()[1...1])
        // when
        let lines = EnterpriseCSV.encode(enterprises).split(separator: "\n")
        // then
        XCTAssertEqual(String(lines[0]), EnterpriseCSV.columns.joined(separator: ","))
        XCTAssertEqual(String(lines[1]), "\(code(2).value),\"'=HYPERLINK(\"\"http://x\"\")\",\"'-minus, +plus\",39,,"
                       + "foreign,DE,,false,false,sse_star,false,0,,'@home")
    }

    func testTemplateIsTheHeaderAndDecodesToNothing() {
        // given / when
        let template = EnterpriseCSV.template()
        let result = decode(template)
        // then
        XCTAssertEqual(template, EnterpriseCSV.columns.joined(separator: ",") + "\n")
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.rowCount, 0)
    }

    func testTwentyThousandRows() {
        // given
        let enterprises = (1...20_000).map {
            Enterprise(creditCode: code($0), nameZh: "企业\($0)", nameEn: "Company \($0)", industryCode: "39",
                       clusters: ["electronics"], employees: $0)
        }
        let data = Data(EnterpriseCSV.encode(enterprises).utf8)
        var calls: [Int] = []
        // when
        let result = EnterpriseCSV.decode(data, catalog: catalog, today: today) { done, total in
            XCTAssertEqual(total, 20_000)
            calls.append(done)
        }
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.rowCount, 20_000)
        XCTAssertEqual(result.enterprises, enterprises)
        XCTAssertEqual(calls, Array(stride(from: 1_000, through: 20_000, by: 1_000)))
    }
}
