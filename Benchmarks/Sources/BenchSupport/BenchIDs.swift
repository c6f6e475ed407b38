import Foundation

/// A deterministic version-4-shaped UUID for row `n` of the table tagged `tag`: the same
/// benchmark database gets the same ids on every fill, and ids of different tables never meet.
/// The leading bytes are mixed, so the ids do not arrive in key order (as real UUIDs do not).
public func benchID(_ tag: UInt8, _ n: Int) -> UUID {
    let v = UInt32(truncatingIfNeeded: n)
    var x = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(tag)
    x ^= x >> 29
    let h = withUnsafeBytes(of: x.bigEndian) { Array($0) }
    return UUID(uuid: (h[0], h[1], h[2], h[3], h[4], h[5], 0x40 | (h[6] & 0x0F), h[7], 0x80 | (tag & 0x3F), 0x9A, 0x4B, 0xE1,
                       UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)))
}

/// The median of `times` (the upper one of an even count), as `ms` prints it.
public func medianMS(_ times: [Duration]) -> String {
    guard !times.isEmpty else { return "-" }
    return ms(times.sorted()[times.count / 2])
}
