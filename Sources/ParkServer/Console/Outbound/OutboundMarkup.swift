import Foundation
import ParkDomain
import ParkStore

/// Small pieces the outbound pages share: badges for states and grades, names of codes.
enum OutboundMarkup {
    static func stage(_ s: OutboundStage, _ lang: Language) -> HTML {
        Markup.badge(s.label.text(lang), kind: s == .abandoned ? "off" : (s == .operating || s == .fundsRemitted ? "rd" : ""))
    }

    static func filingState(_ s: FilingState, _ lang: Language) -> HTML {
        Markup.badge(s.label.text(lang), kind: s == .granted ? "rd" : (s == .refused || s == .lapsed ? "off" : (s == .submitted ? "f500" : "")))
    }

    /// A Sinosure grade as a coloured badge: 1–3 green, 4–6 amber, 7–9 red.
    static func grade(_ g: Int?, _ lang: Language) -> HTML {
        guard let g else { return "—" }
        let kind = g <= 2 ? "grade-a" : g <= 3 ? "grade-b" : g <= 6 ? "grade-c" : "grade-d"
        return Markup.badge("\(g) · \(CountryRisk.label(g).text(lang))", kind: kind)
    }

    static func country(_ code: String, _ lang: Language) -> String {
        "\(Country.named(code)?.name.text(lang) ?? code)"
    }

    static func countryLink(_ code: String, _ lang: Language, staff: Bool) -> HTML {
        staff ? "<a href=\"\(ConsoleURL.outbound(.country(.value(code))))\">\(country(code, lang))</a>" : "\(country(code, lang))"
    }

    static func industry(_ code: String, _ lang: Language) -> String {
        IndustryClassification.division(code).map { "\(code) \($0.name.text(lang))" } ?? code
    }

    static func day(_ d: LocalDate?) -> String { d?.iso ?? "—" }

    /// Amounts: the original, then US$ and yuan at the month's rate.
    static func amount(_ a: ConvertedAmount, _ lang: Language) -> HTML {
        "\(a.currency) \(Numbers.count(a.original.minor / 100))<div class=\"sub\">\(Numbers.usd(cents: a.usdCents, lang)) · \(Numbers.yuan(fen: a.yuanFen, lang))</div>"
    }

    static func projectRows(_ rows: [OutboundProjectRow], _ lang: Language, staff: Bool) -> HTML {
        let out = rows.map { r -> HTML in
            let p = r.project
            return """
            <tr><td><a href="\(ConsoleURL.outbound(.project(.value(p.id!))))">\(p.title)</a><div class="sub">\(r.enterpriseName.text(lang))</div></td>
            <td>\(countryLink(p.countryCode, lang, staff: staff))\(p.beltAndRoad ? Markup.badge(OutboundText.beltAndRoadShort(lang), kind: "hq") : .empty)</td>
            <td>\(p.form.label.text(lang))<div class="sub">\(OutboundRules.percentText(p.equityBasisPoints)) %</div></td>
            <td class="num">\(amount(p.amount, lang))</td><td class="nowrap">\(day(p.agreedOn))</td><td>\(stage(p.stage, lang))</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(OutboundText.project(lang))</th><th>\(OutboundText.country(lang))</th><th>\(OutboundText.form(lang))</th>
        <th class="num">\(OutboundText.amount(lang))</th><th>\(OutboundText.agreedOn(lang))</th><th>\(OutboundText.stage(lang))</th></tr></thead>
        <tbody>\(out)</tbody></table>
        """
    }

    static func filingRows(_ rows: [OutboundFilingRow], _ lang: Language, showFirm: Bool) -> HTML {
        let out = rows.map { r -> HTML in
            let f = r.filing
            let missing = f.missingDocuments.count
            return """
            <tr><td><a href="\(ConsoleURL.outbound(.project(.value(f.projectID))))">\(r.projectTitle)</a>\(showFirm ? "<div class=\"sub\">\(r.enterpriseName.text(lang))</div>" as HTML : .empty)</td>
            <td>\(f.kind.label.text(lang))<div class="sub">\(f.authority.label.text(lang))</div></td><td>\(filingState(f.state, lang))</td>
            <td class="nowrap">\(f.state == .granted ? day(f.lapsesOn) : day(f.dueOn))</td>
            <td>\(missing == 0 ? "—" : OutboundText.missingCount(lang, ["n": String(missing)]))</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(OutboundText.project(lang))</th><th>\(OutboundText.filing(lang))</th><th>\(OutboundText.state(lang))</th>
        <th>\(OutboundText.dueOrLapses(lang))</th><th>\(OutboundText.documents(lang))</th></tr></thead><tbody>\(out)</tbody></table>
        """
    }

    static func alertRows(_ rows: [OutboundAlertRow], _ lang: Language, csrf: String?, firm: Bool) -> HTML {
        let out = rows.map { a -> HTML in
            let scope = [a.alert.scope.countryCode.map { country($0, lang) }, a.alert.scope.industryCode.map { industry($0, lang) }].compactMap { $0 }.joined(separator: " · ")
            let right: HTML = firm
                ? (a.readAtMillis == nil
                   ? "<form method=\"post\" action=\"\(ConsoleURL.outbound(.readAlert(.value(a.alert.id!))))\" class=\"inline\">\(Markup.csrfField(csrf))<button class=\"btn small\">\(OutboundText.markRead(lang))</button></form>"
                   : "\(Markup.badge(OutboundText.read(lang), kind: "rd"))")
                : "<a href=\"\(ConsoleURL.outbound(.alert(.value(a.alert.id!))))\">\(OutboundText.readOf(lang, ["read": String(a.read), "total": String(a.recipients)]))</a>"
            return """
            <tr><td class="nowrap">\(a.alert.publishedOn.iso)</td><td><strong>\(a.alert.title.text(lang))</strong><div class="sub">\(a.alert.body.text(lang))</div></td>
            <td>\(scope)<div class="sub">\(a.alert.cause.label.text(lang))</div></td><td>\(right)</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(OutboundText.date(lang))</th><th>\(OutboundText.alert(lang))</th><th>\(OutboundText.scope(lang))</th>
        <th>\(firm ? OutboundText.state(lang) : OutboundText.receipts(lang))</th></tr></thead><tbody>\(out)</tbody></table>
        """
    }

    static func pager(_ page: Page<some Sendable>, _ url: ConsoleURL, _ params: [(String, String?)], _ lang: Language) -> HTML {
        func with(_ n: Int) -> [(String, String?)] { params.filter { $0.0 != "page" } + [("page", String(n))] }
        let prev: HTML = page.page > 1 ? "<a class=\"btn ghost small\" href=\"\(url.href(with(page.page - 1)))\">\(ConsoleText.previous(lang))</a>" : .empty
        let next: HTML = page.page < page.pageCount ? "<a class=\"btn ghost small\" href=\"\(url.href(with(page.page + 1)))\">\(ConsoleText.next(lang))</a>" : .empty
        return "<div class=\"toolbar\"><span>\(OutboundText.pageOf(lang, ["total": Numbers.count(page.total), "page": String(page.page), "pages": String(page.pageCount)]))</span><span class=\"pager\">\(prev)\(next)</span></div>"
    }
}
