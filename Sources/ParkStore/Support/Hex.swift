/// Lower-case hexadecimal text of bytes: digests, MACs, keys and tokens, one way everywhere.
/// Not `String(format: "%02x")` per byte, which goes through Foundation's formatter each time
/// (7 % of the CPU of the demo's information reports step in `perf`, every audit entry's MAC).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func lower<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
