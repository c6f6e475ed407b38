import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Leases with alerts (assessment windows opening, production overdue, projected misses),
/// looking `within` months ahead: sorted, paged, and exported as CSV with the same choices.
enum DueListPage {
    enum Sort: String, CaseIterable { case end, parcel, enterprise, state }

    /// The list's choices, from the query string, each refused with its field when malformed.
    struct Choices {
        var within = 12
        var sort = Sort.end
        var descending = false
        var page = 1
        static let perPage = 50

        init(_ req: Request) throws {
            let q = req.query
            let within = q[String.self, at: "within"] ?? "12"
            guard let months = Int(within), (0...120).contains(months) else {
                throw DomainError(code: "out_of_range", field: "within", en: "within must be 0–120 months", zh: "提前月数须在 0–120 之间")
            }
            self.within = months
            let sort = q[String.self, at: "sort"] ?? Sort.end.rawValue
            guard let s = Sort(rawValue: sort) else {
                throw DomainError(code: "invalid_value", field: "sort", en: "sort must be one of end, parcel, enterprise, state",
                                  zh: "排序须为 end、parcel、enterprise、state 之一")
            }
            self.sort = s
            switch q[String.self, at: "order"] ?? "asc" {
            case "asc": descending = false
            case "desc": descending = true
            default: throw DomainError(code: "invalid_value", field: "order", en: "order must be asc or desc", zh: "排序方向须为 asc 或 desc")
            }
            let page = q[String.self, at: "page"] ?? "1"
            guard let n = Int(page) else {
                throw DomainError(code: "invalid_value", field: "page", en: "page must be a whole number", zh: "页码须为整数")
            }
            self.page = try PageRequest(page: n, perPage: Self.perPage).page
        }

        func params(_ changes: [String: String] = [:]) -> [(String, String?)] {
            var p: [String: String] = ["within": String(within), "sort": sort.rawValue, "order": descending ? "desc" : "asc", "page": String(page)]
            for (k, v) in changes { p[k] = v }
            return ["within", "sort", "order", "page"].map { ($0, p[$0]) }
        }

        /// The query's choice: the list is selected, sorted and paged in SQL (ties by parcel code).
        func query(_ lang: Language) -> LeaseAlertsQuery.Choice {
            LeaseAlertsQuery.Choice(withinMonths: within, sort: LeaseAlertsQuery.Sort(rawValue: sort.rawValue) ?? .end,
                                    descending: descending, language: lang)
        }
    }

    struct Model {
        var choices: Choices
        var page: Page<LeaseAlertsQuery.Row>

        static func load(_ choices: Choices, on ctx: PageContext) async throws -> Model {
            let page = try await LeaseAlertsQuery(db: ctx.db).page(today: ctx.today, choices.query(ctx.language),
                                                                   try PageRequest(page: choices.page, perPage: Choices.perPage))
            return Model(choices: choices, page: page)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.land(.due)) { ctx, req in render(try await Model.load(try Choices(req), on: ctx), ctx) }
        router.on(.land(.dueCSV)) { req in try await csv(req) }
    }

    static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
        let lang = ctx.language, choices = m.choices, page = m.page
        let due = ConsoleURL.land(.due)
        func header(_ sort: Sort, _ label: String) -> HTML {
            let active = choices.sort == sort
            let order = active && !choices.descending ? "desc" : "asc"
            let arrow = active ? (choices.descending ? " ▼" : " ▲") : ""
            return "<th><a href=\"\(due.href(choices.params(["sort": sort.rawValue, "order": order, "page": "1"])))\">\(label)\(arrow)</a></th>"
        }
        let headers: [HTML] = [header(.parcel, LandText.parcel(lang)), header(.enterprise, ConsoleText.enterprise(lang)), header(.state, LandText.state(lang)),
                               header(.end, LandText.firstTermEnd(lang)), "<th>\(LandText.alerts(lang))</th>"]
        let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(due.href(choices.params(["page": String(page.page - 1)])))\">\(ConsoleText.previous(lang))</a>" : .empty
        let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(due.href(choices.params(["page": String(page.page + 1)])))\">\(ConsoleText.next(lang))</a>" : .empty
        let export: HTML = "<a class=\"btn ghost small\" href=\"\(ConsoleURL.land(.dueCSV).href(choices.params(["page": "1"])))\">\(ConsoleText.exportCSV(lang))</a>"
        let body: HTML = """
        <h1>\(LandText.dueTitle(lang))</h1>
        <form class="filters card" method="get" action="\(due)"><label>\(LandText.withinMonths(lang))<input type="number" name="within" min="0" max="120" value="\(choices.within)"></label>
        <input type="hidden" name="sort" value="\(choices.sort.rawValue)"><input type="hidden" name="order" value="\(choices.descending ? "desc" : "asc")">
        <button class="btn">\(ConsoleText.apply(lang))</button></form>
        <div class="toolbar"><span>\(LandText.dueCount(lang, total: page.total, page: page.page, of: page.pageCount))</span><span class="pager">\(prev)\(next)\(export)</span></div>
        <section class="card flush scroll">\(DueTable.render(page.items, lang: lang, headers: headers))</section>
        <div class="toolbar"><span></span><span class="pager">\(prev)\(next)</span></div>
        """
        return ConsolePage(title: LandText.dueList(lang), section: .land, body: body)
    }

    /// The whole list in the chosen order, streamed 500 leases a page: headers in the reader's
    /// language and states by name, with a BOM so Excel opens it; `format=machine` gives
    /// snake_case headers and codes.
    static func csv(_ req: Request) async throws -> Response {
        let lang = RequestContext.current.language
        let choice = try Choices(req).query(lang)
        let machine = req.query[String.self, at: "format"] == "machine"
        let header = machine
            ? ["parcel_code", "sub_area", "lease_id", "enterprise", "state", "first_term_end", "alerts"]
            : [LandText.parcel(lang), LandText.subArea(lang), LandText.leaseID(lang), ConsoleText.enterprise(lang), LandText.state(lang), LandText.firstTermEnd(lang), LandText.alerts(lang)]
        let query = LeaseAlertsQuery(db: req.db), today = req.park.today
        let stream = ExportStream(head: EnterpriseCSV.utf8BOM + CSVWriter.line(header) + "\n", tail: "") { after in
            // The cursor is the page just written.
            let number = (after.flatMap(Int.init) ?? 0) + 1
            let page = try await query.page(today: today, choice, try PageRequest(page: number, perPage: 500))
            guard !page.items.isEmpty else { return nil }
            let text = page.items.map { r in
                CSVWriter.line([
                    r.parcel.code, machine ? r.parcel.subArea : SubArea.label(r.parcel.subArea).text(lang), r.lease.id?.uuidString ?? "",
                    r.enterpriseName.text(lang), machine ? r.lease.state.rawValue : r.lease.state.label.text(lang),
                    r.lease.contract?.firstTermEnd.iso ?? "", r.alerts.map { $0.message(lang) }.joined(separator: "; "),
                ], formulaGuard: true) + "\n"
            }.joined()
            return (text, String(number))
        }
        let res = Response(body: stream.responseBody)
        res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "land-due-\(today.iso).csv")
        return res
    }
}
