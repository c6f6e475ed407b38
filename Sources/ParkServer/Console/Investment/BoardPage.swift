import ParkDomain
import ParkStore
import Vapor

/// The board's filters read from the URL; a bad value is refused naming its field.
struct BoardRequest: Equatable {
    var query = ProjectQuery()

    init(_ params: [String: String]) throws(DomainError) {
        func value(_ k: String) -> String? { params[k].flatMap { $0.isEmpty ? nil : $0 } }
        if let s = value("stage") { query.stage = try parseCode(s, as: ProjectStage.self, field: "stage") }
        if let o = value("officer") {
            guard let id = UUID(uuidString: o) else { throw DomainError(code: "invalid_value", field: "officer", en: "officer is not a user id", zh: "负责人无效") }
            query.officerID = id
        }
        query.cluster = value("cluster"); query.country = value("country")?.uppercased(); query.search = value("q")
        query.overdueOnly = value("overdue") == "1"
        if let p = value("page") {
            guard let n = Int(p) else { throw DomainError(code: "invalid_value", field: "page", en: "page must be a number", zh: "页码须为数字") }
            query.page = n
        }
        query = try query.validated()
    }

    func params(_ changes: [String: String?] = [:]) -> [(String, String?)] {
        var p: [(String, String?)] = [("stage", query.stage?.rawValue), ("officer", query.officerID?.uuidString), ("cluster", query.cluster),
                                      ("country", query.country), ("q", query.search), ("overdue", query.overdueOnly ? "1" : nil),
                                      ("page", String(query.page))]
        for (k, v) in changes { if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) } }
        return p
    }
}

