import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension IndicatorRepository {
    /// What an import did (or, dry, would do).
    public struct ImportOutcome: Sendable {
        /// Rows in the file.
        public var rows: Int
        /// Values written as a first version.
        public var added: Int
        /// Values written as a new version of a different stored value (reported as "revised").
        public var revised: Int
        /// Rows equal to what is stored (nothing written).
        public var unchanged: Int
        /// Rows let through with a stated reason, and what they were flagged for.
        public var flagged: [RowError]
        /// Errors that refused the whole file (nothing written).
        public var errors: [RowError]
    }

    /// Imports the statistics bureau's CSV (`indicator,period,value,growth_pct[,reason]`; UTF-8,
    /// UTF-16 or GBK as every ParkOS import) all rows or none (staff). A value that differs from
    /// the stored one becomes its next version, the old one kept; each write is audited.
    public func importCSV(_ data: Data, dryRun: Bool, by principal: Principal) async throws -> ImportOutcome {
        try principal.requireStaff()
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: IndicatorImportCheck.columns, required: IndicatorImportCheck.required) {
        case .failure(let refusal): return ImportOutcome(rows: 0, added: 0, revised: 0, unchanged: 0, flagged: [], errors: refusal.errors)
        case .success(let t): (table, index) = t
        }
        let rows = table.rows.map { r in
            func v(_ c: String) -> String { index[c].map { r.fields[$0] } ?? "" }
            return IndicatorImportRow(line: r.line, indicator: v("indicator"), period: v("period"), value: v("value"),
                                      growthPct: v("growth_pct"), reason: v("reason"))
        }
        return try await importRows(rows, dryRun: dryRun, by: principal)
    }

    /// Checks and writes rows already read (the CSV import and the demo seeder).
    public func importRows(_ rows: [IndicatorImportRow], dryRun: Bool, by principal: Principal) async throws -> ImportOutcome {
        try principal.requireStaff()
        let catalogue = Dictionary(uniqueKeysWithValues: try await catalogue().map { ($0.code, $0) })
        // What is stored for the indicators and months the file touches (and the period before).
        let months = rows.compactMap { IndicatorPeriod(text: $0.period)?.end }
        var stored: [String: StoredValue] = [:]
        if let lo = months.min()?.adding(months: -3), let hi = months.max() {
            let codes = Array(Set(rows.map { $0.indicator.trimmingCharacters(in: .whitespaces).lowercased() }).filter { catalogue[$0] != nil })
            for v in try await current(codes, from: lo, through: hi) { stored["\(v.indicator)/\(v.period.text)"] = v }
        }
        let plan = IndicatorImportCheck.check(rows, catalogue: catalogue, stored: { stored["\($0)/\($1.text)"]?.value }, currentMonth: currentMonth)
        var outcome = ImportOutcome(rows: rows.count, added: 0, revised: 0, unchanged: 0, flagged: [], errors: plan.errors)
        guard plan.errors.isEmpty else { return outcome }
        var writes: [(IndicatorEntry, StoredValue?)] = []
        for e in plan.entries {
            if let w = e.warning { outcome.flagged.append(RowError(row: e.line, column: "value", code: "flagged", message: w)) }
            let old = stored["\(e.indicator)/\(e.period.text)"]
            if let old, old.value == e.value, old.growthPct == e.growthPct { outcome.unchanged += 1; continue }
            if old == nil { outcome.added += 1 } else { outcome.revised += 1 }
            writes.append((e, old))
        }
        if dryRun || writes.isEmpty { return outcome }
        let clock = self.clock, planned = writes
        struct Audited: Encodable { var value: String; var growth_pct: String?; var version: Int }
        try await WriteGate.write(db) { tx in
            let sql = tx as! any SQLDatabase
            let audit = AuditLog(db: tx, clock: clock)
            for (e, old) in planned {
                // The newest version inside the transaction (another import may have added one).
                let top = try await sql.raw("SELECT MAX(version) AS v FROM indicator_values WHERE indicator = \(bind: e.indicator) AND period = \(bind: e.period.text)")
                    .first()?.decode(column: "v", as: Int?.self) ?? 0
                let version = top + 1
                let after = Audited(value: IndicatorNumber.text(e.value), growth_pct: e.growthPct.map(IndicatorNumber.text), version: version)
                try await sql.raw("""
                    INSERT INTO indicator_values (id, indicator, period, month_index, version, value, growth_pct, reason, created_by, created_at_ms)
                    VALUES (\(bind: UUID()), \(bind: e.indicator), \(bind: e.period.text), \(bind: e.period.end.index), \(bind: version),
                            \(bind: after.value), \(bind: after.growth_pct), \(bind: e.reason), \(bind: principal.name), \(bind: clock.millis))
                    """).run()
                let before = old.map { Audited(value: IndicatorNumber.text($0.value), growth_pct: $0.growthPct.map(IndicatorNumber.text), version: $0.version) }
                try await audit.append(by: principal, action: old == nil ? "import" : "revise", entityType: Self.valueEntityType,
                                       entityID: "\(e.indicator)/\(e.period.text)", before: before, after: after,
                                       reason: e.reason.isEmpty ? nil : e.reason)
            }
        }
        return outcome
    }
}
