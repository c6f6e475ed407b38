@testable import ParkDomain
import XCTest

final class CreditCodeTests: XCTestCase {
    func testAcceptsAPublishedCode() throws {
        // given Huawei Technologies' published code (organisation code 19220382-1)
        // when
        let code = try CreditCode("914403001922038216")
        // then
        XCTAssertEqual(code.value, "914403001922038216")
        XCTAssertEqual(code.region, "440300")
    }

    func testCheckCharacterHandComputed() {
        // given 9 1 3 2 0 5 9 4 6 0 8 2 6 1 5 7 5 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
        // 9 + 3 + 27 + 54 + 0 + 130 + 144 + 68 + 120 + 0 + 200 + 26 + 48 + 24 + 50 + 210 + 140 = 1253
        // 1253 mod 31 = 13 (31·40 = 1240); 31 − 13 = 18 → alphabet[18] = 'J' (0–9, A–H, then J)
        // when
        let check = CreditCode.checkCharacter(for: "91320594608261575")
        // then
        XCTAssertEqual(check, "J")
        XCTAssertEqual(CreditCode.alphabet.count, 31)
    }

    func testOrganisationCheckHandComputed() {
        // given 60826157 with weights 3 7 9 10 5 8 4 2: 18 + 0 + 72 + 20 + 30 + 8 + 20 + 14 = 182;
        // 182 mod 11 = 6; 11 − 6 = 5
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "60826157"), "5")
        // letters count 10…35: 0000000A → 10·2 = 20; 20 mod 11 = 9; 11 − 9 = 2
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "0000000A"), "2")
        // 00000001 → 1·2 = 2; 11 − 2 = 9
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "00000001"), "9")
        // 00010000 → 1·10 = 10; 11 − 10 = 1
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "00010000"), "1")
        // 00000030 → 3·4 = 12; 12 mod 11 = 1; 11 − 1 = 10 → X
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "00000030"), "X")
        // Σ mod 11 = 0 → 11 → '0'
        XCTAssertEqual(CreditCode.organisationCheckCharacter(for: "00000000"), "0")
    }

    func testRejectsWrongLengthWithCount() {
        XCTAssertThrowsError(try CreditCode("91320594608261575")) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "credit_code_length")
            XCTAssertEqual(e.field, "credit_code")
            XCTAssertTrue(e.message.en.contains("found 17"), e.message.en)
        }
    }

    func testRejectsLetterOutsideTheSetWithPosition() {
        // given an I (excluded from GB 32100's set) at position 10
        XCTAssertThrowsError(try CreditCode("913205946I8261575J")) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "credit_code_character")
            XCTAssertTrue(e.message.en.contains("position 10"), e.message.en)
        }
    }

    func testRejectsWrongCheckCharacterNamingTheExpectedOne() {
        // given Huawei's code with its check character changed from 6 to 7
        XCTAssertThrowsError(try CreditCode("914403001922038217")) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "credit_code_check")
            XCTAssertTrue(e.message.en.contains("expected '6'"), e.message.en)
            XCTAssertTrue(e.message.zh.contains("应为“6”"), e.message.zh)
        }
    }

    func testRejectsEmbeddedOrganisationCodeWithWrongCheck() throws {
        // given an organisation code 60826157-4 (should be -5) with a correct GB 32100 check character
        let first17 = "91320594608261574"
        let check = try XCTUnwrap(CreditCode.checkCharacter(for: first17))
        // when / then
        XCTAssertThrowsError(try CreditCode(first17 + String(check))) { error in
            let e = error as! DomainError
            XCTAssertEqual(e.code, "organisation_code_check")
            XCTAssertTrue(e.message.en.contains("expected '5'"), e.message.en)
        }
    }

    func testMakeBuildsValidCodesAndNormalisesInput() throws {
        let made = try XCTUnwrap(CreditCode.make(region: "320594", organisationBody: "MA1XK3P2"))
        XCTAssertEqual(made.region, "320594")
        XCTAssertEqual(try CreditCode(" " + made.value.lowercased() + " "), made)
    }

    func testDecodingValidates() {
        XCTAssertThrowsError(try JSONDecoder().decode([CreditCode].self, from: Data(#"["123"]"#.utf8)))
    }
}

/// The byte-level check every stored code takes agrees with the general path on valid codes and
/// on every one-character change of them (a wrong check character, a letter outside GB 32100,
/// lower case, a space, a Chinese character, one character more or fewer).
final class CreditCodeFastPathTests: XCTestCase {
    func testTheFastPathAcceptsExactlyWhatTheGeneralPathAcceptsAsIs() throws {
        var g = SeededGenerator(seed: 32100)
        let replacements = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa z中")
        var checked = 0, accepted = 0
        for _ in 0..<400 {
            let body = String((0..<8).map { _ in CreditCode.alphabet[g.below(CreditCode.alphabet.count)] })
            guard let valid = CreditCode.make(region: "320594", organisationBody: body) else { continue }
            var variants = [valid.value, String(valid.value.dropLast()), valid.value + "0", " " + valid.value]
            for _ in 0..<20 {
                var chars = Array(valid.value)
                chars[g.below(18)] = replacements[g.below(replacements.count)]
                variants.append(String(chars))
            }
            for v in variants {
                let general = (try? CreditCode.validated(v)).map { $0 == v } ?? false
                XCTAssertEqual(CreditCode.isValidAsIs(v), general, v)
                XCTAssertEqual(try? CreditCode(v).value, try? CreditCode.validated(v), v)
                checked += 1; if general { accepted += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 8000)
        XCTAssertGreaterThanOrEqual(accepted, 400, "valid codes and harmless changes (a character replaced by itself) are in the sample")
    }
}
