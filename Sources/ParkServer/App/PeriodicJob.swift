import NIOCore
import Vapor

/// Work every instance runs on a timer: first after `initialDelay`, then every `interval`. Only
/// a trigger: what is due, and who has claimed it, lives in the database, so any number of
/// instances may tick. A failed tick is logged and the next one tries again. One shape for
/// every module's timer (information reports, the service sweep, indicator snapshots).
struct PeriodicJob: LifecycleHandler {
    /// Names the job in the log and in the application's storage.
    let name: String
    let initialDelay: TimeAmount
    let interval: TimeAmount
    let work: @Sendable (Application) async throws -> Void

    init(_ name: String, initialDelay: TimeAmount? = nil, every interval: TimeAmount,
         work: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name; self.initialDelay = initialDelay ?? interval; self.interval = interval; self.work = work
    }

    func didBootAsync(_ app: Application) async throws {
        let (name, work) = (self.name, self.work)
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: initialDelay, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do { try await work(app) } catch { app.logger.warning("\(name) failed: \(error)") }
            }
        }
        var tasks = app.storage[Tasks.self] ?? [:]
        tasks[name] = task
        app.storage[Tasks.self] = tasks
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[Tasks.self]?[name]?.cancel()
    }

    /// The running jobs' timers by name.
    struct Tasks: StorageKey { typealias Value = [String: RepeatedTask] }
}
