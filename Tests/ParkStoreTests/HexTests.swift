import Foundation
@testable import ParkStore
import XCTest

/// Hexadecimal text of digests and keys, checked against values computed by hand and against
/// the published SHA-256 vector and an HMAC computed elsewhere, so stored hashes (audit chain,
/// sessions, API keys, attachments) read the same as before the formatter changed.
final class HexTests: XCTestCase {
    func testBytesByHand() {
        XCTAssertEqual(Hex.lower([UInt8]()), "")
        XCTAssertEqual(Hex.lower([0x00, 0x0f, 0x10, 0xa5, 0xff]), "000f10a5ff")
        XCTAssertEqual(Hex.lower((0...255).map { UInt8($0) }), (0...255).map { String(format: "%02x", $0) }.joined())
    }

    func testSHA256OfABCIsTheFIPSVector() {
        // FIPS 180-2, appendix B.1
        XCTAssertEqual(AuditLog.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ServiceDesk.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testWebhookSignatureMatchesAnIndependentHMAC() {
        // HMAC-SHA-256 with key "Jefe" (RFC 4231's test key) over "1796690000.{"ok":true}",
        // computed with Python's hmac module: the signature signs "<timestamp>.<body>"
        XCTAssertEqual(WebhookQueue.signature(secret: "Jefe", timestamp: "1796690000", body: Data(#"{"ok":true}"#.utf8)),
                       "sha256=fb47ef6c6ff16c47c65fabee495cdcc713769efb3d113b3552a08431c5a63384")
    }

    func testTokensAreLowerCaseHexOfTheirLength() {
        let t = AccountRepository.randomHex(16)
        XCTAssertEqual(t.count, 32)
        XCTAssertTrue(t.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
