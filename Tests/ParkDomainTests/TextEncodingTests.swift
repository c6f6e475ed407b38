import XCTest
@testable import ParkDomain

final class TextEncodingTests: XCTestCase {
    func testPlainUTF8IsUsedAsIs() throws {
        // given
        let data = Data("name\n苏州工业园区\n".utf8)
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "name\n苏州工业园区\n")
        XCTAssertEqual(encoding, .utf8)
    }

    func testUTF8ByteOrderMarkIsDropped() throws {
        // given
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a,b".utf8))
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "a,b")
        XCTAssertEqual(encoding, .utf8)
    }

    func testGBKBytesAreDecodedAsGB18030() throws {
        // given "苏州" as saved by Chinese Excel (GBK)
        let data = Data([0xCB, 0xD5, 0xD6, 0xDD])
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "苏州")
        XCTAssertEqual(encoding, .gb18030)
    }

    func testGB18030TwoAndFourByteSequences() throws {
        // given "苏州工业园区é😀" in GB18030 (é is two bytes, 😀 four)
        let data = Data([0xCB, 0xD5, 0xD6, 0xDD, 0xB9, 0xA4, 0xD2, 0xB5, 0xD4, 0xB0, 0xC7, 0xF8,
                         0xA8, 0xA6, 0x94, 0x39, 0xFC, 0x36])
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "苏州工业园区é😀")
        XCTAssertEqual(encoding, .gb18030)
    }

    func testUTF16LittleEndianWithBOM() throws {
        // given "苏,A" as UTF-16LE with BOM
        let data = Data([0xFF, 0xFE, 0xCF, 0x82, 0x2C, 0x00, 0x41, 0x00])
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "苏,A")
        XCTAssertEqual(encoding, .utf16)
    }

    func testUTF16BigEndianWithBOMAndSurrogatePair() throws {
        // given "A😀" as UTF-16BE with BOM
        let data = Data([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00])
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "A😀")
        XCTAssertEqual(encoding, .utf16)
    }

    func testBytesThatAreNeitherUTF8NorGB18030AreRefused() {
        // given: 0x80 and 0xFF are not valid in UTF-8 or GB18030
        let data = Data([0x41, 0x80, 0x42, 0xFF])
        // when
        XCTAssertThrowsError(try TextEncoding.decode(data)) { error in
            // then
            let e = error as? DomainError
            XCTAssertEqual(e?.code, "encoding")
            XCTAssertEqual(e?.field, "file")
            XCTAssertTrue(e?.message.en.contains("CSV UTF-8") ?? false)
            XCTAssertTrue(e?.message.en.contains("GB18030/GBK") ?? false)
            XCTAssertTrue(e?.message.zh.contains("CSV UTF-8") ?? false)
        }
    }

    func testBinaryWorkbookIsRefused() {
        // given the start of an .xlsx (a zip file), which has NUL bytes
        let data = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
        // when / then
        XCTAssertThrowsError(try TextEncoding.decode(data)) { error in
            XCTAssertEqual((error as? DomainError)?.code, "encoding")
        }
    }

    func testTruncatedGB18030SequenceIsRefused() {
        // given "苏" followed by a lone lead byte
        let data = Data([0xCB, 0xD5, 0xD6])
        // when / then
        XCTAssertThrowsError(try TextEncoding.decode(data)) { error in
            XCTAssertEqual((error as? DomainError)?.code, "encoding")
        }
    }

    func testOddLengthUTF16IsRefused() {
        // given a BOM and three bytes
        let data = Data([0xFF, 0xFE, 0x41, 0x00, 0x42])
        // when / then
        XCTAssertThrowsError(try TextEncoding.decode(data)) { error in
            XCTAssertEqual((error as? DomainError)?.code, "encoding")
        }
    }

    func testEmptyDataIsEmptyUTF8() throws {
        // given
        let data = Data()
        // when
        let (text, encoding) = try TextEncoding.decode(data)
        // then
        XCTAssertEqual(text, "")
        XCTAssertEqual(encoding, .utf8)
    }
}
