import Foundation

/// How failed sign-ins are slowed down, so that guessing is slow but nobody can lock a real
/// user out for good, and one office behind NAT (or every user behind the TLS proxy) is not
/// punished for one person's typos. Three counters, each over a sliding `window`:
/// - **account and address together** (`pair`): after `pairLimit` failures that address may not
///   try that account again until the window has passed (the typist, or a guesser, waits);
/// - **account from anywhere** (`account`): from `accountFreeFailures` failures on, each
///   further attempt must wait a delay that doubles with every failure and never exceeds
///   `accountMaxDelay` seconds, so a distributed guesser gets one try per minute and the real
///   user, signing in from her own address, waits at most that long;
/// - **address for any account** (`address`): after `addressLimit` failures (an office's worth)
///   the address waits out the window.
/// A correct password clears the account's counters. Pure: the store keeps the counts.
public struct SignInThrottle: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable { case pair, account, address }

    public var window: Int64 = 15 * 60 * 1000
    public var pairLimit = 5
    public var accountFreeFailures = 10
    public var accountMaxDelay: Int64 = 60 * 1000
    public var addressLimit = 100
    /// Counts are held here, so no counter grows without bound.
    public static let maxCount = 1_000_000

    public init() {}

    /// What the store holds for one counter.
    public struct Counter: Sendable, Equatable {
        public var failures: Int
        public var windowStartMillis: Int64
        public var lastFailureMillis: Int64
        public init(failures: Int, windowStartMillis: Int64, lastFailureMillis: Int64) {
            self.failures = failures; self.windowStartMillis = windowStartMillis; self.lastFailureMillis = lastFailureMillis
        }
    }

    /// Milliseconds until a new attempt is allowed under `counter`, or nil when allowed now.
    public func wait(_ scope: Scope, _ counter: Counter?, now: Int64) -> Int64? {
        guard let c = counter, now - c.windowStartMillis < window else { return nil }
        let until: Int64
        switch scope {
        case .pair:
            guard c.failures >= pairLimit else { return nil }
            until = c.windowStartMillis + window
        case .address:
            guard c.failures >= addressLimit else { return nil }
            until = c.windowStartMillis + window
        case .account:
            guard c.failures >= accountFreeFailures else { return nil }
            until = c.lastFailureMillis + delay(afterFailures: c.failures)
        }
        return until > now ? until - now : nil
    }

    /// The account delay after `failures` failures: 1 s at `accountFreeFailures`, doubling, at
    /// most `accountMaxDelay`.
    public func delay(afterFailures failures: Int) -> Int64 {
        let doublings = max(0, failures - accountFreeFailures)
        guard doublings < 40 else { return accountMaxDelay }
        return min(accountMaxDelay, Int64(1000) << Int64(doublings))
    }

    /// Whole seconds for `Retry-After`, rounded up, at least 1.
    public static func seconds(_ millis: Int64) -> Int { Int(max(1, (millis + 999) / 1000)) }

    /// What a counter is keyed on (the store keeps only a digest of it, so keys have a bounded
    /// length and no username can be read back).
    public static func keyMaterial(_ scope: Scope, username: String, address: String) -> String {
        let user = username.lowercased()
        switch scope {
        case .pair: return user + "\u{0}" + address
        case .account: return user
        case .address: return address
        }
    }
}
