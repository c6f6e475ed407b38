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
    static func register(_ router: ConsoleRouter) {
        router.on(.permu(.overview)) { req in try await PerMuOverviewPage.response(req, PageContext(req)) }
        router.on(.permu(.runScheme)) { req in try await PerMuOverviewPage.run(req) }
        router.on(.permu(.reopen)) { req in try await PerMuOverviewPage.reopen(req) }
        PerMuRunPage.register(router)
        PerMuScorecardPages.register(router)
        router.page(.permu(.scheme(.key))) { ctx, req in
            PerMuSchemePage.View.render(try await PerMuSchemePage.Model.load(try req.pathID(), saved: req.query[String.self, at: "saved"] != nil, on: ctx), ctx)
        }
        router.on(.permu(.saveDraft)) { req in try await PerMuSchemeDraft.save(req) }
        router.on(.permu(.compare)) { req in try await PerMuComparePage.render(req) }
    }
}
