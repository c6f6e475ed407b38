import Foundation
import ParkDomain
import ParkStore
import Vapor

/// The platform's statistics for a period (cumulative when no start is given), by country,
/// region, industry and form, with Belt and Road and the service log; CSV with the same choice.
enum OutboundStatsPage {
    struct Model {
        var stats: OutboundStats

        static func period(_ params: [String: String], today: LocalDate) throws(DomainError) -> (YearMonth?, YearMonth) {
            let from = try params["from"].flatMap { $0.isEmpty ? nil : $0 }.map { r throws(DomainError) in try YearMonth.parse(r, field: "from") }
            let to = try params["to"].flatMap { $0.isEmpty ? nil : $0 }.map { r throws(DomainError) in try YearMonth.parse(r, field: "to") } ?? YearMonth(today)
            return try OutboundStats.period(from: from, to: to)
        }

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let (from, to) = try period(params, today: ctx.today)
            return Model(stats: try await OutboundStatsQuery(db: ctx.db).run(from: from, to: to))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language, s = m.stats
            func tiles(_ t: OutboundTotals) -> HTML {
                """
                <div class="grid g4">
                <div class="stat"><div class="v">\(Numbers.count(t.firms))</div><div class="k">\(OutboundText.firmsServed(lang))</div></div>
                <div class="stat"><div class="v">\(Numbers.count(t.countries))</div><div class="k">\(OutboundText.countries(lang))</div></div>
                <div class="stat"><div class="v">\(Numbers.count(t.projects))</div><div class="k">\(OutboundText.projects(lang))</div></div>
                <div class="stat"><div class="v">\(Numbers.yuan(fen: t.yuanFen, lang))</div><div class="k">\(OutboundText.agreedInvestment(lang)) · \(Numbers.usd(cents: t.usdCents, lang))</div></div>
                </div>
                """
            }
            func table(_ title: String, _ rows: [OutboundBreakdownRow]) -> HTML {
                let yuan = Numbers.yuanColumn(fen: rows.map(\.totals.yuanFen), lang), usd = Numbers.usdColumn(cents: rows.map(\.totals.usdCents), lang)
                let lines = rows.map { r -> HTML in
                    "<tr><td>\(r.label.text(lang))</td><td class=\"num\">\(Numbers.count(r.totals.firms))</td><td class=\"num\">\(Numbers.count(r.totals.projects))</td><td class=\"num\">\(yuan(r.totals.yuanFen))</td><td class=\"num\">\(usd(r.totals.usdCents))</td></tr>"
                }
                return """
                <section class="card scroll"><h2>\(title)</h2><table><thead><tr><th></th><th class="num">\(OutboundText.firms(lang))</th><th class="num">\(OutboundText.projects(lang))</th>
                <th class="num">\(OutboundText.agreedYuan(lang))</th><th class="num">\(OutboundText.agreedUSD(lang))</th></tr></thead><tbody>\(lines)</tbody></table></section>
                """
            }
            let params: [(String, String?)] = [("from", s.from?.iso), ("to", s.to.iso)]
            let services = ServiceKind.allCases.map { "\($0.label.text(lang)) \(Numbers.count(s.services[$0] ?? 0))" }.joined(separator: " · ")
            let body: HTML = """
            <p class="sub"><a href="\(ConsoleURL.outbound(.board))">\(OutboundText.board(lang))</a></p>
            <h1>\(OutboundText.stats(lang))</h1>
            <form class="filters card" method="get" action="\(ConsoleURL.outbound(.stats))">
            <label>\(OutboundText.fromMonth(lang))\(Markup.monthSelect(name: "from", selected: s.from, last: YearMonth(ctx.today), count: 120, optional: true, lang))</label>
            <label>\(OutboundText.toMonth(lang))\(Markup.monthSelect(name: "to", selected: s.to, last: YearMonth(ctx.today), count: 120, lang))</label>
            <button class="btn">\(ConsoleText.apply(lang))</button>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.stats).href([("to", "2020-06")]))">\(OutboundText.byJune2020(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.stats).href([("from", "2020-01"), ("to", "2020-06")]))">\(OutboundText.h1of2020(lang))</a>
            <a class="btn ghost" href="\(ConsoleURL.outbound(.statsCSV).href(params))">\(ConsoleText.exportCSV(lang))</a>
            </form>
            <p class="sub">\(OutboundText.periodLine(lang, ["from": s.from?.iso ?? OutboundText.sinceStart(lang), "to": s.to.iso])) \(OutboundText.countingRule(lang))</p>
            \(tiles(s.total))
            <h2 class="spaced">\(OutboundText.beltAndRoad(lang))</h2>\(tiles(s.beltAndRoad))
            <p class="sub">\(OutboundText.serviceLog(lang))\(OutboundText.colon(lang))\(services) · \(OutboundText.firmsInLog(lang, ["n": Numbers.count(s.firmsServedByLog)]))</p>
            <div class="grid g2">\(table(OutboundText.byRegion(lang), s.byRegion))\(table(OutboundText.byForm(lang), s.byForm))</div>
            <div class="grid g2">\(table(OutboundText.byCountry(lang), s.byCountry))\(table(OutboundText.byIndustry(lang), s.byIndustry))</div>
            """
            return ConsolePage(title: OutboundText.stats(lang), section: .outbound, body: body)
        }
    }

    /// The same statistics as CSV: headers and names in the reader's language (`?format=machine`
    /// for snake_case and codes), with a BOM so Excel opens it as UTF-8.
    static func csv(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let params = req.queryParameters
        let (from, to) = try Model.period(params, today: ctx.today)
        let stats = try await OutboundStatsQuery(db: req.db).run(from: from, to: to)
        let text = "\u{FEFF}" + CSVWriter.lines(OutboundStatsCSV.rows(stats, params["format"] == "machine" ? nil : ctx.language), formulaGuard: true)
        let res = Response(body: .init(string: text))
        res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "outbound-stats-\(from?.iso ?? "start")-\(to.iso).csv")
        return res
    }
}

