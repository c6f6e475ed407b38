import ParkDomain
import ParkStore
import Vapor

/// Signing the Land Grant Contract with its Industry Development Agreement: contract terms
/// and up to eight commitment rows (the first four pre-filled with the park's usual kinds;
/// a row whose kind is left empty is ignored).
extension SaleForms {
    static let rows = 8
    static let template: [(CommitmentKind, CommitmentDirection, CommitmentMeasure, Bool, Int)] = [
        (.investmentIntensity, .atLeast, .latest, true, 30), (.productionStart, .byDate, .latest, true, 20),
        (.taxPerMu, .atLeast, .averageLastYears, true, 30), (.outputPerMu, .atLeast, .latest, false, 20),
    ]

    static func contractForm(_ l: Lease, csrf: String?, today: LocalDate, lang: Language) -> HTML {
        let id = l.id!
        let rowsHTML = (0..<rows).map { i -> HTML in
            let t = i < template.count ? template[i] : nil
            let kinds = [Markup.option("", "—", selected: t?.0.rawValue)] + CommitmentKind.allCases.map {
                Markup.option($0.rawValue, $0.label.text(lang), selected: t?.0.rawValue)
            }
            let dirs = CommitmentDirection.allCases.map { Markup.option($0.rawValue, $0.label.text(lang), selected: (t?.1 ?? .atLeast).rawValue) }
            let measures = CommitmentMeasure.allCases.map { Markup.option($0.rawValue, $0.label(years: 3).text(lang), selected: (t?.2 ?? .latest).rawValue) }
            return """
            <tr><td><select name="c\(i)_kind">\(kinds)</select></td><td><input name="c\(i)_label" maxlength="60"></td>
            <td><input type="number" step="any" min="0" name="c\(i)_target"></td><td><input type="date" name="c\(i)_target_date"></td>
            <td><select name="c\(i)_direction">\(dirs)</select></td><td><select name="c\(i)_measure">\(measures)</select></td>
            <td><input type="number" name="c\(i)_years" value="3" min="1" max="30"></td>
            <td><input type="checkbox" name="c\(i)_mandatory" value="1" \(t?.3 == true ? "checked" : "")></td>
            <td><input type="number" step="any" min="0" name="c\(i)_weight" value="\(t.map { String($0.4) } ?? "10")"></td></tr>
            """
        }
        return """
        <h2>\(LandText.contract(lang)) · \(LandText.agreement(lang))</h2>
        <form method="post" action="\(ConsoleURL.land(.contract(.value(id))))" class="stack">\(Markup.csrfField(csrf))
        <div class="filters">
        \(field("signed_on", LandText.signedOn(lang), type: "date", value: today.iso))\(field("start_date", LandText.startDate(lang), type: "date", value: today.iso))
        \(field("first_term_years", LandText.firstTerm(lang), value: "10"))\(field("max_total_years", LandText.maxTotal(lang), value: "30"))
        \(field("price_yuan", LandText.price(lang) + " (" + LandText.yuan(lang) + ")", value: String(l.auction.winningBidYuan)))</div>
        <div class="scroll"><table class="contract"><thead><tr><th>\(LandText.commitment(lang))</th><th>\(LandText.customLabel(lang))</th><th>\(LandText.target(lang))</th>
        <th>\(LandText.target(lang)) (\(LandText.targetDate(lang)))</th><th>\(LandText.direction(lang))</th><th>\(LandText.measure(lang))</th><th>k</th><th>\(LandText.mandatory(lang))</th><th>\(LandText.weight(lang))</th></tr></thead>
        <tbody>\(rowsHTML)</tbody></table></div>
        <p class="sub">\(LandText.contractUnits(lang))</p>
        <div><button class="btn">\(ConsoleText.save(lang))</button></div></form>
        """
    }

    static func contract(_ req: Request) async throws -> Response {
        try await leaseAction(req) { lease, p, ctx in
            func text(_ k: String) -> String? { (try? req.content.get(String.self, at: k)).flatMap { $0.isEmpty ? nil : $0 } }
            func number(_ k: String) throws(DomainError) -> Double? {
                guard let t = text(k) else { return nil }
                guard let v = Double(t), v.isFinite else {
                    throw DomainError(code: "invalid_number", field: k, en: "\(k) must be a number", zh: "\(k) 须为数字")
                }
                return v
            }
            func whole(_ k: String) throws(DomainError) -> Int64 {
                guard let t = text(k), let v = Int64(t) else {
                    throw DomainError(code: "invalid_number", field: k, en: "\(k) must be a whole number", zh: "\(k) 须为整数")
                }
                return v
            }
            var commitments: [Commitment] = []
            for i in 0..<rows {
                guard let kind = text("c\(i)_kind").flatMap(CommitmentKind.init(rawValue:)) else { continue }
                let direction = text("c\(i)_direction").flatMap(CommitmentDirection.init(rawValue:)) ?? .atLeast
                let target = try number("c\(i)_target")
                if direction != .byDate && target == nil { throw DomainError.required("c\(i)_target") }
                commitments.append(Commitment(
                    kind: kind, label: text("c\(i)_label") ?? "", target: target ?? 0,
                    targetDate: try text("c\(i)_target_date").map { d throws(DomainError) in try day(d, "c\(i)_target_date") },
                    direction: direction, measure: text("c\(i)_measure").flatMap(CommitmentMeasure.init(rawValue:)) ?? .latest,
                    years: Int(try number("c\(i)_years") ?? 1), mandatory: text("c\(i)_mandatory") != nil,
                    weight: try number("c\(i)_weight") ?? 0))
            }
            let contract = GrantContract(signedOn: try day(text("signed_on"), "signed_on"), startDate: try day(text("start_date"), "start_date"),
                                         firstTermYears: Int(try whole("first_term_years")), maxTotalYears: Int(try whole("max_total_years")),
                                         priceYuan: try whole("price_yuan"))
            _ = try await LeaseRepository(db: ctx.db, clock: ctx.park.clock).signContract(lease.id!, contract: contract, commitments: commitments, by: p)
        }
    }
}
