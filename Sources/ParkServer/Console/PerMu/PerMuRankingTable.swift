import ParkDomain
import ParkStore
import Vapor

/// What the ranking table was asked for, read from the URL; invalid values are refused with
/// the field named.
struct PerMuRankingRequest {
    var filter = PerMuResultFilter()

    init(_ params: [String: String]) throws(DomainError) {
        func text(_ k: String) -> String? { params[k].flatMap { $0.isEmpty ? nil : $0 } }
        filter.search = text("q")
        filter.cluster = text("cluster")
        filter.subArea = text("sub_area")
        if let g = text("grade") {
            guard let v = PerMuGrade(rawValue: g) else { throw EnterpriseListRequest.bad("grade", g) }
            filter.grade = v
        }
        if let g = text("group") {
            guard let v = PerMuGroupKind(rawValue: g) else { throw EnterpriseListRequest.bad("group", g) }
            filter.group = v
        }
        if let s = text("status") {
            guard let v = PerMuStatus(rawValue: s) else { throw EnterpriseListRequest.bad("status", s) }
            filter.status = v
        }
        if let s = text("sort") {
            guard let v = PerMuResultFilter.Sort(rawValue: s) else { throw EnterpriseListRequest.bad("sort", s) }
            filter.sort = v
        }
        filter.descending = params["order"] == "desc"
        if let p = text("page") {
            guard let n = Int(p) else { throw EnterpriseListRequest.bad("page", p) }
            filter.page = n
        }
        if let p = text("per_page") {
            guard let n = Int(p) else { throw EnterpriseListRequest.bad("per_page", p) }
            filter.perPage = n
        }
        filter = try filter.validated()
    }

    /// The URL parameters that reproduce this request, with `changes` applied (sort and pager links).
    func params(_ changes: [String: String?] = [:]) -> [(String, String?)] {
        let f = filter
        var p: [(String, String?)] = [
            ("q", f.search), ("cluster", f.cluster), ("sub_area", f.subArea), ("grade", f.grade?.rawValue),
            ("group", f.group?.rawValue), ("status", f.status?.rawValue), ("sort", f.sort.rawValue),
            ("order", f.descending ? "desc" : "asc"), ("page", String(f.page)), ("per_page", f.perPage == 50 ? nil : String(f.perPage)),
        ]
        for (k, v) in changes {
            if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) }
        }
        return p
    }
}

