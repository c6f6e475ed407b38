import ParkDomain
import ParkStore
import Vapor

/// The scorecard pages: an enterprise in a run (staff), and the enterprise portal's own
/// scorecard from an enacted run with how to improve.
enum PerMuScorecardPages {
    /// An enterprise's scorecard in a run, for staff.
    struct StaffModel {
        var card: PerMuScorecard
        var names: [UUID: Bilingual]
        var clusterNames: [String: String]
        var enterpriseID: UUID

        static func load(run: UUID, enterprise: UUID, on ctx: PageContext) async throws -> StaffModel {
            let card = try await PerMuScorecard.load(db: ctx.db, enterprise: enterprise, runID: run)
            return StaffModel(card: card, names: try await ctx.park.enterprises.names(Set(card.result.members.map(\.enterpriseId))),
                              clusterNames: try await PerMuScorecardPages.clusterNames(ctx), enterpriseID: enterprise)
        }
    }

    /// The enterprise's own scorecard from an enacted run: the years enacted, the one chosen.
    struct MineModel {
        var years: [Int]
        var year: Int?
        var card: PerMuScorecard?
        var enterpriseID: UUID
        var name: String
        var clusterNames: [String: String]

        static func load(_ query: [String: String], on ctx: PageContext) async throws -> MineModel {
            let p = try ctx.user()
            if p.isStaff { throw ConsoleRedirect(url: .permu(.overview)) }
            guard let own = p.enterpriseID else {
                throw DomainError(.forbidden, code: "forbidden", en: "this account is not linked to an enterprise", zh: "该账号未关联企业")
            }
            let years = Array(Set(try await PerMuRunRepository(db: ctx.db).all().filter { $0.state == .enacted }.map(\.year))).sorted(by: >)
            var year = years.first
            if let raw = query["year"], !raw.isEmpty {
                guard let y = Int(raw) else { throw DomainError(code: "invalid_value", field: "year", en: "year must be a number", zh: "年度须为数字") }
                year = y
            }
            var card: PerMuScorecard?
            if let year {
                do { card = try await PerMuScorecard.load(db: ctx.db, enterprise: own, year: year) } catch let e as DomainError where e.kind == .notFound { card = nil }
            }
            let name = try await ctx.park.enterprises.find(own)?.name(ctx.language) ?? ""
            return MineModel(years: years, year: year, card: card, enterpriseID: own, name: name, clusterNames: try await PerMuScorecardPages.clusterNames(ctx))
        }
    }

    enum View {
        static func staff(_ m: StaffModel, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, card = m.card
            let view = PerMuScorecardView(card: card, viewer: .staff(names: m.names), clusterNames: m.clusterNames, lang: lang)
            let body: HTML = """
            <p><a href="\(ConsoleURL.permu(.run(.value(card.run.id))))">← \(PerMuText.run(lang)) \(String(card.run.year)) · \(PerMuFormat.schemeName(card.run.schemeName, card.run.schemeVersion, lang))</a>
            · <a href="\(ConsoleURL.enterprises(.detail(.value(m.enterpriseID))))">\(ConsoleText.enterprise(lang))</a></p>
            \(view.render())
            """
            return ConsolePage(title: PerMuText.scorecard(lang), section: .permu, body: body)
        }

        static func mine(_ m: MineModel, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let selector: HTML = m.years.count < 2 ? .empty : """
                <form class="filters card" method="get" action="\(ConsoleURL.permu(.mine))"><label>\(PerMuText.enactedRunOf(lang))<select name="year">
                \(m.years.map { Markup.option(String($0), String($0), selected: m.year.map(String.init)) })</select></label>
                <button class="btn">\(ConsoleText.apply(lang))</button></form>
                """
            let content: HTML
            if let card = m.card {
                content = PerMuScorecardView(card: card, viewer: .enterprise(id: m.enterpriseID, name: m.name), clusterNames: m.clusterNames, lang: lang).render()
            } else if let year = m.year {
                content = "<section class=\"card\"><h1>\(PerMuText.myTitle(lang)) \(String(year))</h1><p>\(PerMuText.noResult(lang))</p></section>"
            } else {
                content = "<section class=\"card\"><h1>\(PerMuText.myTitle(lang))</h1><p>\(PerMuText.noEnacted(lang))</p></section>"
            }
            return ConsolePage(title: PerMuText.myTitle(lang), section: .permu, body: "\(selector)\(content)")
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.permu(.scorecard(run: .key, enterprise: .key))) { ctx, req in
            View.staff(try await StaffModel.load(run: try req.pathID(), enterprise: try req.pathID("eid"), on: ctx), ctx)
        }
        router.page(.permu(.mine)) { ctx, req in View.mine(try await MineModel.load(req.queryParameters, on: ctx), ctx) }
    }

    static func clusterNames(_ ctx: PageContext) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await ctx.park.reference.clusters().map { ($0.code, $0.name.text(ctx.language)) })
    }
}
