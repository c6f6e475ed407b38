import Foundation
import ParkDomain
import ParkStore

/// An enterprise's per-mu scorecard, as staff and the enterprise itself see it: the headline
/// (total, ranks, grade, last year's grade), each indicator against its benchmark with the
/// trace of its points, the treatments, and the shortfalls with the costliest first.
struct PerMuScorecardView {
    /// Who is looking: staff see the unit's lead and merged members; an enterprise sees itself.
    enum Viewer {
        case staff(names: [UUID: Bilingual])
        case enterprise(id: UUID, name: String)
    }

    let card: PerMuScorecard
    let viewer: Viewer
    let clusterNames: [String: String]
    let lang: Language

    func render() -> HTML {
        "\(headline())\(indicators())<div class=\"grid g2\">\(shortfalls())\(treatments())</div>\(members())"
    }

    private var isStaff: Bool { if case .staff = viewer { return true } else { return false } }

    func headline() -> HTML {
        let r = card.result, s = card.stored, run = card.run
        let name: String
        switch viewer {
        case .staff: name = PerMuRequest.enterpriseName(zh: s.nameZh, en: s.nameEn, lang)
        case .enterprise(_, let own): name = own
        }
        let scheme = PerMuFormat.schemeName(card.scheme.name, card.scheme.version, lang)
        let schemeHTML: HTML = isStaff ? "<a href=\"\(ConsoleURL.permu(.scheme(.value(run.schemeID))))\">\(scheme)</a>" : "\(scheme)"
        var facts: [(String, HTML)] = [
            (PerMuText.year(lang), "\(String(run.year)) · \(run.state.label.text(lang))"),
            (PerMuText.scheme(lang), schemeHTML),
            (PerMuText.group(lang), "\(r.group.name.text(lang))"),
            (ConsoleText.cluster(lang), "\(r.cluster.map { clusterNames[$0] ?? $0 } ?? "—")"),
            (LandText.subArea(lang), "\(r.subArea.map { SubArea.label($0).text(lang) } ?? "—")"),
            (PerMuText.landMu(lang), "\(PerMuFormat.mu(r.landMu, lang))"),
            (PerMuText.status(lang), "\(r.status.label.text(lang))"),
        ]
        if isStaff { facts.insert((ConsoleText.creditCode(lang), "<span class=\"mono\">\(s.creditCode)</span>"), at: 0) }
        if let reason = r.reason { facts.append((ConsoleText.reason(lang), "\(reason.text(lang))")) }
        if case .enterprise(let id, _) = viewer, r.enterpriseId != id || r.members.count > 1 {
            facts.append((PerMuText.evaluatedEnterprise(lang), "\(PerMuText.mergedWithOthers(lang))"))
        }
        let rank: HTML = r.parkRank.map { "\($0)<span class=\"sub\"> / \(r.poolSize ?? 0)</span>" } ?? "—"
        let tiles: [(String, HTML)] = [
            (PerMuText.total(lang), "\(PerMuFormat.score(r.total))"),
            (PerMuText.parkRank(lang), rank),
            (PerMuText.clusterRank(lang), "\(r.clusterRank.map(String.init) ?? "—")"),
            (PerMuText.grade(lang), PerMuFormat.gradeBadge(r.grade, lang, long: true)),
            (PerMuText.lastYearGrade(lang), PerMuFormat.gradeBadge(r.previousGrade, lang, long: true)),
            (PerMuText.consecutiveYears(lang), "\(r.grade == nil ? "—" : String(r.consecutiveYears))"),
        ]
        return """
        <h1>\(name) · \(PerMuText.scorecard(lang)) \(String(run.year))</h1>
        <div class="grid g6">\(tiles.map { k, v -> HTML in "<div class=\"stat\"><div class=\"v\">\(v)</div><div class=\"k\">\(k)</div></div>" })</div>
        <section class="card"><dl class="facts">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>
        <p class="conclusion"><b>\(PerMuText.summaryText(lang))</b>\(PerMuFormat.colon(lang))\(r.explanation.text(lang))</p></section>
        """
    }

