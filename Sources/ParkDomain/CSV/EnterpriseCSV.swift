import Foundation

/// A fault found while importing a file. `row` is the line of the file where the record starts
/// (header = 1); 0 for faults of the whole file (size, encoding, empty). `column` is the CSV
/// column at fault, if any.
public struct RowError: Sendable, Equatable, Codable {
    public let row: Int
    public let column: String?
    public let code: String
    public let message: Bilingual

    public init(row: Int, column: String?, code: String, message: Bilingual) {
        self.row = row; self.column = column; self.code = code; self.message = message
    }

    public init(row: Int, column: String?, error: DomainError) {
        self.init(row: row, column: column, code: error.code, message: error.message)
    }

    init(row: Int, column: String?, code: String, en: String, zh: String) {
        self.init(row: row, column: column, code: code, message: Bilingual(zh: zh, en: en))
    }
}

/// The outcome of reading an enterprise CSV. Import is all-or-nothing: `enterprises` is filled
/// only when `errors` is empty, so a caller that writes `enterprises` can never write part of
/// a faulty file. `rowCount` counts data records (header and blank lines excluded).
public struct EnterpriseImport: Sendable {
    public let enterprises: [Enterprise]
    public let errors: [RowError]
    public let encoding: TextEncoding.Detected
    public let rowCount: Int

    public init(enterprises: [Enterprise], errors: [RowError], encoding: TextEncoding.Detected, rowCount: Int) {
        self.enterprises = enterprises; self.errors = errors; self.encoding = encoding; self.rowCount = rowCount
    }
}

/// The enterprise register as CSV, for bulk import and for export.
public enum EnterpriseCSV {
    /// Every column, in export order.
    public static let columns = [
        "credit_code", "name_zh", "name_en", "industry_code", "clusters", "ownership", "origin_country",
        "fortune500_parent", "regional_hq", "rd_centre", "listing", "above_designated_size", "employees",
        "founded_on", "address",
    ]
    /// Columns an import file must have; the others default (ownership domestic, origin CN,
    /// flags false, the rest empty).
    public static let requiredColumns = ["credit_code", "name_zh", "name_en", "industry_code"]
    public static let maxBytes = CSVTable.importMaxBytes
    /// Makes Excel on Windows open a UTF-8 file as UTF-8 instead of GBK.
    public static let utf8BOM = "\u{FEFF}"

    /// Reads a file and collects every fault (see `EnterpriseImport`). Fields are trimmed; a
    /// leading `'` added by the export's formula guard is removed. Text such as SQL or HTML is
    /// kept as plain text — it is data, escaped where it is shown or stored.
    /// `progress(done, total)` is called every 1,000 data rows and once at the end.
    public static func decode(_ data: Data, catalog: ReferenceCatalog, today: LocalDate,
                              existingCodes: Set<String> = [],
                              progress: ((Int, Int) -> Void)? = nil) -> EnterpriseImport {
        func fail(_ error: RowError, _ encoding: TextEncoding.Detected = .utf8) -> EnterpriseImport {
            EnterpriseImport(enterprises: [], errors: [error], encoding: encoding, rowCount: 0)
        }
        guard data.count <= maxBytes else {
            let mb = String(format: "%.1f", Double(data.count) / 1_048_576)
            return fail(RowError(row: 0, column: nil, code: "too_large",
                                 en: "the file is \(mb) MB; the limit is 10 MB — split it into several files",
                                 zh: "文件大小为 \(mb) MB，上限为 10 MB，请拆分为多个文件"))
        }
        let text: String, encoding: TextEncoding.Detected
        do throws(DomainError) {
            (text, encoding) = try TextEncoding.decode(data)
        } catch {
            return fail(RowError(row: 0, column: nil, error: error))
        }
        let records: [CSVRow]
        do throws(CSVTable.CSVSyntaxError) {
            records = try CSVTable.scan(text)
        } catch {
            return fail(RowError(row: error.line, column: nil, error: error.error), encoding)
        }
        guard let header = records.first else {
            return fail(RowError(row: 0, column: nil, code: "empty_file",
                                 en: "the file is empty; the first line must be the header (\(columns.joined(separator: ",")))",
                                 zh: "文件为空；第一行应为表头（\(columns.joined(separator: ","))）"), encoding)
        }
        let index: [String: Int]
        switch readHeader(header) {
        case .success(let map): index = map
        case .failure(let errors):
            return EnterpriseImport(enterprises: [], errors: errors.list, encoding: encoding, rowCount: 0)
        }

        let rows = records.dropFirst()
        var enterprises: [Enterprise] = []
        var errors: [RowError] = []
        var firstLine: [String: Int] = [:]
        var done = 0
        enterprises.reserveCapacity(rows.count)
        for record in rows {
            done += 1
            if done % 1000 == 0 { progress?(done, rows.count) }
            guard record.fields.count == header.fields.count else {
                errors.append(RowError(row: record.line, column: nil,
                                       error: CSVTable.columnCountError(line: record.line, found: record.fields.count,
                                                                        expected: header.fields.count)))
                continue
            }
            var reader = EnterpriseRowReader(fields: record.fields, index: index, line: record.line)
            let enterprise = reader.enterprise()
            var rowErrors = reader.errors
            if let code = reader.creditCode {
                if let first = firstLine[code.value] {
                    rowErrors.append(RowError(row: record.line, column: "credit_code", code: "duplicate_in_file",
                                              en: "credit code \(code.value) is also on row \(first)",
                                              zh: "统一社会信用代码 \(code.value) 与第 \(first) 行重复"))
                } else {
                    firstLine[code.value] = record.line
                }
                if existingCodes.contains(code.value) {
                    rowErrors.append(RowError(row: record.line, column: "credit_code", code: "already_registered",
                                              en: "credit code \(code.value) is already registered",
                                              zh: "统一社会信用代码 \(code.value) 已登记"))
                }
            }
            // Validation needs every field parsed; the credit code is not part of it.
            if let enterprise {
                do throws(DomainError) {
                    try enterprise.validate(against: catalog, today: today)
                    if rowErrors.isEmpty { enterprises.append(enterprise) }
                } catch {
                    rowErrors.append(RowError(row: record.line, column: error.field, error: error))
                }
            }
            errors += rowErrors
        }
        if done % 1000 != 0 || done == 0 { progress?(done, rows.count) }
        return EnterpriseImport(enterprises: errors.isEmpty ? enterprises : [], errors: errors,
                                encoding: encoding, rowCount: rows.count)
    }

