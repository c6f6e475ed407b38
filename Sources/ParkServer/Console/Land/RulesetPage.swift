import ParkDomain
import ParkStore
import Vapor

/// Assessment rulesets: every version with the active one marked; admins publish a new version.
enum RulesetPage {
    static func register(_ router: ConsoleRouter) {
        router.on(.land(.rulesets)) { req in try await render(req) }
        router.on(.land(.publishRuleset)) { req in try await publish(req) }
    }

    static func render(_ req: Request, notice: (ok: Bool, text: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireStaff()
        let layout = Layout(req)
        let lang = layout.lang
        let all = try await RulesetRepository(db: req.db).all()
        let active = all.first { $0.active }?.ruleset ?? .standard
        let zh = lang == .zh
        let rows = all.map { s -> HTML in
            let r = s.ruleset
            return """
            <tr><td>\(r.name) v\(r.version)\(s.active ? Markup.badge(zh ? "生效中" : "active", kind: "rd") : .empty)</td>
            <td class="num">\(Numbers.decimal(r.fullExtensionMinScore, digits: 1))</td><td class="num">\(Numbers.decimal(r.shortExtensionMinScore, digits: 1))</td>
            <td class="num">\(r.shortExtensionYears)</td><td class="num">\(Numbers.decimal(r.ratioCap))</td>
            <td>\(r.mandatoryRequiredForFull ? ConsoleText.yes(lang) : ConsoleText.no(lang))</td><td class="num">\(r.windowMonths)</td><td>\(s.createdBy)</td></tr>
            """
        }
        let head: HTML = """
        <tr><th>\(zh ? "规则集" : "Ruleset")</th><th class="num">\(zh ? "续期至最长年限分数线" : "Full extension from score")</th>
        <th class="num">\(zh ? "缩短续期分数线" : "Short extension from score")</th><th class="num">\(zh ? "缩短续期年限" : "Short extension (years)")</th>
        <th class="num">\(zh ? "完成率计分上限" : "Ratio cap")</th><th>\(zh ? "须约束性指标全部达标" : "Mandatory required for full")</th>
        <th class="num">\(zh ? "评估窗口（月）" : "Window (months)")</th><th>\(zh ? "发布人" : "Published by")</th></tr>
        """
        let form: HTML = p.role != .admin ? .empty : """
        <section class="card"><h2>\(zh ? "发布新版本（立即生效）" : "Publish a new version (takes effect at once)")</h2>
        <form method="post" action="/land/rulesets" class="filters">\(Markup.csrfField(layout.csrf))
        <label>\(zh ? "名称" : "Name")<input name="name" value="\(active.name)" required maxlength="40"></label>
        \(SaleForms.field("full_extension_min_score", zh ? "续期至最长年限分数线" : "Full extension from score", value: Numbers.decimal(active.fullExtensionMinScore)))
        \(SaleForms.field("short_extension_min_score", zh ? "缩短续期分数线" : "Short extension from score", value: Numbers.decimal(active.shortExtensionMinScore)))
        \(SaleForms.field("short_extension_years", zh ? "缩短续期年限" : "Short extension (years)", value: String(active.shortExtensionYears)))
        \(SaleForms.field("ratio_cap", zh ? "完成率计分上限" : "Ratio cap", value: Numbers.decimal(active.ratioCap)))
        \(SaleForms.field("window_months", zh ? "评估窗口（月）" : "Window (months)", value: String(active.windowMonths)))
        <label class="check"><input type="checkbox" name="mandatory_required_for_full" value="1" \(active.mandatoryRequiredForFull ? "checked" : "")>\(zh ? "须约束性指标全部达标" : "Mandatory required for full")</label>
        <button class="btn">\(zh ? "发布" : "Publish")</button></form></section>
        """
        let noticeHTML: HTML = notice.map { "<div class=\"notice \($0.ok ? "ok" : "bad")\">\($0.text)</div>" } ?? .empty
        let body: HTML = """
        <p><a href="/land">← \(LandText.land(lang))</a></p><h1>\(zh ? "履约评估规则集" : "Assessment rulesets")</h1>\(noticeHTML)
        <section class="card flush"><table><thead>\(head)</thead><tbody>\(rows)</tbody></table></section>\(form)
        """
        return layout.response(zh ? "评估规则集" : "Rulesets", .land, body, status: status)
    }

    static func publish(_ req: Request) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        try p.requireAdmin()
        try ConsoleRoutes.checkCSRF(req)
        let lang = RequestContext.current.language
        func num(_ k: String) throws(DomainError) -> Double {
            guard let t = try? req.content.get(String.self, at: k), let v = Double(t.replacingOccurrences(of: ",", with: "")) else {
                throw DomainError(code: "invalid_number", field: k, en: "\(k) must be a number", zh: "\(k) 须为数字")
            }
            return v
        }
        do {
            let r = AssessmentRuleset(name: (try? req.content.get(String.self, at: "name")) ?? "", version: 0,
                                      fullExtensionMinScore: try num("full_extension_min_score"), shortExtensionMinScore: try num("short_extension_min_score"),
                                      shortExtensionYears: Int(try num("short_extension_years")), ratioCap: try num("ratio_cap"),
                                      mandatoryRequiredForFull: (try? req.content.get(String.self, at: "mandatory_required_for_full")) != nil,
                                      windowMonths: Int(try num("window_months")))
            let saved = try await RulesetRepository(db: req.db, clock: req.park.clock).publish(r, by: p)
            return try await render(req, notice: (true, "\(saved.name) v\(saved.version)"))
        } catch let e as DomainError where e.kind == .invalid {
            return try await render(req, notice: (false, (e.field.map { "\($0): " } ?? "") + e.message.text(lang)), status: .badRequest)
        }
    }
}
