import Foundation

/// A lease id as two 64-bit words: what `LandColumnsLoader` matches report rows to leases by
/// (1,000,000 lookups a load, so no `String` or `UUID` hashing).
struct LeaseKey: Equatable {
    var hi: UInt64
    var lo: UInt64

    init(_ id: UUID) {
        (hi, lo) = withUnsafeBytes(of: id.uuid) { ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                                                    $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// From 16 bytes (a UUID stored as a blob).
    init?(bytes b: UnsafeRawBufferPointer) {
        guard b.count == 16 else { return nil }
        hi = b.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        lo = b.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    }

    /// From the text `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` (either case), as Fluent stores UUIDs
    /// in SQLite; nil for anything else.
    init?(text t: UnsafeRawBufferPointer) {
        guard t.count == 36, t[8] == 0x2D, t[13] == 0x2D, t[18] == 0x2D, t[23] == 0x2D else { return nil }
        var u: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &u) { out -> Bool in
            var i = 0
            for k in 0..<16 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                guard let a = Self.nibble(t[i]), let b = Self.nibble(t[i + 1]) else { return false }
                out[k] = a << 4 | b
                i += 2
            }
            return true
        }
        guard ok else { return nil }
        self.init(UUID(uuid: u))
    }

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        let d = c &- 0x30
        if d < 10 { return d }
        let x = (c | 0x20) &- 0x61   // a–f in either case
        return x < 6 ? x + 10 : nil
    }

    var uuid: UUID {
        var u: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &u) {
            $0.storeBytes(of: hi, toByteOffset: 0, as: UInt64.self)
            $0.storeBytes(of: lo, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: u)
    }

    /// A well-mixed hash (ids need not be random: UUIDv7 are time-ordered).
    @inline(__always)
    var mixed: UInt64 {
        var h = hi ^ (lo &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 32; h &*= 0xD6E8_FEB8_6659_FD93; h ^= h >> 32
        return h
    }
}

/// Lease key → the lease's position: open addressing with linear probing, at most half full.
/// A slot is one word (a 32-bit tag of the hash, the position) so the table of 100,000 leases
/// is 2 MB; a tag match is confirmed against the key itself (`keys`, in position order).
struct LeaseKeyTable {
    private var slots: [UInt64] = []
    private(set) var keys: [LeaseKey] = []
    private var mask = 0

    var count: Int { keys.count }

    init(capacity: Int = 1024) {
        keys.reserveCapacity(capacity)
        rebuild(slots: Self.slots(for: capacity))
    }

    static func slots(for n: Int) -> Int {
        var s = 16
        while s < 2 * n { s <<= 1 }
        return s
    }

    @inline(__always)
    private static func tag(_ h: UInt64) -> UInt64 { (h >> 32 | 1) << 32 }

    private mutating func rebuild(slots n: Int) {
        slots = [UInt64](repeating: 0, count: n)
        mask = n - 1
        for (v, key) in keys.enumerated() { place(key.mixed, Int32(v)) }
    }

    private mutating func place(_ h: UInt64, _ v: Int32) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Self.tag(h) | UInt64(UInt32(bitPattern: v))
    }

    /// The position of `key`, nil when absent.
    @inline(__always)
    func find(_ key: LeaseKey) -> Int32? {
        let h = key.mixed, tag = Self.tag(h)
        return slots.withUnsafeBufferPointer { t in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = t[i]
                if s == 0 { return nil }
                if s & 0xFFFF_FFFF_0000_0000 == tag {
                    let v = Int32(bitPattern: UInt32(truncatingIfNeeded: s))
                    if keys[Int(v)] == key { return v }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `key` at the next position (`count`); false (and nothing changed) when it is there.
    @inline(__always)
    mutating func insert(_ key: LeaseKey) -> Bool {
        guard find(key) == nil else { return false }
        if 2 * (keys.count + 1) > slots.count {
            keys.append(key)
            rebuild(slots: slots.count * 2)
        } else {
            place(key.mixed, Int32(keys.count))
            keys.append(key)
        }
        return true
    }
}

extension LeaseKey {
    init(hi: UInt64, lo: UInt64) { self.hi = hi; self.lo = lo }
}
