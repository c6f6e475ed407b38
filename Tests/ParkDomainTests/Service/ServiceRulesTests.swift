import Foundation
import ParkDomain
import XCTest

final class ServiceRulesTests: XCTestCase {
    func testAttachmentsAreCheckedBySizeNameAndContent() throws {
        let pdf = Data("%PDF-1.7\n...".utf8)
        XCTAssertEqual(try AttachmentRules.check(filename: "permit.pdf", data: pdf), .pdf)
        XCTAssertEqual(try AttachmentRules.check(filename: "photo.JPG", data: Data([0xFF, 0xD8, 0xFF, 0xE0, 1])), .jpeg)
        func refusal(_ name: String, _ data: Data) -> DomainError? {
            do { _ = try AttachmentRules.check(filename: name, data: data); return nil } catch { return error }
        }
        XCTAssertEqual(refusal("tool.exe", Data("MZ".utf8))?.code, "file_type")
        XCTAssertEqual(refusal("fake.pdf", Data("MZ\u{90}".utf8))?.code, "file_content")
        XCTAssertEqual(refusal("big.pdf", Data(count: AttachmentRules.maxBytes + 1))?.code, "too_large")
        XCTAssertEqual(refusal("big.pdf", Data(count: AttachmentRules.maxBytes + 1))?.field, "file")
        XCTAssertEqual(refusal("empty.pdf", Data())?.code, "empty_file")
        XCTAssertEqual(refusal("../x.pdf", pdf)?.field, "filename")
    }

    func testRatingsAre1To5() throws {
        XCTAssertTrue(try ServiceRating(stars: 4, comment: "ok").satisfied)
        XCTAssertFalse(try ServiceRating(stars: 3, comment: "").satisfied)
        for bad in [0, 6, -1] {
            XCTAssertThrowsError(try ServiceRating(stars: bad, comment: "")) { XCTAssertEqual(($0 as? DomainError)?.field, "rating") }
        }
    }

    func testDraftIsTrimmedAndChecked() throws {
        let id = UUID()
        let ok = try RequestDraft(enterpriseID: id, categoryCode: "tax", title: "  进口牛血清  ", description: "x", contactName: "王",
                                  contactPhone: "+86 512-6666 0000").validated()
        XCTAssertEqual(ok.title, "进口牛血清")
        XCTAssertThrowsError(try RequestDraft(enterpriseID: id, categoryCode: "tax", title: " ", description: "x", contactName: "王",
                                              contactPhone: "1").validated()) { XCTAssertEqual(($0 as? DomainError)?.field, "title") }
        XCTAssertThrowsError(try RequestDraft(enterpriseID: id, categoryCode: "tax", title: "t", description: "x", contactName: "王",
                                              contactPhone: "call me").validated()) { XCTAssertEqual(($0 as? DomainError)?.field, "contact_phone") }
        XCTAssertThrowsError(try RequestDraft(enterpriseID: id, categoryCode: "tax", title: String(repeating: "长", count: 201), description: "x",
                                              contactName: "王", contactPhone: "1").validated()) { XCTAssertEqual(($0 as? DomainError)?.code, "too_long") }
    }

    func testCatalogueDefaultsAreValidAndLimitsAreChecked() throws {
        let departments: Set<String> = ["land", "econ", "invest", "tax", "customs", "market", "health", "service"]
        for c in ServiceCatalogue.defaults { try c.validate(departments: departments) }
        var bad = ServiceCatalogue.defaults[0]
        bad.resolveDays = 40
        XCTAssertThrowsError(try bad.validate(departments: departments)) { XCTAssertEqual(($0 as? DomainError)?.code, "limits_order") }
        bad = ServiceCatalogue.defaults[0]; bad.leadDepartment = "nasa"
        XCTAssertThrowsError(try bad.validate(departments: departments)) { XCTAssertEqual(($0 as? DomainError)?.field, "lead_department") }
    }

    func testFTS5QueryFromBothLanguages() {
        XCTAssertEqual(SimilarityQuery.fts5("进口牛血清"), #""进口牛" OR "口牛血" OR "牛血清""#)
        XCTAssertEqual(SimilarityQuery.fts5("Serum import"), #""ser" OR "eru" OR "rum" OR "imp" OR "mpo" OR "por" OR "ort""#)
        XCTAssertNil(SimilarityQuery.fts5("a b 税"))
        XCTAssertEqual(SimilarityQuery.fts5(#"ab"c""#), nil, "quotes are not part of words")
    }

    func testStatsRatesFollowTheirDefinitions() {
        var r = ServiceStatsRow(key: "customs")
        r.received = 8; r.accepted = 8; r.acceptedInTime = 6; r.resolved = 5; r.resolvedInTime = 4
        r.rated = 4; r.ratingSum = 17; r.satisfied = 3; r.reopened = 1
        XCTAssertEqual(r.acceptedInTimeRate, 0.75)
        XCTAssertEqual(r.resolutionRate, 0.625)
        XCTAssertEqual(r.resolvedInTimeRate, 0.8)
        XCTAssertEqual(r.satisfactionRate, 0.75)
        XCTAssertEqual(r.averageRating, 4.25)
        XCTAssertEqual(r.reopenedShare, 0.2)
        XCTAssertNil(ServiceStatsRow(key: "x").averageRating)
        let t = ServiceStatsRow.total([r, r])
        XCTAssertEqual(t.received, 16); XCTAssertEqual(t.averageRating, 4.25)
    }
}
