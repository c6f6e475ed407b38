import ParkDomain
import ParkStore
import Vapor

/// One enterprise: its registration facts, its land, and its audit trail (field-by-field changes);
/// staff deregister it here.
enum EnterpriseDetailPage {
    struct Model {
        var enterprise: Enterprise
        var clusterNames: [String: String]
        var land: EnterpriseLand.Model
        var trail: [AuditEntry]
        /// May edit: staff, or the firm itself while registered.
        var canEdit: Bool
        var isStaff: Bool
        var own: Bool
        var notice: Notice?

        static func load(_ id: UUID, notice: Notice? = nil, saved: String? = nil, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            guard p.canRead(enterprise: id), let e = try await ctx.park.enterprises.find(id) else {
                throw Names.notFound(ConsoleText.enterpriseRecord, id: id.uuidString)
            }
            let lang = ctx.language
            let savedNotice: Notice? = switch saved {
            case "created": Notice(ok: true, text: ConsoleText.savedCreated(lang))
            case "updated": Notice(ok: true, text: ConsoleText.savedUpdated(lang))
            default: nil
            }
            return Model(
                enterprise: e,
                clusterNames: Dictionary(uniqueKeysWithValues: try await ctx.park.reference.clusters().map { ($0.code, $0.name.text(lang)) }),
                land: try await EnterpriseLand.Model.load(enterpriseID: id, on: ctx),
                trail: try await ctx.park.audit.trail(entityType: EnterpriseRepository.entityType, entityID: id.uuidString),
                canEdit: p.isStaff || (p.enterpriseID == id && !e.isDeregistered), isStaff: p.isStaff, own: p.enterpriseID == id,
                notice: notice ?? savedNotice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            let e = m.enterprise, id = e.id!
            let country = Country.named(e.originCountry)?.name.text(lang) ?? e.originCountry
            let division = IndustryClassification.division(e.industryCode)
            let section = division.flatMap { d in IndustryClassification.sections.first { $0.code == d.section } }
            func yesNo(_ b: Bool) -> String { b ? ConsoleText.yes(lang) : ConsoleText.no(lang) }
            func fact(_ t: ConsoleText, _ v: HTML) -> HTML { "<dt>\(t(lang))</dt><dd>\(v)</dd>" }
            func fact(_ t: ConsoleText, _ v: String) -> HTML { fact(t, HTML("\(v)")) }
            let facts: HTML = """
            <dl class="facts">
            \(fact(.creditCode, HTML("<span class=\"mono\">\(e.creditCode.value)</span>")))
            \(fact(.nameZh, e.nameZh))\(fact(.nameEn, e.nameEn))
            \(fact(.address, e.address.isEmpty ? "—" : e.address))
            \(fact(.founded, e.foundedOn?.iso ?? "—"))\(fact(.employees, e.employees.map { Numbers.count($0) } ?? "—"))
            </dl>
            """
            let classification: HTML = """
            <dl class="facts">
            \(fact(.industry, "\(section.map { "\($0.code) \($0.name.text(lang)) › " } ?? "")\(e.industryCode) \(division?.name.text(lang) ?? "")"))
            \(fact(.clusters, HTML("\(e.clusters.map { Markup.badge(m.clusterNames[$0] ?? $0) })")))
            \(fact(.size, e.aboveDesignatedSize ? ConsoleText.above(lang) : ConsoleText.below(lang)))
            \(fact(.listing, e.listing?.label.text(lang) ?? "—"))
            </dl>
            """
            let investment: HTML = """
            <dl class="facts">
            \(fact(.ownership, e.ownership.label.text(lang)))\(fact(.origin, "\(country) (\(e.originCountry))"))
            \(fact(.fortune500Parent, e.fortune500Parent ?? "—"))
            \(fact(.regionalHQ, yesNo(e.regionalHeadquarters)))\(fact(.rdCentre, yesNo(e.rdCentre)))
            </dl>
            """
            let editLink: HTML = m.canEdit
                ? "<a class=\"btn ghost\" href=\"\(ConsoleURL.enterprises(.edit(.value(id))))\">\(ConsoleText.editEnterprise(lang))</a>" : .empty
            // The firm's profile (一企一档): every module's section on one page.
            let edit: HTML = "<p class=\"actions\">\(editLink)<a class=\"btn ghost\" href=\"\(ConsoleURL.indicators(.profile(.value(id))))\">\(IndicatorText.profileLink(lang))</a></p>"
            let deregistration: HTML
            if let d = e.deregistration {
                deregistration = "<p class=\"notice bad\">\(ConsoleText.deregistered(lang)): \(d.on.iso) · \(d.reason)</p>"
            } else if m.isStaff {
                deregistration = """
                <details class="card"><summary>\(ConsoleText.deregister(lang))</summary><p class="sub">\(ConsoleText.deregisterHint(lang))</p>
                <form method="post" action="\(ConsoleURL.enterprises(.deregister(.value(id))))" class="actions">\(Markup.csrfField(ctx.csrf))
                <label>\(ConsoleText.deregisteredOn(lang))<input type="date" name="deregistered_on" required value="\(ctx.today.iso)"></label>
                <label class="grow">\(ConsoleText.deregistrationReason(lang))<input name="reason" required maxlength="500"></label>
                <button class="btn danger">\(ConsoleText.deregister(lang))</button></form></details>
                """
            } else {
                deregistration = .empty
            }
            let name = e.name(lang)
            let body: HTML = """
            <p><a href="\(ConsoleURL.enterprises(.list))">← \(ConsoleText.enterprises(lang))</a></p>
            <h1>\(name)\(e.isDeregistered ? Markup.badge(ConsoleText.deregistered(lang), kind: "off") : .empty)</h1>
            \(m.notice.html)
            \(edit)
            <div class="grid g2">
            <section class="card"><h2>\(ConsoleText.basicInfo(lang))</h2>\(facts)</section>
            <section class="card"><h2>\(ConsoleText.classification(lang))</h2>\(classification)<h2 class="spaced">\(ConsoleText.investment(lang))</h2>\(investment)</section>
            </div>
            \(EnterpriseLand.View.render(m.land, own: m.own, lang))
            \(deregistration)
            <section class="card"><h2>\(ConsoleText.auditTrail(lang))</h2>\(AuditTable.render(m.trail, lang: lang))</section>
            """
            return ConsolePage(title: name, section: .enterprises, body: body, status: status)
        }
    }

