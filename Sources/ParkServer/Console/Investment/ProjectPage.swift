import ParkDomain
import ParkStore
import Vapor

/// A project: its fields, the timeline of stages with their reviews, the task force, blockers
/// with their history, both FDI ledgers, and a form for every action the reader may take.
/// An enterprise user opens only its own enterprise's projects; a confidential project is
/// masked for readers outside its task force.
enum ProjectPage {
    struct Model {
        var detail: ProjectDetail
        var notice: Notice?
        var names: [UUID: String]
        var departments: [Department]
        var clusters: [String: Bilingual]
        var isStaff: Bool
        var isHead: Bool
        var pending: StageMove?
        var land: ProjectLandSection.Model?

        static func load(_ id: UUID, notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let service = InvestmentService(db: ctx.db, clock: ctx.park.clock)
            let d = try await service.detail(id, by: p)
            var ids = Set(d.taskForce.map(\.userID))
            if let o = d.project.officerID { ids.insert(o) }
            return Model(detail: d, notice: notice, names: try await InvestmentRepository(db: ctx.db).userNames(ids),
                         departments: try await ctx.park.reference.departments(),
                         clusters: Dictionary(uniqueKeysWithValues: try await ctx.park.reference.clusters().map { ($0.code, $0.name) }),
                         isStaff: p.isStaff, isHead: p.isHead(of: StageMove.reviewingDepartment),
                         pending: d.moves.first { $0.state == .pending }, land: try await ProjectLandSection.load(d, on: ctx))
        }
    }

    static func response(_ id: UUID, notice: Notice?, status: HTTPResponseStatus = .ok, _ ctx: PageContext) async throws -> Response {
        var page = View.render(try await Model.load(id, notice: notice, on: ctx), ctx)
        page.status = status
        return page.response(ctx)
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, d = m.detail, p = d.project
            func row(_ k: InvestmentText, _ v: String) -> HTML { "<tr><th>\(k(lang))</th><td>\(v)</td></tr>" }
            func money(_ a: CurrencyAmount?) -> String { a.map { "\($0.currency) \(FenText.yuan($0.minor, grouped: true))" } ?? "—" }
            let industry = IndustryClassification.division(p.industryCode)
            var fields: [HTML] = [
                row(.investor, d.masked ? p.nameZh : (d.investor.map { lang == .en && !$0.nameEn.isEmpty ? $0.nameEn : $0.nameZh } ?? "—")
                    + (d.investor?.fortune500.map { " · Fortune Global 500 #\($0.rank) (\($0.listYear))" } ?? "")),
                row(.country, d.investor.flatMap { Country.named($0.originCountry)?.name.text(lang) } ?? "—"),
                row(.type, p.type.label.text(lang)), row(.cluster, p.cluster.flatMap { m.clusters[$0]?.text(lang) } ?? "—"),
                row(.industry, "\(p.industryCode) \(industry?.name.text(lang) ?? "")"),
                row(.totalInvestment, money(p.totalInvestment)), row(.registeredCapital, money(p.registeredCapital)),
                row(.foreignCapital, money(p.foreignCapital)), row(.landNeed, p.landNeedMu.map { Numbers.decimal($0) } ?? "—"),
                row(.source, p.source.label.text(lang)), row(.firstContact, p.firstContactOn.iso),
                row(.officer, p.officerID.flatMap { m.names[$0] } ?? "—"),
                row(.stage, p.stage.label.text(lang) + " · \(InvestmentText.stageSince(lang)) \(p.stageSince.iso)"
                    + (p.stageDueOn.map { " · \(InvestmentText.dueOn(lang)) \($0.iso)" } ?? "") + (d.overdue ? " · \(InvestmentText.overdue(lang))" : "")),
            ]
            if let s = p.signedOn { fields.append(row(.signedOn, s.iso)) }
            if let r = p.dropReason { fields.append(row(.dropReason, r.label.text(lang))) }
            if let e = p.enterpriseID { fields.append("<tr><th>\(InvestmentText.enterprise(lang))</th><td><a href=\"\(ConsoleURL.enterprises(.detail(.value(e))))\">\(InvestmentText.show(lang))</a></td></tr>") }
            if p.confidential && !d.masked { fields.append(row(.codeName, p.codeName ?? "")) }
            fields.append(row(.fundsArrived, "\(Numbers.usd(cents: d.utilisedUSDCents, lang)) / \(Numbers.usd(cents: d.contractedUSDCents, lang)) = \(d.fundsArrivedRatio.map { Numbers.percent(ratio: $0, digits: 1) } ?? "—")"))
            let maskedNote: HTML = d.masked ? "<div class=\"notice\">\(InvestmentText.masked(lang))</div>" : .empty
            let dups: HTML = d.possibleDuplicates.isEmpty ? .empty : "<div class=\"notice bad\">\(InvestmentText.possibleDuplicates(lang)): \(d.possibleDuplicates.joined(separator: ", "))</div>"
            let body: HTML = """
            <h1>\(p.code) · \(lang == .en && !p.nameEn.isEmpty ? p.nameEn : p.nameZh)</h1>
            \(m.notice.html)\(maskedNote)\(dups)
            <p class="actions"><a class="btn ghost small" href="\(ConsoleURL.investment(.board))">\(InvestmentText.board(lang))</a></p>
            <div class="grid g2"><section class="card"><table class="kv">\(fields)</table></section>
            <section class="card"><h2>\(InvestmentText.timeline(lang))</h2>\(ProjectSections.timeline(m, lang))\(ProjectForms.moveForms(m, ctx))</section></div>
            <div class="grid g2"><section class="card"><h2>\(InvestmentText.taskForce(lang))</h2>\(ProjectSections.taskForce(m, lang))\(ProjectForms.taskForceForm(m, ctx))</section>
            <section class="card"><h2>\(InvestmentText.blockers(lang))</h2>\(ProjectSections.blockers(m, ctx))\(ProjectForms.blockerForm(m, ctx))</section></div>
            <section class="card"><h2>\(InvestmentText.contracted(lang))</h2>\(ProjectSections.contracted(d, lang))\(ProjectForms.contractedForm(m, ctx))</section>
            <section class="card"><h2>\(InvestmentText.inflows(lang))</h2>\(ProjectSections.inflows(d, lang))\(ProjectForms.inflowForm(m, ctx))</section>
            \(ProjectLandSection.render(m.land, project: p, ctx))
            """
            return ConsolePage(title: p.code, section: .investment, body: body)
        }
    }
}