    func indicators() -> HTML {
        let r = card.result
        guard !r.indicators.isEmpty else { return .empty }
        let rows = r.indicators.map { l -> HTML in
            """
            <tr><td><b>\(l.indicator.name.text(lang))</b><div class="sub">\(l.indicator.definition.text(lang))</div></td>
            <td class="num nowrap">\(PerMuFormat.value(l.value, l.indicator, lang))</td>
            <td class="num nowrap">\(PerMuFormat.value(l.benchmark, l.indicator, lang))</td>
            <td class="num">\(Numbers.trimmed(l.score))</td><td class="num">\(Numbers.trimmed(l.weight))</td>
            <td class="num"><b>\(Numbers.decimal(l.points, digits: 2))</b></td>
            <td class="trace">\(l.explanation.text(lang))\(l.missingRule.map { r -> HTML in "<div class=\"sub\">\(PerMuText.missingRule(lang))\(PerMuFormat.colon(lang))\(r.label.text(lang))</div>" } ?? .empty)</td></tr>
            """
        }
        return """
        <section class="card flush"><h2 class="pad">\(PerMuText.indicator(lang)) · \(PerMuText.trace(lang))</h2><div class="scroll"><table><thead><tr>
        <th>\(PerMuText.indicator(lang))</th><th class="num">\(PerMuText.value(lang))</th><th class="num">\(PerMuText.benchmark(lang))</th>
        <th class="num">\(PerMuText.normalisedScore(lang))</th><th class="num">\(PerMuText.weight(lang))</th><th class="num">\(PerMuText.points(lang))</th><th>\(PerMuText.trace(lang))</th>
        </tr></thead><tbody>\(rows)</tbody>
        <tfoot><tr><th colspan="5">\(PerMuText.total(lang))</th><th class="num">\(PerMuFormat.score(r.total))</th><th></th></tr></tfoot></table></div></section>
        """
    }

    func treatments() -> HTML {
        let list = card.result.treatments
        let items = list.map { t -> HTML in
            let rate: String = t.rate.map { "\(Numbers.trimmed($0)) \(t.kind.unit.text(lang))" } ?? ""
            let amount: String = t.electricitySurchargeYuan.map { " · " + PerMuFormat.money(yuan: $0, lang) } ?? ""
            return "<li><b>\(t.kind.label.text(lang))</b> \(rate)\(amount)<div class=\"sub\">\(t.explanation.text(lang))</div></li>"
        }
        let content: HTML = list.isEmpty ? "<p class=\"sub\">\(PerMuText.noTreatment(lang))</p>" : "<ul class=\"notes\">\(items)</ul>"
        return "<section class=\"card\"><h2>\(PerMuText.treatments(lang))</h2>\(content)</section>"
    }

    func shortfalls() -> HTML {
        let list = card.shortfalls
        let title = isStaff ? PerMuText.shortfalls(lang) : PerMuText.improve(lang)
        guard card.result.status == .graded else { return "<section class=\"card\"><h2>\(title)</h2><p class=\"sub\">—</p></section>" }
        guard !list.isEmpty else { return "<section class=\"card\"><h2>\(title)</h2><p class=\"ok\">\(PerMuText.noShortfall(lang))</p></section>" }
        let items = list.enumerated().map { i, s -> HTML in
            let top: HTML = i == 0 ? Markup.badge(PerMuText.costsMost(lang), kind: "off") : .empty
            let target: HTML = s.targetValue.map { t -> HTML in
                "<div class=\"sub\">\(PerMuText.value(lang)) \(PerMuFormat.value(s.value, s.indicator, lang)) → \(PerMuText.benchmark(lang)) \(PerMuFormat.value(t, s.indicator, lang))</div>"
            } ?? .empty
            return """
            <li class="\(i == 0 ? "shortfall top" : "shortfall")"><b>\(s.indicator.name.text(lang))</b> \(top)
            <span class="lost">−\(Numbers.decimal(s.points, digits: 2)) \(PerMuText.pointsUnit(lang))</span>
            <div>\(s.explanation.text(lang))</div>\(target)</li>
            """
        }
        return "<section class=\"card\"><h2>\(title)</h2><ol class=\"shortfalls\">\(items)</ol></section>"
    }

    func members() -> HTML {
        guard case .staff(let names) = viewer, card.result.members.count > 1 else { return .empty }
        let rows = card.result.members.map { m -> HTML in
            let n = names[m.enterpriseId].map { PerMuRequest.enterpriseName(zh: $0.zh, en: $0.en, lang) } ?? m.enterpriseId.uuidString
            return """
            <tr><td><a href="\(ConsoleURL.enterprises(.detail(.value(m.enterpriseId))))">\(n)</a></td><td class="num">\(PerMuFormat.mu(m.landMu, lang))</td>
            <td class="num">\(m.electricityKWh.map { Numbers.measure($0, .kWh, lang) } ?? "—")</td>
            <td class="num">\(PerMuFormat.money(yuan: m.electricitySurchargeYuan, lang))</td></tr>
            """
        }
        return """
        <section class="card flush"><h2 class="pad">\(PerMuText.members(lang))</h2><table><thead><tr><th>\(ConsoleText.enterprise(lang))</th>
        <th class="num">\(PerMuText.landMu(lang))</th><th class="num">\(LandText.electricity(lang))</th><th class="num">\(PerMuText.surcharge(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table></section>
        """
    }
}
