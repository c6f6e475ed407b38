import ParkDomain
import ParkStore
import Vapor

/// Assessment rulesets: every version with the active one marked; admins publish a new version.
enum RulesetPage {
    struct Model {
        var all: [RulesetRepository.Stored]
        var canPublish: Bool
        var notice: Notice?

        var active: AssessmentRuleset { all.first { $0.active }?.ruleset ?? .standard }

        static func load(notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            Model(all: try await RulesetRepository(db: ctx.db).all(), canPublish: try ctx.user().role == .admin, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language
            let rows = m.all.map { s -> HTML in
                let r = s.ruleset
                return """
                <tr><td>\(r.name) v\(r.version)\(s.active ? Markup.badge(LandText.active(lang), kind: "rd") : .empty)</td>
                <td class="num">\(Numbers.decimal(r.fullExtensionMinScore, digits: 1))</td><td class="num">\(Numbers.decimal(r.shortExtensionMinScore, digits: 1))</td>
                <td class="num">\(r.shortExtensionYears)</td><td class="num">\(Numbers.decimal(r.ratioCap))</td>
                <td>\(r.mandatoryRequiredForFull ? ConsoleText.yes(lang) : ConsoleText.no(lang))</td><td class="num">\(r.windowMonths)</td><td>\(ConsoleText.author(s.createdBy, lang))</td></tr>
                """
            }
            let head: HTML = """
            <tr><th>\(LandText.ruleset(lang))</th><th class="num">\(LandText.fullExtensionFrom(lang))</th>
            <th class="num">\(LandText.shortExtensionFrom(lang))</th><th class="num">\(LandText.shortExtensionYears(lang))</th>
            <th class="num">\(LandText.ratioCap(lang))</th><th>\(LandText.mandatoryForFull(lang))</th>
            <th class="num">\(LandText.windowMonths(lang))</th><th>\(LandText.publishedBy(lang))</th></tr>
            """
            let active = m.active
            let form: HTML = !m.canPublish ? .empty : """
            <section class="card"><h2>\(LandText.publishVersion(lang))</h2>
            <form method="post" action="\(ConsoleURL.land(.publishRuleset))" class="filters">\(Markup.csrfField(ctx.csrf))
            <label>\(LandText.name(lang))<input name="name" value="\(active.name)" required maxlength="40"></label>
            \(SaleForms.field("full_extension_min_score", LandText.fullExtensionFrom(lang), value: Numbers.decimal(active.fullExtensionMinScore)))
            \(SaleForms.field("short_extension_min_score", LandText.shortExtensionFrom(lang), value: Numbers.decimal(active.shortExtensionMinScore)))
            \(SaleForms.field("short_extension_years", LandText.shortExtensionYears(lang), value: String(active.shortExtensionYears)))
            \(SaleForms.field("ratio_cap", LandText.ratioCap(lang), value: Numbers.decimal(active.ratioCap)))
            \(SaleForms.field("window_months", LandText.windowMonths(lang), value: String(active.windowMonths)))
            <label class="check"><input type="checkbox" name="mandatory_required_for_full" value="1" \(active.mandatoryRequiredForFull ? "checked" : "")>\(LandText.mandatoryForFull(lang))</label>
            <button class="btn">\(LandText.publish(lang))</button></form></section>
            """
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.overview))">← \(LandText.land(lang))</a></p><h1>\(LandText.rulesetsTitle(lang))</h1>\(m.notice.html)
            <section class="card flush"><table><thead>\(head)</thead><tbody>\(rows)</tbody></table></section>\(form)
            """
            return ConsolePage(title: LandText.rulesets(lang), section: .land, body: body, status: status)
        }
    }

    static func register(_ router: ConsoleRouter) {
        router.page(.land(.rulesets)) { ctx, _ in View.render(try await Model.load(on: ctx), ctx) }
        router.on(.land(.publishRuleset)) { req in try await publish(req) }
    }

    struct PublishForm: Content {
        var name: String?; var full_extension_min_score: String?; var short_extension_min_score: String?; var short_extension_years: String?
        var ratio_cap: String?; var window_months: String?; var mandatory_required_for_full: String?
    }

    static func publish(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        func num(_ text: String?, _ k: String) throws(DomainError) -> Double {
            guard let t = text, let v = Double(t.replacingOccurrences(of: ",", with: "")), v.isFinite else {
                throw DomainError(code: "invalid_number", field: k, en: "\(k) must be a number", zh: "\(k) 须为数字")
            }
            return v
        }
        // a whole number within reason (Int(Double) traps beyond Int's range)
        func whole(_ text: String?, _ k: String) throws(DomainError) -> Int {
            let v = try num(text, k)
            guard v.rounded() == v, abs(v) <= 1_000_000, let i = Int(exactly: v) else {
                throw DomainError(code: "invalid_number", field: k, en: "\(k) must be a whole number", zh: "\(k) 须为整数")
            }
            return i
        }
        do {
            let f = try req.form(PublishForm.self)
            let r = AssessmentRuleset(name: f.name ?? "", version: 0,
                                      fullExtensionMinScore: try num(f.full_extension_min_score, "full_extension_min_score"),
                                      shortExtensionMinScore: try num(f.short_extension_min_score, "short_extension_min_score"),
                                      shortExtensionYears: try whole(f.short_extension_years, "short_extension_years"),
                                      ratioCap: try num(f.ratio_cap, "ratio_cap"),
                                      mandatoryRequiredForFull: f.mandatory_required_for_full != nil,
                                      windowMonths: try whole(f.window_months, "window_months"))
            let saved = try await RulesetRepository(db: ctx.db, clock: ctx.park.clock).publish(r, by: try ctx.user())
            return View.render(try await Model.load(notice: Notice(ok: true, text: "\(saved.name) v\(saved.version)"), on: ctx), ctx).response(ctx)
        } catch let e as DomainError where e.kind == .invalid {
            return View.render(try await Model.load(notice: .refusal(e, ctx.language), on: ctx), ctx, status: .badRequest).response(ctx)
        }
    }
}
