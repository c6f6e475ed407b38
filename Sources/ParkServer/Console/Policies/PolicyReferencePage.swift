import ParkDomain
import Vapor

/// The policy language reference (staff): the facts a policy may read, the types with the unit
/// words that write them, and the functions, generated from the tables the parser and checker
/// consult (`PolicyFactCatalogue.builtIn`, `PolicyVocabulary`), and a complete example that
/// passes the checker. Linked from the policy list and the editor.
enum PolicyReferencePage {
    struct Model {
        var facts: [PolicyFact]
        var units: [PolicyVocabulary.Unit]
        var functions: [PolicyVocabulary.Function]
        var example: String

        static func load() -> Model {
            Model(facts: PolicyFactCatalogue.builtIn.facts, units: PolicyVocabulary.units, functions: PolicyVocabulary.functions,
                  example: PolicyEditorView.template)
        }
    }

    /// The types in the order the reference lists them (a rate and a code stand for their family).
    static let types: [PolicyType] = [.number, .count, .money(.cny), .money(.usd), .area, .energy, .rate(.cny, .mu), .date, .bool, .code(""), .codeList("")]

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            func code(_ s: String) -> HTML { "<code>\(s)</code>" }
            let facts = m.facts.map { f -> HTML in
                let values: HTML = f.values.isEmpty ? "—" : HTML(raw: f.values.map { v -> String in
                    let h: HTML = "<div>\(code("\"\(v)\"")) \(PolicyValueLabels.label(domain: PolicyReferencePage.domain(f.type), code: v).text(lang))</div>"
                    return h.raw
                }.joined())
                return """
                <tr><td>\(code(f.name))</td><td>\(f.label.text(lang))</td><td>\(PolicyFormat.typeLabel(f.type, lang))<div class="sub mono">\(f.type.description)</div></td>
                <td>\(PolicyFormat.factSource(f.source, lang))</td><td>\(values)</td></tr>
                """
            }
            let types = PolicyReferencePage.types.map { t -> HTML in
                let literals = PolicyReferencePage.literals(t, m.units).map(code)
                return "<tr><td>\(PolicyFormat.typeLabel(t, lang))</td><td>\(code(PolicyReferencePage.written(t)))</td><td>\(HTML(raw: literals.map(\.raw).joined(separator: " ")))</td><td>\(PolicyReferencePage.meaning(t).text(lang))</td></tr>"
            }
            let units = m.units.map { u -> HTML in
                "<tr><td>\(code(u.word))</td><td>\(code(u.example))</td><td>\(PolicyFormat.typeLabel(u.type, lang))</td><td>\(u.meaning.text(lang))</td></tr>"
            }
            let rates = PolicyRateBase.allCases.map { b -> HTML in
                "<tr><td>\(code("/" + b.rawValue))</td><td>\(code(PolicyVocabulary.rateExample(b)))</td><td>\(PolicyFormat.typeLabel(.rate(.cny, b), lang))</td><td>\(PolicyText.refRatePer(lang, ["what": PolicyFormat.typeLabel(b.type, lang)]))</td></tr>"
            }
            let functions = m.functions.map { f -> HTML in
                "<tr><td>\(code(f.signature))</td><td class=\"num\">\(PolicyReferencePage.arity(f.arity))</td><td>\(f.meaning.text(lang))</td></tr>"
            }
            let body: HTML = """
            <p><a href="\(ConsoleURL.policies(.list))">← \(PolicyText.backToPolicies(lang))</a></p>
            <h1>\(PolicyText.refTitle(lang))</h1>
            <p class="sub">\(PolicyText.refIntro(lang))</p>
            <section class="card flush"><h2 class="pad">\(PolicyText.refFacts(lang))</h2><p class="sub pad">\(PolicyText.refFactsNote(lang))</p><div class="scroll"><table>
            <thead><tr><th>\(PolicyText.refWritten(lang))</th><th>\(PolicyText.refMeaning(lang))</th><th>\(PolicyText.type(lang))</th><th>\(PolicyText.refSource(lang))</th><th>\(PolicyText.refValues(lang))</th></tr></thead>
            <tbody>\(facts)</tbody></table></div></section>
            <section class="card flush"><h2 class="pad">\(PolicyText.refTypes(lang))</h2><p class="sub pad">\(PolicyText.refTypesNote(lang))</p><div class="scroll"><table>
            <thead><tr><th>\(PolicyText.type(lang))</th><th>\(PolicyText.refWritten(lang))</th><th>\(PolicyText.refLiterals(lang))</th><th>\(PolicyText.refMeaning(lang))</th></tr></thead>
            <tbody>\(types)</tbody></table></div></section>
            <section class="card flush"><h2 class="pad">\(PolicyText.refUnits(lang))</h2><div class="scroll"><table>
            <thead><tr><th>\(PolicyText.refUnit(lang))</th><th>\(PolicyText.refLiterals(lang))</th><th>\(PolicyText.type(lang))</th><th>\(PolicyText.refMeaning(lang))</th></tr></thead>
            <tbody>\(units)\(rates)</tbody></table></div></section>
            <section class="card flush"><h2 class="pad">\(PolicyText.refFunctions(lang))</h2><div class="scroll"><table>
            <thead><tr><th>\(PolicyText.refWritten(lang))</th><th class="num">\(PolicyText.refArguments(lang))</th><th>\(PolicyText.refMeaning(lang))</th></tr></thead>
            <tbody>\(functions)</tbody></table></div></section>
            <section class="card"><h2>\(PolicyText.refExample(lang))</h2><p class="sub">\(PolicyText.refExampleNote(lang))</p><pre class="doc">\(m.example)</pre></section>
            """
            return ConsolePage(title: PolicyText.refTitle(lang), section: .policies, body: body)
        }
    }

    /// The value-label domain of a code or list type.
    static func domain(_ t: PolicyType) -> String {
        switch t {
        case .code(let d), .codeList(let d): d
        default: ""
        }
    }

    /// The type as a source file's messages write it; the families without their parameter.
    static func written(_ t: PolicyType) -> String {
        switch t {
        case .rate: "rate(yuan/…)"
        case .code: "code(…)"
        case .codeList: "list(…)"
        default: t.description
        }
    }

    /// Literals of the type: one per unit word that gives it, else the forms the parser reads.
    static func literals(_ t: PolicyType, _ units: [PolicyVocabulary.Unit]) -> [String] {
        switch t {
        case .number: ["3", "0.5"] + units.filter { $0.type == .number }.map(\.example)
        case .rate: PolicyRateBase.allCases.map(PolicyVocabulary.rateExample)
        case .date: ["2024-01-01"]
        case .bool: ["true", "false"]
        case .code: ["\"foreign\""]
        case .codeList: []
        default: units.filter { $0.type == t }.map(\.example)
        }
    }

    static func meaning(_ t: PolicyType) -> Bilingual {
        switch t {
        case .number: Bilingual(zh: "无量纲数；与金额相加或比较须写明单位", en: "A plain number; an amount added to or compared with it needs its unit")
        case .count: Bilingual(zh: "整数计数（人数）；与数值可混用", en: "A whole count (people); mixes with numbers")
        case .money(.cny): Bilingual(zh: "人民币金额，精确到百万分之一元；与美元不混算", en: "An amount in yuan, exact to a millionth; never mixed with US$")
        case .money(.usd): Bilingual(zh: "美元金额；乘以 yuan/US$ 单价得人民币", en: "An amount in US$; times a yuan/US$ rate gives yuan")
        case .area: Bilingual(zh: "面积，以亩计；乘以 yuan/mu 单价得金额", en: "An area in mu; times a yuan/mu rate gives an amount")
        case .energy: Bilingual(zh: "电量，以千瓦时计；乘以 yuan/kWh 单价得金额", en: "Electricity in kWh; times a yuan/kWh rate gives an amount")
        case .rate: Bilingual(zh: "单价：金额 ÷ 亩、千瓦时、人数或美元", en: "Money per mu, kWh, person or US$")
        case .date: Bilingual(zh: "日期（Asia/Shanghai）；years_since 计整年", en: "A calendar date (Asia/Shanghai); years_since counts whole years")
        case .bool: Bilingual(zh: "是/否；eligible when 须为此类型", en: "Yes or no; what eligible when needs")
        case .code: Bilingual(zh: "代码，用 = != in 与带引号的代码比较；未声明的代码被拒绝", en: "A code, compared with quoted codes by = != in; codes outside its list are refused")
        case .codeList: Bilingual(zh: "代码集合，仅事实（资质、产业集群）：\"high_tech\" in certifications", en: "A set of codes, facts only (certifications, clusters): \"high_tech\" in certifications")
        }
    }

    static func arity(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? String(r.lowerBound) : "\(r.lowerBound)–\(r.upperBound)"
    }
}
