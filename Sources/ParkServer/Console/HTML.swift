import Foundation

/// A piece of HTML. Built with string interpolation in which every interpolated `String` is
/// escaped and only `HTML` values are inserted as they are, so text from the database can
/// never become markup.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public init(stringInterpolation: Interpolation) { raw = stringInterpolation.out }
    public var description: String { raw }

    public struct Interpolation: StringInterpolationProtocol {
        var out = ""
        public init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { out += literal }
        public mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { out += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ html: HTML) { out += html.raw }
        public mutating func appendInterpolation(_ list: [HTML]) { for h in list { out += h.raw } }
        public mutating func appendInterpolation(_ n: Int) { out += String(n) }
    }

    public static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            default: r.append(c)
            }
        }
        return r
    }

    public static let empty = HTML(raw: "")

    /// A query string from pairs, percent-encoded, skipping empty values.
    public static func query(_ pairs: [(String, String?)]) -> String {
        let items = pairs.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
        guard !items.isEmpty else { return "" }
        var c = URLComponents()
        c.queryItems = items
        return c.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}

/// Small builders for repeated console markup.
enum Markup {
    static func option(_ value: String, _ label: String, selected: String?) -> HTML {
        value == (selected ?? "") ? "<option value=\"\(value)\" selected>\(label)</option>"
            : "<option value=\"\(value)\">\(label)</option>"
    }

    /// A month chooser with our own labels ("2026年11月" / "Nov 2026"), newest first: the months
    /// from `last` back `count` months, plus `selected` when it lies outside; the value is
    /// YYYY-MM like `<input type="month">`'s, so the query parsing is unchanged.
    static func monthSelect(name: String, selected: YearMonth?, last: YearMonth, count: Int = 60, optional: Bool = false,
                            _ lang: Language) -> HTML {
        var months = (0..<count).compactMap { last.adding(months: -$0) }
        if let s = selected, !months.contains(s) { months.append(s); months.sort(by: >) }
        let empty: HTML = optional ? option("", NumberText.anyMonth(lang), selected: selected?.iso) : .empty
        return "<select name=\"\(name)\">\(empty)\(months.map { option($0.iso, Numbers.month($0, lang), selected: selected?.iso) })</select>"
    }

    static func badge(_ text: String, kind: String = "") -> HTML { "<span class=\"badge \(kind)\">\(text)</span>" }

    static func csrfField(_ token: String?) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(token ?? "")\">" }

    static func date(_ date: Date, _ lang: Language) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }
}

import ParkDomain
