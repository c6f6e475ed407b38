import ParkDomain

/// The outcome of a form, shown above the page it returns to: done (ok) or refused, in words.
struct Notice: Equatable, Sendable {
    var ok: Bool
    var text: String

    var html: HTML { "<div class=\"notice \(ok ? "ok" : "bad")\">\(text)</div>" }

    /// A refusal naming its field in the reader's words: "Credit code: …".
    static func refusal(_ e: DomainError, _ lang: Language, field name: (String) -> String = { $0 }) -> Notice {
        Notice(ok: false, text: (e.field.map { "\(name($0)): " } ?? "") + e.message.text(lang))
    }
}

extension Optional where Wrapped == Notice {
    var html: HTML { map(\.html) ?? .empty }
}

/// Names shown to readers, in their language.
enum Names {
    /// An enterprise's name: Chinese, or English when it has one and the reader reads English.
    static func enterprise(zh: String, en: String, _ lang: Language) -> String { lang == .en && !en.isEmpty ? en : zh }

    /// The other language's name, shown under the first (empty when there is none).
    static func enterpriseOther(zh: String, en: String, _ lang: Language) -> String { lang == .en ? (en.isEmpty ? "" : zh) : en }

    /// A record of the console that is not there, or not this reader's: 404 naming it in both languages.
    static func notFound<C: TextCatalogue>(_ what: C, id: String) -> DomainError {
        DomainError(.notFound, code: "not_found", field: nil, en: "\(what(.en)) \(id) was not found", zh: "未找到\(what(.zh)) \(id)")
    }
}

extension Enterprise {
    /// The enterprise's name for `lang` (Chinese when it has no English name).
    func name(_ lang: Language) -> String { Names.enterprise(zh: nameZh, en: nameEn, lang) }
}
