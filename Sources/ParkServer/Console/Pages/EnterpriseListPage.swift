import ParkDomain
import ParkStore
import Vapor

/// What the enterprise list was asked for, read from the URL; invalid values are refused
/// with the field named rather than silently dropped.
struct EnterpriseListRequest: Equatable {
    var query = EnterpriseQuery()

    init(_ params: [String: String]) throws(DomainError) {
        func flag(_ k: String) -> Bool? { params[k].flatMap { $0.isEmpty ? nil : ($0 == "true" || $0 == "1") } }
        query.search = params["q"].flatMap { $0.isEmpty ? nil : $0 }
        query.cluster = params["cluster"].flatMap { $0.isEmpty ? nil : $0 }
        if let o = params["ownership"], !o.isEmpty {
            guard let v = Ownership(rawValue: o) else { throw Self.bad("ownership", o) }
            query.ownership = v
        }
        query.country = params["country"].flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if let s = params["size"], !s.isEmpty {
            guard let v = EnterpriseQuery.Size(rawValue: s) else { throw Self.bad("size", s) }
            query.size = v
        }
        query.fortune500 = flag("fortune500")
        query.rdCentre = flag("rd_centre")
        query.regionalHQ = flag("regional_hq")
        if let s = params["sort"], !s.isEmpty {
            guard let v = EnterpriseQuery.Sort(rawValue: s) else { throw Self.bad("sort", s) }
            query.sort = v
        }
        query.descending = params["order"] == "desc"
        if let p = params["page"], !p.isEmpty {
            guard let n = Int(p) else { throw Self.bad("page", p) }
            query.page = n
        }
        if let p = params["per_page"], !p.isEmpty {
            guard let n = Int(p) else { throw Self.bad("per_page", p) }
            query.perPage = n
        }
        query = try query.validated()
    }

    static func bad(_ field: String, _ value: String) -> DomainError {
        DomainError(code: "invalid_value", field: field, en: "\(field) has an unknown value '\(value)'",
                    zh: "\(field) 的取值“\(value)”无效")
    }

    /// The URL parameters that reproduce this request, with `changes` applied (for sort and pager links).
    func params(_ changes: [String: String?] = [:]) -> [(String, String?)] {
        var p: [(String, String?)] = [
            ("q", query.search), ("cluster", query.cluster), ("ownership", query.ownership?.rawValue),
            ("country", query.country), ("size", query.size?.rawValue),
            ("fortune500", query.fortune500.map(String.init)), ("rd_centre", query.rdCentre.map(String.init)),
            ("regional_hq", query.regionalHQ.map(String.init)), ("sort", query.sort.rawValue),
            ("order", query.descending ? "desc" : "asc"), ("page", String(query.page)), ("per_page", String(query.perPage)),
        ]
        for (k, v) in changes {
            if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) }
        }
        return p
    }
}

/// The register: search, filters, sortable columns, pages; CSV export for staff.
enum EnterpriseListPage {
    struct Model {
        var request: EnterpriseListRequest
        var page: Page<Enterprise>
        var clusters: [Cluster]
        var countries: [Country]
        /// Staff may export and register; an enterprise user sees its own record only.
        var isStaff: Bool

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            var request = try EnterpriseListRequest(params)
            if !p.isStaff { request.query.onlyEnterprise = (p.enterpriseID ?? UUID()).uuidString }
            return Model(request: request, page: try await ctx.park.enterprises.list(request.query),
                         clusters: try await ctx.park.reference.clusters(), countries: try await ctx.park.reference.countries(),
                         isStaff: p.isStaff)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let q = m.request.query
            let list = ConsoleURL.enterprises(.list)
            let clusterNames = Dictionary(uniqueKeysWithValues: m.clusters.map { ($0.code, $0.name.text(lang)) })
            let filters: HTML = """
            <form class="filters card" method="get" action="\(list)">
            <label>\(ConsoleText.search(lang))<input type="search" name="q" value="\(q.search)" placeholder="\(ConsoleText.searchPlaceholder(lang))" maxlength="100"></label>
            <label>\(ConsoleText.cluster(lang))<select name="cluster">\(Markup.option("", ConsoleText.all(lang), selected: q.cluster))\(m.clusters.map { Markup.option($0.code, $0.name.text(lang), selected: q.cluster) })</select></label>
            <label>\(ConsoleText.ownership(lang))<select name="ownership">\(Markup.option("", ConsoleText.all(lang), selected: q.ownership?.rawValue))\(Ownership.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: q.ownership?.rawValue) })</select></label>
            <label>\(ConsoleText.country(lang))<select name="country">\(Markup.option("", ConsoleText.all(lang), selected: q.country))\(m.countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: q.country) })</select></label>
            <label>\(ConsoleText.size(lang))<select name="size">\(Markup.option("", ConsoleText.all(lang), selected: q.size?.rawValue))\(Markup.option("above", ConsoleText.above(lang), selected: q.size?.rawValue))\(Markup.option("below", ConsoleText.below(lang), selected: q.size?.rawValue))</select></label>
            <label>\(ConsoleText.perPage(lang))<select name="per_page">\([20, 50, 100, 200].map { Markup.option(String($0), String($0), selected: String(q.perPage)) })</select></label>
            <input type="hidden" name="sort" value="\(q.sort.rawValue)"><input type="hidden" name="order" value="\(q.descending ? "desc" : "asc")">
            <button class="btn" type="submit">\(ConsoleText.apply(lang))</button> <a class="btn ghost" href="\(list)">\(ConsoleText.reset(lang))</a>
            </form>
            """

