import Foundation

/// One record of a CSV file. `line` is the 1-based physical line of the file on which the
/// record starts (the header is line 1), so messages point where a user looks in an editor.
public struct CSVRow: Sendable, Equatable {
    public let line: Int
    public let fields: [String]
    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}

/// A CSV file read per RFC 4180: comma separated; fields may be quoted with `"`, and inside
/// quotes a doubled `""` is one quote and commas and line breaks are data. Accepted beyond the
/// RFC: LF, CR or CRLF line ends (mixed too), a UTF-8 BOM, no final line break, and bytes in
/// GB18030/GBK or UTF-16 (see `TextEncoding`).
///
/// Lenient on purpose: a `"` inside an unquoted field (`5" panel`) is kept as text. Records
/// without content — an empty line, or only commas and spaces as Excel writes for blank rows —
/// are skipped. Errors name the line: a quote never closed, text after a closing quote, and
/// (in `parse`) a row whose column count differs from the header's.
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    public let rows: [CSVRow]

    public init(header: [String], rows: [CSVRow]) { self.header = header; self.rows = rows }

    /// Decodes the bytes (`TextEncoding`) and parses them.
    public static func parse(_ data: Data) throws(DomainError) -> CSVTable {
        try parse(TextEncoding.decode(data).text)
    }

    /// Parses text. The first record is the header; each later record must have as many fields.
    public static func parse(_ text: String) throws(DomainError) -> CSVTable {
        let all = try records(text)
        guard let first = all.first else { return CSVTable(header: [], rows: []) }
        let rows = Array(all.dropFirst())
        for row in rows where row.fields.count != first.fields.count {
            throw columnCountError(line: row.line, found: row.fields.count, expected: first.fields.count)
        }
        return CSVTable(header: first.fields, rows: rows)
    }

    /// All records, header included, without checking column counts (so that a caller can
    /// report every short or long row rather than the first).
    public static func records(_ text: String) throws(DomainError) -> [CSVRow] {
        do throws(CSVSyntaxError) {
            return try scan(text)
        } catch {
            throw error.error
        }
    }

    public static func columnCountError(line: Int, found: Int, expected: Int) -> DomainError {
        DomainError(code: "column_count", field: "file",
                    en: "row \(line) has \(found) columns, the header has \(expected)",
                    zh: "第 \(line) 行有 \(found) 列，表头有 \(expected) 列")
    }

    /// A syntax error together with its line, for callers that report by row.
    struct CSVSyntaxError: Error {
        let line: Int
        let error: DomainError
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), space = UInt8(ascii: " "),
                       tab = UInt8(ascii: "\t")

    /// The scanner works on UTF-8 bytes: every byte that matters (quote, comma, CR, LF) is
    /// ASCII and never occurs inside a multi-byte sequence.
    static func scan(_ text: String) throws(CSVSyntaxError) -> [CSVRow] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var result: [CSVRow] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = 0
        let n = bytes.count

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            let blank = fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } }
            if !blank { result.append(CSVRow(line: recordLine, fields: fields)) }
            fields = []
        }
        /// Consumes a line end at `i` (CR, LF or CRLF) and returns true if there was one.
        func lineEnd() -> Bool {
            if bytes[i] == lf { i += 1; line += 1; return true }
            if bytes[i] == cr {
                i += 1
                if i < n, bytes[i] == lf { i += 1 }
                line += 1
                return true
            }
            return false
        }

        while i < n {
            let b = bytes[i]
            if b == quote && field.allSatisfy({ $0 == space || $0 == tab }) {
                // Quoted field (spaces before the opening quote are dropped).
                field.removeAll(keepingCapacity: true)
                let openedOn = line
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < n, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1; closed = true; break
                    }
                    if c == cr || c == lf {
                        // Line breaks inside quotes are data, kept as written; count the line.
                        field.append(c); i += 1
                        if c == cr, i < n, bytes[i] == lf { field.append(lf); i += 1 }
                        line += 1
                        continue
                    }
                    field.append(c); i += 1
                }
                guard closed else {
                    throw CSVSyntaxError(line: openedOn, error: DomainError(
                        code: "unbalanced_quotes", field: "file",
                        en: "line \(openedOn): a quoted field opened here is never closed (unbalanced quotes)",
                        zh: "第 \(openedOn) 行：此处开始的引号字段没有闭合（引号不成对）"))
                }
                // After the closing quote: spaces, then a comma, a line end or the end.
                while i < n, bytes[i] == space || bytes[i] == tab { i += 1 }
                if i == n { break }
                if bytes[i] == comma { endField(); i += 1; continue }
                if lineEnd() { endRecord(); recordLine = line; continue }
                throw CSVSyntaxError(line: line, error: DomainError(
                    code: "text_after_quote", field: "file",
                    en: "line \(line): unexpected text after a closing quote in column \(fields.count + 1)",
                    zh: "第 \(line) 行第 \(fields.count + 1) 列：右引号后面不应再有文字"))
            }
            if b == comma { endField(); i += 1; continue }
            if lineEnd() { endRecord(); recordLine = line; continue }
            field.append(b); i += 1
        }
        // The last record when the file does not end with a line break.
        if !fields.isEmpty || !field.isEmpty || (n > 0 && bytes[n - 1] == quote) {
            endRecord()
        }
        return result
    }
}
