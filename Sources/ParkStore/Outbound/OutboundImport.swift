import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The outcome of an all-or-nothing import.
public struct OutboundImportReport: Sendable {
    public var rows: Int
    public var imported: Int
    public var dryRun: Bool
    public var errors: [RowError]
}

extension OutboundService {
    /// Imports projects from CSV (staff): every row is checked (firm by credit code, country,
    /// industry, stake, amount and its month's rate, stage) and all are written, each audited,
    /// or none, with every row error. Imported projects keep their stage; no filings are drafted
    /// for them (they are history from the platform's spreadsheets).
    public func importProjects(_ data: Data, dryRun: Bool, by p: Principal) async throws -> OutboundImportReport {
        try p.requireStaff()
        let (rows, parseErrors) = OutboundCSV.decode(data)
        var errors = parseErrors
        // Firms by credit code, 500 at a time.
        var firms: [String: UUID] = [:]
        let codes = Array(Set(rows.map(\.creditCode)))
        let sql = try OutboundRows.requireSQL(db)
        for chunk in stride(from: 0, to: codes.count, by: 500) {
            var q = SQLQueryString("SELECT id, credit_code FROM enterprises WHERE credit_code IN (")
            for (i, c) in codes[chunk..<min(chunk + 500, codes.count)].enumerated() {
                q.appendInterpolation(unsafeRaw: i == 0 ? "" : ", "); q.appendInterpolation(bind: c)
            }
            q.appendInterpolation(unsafeRaw: ")")
            for r in try await sql.raw(q).all() { firms[try r.decode(column: "credit_code", as: String.self)] = try r.decode(column: "id", as: UUID.self) }
        }
        // Every month's rates in one read; yuan through the month's dollar rate.
        let rates = try await rateTable(Array(Set(rows.map { YearMonth($0.agreedOn ?? today) })))
        let catalog = try await ReferenceRepository(db: db).catalog()
        let beltAndRoad = try await repository.beltAndRoad()
        var projects: [OutboundProject] = []
        for row in rows {
            guard let firm = firms[row.creditCode] else {
                errors.append(RowError(row: row.line, column: "credit_code", code: "unknown_enterprise",
                                       message: Bilingual(zh: "统一社会信用代码 \(row.creditCode.prefix(20)) 不在名录中", en: "no enterprise with credit code \(row.creditCode.prefix(20)) in the register")))
                continue
            }
            let input = OutboundProjectInput(enterpriseID: firm, title: row.title, countryCode: row.countryCode, targetCompany: row.targetCompany,
                                             industryCode: row.industryCode, activities: row.activities, form: row.form,
                                             equityBasisPoints: row.equityBasisPoints, amount: row.amount,
                                             financing: row.financing, stage: row.stage, agreedOn: row.agreedOn, remittedOn: row.remittedOn,
                                             abandonReason: row.abandonReason)
            do {
                projects.append(try build(input, id: UUID(), catalog: catalog, beltAndRoad: beltAndRoad, rates: rates))
            } catch let e as DomainError {
                errors.append(RowError(row: row.line, column: Self.column(e.field), error: e))
            }
        }
        let report = OutboundImportReport(rows: Set(rows.map(\.line) + parseErrors.filter { $0.row > 1 }.map(\.row)).count, imported: 0,
                                          dryRun: dryRun, errors: errors)
        guard errors.isEmpty, !dryRun else { return report }
        let clock = self.clock, stored = projects
        try await WriteGate.write(db) { tx in
            let sql = try OutboundRows.requireSQL(tx)
            for project in stored {
                try await OutboundRows.save(project, insert: true, on: sql, millis: clock.millis)
                try await AuditLog(db: tx, clock: clock).append(by: p, action: "import", entityType: Self.projectEntity,
                                                                entityID: project.id!.uuidString, before: Optional<OutboundProject>.none, after: project)
            }
        }
        return OutboundImportReport(rows: rows.count, imported: projects.count, dryRun: false, errors: [])
    }

    /// The CSV column of a domain field.
    static func column(_ field: String?) -> String? {
        switch field {
        case "country": "country"
        case "equity_percent", "amount", "currency", "title", "target_company", "industry_code", "stage", "agreed_on", "remitted_on", "financing": field
        case "reason": "abandon_reason"
        case "amount_usd", "amount_yuan": "amount"
        default: field
        }
    }

    /// Imports Sinosure grades from CSV (staff), all rows or none; each row is recorded as
    /// `recordRisk` records it (history kept, a downgrade alerts the firms there).
    public func importRisks(_ data: Data, dryRun: Bool, by p: Principal) async throws -> (report: OutboundImportReport, alerts: Int) {
        try p.requireStaff()
        let (rows, parseErrors) = CountryRiskCSV.decode(data)
        var errors = parseErrors
        let countries = try await ReferenceRepository(db: db).catalog().countries
        for (line, risk) in rows {
            do throws(DomainError) { try risk.validate(countries: countries, today: today) } catch {
                errors.append(RowError(row: line, column: error.field, error: error))
            }
        }
        let report = OutboundImportReport(rows: rows.count, imported: 0, dryRun: dryRun, errors: errors)
        guard errors.isEmpty, !dryRun else { return (report, 0) }
        let clock = self.clock, today = self.today
        let ordered = rows.map(\.risk).sorted { ($0.sourceYear, $0.countryCode) < ($1.sourceYear, $1.countryCode) }
        let alerts = try await WriteGate.write(db) { tx in
            var alerts = 0
            let repo = OutboundRiskRepository(db: tx)
            for risk in ordered {
                let before = try await repo.currentRisk(risk.countryCode)
                try await Self.storeRisk(risk, before: before, by: p, on: tx, clock: clock)
                if risk.worsens(before), risk.sourceYear >= before!.sourceYear {
                    _ = try await Self.publish(RiskAlert.downgrade(from: before!, to: risk, on: today), by: p, on: tx, clock: clock)
                    alerts += 1
                }
            }
            return alerts
        }
        return (OutboundImportReport(rows: rows.count, imported: rows.count, dryRun: false, errors: []), alerts)
    }

    /// Writes every project (for staff) or the firm's own as CSV lines, 500 rows a query in id order.
    public func exportCSV(by p: Principal, _ write: (String) async throws -> Void) async throws {
        let firm = p.isStaff ? nil : (p.enterpriseID ?? UUID())
        try await write(CSVWriter.line(OutboundCSV.exportHeader) + "\n")
        var after: UUID?
        while true {
            let rows = try await repository.exportBatch(after: after, limit: 500, enterpriseID: firm)
            guard let last = rows.last else { return }
            try await write(CSVWriter.lines(rows.map { OutboundCSV.fields($0.project, creditCode: $0.creditCode) }, formulaGuard: true))
            after = last.project.id
        }
    }
}
