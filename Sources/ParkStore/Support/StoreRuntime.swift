import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import ParkDomain

/// A database connection set without a web server: for the CLI and the store tests.
public final class StoreRuntime: Sendable {
    public let databases: Databases
    public let target: DatabaseTarget
    private let migrations: Migrations
    private let logger: Logger

    public init(_ target: DatabaseTarget, logger: Logger = Logger(label: "parkos.store")) throws {
        self.target = target
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        try target.register(on: databases)
        migrations = Migrations()
        migrations.add(ParkMigrations.all)
    }

    public var db: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    private var migrator: Migrator {
        Migrator(databases: databases, migrations: migrations, logger: logger,
                 on: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// Applies every pending migration; returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await target.prepare(db)
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map { "\(type(of: $0.0))" }
        try await migrator.prepareBatch().get()
        return pending
    }

    /// Reverts the last batch of migrations; returns their names.
    @discardableResult
    public func revertLastBatch() async throws -> [String] {
        try await migrator.setupIfNeeded().get()
        let reverting = try await migrator.previewRevertLastBatch().get().map { "\(type(of: $0.0))" }
        try await migrator.revertLastBatch().get()
        return reverting
    }

    /// Every known migration with whether it has been applied.
    public func status() async throws -> [(name: String, applied: Bool)] {
        try await migrator.setupIfNeeded().get()
        let pending = Set(try await migrator.previewPrepareBatch().get().map { $0.0.name })
        return ParkMigrations.all.map { ($0.name, !pending.contains($0.name)) }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
