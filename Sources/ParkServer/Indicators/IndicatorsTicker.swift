import FluentKit
import Foundation
import ParkDomain
import ParkStore
import NIOCore
import Vapor

/// Every minute: refresh the stored snapshot of ParkOS's own figures for the months the
/// leadership page opens on (last month, the default) and this month, when stale. Only a
/// trigger: staleness and the claim on a refresh live in the database (`DerivedSnapshots`), so
/// any number of instances may tick and one of them computes.
struct IndicatorsTicker: LifecycleHandler {
    let interval: TimeAmount

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    _ = try await Self.tick(db: app.db, clock: app.parkServices.options.clock)
                } catch {
                    app.logger.warning("indicator snapshot refresh failed: \(error)")
                }
            }
        }
        app.storage[TickerKey.self] = TickerBox(task: task)
    }

    /// One tick: refreshes last month's and this month's snapshots where stale (what each
    /// instance does every `interval`; the claim in the database lets one of them compute).
    static func tick(db: any Database, clock: ParkClock) async throws -> [YearMonth: DerivedSnapshots.Outcome] {
        let now = YearMonth(LocalDate(clock.now()))
        let months = [now.adding(months: -1), now].compactMap { $0 }
        return try await DerivedSnapshots(db: db, clock: clock).refreshStale(months: months)
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TickerKey.self]?.task.cancel()
    }

    struct TickerBox: Sendable { let task: RepeatedTask }
    struct TickerKey: StorageKey { typealias Value = TickerBox }
}
