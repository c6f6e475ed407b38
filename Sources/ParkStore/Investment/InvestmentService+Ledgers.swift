import FluentKit
import Foundation
import ParkDomain

extension InvestmentService {
    /// Records contracted FDI (at signing or a capital change) in its currency, counted in US$
    /// and yuan at the month's rate, which is stored with it.
    public func recordContracted(_ projectID: UUID, recordedOn: LocalDate, kind: ContractedKind, event: ContractedEvent,
                                 amount: CurrencyAmount, note: String = "", by p: Principal) async throws -> ContractedEntry {
        try ProjectVisibility.requireInvestOfficer(p)
        let rates = try await ExchangeRateRepository(db: db, clock: clock).table(months: [YearMonth(recordedOn)])
        let today = self.today, clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let project = try await InvestmentRepository(db: tx).project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            let entry = try ContractedEntry.make(id: UUID(), project: project, recordedOn: recordedOn, kind: kind, event: event,
                                                 amount: amount, note: note, rates: rates, today: today)
            let m = ContractedModel(); m.apply(entry); m.createdBy = p.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await FDIRollup.refresh(projects: [projectID], on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "contracted", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: ContractedEntry?.none, after: entry)
            return entry
        }
    }

    /// Records an inflow of utilised FDI on its arrival date, at the month's rate (stored).
    public func recordInflow(_ projectID: UUID, arrivedOn: LocalDate, kind: InflowKind, amount: CurrencyAmount,
                             bankReference: String = "", by p: Principal) async throws -> Inflow {
        try ProjectVisibility.requireInvestOfficer(p)
        let rates = try await ExchangeRateRepository(db: db, clock: clock).table(months: [YearMonth(arrivedOn)])
        let today = self.today, clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let project = try await InvestmentRepository(db: tx).project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            let inflow = try Inflow.make(id: UUID(), project: project, arrivedOn: arrivedOn, kind: kind, amount: amount,
                                         bankReference: bankReference, rates: rates, today: today)
            let m = InflowModel(); m.apply(inflow); m.createdBy = p.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await FDIRollup.refresh(projects: [projectID], on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "inflow", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: Inflow?.none, after: inflow)
            return inflow
        }
    }

    public struct InflowImportResult: Sendable {
        public var rows: Int
        public var errors: [RowError]
    }

    /// Imports inflows from CSV (`project_code,arrived_on,kind,amount,currency,bank_reference`):
    /// all rows or none, every row error reported with its line and column.
    public func importInflows(_ data: Data, dryRun: Bool, by p: Principal) async throws -> InflowImportResult {
        try ProjectVisibility.requireInvestOfficer(p)
        let decoded = InflowCSV.decode(data)
        if decoded.rows.isEmpty && !decoded.errors.isEmpty { return InflowImportResult(rows: 0, errors: decoded.errors) }
        let rates = try await ExchangeRateRepository(db: db, clock: clock).table(months: Array(Set(decoded.rows.map { YearMonth($0.arrivedOn) })))
        let r = repo, today = self.today
        var errors = decoded.errors
        var planned: [Inflow] = []
        var projects: [String: InvestmentProject?] = [:]
        for row in decoded.rows {
            if projects[row.projectCode] == nil { projects[row.projectCode] = .some(try await r.project(code: row.projectCode)) }
            guard let project = projects[row.projectCode] ?? nil else {
                errors.append(RowError(row: row.line, column: "project_code", code: "unknown_project",
                                       message: Bilingual(zh: "项目 \(row.projectCode) 不存在", en: "project \(row.projectCode) does not exist")))
                continue
            }
            if project.confidential {
                let inTF = try await r.taskForceProjects(p.userID, among: [project.id!]).contains(project.id!)
                if !ProjectVisibility.canSeeRealName(p, confidential: true, inTaskForce: inTF) {
                    errors.append(RowError(row: row.line, column: "project_code", code: "unknown_project",
                                           message: Bilingual(zh: "项目 \(row.projectCode) 不存在", en: "project \(row.projectCode) does not exist")))
                    continue
                }
            }
            do throws(DomainError) {
                planned.append(try Inflow.make(id: UUID(), project: project, arrivedOn: row.arrivedOn, kind: row.kind, amount: row.amount,
                                               bankReference: row.bankReference, rates: rates, today: today))
            } catch {
                errors.append(RowError(row: row.line, column: Self.csvColumn(error.field), error: error))
            }
        }
        guard errors.isEmpty else { return InflowImportResult(rows: decoded.rows.count, errors: errors.sorted { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }) }
        if dryRun { return InflowImportResult(rows: planned.count, errors: []) }
        let clock = self.clock, writes = planned
        try await WriteGate.write(db) { tx in
            let audit = AuditLog(db: tx, clock: clock)
            for chunk in stride(from: 0, to: writes.count, by: 500) {
                let models = writes[chunk ..< min(chunk + 500, writes.count)].map { i -> InflowModel in
                    let m = InflowModel(); m.apply(i); m.createdBy = p.name; m.createdAtMillis = clock.millis; return m
                }
                try await models.create(on: tx)
            }
            try await FDIRollup.refresh(projects: writes.map(\.projectID), on: tx)
            for i in writes {
                try await audit.append(by: p, action: "inflow_import", entityType: Self.projectEntity, entityID: i.projectID.uuidString,
                                       before: Inflow?.none, after: i)
            }
        }
        return InflowImportResult(rows: writes.count, errors: [])
    }

    /// The CSV column a domain error's field stands for.
    static func csvColumn(_ field: String?) -> String? {
        switch field {
        case "amount_currency": "currency"
        case .some(let f): f
        case nil: nil
        }
    }
}
