import ParkDomain
import ParkStore
import Vapor

/// The land bureau's overview: the parcel map coloured by lease state, counts by state, and
/// links to the due list and GeoJSON import/export.
enum LandOverviewPage {
    static func render(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let parcels = try await ParcelRepository(db: req.db).all()
        let leases = try await LeaseRepository(db: req.db).list()
        let current = LandView.currentLeases(leases)
        var counts: [LeaseState?: Int] = [:]
        let items = parcels.map { parcel -> ParcelMap.Item in
            let lease = current[parcel.id!]
            counts[lease?.state, default: 0] += 1
            let state = lease?.state.label.text(lang) ?? LandText.none(lang)
            return ParcelMap.Item(parcel: parcel, state: lease?.state,
                                  title: "\(parcel.code) · \(SubArea.label(parcel.subArea).text(lang)) · \(Numbers.decimal(parcel.computedAreaMu, digits: 1)) \(LandText.mu(lang)) · \(state)")
        }
        let map = ParcelMap(items: items).render { $0?.label.text(lang) ?? LandText.none(lang) }
        let rows = ([nil] + LeaseState.allCases.map { Optional($0) }).compactMap { s -> HTML? in
            guard let n = counts[s], n > 0 else { return nil }
            return "<tr><td>\(s?.label.text(lang) ?? LandText.none(lang))</td><td class=\"num\">\(n)</td></tr>"
        }
        let body: HTML = """
        <h1>\(LandText.landTitle(lang))</h1>
        <p><a class="btn" href="/land/due">\(LandText.dueList(lang))</a> <a class="btn ghost" href="/parcels/import">\(LandText.importParcels(lang))</a>
        <a class="btn ghost" href="/parcels/export.geojson">\(LandText.exportParcels(lang))</a>
        <a class="btn ghost" href="/land/reports/import">\(lang == .zh ? "导入部门年度数据" : "Import bureau reports")</a>
        <a class="btn ghost" href="/land/rulesets">\(lang == .zh ? "评估规则集" : "Assessment rulesets")</a></p>
        <div class="grid g31">
        <section class="card"><h2>\(LandText.parcelMap(lang)) (\(parcels.count))</h2>\(map)</section>
        <section class="card"><h2>\(LandText.state(lang))</h2><table><tbody>\(rows)</tbody></table></section>
        </div>
        """
        return layout.response(LandText.land(lang), .land, body)
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

    static func enterpriseName(_ req: Request, _ id: UUID, _ lang: Language) async throws -> String {
        guard let e = try await EnterpriseRepository(db: req.db).find(id) else { return id.uuidString }
        return lang == .zh || e.nameEn.isEmpty ? e.nameZh : e.nameEn
    }
}

enum DueTable {
    /// `headers` replaces the plain column headers (the due list's sortable ones).
    static func render(_ rows: [LeaseAlertsQuery.Row], lang: Language, headers: [HTML]? = nil) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"sub padded\">\(LandText.noAlerts(lang))</p>" }
        let trs = rows.map { r -> HTML in
            let alerts = r.alerts.map { a -> HTML in "<div>\(a.message(lang))</div>" }
            return """
            <tr><td><a href="/leases/\(r.lease.id!.uuidString)">\(r.parcel.code)</a><div class="sub">\(SubArea.label(r.parcel.subArea).text(lang))</div></td>
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
