import Vapor

/// The per-mu evaluation console (staff) and the enterprise portal's own scorecard.
///
/// - `GET /permu` overview, `POST /permu/runs` run a scheme (dry or stored), `POST /permu/reopen` (admins)
/// - `GET /permu/runs/:id` run and ranking, `POST /permu/runs/:id/enact` (admins),
///   `GET /permu/runs/:id/treatments.csv`, `GET /permu/runs/:id/enterprises/:eid` scorecard
/// - `GET /permu/schemes/:id` scheme and draft form, `POST /permu/schemes` save a draft
/// - `GET /permu/compare?draft=&base=` what-if
/// - `GET /permu/me` the enterprise's own scorecard
enum PerMuPages {
    static func register(_ routes: any RoutesBuilder) {
        let permu = routes.grouped("permu")
        permu.get { req in try await PerMuOverviewPage.render(req) }
        permu.post("runs") { req in try await PerMuOverviewPage.run(req) }
        permu.post("reopen") { req in try await PerMuOverviewPage.reopen(req) }
        permu.get("runs", ":id") { req in try await PerMuRunPage.render(req) }
        permu.post("runs", ":id", "enact") { req in try await PerMuRunPage.enact(req) }
        permu.get("runs", ":id", "treatments.csv") { req in try await PerMuRunPage.treatmentsCSV(req) }
        permu.get("runs", ":id", "enterprises", ":eid") { req in try await PerMuScorecardPages.staff(req) }
        permu.get("schemes", ":id") { req in try await PerMuSchemePage.render(req) }
        permu.post("schemes") { req in try await PerMuSchemeDraft.save(req) }
        permu.get("compare") { req in try await PerMuComparePage.render(req) }
        permu.get("me") { req in try await PerMuScorecardPages.mine(req) }
    }
}
