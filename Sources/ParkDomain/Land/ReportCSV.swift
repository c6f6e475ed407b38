import Foundation

/// Yearly performance reports delivered by the tax or statistics bureau as CSV: one row per
/// parcel and year. Every row error is collected (row = line in the file, column, reason);
/// the rows that parsed are returned too, so the caller can check them further and report
/// everything at once — it writes nothing while there is any error.
public enum ReportCSV {
    public static let columns = ["parcel_code", "year", "investment_to_date_yuan", "production_start_date", "tax_paid_yuan",
                                 "revenue_yuan", "value_added_yuan", "rd_spend_yuan", "energy_tonnes_coal", "electricity_kwh", "emissions_tonnes",
                                 "average_employees", "reason"]
    public static let required = ["parcel_code", "year"]
    public static let maxBytes = CSVTable.importMaxBytes

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var parcelCode: String
        public var report: PerformanceReport
        public var reason: String
    }

    public static func decode(_ data: Data, source: ReportSource) -> (rows: [Row], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns, required: required) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        var errors: [RowError] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func fail(_ c: String, _ en: String, _ zh: String) {
                errors.append(RowError(row: row.line, column: c, code: "invalid_value", message: Bilingual(zh: zh, en: en)))
            }
            func money(_ c: String) -> Int64 {
                let v = value(c).replacingOccurrences(of: ",", with: "")
                if v.isEmpty { return 0 }
                guard let n = Int64(v), n >= 0 else { fail(c, "\(c) must be a whole number of yuan, 0 or more, found '\(v)'", "\(c) 须为非负整数（元），实际为“\(v)”"); return 0 }
                return n
            }
            func amount(_ c: String) -> Double {
                let v = value(c).replacingOccurrences(of: ",", with: "")
                if v.isEmpty { return 0 }
                guard let n = Double(v), n.isFinite, n >= 0 else { fail(c, "\(c) must be a number 0 or more, found '\(v)'", "\(c) 须为非负数，实际为“\(v)”"); return 0 }
                return n
            }
            let code = value("parcel_code")
            if code.isEmpty { errors.append(RowError(row: row.line, column: "parcel_code", error: .required("parcel_code"))) }
            guard let year = Int(value("year")) else {
                fail("year", "year must be a whole number, found '\(value("year"))'", "年度须为整数，实际为“\(value("year"))”")
                continue
            }
            if let first = seen["\(code)|\(year)"] {
                fail("year", "\(code) \(year) is also on line \(first)", "\(code) \(year) 年度与第 \(first) 行重复")
            } else { seen["\(code)|\(year)"] = row.line }
            var start: LocalDate?
            let rawStart = value("production_start_date")
            if !rawStart.isEmpty {
                start = LocalDate(iso: rawStart)
                if start == nil { fail("production_start_date", "production_start_date must be YYYY-MM-DD, found '\(rawStart)'", "投产日期格式应为 YYYY-MM-DD，实际为“\(rawStart)”") }
            }
            let employees = Int(amount("average_employees").rounded())
            let report = PerformanceReport(year: year, investmentToDateYuan: money("investment_to_date_yuan"), productionStartDate: start,
                                           taxPaidYuan: money("tax_paid_yuan"), revenueYuan: money("revenue_yuan"),
                                           valueAddedYuan: money("value_added_yuan"), rdSpendYuan: money("rd_spend_yuan"),
                                           energyTonnesCoal: amount("energy_tonnes_coal"), electricityKWh: amount("electricity_kwh"),
                                           emissionsTonnes: amount("emissions_tonnes"),
                                           averageEmployees: employees, source: source, verification: .verified)
            rows.append(Row(line: row.line, parcelCode: code, report: report, reason: value("reason")))
        }
        return (rows, errors)
    }
}
