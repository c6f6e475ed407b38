import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The draft form of a scheme: a copy of a stored version with edited weights, benchmarks,
/// grading, below-size scope and D-grade electricity surcharge, saved as the next version of
/// its name (or version 1 of a new name). A bad draft re-renders the form with the values
/// typed and the field named (400).
enum PerMuSchemeDraft {
    static func key(_ g: PerMuGroupKind, _ i: PerMuIndicator) -> String { "\(g.rawValue)-\(i.rawValue)" }

    /// The form's values for `s`.
    static func defaults(_ s: PerMuScheme) -> [String: String] {
        var v: [String: String] = ["name": s.name, "year": String(s.year)]
        for g in s.groups {
            for r in g.indicators {
                let k = key(g.kind, r.indicator)
                v["w-" + k] = Numbers.trimmed(r.weight).replacingOccurrences(of: ",", with: "")
                v["b-" + k] = r.benchmark.map { Numbers.trimmed($0, maxDigits: 6).replacingOccurrences(of: ",", with: "") } ?? ""
                v["r-" + k] = r.benchmarkRule.rawValue
            }
        }
        let plain = { (x: Double) in Numbers.trimmed(x, maxDigits: 6).replacingOccurrences(of: ",", with: "") }
        switch s.grading.rule {
        case .thresholds(let a, let b, let c):
            v["grading"] = "thresholds"; v["t_a"] = plain(a); v["t_b"] = plain(b); v["t_c"] = plain(c)
            v["s_a"] = "25"; v["s_b"] = "45"; v["s_c"] = "25"; v["s_d"] = "5"
        case .shares(let a, let b, let c, let d):
            v["grading"] = "shares"; v["s_a"] = plain(a); v["s_b"] = plain(b); v["s_c"] = plain(c); v["s_d"] = plain(d)
        }
        v["below_min_mu"] = s.scope.belowSizeMinimumMu.map(plain) ?? ""
        let d = s.treatments.first { $0.grade == .d && $0.kind == .electricitySurcharge }
        for n in 1...3 { v["d_rate_\(n)"] = d?.rate(consecutiveYears: n).map(plain) ?? "" }
        return v
    }

