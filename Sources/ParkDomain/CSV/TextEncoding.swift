import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns uploaded bytes into text. Files saved by Chinese Excel or WPS are often GBK/GB18030
/// rather than UTF-8, so the encoding is detected instead of assumed:
///
/// 1. a UTF-16 byte-order mark (FF FE or FE FF) → UTF-16;
/// 2. valid UTF-8, with or without a BOM (the BOM is dropped) → UTF-8;
/// 3. otherwise GB18030 (a superset of GBK and GB2312), converted with iconv on Linux;
/// 4. otherwise an `encoding` error asking for "CSV UTF-8".
///
/// Bytes containing NUL (0x00) outside UTF-16 are refused: they come from binary files such as
/// .xlsx workbooks, which GB18030 would otherwise "decode" into nonsense.
public enum TextEncoding {
    public enum Detected: String, Sendable, Codable {
        case utf8, gb18030, utf16
    }

    public static func decode(_ data: Data) throws(DomainError) -> (text: String, encoding: Detected) {
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            if let text = utf16(bytes) { return (text, .utf16) }
            throw notDecodable()
        }
        if bytes.contains(0) { throw notDecodable() }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        if let text = gb18030(bytes) { return (text, .gb18030) }
        throw notDecodable()
    }

    static func notDecodable() -> DomainError {
        DomainError(.unsupported, code: "encoding", field: "file",
                    en: "the file is neither UTF-8 nor GB18030/GBK text; in Excel or WPS use "
                        + "Save As → \"CSV UTF-8 (Comma delimited)\" and upload it again",
                    zh: "文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本；请在 Excel 或 WPS 中"
                        + "“另存为” →“CSV UTF-8（逗号分隔）”后重新上传")
    }

    /// UTF-16 with a byte-order mark; the mark decides the byte order and is dropped.
    static func utf16(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        let little = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(little ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var text = ""
        text.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return text
    }

    /// GB18030 → String, or nil when the bytes are not valid GB18030.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        return iconvToUTF8(bytes, from: "GB18030")
        #elseif canImport(Darwin)
        let cf = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
        return String(data: Data(bytes), encoding: String.Encoding(rawValue: cf))
        #else
        return nil
        #endif
    }

    #if canImport(Glibc)
    /// Converts with glibc iconv; any invalid or truncated sequence makes the whole file fail
    /// (no silent replacement characters in a register).
    static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        // GB18030 → UTF-8 at most doubles the size (2 bytes → 3, 4 bytes → 4).
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes.map { CChar(bitPattern: $0) }
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                outBuf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outBuf.count) { outBase in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                    var inLeft = inBuf.count
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase
                    var outLeft = outBuf.count
                    if inLeft > 0, iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return nil }
                    if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                    return inLeft == 0 ? outBuf.count - outLeft : nil
                }
            }
        }
        guard let produced else { return nil }
        return String(validating: output[0..<produced], as: UTF8.self)
    }
    #endif
}