    /// The header line and one line per enterprise, in `columns` order, "\n" line ends, with
    /// the spreadsheet formula guard on (this is an export for people). `decode` reads it back.
    public static func encode(_ enterprises: [Enterprise]) -> String {
        var out = CSVWriter.line(columns) + "\n"
        for e in enterprises { out += CSVWriter.line(fields(e), formulaGuard: true) + "\n" }
        return out
    }

    /// One enterprise's values in `columns` order, as codes (the import's form).
    public static func fields(_ e: Enterprise) -> [String] {
        [
            e.creditCode.value, e.nameZh, e.nameEn, e.industryCode, e.clusters.joined(separator: ";"),
            e.ownership.rawValue, e.originCountry, e.fortune500Parent ?? "", String(e.regionalHeadquarters),
            String(e.rdCentre), e.listing?.rawValue ?? "", String(e.aboveDesignatedSize),
            e.employees.map(String.init) ?? "", e.foundedOn?.iso ?? "", e.address,
        ]
    }

    /// `encode` as bytes for download: UTF-8 with a BOM, so that Excel shows Chinese correctly.
    public static func exportData(_ enterprises: [Enterprise]) -> Data {
        Data((utf8BOM + encode(enterprises)).utf8)
    }

    /// An empty import file: the header line only.
    public static func template() -> String {
        CSVWriter.line(columns) + "\n"
    }

    struct HeaderErrors: Error { let list: [RowError] }

    /// Maps column names (trimmed, case-insensitive) to positions, or every header fault.
    static func readHeader(_ header: CSVRow) -> Result<[String: Int], HeaderErrors> {
        var index: [String: Int] = [:]
        var errors: [RowError] = []
        let row = header.line
        for (i, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if name.isEmpty {
                errors.append(RowError(row: row, column: nil, code: "unnamed_column",
                                       en: "column \(i + 1) of the header has no name",
                                       zh: "表头第 \(i + 1) 列没有列名"))
            } else if !columns.contains(name) {
                var en = "unknown column '\(name)'", zh = "未知列“\(name)”"
                if let near = closestColumn(to: name) {
                    en += "; did you mean '\(near)'?"; zh += "；是否应为“\(near)”？"
                }
                errors.append(RowError(row: row, column: name, code: "unknown_column", en: en, zh: zh))
            } else if let first = index[name] {
                errors.append(RowError(row: row, column: name, code: "duplicate_column",
                                       en: "column '\(name)' appears twice in the header (columns \(first + 1) and \(i + 1))",
                                       zh: "表头中“\(name)”列出现两次（第 \(first + 1) 列和第 \(i + 1) 列）"))
            } else {
                index[name] = i
            }
        }
        for name in requiredColumns where index[name] == nil && !errors.contains(where: { $0.column == name }) {
            errors.append(RowError(row: row, column: name, code: "missing_column",
                                   en: "the header has no '\(name)' column, which is required",
                                   zh: "表头缺少必填列“\(name)”"))
        }
        return errors.isEmpty ? .success(index) : .failure(HeaderErrors(list: errors))
    }

    /// The known column within edit distance 2 of `name`, if any (the nearest).
    static func closestColumn(to name: String) -> String? {
        let scored = columns.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two strings, by character.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