    static func form(_ stored: PerMuSchemeRepository.Stored, values v: [String: String], errorField: String?, csrf: String?,
                     lang: Language) -> HTML {
        let s = stored.scheme
        func input(_ name: String, _ label: String, hint: String? = nil) -> HTML {
            let bad = errorField == name
            return "<label class=\"\(bad ? "invalid" : "")\">\(label)<input name=\"\(name)\" value=\"\(v[name] ?? "")\" inputmode=\"decimal\"\(HTML(raw: hint.map { " placeholder=\"\(HTML.escape($0))\"" } ?? ""))></label>"
        }
        let groups = s.groups.map { g -> HTML in
            let rows = g.indicators.map { r -> HTML in
                let k = key(g.kind, r.indicator)
                let bad = errorField.map { $0.hasSuffix(k) || $0 == "groups.\(g.kind.rawValue).\(r.indicator.rawValue)" || $0 == "groups.\(g.kind.rawValue).weight" } ?? false
                return """
                <tr class="\(bad ? "invalid" : "")"><td>\(r.indicator.name.text(lang))</td>
                <td><input name="w-\(k)" value="\(v["w-" + k] ?? "")" inputmode="decimal" aria-label="\(PerMuText.weight(lang))"></td>
                <td><select name="r-\(k)" aria-label="\(PerMuText.benchmarkRule(lang))">\(PerMuBenchmarkRule.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: v["r-" + k]) })</select></td>
                <td><input name="b-\(k)" value="\(v["b-" + k] ?? "")" inputmode="decimal" aria-label="\(PerMuText.benchmark(lang))"> <span class="sub">\(r.indicator == .rdIntensity ? PerMuText.rdRatioHint(lang) : r.indicator.unit.text(lang))</span></td></tr>
                """
            }
            return """
            <h3>\(g.kind.name.text(lang))</h3><table class="form"><thead><tr><th>\(PerMuText.indicator(lang))</th><th>\(PerMuText.weight(lang))</th>
            <th>\(PerMuText.benchmarkRule(lang))</th><th>\(PerMuText.benchmark(lang))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        }
        let gradingBad = errorField?.hasPrefix("grading") ?? false
        return """
        <section class="card" id="draft"><h2>\(PerMuText.draft(lang))</h2><p class="sub">\(PerMuText.draftHint(lang))</p>
        <form method="post" action="\(ConsoleURL.permu(.saveDraft).path)#draft">\(Markup.csrfField(csrf))<input type="hidden" name="base_id" value="\(stored.id.uuidString)">
        <div class="filters"><label class="\(errorField == "name" ? "invalid" : "")">\(PerMuText.name(lang))<input name="name" value="\(v["name"] ?? "")" maxlength="60" required></label>
        \(input("year", PerMuText.year(lang)))\(input("below_min_mu", PerMuText.belowMinMu(lang), hint: PerMuText.belowEmptyHint(lang)))</div>
        \(groups)
        <h3>\(PerMuText.grading(lang))</h3><div class="filters \(gradingBad ? "invalid" : "")">
        <label>\(PerMuText.gradingRule(lang))<select name="grading">\(Markup.option("thresholds", PerMuText.thresholds(lang), selected: v["grading"]))\(Markup.option("shares", PerMuText.shares(lang), selected: v["grading"]))</select></label>
        \(input("t_a", PerMuText.thresholdA(lang)))\(input("t_b", PerMuText.thresholdB(lang)))\(input("t_c", PerMuText.thresholdC(lang)))</div>
        <div class="filters \(gradingBad ? "invalid" : "")">\(input("s_a", PerMuText.shareA(lang)))\(input("s_b", PerMuText.shareB(lang)))\(input("s_c", PerMuText.shareC(lang)))\(input("s_d", PerMuText.shareD(lang)))</div>
        <h3>\(PerMuText.dSurcharge(lang))</h3><div class="filters">\(input("d_rate_1", PerMuText.rateYear1(lang)))\(input("d_rate_2", PerMuText.rateYear2(lang)))\(input("d_rate_3", PerMuText.rateYear3(lang)))</div>
        <p><button class="btn">\(PerMuText.saveDraft(lang))</button></p></form></section>
        """
    }

    /// `base` with the form's edits applied (not yet validated: `save` does that).
    static func build(base: PerMuScheme, form: [String: String], lang: Language) throws(DomainError) -> PerMuScheme {
        func number(_ k: String, _ label: Bilingual, required: Bool = true) throws(DomainError) -> Double? {
            let t = (form[k] ?? "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
            if t.isEmpty {
                if required { throw DomainError(code: "required", field: k, en: "\(label.en) is required", zh: "请填写\(label.zh)") }
                return nil
            }
            guard let x = Double(t), x.isFinite else {
                throw DomainError(code: "invalid_number", field: k, en: "\(label.en) must be a number, found “\(t)”", zh: "\(label.zh)须为数字，实际为“\(t)”")
            }
            return x
        }
        var s = base
        s.name = form["name"] ?? ""
        guard let year = Int(form["year"] ?? ""), (2000...2100).contains(year) else {
            throw DomainError(code: "invalid_value", field: "year", en: "year must be between 2000 and 2100", zh: "评价年度须在 2000 至 2100 之间")
        }
        s.year = year
        for gi in s.groups.indices {
            let g = s.groups[gi].kind
            for ii in s.groups[gi].indicators.indices {
                let r = s.groups[gi].indicators[ii], k = key(g, r.indicator)
                let name = Bilingual(zh: "\(g.name.zh)“\(r.indicator.name.zh)”", en: "\(r.indicator.name.en) (\(g.name.en))")
                s.groups[gi].indicators[ii].weight = try number("w-" + k, Bilingual(zh: name.zh + "权重", en: "the weight of " + name.en))!
                let raw = form["r-" + k] ?? r.benchmarkRule.rawValue
                guard let rule = PerMuBenchmarkRule(rawValue: raw) else { throw EnterpriseListRequest.bad("r-" + k, raw) }
                s.groups[gi].indicators[ii].benchmarkRule = rule
                s.groups[gi].indicators[ii].benchmark = try number("b-" + k, Bilingual(zh: name.zh + "基准值", en: "the benchmark of " + name.en),
                                                                   required: false)
            }
        }
        let n = { (k: String, zh: String, en: String) throws(DomainError) -> Double in try number(k, Bilingual(zh: zh, en: en))! }
        switch form["grading"] ?? "" {
        case "thresholds":
            s.grading.rule = .thresholds(a: try n("t_a", "A 类最低分", "the A threshold"), b: try n("t_b", "B 类最低分", "the B threshold"),
                                         c: try n("t_c", "C 类最低分", "the C threshold"))
        case "shares":
            s.grading.rule = .shares(a: try n("s_a", "A 类比例", "the A share"), b: try n("s_b", "B 类比例", "the B share"),
                                     c: try n("s_c", "C 类比例", "the C share"), d: try n("s_d", "D 类比例", "the D share"))
        case let other: throw EnterpriseListRequest.bad("grading", other)
        }
        s.scope.belowSizeMinimumMu = try number("below_min_mu", Bilingual(zh: "规下企业最低用地", en: "the below-size minimum land"), required: false)
        var steps: [PerMuEscalationStep] = []
        for year in 1...3 {
            let label = Bilingual(zh: "D 类第 \(year) 年加价", en: "the D surcharge from year \(year)")
            if let rate = try number("d_rate_\(year)", label, required: false) {
                steps.append(PerMuEscalationStep(fromConsecutiveYears: year, rate: rate))
            }
        }
        let at = s.treatments.firstIndex { $0.grade == .d && $0.kind == .electricitySurcharge }
        if let at {
            if steps.isEmpty { s.treatments.remove(at: at) } else { s.treatments[at].steps = steps }
        } else if !steps.isEmpty {
            s.treatments.append(PerMuTreatment(grade: .d, kind: .electricitySurcharge, steps: steps))
        }
        return s
    }

    static func save(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user(), lang = ctx.language
        // the draft's fields are named by the scheme's indicators: a flat map, not one struct
        let form = try req.form([String: String].self)
        guard let baseID = form["base_id"].flatMap(UUID.init(uuidString:)) else { throw DomainError.required("base_id") }
        let base = try await PerMuSchemeRepository(db: req.db).require(baseID)
        do {
            let draft = try build(base: base.scheme, form: form, lang: lang)
            let saved = try await PerMuSchemeRepository(db: req.db, clock: req.park.clock).save(draft, by: p)
            return req.redirect(to: .permu(.scheme(.value(saved.id))), [("saved", "1")])
        } catch let e as DomainError where e.kind == .invalid {
            var values = defaults(base.scheme)
            for (k, v) in form where k != "_csrf" { values[k] = v }
            let m = try await PerMuSchemePage.Model.load(baseID, values: values, notice: .refusal(e, lang), errorField: e.field, on: ctx)
            return PerMuSchemePage.View.render(m, ctx, status: .badRequest).response(ctx)
        }
    }
}
