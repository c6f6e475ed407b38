import Foundation
import ParkDomain
import ParkStore

/// The platform's board: projects by stage, filings waiting (soonest due first, overdue
/// counted), certificates lapsing within 90 days, the headline figures and the latest alerts.
enum OutboundBoardPage {
    struct Model {
        var stages: [OutboundStage: Int]
        var open: Page<OutboundFilingRow>
        var overdue: Int
        var lapsing: Page<OutboundFilingRow>
        var toLapse: Int
        var total: OutboundTotals
        var beltAndRoad: OutboundTotals
        var alerts: [OutboundAlertRow]

        static func load(on ctx: PageContext) async throws -> Model {
            let repo = OutboundRepository(db: ctx.db)
            let stats = OutboundStatsQuery(db: ctx.db), month = YearMonth(ctx.today)
            return Model(stages: try await repo.stageCounts(), open: try await repo.filingQueue(.open, today: ctx.today, perPage: 10),
                         overdue: try await repo.filingQueue(.overdue, today: ctx.today, perPage: 1).total,
                         lapsing: try await repo.filingQueue(.lapsing, today: ctx.today, days: 90, perPage: 10),
                         toLapse: try await repo.filingQueue(.toLapse, today: ctx.today, perPage: 1).total,
                         total: try await stats.totals(from: nil, to: month), beltAndRoad: try await stats.totals(from: nil, to: month, beltAndRoad: true),
                         alerts: try await OutboundRiskRepository(db: ctx.db).alerts(perPage: 5).items)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let stages = OutboundStage.allCases.map { s -> HTML in
                "<a class=\"stat\" href=\"\(ConsoleURL.outbound(.projects).href([("stage", s.rawValue)]))\"><div class=\"v\">\(Numbers.count(m.stages[s] ?? 0))</div><div class=\"k\">\(s.label.text(lang))</div></a>"
            }
            let figures: HTML = """
            <div class="grid g4">
            <div class="stat"><div class="v">\(Numbers.count(m.total.firms))</div><div class="k">\(OutboundText.firmsServed(lang))</div></div>
            <div class="stat"><div class="v">\(Numbers.count(m.total.countries))</div><div class="k">\(OutboundText.countries(lang))</div></div>
            <div class="stat"><div class="v">\(Numbers.count(m.total.projects))</div><div class="k">\(OutboundText.projects(lang))</div></div>
            <div class="stat"><div class="v">\(Numbers.yuan(fen: m.total.yuanFen, lang))</div><div class="k">\(OutboundText.agreedInvestment(lang))</div></div>
            </div>
            <p class="sub">\(OutboundText.beltAndRoadLine(lang, ["firms": Numbers.count(m.beltAndRoad.firms), "projects": Numbers.count(m.beltAndRoad.projects), "countries": Numbers.count(m.beltAndRoad.countries)])) · <a href="\(ConsoleURL.outbound(.stats))">\(OutboundText.stats(lang))</a></p>
            """
            let lapseForm: HTML = m.toLapse > 0 ? """
            <form method="post" action="\(ConsoleURL.outbound(.lapse))" class="inline">\(Markup.csrfField(ctx.csrf))<button class="btn small danger">\(OutboundText.markLapsed(lang, ["n": String(m.toLapse)]))</button></form>
            """ : .empty
            let body: HTML = """
            <h1>\(OutboundText.board(lang))</h1>
            <p class="actions"><a class="btn" href="\(ConsoleURL.outbound(.newProject))">\(OutboundText.newProject(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.projects))">\(OutboundText.allProjects(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.world))">\(OutboundText.world(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.alerts))">\(OutboundText.alerts(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.services))">\(OutboundText.serviceLog(lang))</a></p>
            \(figures)
            <h2>\(OutboundText.byStage(lang))</h2><div class="grid g6">\(stages)</div>
            <div class="grid g2">
            <section class="card"><h2>\(OutboundText.filingsWaiting(lang))</h2>
            <p class="sub">\(OutboundText.openAndOverdue(lang, ["open": Numbers.count(m.open.total), "overdue": Numbers.count(m.overdue)]))</p>
            \(m.open.items.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : OutboundMarkup.filingRows(m.open.items, lang, showFirm: true))</section>
            <section class="card"><h2>\(OutboundText.lapsingSoon(lang))</h2>
            <p class="sub">\(OutboundText.lapsingNote(lang, ["n": Numbers.count(m.lapsing.total)])) \(lapseForm)</p>
            \(m.lapsing.items.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : OutboundMarkup.filingRows(m.lapsing.items, lang, showFirm: true))</section>
            </div>
            <section class="card"><h2>\(OutboundText.latestAlerts(lang))</h2>
            \(m.alerts.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : OutboundMarkup.alertRows(m.alerts, lang, csrf: ctx.csrf, firm: false))</section>
            """
            return ConsolePage(title: OutboundText.board(lang), section: .outbound, body: body)
        }
    }
}

/// Projects, filtered and paged (a firm: its own).
enum OutboundProjectListPage {
    struct Model {
        var filter: OutboundProjectFilter
        var page: Page<OutboundProjectRow>
        var isStaff: Bool

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            var f = OutboundProjectFilter()
            if let c = params["country"], !c.isEmpty { f.countryCode = c.uppercased() }
            if let s = params["stage"], !s.isEmpty {
                guard let v = OutboundStage(rawValue: s) else { throw EnterpriseListRequest.bad("stage", s) }
                f.stage = v
            }
            f.search = params["q"].flatMap { $0.isEmpty ? nil : $0 }
            if let raw = params["page"], !raw.isEmpty {
                guard let n = Int(raw) else { throw EnterpriseListRequest.bad("page", raw) }
                f.page = try PageRequest(page: n, perPage: 50).page
            }
            if !p.isStaff { f.enterpriseID = p.enterpriseID ?? UUID() }
            return Model(filter: f, page: try await OutboundRepository(db: ctx.db).projects(f), isStaff: p.isStaff)
        }

        var params: [(String, String?)] { [("country", filter.countryCode), ("stage", filter.stage?.rawValue), ("q", filter.search)] }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, f = m.filter
            let url = ConsoleURL.outbound(.projects)
            let filters: HTML = """
            <form class="filters card" method="get" action="\(url)">
            <label>\(ConsoleText.search(lang))<input type="search" name="q" value="\(f.search ?? "")" maxlength="100"></label>
            <label>\(OutboundText.stage(lang))<select name="stage">\(Markup.option("", ConsoleText.all(lang), selected: f.stage?.rawValue))\(OutboundStage.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.stage?.rawValue) })</select></label>
            <label>\(OutboundText.country(lang))<input name="country" value="\(f.countryCode ?? "")" maxlength="2" size="3"></label>
            <button class="btn" type="submit">\(ConsoleText.apply(lang))</button> <a class="btn ghost" href="\(url)">\(ConsoleText.reset(lang))</a>
            </form>
            """
            let body: HTML = """
            <h1>\(OutboundText.projects(lang))</h1>
            \(m.isStaff ? "<p class=\"actions\"><a class=\"btn\" href=\"\(ConsoleURL.outbound(.newProject))\">\(OutboundText.newProject(lang))</a></p>" as HTML : .empty)
            \(filters)
            \(OutboundMarkup.pager(m.page, url, m.params, lang))
            <div class="card flush scroll">\(OutboundMarkup.projectRows(m.page.items, lang, staff: m.isStaff))</div>
            """
            return ConsolePage(title: OutboundText.projects(lang), section: .outbound, body: body)
        }
    }
}
