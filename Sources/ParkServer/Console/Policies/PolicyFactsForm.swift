import ParkDomain
import ParkStore
import Vapor

/// The data an enterprise supplies for the policies (`PolicyFactText.supplied`): certifications
/// (check boxes), headquarters tier, and for a year fixed-asset investment (yuan) and newly
/// utilised foreign investment (US$). Every field is checked before anything is written; a
/// refused field is named and the typed values kept. Saved, it goes back to the answers.
enum PolicyFactsForm {
    /// The enterprise the form is for and where its answers are: its own (`/policies/me`) or, for staff, any.
    /// (The staff routes are behind `RequireStaff`; `/policies/me/facts` is the firm's own.)
    static func target(_ req: Request, _ p: Principal) throws -> (id: UUID, base: PolicyPortalScope) {
        if req.parameters.get("id") != nil {
            let id = try req.pathID()
            return (id, .enterprise(id))
        }
        guard !p.isStaff, let own = p.enterpriseID else {
            throw DomainError(.forbidden, code: "forbidden", en: "this account is not linked to an enterprise", zh: "该账号未关联企业")
        }
        return (own, .mine)
    }

    static func show(_ req: Request) async throws -> Response {
        let p = try PageContext(req).user()
        let (id, base) = try target(req, p)
        let entries = try await EnterpriseFactRepository(db: req.db).entries(enterprise: id)
        let rawYear = req.queryParameters["year"] ?? ""
        let year = Int(rawYear) ?? (req.park.today.year - 1)
        var values: [String: String] = ["year": String(year)]
        for e in entries where e.year == 0 || e.year == year { values[e.fact] = e.text }
        return try await render(req, enterprise: id, base: base, values: values)
    }

    static func render(_ req: Request, enterprise id: UUID, base: PolicyPortalScope, values: [String: String], error: DomainError? = nil,
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let layout = Layout(req)
        let lang = layout.lang
        guard let e = try await req.park.enterprises.find(id) else { throw Names.notFound(ConsoleText.enterpriseRecord, id: id.uuidString) }
        let held = Set((values["certifications"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        let bad = error?.field
        let certs = PolicyFactCatalogue.certificationCodes.map { c -> HTML in
            """
            <label class="check"><input type="checkbox" name="cert_\(c)" value="1"\(held.contains(c) ? " checked" : "")>\(PolicyFormat.certification(c).text(lang)) <span class="mono sub">\(c)</span></label>
            """
        }
        let tiers = [Markup.option("", PolicyText.hqNone(lang), selected: values["hq_tier"])]
            + (PolicyFactCatalogue.builtIn["hq_tier"]?.values ?? []).map { Markup.option($0, PolicyFormat.hqTier($0).text(lang), selected: values["hq_tier"]) }
        func invalid(_ f: String) -> String { bad == f ? " invalid" : "" }
        let body: HTML = """
        <p><a href="\(base.page)">← \(PolicyText.backToMine(lang))</a></p>
        <h1>\(PolicyText.factsTitle(lang)) · \(PolicyFormat.name(zh: e.nameZh, en: e.nameEn, lang))</h1>
        \(error.map { Notice.refusal($0, lang) }.html)
        <form method="post" action="\(base.saveFacts)" class="card">\(Markup.csrfField(layout.csrf))<p class="sub">\(PolicyText.factsIntro(lang))</p>
        <fieldset class="plain\(invalid("certifications"))"><legend>\(PolicyText.certifications(lang))</legend><div class="stack">\(certs)</div></fieldset>
        <div class="filters spaced"><label class="\(invalid("hq_tier"))">\(PolicyText.hqTier(lang))<select name="hq_tier">\(tiers)</select></label></div>
        <div class="filters spaced">
        <label class="\(invalid("year"))">\(PolicyText.year(lang))<input type="number" name="year" min="1990" max="2100" value="\(values["year"] ?? "")" required></label>
        <label class="\(invalid("fixed_asset_investment"))">\(PolicyText.fixedAsset(lang))<input name="fixed_asset_investment" inputmode="decimal" value="\(values["fixed_asset_investment"] ?? "")"></label>
        <label class="\(invalid("utilised_fdi_usd"))">\(PolicyText.fdi(lang))<input name="utilised_fdi_usd" inputmode="decimal" value="\(values["utilised_fdi_usd"] ?? "")"></label>
        </div><p><button class="btn">\(PolicyText.saveFacts(lang))</button></p></form>
        """
        return layout.response(PolicyText.factsTitle(lang), .policies, body, status: status)
    }

    static func submit(_ req: Request) async throws -> Response {
        let p = try PageContext(req).user()
        let (id, base) = try target(req, p)
        let form = try req.form([String: String].self)
        let certs = PolicyFactCatalogue.certificationCodes.filter { !(form["cert_\($0)"] ?? "").isEmpty }
        var values: [String: String] = [
            "certifications": certs.joined(separator: ";"), "hq_tier": form["hq_tier"] ?? "", "year": form["year"] ?? "",
            "fixed_asset_investment": form["fixed_asset_investment"] ?? "", "utilised_fdi_usd": form["utilised_fdi_usd"] ?? "",
        ]
        for k in values.keys { values[k] = values[k]?.trimmingCharacters(in: .whitespaces) }
        do {
            guard let year = Int(values["year"] ?? ""), (1990...2100).contains(year) else {
                throw DomainError(code: "out_of_range", field: "year", en: "year must be between 1990 and 2100", zh: "年度须在 1990–2100 之间")
            }
            // Every value is checked first, so a refused field writes nothing.
            for name in PolicyFactText.supplied {
                guard let fact = PolicyFactCatalogue.builtIn[name], let text = values[name], !text.isEmpty else { continue }
                _ = try PolicyFactText.parse(text, fact: fact)
            }
            let repo = EnterpriseFactRepository(db: req.db, clock: req.park.clock)
            let before = try await repo.entries(enterprise: id).filter { $0.year == 0 || $0.year == year }
            for name in PolicyFactText.supplied {
                // Facts this form does not show (headquarters recognition's) are left as they are.
                guard let fact = PolicyFactCatalogue.builtIn[name], let text = values[name] else { continue }
                let normalised = text.isEmpty ? "" : PolicyFactText.text(try PolicyFactText.parse(text, fact: fact), fact: fact)
                // Unchanged values are not written again (nor audited).
                if normalised == (before.first { $0.fact == name }?.text ?? "") { continue }
                try await repo.set(enterprise: id, fact: name, year: year, text: text, by: p)
            }
            return req.redirect(to: base.page, [("saved", "1")])
        } catch let e as DomainError where e.kind == .invalid {
            return try await render(req, enterprise: id, base: base, values: values, error: e, status: .badRequest)
        }
    }
}
