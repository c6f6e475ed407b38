import ParkDomain
import ParkStore
import Vapor

/// The land bureau's overview: the parcel map coloured by lease state, counts by state, and
/// links to the due list and GeoJSON import/export.
enum LandOverviewPage {
    struct Model {
        var map: LandMap.Model
        /// Parcels by the state of their current lease (one GROUP BY).
        var counts: [LeaseState?: Int]

        static func load(bbox: String?, on ctx: PageContext) async throws -> Model {
            let viewport = try bbox.flatMap { $0.isEmpty ? nil : $0 }.map { raw throws(DomainError) in try GeoBox(parsing: raw) }
            return Model(map: try await LandMap.Model.load(viewport: viewport, on: ctx), counts: try await ParcelMapQuery(db: ctx.db).stateCounts())
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let rows = ([nil] + LeaseState.allCases.map { Optional($0) }).compactMap { s -> HTML? in
                guard let n = m.counts[s], n > 0 else { return nil }
                return "<tr><td>\(ParcelMap.label(s, lang))</td><td class=\"num\">\(Numbers.count(n))</td></tr>"
            }
            let total = m.counts.values.reduce(0, +)
            let body: HTML = """
            <h1>\(LandText.landTitle(lang))</h1>
            <p><a class="btn" href="\(ConsoleURL.land(.due))">\(LandText.dueList(lang))</a> <a class="btn ghost" href="\(ConsoleURL.land(.parcelImportForm))">\(LandText.importParcels(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.land(.parcelsExport))">\(LandText.exportParcels(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.land(.reportImportForm))">\(LandText.importBureauReports(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.land(.rulesets))">\(LandText.rulesets(lang))</a></p>
            <div class="grid g31">
            <section class="card"><h2>\(LandText.parcelMap(lang)) (\(Numbers.count(total)))</h2>\(LandMap.View.render(m.map, lang))</section>
            <section class="card"><h2>\(LandText.state(lang))</h2><table><tbody>\(rows)</tbody></table></section>
            </div>
            """
            return ConsolePage(title: LandText.land(lang), section: .land, body: body)
        }
    }
}

/// Shared lookups for land pages.
enum LandView {
    /// The lease that currently governs each parcel: the newest by auction date.
    static func currentLeases(_ leases: [Lease]) -> [UUID: Lease] {
        var out: [UUID: Lease] = [:]
        for l in leases where out[l.parcelID] == nil || out[l.parcelID]!.auction.date < l.auction.date { out[l.parcelID] = l }
        return out
    }

    /// Whether a live lease holds the parcel (then it cannot be sold again).
    static func isHeld(_ leases: [Lease]) -> Bool {
        leases.contains { $0.state.holdsLand }
    }
}

enum DueTable {
    /// `headers` replaces the plain column headers (the due list's sortable ones).
    static func render(_ rows: [LeaseAlertsQuery.Row], lang: Language, headers: [HTML]? = nil) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"sub padded\">\(LandText.noAlerts(lang))</p>" }
        let trs = rows.map { r -> HTML in
            let alerts = r.alerts.map { a -> HTML in "<div>\(a.message(lang))</div>" }
            return """
            <tr><td><a href="\(ConsoleURL.land(.lease(.value(r.lease.id!))))">\(r.parcel.code)</a><div class="sub">\(SubArea.label(r.parcel.subArea).text(lang))</div></td>
            <td>\(r.enterpriseName.text(lang))</td><td>\(r.lease.state.label.text(lang))</td>
            <td class="nowrap">\(r.lease.contract?.firstTermEnd.iso ?? "—")</td><td>\(alerts)</td></tr>
            """
        }
        return """
        <table><thead><tr>\(headers ?? ["<th>\(LandText.parcel(lang))</th>", "<th>\(ConsoleText.enterprise(lang))</th>", "<th>\(LandText.state(lang))</th>",
                                         "<th>\(LandText.firstTermEnd(lang))</th>", "<th>\(LandText.alerts(lang))</th>"])</tr></thead>
        <tbody>\(trs)</tbody></table>
        """
    }
}
