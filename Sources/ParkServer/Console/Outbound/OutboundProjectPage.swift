import Foundation
import ParkDomain
import ParkStore
import Vapor

/// One project: its facts, the checker's answer with reasons and legal references, the
/// filings with their checklists and clocks, a dated timeline, and (staff) the forms that move
/// the project and its filings. A firm sees its own, without the forms.
enum OutboundProjectPage {
    struct Model {
        var row: OutboundProjectRow
        var check: FilingCheck
        var filings: [Filing]
        var isStaff: Bool

        static func load(_ id: UUID, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let svc = OutboundService(db: ctx.db, clock: ctx.park.clock)
            let row = try await svc.project(id, by: p)
            return Model(row: row, check: try await svc.check(row.project), filings: try await svc.repository.filings(projectID: id), isStaff: p.isStaff)
        }

        /// Dated events, oldest first.
        var timeline: [(LocalDate, String, Bilingual)] {
            let p = row.project
            var out: [(LocalDate, String, Bilingual)] = []
            if let a = p.agreedOn { out.append((a, "agreed", OutboundText.agreedEvent.text)) }
            for f in filings {
                out.append((f.draftedOn, f.kind.rawValue, Bilingual(zh: "\(f.kind.label.zh)：建档", en: "\(f.kind.label.en): drafted")))
                if let s = f.submittedOn { out.append((s, f.kind.rawValue, Bilingual(zh: "\(f.kind.label.zh)：提交\(f.authority.label.zh)", en: "\(f.kind.label.en): submitted to \(f.authority.label.en)"))) }
                if let d = f.decidedOn { out.append((d, f.kind.rawValue, Bilingual(zh: "\(f.kind.label.zh)：\(f.state == .refused ? "未通过" : "取得")", en: "\(f.kind.label.en): \(f.state == .refused ? "refused" : "granted")"))) }
                if f.state == .lapsed, let l = f.lapsesOn { out.append((l, f.kind.rawValue, Bilingual(zh: "\(f.kind.label.zh)：证书失效", en: "\(f.kind.label.en): certificate lapsed"))) }
            }
            if let r = p.remittedOn { out.append((r, "remitted", OutboundText.remittedEvent.text)) }
            return out.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, p = m.row.project
            let facts: HTML = """
            <section class="card"><table>
            <tr><th>\(OutboundText.firm(lang))</th><td>\(m.row.enterpriseName.text(lang)) <span class="mono sub">\(m.row.creditCode)</span></td></tr>
            <tr><th>\(OutboundText.country(lang))</th><td>\(OutboundMarkup.countryLink(p.countryCode, lang, staff: m.isStaff)) · \(WorldRegion.of(p.countryCode).label.text(lang))\(p.beltAndRoad ? Markup.badge(OutboundText.beltAndRoadShort(lang), kind: "hq") : .empty)</td></tr>
            <tr><th>\(OutboundText.target(lang))</th><td>\(p.targetCompany ?? OutboundText.greenfieldTarget(lang))</td></tr>
            <tr><th>\(OutboundText.industry(lang))</th><td>\(OutboundMarkup.industry(p.industryCode, lang))\(p.sensitiveActivities.map { Markup.badge($0.label.text(lang), kind: "off") })</td></tr>
            <tr><th>\(OutboundText.form(lang))</th><td>\(p.form.label.text(lang)) · \(OutboundText.equityShare(lang, ["p": OutboundRules.percentText(p.equityBasisPoints)]))</td></tr>
            <tr><th>\(OutboundText.amount(lang))</th><td>\(p.amount.original.description) = \(Numbers.usd(cents: p.amount.usdCents, lang)) = \(Numbers.yuanExact(fen: p.amount.yuanFen, lang))
            <div class="sub">\(OutboundText.rateOf(lang, ["month": p.amount.month.iso]))</div></td></tr>
            <tr><th>\(OutboundText.financing(lang))</th><td>\(p.financing.map { $0.label.text(lang) }.joined(separator: OutboundText.listSeparator(lang)))</td></tr>
            <tr><th>\(OutboundText.stage(lang))</th><td>\(OutboundMarkup.stage(p.stage, lang))\(p.abandonReason.map { " \($0)" } ?? "")</td></tr>
            <tr><th>\(OutboundText.agreedOn(lang))</th><td>\(OutboundMarkup.day(p.agreedOn))</td></tr>
            <tr><th>\(OutboundText.remittedOn(lang))</th><td>\(OutboundMarkup.day(p.remittedOn))</td></tr>
            </table></section>
            """
            let requirements = m.check.requirements.map { r -> HTML in
                """
                <li><strong>\(r.kind.label.text(lang))</strong> → \(r.authority.label.text(lang))\(r.clockWorkingDays.map { " · " + OutboundText.clockDays(lang, ["n": String($0)]) } ?? "")
                <ul>\(r.reasons.map { "<li>\($0.text(lang))</li>" as HTML })</ul>
                <div class="sub">\(OutboundText.basis(lang))\(OutboundText.colon(lang))\(r.references.map { $0.text(lang) }.joined(separator: "; "))</div></li>
                """
            }
            let check: HTML = """
            <section class="card"><h2>\(OutboundText.checker(lang))</h2>
            <p>\(m.check.sensitive ? Markup.badge(OutboundText.sensitive(lang), kind: "off") : Markup.badge(OutboundText.notSensitive(lang), kind: "rd"))
            <span class="sub">\(OutboundText.rulesUsed(lang, ["name": m.check.ruleSet, "v": String(m.check.ruleVersion)]))</span></p>
            \(m.check.sensitivity.isEmpty ? .empty : "<ul>\(m.check.sensitivity.map { "<li>\($0.text(lang))</li>" as HTML })</ul>" as HTML)
            <ol class="stack">\(requirements)</ol></section>
            """
            let filings = m.filings.map { filing($0, m, ctx) }
            let timeline = m.timeline.map { "<li><span class=\"mono\">\($0.0.iso)</span> \($0.2.text(lang))</li>" as HTML }
            let body: HTML = """
            <p class="sub"><a href="\(m.isStaff ? ConsoleURL.outbound(.projects) : ConsoleURL.outbound(.mine))">\(OutboundText.projects(lang))</a></p>
            <h1>\(p.title)</h1>
            <div class="grid g2">\(facts)\(check)</div>
            <h2>\(OutboundText.filings(lang))</h2>
            \(filings.isEmpty ? "<p class=\"card\">\(OutboundText.noFilingsYet(lang))</p>" as HTML : "<div class=\"grid g2\">\(filings)</div>" as HTML)
            <div class="grid g2">
            <section class="card"><h2>\(OutboundText.timeline(lang))</h2><ul class="timeline">\(timeline)</ul></section>
            \(m.isStaff ? stageForm(m, ctx) : .empty)
            </div>
            """
            return ConsolePage(title: p.title, section: .outbound, body: body)
        }

