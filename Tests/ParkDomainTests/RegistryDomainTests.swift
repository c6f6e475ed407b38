import ParkDomain
import XCTest

final class RegistryDomainTests: XCTestCase {
    func code(_ body: String) -> CreditCode { CreditCode.make(region: "320594", organisationBody: body)! }

    func enterprise(_ body: String = "MA1AAAA1") -> Enterprise {
        Enterprise(creditCode: code(body), nameZh: "苏州测试有限公司", nameEn: "Suzhou Test Co., Ltd.", industryCode: "27")
    }

    func testLanguageFromAcceptLanguage() {
        XCTAssertEqual(Language.from(acceptLanguage: nil), .zh)
        XCTAssertEqual(Language.from(acceptLanguage: "en-US,en;q=0.9"), .en)
        XCTAssertEqual(Language.from(acceptLanguage: "fr, en;q=0.5, zh-CN;q=0.8"), .zh)
        XCTAssertEqual(Language.from(acceptLanguage: "fr"), .zh)
        XCTAssertEqual(Language.from(acceptLanguage: "zh;q=0, en;q=0.1"), .en)
    }

    func testLocalDateParsesAndRejects() {
        XCTAssertEqual(LocalDate(iso: "2024-02-29")?.iso, "2024-02-29")
        XCTAssertNil(LocalDate(iso: "2023-02-29"))
        XCTAssertNil(LocalDate(iso: "1900-02-29"))
        XCTAssertEqual(LocalDate(iso: "2000-02-29")?.day, 29)
        XCTAssertNil(LocalDate(iso: "2024-13-01"))
        XCTAssertNil(LocalDate(iso: "2024-1-01"))
        XCTAssertLessThan(LocalDate(iso: "2024-01-31")!, LocalDate(iso: "2024-02-01")!)
        // 2024-06-30T16:30Z is 2024-07-01 00:30 in Asia/Shanghai (UTC+8)
        XCTAssertEqual(LocalDate(Date(timeIntervalSince1970: 1_719_765_000)).iso, "2024-07-01")
    }

