import ParkDomain
import ParkStore
import Vapor

/// The park overview: headline counts, clusters, ownership, origin countries, recent activity.
/// Enterprise users go straight to their own enterprise.
enum HomePage {
    /// The figures of the overview, from SQL aggregates (never the whole register).
    struct Model: Equatable {
        struct Bar: Equatable {
            var label: String
            var count: Int
            var href: String
        }

        struct Tile: Equatable {
            var label: ConsoleText
            var count: Int
            var href: String
        }

        var tiles: [Tile]
        var clusters: [Bar]
        var ownership: [Bar]
        var countries: [Bar]
        /// The latest audit entries, for administrators (empty for officers).
        var recent: [AuditEntry]

        static func load(on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            if !p.isStaff, let own = p.enterpriseID { throw ConsoleRedirect(url: .enterprises(.detail(.value(own)))) }
            let lang = ctx.language
            let clusterList = try await ctx.park.reference.clusters()
            let stats = try await ctx.park.enterprises.stats()
            let countryNames = Dictionary(uniqueKeysWithValues: try await ctx.park.reference.countries().map { ($0.alpha2, $0.name) })
            let list = ConsoleURL.enterprises(.list)
            return Model(
                tiles: [
                    Tile(label: .totalEnterprises, count: stats.total, href: list.href()),
                    Tile(label: .foreignInvested, count: stats.foreignInvested, href: list.href([("ownership", "foreign")])),
                    Tile(label: .fortune500, count: stats.fortune500, href: list.href([("fortune500", "true")])),
                    Tile(label: .rdCentres, count: stats.rdCentres, href: list.href([("rd_centre", "true")])),
                    Tile(label: .regionalHQs, count: stats.regionalHQs, href: list.href([("regional_hq", "true")])),
                    Tile(label: .aboveSize, count: stats.aboveSize, href: list.href([("size", "above")])),
                ],
                clusters: clusterList.map { Bar(label: $0.name.text(lang), count: stats.byCluster[$0.code] ?? 0, href: list.href([("cluster", $0.code)])) }
                    + [Bar(label: ConsoleText.noCluster(lang), count: stats.withoutCluster, href: list.href())],
                ownership: Ownership.allCases.map {
                    Bar(label: $0.label.text(lang), count: stats.byOwnership[$0] ?? 0, href: list.href([("ownership", $0.rawValue)]))
                },
                countries: stats.topCountries(8).map { c in
                    Bar(label: "\(countryNames[c.code]?.text(lang) ?? c.code) (\(c.code))", count: c.count, href: list.href([("country", c.code)]))
                },
                recent: p.role == .admin ? try await ctx.park.audit.recent(limit: 8) : [])
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let tiles = m.tiles.map { t -> HTML in
                "<a class=\"stat\" href=\"\(t.href)\"><div class=\"v\">\(Numbers.count(t.count))</div><div class=\"k\">\(t.label(lang))</div></a>"
            }
            let body: HTML = """
            <h1>\(ConsoleText.dashboard(lang))</h1>
            <div class="grid g4">\(tiles)</div><br>
            <div class="grid g2">
            <section class="card"><h2>\(ConsoleText.byCluster(lang))</h2>\(bars(m.clusters))</section>
            <section class="card"><h2>\(ConsoleText.byOwnership(lang))</h2>\(bars(m.ownership))<h2 class="spaced">\(ConsoleText.topCountries(lang))</h2>\(bars(m.countries))</section>
            </div>
            \(activity(m.recent, lang))
            """
            return ConsolePage(title: ConsoleText.dashboard(lang), section: .home, body: body)
        }

        static func activity(_ recent: [AuditEntry], _ lang: Language) -> HTML {
            guard !recent.isEmpty else { return .empty }
            let rows = recent.map { e -> HTML in
                let label = "\(AuditLabels.entity(e.entityType, lang)) \(String(e.entityID.prefix(8)))"
                let link: HTML = e.entityType == EnterpriseRepository.entityType && UUID(uuidString: e.entityID) != nil
                    ? "<a class=\"mono\" href=\"\(ConsoleURL.enterprises(.detail(.value(UUID(uuidString: e.entityID)!))))\">\(label)</a>"
                    : "<span class=\"mono\">\(label)</span>"
                return "<tr><td class=\"num\">\(e.seq)</td><td>\(Markup.date(e.at, lang))</td><td>\(e.actorName)</td><td>\(AuditLabels.action(e.action, lang))</td><td>\(link)</td></tr>"
            }
            return """
            <section class="card"><h2>\(ConsoleText.recentActivity(lang))</h2><table><thead><tr><th>\(ConsoleText.seq(lang))</th><th>\(ConsoleText.time(lang))</th>
            <th>\(ConsoleText.actor(lang))</th><th>\(ConsoleText.action(lang))</th><th>\(ConsoleText.record(lang))</th></tr></thead><tbody>
            \(rows)
            </tbody></table><p><a href="\(ConsoleURL.admin(.audit))">\(ConsoleText.viewAll(lang))</a></p></section>
            """
        }

        /// Horizontal bars (server-rendered SVG, no script, no inline style).
        static func bars(_ rows: [Model.Bar]) -> HTML {
            let maxN = max(1, rows.map(\.count).max() ?? 1)
            return HTML(raw: rows.map { b -> String in
                let pct = Int((Double(b.count) / Double(maxN) * 100).rounded())
                let h: HTML = """
                <div class="bar"><a class="lbl" href="\(b.href)">\(b.label)</a><svg class="track" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true"><rect class="fill" width="\(pct)" height="14"/></svg><span class="n">\(Numbers.count(b.count))</span></div>
                """
                return h.raw
            }.joined())
        }
    }
}
