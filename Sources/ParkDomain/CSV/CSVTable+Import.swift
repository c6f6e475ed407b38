import Foundation

extension CSVTable {
    /// The largest file the bulk imports accept.
    public static let importMaxBytes = 10 * 1024 * 1024

    /// An import file read and its header checked: at most `importMaxBytes`, every column
    /// one of `known` (names compared trimmed and lower-cased), every `required` one present.
    /// The table with each column's position, or the errors that refuse the file (row 0: the
    /// whole file, row 1: the header).
    public static func importTable(_ data: Data, known: [String], required: [String])
        -> Result<(table: CSVTable, index: [String: Int]), ImportRefusal> {
        if data.count > importMaxBytes {
            return .failure(ImportRefusal(errors: [RowError(row: 0, column: nil, error: DomainError(
                .tooLarge, code: "too_large", field: "file", en: "the file is larger than 10 MiB", zh: "文件超过 10 MiB"))]))
        }
        let table: CSVTable
        do { table = try CSVTable.parse(data) } catch { return .failure(ImportRefusal(errors: [RowError(row: 0, column: nil, error: error)])) }
        var errors: [RowError] = []
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for h in header where !known.contains(h) {
            errors.append(RowError(row: 1, column: h, code: "unknown_column",
                                   message: Bilingual(zh: "未知列“\(h)”；可用列：\(known.joined(separator: ", "))",
                                                      en: "unknown column '\(h)'; known columns: \(known.joined(separator: ", "))")))
        }
        for r in required where !header.contains(r) { errors.append(RowError(row: 1, column: r, error: .required(r))) }
        guard errors.isEmpty else { return .failure(ImportRefusal(errors: errors)) }
        return .success((table, Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })))
    }

    /// The errors that refuse a whole import file.
    public struct ImportRefusal: Error, Sendable { public var errors: [RowError] }
}
