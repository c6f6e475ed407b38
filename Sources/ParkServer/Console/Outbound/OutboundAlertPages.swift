import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Alerts (staff): every alert with how many firms were told and read it, and the form to
/// publish one for a country or an industry.
enum OutboundAlertsPage {
    struct Model {
        var page: Page<OutboundAlertRow>
        var countries: [Country]
        var divisions: [IndustryDivision]

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let n = try params["page"].map { raw throws(DomainError) in
                guard let n = Int(raw) else { throw EnterpriseListRequest.bad("page", raw) }
                return n
            } ?? 1
            let page = try PageRequest(page: n, perPage: 20)
            return Model(page: try await OutboundRiskRepository(db: ctx.db).alerts(page: page.page, perPage: 20),
                         countries: try await ctx.park.reference.countries().filter { $0.alpha2 != "CN" },
                         divisions: try await ctx.park.reference.industryDivisions())
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let form: HTML = """
            <form method="post" action="\(ConsoleURL.outbound(.publishAlert))" class="card stack">\(Markup.csrfField(ctx.csrf))
            <h2>\(OutboundText.publishAlert(lang))</h2>
            <label>\(OutboundText.country(lang))<select name="country">\(Markup.option("", "—", selected: ""))\(m.countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: "") })</select></label>
            <label>\(OutboundText.industry(lang))<select name="industry_code">\(Markup.option("", "—", selected: ""))\(m.divisions.map { Markup.option($0.code, "\($0.code) \($0.name.text(lang))", selected: "") })</select></label>
            <label>\(OutboundText.titleZh(lang))<input name="title" maxlength="200" required></label>
            <label>\(OutboundText.titleEn(lang))<input name="title_en" maxlength="200" required></label>
            <label>\(OutboundText.bodyZh(lang))<textarea name="body" maxlength="4000" rows="3" required></textarea></label>
            <label>\(OutboundText.bodyEn(lang))<textarea name="body_en" maxlength="4000" rows="3" required></textarea></label>
            <p class="sub">\(OutboundText.alertNote(lang))</p>
            <p class="actions"><button class="btn">\(OutboundText.publish(lang))</button></p></form>
            """
            let body: HTML = """
            <p class="sub"><a href="\(ConsoleURL.outbound(.board))">\(OutboundText.board(lang))</a></p>
            <h1>\(OutboundText.alerts(lang))</h1>
            \(OutboundMarkup.pager(m.page, .outbound(.alerts), [], lang))
            <div class="card flush scroll">\(OutboundMarkup.alertRows(m.page.items, lang, csrf: ctx.csrf, firm: false))</div>
            \(form)
            """
            return ConsolePage(title: OutboundText.alerts(lang), section: .outbound, body: body)
        }
    }

    static func publish(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        struct Form: Decodable { var country: String?; var industry_code: String?; var title: String; var title_en: String?; var body: String; var body_en: String? }
        let f = try req.form(Form.self)
        let row = try await OutboundService(db: req.db, clock: ctx.park.clock).publishAlert(
            AlertScope(countryCode: f.country.flatMap { $0.isEmpty ? nil : $0 }, industryCode: f.industry_code.flatMap { $0.isEmpty ? nil : $0 }),
            title: Bilingual(zh: f.title, en: f.title_en ?? ""), body: Bilingual(zh: f.body, en: f.body_en ?? ""), by: try ctx.user())
        return req.redirect(to: .outbound(.alert(.value(row.alert.id!))))
    }

    /// A firm marks an alert read (its own deliveries only).
    static func read(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        try await OutboundService(db: req.db, clock: ctx.park.clock).markRead(try req.pathID(), by: try ctx.user())
        return req.redirect(to: .outbound(.mine))
    }
}

/// One alert and its receipts: which firms were told, when, and who read it.
enum OutboundAlertPage {
    struct Model {
        var alert: OutboundAlertRow
        var receipts: Page<OutboundDeliveryRow>

