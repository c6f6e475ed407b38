import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Numbers, money and badges of the per-mu pages: values with their units, money from fen
/// exactly, grades in their colours.
enum PerMuFormat {
    /// A value of `indicator` with its unit; R&D intensity (a fraction) as a percentage.
    static func value(_ v: Double?, _ indicator: PerMuIndicator, _ lang: Language) -> String {
        guard let v else { return "—" }
        if indicator == .rdIntensity { return Numbers.percent(ratio: v) }
        return Numbers.trimmed(v) + Numbers.unitSpace + indicator.unit.text(lang)
    }

    /// Money from fen as officials read it: "10.00 万元" / "100,000.00 yuan", "1.40 M yuan"
    /// (exact below 10,000 yuan in Chinese, 1 M yuan in English; CSV exports keep the fen).
    static func money(fen: Int64, _ lang: Language) -> String { Numbers.yuan(fen: fen, lang) }

    /// Money from a yuan amount, rounded to the fen first (as the store rounds).
    static func money(yuan: Double, _ lang: Language) -> String { money(fen: PerMuRunRepository.fen(yuan), lang) }

    /// Σ of a unit's members' surcharges, each rounded to the fen (as the run's total is).
    static func surchargeFen(_ r: PerMuResult) -> Int64 {
        r.members.reduce(0) { Checked.addSaturating($0, PerMuRunRepository.fen($1.electricitySurchargeYuan)) }
    }

    static func colon(_ lang: Language) -> String { ConsoleText.colon(lang) }

    static func mu(_ x: Double, _ lang: Language) -> String { Numbers.decimal(x, digits: 2) + " " + LandText.mu(lang) }

    static func score(_ x: Double?) -> String { x.map { Numbers.decimal($0, digits: 2) } ?? "—" }

    static func date(millis: Int64, _ lang: Language) -> String {
        Markup.date(Date(timeIntervalSince1970: Double(millis) / 1000), lang)
    }

    /// A grade's colour (A green … D red), used by charts and legends alike.
    static func colour(_ g: PerMuGrade) -> String {
        switch g {
        case .a: "#1a9850"
        case .b: "#91cf60"
        case .c: "#fdae61"
        case .d: "#d73027"
        }
    }

    static func gradeBadge(_ g: PerMuGrade?, _ lang: Language, long: Bool = false) -> HTML {
        guard let g else { return "<span class=\"sub\">—</span>" }
        return "<span class=\"badge grade-\(g.rawValue.lowercased())\" title=\"\(g.label.text(lang))\">\(long ? g.label.text(lang) : g.rawValue)</span>"
    }

    static func stateBadge(_ s: PerMuRunRepository.State, _ lang: Language) -> HTML {
        Markup.badge(s.label.text(lang), kind: s == .enacted ? "rd" : s == .reopened ? "off" : "")
    }

    static func legend(_ lang: Language) -> HTML {
        let items = PerMuGrade.allCases.map { g -> HTML in "<span class=\"legend\"><i class=\"grade-\(g.rawValue.lowercased())\"></i>\(g.label.text(lang))</span>" }
        return "<div class=\"legends\">\(items)</div>"
    }

    static func schemeName(_ name: String, _ version: Int, _ lang: Language) -> String {
        PerMuText.schemeVersion(lang, ["name": name, "version": String(version)])
    }

    /// "field: message" of a refused form.
    static func refusal(_ e: DomainError, _ lang: Language) -> String {
        (e.field.map { "\($0): " } ?? "") + e.message.text(lang)
    }
}

/// Request helpers shared by the per-mu pages.
enum PerMuRequest {
    static func enterpriseName(zh: String, en: String, _ lang: Language) -> String { Names.enterprise(zh: zh, en: en, lang) }
}
