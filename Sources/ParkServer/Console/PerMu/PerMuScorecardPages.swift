import ParkDomain
import ParkStore
import Vapor

/// The scorecard pages: an enterprise in a run (staff), and the enterprise portal's own
/// scorecard from an enacted run with how to improve.
enum PerMuScorecardPages {
    static func staff(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let runID = try PerMuRequest.uuid(req, "id", entity: "run")
        let enterprise = try PerMuRequest.uuid(req, "eid", entity: "enterprise")
        let card = try await PerMuScorecard.load(db: req.db, enterprise: enterprise, runID: runID)
        let names = try await req.park.enterprises.names(Set(card.result.members.map(\.enterpriseId)))
        let view = PerMuScorecardView(card: card, viewer: .staff(names: names), clusterNames: try await clusterNames(req, lang), lang: lang)
        let body: HTML = """
        <p><a href="/permu/runs/\(runID.uuidString)">← \(PerMuText.run(lang)) \(String(card.run.year)) · \(PerMuFormat.schemeName(card.run.schemeName, card.run.schemeVersion, lang))</a>
        · <a href="/enterprises/\(enterprise.uuidString)">\(ConsoleText.enterprise(lang))</a></p>
        \(view.render())
        """
        return layout.response(PerMuText.scorecard(lang), .permu, body)
    }

    /// The enterprise's own scorecard (staff are sent to the overview).
    static func mine(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        if p.isStaff { return req.redirect(to: "/permu", redirectType: .normal) }
        guard let own = p.enterpriseID else {
            throw DomainError(.forbidden, code: "forbidden", en: "this account is not linked to an enterprise", zh: "该账号未关联企业")
        }
        let layout = Layout(req)
        let lang = layout.lang
        let years = Array(Set(try await PerMuRunRepository(db: req.db).all().filter { $0.state == .enacted }.map(\.year))).sorted(by: >)
        let raw = PerMuRequest.query(req)["year"] ?? ""
        var year = years.first
        if !raw.isEmpty {
            guard let y = Int(raw) else { throw DomainError(code: "invalid_value", field: "year", en: "year must be a number", zh: "年度须为数字") }
            year = y
        }
        let enterprise = try await req.park.enterprises.find(own)
        let ownName = enterprise.map { PerMuRequest.enterpriseName(zh: $0.nameZh, en: $0.nameEn, lang) } ?? ""
        let selector: HTML = years.count < 2 ? .empty : """
            <form class="filters card" method="get" action="/permu/me"><label>\(PerMuText.enactedRunOf(lang))<select name="year">
            \(years.map { Markup.option(String($0), String($0), selected: year.map(String.init)) })</select></label>
            <button class="btn">\(ConsoleText.apply(lang))</button></form>
            """
        let content: HTML
        if let year {
            do {
                let card = try await PerMuScorecard.load(db: req.db, enterprise: own, year: year)
                content = PerMuScorecardView(card: card, viewer: .enterprise(id: own, name: ownName),
                                             clusterNames: try await clusterNames(req, lang), lang: lang).render()
            } catch let e as DomainError where e.kind == .notFound {
                content = "<section class=\"card\"><h1>\(PerMuText.myTitle(lang)) \(String(year))</h1><p>\(PerMuText.noResult(lang))</p></section>"
            }
        } else {
            content = "<section class=\"card\"><h1>\(PerMuText.myTitle(lang))</h1><p>\(PerMuText.noEnacted(lang))</p></section>"
        }
        return layout.response(PerMuText.myTitle(lang), .permu, "\(selector)\(content)")
    }

    static func clusterNames(_ req: Request, _ lang: Language) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await req.park.reference.clusters().map { ($0.code, $0.name.text(lang)) })
    }
}