/// The service log (staff): consultations, trainings and matchmaking events, with the form to log one.
enum OutboundServicesPage {
    struct Model {
        var page: Page<OutboundServiceRow>

        static func load(_ params: [String: String], on ctx: PageContext) async throws -> Model {
            let n = Int(params["page"] ?? "1") ?? 1
            let page = try PageRequest(page: n, perPage: 50)
            return Model(page: try await OutboundRiskRepository(db: ctx.db).services(page: page.page, perPage: 50))
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext) -> ConsolePage {
            let lang = ctx.language
            let rows = m.page.items.map { r -> HTML in
                "<tr><td class=\"nowrap\">\(r.event.date.iso)</td><td>\(r.event.kind.label.text(lang))</td><td>\(r.event.topic)</td><td>\(r.event.platform)</td><td>\(r.event.countryCode.map { OutboundMarkup.country($0, lang) } ?? "—")</td><td class=\"num\">\(Numbers.count(r.firms))</td></tr>"
            }
            let form: HTML = """
            <form method="post" action="\(ConsoleURL.outbound(.logService))" class="card stack">\(Markup.csrfField(ctx.csrf))
            <h2>\(OutboundText.logEntry(lang))</h2>
            <label>\(OutboundText.kind(lang))<select name="kind">\(ServiceKind.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: "consultation") })</select></label>
            <label>\(OutboundText.date(lang))<input type="date" name="date" value="\(ctx.today.iso)" required></label>
            <label>\(OutboundText.topic(lang))<input name="topic" maxlength="200" required></label>
            <label>\(OutboundText.platform(lang))<input name="platform" maxlength="200"></label>
            <label>\(OutboundText.country(lang))<input name="country" maxlength="2" size="3"></label>
            <label>\(OutboundText.firmCodes(lang))<textarea name="credit_codes" rows="3" required></textarea></label>
            <p class="actions"><button class="btn">\(OutboundText.record(lang))</button></p></form>
            """
            let body: HTML = """
            <p class="sub"><a href="\(ConsoleURL.outbound(.board))">\(OutboundText.board(lang))</a></p>
            <h1>\(OutboundText.serviceLog(lang))</h1>
            \(OutboundMarkup.pager(m.page, .outbound(.services), [], lang))
            <div class="card flush scroll"><table><thead><tr><th>\(OutboundText.date(lang))</th><th>\(OutboundText.kind(lang))</th><th>\(OutboundText.topic(lang))</th>
            <th>\(OutboundText.platform(lang))</th><th>\(OutboundText.country(lang))</th><th class="num">\(OutboundText.firms(lang))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(form)
            """
            return ConsolePage(title: OutboundText.serviceLog(lang), section: .outbound, body: body)
        }
    }

    static func log(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        struct Form: Decodable { var kind: String; var date: String; var topic: String; var platform: String?; var country: String?; var credit_codes: String }
        let f = try req.form(Form.self)
        guard let kind = ServiceKind(rawValue: f.kind) else { throw EnterpriseListRequest.bad("kind", f.kind) }
        guard let date = LocalDate(iso: f.date) else { throw DomainError(code: "invalid_date", field: "date", en: "date must be YYYY-MM-DD", zh: "日期格式应为 YYYY-MM-DD") }
        let codes = f.credit_codes.split(whereSeparator: { ",;，； \n\r\t".contains($0) }).map { $0.uppercased() }
        if codes.count > 1000 { throw Bounds.outOfRange("credit_codes", 1...1000) }
        var ids: [UUID] = []
        for c in codes {
            guard let e = try await ctx.park.enterprises.find(creditCode: c) else {
                throw DomainError(code: "unknown_enterprise", field: "credit_codes", en: "no enterprise with credit code \(c.prefix(20))", zh: "名录中没有统一社会信用代码为 \(c.prefix(20)) 的企业")
            }
            ids.append(e.id!)
        }
        _ = try await OutboundService(db: req.db, clock: ctx.park.clock).logService(
            ServiceEvent(kind: kind, date: date, topic: f.topic, platform: f.platform ?? "", countryCode: f.country.flatMap { $0.isEmpty ? nil : $0.uppercased() },
                         enterpriseIDs: ids), by: try ctx.user())
        return req.redirect(to: .outbound(.services))
    }
}
