@testable import ParkServer
import ParkDomain
import XCTest

final class TextsTests: XCTestCase {
    static func han(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } }

    static func placeholders(_ s: String) -> [String] {
        s.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) }.sorted()
    }

    /// Every key of every catalogue in both languages: none empty, none equal to its key, the
    /// two texts different (unless listed), no Chinese in English texts (unless a name with no
    /// English form is listed), Chinese in Chinese texts, the same placeholders in both.
    func testEveryKeyOfEveryCatalogueIsWrittenInBothLanguages() {
        var problems: [String] = []
        var keys = 0
        for catalogue in TextCatalogues.all {
            for (key, text) in catalogue.entries {
                keys += 1
                let name = String(key.split(separator: ".").last ?? "")
                let zh = text.zh.trimmingCharacters(in: .whitespaces), en = text.en.trimmingCharacters(in: .whitespaces)
                if zh.isEmpty { problems.append("\(key): no Chinese text") }
                if en.isEmpty { problems.append("\(key): no English text") }
                // a raw key shown as text: in Chinese always wrong; in English when the key is code-like (camelCase)
                if zh == name || (en == name && name.contains(where: \.isUppercase)) { problems.append("\(key): the text is its key") }
                if zh == en && !catalogue.sameInBothLanguages.contains(name) { problems.append("\(key): not translated (\(en))") }
                if Self.han(en) && !catalogue.chineseInEnglish.contains(name) { problems.append("\(key): Chinese in the English text: \(en)") }
                if !Self.han(zh) && !catalogue.sameInBothLanguages.contains(name) && !catalogue.chineseInEnglish.contains(name) {
                    problems.append("\(key): no Chinese in the Chinese text: \(zh)")
                }
                if Self.placeholders(zh) != Self.placeholders(en) { problems.append("\(key): placeholders differ: \(zh) / \(en)") }
            }
        }
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThan(keys, 500, "the catalogues were not all walked")
    }

    func testTheCatalogueTestFindsAnUntranslatedKey() {
        enum Broken: TextCatalogue {
            case fine, untranslated, chineseInEnglish, placeholders
            var text: Bilingual {
                switch self {
                case .fine: B("首页", "Home")
                case .untranslated: B("Home", "Home")
                case .chineseInEnglish: B("首页", "首页 Home")
                case .placeholders: B("共 {n} 家", "{total} firms")
                }
            }
        }
        let bad = Broken.entries.filter { k, t in
            t.zh == t.en || Self.han(t.en) || Self.placeholders(t.zh) != Self.placeholders(t.en)
        }.map(\.key)
        XCTAssertEqual(bad, ["Broken.untranslated", "Broken.chineseInEnglish", "Broken.placeholders"])
        XCTAssertEqual(Broken.placeholders(.zh, ["n": "3"]), "共 3 家")
    }

    func testEveryAuditFieldAndRecordNameIsTranslated() {
        let han = Self.han
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
