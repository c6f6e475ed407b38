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
}