        static func filing(_ f: Filing, _ m: Model, _ ctx: PageContext) -> HTML {
            let lang = ctx.language
            let action = ConsoleURL.outbound(.moveFiling(.value(f.id!)))
            let open = f.state == .drafted || f.state == .submitted
            let docs = f.documents.map { d -> HTML in
                m.isStaff && open
                    ? "<li><label class=\"check\"><input type=\"checkbox\" name=\"doc_\(d.code)\" value=\"1\"\(d.received ? " checked" : "")> \(d.name.text(lang))</label></li>"
                    : "<li>\(d.received ? "✓" : "✗") \(d.name.text(lang)) \(d.received ? .empty : Markup.badge(OutboundText.stillNeeded(lang), kind: "off"))</li>"
            }
            let checklist: HTML = m.isStaff && open ? """
            <form method="post" action="\(action)">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="move" value="documents"><ul class="stack">\(docs)</ul>
            <button class="btn small ghost">\(OutboundText.saveChecklist(lang))</button></form>
            """ : "<ul class=\"stack\">\(docs)</ul>"
            var moves: [HTML] = []
            if m.isStaff {
                func form(_ move: String, _ label: String, _ extra: HTML = .empty, danger: Bool = false) -> HTML {
                    """
                    <form method="post" action="\(action)" class="inline">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="move" value="\(move)">
                    \(extra)<button class="btn small\(danger ? " danger" : "")">\(label)</button></form>
                    """
                }
                let date: HTML = "<input type=\"date\" name=\"date\" value=\"\(ctx.today.iso)\" required>"
                switch f.state {
                case .drafted: moves.append(form("submit", OutboundText.submit(lang), date))
                case .submitted:
                    let certificate: HTML = f.kind.issuesCertificate ? "<input name=\"certificate_number\" maxlength=\"60\" placeholder=\"\(OutboundText.certificateNo(lang))\">" : .empty
                    moves.append(form("grant", OutboundText.grant(lang), "\(date)\(certificate)"))
                    moves.append(form("refuse", OutboundText.refuse(lang), "\(date)<input name=\"reason\" maxlength=\"500\" required placeholder=\"\(OutboundText.reason(lang))\">", danger: true))
                case .refused: moves.append(form("redraft", OutboundText.redraft(lang)))
                default: break
                }
            }
            return """
            <section class="card"><h3>\(f.kind.label.text(lang)) \(OutboundMarkup.filingState(f.state, lang))</h3>
            <p class="sub">\(f.authority.label.text(lang))\(f.clockWorkingDays.map { " · " + OutboundText.clockDays(lang, ["n": String($0)]) } ?? "")</p>
            <table>
            <tr><th>\(OutboundText.submittedOn(lang))</th><td>\(OutboundMarkup.day(f.submittedOn))</td><th>\(OutboundText.dueOn(lang))</th><td>\(OutboundMarkup.day(f.dueOn))</td></tr>
            <tr><th>\(OutboundText.decidedOn(lang))</th><td>\(OutboundMarkup.day(f.decidedOn))</td><th>\(OutboundText.lapsesOn(lang))</th><td>\(OutboundMarkup.day(f.lapsesOn))</td></tr>
            </table>
            \(f.certificateNumber.map { "<p class=\"sub\">\(OutboundText.certificateNo(lang))\(OutboundText.colon(lang))\($0)</p>" as HTML } ?? .empty)
            \(f.refusalReason.map { "<p class=\"error\">\($0)</p>" as HTML } ?? .empty)
            <h4>\(OutboundText.documents(lang))</h4>\(checklist)
            <p class="actions">\(moves)</p></section>
            """
        }

