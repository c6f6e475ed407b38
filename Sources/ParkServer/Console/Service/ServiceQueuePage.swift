import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The officer's work queue: what my department leads and the subtasks it holds, overdue first;
/// "mine" narrows to subtasks assigned to me, "all" shows every open request (admins, the dispatcher).
enum ServiceQueuePage {
    struct Query: Decodable {
        var scope: String?
        var category: String?
        var overdue: String?
        var page: Int?
    }

    struct Model {
        var scope: String
        var category: String?
        var overdue: Bool
        var items: Page<ServiceQueue.Item>
        var enterprises: [UUID: Bilingual]
        var names: ServiceNames

        static func load(_ q: Query, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let scope = q.scope ?? (p.departmentCode == nil ? "all" : "department")
            guard ["mine", "department", "all"].contains(scope) else {
                throw DomainError(code: "invalid_value", field: "scope", en: "scope is mine, department or all", zh: "范围须为 mine、department 或 all")
            }
            let names = try await ServiceNames.load(ctx)
            if let c = q.category, !c.isEmpty, names.categories[c] == nil {
                throw DomainError(code: "invalid_value", field: "category", en: "no category \(c)", zh: "没有类别 \(c)")
            }
            let category = (q.category?.isEmpty ?? true) ? nil : q.category
            var f = ServiceQueue.Filter(category: category, overdueOnly: q.overdue == "1")
            if scope != "all" { f.department = p.departmentCode ?? "-" }
            if scope == "mine" { f.assignee = p.userID ?? UUID() }
            let items = try await ServiceQueue(db: ctx.db, clock: ctx.park.clock).items(f, page: try PageRequest(page: q.page, perPage: 50))
            let firms = try await ctx.park.enterprises.names(Set(items.items.map(\.enterpriseID)))
            return Model(scope: scope, category: category, overdue: f.overdueOnly, items: items, enterprises: firms, names: names)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, today = ctx.today
            let tabs: [HTML] = [("mine", ServiceText.mine), ("department", ServiceText.department), ("all", ServiceText.all)].map { s, t in
                "<a class=\"btn small \(s == m.scope ? "" : "ghost")\" href=\"\(ConsoleURL.service(.queue).href([("scope", s)]))\">\(t(lang))</a>"
            }
            let options: [HTML] = [Markup.option("", ServiceText.all(lang), selected: m.category)]
                + m.names.categories.values.sorted { $0.code < $1.code }.map { Markup.option($0.code, $0.name.text(lang), selected: m.category) }
            let rows: [HTML] = m.items.items.map { i in
                let state = i.subtaskID == nil ? (RequestState(rawValue: i.state).map { ServiceFormat.stateBadge($0, lang) } ?? HTML(stringLiteral: ""))
                    : Markup.badge(ServiceText.bySubtask(lang) + " · " + (SubtaskState(rawValue: i.state)?.label.text(lang) ?? ""), kind: "hq")
                let firm = m.enterprises[i.enterpriseID]?.text(lang) ?? ""
                return """
                <tr><td class="nowrap"><a href="\(ConsoleURL.service(.request(.value(i.requestID))))">\(i.reference)</a></td><td>\(i.title)</td><td>\(firm)</td>
                <td>\(m.names.category(i.category, lang))</td><td>\(m.names.department(i.department, lang))</td><td>\(state)</td>\(ServiceFormat.dueCell(i.dueOn, today: today))</tr>
                """
            }
            let pages = m.items.pageCount
            func pageLink(_ n: Int, _ t: ServiceText) -> HTML {
                "<a class=\"btn ghost small\" href=\"\(ConsoleURL.service(.queue).href([("scope", m.scope), ("category", m.category), ("overdue", m.overdue ? "1" : nil), ("page", String(n))]))\">\(t(lang))</a>"
            }
            let body: HTML = """
            <h1>\(ServiceText.queueTitle(lang))</h1>
            <div class="toolbar"><span class="actions">\(tabs)</span><span><a class="btn ghost small" href="\(ConsoleURL.service(.board))">\(ServiceText.boardTitle(lang))</a> <a class="btn ghost small" href="\(ConsoleURL.service(.stats))">\(ServiceText.statsTitle(lang))</a> <a class="btn small" href="\(ConsoleURL.service(.newRequest))">\(ServiceText.newTitle(lang))</a></span></div>
            <form class="filters card" method="get" action="\(ConsoleURL.service(.queue))"><input type="hidden" name="scope" value="\(m.scope)">
            <label>\(ServiceText.category(lang))<select name="category">\(options)</select></label>
            <label class="check"><input type="checkbox" name="overdue" value="1"\(HTML(raw: m.overdue ? " checked" : ""))> \(ServiceText.overdueOnly(lang))</label>
            <button class="btn">\(ServiceText.apply(lang))</button></form>
            <div class="toolbar"><span>\(ServiceText.count(lang, ["n": Numbers.count(m.items.total)])) · \(ServiceText.pageOf(lang, ["page": String(m.items.page), "pages": String(pages)]))</span>
            <span class="pager">\(m.items.page > 1 ? pageLink(m.items.page - 1, .previous) : .empty)\(m.items.page < pages ? pageLink(m.items.page + 1, .next) : .empty)</span></div>
            <section class="card flush scroll"><table><thead><tr><th>\(ServiceText.reference(lang))</th><th>\(ServiceText.title(lang))</th><th>\(ServiceText.enterprise(lang))</th>
            <th>\(ServiceText.category(lang))</th><th>\(ServiceText.lead(lang))</th><th>\(ServiceText.state(lang))</th><th>\(ServiceText.due(lang))</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"7\">\(ServiceText.noRequests(lang))</td></tr>" : HTML(raw: rows.map(\.raw).joined()))</tbody></table></section>
            """
            return ConsolePage(title: ServiceText.queueTitle(lang), section: .service, body: body)
        }
    }
}
