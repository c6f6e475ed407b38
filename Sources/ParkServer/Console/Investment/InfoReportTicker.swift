import Foundation
import NIOCore
import ParkDomain
import ParkStore
import Vapor

/// Every `interval` (first after `initialDelay`): make sure last year's annual information
/// reports exist for every foreign-invested enterprise (`InfoReportService.generateAnnual`, which
/// adds only what is missing, in pages), so a firm registered since the last run gets its
/// obligation without anyone pressing a button. Only a trigger: what exists lives in the
/// database (unique per enterprise and year), so any number of instances may tick; two
/// instances racing on one page make one of them fail that page, logged, and the next tick
/// finds nothing missing.
struct InfoReportTicker: LifecycleHandler {
    let initialDelay: TimeAmount
    let interval: TimeAmount

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: initialDelay, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let clock = app.parkServices.options.clock
                    let year = LocalDate(clock.now()).year - 1
                    let added = try await InfoReportService(db: app.db, clock: clock).generateAnnual(year: year, by: .system("info-report-ticker"))
                    if added > 0 { app.logger.info("information reports: added \(added) annual reports for \(year)") }
                } catch {
                    app.logger.warning("information report generation failed: \(error)")
                }
            }
        }
        app.storage[TickerKey.self] = TickerBox(task: task)
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TickerKey.self]?.task.cancel()
    }

    struct TickerBox: Sendable { let task: RepeatedTask }
    struct TickerKey: StorageKey { typealias Value = TickerBox }
}