/// The read-only parts of the project page.
enum ProjectSections {
    static func timeline(_ m: ProjectPage.Model, _ lang: Language) -> HTML {
        let rows = m.detail.moves.map { mv -> HTML in
            let state = mv.state == .approved ? Markup.badge(mv.state.label.text(lang), kind: "ok") : mv.state == .sentBack ? Markup.badge(mv.state.label.text(lang), kind: "bad") : Markup.badge(mv.state.label.text(lang))
            let reason = mv.dropReason.map { " · \($0.label.text(lang))" } ?? ""
            return """
            <tr><td class="nowrap">\(mv.effectiveOn.iso)</td><td>\(mv.fromStage.label.text(lang)) → \(mv.toStage.label.text(lang))\(reason)<div class="sub">\(mv.note)</div></td>
            <td>\(mv.proposedBy)</td><td>\(state)<div class="sub">\(mv.reviewedBy ?? "")\(mv.reviewComment.map { ": \($0)" } ?? "")</div></td></tr>
            """
        }
        guard !rows.isEmpty else { return "<p class=\"sub\">\(InvestmentText.noEntries(lang))</p>" }
        return "<table><thead><tr><th>\(InvestmentText.effectiveOn(lang))</th><th>\(InvestmentText.stage(lang))</th><th>\(InvestmentText.proposedBy(lang))</th><th>\(InvestmentText.state(lang))</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func taskForce(_ m: ProjectPage.Model, _ lang: Language) -> HTML {
        guard !m.detail.taskForce.isEmpty else { return "<p class=\"sub\">\(InvestmentText.noTaskForce(lang))</p>" }
        let items = m.detail.taskForce.map { t -> HTML in "<li>\(m.names[t.userID] ?? t.userID.uuidString)\(t.lead ? HTML(" \(Markup.badge(InvestmentText.lead(lang), kind: "ok"))") : .empty)</li>" }
        return "<ul>\(items)</ul>"
    }

