import FluentKit
import Foundation
import ParkDomain

/// What the lease steps tell other modules about a parcel, inside the lease's transaction: a
/// parcel leased to an enterprise (the auction recorded) or that lease withdrawn (the sale
/// lapsed unconfirmed, the parcel free again). The land module knows only this interface; a
/// module that cares (investment: a project's reservation) registers a listener below.
public struct ParcelLeaseEvent: Sendable, Hashable {
    public enum Kind: String, Sendable { case leased, withdrawn }
    public var kind: Kind
    public var leaseID: UUID
    public var parcelID: UUID
    public var enterpriseID: UUID
    public var on: LocalDate
}

/// A module's reaction to a parcel's lease, written in the caller's transaction (`tx`) and
/// audited by the listener as `principal`; a throw rolls the lease step back.
public protocol ParcelLeaseListener: Sendable {
    func parcelLease(_ event: ParcelLeaseEvent, by principal: Principal, on tx: any Database, clock: ParkClock) async throws
}

/// The registry of listeners. A module adds its listener here, on one line under its slot.
public enum ParcelLeaseListeners {
    public static var all: [any ParcelLeaseListener] {
        [
            // ── slot: Investment (issue 11) parcel lease listener ──
            ProjectLandLeaseListener(),

            // ── end of slots ──
        ]
    }

    /// The event a lease write carries, if any: a new lease is `leased`, a move into `lapsed`
    /// is `withdrawn`; every other step is the land module's own business.
    static func event(_ lease: Lease, before: Lease?, today: LocalDate) -> ParcelLeaseEvent? {
        guard let id = lease.id else { return nil }
        if before == nil {
            return ParcelLeaseEvent(kind: .leased, leaseID: id, parcelID: lease.parcelID, enterpriseID: lease.enterpriseID, on: lease.auction.date)
        }
        if lease.state == .lapsed, before?.state != .lapsed {
            return ParcelLeaseEvent(kind: .withdrawn, leaseID: id, parcelID: lease.parcelID, enterpriseID: lease.enterpriseID, on: today)
        }
        return nil
    }

    /// Tells every listener about the lease write, if it carries an event.
    static func notify(_ lease: Lease, before: Lease?, by principal: Principal, on tx: any Database, clock: ParkClock) async throws {
        guard let e = event(lease, before: before, today: LocalDate(clock.now())) else { return }
        for l in all { try await l.parcelLease(e, by: principal, on: tx, clock: clock) }
    }
}