    func testValidationNamesTheField() {
        let catalog = ReferenceCatalog.builtIn
        var e = enterprise()
        XCTAssertNoThrow(try e.validate(against: catalog))
        e.industryCode = "98"
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).field, "industry_code") }
        e = enterprise(); e.clusters = ["space"]
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).field, "clusters") }
        e = enterprise(); e.originCountry = "ZZ"
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).field, "origin_country") }
        e = enterprise(); e.originCountry = "DE"
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).code, "ownership_country") }
        e = enterprise(); e.nameZh = String(repeating: "长", count: 201)
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).code, "too_long") }
        e = enterprise(); e.nameZh = "  "
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).field, "name_zh") }
        e = enterprise(); e.employees = -1
        XCTAssertThrowsError(try e.validate(against: catalog)) { XCTAssertEqual(($0 as! DomainError).field, "employees") }
        e = enterprise(); e.foundedOn = LocalDate(iso: "2030-01-01")
        XCTAssertThrowsError(try e.validate(against: catalog, today: LocalDate(iso: "2026-11-21"))) {
            XCTAssertEqual(($0 as! DomainError).field, "founded_on")
        }
    }

    func testParkStatsCounts() {
        // given three firms: a foreign F500 R&D centre in two clusters, a domestic above-size one, an HK one
        var a = enterprise("MA1AAAA1"); a.ownership = .foreign; a.originCountry = "DE"; a.fortune500Parent = "Siemens AG"
        a.rdCentre = true; a.clusters = ["biomedicine", "ai"]
        var b = enterprise("MA1AAAA2"); b.aboveDesignatedSize = true
        var c = enterprise("MA1AAAA3"); c.ownership = .hongKongMacaoTaiwan; c.originCountry = "HK"; c.regionalHeadquarters = true
        c.clusters = ["ai"]
        // when
        let s = ParkStats([a, b, c])
        // then
        XCTAssertEqual(s.total, 3)
        XCTAssertEqual(s.foreignInvested, 2)
        XCTAssertEqual(s.fortune500, 1)
        XCTAssertEqual(s.rdCentres, 1)
        XCTAssertEqual(s.regionalHQs, 1)
        XCTAssertEqual(s.aboveSize, 1)
        XCTAssertEqual(s.byCluster, ["biomedicine": 1, "ai": 2])
        XCTAssertEqual(s.withoutCluster, 1)
        XCTAssertEqual(s.topCountries(5).map(\.code), ["DE", "HK"])
    }

    func testAuditDiffListsChangedFieldsOnly() {
        let changes = AuditDiff.changes(before: #"{"a":1,"b":"x","c":true,"d":["p","q"]}"#,
                                        after: #"{"a":1,"b":"y","c":false,"d":["p"],"e":null}"#)
        XCTAssertEqual(changes, [
            .init(field: "b", before: "x", after: "y"),
            .init(field: "c", before: "true", after: "false"),
            .init(field: "d", before: "p; q", after: "p"),
        ])
        XCTAssertEqual(AuditDiff.changes(before: nil, after: #"{"a":2}"#), [.init(field: "a", before: "", after: "2")])
    }

    func testAuditCanonicalTextIsLengthPrefixed() {
        // given two entries whose fields would collide if simply joined with "|"
        let e1 = AuditEntry(seq: 1, atMillis: 5, actorID: nil, actorName: "a|b", action: "c", entityType: "t", entityID: "1",
                            before: nil, after: nil, prevHash: AuditEntry.genesisHash, hash: "")
        let e2 = AuditEntry(seq: 1, atMillis: 5, actorID: nil, actorName: "a", action: "b|c", entityType: "t", entityID: "1",
                            before: nil, after: nil, prevHash: AuditEntry.genesisHash, hash: "")
        XCTAssertNotEqual(e1.canonicalText, e2.canonicalText)
        XCTAssertTrue(e1.canonicalText.hasPrefix("1:1|1:5|0:|3:a|b|"))
    }

    func testAReasonIsSealedAndAnEntryWithoutOneKeepsItsOldText() {
        // given
        var e = AuditEntry(seq: 2, atMillis: 7, actorID: nil, actorName: "econ", action: "update", entityType: "enterprise",
                           entityID: "x", before: "{}", after: "{}", prevHash: AuditEntry.genesisHash, hash: "")
        let old = e.canonicalText
        // then: the text of an entry without a reason is what it was before reasons existed
        XCTAssertEqual(old, "1:2|1:7|0:|4:econ|6:update|10:enterprise|1:x|2:{}|2:{}|64:\(AuditEntry.genesisHash)")
        // when a reason is added, changed or removed, the text (so the seal) differs
        e.reason = "年报更正"
        let withReason = e.canonicalText
        XCTAssertEqual(withReason, old + "|19:reason=年报更正")
        e.reason = "年报更改"
        XCTAssertNotEqual(e.canonicalText, withReason)
        e.reason = ""
        XCTAssertNotEqual(e.canonicalText, old, "an empty reason is not the same as none")
    }

    func testPrincipalScopes() {
        let own = UUID(), other = UUID()
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: own)
        XCTAssertTrue(firm.canRead(enterprise: own))
        XCTAssertFalse(firm.canRead(enterprise: other))
        XCTAssertThrowsError(try firm.requireStaff())
        XCTAssertThrowsError(try Principal(userID: nil, name: "o", role: .officer).requireAdmin())
        XCTAssertNoThrow(try Principal.system().requireAdmin())
        XCTAssertThrowsError(try AccountRules.validate(username: "a b"))
        XCTAssertThrowsError(try AccountRules.validate(password: "short"))
        XCTAssertNoThrow(try AccountRules.validate(password: "long-enough"))
    }
}
