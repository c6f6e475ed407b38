import Vapor

/// The policy console (staff) and the enterprise portal's "policies for me".
///
/// - `GET /policies` list, runs and the match form; `POST /policies/match` run the match
/// - `GET /policies/new`, `GET /policies/:id[?version=]` the editor; `POST /policies` check, save or try
///   the editor's text (`op`); `POST /policies/check` JSON diagnostics for the editor script
/// - `GET /policies/language` the language reference, generated from the checker's catalogues
/// - `GET /policies/runs/:id` a run: matched list per policy, grants; `.../results.csv`, `.../payment.csv`;
///   `POST /policies/runs/:id/grants` confirm or reject proposals (one, or all of a policy)
/// - `GET /policies/me`, `GET|POST /policies/me/facts` the enterprise's own answers and supplied data;
///   staff: `GET /policies/enterprise/:id`, `GET|POST /policies/enterprise/:id/facts`
/// - `GET /assets/policy-editor.js` the editor's live validation (progressive enhancement)
enum PolicyPages {
    static let maxSource = ByteCount(value: 256 * 1024)

    static func register(_ router: ConsoleRouter) {
        router.on(.assets(.policyEditorScript)) { _ -> Response in
            let res = Response(body: .init(string: PolicyEditorScript.js))
            res.headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            res.headers.cacheControl = .init(maxAge: 3600)
            return res
        }
        router.page(.policies(.list)) { ctx, _ in PolicyListPage.View.render(try await PolicyListPage.Model.load(on: ctx), ctx) }
        router.page(.policies(.reference)) { ctx, _ in PolicyReferencePage.View.render(PolicyReferencePage.Model.load(), ctx) }
        router.on(.policies(.match)) { req in try await PolicyListPage.match(req) }
        router.on(.policies(.new)) { req in try await PolicyEditorPage.show(req, new: true) }
        router.on(.policies(.submit), body: .collect(maxSize: maxSource)) { req in try await PolicyEditorPage.submit(req) }
        router.on(.policies(.check), body: .collect(maxSize: maxSource)) { req in try await PolicyEditorPage.check(req) }
        router.on(.policies(.run(.key))) { req in try await PolicyRunPage.render(req) }
        router.on(.policies(.resultsCSV(.key))) { req in try await PolicyRunPage.resultsCSV(req) }
        router.on(.policies(.paymentCSV(.key))) { req in try await PolicyRunPage.paymentCSV(req) }
        router.on(.policies(.decideGrants(.key))) { req in try await PolicyGrantsView.decide(req) }
        router.on(.policies(.mine)) { req in try await PolicyPortalPage.mine(req) }
        router.on(.policies(.myFacts)) { req in try await PolicyFactsForm.show(req) }
        router.on(.policies(.saveMyFacts)) { req in try await PolicyFactsForm.submit(req) }
        router.on(.policies(.enterprise(.key))) { req in try await PolicyPortalPage.staff(req) }
        router.on(.policies(.enterpriseFacts(.key))) { req in try await PolicyFactsForm.show(req) }
        router.on(.policies(.saveEnterpriseFacts(.key))) { req in try await PolicyFactsForm.submit(req) }
        router.on(.policies(.policy(.key))) { req in try await PolicyEditorPage.show(req, new: false) }
    }
}