            func sortHeader(_ sort: EnterpriseQuery.Sort, _ label: ConsoleText, numeric: Bool = false) -> HTML {
                let active = q.sort == sort
                let nextOrder = active && !q.descending ? "desc" : "asc"
                let arrow = active ? (q.descending ? " ▼" : " ▲") : ""
                return "<th class=\"\(numeric ? "num" : "")\"><a href=\"\(list.href(m.request.params(["sort": sort.rawValue, "order": nextOrder, "page": "1"])))\">\(label(lang))\(arrow)</a></th>"
            }

            let rows = m.page.items.map { e -> HTML in
                let name = e.name(lang), other = Names.enterpriseOther(zh: e.nameZh, en: e.nameEn, lang)
                var flags: [HTML] = []
                if e.fortune500Parent != nil { flags.append(Markup.badge("F500", kind: "f500")) }
                if e.regionalHeadquarters { flags.append(Markup.badge(ConsoleText.regionalHQ(lang), kind: "hq")) }
                if e.rdCentre { flags.append(Markup.badge(ConsoleText.rdCentre(lang), kind: "rd")) }
                if e.aboveDesignatedSize { flags.append(Markup.badge(ConsoleText.above(lang))) }
                let industry = IndustryClassification.division(e.industryCode)
                let detail: HTML = e.id.map { "<a href=\"\(ConsoleURL.enterprises(.detail(.value($0))))\">\(name)</a>" } ?? "\(name)"
                return """
                <tr><td>\(detail)<div class="sub">\(other)</div></td>
                <td class="mono">\(e.creditCode.value)</td>
                <td>\(e.industryCode) \(industry?.name.text(lang) ?? "")</td>
                <td>\(e.clusters.map { Markup.badge(clusterNames[$0] ?? $0) })</td>
                <td>\(e.ownership.label.text(lang))<div class="sub">\(e.originCountry)</div></td>
                <td class="num">\(e.employees.map { Numbers.count($0) } ?? "—")</td>
                <td class="nowrap">\(e.foundedOn?.iso ?? "—")</td><td>\(flags)</td></tr>
                """
            }
            let page = m.page
            let totalText = ConsoleText.enterpriseCount(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)])
            let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(list.href(m.request.params(["page": String(page.page - 1)])))\">\(ConsoleText.previous(lang))</a>" : .empty
            let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(list.href(m.request.params(["page": String(page.page + 1)])))\">\(ConsoleText.next(lang))</a>" : .empty
            let export: HTML = m.isStaff ? "<a class=\"btn ghost small\" href=\"\(ConsoleURL.enterprises(.export).href(m.request.params(["page": nil, "per_page": nil])))\">\(ConsoleText.exportCSV(lang))</a>" : .empty
            let create: HTML = m.isStaff ? "<p class=\"actions\"><a class=\"btn\" href=\"\(ConsoleURL.enterprises(.new))\">\(ConsoleText.newEnterprise(lang))</a></p>" : .empty
            let body: HTML = """
            <h1>\(ConsoleText.enterprises(lang))</h1>
            \(create)
            \(filters)
            <div class="toolbar"><span>\(totalText)</span><span class="pager">\(prev)\(next)\(export)</span></div>
            <div class="card flush scroll"><table><thead><tr>
            \(sortHeader(.name(lang), .name))\(sortHeader(.creditCode, .creditCode))<th>\(ConsoleText.industry(lang))</th><th>\(ConsoleText.clusters(lang))</th>
            <th>\(ConsoleText.ownership(lang))</th>\(sortHeader(.employees, .employees, numeric: true))\(sortHeader(.foundedOn, .founded))<th>\(ConsoleText.flags(lang))</th>
            </tr></thead><tbody>\(rows)</tbody></table></div>
            <div class="toolbar"><span></span><span class="pager">\(prev)\(next)</span></div>
            """
            return ConsolePage(title: ConsoleText.enterprises(lang), section: .enterprises, body: body)
        }
    }
}

extension EnterpriseQuery.Sort {
    /// The sort by name in the reader's language.
    static func name(_ lang: Language) -> Self { lang == .en ? .nameEn : .nameZh }
}