        static func load(_ id: UUID, _ params: [String: String], on ctx: PageContext) async throws -> Model {
            let risks = OutboundRiskRepository(db: ctx.db)
            guard let alert = try await risks.alert(id) else { throw DomainError.notFound("alert", id: id.uuidString) }
            let n = Int(params["page"] ?? "1") ?? 1
            let page = try PageRequest(page: n, perPage: 50)
            return Model(alert: alert, receipts: try await risks.deliveries(alertID: id, page: page.page, perPage: 50))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, a = m.alert.alert
            let rows = m.receipts.items.map { r -> HTML in
                let read: HTML = r.readAtMillis.map { "\(Markup.badge(OutboundText.read(lang), kind: "rd")) \(Markup.date(Date(timeIntervalSince1970: Double($0) / 1000), lang)) · \(r.readBy ?? "")" as HTML }
                    ?? Markup.badge(OutboundText.unread(lang), kind: "f500")
                return "<tr><td>\(r.enterpriseName.text(lang))</td><td>\(Markup.date(Date(timeIntervalSince1970: Double(r.deliveredAtMillis) / 1000), lang))</td><td>\(read)</td></tr>"
            }
            let scope = [a.scope.countryCode.map { OutboundMarkup.country($0, lang) }, a.scope.industryCode.map { OutboundMarkup.industry($0, lang) }].compactMap { $0 }.joined(separator: " · ")
            let body: HTML = """
            <p class="sub"><a href="\(ConsoleURL.outbound(.alerts))">\(OutboundText.alerts(lang))</a></p>
            <h1>\(a.title.text(lang))</h1>
            <section class="card"><p>\(a.body.text(lang))</p><p class="sub">\(a.publishedOn.iso) · \(m.alert.publishedBy) · \(a.cause.label.text(lang)) · \(scope)</p>
            <p><strong>\(OutboundText.readOf(lang, ["read": String(m.alert.read), "total": String(m.alert.recipients)]))</strong></p>
            <p class="sub">\(OutboundText.viaInbox(lang))</p></section>
            \(OutboundMarkup.pager(m.receipts, .outbound(.alert(.value(a.id!))), [], lang))
            <div class="card flush scroll"><table><thead><tr><th>\(OutboundText.firm(lang))</th><th>\(OutboundText.told(lang))</th><th>\(OutboundText.state(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
            return ConsolePage(title: a.title.text(lang), section: .outbound, body: body)
        }
    }
}

/// The firm's own portal page: its projects, what it still has to file, alerts for its countries.
enum OutboundPortalPage {
    struct Model {
        var projects: Page<OutboundProjectRow>
        var open: Page<OutboundFilingRow>
        var alerts: Page<OutboundAlertRow>

        static func load(on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let firm = p.enterpriseID ?? UUID()
            var f = OutboundProjectFilter()
            f.enterpriseID = firm; f.perPage = 50
            let repo = OutboundRepository(db: ctx.db)
            return Model(projects: try await repo.projects(f), open: try await repo.filingQueue(.open, today: ctx.today, enterpriseID: firm, perPage: 50),
                         alerts: try await OutboundRiskRepository(db: ctx.db).alerts(for: firm, perPage: 20))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let todo = m.open.items.map { r -> HTML in
                let f = r.filing
                return """
                <li><strong>\(f.kind.label.text(lang))</strong> → \(f.authority.label.text(lang)) \(OutboundMarkup.filingState(f.state, lang))
                · <a href="\(ConsoleURL.outbound(.project(.value(f.projectID))))">\(r.projectTitle)</a>
                \(f.dueOn.map { "<div class=\"sub\">\(OutboundText.dueOn(lang))\(OutboundText.colon(lang))\($0.iso)</div>" as HTML } ?? .empty)
                \(f.missingDocuments.isEmpty ? "<div class=\"sub\">\(OutboundText.allDocumentsIn(lang))</div>" as HTML
                  : "<div>\(OutboundText.stillNeeded(lang))\(OutboundText.colon(lang))\(f.missingDocuments.map { $0.name.text(lang) }.joined(separator: OutboundText.listSeparator(lang)))</div>" as HTML)</li>
                """
            }
            let body: HTML = """
            <h1>\(OutboundText.myOutbound(lang))</h1>
            <section class="card"><h2>\(OutboundText.toFile(lang))</h2>
            \(todo.isEmpty ? "<p>\(OutboundText.nothingToFile(lang))</p>" as HTML : "<ul class=\"stack\">\(todo)</ul>" as HTML)</section>
            <section class="card"><h2>\(OutboundText.alertsForMyCountries(lang))</h2>
            \(m.alerts.items.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : OutboundMarkup.alertRows(m.alerts.items, lang, csrf: ctx.csrf, firm: true))</section>
            <section class="card flush scroll"><h2 class="padded">\(OutboundText.myProjects(lang))</h2>\(OutboundMarkup.projectRows(m.projects.items, lang, staff: false))</section>
            """
            return ConsolePage(title: OutboundText.myOutbound(lang), section: .outbound, body: body)
        }
    }
}
