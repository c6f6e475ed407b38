import Foundation
import ParkDomain
import ParkStore
import Vapor

/// What-if (staff): a draft scheme against a base (by default the year's enacted scheme) on
/// the same figures: the grade migration matrix, surcharge revenue before and after, the
/// enterprises that change grade, and the button that runs and stores the draft.
enum PerMuComparePage {
    static func render(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user(), lang = ctx.language
        let q = req.queryParameters
        let schemes = PerMuSchemeRepository(db: ctx.db)
        func id(_ k: String) throws(DomainError) -> UUID? {
            guard let raw = q[k], !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw) else { throw EnterpriseListRequest.bad(k, raw) }
            return id
        }
        let draftID = try id("draft"), baseID = try id("base")
        guard let draftID else {
            let body: HTML = """
            <h1>\(PerMuText.compare(lang))</h1><div class="notice ok">\(PerMuText.chooseDraft(lang))</div>
            \(selectors(try await schemes.all(), draft: nil, base: nil, lang: lang))
            """
            return ConsolePage(title: PerMuText.compare(lang), section: .permu, body: body).response(ctx)
        }
        let draft = try await schemes.require(draftID)
        let yearSchemes = try await schemes.all(year: draft.scheme.year)
        let runs = PerMuRunRepository(db: ctx.db, clock: ctx.park.clock)
        let header: HTML = """
        <p><a href="\(ConsoleURL.permu(.overview).href([("year", String(draft.scheme.year))]))">← \(PerMuText.backToOverview(lang))</a></p>
        <h1>\(PerMuText.compare(lang)) · \(String(draft.scheme.year))</h1>
        """
        let outcome: (comparison: PerMuComparison, base: PerMuSchemeRepository.Stored, draft: PerMuSchemeRepository.Stored)
        do {
            outcome = try await runs.compare(draftID: draftID, baseID: baseID, by: p)
        } catch let e as DomainError where e.kind == .invalid {
            let body: HTML = "\(header)<div class=\"notice bad\">\(PerMuFormat.refusal(e, lang))</div>\(selectors(yearSchemes, draft: draftID, base: baseID, lang: lang))"
            return ConsolePage(title: PerMuText.compare(lang), section: .permu, body: body, status: .badRequest).response(ctx)
        }
        let c = outcome.comparison
        let names = try await ctx.park.enterprises.names(Set(c.changes.map(\.enterpriseId)))
        let enacted = try await runs.enacted(year: draft.scheme.year)
        let baseName = PerMuFormat.schemeName(outcome.base.scheme.name, outcome.base.scheme.version, lang)
        let draftName = PerMuFormat.schemeName(draft.scheme.name, draft.scheme.version, lang)
        let before = PerMuRunRepository.fen(c.enactedSurchargeYuan), after = PerMuRunRepository.fen(c.draftSurchargeYuan)
        let runForm: HTML = enacted != nil ? "<p class=\"sub\">\(PerMuText.yearEnactedHint(lang))</p>" : """
            <form method="post" action="\(ConsoleURL.permu(.runScheme))" class="filters">\(Markup.csrfField(ctx.csrf))
            <input type="hidden" name="scheme_id" value="\(draftID.uuidString)"><button class="btn">\(PerMuText.runDraft(lang))</button></form>
            """
        let body: HTML = """
        \(header)\(selectors(yearSchemes, draft: draftID, base: outcome.base.id, lang: lang))
        <p>\(PerMuText.baseScheme(lang))\(PerMuFormat.colon(lang))<a href="\(ConsoleURL.permu(.scheme(.value(outcome.base.id))))">\(baseName)</a> →
        \(PerMuText.draftScheme(lang))\(PerMuFormat.colon(lang))<a href="\(ConsoleURL.permu(.scheme(.value(draftID))))">\(draftName)</a></p>
        <div class="grid g2">
        <section class="card"><h2>\(PerMuText.migration(lang))</h2><p class="sub">\(PerMuText.matrixNote(lang))</p>\(matrix(c, lang: lang))</section>
        <section class="card"><h2>\(PerMuText.surcharge(lang))</h2><dl class="facts">
        <dt>\(PerMuText.revenueBefore(lang))</dt><dd class="num">\(PerMuFormat.money(fen: before, lang))</dd>
        <dt>\(PerMuText.revenueAfter(lang))</dt><dd class="num">\(PerMuFormat.money(fen: after, lang))</dd>
        <dt>\(PerMuText.revenueChange(lang))</dt><dd class="num"><b>\(after - before > 0 ? "+" : "")\(PerMuFormat.money(fen: after - before, lang))</b></dd></dl>
        \(runForm)</section></div>
        <section class="card flush"><h2 class="pad">\(PerMuText.movers(lang)) (\(c.changes.count))</h2>\(movers(c.changes, names: names, lang: lang))</section>
        """
        return ConsolePage(title: PerMuText.compare(lang), section: .permu, body: body).response(ctx)
    }

    static func selectors(_ schemes: [PerMuSchemeRepository.Stored], draft: UUID?, base: UUID?, lang: Language) -> HTML {
        let options = { (selected: UUID?) in
            schemes.map { s in
                Markup.option(s.id.uuidString, "\(s.scheme.year) · \(PerMuFormat.schemeName(s.scheme.name, s.scheme.version, lang))",
                              selected: selected?.uuidString)
            }
        }
        let defaultBase = PerMuText.defaultBase(lang)
        return """
        <form class="filters card" method="get" action="\(ConsoleURL.permu(.compare))"><h2>\(PerMuText.chooseSchemes(lang))</h2>
        <label>\(PerMuText.draftScheme(lang))<select name="draft">\(options(draft))</select></label>
        <label>\(PerMuText.baseScheme(lang))<select name="base">\(Markup.option("", defaultBase, selected: base?.uuidString))\(options(base))</select></label>
        <button class="btn">\(PerMuText.compare(lang))</button></form>
        """
    }

    static func label(_ i: Int, _ lang: Language) -> HTML {
        i < 4 ? PerMuFormat.gradeBadge(PerMuGrade(code: UInt8(i)), lang) : "<span class=\"sub\">\(PerMuText.notGraded(lang))</span>"
    }

    static func matrix(_ c: PerMuComparison, lang: Language) -> HTML {
        let head = (0..<5).map { j -> HTML in "<th class=\"num\">\(label(j, lang))</th>" }
        let rows = (0..<5).map { i -> HTML in
            let cells = (0..<5).map { j -> HTML in
                let n = c.matrix[i][j]
                let cls = i == j ? "num diag" : n == 0 ? "num zero" : "num moved"
                return "<td class=\"\(cls)\">\(n)</td>"
            }
            return "<tr><th>\(label(i, lang))</th>\(cells)<td class=\"num sub\">\(c.matrix[i].reduce(0, +))</td></tr>"
        }
        let colTotals = (0..<5).map { j -> HTML in "<td class=\"num sub\">\((0..<5).reduce(0) { $0 + c.matrix[$1][j] })</td>" }
        return """
        <table class="matrix"><thead><tr><th>\(PerMuText.baseScheme(lang)) ↓ / \(PerMuText.draftScheme(lang)) →</th>\(head)<th class="num">\(PerMuText.unitTotal(lang))</th></tr></thead>
        <tbody>\(rows)<tr><th>\(PerMuText.unitTotal(lang))</th>\(colTotals)<td></td></tr></tbody></table>
        """
    }

    /// The status under a grade, shown only when the unit is not graded (or absent).
    static func status(_ s: PerMuStatus?, _ lang: Language) -> HTML {
        guard s != .graded else { return .empty }
        return "<div class=\"sub\">\(s?.label.text(lang) ?? PerMuText.absent(lang))</div>"
    }

    static func movers(_ changes: [PerMuGradeChange], names: [UUID: Bilingual], lang: Language) -> HTML {
        guard !changes.isEmpty else { return "<p class=\"sub pad\">\(PerMuText.noMovers(lang))</p>" }
        let rows = changes.map { ch -> HTML in
            let n = names[ch.enterpriseId].map { PerMuRequest.enterpriseName(zh: $0.zh, en: $0.en, lang) } ?? ch.enterpriseId.uuidString
            return """
            <tr><td><a href="\(ConsoleURL.enterprises(.detail(.value(ch.enterpriseId))))">\(n)</a></td>
            <td>\(PerMuFormat.gradeBadge(ch.from, lang))\(status(ch.fromStatus, lang))</td>
            <td>\(PerMuFormat.gradeBadge(ch.to, lang))\(status(ch.toStatus, lang))</td>
            <td class="num nowrap">\(PerMuFormat.money(yuan: ch.enactedSurchargeYuan, lang))</td>
            <td class="num nowrap">\(PerMuFormat.money(yuan: ch.draftSurchargeYuan, lang))</td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(ConsoleText.enterprise(lang))</th><th>\(PerMuText.from(lang))</th><th>\(PerMuText.to(lang))</th>
        <th class="num">\(PerMuText.surchargeBase(lang))</th><th class="num">\(PerMuText.surchargeDraft(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }
}
