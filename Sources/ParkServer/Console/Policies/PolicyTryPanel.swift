import ParkDomain
import ParkStore
import Vapor

/// "Try on an enterprise": the editor's text (saved or not) evaluated on one enterprise's current
/// facts, with the explanation. The enterprise is named by credit code or by (part of) its name;
/// when several match, the officer chooses one.
enum PolicyTryPanel {
    static func render(_ state: PolicyEditorState, lang: Language) -> HTML {
        let choose: HTML = state.candidates.isEmpty ? .empty : """
            <label>\(PolicyText.chooseEnterprise(lang))<select name="enterprise_id">\(state.candidates.map { e in
                Markup.option(e.id?.uuidString ?? "", "\(e.creditCode.value) · \(PolicyFormat.name(zh: e.nameZh, en: e.nameEn, lang))", selected: nil)
            })</select></label>
            """
        let error: HTML = state.tryError.map { "<p class=\"error\">\($0)</p>" } ?? .empty
        let result: HTML = state.explanation.map { x in
            """
            <div class="tried"><h3>\(PolicyText.explanation(lang))\(state.triedOn.map { " · \($0)" } ?? "")</h3>
            \(PolicyExplanationView(explanation: x, lang: lang, forStaff: true).render())</div>
            """
        } ?? .empty
        return """
        <section class="card" id="try"><h2>\(PolicyText.tryTitle(lang))</h2><p class="sub">\(PolicyText.tryHint(lang))</p>
        <div class="filters\(state.tryError == nil ? "" : " invalid")">
        <label class="grow">\(PolicyText.enterprise(lang))<input type="search" name="enterprise" value="\(state.tryEnterprise)" placeholder="\(PolicyText.enterpriseHint(lang))" maxlength="100"></label>
        \(choose)<label>\(PolicyText.asOf(lang))<input type="date" name="as_of" value="\(state.tryAsOf)"></label>
        <button class="btn ghost" name="op" value="try">\(PolicyText.tryButton(lang))</button></div>\(error)\(result)</section>
        """
    }

    static func run(_ req: Request, state: PolicyEditorState, form: [String: String], by p: Principal) async throws -> Response {
        let lang = RequestContext.current.language
        var state = state
        func refuse(_ text: String, _ status: HTTPResponseStatus = .badRequest) async throws -> Response {
            state.tryError = text
            return try await PolicyEditorView.response(req, state, status: status)
        }
        let asOf: LocalDate
        do { asOf = try PolicyRequest.date(state.tryAsOf, field: "as_of", default: req.park.today) } catch {
            return try await refuse(PerMuFormat.refusal(error, lang))
        }
        var enterprise: Enterprise?
        if let raw = form["enterprise_id"], let id = UUID(uuidString: raw) {
            enterprise = try await req.park.enterprises.find(id)
        }
        let text = state.tryEnterprise.trimmingCharacters(in: .whitespaces)
        if enterprise == nil {
            guard !text.isEmpty else { return try await refuse(PerMuFormat.refusal(.required("enterprise"), lang)) }
            enterprise = try await req.park.enterprises.find(creditCode: text.uppercased())
        }
        if enterprise == nil {
            var q = EnterpriseQuery()
            q.search = text
            q.perPage = 20
            let page = try await req.park.enterprises.list(q.validated())
            if page.items.count == 1 {
                enterprise = page.items[0]
            } else if page.items.isEmpty {
                return try await refuse(PerMuFormat.refusal(.notFound("enterprise", id: text), lang), .notFound)
            } else {
                state.candidates = page.items
                return try await refuse(PolicyText.chooseEnterprise(lang))
            }
        }
        guard let e = enterprise, let id = e.id else { return try await refuse(PerMuFormat.refusal(.required("enterprise"), lang)) }
        state.tryEnterprise = e.creditCode.value
        do {
            state.explanation = try await PolicyRunRepository(db: req.db, clock: req.park.clock)
                .tryPolicy(nil, source: state.source, enterprise: id, asOf: asOf, by: p)
            state.triedOn = "\(PolicyFormat.name(zh: e.nameZh, en: e.nameEn, lang)) (\(e.creditCode.value))"
            return try await PolicyEditorView.response(req, state)
        } catch let err as DomainError where err.kind == .invalid {
            return try await refuse(PerMuFormat.refusal(err, lang))
        }
    }
}
