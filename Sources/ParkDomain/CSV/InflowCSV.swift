import Foundation

/// Utilised-FDI inflows as CSV, one row per inflow: `project_code,arrived_on,kind,amount,
/// currency,bank_reference` (the last optional). Amounts exact with at most two decimals in
/// the original currency. Every row error is collected; the caller writes nothing while any
/// remains.
public enum InflowCSV {
    public static let columns = ["project_code", "arrived_on", "kind", "amount", "currency", "bank_reference"]
    public static let required = ["project_code", "arrived_on", "kind", "amount", "currency"]

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var projectCode: String
        public var arrivedOn: LocalDate
        public var kind: InflowKind
        public var amount: CurrencyAmount
        public var bankReference: String
    }

    public static func decode(_ data: Data) -> (rows: [Row], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns, required: required) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        var rows: [Row] = []
        var errors: [RowError] = []
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            var ok = true
            func attempt<T>(_ column: String, _ body: () throws(DomainError) -> T) -> T? {
                do throws(DomainError) { return try body() } catch {
                    errors.append(RowError(row: row.line, column: column, error: error)); ok = false; return nil
                }
            }
            let code = value("project_code")
            if code.isEmpty { errors.append(RowError(row: row.line, column: "project_code", error: .required("project_code"))); ok = false }
            let arrived = attempt("arrived_on") { () throws(DomainError) -> LocalDate in
                guard let d = LocalDate(iso: value("arrived_on")) else {
                    throw DomainError(code: "invalid_date", field: "arrived_on", en: "arrived_on must be a date YYYY-MM-DD, not '\(value("arrived_on").prefix(20))'",
                                      zh: "到账日期须为 YYYY-MM-DD，而非“\(value("arrived_on").prefix(20))”")
                }
                return d
            }
            let kind = attempt("kind") { () throws(DomainError) -> InflowKind in try parseCode(value("kind"), as: InflowKind.self, field: "kind") }
            let currency = attempt("currency") { () throws(DomainError) -> String in try Currency.parse(value("currency"), field: "currency").code }
            let amount = currency.flatMap { c in attempt("amount") { () throws(DomainError) -> CurrencyAmount in
                let a = try CurrencyAmount.parse(value("amount"), currency: c, field: "amount")
                try a.requirePositive(field: "amount")
                return a
            } }
            if value("bank_reference").count > 100 { errors.append(RowError(row: row.line, column: "bank_reference", error: .tooLong("bank_reference", max: 100))); ok = false }
            if ok, let arrived, let kind, let amount {
                rows.append(Row(line: row.line, projectCode: code, arrivedOn: arrived, kind: kind, amount: amount, bankReference: value("bank_reference")))
            }
        }
        return (rows, errors)
    }
}