/// The pipeline board: a column per stage (projects, overdue, contracted and utilised FDI),
/// filterable by officer, cluster and country, and the projects below, a page at a time.
enum BoardPage {
    struct Model {
        var request: BoardRequest
        var columns: [InvestmentService.BoardColumn]
        var page: Page<ProjectListItem>
        var officers: [(id: UUID, username: String, name: String)]
        var clusters: [Cluster]
        var pending: Int
        var escalated: Int

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let request = try BoardRequest(params)
            let service = InvestmentService(db: ctx.db, clock: ctx.park.clock)
            return Model(request: request, columns: try await service.board(request.query, by: p),
                         page: try await service.list(request.query, by: p),
                         officers: try await InvestmentRepository(db: ctx.db).officers(limit: 200),
                         clusters: try await ctx.park.reference.clusters(),
                         pending: try await service.pendingReviews(limit: 500).count,
                         escalated: try await service.blockerCounts().escalated)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, q = m.request.query
            let board = ConsoleURL.investment(.board)
            let countries = Country.all
            let filters: HTML = """
            <form class="filters card" method="get" action="\(board)">
            <label>\(InvestmentText.officer(lang))<select name="officer">\(Markup.option("", InvestmentText.all(lang), selected: q.officerID?.uuidString))\(m.officers.map { Markup.option($0.id.uuidString, $0.name, selected: q.officerID?.uuidString) })</select></label>
            <label>\(InvestmentText.cluster(lang))<select name="cluster">\(Markup.option("", InvestmentText.all(lang), selected: q.cluster))\(m.clusters.map { Markup.option($0.code, $0.name.text(lang), selected: q.cluster) })</select></label>
            <label>\(InvestmentText.country(lang))<select name="country">\(Markup.option("", InvestmentText.all(lang), selected: q.country))\(countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: q.country) })</select></label>
            <label>\(InvestmentText.stage(lang))<select name="stage">\(Markup.option("", InvestmentText.all(lang), selected: q.stage?.rawValue))\(ProjectStage.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: q.stage?.rawValue) })</select></label>
            <label>\(ConsoleText.search(lang))<input type="search" name="q" value="\(q.search)" maxlength="100"></label>
            <label class="check"><input type="checkbox" name="overdue" value="1"\(q.overdueOnly ? HTML(" checked") : .empty)> \(InvestmentText.overdueOnly(lang))</label>
            <button class="btn" type="submit">\(InvestmentText.apply(lang))</button> <a class="btn ghost" href="\(board)">\(InvestmentText.reset(lang))</a>
            </form>
            """
            let cols = m.columns.map { c -> HTML in
                let link = board.href(m.request.params(["stage": c.stage.rawValue, "page": "1"]))
                let overdue: HTML = c.overdue > 0 ? "<div class=\"sub bad\">\(InvestmentText.overdue(lang)) \(Numbers.count(c.overdue))</div>" : .empty
                return """
                <a class="stat" href="\(link)"><div class="k">\(c.stage.label.text(lang))</div><div class="v">\(Numbers.count(c.projects))</div>\(overdue)
                <div class="sub">\(InvestmentText.contractedUSD(lang)) \(Numbers.usd(cents: c.contractedUSDCents, lang))</div>
                <div class="sub">\(InvestmentText.utilisedUSD(lang)) \(Numbers.usd(cents: c.utilisedUSDCents, lang))</div></a>
                """
            }
            let officerNames = Dictionary(uniqueKeysWithValues: m.officers.map { ($0.id, $0.name) })
            let rows = m.page.items.map { i -> HTML in
                let name: HTML = "<a href=\"\(ConsoleURL.investment(.project(.value(i.id))))\">\(i.name.text(lang))</a>"
                let flags: HTML = "\(i.confidential ? Markup.badge(InvestmentText.confidential(lang), kind: "hq") : .empty)\(i.fortune500Rank != nil ? Markup.badge("F500", kind: "f500") : .empty)"
                return """
                <tr class="\(i.overdue ? "overdue" : "")"><td class="mono">\(i.code)</td><td>\(name) \(flags)<div class="sub">\(i.investorName.text(lang))</div></td>
                <td>\(i.stage.label.text(lang))\(i.overdue ? HTML(" <span class=\"badge bad\">\(InvestmentText.overdue(lang))</span>") : .empty)<div class="sub">\(i.stageDueOn.map { "\(InvestmentText.dueOn(lang)) \($0.iso)" } ?? "")</div></td>
                <td>\(i.type.label.text(lang))</td><td>\(Country.named(i.country)?.name.text(lang) ?? i.country)</td><td class="num">\(i.totalInvestment.currency) \(FenText.yuan(i.totalInvestment.minor, grouped: true))</td>
                <td>\(i.officerID.flatMap { officerNames[$0] } ?? "—")</td></tr>
                """
            }
            let tbody: HTML = rows.isEmpty ? "<tr><td colspan=\"7\">\(InvestmentText.noProjects(lang))</td></tr>" : "\(rows)"
            let page = m.page
            let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(board.href(m.request.params(["page": String(page.page - 1)])))\">\(ConsoleText.previous(lang))</a>" : .empty
            let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(board.href(m.request.params(["page": String(page.page + 1)])))\">\(ConsoleText.next(lang))</a>" : .empty
            let body: HTML = """
            <h1>\(InvestmentText.board(lang))</h1>
            <p class="actions"><a class="btn" href="\(ConsoleURL.investment(.newProject))">\(InvestmentText.newProject(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.investment(.report))">\(InvestmentText.report(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.investment(.fortune500))">\(InvestmentText.fortune500(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.investment(.imports))">\(InvestmentText.imports(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.investment(.infoReports))">\(InfoReportText.title(lang))</a></p>
            <p class="sub">\(InvestmentText.boardIntro(lang)) \(InvestmentText.pendingReview(lang)): \(Numbers.count(m.pending)) · \(InvestmentText.escalatedBlockers(lang)): \(Numbers.count(m.escalated))</p>
            \(filters)
            <div class="grid g4">\(cols)</div>
            <div class="toolbar"><span>\(InvestmentText.projectsCount(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)]))</span><span class="pager">\(prev)\(next)</span></div>
            <div class="card flush scroll"><table><thead><tr><th>\(InvestmentText.code(lang))</th><th>\(InvestmentText.name(lang))</th><th>\(InvestmentText.stage(lang))</th>
            <th>\(InvestmentText.type(lang))</th><th>\(InvestmentText.country(lang))</th><th class="num">\(InvestmentText.totalInvestment(lang))</th><th>\(InvestmentText.officer(lang))</th></tr></thead>
            <tbody>\(tbody)</tbody></table></div>
            """
            return ConsolePage(title: InvestmentText.board(lang), section: .investment, body: body)
        }
    }
}