    struct DeregisterForm: Content { var deregistered_on: String?; var reason: String? }

    static func register(_ router: ConsoleRouter) {
        router.page(.enterprises(.detail(.key))) { ctx, req in
            View.render(try await Model.load(try req.pathID(), saved: req.query[String.self, at: "saved"], on: ctx), ctx)
        }
        router.on(.enterprises(.deregister(.key))) { req in try await deregister(req) }
    }

    /// POST /enterprises/:id/deregister (staff): 注销 with date and reason.
    static func deregister(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user(), lang = ctx.language
        let id = try req.pathID()
        do {
            let f = try req.form(DeregisterForm.self)
            guard let date = f.deregistered_on.flatMap(LocalDate.init(iso:)) else {
                throw DomainError(code: "invalid_date", field: "deregistered_on", en: "the date must be YYYY-MM-DD", zh: "日期须为 YYYY-MM-DD 格式")
            }
            _ = try await ctx.park.enterprises.deregister(id, on: date, reason: f.reason ?? "", by: p)
            let notice = Notice(ok: true, text: ConsoleText.deregisteredNotice(lang))
            return View.render(try await Model.load(id, notice: notice, on: ctx), ctx).response(ctx)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            let notice = Notice.refusal(e, lang)
            return View.render(try await Model.load(id, notice: notice, on: ctx), ctx, status: Problem.status(of: e.kind)).response(ctx)
        }
    }
}

/// A table of audit entries with the fields each one changed.
enum AuditTable {
    static func render(_ entries: [AuditEntry], lang: Language) -> HTML {
        guard !entries.isEmpty else { return "<p class=\"sub\">\(ConsoleText.noAudit(lang))</p>" }
        let rows = entries.map { e -> HTML in
            let changes = AuditDiff.changes(before: e.before, after: e.after)
            let list: HTML = changes.isEmpty ? "—" : """
                <table><thead><tr><th>\(ConsoleText.field(lang))</th><th>\(ConsoleText.before(lang))</th><th>\(ConsoleText.after(lang))</th></tr></thead><tbody>
                \(changes.map { c -> HTML in "<tr><td>\(AuditLabels.field(c.field, entity: e.entityType, lang))</td><td>\(shown(AuditLabels.value(c.before, field: c.field, entity: e.entityType, lang)))</td><td>\(shown(AuditLabels.value(c.after, field: c.field, entity: e.entityType, lang)))</td></tr>" })
                </tbody></table>
                """
            return """
            <tr><td class="num">\(e.seq)</td><td>\(Markup.date(e.at, lang))</td><td>\(e.actorName)</td><td>\(AuditLabels.action(e.action, lang))\(e.reason.map { r -> HTML in "<div class=\"sub\">\(ConsoleText.changeReason(lang)): \(r)</div>" } ?? .empty)</td>
            <td>\(AuditLabels.entity(e.entityType, lang))<div class="sub mono">\(String(e.entityID.prefix(13)))</div></td><td>\(list)</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(ConsoleText.seq(lang))</th><th>\(ConsoleText.time(lang))</th><th>\(ConsoleText.actor(lang))</th><th>\(ConsoleText.action(lang))</th><th>\(ConsoleText.record(lang))</th><th>\(ConsoleText.changes(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    /// A value as shown in the table: long ones (a parcel's boundary, a scheme's groups) cut
    /// at 160 characters; the whole value stays in the trail and in `parkos audit`.
    static func shown(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(160)) + " …" : text
    }
}
