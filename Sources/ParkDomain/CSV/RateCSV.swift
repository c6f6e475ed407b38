import Foundation

/// The monthly exchange-rate table as CSV: `currency,month,usd_per_unit,cny_per_unit`, one row
/// per currency and month, rates as exact decimals (`EUR,2020-03,1.10630000,7.78150000`). Every
/// row error is collected (row = line, column, reason); a file with any error imports nothing.
public enum RateCSV {
    public static let columns = ["currency", "month", "usd_per_unit", "cny_per_unit"]

    public static func decode(_ data: Data) -> (rates: [ExchangeRate], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns, required: columns) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        var rates: [ExchangeRate] = []
        var errors: [RowError] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func value(_ c: String) -> String { row.fields[index[c]!].trimmingCharacters(in: .whitespaces) }
            do throws(DomainError) {
                let month = try YearMonth.parse(value("month"), field: "month")
                let rate = try ExchangeRate.parse(currency: value("currency"), month: month,
                                                  usdPerUnit: value("usd_per_unit"), cnyPerUnit: value("cny_per_unit"))
                let key = "\(rate.currency)|\(month.iso)"
                if let first = seen[key] {
                    errors.append(RowError(row: row.line, column: "month", code: "duplicate_rate",
                                           message: Bilingual(zh: "\(rate.currency) \(month.iso) 与第 \(first) 行重复",
                                                              en: "\(rate.currency) \(month.iso) is also on line \(first)")))
                    continue
                }
                seen[key] = row.line
                rates.append(rate)
            } catch {
                errors.append(RowError(row: row.line, column: error.field, error: error))
            }
        }
        return (rates, errors)
    }

    /// The table as CSV (the import's columns), in currency then month order.
    public static func encode(_ rates: [ExchangeRate]) -> String {
        CSVWriter.lines([columns] + rates.sorted { ($0.currency, $0.month) < ($1.currency, $1.month) }.map {
            [$0.currency, $0.month.iso, $0.usdPerUnitText, $0.cnyPerUnitText]
        })
    }
}
