import Foundation

/// The six continents of MOFCOM's statistical bulletin of outbound investment, plus the
/// uninhabited territories. Every ISO 3166-1 code belongs to exactly one (a test checks).
public enum WorldRegion: String, Sendable, Codable, CaseIterable {
    case asia, africa, europe
    case latinAmerica = "latin_america"
    case northAmerica = "north_america"
    case oceania, other

    public var label: Bilingual {
        switch self {
        case .asia: Bilingual(zh: "亚洲", en: "Asia")
        case .africa: Bilingual(zh: "非洲", en: "Africa")
        case .europe: Bilingual(zh: "欧洲", en: "Europe")
        case .latinAmerica: Bilingual(zh: "拉丁美洲", en: "Latin America")
        case .northAmerica: Bilingual(zh: "北美洲", en: "North America")
        case .oceania: Bilingual(zh: "大洋洲", en: "Oceania")
        case .other: Bilingual(zh: "其他", en: "Other")
        }
    }

    var codes: String {
        switch self {
        case .asia: "AE AF AM AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"
        case .africa: "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW"
        case .europe: "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"
        case .latinAmerica: "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"
        case .northAmerica: "BM CA GL PM UM US"
        case .oceania: "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS"
        case .other: "AQ BV HM TF"
        }
    }

    /// Region of every ISO 3166-1 alpha-2 code.
    public static let byCountry: [String: WorldRegion] = {
        var out: [String: WorldRegion] = [:]
        for r in allCases { for c in r.codes.split(separator: " ") { out[String(c)] = r } }
        return out
    }()

    public static func of(_ country: String) -> WorldRegion { byCountry[country] ?? .other }
}

/// The Belt and Road countries the platform counts, as data (stored in
/// `outbound_belt_and_road`, editable there): by default the 65 countries along the routes
/// of the statistics of 2015–2020 (Mongolia, ASEAN, West and South Asia, Central Asia, the
/// CIS and Central and Eastern Europe).
public enum BeltAndRoad {
    public static let defaultCountries: [String] = """
        MN SG MY ID MM TH LA KH VN BN PH IR IQ TR SY JO LB IL PS SA YE OM AE QA KW BH GR CY EG \
        IN PK BD AF LK MV NP BT KZ UZ TM KG TJ RU UA BY GE AZ AM MD \
        PL LT EE LV CZ SK HU SI HR BA ME RS AL RO BG MK
        """.split(separator: " ").map(String.init)
}
