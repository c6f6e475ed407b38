import ParkDomain
import ParkStore
import Vapor

/// The FDI report for a month range (year to date by default): totals in US$ and yuan,
/// year-on-year growth on the comparable scope, shares, charts, breakdowns and the pipeline.
enum FDIReportPage {
    struct Model {
        var report: FDIReport
        var labels: FDILabels
        /// Year-to-date growth of each month of the range (comparable scope), for the line.
        var growth: [(YearMonth, Double?)]

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            _ = try ctx.user()
            let now = YearMonth(ctx.today)
            let to = try params["to"].flatMap { $0.isEmpty ? nil : $0 }.map { m throws(DomainError) in try YearMonth.parse(m, field: "to") } ?? now
            let from = try params["from"].flatMap { $0.isEmpty ? nil : $0 }.map { m throws(DomainError) in try YearMonth.parse(m, field: "from") } ?? to.january
            let report = try await FDIReportQuery(db: ctx.db, clock: ctx.park.clock).run(from: from, to: to)
            // Growth line: cumulative from `from` to each month against the same months a year before.
            let prior = try await InvestmentFigures(db: ctx.db).monthly(from: from.adding(months: -12) ?? from, to: to.adding(months: -12) ?? to)
            var cur: Int64 = 0, before: Int64 = 0
            var growth: [(YearMonth, Double?)] = []
            for (i, m) in report.figures.months.enumerated() {
                cur += m.utilisedComparableUSDCents
                before += i < prior.count ? prior[i].utilisedComparableUSDCents : 0
                growth.append((m.month, FDIReportEngine.growth(cur, before)))
            }
            return Model(report: report, labels: try await FDILabels.load(report, db: ctx.db, language: ctx.language), growth: growth)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, f = m.report.figures, p = m.report.pipeline
            func stat(_ k: InvestmentText, _ v: String, _ sub: String = "") -> HTML {
                "<div class=\"stat\"><div class=\"k\">\(k(lang))</div><div class=\"v\">\(v)</div><div class=\"sub\">\(sub)</div></div>"
            }
            func pct(_ x: Double?) -> String { x.map { ($0 >= 0 ? "+" : "") + Numbers.percent(ratio: $0, digits: 1) } ?? "—" }
            let form: HTML = """
            <form class="filters card" method="get" action="\(ConsoleURL.investment(.report))">
            <label>\(InvestmentText.from(lang))\(Markup.monthSelect(name: "from", selected: f.from, last: YearMonth(ctx.today), count: 120, lang))</label>
            <label>\(InvestmentText.to(lang))\(Markup.monthSelect(name: "to", selected: f.to, last: YearMonth(ctx.today), count: 120, lang))</label>
            <button class="btn">\(InvestmentText.show(lang))</button></form>
            """
            let stats: HTML = """
            <div class="grid g4">
            \(stat(.newProjects, Numbers.count(f.totals.newProjects), "\(InvestmentText.seiShare(lang)) \(f.strategicEmergingShare.map { Numbers.percent(ratio: $0, digits: 1) } ?? "—")"))
            \(stat(.utilised, Numbers.usd(cents: f.totals.utilisedUSDCents, lang), "\(Numbers.yuan(fen: f.totals.utilisedCNYFen, lang)) · \(InvestmentText.yoy(lang)) \(pct(f.utilisedGrowth))"))
            \(stat(.contractedFDI, Numbers.usd(cents: f.totals.contractedUSDCents, lang), "\(Numbers.yuan(fen: f.totals.contractedCNYFen, lang)) · \(InvestmentText.yoy(lang)) \(pct(f.contractedGrowth))"))
            \(stat(.highTechShare, f.highTechUtilisedShare.map { Numbers.percent(ratio: $0, digits: 1) } ?? "—"))
            </div>
            <p class="sub">\(InvestmentText.comparable(lang)): \(InvestmentText.utilised(lang)) \(Numbers.usd(cents: f.comparable.utilisedUSDCents, lang)) (\(InvestmentText.priorYear(lang)) \(Numbers.usd(cents: f.comparablePriorYear.utilisedUSDCents, lang))) · \(InvestmentText.contractedFDI(lang)) \(Numbers.usd(cents: f.comparable.contractedUSDCents, lang)) (\(InvestmentText.priorYear(lang)) \(Numbers.usd(cents: f.comparablePriorYear.contractedUSDCents, lang)))</p>
            """
            let dims: [(FDIDimension, InvestmentText)] = [(.country, .byCountry), (.cluster, .byCluster), (.type, .byType), (.stage, .byStage), (.officer, .byOfficer), (.source, .bySource)]
            let charts = dims.map { d, t -> HTML in
                FDICharts.bars((f.breakdowns[d] ?? []).map { (m.labels.label(d, $0.key), $0.totals.utilisedUSDCents) }, title: t(lang) + " (US$ M)", lang: lang)
            }
            let tables = dims.map { d, t -> HTML in
                let lines = (f.breakdowns[d] ?? []).prefix(30)
                let utilised = Numbers.usdColumn(cents: lines.map(\.totals.utilisedUSDCents), lang)
                let contracted = Numbers.usdColumn(cents: lines.map(\.totals.contractedUSDCents), lang)
                let rows = lines.map { l -> HTML in
                    "<tr><td>\(m.labels.label(d, l.key))</td><td class=\"num\">\(Numbers.count(l.totals.newProjects))</td><td class=\"num\">\(utilised(l.totals.utilisedUSDCents))</td><td class=\"num\">\(contracted(l.totals.contractedUSDCents))</td></tr>"
                }
                return "<details class=\"card\"><summary>\(t(lang))</summary><table><thead><tr><th></th><th class=\"num\">\(InvestmentText.newProjects(lang))</th><th class=\"num\">\(InvestmentText.utilised(lang))</th><th class=\"num\">\(InvestmentText.contractedFDI(lang))</th></tr></thead><tbody>\(rows)</tbody></table></details>"
            }
            let stageRows = ProjectStage.allCases.map { s -> HTML in
                "<tr><td>\(s.label.text(lang))</td><td class=\"num\">\(Numbers.count(p.stageCounts[s] ?? 0))</td><td class=\"num\">\(p.medianWorkingDays[s].map { Numbers.decimal($0, digits: 1) } ?? "—")</td></tr>"
            }
            let pipeline: HTML = """
            <div class="grid g2"><section class="card"><h2>\(InvestmentText.pipeline(lang))</h2>
            <table><thead><tr><th>\(InvestmentText.stage(lang))</th><th class="num">\(InvestmentText.projects(lang))</th><th class="num">\(InvestmentText.medianDays(lang))</th></tr></thead><tbody>\(stageRows)</tbody></table></section>
            <section class="card"><h2>\(InvestmentText.conversion(lang))</h2><table class="kv">
            <tr><th>\(InvestmentText.signedInPeriod(lang))</th><td>\(Numbers.count(p.signedInPeriod))</td></tr>
            <tr><th>\(InvestmentText.reachedConstruction(lang))</th><td>\(Numbers.count(p.reachedConstruction))</td></tr>
            <tr><th>\(InvestmentText.reachedProduction(lang))</th><td>\(Numbers.count(p.reachedProduction))</td></tr>
            <tr><th>\(InvestmentText.overdue(lang))</th><td>\(Numbers.count(p.overdue))</td></tr>
            <tr><th>\(InvestmentText.fundsArrivedRatio(lang))</th><td>\(p.fundsArrivedRatio.map { Numbers.percent(ratio: $0, digits: 1) } ?? "—")</td></tr>
            <tr><th>\(InvestmentText.fortune500Investors(lang))</th><td>\(Numbers.count(p.fortune500Investors))</td></tr>
            <tr><th>\(InvestmentText.fortune500Projects(lang))</th><td>\(Numbers.count(p.fortune500Projects))</td></tr>
            <tr><th>\(InvestmentText.regionalHQs(lang))</th><td>\(Numbers.count(p.regionalHeadquarters))</td></tr>
            <tr><th>\(InvestmentText.rdCentres(lang))</th><td>\(Numbers.count(p.rdCentres))</td></tr>
            <tr><th>\(InvestmentText.openBlockers(lang))</th><td>\(Numbers.count(p.openBlockers))</td></tr>
            <tr><th>\(InvestmentText.escalatedBlockers(lang))</th><td>\(Numbers.count(p.escalatedBlockers))</td></tr>
            </table></section></div>
            """
            let body: HTML = """
            <h1>\(InvestmentText.report(lang)) \(f.from.iso) – \(f.to.iso)</h1>
            \(form)\(stats)
            <section class="card chart">\(FDICharts.monthly(f.months, title: InvestmentText.monthlyChart(lang), lang: lang))</section>
            <section class="card chart">\(FDICharts.growthLine(m.growth, title: InvestmentText.yoyChart(lang), lang: lang))</section>
            <h2>\(InvestmentText.breakdowns(lang))</h2>
            <div class="kpi">\(charts)</div>
            \(tables)
            \(pipeline)
            """
            return ConsolePage(title: InvestmentText.report(lang), section: .investment, body: body)
        }
    }
}
