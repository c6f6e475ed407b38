import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension EnterpriseFactRepository {
    /// The columns of a supplied-facts CSV (one row per enterprise, fact and year).
    public static let csvColumns = ["credit_code", "fact", "year", "value"]
    public static let csvRequired = ["credit_code", "fact", "value"]

    /// Imports supplied facts from a CSV (UTF-8, UTF-16 or GBK, as every ParkOS import), e.g.
    /// the science bureau's list of high-tech enterprises or the commerce bureau's utilised
    /// foreign investment (staff). Columns `credit_code`, `fact` (one of
    /// `PolicyFactText.supplied`), `year` (for yearly facts) and `value` (as
    /// `PolicyFactText`; empty clears). All rows or none; every row error is reported; each
    /// value written is audited.
    public func importCSV(_ data: Data, dryRun: Bool, by principal: Principal) async throws -> (rows: Int, errors: [RowError]) {
        try principal.requireStaff()
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: Self.csvColumns, required: Self.csvRequired) {
        case .failure(let refusal): return (0, refusal.errors)
        case .success(let t): (table, index) = t
        }
        var errors: [RowError] = []
        var enterpriseOf: [String: UUID] = [:]
        let codes = Set(table.rows.compactMap { r in index["credit_code"].map { r.fields[$0].trimmingCharacters(in: .whitespaces).uppercased() } })
        let codeList = Array(codes)
        for from in stride(from: 0, to: codeList.count, by: 500) {
            for m in try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ Array(codeList[from..<min(from + 500, codeList.count)])).all() {
                enterpriseOf[m.creditCode] = try m.requireID()
            }
        }
        struct Write { var enterprise: UUID; var fact: String; var year: Int; var value: String? }
        var writes: [Write] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func fail(_ c: String, _ code: String, _ en: String, _ zh: String) {
                errors.append(RowError(row: row.line, column: c, code: code, message: Bilingual(zh: zh, en: en)))
            }
            let credit = value("credit_code").uppercased(), name = value("fact"), yearText = value("year")
            guard let enterprise = enterpriseOf[credit] else {
                fail("credit_code", "unknown_enterprise", "no enterprise has credit code '\(credit)'", "没有统一社会信用代码为“\(credit)”的企业"); continue
            }
            guard PolicyFactText.supplied.contains(name), let fact = PolicyFactCatalogue.builtIn[name] else {
                fail("fact", "not_supplied", "'\(name)' is not a supplied fact (\(PolicyFactText.supplied.joined(separator: ", ")))",
                     "“\(name)”不是可填报的数据项（\(PolicyFactText.supplied.joined(separator: "、"))）"); continue
            }
            var year = 0
            if Self.isYearly(fact) {
                guard let y = Int(yearText), (1990...2100).contains(y) else {
                    fail("year", "invalid_year", "\(name) needs a year between 1990 and 2100, found '\(yearText)'",
                         "\(fact.label.zh) 须注明年度（1990–2100），实际为“\(yearText)”"); continue
                }
                year = y
            }
            let text = value("value")
            var normalised: String?
            if !text.isEmpty {
                do throws(DomainError) {
                    normalised = PolicyFactText.text(try PolicyFactText.parse(text, fact: fact), fact: fact)
                } catch {
                    errors.append(RowError(row: row.line, column: "value", error: error)); continue
                }
            }
            let key = "\(credit)/\(name)/\(year)"
            if let first = seen[key] {
                fail("credit_code", "duplicate", "\(key) already appears on line \(first)", "\(key) 与第 \(first) 行重复"); continue
            }
            seen[key] = row.line
            writes.append(Write(enterprise: enterprise, fact: name, year: year, value: normalised))
        }
        guard errors.isEmpty else { return (table.rows.count, errors) }
        if dryRun { return (writes.count, []) }
        let clock = self.clock, planned = writes
        try await WriteGate.write(db) { tx in
            let sql = tx as! any SQLDatabase
            let audit = AuditLog(db: tx, clock: clock)
            for w in planned {
                let before = try await sql.raw("""
                    SELECT value FROM enterprise_facts WHERE enterprise_id = \(bind: w.enterprise) AND fact = \(bind: w.fact) AND year = \(bind: w.year)
                    """).first()?.decode(column: "value", as: String.self)
                guard before != w.value else { continue }
                try await sql.raw("""
                    DELETE FROM enterprise_facts WHERE enterprise_id = \(bind: w.enterprise) AND fact = \(bind: w.fact) AND year = \(bind: w.year)
                    """).run()
                if let v = w.value {
                    try await sql.raw("""
                        INSERT INTO enterprise_facts (enterprise_id, fact, year, value, updated_by, updated_at_ms)
                        VALUES (\(bind: w.enterprise), \(bind: w.fact), \(bind: w.year), \(bind: v), \(bind: principal.name), \(bind: clock.millis))
                        """).run()
                }
                try await audit.append(by: principal, action: "import", entityType: Self.entityType,
                                       entityID: "\(w.enterprise.uuidString)/\(w.fact)/\(w.year)",
                                       before: before.map { ["value": $0] }, after: w.value.map { ["value": $0] })
            }
        }
        return (writes.count, [])
    }
}
