import Foundation

/// The statistics as CSV rows: one line for all projects, one for Belt and Road, then one per
/// country, region, industry and form. `lang` nil gives machine columns (snake_case headers,
/// codes and English names, amounts with two decimals); a language gives the reader's headers
/// and names.
public enum OutboundStatsCSV {
    public static let machineHeader = ["section", "key", "name", "firms", "countries", "projects", "agreed_yuan", "agreed_usd"]

    public static func header(_ lang: Language?) -> [String] {
        guard let lang else { return machineHeader }
        return lang == .zh ? ["分类", "代码", "名称", "企业数", "国家数", "项目数", "协议投资（元）", "协议投资（美元）"]
            : ["Section", "Code", "Name", "Firms", "Countries", "Projects", "Agreed (yuan)", "Agreed (US$)"]
    }

    static func section(_ s: String, _ lang: Language?) -> String {
        guard let lang else { return s }
        let names: [String: Bilingual] = [
            "total": Bilingual(zh: "合计", en: "Total"), "country": Bilingual(zh: "国别", en: "Country"),
            "region": Bilingual(zh: "地区", en: "Region"), "industry": Bilingual(zh: "行业", en: "Industry"), "form": Bilingual(zh: "投资方式", en: "Form"),
        ]
        return names[s]?.text(lang) ?? s
    }

    public static func rows(_ s: OutboundStats, _ lang: Language?) -> [[String]] {
        func line(_ section: String, _ key: String, _ name: Bilingual, _ x: OutboundTotals) -> [String] {
            [Self.section(section, lang), key, name.text(lang ?? .en), String(x.firms), String(x.countries), String(x.projects),
             OutboundFormat.hundredths(x.yuanFen), OutboundFormat.hundredths(x.usdCents)]
        }
        var out = [header(lang)]
        out.append(line("total", "all", Bilingual(zh: "全部项目", en: "All projects"), s.total))
        out.append(line("total", "belt_and_road", Bilingual(zh: "“一带一路”", en: "Belt and Road"), s.beltAndRoad))
        for (name, rows) in [("country", s.byCountry), ("region", s.byRegion), ("industry", s.byIndustry), ("form", s.byForm)] {
            for r in rows { out.append(line(name, r.key, r.label, r.totals)) }
        }
        return out
    }
}
