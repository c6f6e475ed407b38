import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The statistics officer's import (`/indicators/import`): the CSV form with a dry run, every row
/// error named by row and column, flagged rows let through with their reason; the catalogue and
/// this year's targets (with a form to set one) below.
enum IndicatorImportPage {
    struct Outcome {
        var result: IndicatorRepository.ImportOutcome
        var dryRun: Bool
    }

    struct Model {
        var catalogue: [IndicatorDefinition]
        var targets: [IndicatorTarget]
        var year: Int
        var outcome: Outcome?
        var notice: String?

        static func load(on ctx: PageContext, outcome: Outcome? = nil, notice: String? = nil) async throws -> Model {
            _ = try ctx.user()
            let repo = IndicatorRepository(db: ctx.db, clock: ctx.park.clock)
            let year = ctx.today.year
            return Model(catalogue: try await repo.catalogue(), targets: try await repo.targets(year: year), year: year, outcome: outcome, notice: notice)
        }
    }

    struct Upload: Content { var file: File?; var dry_run: String? }
    struct TargetForm: Content { var indicator: String; var year: Int; var level: String?; var growth_pct: String? }

    static func upload(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let form = try req.form(Upload.self)
        let data = form.file.map { Data(buffer: $0.data) } ?? Data()
        let dry = form.dry_run != nil
        let r = try await IndicatorRepository(db: ctx.db, clock: ctx.park.clock).importCSV(data, dryRun: dry, by: try ctx.user())
        var page = View.render(try await Model.load(on: ctx, outcome: Outcome(result: r, dryRun: dry)), ctx)
        if !r.errors.isEmpty { page.status = .unprocessableEntity }
        return page.response(ctx)
    }

    static func setTarget(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let f = try req.form(TargetForm.self)
        let target = IndicatorTarget(indicator: f.indicator, year: try Bounds.year(f.year),
                                     level: try IndicatorMapping.decimal(f.level, field: "level"),
                                     growthPct: try IndicatorMapping.decimal(f.growth_pct, field: "growth_pct"))
        try await IndicatorRepository(db: ctx.db, clock: ctx.park.clock).setTarget(target, by: try ctx.user())
        return View.render(try await Model.load(on: ctx, notice: IndicatorText.targetSaved(ctx.language)), ctx).response(ctx)
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            var result: HTML = .empty
            if let o = m.outcome {
                let r = o.result
                func rows(_ list: [RowError]) -> HTML {
                    """
                    <table><thead><tr><th>\(IndicatorText.row(lang))</th><th>\(IndicatorText.column(lang))</th><th>\(IndicatorText.reason(lang))</th></tr></thead>
                    <tbody>\(list.map { e -> HTML in "<tr><td class=\"num\">\(e.row)</td><td class=\"mono\">\(e.column ?? "—")</td><td>\(e.message.text(lang))</td></tr>" })</tbody></table>
                    """
                }
                if !r.errors.isEmpty {
                    result = "<section class=\"card\"><p class=\"notice bad\">\(IndicatorText.importRefused(lang, ["n": String(r.errors.count)]))</p>\(rows(r.errors))</section>"
                } else {
                    let summary = IndicatorText.importDone(lang, ["added": String(r.added), "revised": String(r.revised), "unchanged": String(r.unchanged)])
                    result = """
                    <section class="card\(o.dryRun ? " dry" : "")"><p class="notice ok">\(o.dryRun ? "\(IndicatorText.dryRun(lang)): " : "")\(summary)</p>
                    \(r.flagged.isEmpty ? .empty : "<h3>\(IndicatorText.flagged(lang))</h3>\(rows(r.flagged))")</section>
                    """
                }
            }
            let targetOf = Dictionary(m.targets.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
            let catalogue = m.catalogue.map { d -> HTML in
                let t = targetOf[d.code]
                return """
                <tr><td>\(d.name.text(lang))<div class="sub mono">\(d.code)</div></td><td>\(d.unit.label.text(lang))</td>
                <td>\(d.accumulation.label.text(lang))</td><td>\(d.frequency.label.text(lang))</td><td>\(d.growthBasis.label.text(lang))</td>
                <td>\(d.source.text(lang))</td><td>\(d.derivation?.label.text(lang) ?? "—")</td>
                <td><form method="post" action="\(ConsoleURL.indicators(.setTarget))" class="actions">\(Markup.csrfField(ctx.csrf))
                <input type="hidden" name="indicator" value="\(d.code)"><input type="hidden" name="year" value="\(String(m.year))">
                <input name="level" inputmode="decimal" placeholder="\(IndicatorText.level(lang))" aria-label="\(IndicatorText.level(lang))" value="\(t?.level.map(IndicatorNumber.text) ?? "")">
                <input name="growth_pct" inputmode="decimal" placeholder="\(IndicatorText.targetGrowth(lang))" aria-label="\(IndicatorText.targetGrowth(lang))" value="\(t?.growthPct.map(IndicatorNumber.text) ?? "")">
                <button class="btn small">\(IndicatorText.save(lang))</button></form></td></tr>
                """
            }
            let body: HTML = """
            <p><a href="\(ConsoleURL.indicators(.leadership))">← \(IndicatorText.back(lang))</a></p>
            <h1>\(IndicatorText.importTitle(lang))</h1>
            \(m.notice.map { HTML("<p class=\"notice ok\">\($0)</p>") } ?? .empty)
            <section class="card"><p class="sub">\(IndicatorText.importHint(lang))</p>
            <form method="post" action="\(ConsoleURL.indicators(.importUpload))" enctype="multipart/form-data" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(IndicatorText.file(lang))<input type="file" name="file" accept=".csv,text/csv" required></label>
            <label class="check"><input type="checkbox" name="dry_run" value="1">\(IndicatorText.dryRun(lang))</label>
            <button class="btn">\(IndicatorText.upload(lang))</button></form></section>
            \(result)
            <section class="card"><h2>\(IndicatorText.catalogue(lang)) · \(IndicatorText.targetsTitle(lang)) \(String(m.year))</h2><div class="scroll"><table>
            <thead><tr><th>\(IndicatorText.indicator(lang))</th><th>\(IndicatorText.unit(lang))</th><th>\(IndicatorText.series(lang))</th><th>\(IndicatorText.frequency(lang))</th>
            <th>\(IndicatorText.growthBasis(lang))</th><th>\(IndicatorText.source(lang))</th><th>\(IndicatorText.derivedFrom(lang))</th><th>\(IndicatorText.targetsTitle(lang))</th></tr></thead>
            <tbody>\(catalogue)</tbody></table></div></section>
            """
            return ConsolePage(title: IndicatorText.importTitle(lang), section: .indicators, body: body)
        }
    }
}
