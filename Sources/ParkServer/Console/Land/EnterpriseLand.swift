import ParkDomain
import ParkStore
import Vapor

/// The land an enterprise holds, on its page (for the enterprise itself, its portal): leases,
/// their state and end dates, the latest assessment, and its alerts.
enum EnterpriseLand {
    struct Model {
        struct Row {
            var lease: Lease
            var parcelCode: String
            var assessment: AssessmentRepository.Stored?
        }

        var rows: [Row]
        var alerts: [LeaseAlertsQuery.Row]

        /// The enterprise's leases (a firm holds a handful), each with its parcel and latest assessment.
        static func load(enterpriseID: UUID, on ctx: PageContext) async throws -> Model {
            let leases = try await LeaseRepository(db: ctx.db).list(.init(enterpriseID: enterpriseID))
            guard !leases.isEmpty else { return Model(rows: [], alerts: []) }
            let parcels = ParcelRepository(db: ctx.db), assessments = AssessmentRepository(db: ctx.db)
            var rows: [Row] = []
            for l in leases {
                rows.append(Row(lease: l, parcelCode: try await parcels.find(l.parcelID)?.code ?? "—",
                                assessment: try await assessments.latest(leaseID: l.id!)))
            }
            return Model(rows: rows, alerts: try await LeaseAlertsQuery(db: ctx.db).run(today: ctx.today, enterpriseID: enterpriseID))
        }
    }

    enum View {
        static func render(_ m: Model, own: Bool, _ lang: Language) -> HTML {
            guard !m.rows.isEmpty else { return .empty }
            let rows = m.rows.map { r -> HTML in
                let l = r.lease, id = l.id!
                let result: HTML = r.assessment.map { a in
                    "<a href=\"\(ConsoleURL.land(.assessment(.value(id))))\">\(Numbers.decimal(a.proposal.score, digits: 1)) · \((a.decision?.kind ?? a.proposal.kind).label.text(lang))</a>"
                } ?? "—"
                return """
                <tr><td><a href="\(ConsoleURL.land(.lease(.value(id))))">\(r.parcelCode)</a></td><td>\(l.state.label.text(lang))</td>
                <td class="nowrap">\(l.contract?.firstTermEnd.iso ?? "—")</td>
                <td class="nowrap">\(l.contract.map { $0.endDate(extensionYears: l.extensionYears).iso } ?? "—")</td><td>\(result)</td></tr>
                """
            }
            let alertHTML: HTML = m.alerts.isEmpty ? .empty : "<h2 class=\"spaced\">\(LandText.alerts(lang))</h2>\(DueTable.render(m.alerts, lang: lang))"
            return """
            <section class="card"><h2>\(own ? LandText.portalLeases(lang) : LandText.heldLand(lang))</h2>
            <table><thead><tr><th>\(LandText.parcel(lang))</th><th>\(LandText.state(lang))</th><th>\(LandText.firstTermEnd(lang))</th><th>\(LandText.endDate(lang))</th><th>\(LandText.assessmentResult(lang))</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(alertHTML)</section>
            """
        }
    }
}
