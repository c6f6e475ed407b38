import Foundation

/// The current instant, injected so tests pin time.
public struct ParkClock: Sendable {
    public var now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = ParkClock { Date() }
    public static func fixed(_ date: Date) -> ParkClock { ParkClock { date } }

    public var millis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
}
