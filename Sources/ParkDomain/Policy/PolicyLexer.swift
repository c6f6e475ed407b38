import Foundation

/// A message about a policy source at a line and column (1-based, columns count characters):
/// a parse or check error, or a lint warning.
public struct PolicyDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }
    public var severity: Severity
    public var line: Int
    public var column: Int
    /// Stable machine code (`expected`, `unknown_fact`, `type_mismatch`, `unreachable_row` ...).
    public var code: String
    public var message: Bilingual

    public init(_ severity: Severity = .error, line: Int, column: Int, code: String, en: String, zh: String) {
        self.severity = severity; self.line = line; self.column = column; self.code = code
        self.message = Bilingual(zh: zh, en: en)
    }

    public var description: String { "\(line):\(column): \(severity.rawValue): \(message.en)" }

    /// The diagnostic as a `DomainError` (field `line:column`) for the API and CLI.
    public var domainError: DomainError {
        DomainError(code: code, field: "\(line):\(column)", en: "line \(line), column \(column): \(message.en)",
                    zh: "第 \(line) 行第 \(column) 列：\(message.zh)")
    }
}

/// A position in a source file.
public struct PolicySourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// Character offset, for slicing source text into explanations.
    public var offset: Int
}

/// One token of a policy source.
struct PolicyToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        /// A decimal literal, exact, in micro-units.
        case number(Int64)
        /// `yyyymmdd`.
        case date(Int64)
        case string(String)
        /// Punctuation and operators: ( ) [ ] { } , : ; = != < <= > >= + - * / % -> _ and unit words 万元 亿元 元 US$.
        case symbol(String)
        case end
    }
    var kind: Kind
    var position: PolicySourcePosition
    var endOffset: Int

    var text: String {
        switch kind {
        case .identifier(let s), .symbol(let s): s
        case .number(let n): PolicyFixed.decimal(n)
        case .date(let d): PolicyFixed.render(d, .date)
        case .string(let s): "\"\(s)\""
        case .end: "end of file"
        }
    }
}

/// Splits a policy source into tokens. `#` starts a comment to the end of the line.
enum PolicyLexer {
    static func tokens(_ source: String) throws(PolicyDiagnostic) -> [PolicyToken] {
        let chars = Array(source)
        var out: [PolicyToken] = []
        var i = 0, line = 1, col = 1
        func pos() -> PolicySourcePosition { PolicySourcePosition(line: line, column: col, offset: i) }
        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < chars.count {
                if chars[i] == "\n" { line += 1; col = 1 } else { col += 1 }
                i += 1
            }
        }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func isIdentStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
        while i < chars.count {
            let c = chars[i]
            if c == "#" { while i < chars.count, chars[i] != "\n" { advance() }; continue }
            if c.isWhitespace { advance(); continue }
            let start = pos()
            // Date literal: dddd-dd-dd.
            if isDigit(c), i + 10 <= chars.count,
               chars[i..<i + 4].allSatisfy(isDigit), chars[i + 4] == "-", chars[i + 5..<i + 7].allSatisfy(isDigit),
               chars[i + 7] == "-", chars[i + 8..<i + 10].allSatisfy(isDigit),
               i + 10 == chars.count || !isDigit(chars[i + 10]) {
                let s = String(chars[i..<i + 10])
                guard let d = LocalDate(iso: s) else {
                    throw PolicyDiagnostic(line: line, column: col, code: "bad_date", en: "\(s) is not a valid date",
                                           zh: "\(s) 不是有效日期")
                }
                advance(10)
                out.append(PolicyToken(kind: .date(Int64(d.year * 10_000 + d.month * 100 + d.day)), position: start, endOffset: i))
                continue
            }
            if isDigit(c) {
                var s = ""
                while i < chars.count, isDigit(chars[i]) || chars[i] == "_" {
                    if chars[i] != "_" { s.append(chars[i]) }
                    advance()
                }
                var frac = ""
                if i + 1 < chars.count, chars[i] == ".", isDigit(chars[i + 1]) {
                    advance()
                    while i < chars.count, isDigit(chars[i]) { frac.append(chars[i]); advance() }
                }
                guard frac.count <= 6, s.count <= 12, let w = Int64(s), let f = Int64(frac.isEmpty ? "0" : frac) else {
                    throw PolicyDiagnostic(line: start.line, column: start.column, code: "bad_number",
                                           en: "number \(s).\(frac) has more than 12 integer digits or 6 decimals",
                                           zh: "数字 \(s).\(frac) 超过 12 位整数或 6 位小数")
                }
                var scale: Int64 = 1
                for _ in 0..<(6 - frac.count) { scale *= 10 }
                out.append(PolicyToken(kind: .number(w * PolicyFixed.one + f * scale), position: start, endOffset: i))
                continue
            }
            if isIdentStart(c) {
                var s = ""
                while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" {
                    s.append(chars[i]); advance()
                }
                if s == "US", i < chars.count, chars[i] == "$" { advance(); out.append(PolicyToken(kind: .symbol("US$"), position: start, endOffset: i)); continue }
                out.append(PolicyToken(kind: s == "_" ? .symbol("_") : .identifier(s), position: start, endOffset: i))
                continue
            }
            if c == "\"" {
                advance()
                var s = ""
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\n" { break }
                    if chars[i] == "\\", i + 1 < chars.count { advance(); s.append(chars[i] == "n" ? "\n" : chars[i]); advance(); continue }
                    s.append(chars[i]); advance()
                }
                guard i < chars.count, chars[i] == "\"" else {
                    throw PolicyDiagnostic(line: start.line, column: start.column, code: "unterminated_string",
                                           en: "string is not closed with \" on the same line", zh: "字符串未在同一行以 \" 结束")
                }
                advance()
                out.append(PolicyToken(kind: .string(s), position: start, endOffset: i))
                continue
            }
            for unit in ["万元", "亿元", "元"] where String(chars[i..<min(chars.count, i + unit.count)]) == unit {
                advance(unit.count)
                out.append(PolicyToken(kind: .symbol(unit), position: start, endOffset: i))
                break
            }
            if out.last?.position == start { continue }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if ["!=", "<=", ">=", "->"].contains(two) {
                advance(2); out.append(PolicyToken(kind: .symbol(two), position: start, endOffset: i)); continue
            }
            if "()[]{},:;=<>+-*/%".contains(c) {
                advance(); out.append(PolicyToken(kind: .symbol(String(c)), position: start, endOffset: i)); continue
            }
            throw PolicyDiagnostic(line: line, column: col, code: "unexpected_character",
                                   en: "unexpected character '\(c)'", zh: "无法识别的字符“\(c)”")
        }
        out.append(PolicyToken(kind: .end, position: pos(), endOffset: i))
        return out
    }
}
