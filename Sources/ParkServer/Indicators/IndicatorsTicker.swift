import FluentKit
import ParkDomain
import ParkStore
import Vapor

/// Every minute: refresh the stored snapshot of ParkOS's own figures for the months the
/// leadership page opens on (last month, the default) and this month, when stale. Staleness and
/// the claim on a refresh live in the database (`DerivedSnapshots`), so any number of instances
/// may tick and one of them computes.
enum IndicatorsTicker {
    static let job = PeriodicJob("indicator snapshot refresh", every: .seconds(60)) { app in
        _ = try await tick(db: app.db, clock: app.parkServices.options.clock)
    }

    /// One tick: refreshes last month's and this month's snapshots where stale (what each
    /// instance does every minute; the claim in the database lets one of them compute).
    static func tick(db: any Database, clock: ParkClock) async throws -> [YearMonth: DerivedSnapshots.Outcome] {
        let now = YearMonth(LocalDate(clock.now()))
        let months = [now.adding(months: -1), now].compactMap { $0 }
        return try await DerivedSnapshots(db: db, clock: clock).refreshStale(months: months)
    }
}
