import Vapor

/// The policy console (staff) and the enterprise portal's "policies for me".
///
/// - `GET /policies` list, runs and the match form; `POST /policies/match` run the match
/// - `GET /policies/new`, `GET /policies/:id[?version=]` the editor; `POST /policies` check, save or try
///   the editor's text (`op`); `POST /policies/check` JSON diagnostics for the editor script
/// - `GET /policies/runs/:id` a run: matched list per policy, grants; `.../results.csv`, `.../payment.csv`;
///   `POST /policies/runs/:id/grants` confirm or reject proposals (one, or all of a policy)
/// - `GET /policies/me`, `GET|POST /policies/me/facts` the enterprise's own answers and supplied data;
///   staff: `GET /policies/enterprise/:id`, `GET|POST /policies/enterprise/:id/facts`
/// - `GET /assets/policy-editor.js` the editor's live validation (progressive enhancement)
enum PolicyPages {
    static let maxSource = ByteCount(value: 256 * 1024)

    static func register(_ routes: any RoutesBuilder) {
        routes.get("assets", "policy-editor.js") { _ -> Response in
            let res = Response(body: .init(string: PolicyEditorScript.js))
            res.headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            res.headers.cacheControl = .init(maxAge: 3600)
            return res
        }
        let policies = routes.grouped("policies")
        policies.get { req in try await PolicyListPage.render(req) }
        policies.post("match") { req in try await PolicyListPage.match(req) }
        policies.get("new") { req in try await PolicyEditorPage.show(req, new: true) }
        policies.on(.POST, body: .collect(maxSize: maxSource)) { req in try await PolicyEditorPage.submit(req) }
        policies.on(.POST, "check", body: .collect(maxSize: maxSource)) { req in try await PolicyEditorPage.check(req) }
        policies.get("runs", ":id") { req in try await PolicyRunPage.render(req) }
        policies.get("runs", ":id", "results.csv") { req in try await PolicyRunPage.resultsCSV(req) }
        policies.get("runs", ":id", "payment.csv") { req in try await PolicyRunPage.paymentCSV(req) }
        policies.post("runs", ":id", "grants") { req in try await PolicyGrantsView.decide(req) }
        policies.get("me") { req in try await PolicyPortalPage.mine(req) }
        policies.get("me", "facts") { req in try await PolicyFactsForm.show(req) }
        policies.post("me", "facts") { req in try await PolicyFactsForm.submit(req) }
        policies.get("enterprise", ":id") { req in try await PolicyPortalPage.staff(req) }
        policies.get("enterprise", ":id", "facts") { req in try await PolicyFactsForm.show(req) }
        policies.post("enterprise", ":id", "facts") { req in try await PolicyFactsForm.submit(req) }
        policies.get(":id") { req in try await PolicyEditorPage.show(req, new: false) }
    }
}
