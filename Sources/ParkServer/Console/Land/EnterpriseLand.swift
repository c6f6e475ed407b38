import ParkDomain
import ParkStore
import Vapor

/// The land an enterprise holds, on its page (for the enterprise itself, its portal): leases,
/// their state and end dates, the latest assessment, and its alerts.
enum EnterpriseLand {
    static func section(_ req: Request, enterpriseID: UUID, own: Bool, lang: Language) async throws -> HTML {
        let leases = try await LeaseRepository(db: req.db).list(.init(enterpriseID: enterpriseID))
        guard !leases.isEmpty else { return .empty }
        let parcels = ParcelRepository(db: req.db)
        let assessments = AssessmentRepository(db: req.db)
        var rows: [HTML] = []
        for l in leases {
            let code = try await parcels.find(l.parcelID)?.code ?? "—"
            let a = try await assessments.latest(leaseID: l.id!)
            let result: HTML = a.map { a in
                "<a href=\"/leases/\(l.id!.uuidString)/assessment\">\(Numbers.decimal(a.proposal.score, digits: 1)) · \((a.decision?.kind ?? a.proposal.kind).label.text(lang))</a>"
            } ?? "—"
            rows.append("""
            <tr><td><a href="/leases/\(l.id!.uuidString)">\(code)</a></td><td>\(l.state.label.text(lang))</td>
            <td class="nowrap">\(l.contract?.firstTermEnd.iso ?? "—")</td>
            <td class="nowrap">\(l.contract.map { $0.endDate(extensionYears: l.extensionYears).iso } ?? "—")</td><td>\(result)</td></tr>
            """)
        }
        let alerts = try await LeaseAlertsQuery(db: req.db).run(today: req.park.today, enterpriseID: enterpriseID)
        let alertHTML: HTML = alerts.isEmpty ? .empty : "<h2 class=\"spaced\">\(LandText.alerts(lang))</h2>\(DueTable.render(alerts, lang: lang))"
        return """
        <section class="card"><h2>\(own ? LandText.portalLeases(lang) : LandText.heldLand(lang))</h2>
        <table><thead><tr><th>\(LandText.parcel(lang))</th><th>\(LandText.state(lang))</th><th>\(LandText.firstTermEnd(lang))</th><th>\(LandText.endDate(lang))</th><th>\(LandText.assessmentResult(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table>\(alertHTML)</section>
        """
    }
}