        static func stageForm(_ m: Model, _ ctx: PageContext) -> HTML {
            let lang = ctx.language, p = m.row.project
            let action = ConsoleURL.outbound(.moveProject(.value(p.id!)))
            var forms: [HTML] = []
            if let next = p.stage.next {
                let extra: HTML = next == .fundsRemitted ? "<label>\(OutboundText.remittedOn(lang))<input type=\"date\" name=\"remitted_on\" value=\"\(ctx.today.iso)\" required></label>"
                    : next == .preparingFilings && p.agreedOn == nil ? "<label>\(OutboundText.agreedOn(lang))<input type=\"date\" name=\"agreed_on\"></label>" : .empty
                forms.append("""
                <form method="post" action="\(action)">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="stage" value="\(next.rawValue)">\(extra)
                <button class="btn">\(OutboundText.moveTo(lang, ["stage": next.label.text(lang)]))</button></form>
                """)
            }
            if p.stage != .abandoned && p.stage != .operating {
                forms.append("""
                <form method="post" action="\(action)">\(Markup.csrfField(ctx.csrf))<input type="hidden" name="stage" value="abandoned">
                <label>\(OutboundText.abandonReason(lang))<input name="reason" maxlength="500" required></label>
                <button class="btn danger">\(OutboundText.abandon(lang))</button></form>
                """)
            }
            return "<section class=\"card\"><h2>\(OutboundText.stage(lang))</h2>\(forms.isEmpty ? "<p>\(OutboundText.none(lang))</p>" as HTML : HTML(raw: forms.map(\.raw).joined()))</section>"
        }
    }

    /// `POST …/stage`: moves the project; a refusal shows the error page with its field.
    static func move(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let id = try req.pathID()
        struct Form: Decodable { var stage: String; var remitted_on: String?; var agreed_on: String?; var reason: String? }
        let f = try req.form(Form.self)
        guard let stage = OutboundStage(rawValue: f.stage) else { throw EnterpriseListRequest.bad("stage", f.stage) }
        func day(_ raw: String?, _ field: String) throws -> LocalDate? {
            guard let raw, !raw.isEmpty else { return nil }
            guard let d = LocalDate(iso: raw) else { throw DomainError(code: "invalid_date", field: field, en: "\(field) must be YYYY-MM-DD", zh: "\(field) 格式应为 YYYY-MM-DD") }
            return d
        }
        _ = try await OutboundService(db: req.db, clock: ctx.park.clock).advance(id, to: stage, remittedOn: try day(f.remitted_on, "remitted_on"),
                                                                                 agreedOn: try day(f.agreed_on, "agreed_on"), reason: f.reason, by: try ctx.user())
        return req.redirect(to: .outbound(.project(.value(id))))
    }

    /// `POST outbound/filings/:id`: ticks documents, submits, grants, refuses or redrafts.
    static func moveFiling(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let id = try req.pathID()
        let svc = OutboundService(db: req.db, clock: ctx.park.clock)
        let before = try await svc.filing(id, by: p)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        func day() throws -> LocalDate {
            guard let raw = fields["date"], let d = LocalDate(iso: raw) else { throw DomainError(code: "invalid_date", field: "date", en: "date must be YYYY-MM-DD", zh: "日期格式应为 YYYY-MM-DD") }
            return d
        }
        switch fields["move"] ?? "" {
        case "documents":
            _ = try await svc.setDocuments(id, received: Dictionary(uniqueKeysWithValues: before.documents.map { ($0.code, fields["doc_" + $0.code] == "1") }), by: p)
        case "submit": _ = try await svc.submit(id, on: try day(), by: p)
        case "grant": _ = try await svc.grant(id, on: try day(), certificate: fields["certificate_number"], by: p)
        case "refuse": _ = try await svc.refuse(id, on: try day(), reason: fields["reason"] ?? "", by: p)
        case "redraft": _ = try await svc.redraft(id, by: p)
        case let other: throw EnterpriseListRequest.bad("move", other)
        }
        return req.redirect(to: .outbound(.project(.value(before.projectID))))
    }
}
