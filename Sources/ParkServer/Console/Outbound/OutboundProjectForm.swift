import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Recording a firm's project (staff): the firm by credit code, the target, the deal, the
/// amount in its currency (converted at its month's rate). A refused form comes back with the
/// field named and everything typed kept.
enum OutboundProjectForm {
    struct Fields: Decodable {
        var credit_code = "", title = "", country = "", target_company = "", industry_code = "", form = "acquisition"
        var equity_percent = "", currency = "USD", amount = "", agreed_on = "", stage = "preparing_filings"
        var financing: [String]? = nil
        var activities: [String]? = nil

        init() {}

        /// Every field may be missing from a post (an empty input is not sent by every client).
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            func text(_ k: Key, _ fallback: String = "") throws -> String { try c.decodeIfPresent(String.self, forKey: k) ?? fallback }
            credit_code = try text(.credit_code); title = try text(.title); country = try text(.country)
            target_company = try text(.target_company); industry_code = try text(.industry_code); form = try text(.form, "acquisition")
            equity_percent = try text(.equity_percent); currency = try text(.currency, "USD"); amount = try text(.amount)
            agreed_on = try text(.agreed_on); stage = try text(.stage, "consulting")
            financing = try c.decodeIfPresent([String].self, forKey: .financing)
            activities = try c.decodeIfPresent([String].self, forKey: .activities)
        }

        enum Key: String, CodingKey {
            case credit_code, title, country, target_company, industry_code, form, equity_percent, currency, amount, agreed_on, stage, financing, activities
        }
    }

    static func render(_ ctx: PageContext, _ f: Fields, error: DomainError?) async throws -> ConsolePage {
        let lang = ctx.language
        let countries = try await ctx.park.reference.countries().filter { $0.alpha2 != "CN" }
        let divisions = try await ctx.park.reference.industryDivisions()
        func text(_ name: String, _ label: String, _ value: String, max: Int = 200, type: String = "text", required: Bool = true) -> HTML {
            "<label>\(label)<input type=\"\(type)\" name=\"\(name)\" value=\"\(value)\" maxlength=\"\(max)\"\(required ? " required" : "")></label>"
        }
        let financing = FinancingSource.allCases.map { s -> HTML in
            "<label class=\"check\"><input type=\"checkbox\" name=\"financing[]\" value=\"\(s.rawValue)\"\((f.financing ?? ["own_funds"]).contains(s.rawValue) ? " checked" : "")> \(s.label.text(lang))</label>"
        }
        let activities = SensitiveActivity.allCases.map { a -> HTML in
            "<label class=\"check\"><input type=\"checkbox\" name=\"activities[]\" value=\"\(a.rawValue)\"\((f.activities ?? []).contains(a.rawValue) ? " checked" : "")> \(a.label.text(lang))</label>"
        }
        let errorBox: HTML = error.map { e in "<div class=\"notice bad\">\(e.field.map { $0 + OutboundText.colon(lang) } ?? "")\(e.message.text(lang))</div>" as HTML } ?? .empty
        let body: HTML = """
        <h1>\(OutboundText.newProject(lang))</h1>
        \(errorBox)
        <form method="post" action="\(ConsoleURL.outbound(.createProject))" class="card stack">\(Markup.csrfField(ctx.csrf))
        \(text("credit_code", OutboundText.creditCode(lang), f.credit_code, max: 18))
        \(text("title", OutboundText.project(lang), f.title))
        <label>\(OutboundText.country(lang))<select name="country" required>\(Markup.option("", "—", selected: f.country))\(countries.map { Markup.option($0.alpha2, "\($0.alpha2) · \($0.name.text(lang))", selected: f.country) })</select></label>
        \(text("target_company", OutboundText.targetHint(lang), f.target_company, required: false))
        <label>\(OutboundText.industry(lang))<select name="industry_code" required>\(Markup.option("", "—", selected: f.industry_code))\(divisions.map { Markup.option($0.code, "\($0.code) \($0.name.text(lang))", selected: f.industry_code) })</select></label>
        <label>\(OutboundText.form(lang))<select name="form">\(InvestmentForm.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.form) })</select></label>
        \(text("equity_percent", OutboundText.equityPercent(lang), f.equity_percent, max: 10))
        <label>\(OutboundText.currency(lang))<select name="currency">\(Currency.codes.map { Markup.option($0, "\($0) · \(Currency.known[$0]!.name.text(lang))", selected: f.currency) })</select></label>
        \(text("amount", OutboundText.amount(lang), f.amount, max: 30))
        \(text("agreed_on", OutboundText.agreedOn(lang), f.agreed_on, max: 10, type: "date", required: false))
        <label>\(OutboundText.stage(lang))<select name="stage">\([OutboundStage.consulting, .preparingFilings].map { Markup.option($0.rawValue, $0.label.text(lang), selected: f.stage) })</select></label>
        <fieldset class="checks"><legend>\(OutboundText.financing(lang))</legend>\(financing)</fieldset>
        <fieldset class="checks"><legend>\(OutboundText.sensitiveActivities(lang))</legend>\(activities)</fieldset>
        <p class="actions"><button class="btn">\(OutboundText.record(lang))</button></p>
        </form>
        """
        return ConsolePage(title: OutboundText.newProject(lang), section: .outbound, body: body, status: error == nil ? .ok : .badRequest)
    }

    static func create(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user()
        let f = try req.form(Fields.self)
        do {
            guard let firm = try await ctx.park.enterprises.find(creditCode: f.credit_code.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw DomainError(code: "unknown_enterprise", field: "credit_code", en: "no enterprise with credit code \(f.credit_code.prefix(20)) in the register",
                                  zh: "名录中没有统一社会信用代码为 \(f.credit_code.prefix(20)) 的企业")
            }
            var agreed: LocalDate?
            if !f.agreed_on.isEmpty {
                guard let d = LocalDate(iso: f.agreed_on) else { throw DomainError(code: "invalid_date", field: "agreed_on", en: "agreed_on must be YYYY-MM-DD", zh: "约定日期格式应为 YYYY-MM-DD") }
                agreed = d
            }
            guard let form = InvestmentForm(rawValue: f.form) else { throw EnterpriseListRequest.bad("form", f.form) }
            guard let stage = OutboundStage(rawValue: f.stage) else { throw EnterpriseListRequest.bad("stage", f.stage) }
            let input = OutboundProjectInput(
                enterpriseID: firm.id!, title: f.title, countryCode: f.country, targetCompany: f.target_company.isEmpty ? nil : f.target_company,
                industryCode: f.industry_code, activities: (f.activities ?? []).compactMap(SensitiveActivity.init(rawValue:)), form: form,
                equityBasisPoints: try OutboundRules.basisPoints(f.equity_percent), amount: try ConvertedAmount.parse(f.amount, currency: f.currency),
                financing: (f.financing ?? ["own_funds"]).compactMap(FinancingSource.init(rawValue:)), stage: stage, agreedOn: agreed)
            let row = try await OutboundService(db: req.db, clock: ctx.park.clock).record(input, by: p)
            return req.redirect(to: .outbound(.project(.value(row.project.id!))))
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await render(ctx, f, error: e).response(ctx)
        }
    }
}
