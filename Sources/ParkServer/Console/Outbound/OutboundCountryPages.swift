import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The world view: every country with projects or a grade, by region (a table, no map).
enum OutboundWorldPage {
    struct Model {
        struct Row { var code: String; var region: WorldRegion; var grade: Int?; var beltAndRoad: Bool; var projects: Int; var live: Int; var yuanFen: Int64 }
        var rows: [Row]

        static func load(on ctx: PageContext) async throws -> Model {
            let risks = Dictionary(uniqueKeysWithValues: try await OutboundRiskRepository(db: ctx.db).currentRisks().map { ($0.countryCode, $0.grade) })
            let world = try await OutboundStatsQuery(db: ctx.db).world()
            let beltAndRoad = try await OutboundRepository(db: ctx.db).beltAndRoad()
            var rows = world.map { Row(code: $0.country, region: $0.region, grade: risks[$0.country], beltAndRoad: beltAndRoad.contains($0.country),
                                       projects: $0.projects, live: $0.live, yuanFen: $0.yuanFen) }
            let seen = Set(rows.map(\.code))
            rows += risks.keys.filter { !seen.contains($0) }.map { Row(code: $0, region: WorldRegion.of($0), grade: risks[$0], beltAndRoad: beltAndRoad.contains($0), projects: 0, live: 0, yuanFen: 0) }
            return Model(rows: rows)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let sections = WorldRegion.allCases.compactMap { region -> HTML? in
                let rows = m.rows.filter { $0.region == region }.sorted { ($1.yuanFen, $0.code) < ($0.yuanFen, $1.code) }
                guard !rows.isEmpty else { return nil }
                let total = rows.reduce(Int64(0)) { Checked.addSaturating($0, $1.yuanFen) }
                let yuan = Numbers.yuanColumn(fen: rows.map(\.yuanFen), lang)
                let lines = rows.map { r -> HTML in
                    """
                    <tr><td>\(OutboundMarkup.countryLink(r.code, lang, staff: true))\(r.beltAndRoad ? Markup.badge(OutboundText.beltAndRoadShort(lang), kind: "hq") : .empty)</td>
                    <td>\(OutboundMarkup.grade(r.grade, lang))</td><td class="num">\(Numbers.count(r.live))</td><td class="num">\(Numbers.count(r.projects))</td>
                    <td class="num">\(yuan(r.yuanFen))</td></tr>
                    """
                }
                return """
                <section class="card scroll"><h2>\(region.label.text(lang)) <span class="sub">\(OutboundText.regionLine(lang, ["n": String(rows.count), "yuan": Numbers.yuan(fen: total, lang)]))</span></h2>
                <table><thead><tr><th>\(OutboundText.country(lang))</th><th>\(OutboundText.sinosureGrade(lang))</th><th class="num">\(OutboundText.liveProjects(lang))</th>
                <th class="num">\(OutboundText.projects(lang))</th><th class="num">\(OutboundText.agreedInvestment(lang))</th></tr></thead><tbody>\(lines)</tbody></table></section>
                """
            }
            let body: HTML = """
            <h1>\(OutboundText.world(lang))</h1>
            <p class="sub">\(OutboundText.worldNote(lang))</p>
            <div class="grid g2 wide">\(sections)</div>
            """
            return ConsolePage(title: OutboundText.world(lang), section: .outbound, body: body)
        }
    }
}

/// One country: its grade and dimensions, the grade history, officers' notes, live projects
/// and the alerts sent for it; forms to record a grade and add a note.
enum OutboundCountryPage {
    struct Model {
        var code: String
        var risk: CountryRisk?
        var history: [CountryRiskRecord]
        var notes: [CountryRiskNote]
        var projects: Page<OutboundProjectRow>
        var alerts: Page<OutboundAlertRow>
        var beltAndRoad: Bool

