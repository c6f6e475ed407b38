import ParkDomain
import ParkStore
import Vapor

/// The park overview: headline counts, clusters, ownership, origin countries, recent activity.
/// Enterprise users go straight to their own enterprise.
enum HomePage {
    static func render(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        if !p.isStaff, let own = p.enterpriseID { return req.redirect(to: "/enterprises/\(own.uuidString)") }
        let layout = Layout(req)
        let lang = layout.lang
        let stats = try await req.park.enterprises.stats()
        let clusters = try await req.park.reference.clusters()
        let countries = Dictionary(uniqueKeysWithValues: try await req.park.reference.countries().map { ($0.alpha2, $0.name) })
        let recent = p.role == .admin ? try await req.park.audit.recent(limit: 8) : []

        let tiles: [(T, Int, String)] = [
            (.totalEnterprises, stats.total, "/enterprises"),
            (.foreignInvested, stats.foreignInvested, "/enterprises?ownership=foreign"),
            (.fortune500, stats.fortune500, "/enterprises?fortune500=true"),
            (.rdCentres, stats.rdCentres, "/enterprises?rd_centre=true"),
            (.regionalHQs, stats.regionalHQs, "/enterprises?regional_hq=true"),
            (.aboveSize, stats.aboveSize, "/enterprises?size=above"),
        ]
        let tileHTML = tiles.map { t, n, href -> HTML in
            "<a class=\"stat\" href=\"\(href)\"><div class=\"v\">\(n)</div><div class=\"k\">\(t(lang))</div></a>"
        }
        let clusterRows = clusters.map { c in (c.name.text(lang), stats.byCluster[c.code] ?? 0, "/enterprises?cluster=\(c.code)") }
            + [(T.noCluster(lang), stats.withoutCluster, "/enterprises")]
        let ownershipRows = Ownership.allCases.map { o in (o.label.text(lang), stats.byOwnership[o] ?? 0, "/enterprises?ownership=\(o.rawValue)") }
        let countryRows = stats.topCountries(8).map { c in
            ("\(countries[c.code]?.text(lang) ?? c.code) (\(c.code))", c.count, "/enterprises?country=\(c.code)")
        }
        let activity: HTML = recent.isEmpty ? .empty : """
            <section class="card"><h2>\(T.recentActivity(lang))</h2><table><thead><tr><th>\(T.seq(lang))</th><th>\(T.time(lang))</th>
            <th>\(T.actor(lang))</th><th>\(T.action(lang))</th><th>\(T.record(lang))</th></tr></thead><tbody>
            \(recent.map { e -> HTML in
                let link: HTML = e.entityType == EnterpriseRepository.entityType
                    ? "<a class=\"mono\" href=\"/enterprises/\(e.entityID)\">\(AuditLabels.entity(e.entityType, lang)) \(String(e.entityID.prefix(8)))</a>"
                    : "<span class=\"mono\">\(AuditLabels.entity(e.entityType, lang)) \(String(e.entityID.prefix(8)))</span>"
                return "<tr><td class=\"num\">\(e.seq)</td><td>\(Markup.date(e.at, lang))</td><td>\(e.actorName)</td><td>\(AuditLabels.action(e.action, lang))</td><td>\(link)</td></tr>"
            })
            </tbody></table><p><a href="/admin/audit">\(T.viewAll(lang))</a></p></section>
            """
        let body: HTML = """
        <h1>\(T.dashboard(lang))</h1>
        <div class="grid g4">\(tileHTML)</div><br>
        <div class="grid g2">
        <section class="card"><h2>\(T.byCluster(lang))</h2>\(bars(clusterRows))</section>
        <section class="card"><h2>\(T.byOwnership(lang))</h2>\(bars(ownershipRows))<h2 class="spaced">\(T.topCountries(lang))</h2>\(bars(countryRows))</section>
        </div>
        \(activity)
        """
        return layout.response(T.dashboard(lang), .home, body)
    }

    /// Horizontal bars (server-rendered, no script).
    static func bars(_ rows: [(String, Int, String)]) -> HTML {
        let maxN = max(1, rows.map(\.1).max() ?? 1)
        return HTML(raw: rows.map { label, n, href -> String in
            let pct = Int((Double(n) / Double(maxN) * 100).rounded())
            let h: HTML = """
            <div class="bar"><a class="lbl" href="\(href)">\(label)</a><svg class="track" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true"><rect class="fill" width="\(pct)" height="14"/></svg><span class="n">\(n)</span></div>
            """
            return h.raw
        }.joined())
    }
}
