import Foundation
import ParkDomain
import ParkStore
import Vapor

/// What the editor shows: the text, its diagnostics, a notice and the "try" panel's state.
struct PolicyEditorState {
    /// The stored policy the page was opened on (nil: a new policy).
    var policyID: String?
    var version: Int?
    var source: String
    var diagnostics: [PolicyDiagnostic]
    var notice: (ok: Bool, text: String)?
    var tryEnterprise = ""
    var tryAsOf: String
    var tryError: String?
    var candidates: [Enterprise] = []
    var explanation: PolicyExplanation?
    var triedOn: String?
}

/// The policy editor (staff): source with line numbers and live validation, check, save (the next
/// version), the header summary, parameters, facts, versions, and "try on an enterprise".
enum PolicyEditorPage {
    static func show(_ req: Request, new: Bool) async throws -> Response {
        let lang = RequestContext.current.language
        let q = req.queryParameters
        var state = PolicyEditorState(source: PolicyEditorView.template, diagnostics: [], tryAsOf: req.park.today.iso)
        if new {
            state.notice = (true, PolicyText.newPolicyTemplateNote(lang))
        } else {
            let id = try PolicyRequest.policyID(req)
            var version: Int?
            if let raw = q["version"], !raw.isEmpty {
                guard let v = Int(raw) else { throw EnterpriseListRequest.bad("version", raw) }
                version = v
            }
            guard let stored = try await PolicyRepository(db: req.db).find(id, version: version) else {
                throw Names.notFound(PolicyText.policies, id: id + (version.map { " v\($0)" } ?? ""))
            }
            state.policyID = id
            state.version = stored.version
            state.source = stored.policy.source
            state.diagnostics = stored.policy.warnings
            if let saved = q["saved"] { state.notice = (true, "\(PolicyText.saved(lang)): \(id) \(PolicyText.versionOf(lang)) \(saved)") }
        }
        return try await PolicyEditorView.response(req, state)
    }

    /// The editor's form: `op` = check | save | try.
    static func submit(_ req: Request) async throws -> Response {
        let p = try PageContext(req).user()
        let lang = RequestContext.current.language
        let form = try req.form([String: String].self)
        let source = (form["source"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var state = PolicyEditorState(policyID: form["policy_id"].flatMap { $0.isEmpty ? nil : $0 }, source: source,
                                      diagnostics: Policy.diagnose(source), tryEnterprise: form["enterprise"] ?? "",
                                      tryAsOf: form["as_of"].flatMap { $0.isEmpty ? nil : $0 } ?? req.park.today.iso)
        switch form["op"] ?? "save" {
        case "check":
            return try await PolicyEditorView.response(req, state)
        case "try":
            return try await PolicyTryPanel.run(req, state: state, form: form, by: p)
        default:
            do {
                let saved = try await PolicyRepository(db: req.db, clock: req.park.clock).save(source, by: p)
                return req.redirect(to: .policies(.policy(.value(saved.policy.id))), [("saved", String(saved.version))])
            } catch let e as DomainError where e.kind == .invalid || e.kind == .tooLarge || e.kind == .forbidden {
                state.notice = (false, PerMuFormat.refusal(e, lang))
                return try await PolicyEditorView.response(req, state, status: e.kind == .forbidden ? .forbidden : .badRequest)
            }
        }
    }

    /// JSON diagnostics of `source` for the editor script, in the request's language:
    /// `[{severity, line, column, code, message, at}]`.
    static func check(_ req: Request) async throws -> Response {
        let lang = RequestContext.current.language
        let source = (try? req.content.get(String.self, at: "source")) ?? ""
        guard source.utf8.count <= 200_000 else {
            throw DomainError(.tooLarge, code: "too_large", field: "source", en: "a policy source is at most 200 KB", zh: "政策源文本不超过 200 KB")
        }
        let list = Policy.diagnose(source.replacingOccurrences(of: "\r\n", with: "\n")).map {
            DiagnosticJSON(severity: $0.severity.rawValue, line: $0.line, column: $0.column, code: $0.code,
                           message: $0.message.text(lang), at: PolicyFormat.position($0.line, $0.column, lang))
        }
        let res = Response(status: .ok)
        try res.content.encode(list, as: .json)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    struct DiagnosticJSON: Content {
        var severity: String
        var line: Int
        var column: Int
        var code: String
        var message: String
        var at: String
    }
}
