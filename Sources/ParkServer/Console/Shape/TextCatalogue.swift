import Foundation
import ParkDomain

/// A module's fixed console texts: one case per text, each in both languages. A `switch` over
/// all cases in `text`, so a key cannot exist in one language only; `TextsTests` checks every
/// key of every catalogue in `TextCatalogues.all`.
protocol TextCatalogue: CaseIterable, Sendable {
    var text: Bilingual { get }
    /// Keys whose English text may hold Chinese characters (a name with no English form).
    static var chineseInEnglish: Set<String> { get }
    /// Keys whose two texts may read the same ("ParkOS", "ID").
    static var sameInBothLanguages: Set<String> { get }
    /// Every key with its texts, for the catalogue test.
    static var entries: [(key: String, text: Bilingual)] { get }
}

extension TextCatalogue {
    static var chineseInEnglish: Set<String> { [] }
    static var sameInBothLanguages: Set<String> { [] }
    static var entries: [(key: String, text: Bilingual)] { allCases.map { ("\(Self.self).\($0)", $0.text) } }

    /// The text in `lang`: `ConsoleText.home(lang)`.
    func callAsFunction(_ lang: Language) -> String { text.text(lang) }

    /// A text with placeholders filled: `ConsoleText.enterpriseCount(lang, ["total": "3", …])` for
    /// "共 {total} 家企业". Both languages carry the same placeholders (tested).
    func callAsFunction(_ lang: Language, _ values: KeyValuePairs<String, String>) -> String {
        var s = text.text(lang)
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }
}

/// Every catalogue of the console. A new module adds its own under its slot.
enum TextCatalogues {
    static let all: [any TextCatalogue.Type] = [
        ConsoleText.self, NumberText.self, LandText.self, PerMuText.self, PolicyText.self,
        // ── slot: Investment (issue 11) ──
        InvestmentText.self, InfoReportText.self,

        // ── slot: Service (issue 12) ──
        ServiceText.self,

        // ── slot: Indicators and profile (issue 13) ──
        IndicatorText.self,

        // ── slot: Outbound (issue 14) ──
        OutboundText.self,
    ]
}

/// A text in both languages: `B("首页", "Home")`, for catalogues.
func B(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }
