import Foundation

/// When a stored snapshot of ParkOS's own figures may be shown as it is (issue 13, speed): the
/// figures are computed once and read by the leadership page, the board pack, the API report
/// and the CLI, until one of their inputs changes or the snapshot ages out.
public struct DerivedSnapshotRule: Sendable, Hashable {
    /// The oldest a snapshot may be even when nothing it reads was written since: inputs that
    /// are not written through the audit log (today's date for the service's overdue count,
    /// migrations) still reach the figures within this time.
    public var maxAgeMillis: Int64
    /// How long a claim on a refresh holds before another instance may take it over (a crashed
    /// instance's claim expires).
    public var claimMillis: Int64

    public init(maxAgeMillis: Int64 = 15 * 60_000, claimMillis: Int64 = 120_000) {
        self.maxAgeMillis = maxAgeMillis; self.claimMillis = claimMillis
    }

    public static let standard = DerivedSnapshotRule()

    /// Why a snapshot cannot be shown as it is, or nil when it can.
    public enum Staleness: String, Sendable, Hashable {
        case missing
        case inputsChanged = "inputs_changed"
        case aged
        case future
    }

    /// A snapshot computed at `computedAtMillis` is fresh at `nowMillis` when none of its inputs
    /// was written since and it is younger than `maxAgeMillis`; a time after now (a clock moved
    /// back) is stale too.
    public func staleness(computedAtMillis: Int64?, inputsChanged: Bool, nowMillis: Int64) -> Staleness? {
        guard let at = computedAtMillis else { return .missing }
        if at > nowMillis { return .future }
        if inputsChanged { return .inputsChanged }
        if nowMillis - at >= maxAgeMillis { return .aged }
        return nil
    }

    /// A claim taken at a time whose hold ends at `claimedUntilMillis` still holds at `nowMillis`.
    public func claimHolds(claimedUntilMillis: Int64?, nowMillis: Int64) -> Bool {
        guard let until = claimedUntilMillis else { return false }
        return until > nowMillis
    }

    /// The audit entity types whose writes change ParkOS's own figures: the register, land,
    /// leases and yearly reports, the investment ledgers and exchange rates (FDI), the service
    /// module (requests, clocks) and the outbound module (agreed investment).
    public static let inputEntityTypes = ["enterprise", "enterprise_fact", "parcel", "lease", "performance_report", "cluster",
                                          "investor", "exchange_rate"]
    /// Prefixes of whole modules' entity types that are inputs.
    public static let inputEntityPrefixes = ["investment_", "service_", "outbound_"]
}
