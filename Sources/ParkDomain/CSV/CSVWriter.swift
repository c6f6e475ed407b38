import Foundation

/// Writes CSV lines per RFC 4180 that `CSVTable` reads back unchanged.
public enum CSVWriter {
    /// One line, without the line end. A field is quoted only when it must be: it contains a
    /// comma, a quote (doubled inside), CR or LF, or starts or ends with a space or tab (which
    /// readers, ours included, would otherwise trim).
    ///
    /// `formulaGuard`: set it ONLY when exporting a file meant for people to open in Excel/WPS
    /// (e.g. the register download). It prefixes a `'` to fields that a spreadsheet would run as
    /// a formula (starting with `=`, `+`, `-` or `@`) — the CSV-injection defence of OWASP.
    /// Leave it off for machine-to-machine CSV; importers of guarded files call
    /// `removeFormulaGuard` on each field.
    public static func line(_ fields: [String], formulaGuard: Bool = false) -> String {
        fields.map { escape(formulaGuard ? guardFormula($0) : $0) }.joined(separator: ",")
    }

    /// Several lines, each ended by "\n" (the last one too).
    public static func lines(_ rows: [[String]], formulaGuard: Bool = false) -> String {
        var out = ""
        for row in rows { out += line(row, formulaGuard: formulaGuard); out += "\n" }
        return out
    }

    /// Quotes a field if needed.
    public static func escape(_ field: String) -> String {
        var needsQuotes = false
        for u in field.utf8 where u == 0x2C || u == 0x22 || u == 0x0D || u == 0x0A {
            needsQuotes = true
            break
        }
        if let first = field.unicodeScalars.first, first == " " || first == "\t" { needsQuotes = true }
        if let last = field.unicodeScalars.last, last == " " || last == "\t" { needsQuotes = true }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// Prefixes `'` to a field a spreadsheet would treat as a formula. To stay reversible, a
    /// field that already is `'`s followed by a formula character gets one more `'`:
    /// `=1+1` → `'=1+1`, `'=x` → `''=x`; other fields are unchanged.
    public static func guardFormula(_ field: String) -> String {
        guard let first = field.first(where: { $0 != "'" }), formulaStarts.contains(first) else { return field }
        return "'" + field
    }

    /// Undoes `guardFormula`: drops one leading `'` when the field is one or more `'`s followed
    /// by a formula character (`'-5` → `-5`). Other fields, such as `'abc`, are unchanged.
    public static func removeFormulaGuard(_ field: String) -> String {
        guard field.first == "'", let first = field.first(where: { $0 != "'" }),
              formulaStarts.contains(first) else { return field }
        return String(field.dropFirst())
    }
}
