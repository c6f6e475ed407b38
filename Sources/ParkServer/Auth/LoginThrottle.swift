import Foundation
import NIOConcurrencyHelpers

/// Limits failed sign-ins: after `maxFailures` failures for one username or one client
/// address within `window`, further attempts are refused until the window has passed.
public final class LoginThrottle: Sendable {
    public let maxFailures: Int
    public let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures; self.window = window
    }

    private func keys(username: String, address: String) -> [String] {
        ["u:" + username.lowercased(), "a:" + address]
    }

    /// Seconds until the next attempt is allowed, or nil if allowed now.
    public func retryAfter(username: String, address: String, now: Date = Date()) -> Int? {
        failures.withLockedValue { map in
            var wait: TimeInterval = 0
            for key in keys(username: username, address: address) {
                let recent = (map[key] ?? []).filter { now.timeIntervalSince($0) < window }
                map[key] = recent
                if recent.count >= maxFailures, let oldest = recent.first {
                    wait = max(wait, window - now.timeIntervalSince(oldest))
                }
            }
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }
    }

    public func recordFailure(username: String, address: String, now: Date = Date()) {
        failures.withLockedValue { map in
            for key in keys(username: username, address: address) { map[key, default: []].append(now) }
        }
    }

    public func recordSuccess(username: String) {
        _ = failures.withLockedValue { $0.removeValue(forKey: "u:" + username.lowercased()) }
    }
}