/// The ranking table of a run: filters, sortable columns, pager; each row opens the scorecard.
enum PerMuRankingTable {
    static func render(run: PerMuRunRepository.Stored, request: PerMuRankingRequest, page: Page<PerMuStoredResult>,
                       clusters: [Cluster], subAreas: [String], lang: Language) -> HTML {
        let f = request.filter
        let base = ConsoleURL.permu(.run(.value(run.id)))
        let clusterNames = Dictionary(uniqueKeysWithValues: clusters.map { ($0.code, $0.name.text(lang)) })
        let filters: HTML = """
        <form class="filters" method="get" action="\(base)">
        <label>\(ConsoleText.search(lang))<input type="search" name="q" value="\(f.search)" placeholder="\(ConsoleText.searchPlaceholder(lang))" maxlength="100"></label>
        <label>\(ConsoleText.cluster(lang))<select name="cluster">\(Markup.option("", ConsoleText.all(lang), selected: f.cluster))\(clusters.map { Markup.option($0.code, $0.name.text(lang), selected: f.cluster) })</select></label>
        <label>\(LandText.subArea(lang))<select name="sub_area">\(Markup.option("", ConsoleText.all(lang), selected: f.subArea))\(subAreas.map { Markup.option($0, SubArea.label($0).text(lang), selected: f.subArea) })</select></label>
        <label>\(PerMuText.grade(lang))<select name="grade">\(Markup.option("", ConsoleText.all(lang), selected: f.grade?.rawValue))\(PerMuGrade.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.grade?.rawValue) })</select></label>
        <label>\(PerMuText.group(lang))<select name="group">\(Markup.option("", ConsoleText.all(lang), selected: f.group?.rawValue))\(PerMuGroupKind.allCases.map { Markup.option($0.rawValue, $0.name.text(lang), selected: f.group?.rawValue) })</select></label>
        <label>\(PerMuText.status(lang))<select name="status">\(Markup.option("", ConsoleText.all(lang), selected: f.status?.rawValue))\(PerMuStatus.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.status?.rawValue) })</select></label>
        <input type="hidden" name="sort" value="\(f.sort.rawValue)"><input type="hidden" name="order" value="\(f.descending ? "desc" : "asc")">
        <button class="btn" type="submit">\(ConsoleText.apply(lang))</button> <a class="btn ghost" href="\(base)">\(ConsoleText.reset(lang))</a>
        </form>
        """
        func sortHeader(_ sort: PerMuResultFilter.Sort, _ label: String, numeric: Bool = false) -> HTML {
            let active = f.sort == sort
            let nextOrder = active && !f.descending ? "desc" : "asc"
            let arrow = active ? (f.descending ? " ▼" : " ▲") : ""
            return "<th class=\"\(numeric ? "num" : "")\"><a href=\"\(base.href(request.params(["sort": sort.rawValue, "order": nextOrder, "page": "1"])))\">\(label)\(arrow)</a></th>"
        }
        let rows = page.items.map { s -> HTML in
            let r = s.result
            let rank: HTML = r.parkRank.map { rank in "\(rank)<span class=\"sub\"> / \(r.poolSize ?? 0)</span>" } ?? "—"
            let merged: HTML = r.members.count > 1 ? Markup.badge(PerMuText.mergedCount(lang, ["n": String(r.members.count)])) : .empty
            return """
            <tr><td class="num">\(rank)</td>
            <td><a href="\(ConsoleURL.permu(.scorecard(run: .value(run.id), enterprise: .value(r.enterpriseId))))">\(PerMuRequest.enterpriseName(zh: s.nameZh, en: s.nameEn, lang))</a>\(merged)<div class="sub mono">\(s.creditCode)</div></td>
            <td class="nowrap">\(r.group.name.text(lang))</td><td>\(r.cluster.map { clusterNames[$0] ?? $0 } ?? "—")</td><td>\(r.subArea.map { SubArea.label($0).text(lang) } ?? "—")</td>
            <td class="num">\(Numbers.decimal(r.landMu, digits: 2))</td><td class="num">\(PerMuFormat.score(r.total))</td>
            <td>\(PerMuFormat.gradeBadge(r.grade, lang))</td><td>\(PerMuFormat.gradeBadge(r.previousGrade, lang))</td>
            <td class="num">\(r.grade == nil ? "—" : String(r.consecutiveYears))</td>
            <td class="num nowrap">\(PerMuFormat.money(fen: PerMuFormat.surchargeFen(r), lang))</td><td>\(r.status.label.text(lang))</td></tr>
            """
        }
        let totalText = PerMuText.unitCount(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)])
        let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(base.href(request.params(["page": String(page.page - 1)])))\">\(ConsoleText.previous(lang))</a>" : .empty
        let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(base.href(request.params(["page": String(page.page + 1)])))\">\(ConsoleText.next(lang))</a>" : .empty
        return """
        <section class="card"><h2>\(PerMuText.ranking(lang))</h2>\(filters)
        <div class="toolbar"><span>\(totalText)</span><span class="pager">\(prev)\(next)<a class="btn ghost small" href="\(ConsoleURL.permu(.treatmentsCSV(.value(run.id))))">\(PerMuText.exportTreatments(lang))</a></span></div>
        <div class="scroll"><table><thead><tr>
        \(sortHeader(.rank, PerMuText.rank(lang), numeric: true))\(sortHeader(.name, ConsoleText.enterprise(lang)))<th>\(PerMuText.group(lang))</th><th>\(ConsoleText.cluster(lang))</th>
        <th>\(LandText.subArea(lang))</th>\(sortHeader(.landMu, PerMuText.landMu(lang), numeric: true))\(sortHeader(.total, PerMuText.total(lang), numeric: true))
        <th>\(PerMuText.grade(lang))</th><th>\(PerMuText.lastYearGrade(lang))</th><th class="num">\(PerMuText.consecutiveYears(lang))</th>
        \(sortHeader(.surcharge, PerMuText.surcharge(lang), numeric: true))<th>\(PerMuText.status(lang))</th>
        </tr></thead><tbody>\(rows)</tbody></table></div>
        <div class="toolbar"><span></span><span class="pager">\(prev)\(next)</span></div></section>
        """
    }
}