    static func blockers(_ m: ProjectPage.Model, _ ctx: PageContext) -> HTML {
        let lang = ctx.language
        let depts = Dictionary(uniqueKeysWithValues: m.departments.map { ($0.code, $0.name.text(lang)) })
        guard !m.detail.blockers.isEmpty else { return "<p class=\"sub\">\(InvestmentText.noBlockers(lang))</p>" }
        let items = m.detail.blockers.map { b, events -> HTML in
            let state: HTML = !b.isOpen ? Markup.badge(InvestmentText.closed(lang), kind: "ok")
                : b.isEscalated(on: ctx.today) ? Markup.badge(InvestmentText.escalated(lang), kind: "bad") : Markup.badge(InvestmentText.open(lang))
            let history = events.map { e -> HTML in "<li>\(e.on.iso) · \(e.kind.label.text(lang)) · \(e.actor): \(e.text)</li>" }
            return """
            <div class="blocker"><strong>\(b.title)</strong> \(state)
            <div class="sub">\(b.stage.label.text(lang)) · \(InvestmentText.department(lang)) \(depts[b.departmentCode] ?? b.departmentCode) · \(InvestmentText.openedOn(lang)) \(b.openedOn.iso) · \(InvestmentText.escalateOn(lang)) \(b.escalateOn.iso)</div>
            <ul class="sub">\(history)</ul>\(b.isOpen && m.isStaff && !m.detail.masked ? ProjectForms.blockerActionForm(b, m, ctx) : .empty)</div>
            """
        }
        return "\(items)"
    }

    static func contracted(_ d: ProjectDetail, _ lang: Language) -> HTML {
        guard !d.contracted.isEmpty else { return "<p class=\"sub\">\(InvestmentText.noEntries(lang))</p>" }
        let usd = Numbers.usdColumn(cents: d.contracted.map(\.counted.usdCents), lang), cny = Numbers.yuanColumn(fen: d.contracted.map(\.counted.cnyFen), lang)
        let rows = d.contracted.map { e -> HTML in
            "<tr><td class=\"nowrap\">\(e.recordedOn.iso)</td><td>\(e.kind.label.text(lang))</td><td>\(e.event.label.text(lang))</td><td class=\"num\">\(e.amount.description)</td><td class=\"num\">\(e.rate.usdPerUnitText) / \(e.rate.cnyPerUnitText)</td><td class=\"num\">\(usd(e.counted.usdCents))</td><td class=\"num\">\(cny(e.counted.cnyFen))</td></tr>"
        }
        return "<div class=\"scroll\"><table><thead><tr><th>\(InvestmentText.recordedOn(lang))</th><th>\(InvestmentText.kind(lang))</th><th>\(InvestmentText.event(lang))</th><th class=\"num\">\(InvestmentText.amount(lang))</th><th class=\"num\">\(InvestmentText.rate(lang))</th><th class=\"num\">\(InvestmentText.inUSD(lang))</th><th class=\"num\">\(InvestmentText.inCNY(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    static func inflows(_ d: ProjectDetail, _ lang: Language) -> HTML {
        guard !d.inflows.isEmpty else { return "<p class=\"sub\">\(InvestmentText.noEntries(lang))</p>" }
        let shown = Array(d.inflows.suffix(200).reversed())
        let usd = Numbers.usdColumn(cents: shown.map(\.counted.usdCents), lang), cny = Numbers.yuanColumn(fen: shown.map(\.counted.cnyFen), lang)
        let rows = shown.map { i -> HTML in
            "<tr><td class=\"nowrap\">\(i.arrivedOn.iso)</td><td>\(i.kind.label.text(lang))</td><td class=\"num\">\(i.amount.description)</td><td class=\"num\">\(i.rate.usdPerUnitText) / \(i.rate.cnyPerUnitText)</td><td class=\"num\">\(usd(i.counted.usdCents))</td><td class=\"num\">\(cny(i.counted.cnyFen))</td><td class=\"mono\">\(i.bankReference)</td></tr>"
        }
        return "<div class=\"scroll\"><table><thead><tr><th>\(InvestmentText.arrivedOn(lang))</th><th>\(InvestmentText.kind(lang))</th><th class=\"num\">\(InvestmentText.amount(lang))</th><th class=\"num\">\(InvestmentText.rate(lang))</th><th class=\"num\">\(InvestmentText.inUSD(lang))</th><th class=\"num\">\(InvestmentText.inCNY(lang))</th><th>\(InvestmentText.bankReference(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }
}