        static func load(_ raw: String, on ctx: PageContext) async throws -> Model {
            let code = raw.uppercased()
            guard Country.named(code) != nil, code != "CN" else { throw DomainError.notFound("country", id: String(raw.prefix(10))) }
            let risks = OutboundRiskRepository(db: ctx.db)
            var f = OutboundProjectFilter()
            f.countryCode = code; f.perPage = 50
            return Model(code: code, risk: try await risks.currentRisk(code), history: try await risks.history(code), notes: try await risks.notes(code),
                         projects: try await OutboundRepository(db: ctx.db).projects(f), alerts: try await risks.alerts(country: code),
                         beltAndRoad: try await OutboundRepository(db: ctx.db).beltAndRoad().contains(code))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let name = OutboundMarkup.country(m.code, lang)
            let dims: HTML = m.risk.map { r in
                """
                <table><tr><th>\(OutboundText.sinosureGrade(lang))</th><td>\(OutboundMarkup.grade(r.grade, lang))</td></tr>
                <tr><th>\(OutboundText.political(lang))</th><td>\(r.political)</td></tr><tr><th>\(OutboundText.economic(lang))</th><td>\(r.economic)</td></tr>
                <tr><th>\(OutboundText.businessEnvironment(lang))</th><td>\(r.businessEnvironment)</td></tr><tr><th>\(OutboundText.legal(lang))</th><td>\(r.legal)</td></tr>
                <tr><th>\(OutboundText.sourceYear(lang))</th><td>\(String(r.sourceYear))</td></tr></table>
                """ as HTML
            } ?? "<p>\(OutboundText.notGraded(lang))</p>"
            let history = m.history.map { h -> HTML in
                "<tr><td>\(String(h.risk.sourceYear))</td><td>\(OutboundMarkup.grade(h.risk.grade, lang))</td><td>\(h.risk.political) / \(h.risk.economic) / \(h.risk.businessEnvironment) / \(h.risk.legal)</td><td>\(h.recordedBy)</td></tr>"
            }
            let notes = m.notes.map { n -> HTML in "<li>\(n.text)<div class=\"sub\">\(n.author) · \(Markup.date(Date(timeIntervalSince1970: Double(n.createdAtMillis) / 1000), lang))</div></li>" }
            let r = m.risk
            func number(_ field: String, _ label: String, _ value: Int?) -> HTML {
                "<label>\(label)<input type=\"number\" name=\"\(field)\" min=\"1\" max=\"9\" value=\"\(value.map(String.init) ?? "")\" required></label>"
            }
            let gradeForm: HTML = """
            <form method="post" action="\(ConsoleURL.outbound(.gradeCountry(.value(m.code))))" class="filters">\(Markup.csrfField(ctx.csrf))
            \(number("grade", OutboundText.sinosureGrade(lang), r?.grade))\(number("political", OutboundText.political(lang), r?.political))
            \(number("economic", OutboundText.economic(lang), r?.economic))\(number("business_environment", OutboundText.businessEnvironment(lang), r?.businessEnvironment))
            \(number("legal", OutboundText.legal(lang), r?.legal))
            <label>\(OutboundText.sourceYear(lang))<input type="number" name="source_year" min="1990" max="\(String(ctx.today.year))" value="\(String(ctx.today.year))" required></label>
            <button class="btn">\(OutboundText.recordGrade(lang))</button></form>
            <p class="sub">\(OutboundText.gradeNote(lang))</p>
            """
            let body: HTML = """
            <p class="sub"><a href="\(ConsoleURL.outbound(.world))">\(OutboundText.world(lang))</a></p>
            <h1>\(name) <span class="mono sub">\(m.code)</span> \(m.beltAndRoad ? Markup.badge(OutboundText.beltAndRoadShort(lang), kind: "hq") : .empty)</h1>
            <div class="grid g2">
            <section class="card scroll"><h2>\(OutboundText.countryRisk(lang))</h2>\(dims)</section>
            <section class="card scroll"><h2>\(OutboundText.gradeHistory(lang))</h2>
            <table><thead><tr><th>\(OutboundText.sourceYear(lang))</th><th>\(OutboundText.sinosureGrade(lang))</th><th>\(OutboundText.dimensions(lang))</th><th>\(OutboundText.recordedBy(lang))</th></tr></thead><tbody>\(history)</tbody></table></section>
            </div>
            <section class="card"><h2>\(OutboundText.recordGrade(lang))</h2>\(gradeForm)</section>
            <section class="card"><h2>\(OutboundText.notes(lang))</h2><ul class="stack">\(notes)</ul>
            <form method="post" action="\(ConsoleURL.outbound(.noteCountry(.value(m.code))))">\(Markup.csrfField(ctx.csrf))<label>\(OutboundText.addNote(lang))<input name="text" maxlength="2000" required></label> <button class="btn small">\(OutboundText.add(lang))</button></form></section>
            <section class="card flush scroll"><h2 class="padded">\(OutboundText.projectsThere(lang, ["n": Numbers.count(m.projects.total)]))</h2>\(OutboundMarkup.projectRows(m.projects.items, lang, staff: true))</section>
            <section class="card"><h2>\(OutboundText.alerts(lang))</h2>\(m.alerts.items.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : OutboundMarkup.alertRows(m.alerts.items, lang, csrf: ctx.csrf, firm: false))</section>
            """
            return ConsolePage(title: name, section: .outbound, body: body)
        }
    }

    static func grade(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let code = req.parameters.get("country")?.uppercased() else { throw DomainError.required("country") }
        struct Form: Decodable { var grade: Int; var political: Int; var economic: Int; var business_environment: Int; var legal: Int; var source_year: Int }
        let f = try req.form(Form.self)
        let risk = CountryRisk(countryCode: code, grade: f.grade, political: f.political, economic: f.economic, businessEnvironment: f.business_environment,
                               legal: f.legal, sourceYear: f.source_year)
        let alert = try await OutboundService(db: req.db, clock: ctx.park.clock).recordRisk(risk, by: try ctx.user())
        if let a = alert?.alert.id { return req.redirect(to: .outbound(.alert(.value(a)))) }
        return req.redirect(to: .outbound(.country(.value(code))))
    }

    static func note(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let code = req.parameters.get("country")?.uppercased() else { throw DomainError.required("country") }
        struct Form: Decodable { var text: String }
        _ = try await OutboundService(db: req.db, clock: ctx.park.clock).addNote(country: code, text: try req.form(Form.self).text, by: try ctx.user())
        return req.redirect(to: .outbound(.country(.value(code))))
    }
}
