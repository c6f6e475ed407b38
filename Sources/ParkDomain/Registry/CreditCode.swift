/// A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a
/// 31-character set; characters 3–8 are the region code, 9–17 the organisation code
/// (GB 11714), 18 the check character.
public struct CreditCode: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let value: String

    /// The 31 characters of GB 32100 (no I, O, S, V, Z), in value order 0…30.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// Validates `raw` (surrounding spaces are ignored, letters are upper-cased).
    public init(_ raw: String) throws(DomainError) {
        value = Self.isValidAsIs(raw) ? raw : try Self.validated(raw)
    }

    /// The general path: trims, upper-cases and checks `raw`, naming what is wrong.
    static func validated(_ raw: String) throws(DomainError) -> String {
        let code = raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let chars = Array(code)
        guard chars.count == 18 else {
            throw DomainError(code: "credit_code_length", field: "credit_code",
                              en: "credit code must have 18 characters, found \(chars.count)",
                              zh: "统一社会信用代码应为 18 位，实际为 \(chars.count) 位")
        }
        for (i, c) in chars.enumerated() where Self.alphabet.firstIndex(of: c) == nil {
            throw DomainError(code: "credit_code_character", field: "credit_code",
                              en: "credit code has a character not allowed by GB 32100 at position \(i + 1): '\(c)'",
                              zh: "统一社会信用代码第 \(i + 1) 位字符“\(c)”不符合 GB 32100")
        }
        let expected = Self.checkCharacter(for: String(chars[0..<17]))!
        guard chars[17] == expected else {
            throw DomainError(code: "credit_code_check", field: "credit_code",
                              en: "credit code check character is '\(chars[17])', expected '\(expected)'",
                              zh: "统一社会信用代码校验位为“\(chars[17])”，应为“\(expected)”")
        }
        let org = String(chars[8..<17])
        if let orgExpected = Self.organisationCheckCharacter(for: String(org.prefix(8))),
           Self.followsGB11714(org), org.last! != orgExpected {
            throw DomainError(code: "organisation_code_check", field: "credit_code",
                              en: "embedded organisation code \(org) has check character '\(org.last!)', expected '\(orgExpected)' (GB 11714)",
                              zh: "内含组织机构代码 \(org) 的校验位为“\(org.last!)”，应为“\(orgExpected)”（GB 11714）")
        }
        return code
    }

    /// True when `raw` is already 18 upper-case characters of the GB 32100 set with both check
    /// characters right — every stored code, read back many times per page. Checked on bytes
    /// with the same rules as the general path below, which is taken otherwise (spaces, lower
    /// case, errors and their messages).
    static func isValidAsIs(_ raw: String) -> Bool {
        var sum = 0, orgSum = 0, i = 0
        var orgLast: UInt8 = 0
        for b in raw.utf8 {
            guard i < 18, b < 128 else { return false }
            let v = Int(alphabetValues[Int(b)])
            guard v >= 0 else { return false }
            if i < 17 { sum += v * weights[i] }
            if i >= 8, i < 16 { orgSum += (b <= 57 ? Int(b) - 48 : Int(b) - 55) * organisationWeights[i - 8] }
            if i == 16 { orgLast = b }
            if i == 17, v != (31 - sum % 31) % 31 { return false }
            i += 1
        }
        guard i == 18 else { return false }
        if (orgLast >= 48 && orgLast <= 57) || orgLast == 88 { // a digit or X: GB 11714 applies
            let check = 11 - orgSum % 11
            let expected: UInt8 = check == 10 ? 88 : check == 11 ? 48 : UInt8(48 + check)
            if orgLast != expected { return false }
        }
        return true
    }

    /// Value 0…30 of each ASCII byte in the GB 32100 set, -1 for every other byte.
    static let alphabetValues: [Int8] = {
        var t = [Int8](repeating: -1, count: 128)
        for (v, c) in alphabet.enumerated() { t[Int(c.asciiValue!)] = Int8(v) }
        return t
    }()

    /// The GB 32100 check character for the first 17 characters, or nil if they are not valid.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// The GB 11714 check character for an 8-character organisation code body (digits and
    /// upper-case letters, A = 10 … Z = 35), or nil if the body has other characters.
    public static func organisationCheckCharacter(for body: String) -> Character? {
        let chars = Array(body)
        guard chars.count == 8 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            let v: Int
            if let d = c.wholeNumberValue, c.isASCII { v = d }
            else if c.isASCII, c.isUppercase, let a = c.asciiValue { v = Int(a) - 55 }
            else { return nil }
            sum += v * organisationWeights[i]
        }
        let check = 11 - sum % 11
        switch check {
        case 10: return "X"
        case 11: return "0"
        default: return Character(String(check))
        }
    }

    /// An organisation code follows GB 11714 when its check character is a digit or X;
    /// codes assigned under other schemes are not checked a second time.
    static func followsGB11714(_ org: String) -> Bool {
        guard let last = org.last else { return false }
        return last.isNumber || last == "X"
    }

    /// Builds a valid code from its parts (used by the demo generator and tests).
    /// `authority` is 1 character (e.g. "9" market supervision), `category` 1 ("1" enterprise),
    /// `region` 6 digits, `organisationBody` 8 characters [0-9A-Z] that exist in the GB 32100 set.
    public static func make(authority: Character = "9", category: Character = "1", region: String,
                            organisationBody: String) -> CreditCode? {
        guard let orgCheck = organisationCheckCharacter(for: organisationBody) else { return nil }
        let first17 = "\(authority)\(category)\(region)\(organisationBody)\(orgCheck)"
        guard let check = checkCharacter(for: first17) else { return nil }
        return try? CreditCode(first17 + String(check))
    }

    /// Region code (characters 3–8).
    public var region: String { String(Array(value)[2..<8]) }
    public var description: String { value }
    public static func < (a: CreditCode, b: CreditCode) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = try CreditCode(raw)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

import Foundation
