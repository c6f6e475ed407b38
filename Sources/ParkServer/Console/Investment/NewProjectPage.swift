import ParkDomain
import ParkStore
import Vapor

/// Records a project at the lead stage: an existing investor or a new one, the project's
/// fields, and the duplicate check (a possible duplicate is named and must be confirmed).
enum NewProjectPage {
    struct Model {
        var investors: [Investor]
        var clusters: [Cluster]
        var officers: [(id: UUID, username: String, name: String)]
        var notice: Notice?
        var form: Form?
        var askConfirm: Bool

        static func load(notice: Notice? = nil, form: Form? = nil, askConfirm: Bool = false, on ctx: PageContext) async throws -> Model {
            let p = try ctx.user()
            let service = InvestmentService(db: ctx.db, clock: ctx.park.clock)
            return Model(investors: try await service.investors(q: nil, page: try PageRequest(page: 1, perPage: 500), by: p).items,
                         clusters: try await ctx.park.reference.clusters(), officers: try await InvestmentRepository(db: ctx.db).officers(limit: 200),
                         notice: notice, form: form, askConfirm: askConfirm)
        }
    }

    struct Form: Content {
        var investor_id: String?; var investor_name_zh: String?; var investor_name_en: String?; var origin_country: String?; var sector: String?
        var name_zh: String?; var name_en: String?; var type: String?; var cluster: String?; var industry_code: String?
        var total_investment: String?; var currency: String?; var land_need_mu: String?; var officer_id: String?; var source: String?
        var first_contact_on: String?; var confidential: String?; var code_name: String?; var confirm_not_duplicate: String?
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, f = m.form
            func input(_ name: String, _ label: InvestmentText, _ value: String?, required: Bool = false, extra: String = "") -> HTML {
                "<label>\(label(lang))<input name=\"\(name)\" value=\"\(value ?? "")\"\(required ? HTML(" required") : .empty) maxlength=\"200\"\(HTML(raw: extra))></label>"
            }
            let confirm: HTML = m.askConfirm ? "<label class=\"check\"><input type=\"checkbox\" name=\"confirm_not_duplicate\" value=\"1\"> \(InvestmentText.confirmNotDuplicate(lang))</label>" : .empty
            let body: HTML = """
            <h1>\(InvestmentText.newProject(lang))</h1>\(m.notice.html)
            <form method="post" action="\(ConsoleURL.investment(.createProject))" class="card form-grid">\(Markup.csrfField(ctx.csrf))
            <label>\(InvestmentText.investor(lang))<select name="investor_id">\(Markup.option("", "—", selected: f?.investor_id))\(m.investors.map { Markup.option($0.id!.uuidString, "\($0.nameZh) · \($0.nameEn)", selected: f?.investor_id) })</select></label>
            \(input("investor_name_zh", .investor, f?.investor_name_zh))\(input("investor_name_en", .investor, f?.investor_name_en))
            <label>\(InvestmentText.country(lang))<select name="origin_country">\(Country.all.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: f?.origin_country ?? "US") })</select></label>
            <label>\(InvestmentText.industry(lang)) (A–T)<input name="sector" value="\(f?.sector ?? "C")" maxlength="1"></label>
            \(input("name_zh", .name, f?.name_zh, required: true))\(input("name_en", .name, f?.name_en))
            <label>\(InvestmentText.type(lang))<select name="type">\(ProjectType.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f?.type) })</select></label>
            <label>\(InvestmentText.cluster(lang))<select name="cluster">\(Markup.option("", "—", selected: f?.cluster))\(m.clusters.map { Markup.option($0.code, $0.name.text(lang), selected: f?.cluster) })</select></label>
            \(input("industry_code", .industry, f?.industry_code, required: true, extra: " placeholder=\"C27\""))
            \(input("total_investment", .totalInvestment, f?.total_investment, required: true, extra: " inputmode=\"decimal\""))
            <label>\(InvestmentText.currency(lang))\(ProjectForms.currencySelect(lang, selected: f?.currency ?? "USD"))</label>
            \(input("land_need_mu", .landNeed, f?.land_need_mu, extra: " inputmode=\"decimal\""))
            <label>\(InvestmentText.officer(lang))<select name="officer_id">\(Markup.option("", "—", selected: f?.officer_id))\(m.officers.map { Markup.option($0.id.uuidString, $0.name, selected: f?.officer_id) })</select></label>
            <label>\(InvestmentText.source(lang))<select name="source">\(ProjectSource.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f?.source) })</select></label>
            <label>\(InvestmentText.firstContact(lang))<input type="date" name="first_contact_on" required value="\(f?.first_contact_on ?? ctx.today.iso)"></label>
            <label class="check"><input type="checkbox" name="confidential" value="1"\(f?.confidential == "1" ? HTML(" checked") : .empty)> \(InvestmentText.confidential(lang))</label>
            \(input("code_name", .codeName, f?.code_name, extra: ""))<p class="sub">\(InvestmentText.codeNameHint(lang))</p>
            \(confirm)
            <p class="actions"><button class="btn">\(InvestmentText.create(lang))</button></p></form>
            """
            return ConsolePage(title: InvestmentText.newProject(lang), section: .investment, body: body)
        }
    }

    static func create(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let f = try req.form(Form.self)
        let service = InvestmentService(db: ctx.db, clock: ctx.park.clock)
        do {
            var investorID: UUID
            if let raw = f.investor_id, !raw.isEmpty, let id = UUID(uuidString: raw) {
                investorID = id
            } else {
                let inv = try await service.createInvestor(Investor(nameZh: f.investor_name_zh ?? "", nameEn: f.investor_name_en ?? "",
                                                                    originCountry: f.origin_country ?? "", sector: (f.sector ?? "C").uppercased()), by: p)
                investorID = inv.id!
            }
            guard let industry = IndustryClassification.normalise(f.industry_code ?? "") else {
                throw DomainError(code: "invalid_industry", field: "industry_code", en: "industry_code must be a GB/T 4754-2017 division", zh: "行业须为 GB/T 4754-2017 行业大类")
            }
            var mu: Double?
            if let raw = f.land_need_mu, !raw.isEmpty {
                guard let v = Double(raw) else { throw DomainError(code: "invalid_value", field: "land_need_mu", en: "land_need_mu must be a number", zh: "用地需求须为数字") }
                mu = v
            }
            let draft = InvestmentProject(investorID: investorID, nameZh: f.name_zh ?? "", nameEn: f.name_en ?? "",
                                          type: try parseCode(f.type ?? "", as: ProjectType.self, field: "type"),
                                          cluster: (f.cluster ?? "").isEmpty ? nil : f.cluster, industryCode: industry,
                                          totalInvestment: try CurrencyAmount.parse(f.total_investment ?? "", currency: f.currency ?? "", field: "total_investment"),
                                          landNeedMu: mu, officerID: f.officer_id.flatMap(UUID.init(uuidString:)),
                                          source: try parseCode(f.source ?? "", as: ProjectSource.self, field: "source"),
                                          firstContactOn: try ProjectForms.date(f.first_contact_on, "first_contact_on"),
                                          confidential: f.confidential == "1", codeName: (f.code_name ?? "").isEmpty ? nil : f.code_name)
            let created = try await service.createProject(draft, confirmedNotDuplicate: f.confirm_not_duplicate == "1", by: p)
            return req.redirect(to: .investment(.project(.value(created.id!))))
        } catch let e as DomainError where e.kind != .forbidden {
            var page = View.render(try await Model.load(notice: Notice.refusal(e, ctx.language), form: f, askConfirm: e.code == "possible_duplicate", on: ctx), ctx)
            page.status = Problem.status(of: e.kind)
            return page.response(ctx)
        }
    }
}
