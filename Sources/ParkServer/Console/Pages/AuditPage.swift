import ParkDomain
import ParkStore
import Vapor

/// The whole trail, newest first, with a check of the hash chain (admins).
enum AuditPage {
    static func render(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireAdmin()
        let layout = Layout(req)
        let lang = layout.lang
        var notice: HTML = .empty
        if req.query[String.self, at: "verify"] != nil {
            switch try await req.park.audit.verify() {
            case .intact(let n, let head):
                notice = "<div class=\"notice ok\"><strong>\(ConsoleText.chainIntact(lang))</strong> — \(n) \(ConsoleText.entries(lang)) · <span class=\"mono\">\(String(head.prefix(16)))…</span></div>"
            case .broken(let seq, let reason):
                notice = "<div class=\"notice bad\"><strong>\(ConsoleText.chainBroken(lang))</strong> — #\(seq): \(reason)</div>"
            }
        }
        let recent = try await req.park.audit.recent(limit: 100)
        let body: HTML = """
        <h1>\(ConsoleText.auditTitle(lang))</h1>\(notice)
        <p><a class="btn" href="/admin/audit?verify=1">\(ConsoleText.verifyChain(lang))</a></p>
        <section class="card">\(AuditTable.render(recent, lang: lang))</section>
        """
        return layout.response(ConsoleText.auditTitle(lang), .audit, body)
    }
}
