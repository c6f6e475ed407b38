import FluentKit
import Foundation
import ParkDomain

extension ReportRepository {
    /// Imports a bureau's CSV of yearly reports: each row names a parcel, whose current
    /// contracted lease receives the report (a correction when the year is already filed; the
    /// row's reason, or "imported from <source>"). All rows or none; every error is reported.
    public func importCSV(_ data: Data, source: ReportSource, dryRun: Bool, by principal: Principal) async throws -> (rows: Int, errors: [RowError]) {
        try principal.requireStaff()
        let decoded = ReportCSV.decode(data, source: source)
        if decoded.rows.isEmpty && !decoded.errors.isEmpty { return (0, decoded.errors) }
        let today = LocalDate(clock.now())
        let codes = Array(Set(decoded.rows.map(\.parcelCode)))
        var parcelIDs: [String: UUID] = [:]
        for chunk in stride(from: 0, to: codes.count, by: 500) {
            for m in try await ParcelModel.query(on: db).filter(\.$code ~~ Array(codes[chunk ..< min(chunk + 500, codes.count)])).all() {
                parcelIDs[m.code] = m.id
            }
        }
        var leaseOf: [UUID: UUID] = [:]
        let reportable: [LeaseState] = [.contracted, .underConstruction, .inProduction, .assessmentDue, .assessed, .extended]
        for m in try await LeaseModel.query(on: db).filter(\.$parcelID ~~ Array(parcelIDs.values)).filter(\.$state ~~ reportable.map(\.rawValue)).all() {
            leaseOf[m.parcelID] = m.id
        }
        var errors = decoded.errors
        var plan: [(lease: UUID, row: ReportCSV.Row)] = []
        for row in decoded.rows {
            guard let parcel = parcelIDs[row.parcelCode] else {
                errors.append(RowError(row: row.line, column: "parcel_code", code: "unknown_parcel",
                                       message: Bilingual(zh: "地块 \(row.parcelCode) 不存在", en: "parcel \(row.parcelCode) does not exist")))
                continue
            }
            guard let lease = leaseOf[parcel] else {
                errors.append(RowError(row: row.line, column: "parcel_code", code: "no_contracted_lease",
                                       message: Bilingual(zh: "地块 \(row.parcelCode) 没有已签合同的出让", en: "parcel \(row.parcelCode) has no contracted lease")))
                continue
            }
            do throws(DomainError) {
                try Self.validate(row.report, today: today)
            } catch {
                errors.append(RowError(row: row.line, column: error.field, error: error))
                continue
            }
            plan.append((lease, row))
        }
        guard errors.isEmpty else { return (decoded.rows.count, errors.sorted { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }) }
        if dryRun { return (plan.count, []) }
        let clock = self.clock
        let defaultReason = "imported from \(source.rawValue) \(today.iso)"
        let writes = plan
        try await WriteGate.write(db) { tx in
            let audit = AuditLog(db: tx, clock: clock)
            for (lease, row) in writes {
                let previous = try await ReportModel.query(on: tx).filter(\.$leaseID == lease).filter(\.$year == row.report.year)
                    .sort(\.$version, .descending).first()
                let m = ReportModel()
                m.id = UUID(); m.leaseID = lease; m.version = (previous?.version ?? 0) + 1
                m.apply(row.report)
                m.reason = row.reason.isEmpty ? (previous == nil ? "" : defaultReason) : row.reason
                m.createdBy = principal.name; m.createdAtMillis = clock.millis
                try await m.create(on: tx)
                try await audit.append(by: principal, action: previous == nil ? "import" : "correct", entityType: Self.entityType,
                                       entityID: "\(lease.uuidString)/\(row.report.year)", before: previous?.toDomain(), after: row.report)
            }
            try await LeaseAlertFactsStore.refresh(writes.map(\.0), on: tx, today: today)
        }
        return (plan.count, [])
    }
}
