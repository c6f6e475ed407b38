import FluentKit
import Foundation
import ParkDomain

/// Decodes a CSV upload and, when every row is valid and it is not a dry run, registers all of
/// it in one transaction. Shared by the API, the console and the CLI.
public struct EnterpriseImporter: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Report: Sendable {
        public var rows: Int
        public var imported: Int
        public var dryRun: Bool
        public var encoding: String
        public var errors: [RowError]
    }

    public func run(_ data: Data, dryRun: Bool, by principal: Principal,
                    progress: (@Sendable (String, Int, Int) -> Void)? = nil) async throws -> Report {
        try principal.requireStaff()
        let catalog = try await ReferenceRepository(db: db).catalog()
        let existing = try await EnterpriseRepository(db: db).allCreditCodes()
        var check: ((Int, Int) -> Void)?
        if let progress { check = { progress("checked", $0, $1) } }
        let decoded = EnterpriseCSV.decode(data, catalog: catalog, today: LocalDate(clock.now()), existingCodes: existing, progress: check)
        var report = Report(rows: decoded.rowCount, imported: 0, dryRun: dryRun, encoding: decoded.encoding.rawValue,
                            errors: decoded.errors)
        guard decoded.errors.isEmpty, !dryRun else { return report }
        var write: (@Sendable (Int, Int) -> Void)?
        if let progress { write = { progress("imported", $0, $1) } }
        let created = try await EnterpriseRepository(db: db, clock: clock).createAll(decoded.enterprises, by: principal, progress: write)
        report.imported = created.count
        return report
    }
}
