import ParkDomain
import ParkStore
import Vapor

/// The Fortune Global 500 groups among the park's investors, by rank of the latest list, with
/// their projects registered in the park and utilised FDI (confidential projects left out).
enum Fortune500Page {
    struct Model {
        var rows: [InvestmentService.Fortune500Row]
        static func load(on ctx: PageContext) async throws -> Model {
            Model(rows: try await InvestmentService(db: ctx.db, clock: ctx.park.clock).fortune500(by: try ctx.user()))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let inPark = m.rows.filter { $0.projects > 0 }
            let utilised = Numbers.usdColumn(cents: m.rows.map(\.utilisedUSDCents), lang)
            let rows = m.rows.map { r -> HTML in
                "<tr><td class=\"num\">\(r.rank)</td><td>\(lang == .en ? r.name.en : r.name.zh)</td><td>\(Country.named(r.country)?.name.text(lang) ?? r.country)</td><td class=\"num\">\(r.listYear)</td><td class=\"num\">\(Numbers.count(r.projects))</td><td class=\"num\">\(utilised(r.utilisedUSDCents))</td></tr>"
            }
            let body: HTML = """
            <h1>\(InvestmentText.fortune500(lang))</h1>
            <div class="grid g4"><div class="stat"><div class="k">\(InvestmentText.fortune500Investors(lang))</div><div class="v">\(Numbers.count(inPark.count))</div></div>
            <div class="stat"><div class="k">\(InvestmentText.fortune500Projects(lang))</div><div class="v">\(Numbers.count(inPark.reduce(0) { $0 + $1.projects }))</div></div></div>
            <div class="card flush scroll"><table><thead><tr><th class="num">\(InvestmentText.rank(lang))</th><th>\(InvestmentText.investor(lang))</th><th>\(InvestmentText.country(lang))</th>
            <th class="num">\(InvestmentText.listYear(lang))</th><th class="num">\(InvestmentText.projectsInPark(lang))</th><th class="num">\(InvestmentText.utilised(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
            return ConsolePage(title: InvestmentText.fortune500(lang), section: .investment, body: body)
        }
    }
}
