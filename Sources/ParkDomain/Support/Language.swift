/// The two languages of the console and of user-facing messages. 简体中文 is the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Picks the first supported language named in an HTTP `Accept-Language` header, else Chinese.
    public static func from(acceptLanguage header: String?) -> Language {
        guard let header else { return .zh }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            return (tag, q)
        }.sorted { $0.1 > $1.1 }
        for (tag, q) in ranked where q > 0 {
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return .zh
    }
}

/// A text in both languages.
public struct Bilingual: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
