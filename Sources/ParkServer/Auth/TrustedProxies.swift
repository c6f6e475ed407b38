import Foundation
import ParkDomain
import Vapor

/// The reverse proxies whose `X-Forwarded-For` header ParkOS believes. A request from any
/// other peer is taken at its connection address, whatever it claims, so nobody can choose
/// the address the sign-in throttle counts against.
public struct TrustedProxies: Sendable, Equatable {
    /// One address or block: IPv4 or IPv6 bytes and a prefix length.
    struct Block: Sendable, Equatable {
        var bytes: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var bits = prefix
            for (a, b) in zip(address, bytes) {
                if bits <= 0 { return true }
                let mask: UInt8 = bits >= 8 ? 0xff : ~(0xff >> UInt8(bits))
                if a & mask != b & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    var blocks: [Block] = []

    public init() {}

    /// Parses entries such as `127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`.
    public init(_ entries: [String]) throws(DomainError) {
        for entry in entries {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { throw Self.bad(entry) }
            var prefix = bytes.count * 8
            if parts.count == 2 {
                guard let p = Int(parts[1]), (0...bytes.count * 8).contains(p) else { throw Self.bad(entry) }
                prefix = p
            }
            blocks.append(Block(bytes: bytes, prefix: prefix))
        }
    }

    static func bad(_ entry: String) -> DomainError {
        DomainError(code: "invalid_value", field: "PARKOS_TRUSTED_PROXIES",
                    en: "'\(entry)' is not an IP address or CIDR block", zh: "“\(entry)”不是 IP 地址或 CIDR 网段")
    }

    public var isEmpty: Bool { blocks.isEmpty }

    public func trusts(_ address: String) -> Bool {
        guard let b = Self.bytes(address) else { return false }
        return blocks.contains { $0.contains(b) }
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the last address
    /// in `X-Forwarded-For` that is not itself a trusted proxy (the header's right end is the
    /// part our own proxies wrote; anything left of it the client may have forged).
    public func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard Self.bytes(hop) != nil else { return peer }
            if !trusts(hop) { return hop }
        }
        return hops.first ?? peer
    }

    /// The bytes of an IPv4 or IPv6 address in text form, or nil.
    static func bytes(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

extension Request {
    /// The client's address as `TrustedProxies` resolves it.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        return application.parkServices.options.trustedProxies.clientAddress(peer: peer, forwardedFor: headers[.xForwardedFor])
    }
}

/// Where the console may send a browser after signing in: only a path on this site. Refused
/// (and replaced by "/"): anything not starting with one "/", "//" and "/\" (browsers read
/// both as another host), backslashes, control characters, a scheme or host, over 2,000 bytes.
enum SafeRedirect {
    static func path(_ next: String?) -> String {
        guard let next, next.utf8.count <= 2000, next.hasPrefix("/") else { return "/" }
        let second = next.dropFirst().first
        guard second != "/", second != "\\", !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }),
              let url = URLComponents(string: next), url.scheme == nil, url.host == nil else { return "/" }
        return next
    }
}
