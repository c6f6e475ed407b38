import ParkDomain
import ParkStore
import Vapor

/// The latest 100 entries of the trail, newest first, with a check of the hash chain on request (admins).
enum AuditPage {
    struct Model {
        var recent: [AuditEntry]
        /// The chain check's result, when asked for (`?verify=1`).
        var verification: AuditVerification?

        static func load(verify: Bool, on ctx: PageContext) async throws -> Model {
            Model(recent: try await ctx.park.audit.recent(limit: 100), verification: verify ? try await ctx.park.audit.verify() : nil)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let notice: HTML = switch m.verification {
            case .intact(let n, let head)?:
                "<div class=\"notice ok\"><strong>\(ConsoleText.chainIntact(lang))</strong> — \(Numbers.count(n)) \(ConsoleText.entries(lang)) · <span class=\"mono\">\(String(head.prefix(16)))…</span></div>"
            case .broken(let seq, let reason)?:
                "<div class=\"notice bad\"><strong>\(ConsoleText.chainBroken(lang))</strong> — #\(seq): \(reason)</div>"
            case nil: .empty
            }
            let body: HTML = """
            <h1>\(ConsoleText.auditTitle(lang))</h1>\(notice)
            <p><a class="btn" href="\(ConsoleURL.admin(.audit).href([("verify", "1")]))">\(ConsoleText.verifyChain(lang))</a></p>
            <section class="card">\(AuditTable.render(m.recent, lang: lang))</section>
            """
            return ConsolePage(title: ConsoleText.auditTitle(lang), section: .audit, body: body)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.admin(.audit)) { ctx, req in
            View.render(try await Model.load(verify: req.query[String.self, at: "verify"] != nil, on: ctx), ctx)
        }
    }
}
