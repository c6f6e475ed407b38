@testable import ParkServer
import ParkDomain
import XCTest

final class TextsTests: XCTestCase {
    /// Keys whose two languages may legitimately read the same (none today).
    static let sameInBothLanguages: Set<String> = []

    func testEveryConsoleTextHasBothLanguagesAndIsTranslated() {
        for t in T.allCases {
            // when
            let zh = t(.zh), en = t(.en)
            // then
            XCTAssertFalse(zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(t) has no Chinese text")
            XCTAssertFalse(en.trimmingCharacters(in: .whitespaces).isEmpty, "\(t) has no English text")
            if !Self.sameInBothLanguages.contains("\(t)") {
                XCTAssertNotEqual(zh, en, "\(t) is not translated")
            }
        }
    }

    func testChineseTextsContainChineseAndEnglishTextsDoNot() {
        for t in T.allCases {
            // given
            let han = { (s: String) in s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
            // then
            XCTAssertTrue(han(t(.zh)) || t == .switchLanguage, "\(t) zh: \(t(.zh))")
            XCTAssertFalse(han(t(.en)) && t != .switchLanguage, "\(t) en: \(t(.en))")
        }
    }

    func testEveryAuditFieldAndRecordNameIsTranslated() {
        let han = { (s: String) in s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        for (key, name) in AuditFieldNames.names {
            XCTAssertTrue(han(name.zh), "\(key) zh: \(name.zh)")
            XCTAssertFalse(han(name.en) || name.en.isEmpty, "\(key) en: \(name.en)")
        }
        // the fields of the records the demo park audits (read from its trail)
        let fields: [String: [String]] = [
            "lease": ["auction", "commitments", "contract", "enterpriseID", "extensionYears", "id", "parcelID", "state"],
            "parcel": ["boundary", "code", "declaredAreaM2", "id", "landUse", "planning", "subArea"],
            "permu_scheme": ["declaredWeightTotal", "grading", "groups", "name", "onlyHighestPunitiveTariff", "scope", "treatments", "version", "year"],
            "performance_report": ["averageEmployees", "custom", "electricityKWh", "emissionsTonnes", "energyTonnesCoal", "investmentToDateYuan",
                                   "productionStartDate", "rdSpendYuan", "revenueYuan", "source", "taxPaidYuan", "valueAddedYuan", "verification", "year"],
            "assessment_ruleset": ["fullExtensionMinScore", "mandatoryRequiredForFull", "name", "ratioCap", "shortExtensionMinScore",
                                   "shortExtensionYears", "version", "windowMonths"],
        ]
        for (entity, keys) in fields {
            XCTAssertNotEqual(AuditLabels.entity(entity, .zh), entity)
            for key in keys {
                XCTAssertNotEqual(AuditLabels.field(key, entity: entity, .zh), key, "\(entity).\(key)")
                XCTAssertNotEqual(AuditLabels.field(key, entity: entity, .en), key, "\(entity).\(key)")
            }
        }
    }

    func testAuditValuesThatAreCodesAreShownByName() {
        XCTAssertEqual(AuditLabels.value("foreign", field: "ownership", entity: "enterprise", .zh), "外资")
        XCTAssertEqual(AuditLabels.value("DE", field: "originCountry", entity: "enterprise", .en), "Germany (DE)")
        XCTAssertEqual(AuditLabels.value("in_production", field: "state", entity: "lease", .en), "In production")
        XCTAssertEqual(AuditLabels.value("self_reported", field: "source", entity: "performance_report", .zh), "企业自报")
        XCTAssertEqual(AuditLabels.value("abc", field: "source", entity: "policy", .zh), "abc", "a policy's source is its text")
        XCTAssertEqual(AuditLabels.value("true", field: "rdCentre", entity: "enterprise", .zh), "是")
    }
}
