import ParkDomain
import ParkStore
import Vapor

/// One lease: timeline, contract, agreement, yearly reports with their corrections, KPI charts,
/// the latest assessment, and the actions open to the viewer (staff move the life cycle;
/// the enterprise files its yearly report).
enum LeasePage {
    struct Loaded {
        var lease: Lease
        var parcel: Parcel
        var enterprise: String
    }

    static func load(_ req: Request, _ p: Principal, _ lang: Language) async throws -> Loaded {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let lease = try await LeaseRepository(db: req.db).find(id), p.canRead(enterprise: lease.enterpriseID),
              let parcel = try await ParcelRepository(db: req.db).find(lease.parcelID) else {
            throw DomainError.notFound(lang == .zh ? "出让" : "lease", id: req.parameters.get("id") ?? "")
        }
        return Loaded(lease: lease, parcel: parcel, enterprise: try await LandView.enterpriseName(req, lease.enterpriseID, lang))
    }

    static func render(_ req: Request, notice: (ok: Bool, text: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try ConsoleRoutes.requireLogin(req)
        let layout = Layout(req)
        let lang = layout.lang
        let x = try await load(req, p, lang)
        let lease = x.lease
        let history = try await ReportRepository(db: req.db).history(leaseID: lease.id!)
        let reports = try await ReportRepository(db: req.db).current(leaseID: lease.id!)
        let assessment = try await AssessmentRepository(db: req.db).latest(leaseID: lease.id!)
        let today = req.park.today
        let noticeHTML: HTML = notice.map { "<div class=\"notice \($0.ok ? "ok" : "bad")\">\($0.text)</div>" } ?? .empty
        let body: HTML = """
        <p><a href="/parcels/\(x.parcel.id!.uuidString)">← \(LandText.parcel(lang)) \(x.parcel.code)</a></p>
        <h1>\(LandText.lease(lang)) · \(x.parcel.code) · \(x.enterprise)</h1>\(noticeHTML)
        <section class="card"><h2>\(LandText.timeline(lang)) <span class="badge">\(lease.state.label.text(lang))</span></h2>\(timeline(lease, today: today, windowMonths: try await RulesetRepository(db: req.db).active().windowMonths, lang: lang))</section>
        <div class="grid g2">
        <section class="card"><h2>\(LandText.contract(lang))</h2>\(contractFacts(lease, x.parcel, lang: lang))</section>
        <section class="card"><h2>\(LandText.agreement(lang))</h2>\(agreement(lease, lang: lang))</section>
        </div>
        <section class="card"><h2>\(LandText.kpiCharts(lang))</h2><div class="kpi">\(charts(lease, reports: reports, areaMu: x.parcel.computedAreaMu, lang: lang))</div></section>
        <section class="card"><h2>\(LandText.reports(lang))</h2>\(reportTable(history, lang: lang))</section>
        \(assessmentSummary(lease, assessment, p, lang: lang))
        \(actions(lease, p, csrf: layout.csrf, lang: lang, calendar: try await LeaseRepository(db: req.db).calendar(), today: today))
        """
        return layout.response(LandText.lease(lang), p.isStaff ? .land : .enterprises, body, status: status)
    }

    static func timeline(_ l: Lease, today: LocalDate, windowMonths: Int, lang: Language) -> HTML {
        var steps: [(String, LocalDate?)] = [(LandText.auctionDate(lang), l.auction.date), (LandText.confirmedOn(lang), l.auction.confirmedOn)]
        if let c = l.contract {
            steps += [(LandText.signedOn(lang), c.signedOn), (LandText.startDate(lang), c.startDate),
                      (LandText.windowOpens(lang), c.assessmentWindowOpens(months: windowMonths)),
                      (LandText.firstTermEnd(lang), c.firstTermEnd)]
            if l.extensionYears > 0 { steps.append((LandText.endDate(lang), c.endDate(extensionYears: l.extensionYears))) }
        }
        let items = steps.map { name, date -> HTML in
            "<div class=\"\((date.map { $0 > today } ?? true) ? "future" : "")\"><b>\(name)</b>\(date?.iso ?? "—")</div>"
        }
        return "<div class=\"timeline\">\(items)</div>"
    }

    static func contractFacts(_ l: Lease, _ parcel: Parcel, lang: Language) -> HTML {
        let a = l.auction
        var rows: [(LandText, String)] = [(.auctionDate, a.date.iso), (.reservePrice, Fmt.yuan(a.reservePriceYuan, lang)),
                                   (.winningBid, Fmt.yuan(a.winningBidYuan, lang)), (.deposit, Fmt.yuan(a.depositYuan, lang)),
                                   (.computedArea, Fmt.area(parcel.computedAreaM2, lang))]
        if let c = l.contract {
            rows += [(.signedOn, c.signedOn.iso), (.startDate, c.startDate.iso), (.firstTerm, "\(c.firstTermYears) \(LandText.years(lang))"),
                     (.maxTotal, "\(c.maxTotalYears) \(LandText.years(lang))"), (.price, Fmt.yuan(c.priceYuan, lang)),
                     (.extensionTerm, "\(l.extensionYears) \(LandText.years(lang))"), (.endDate, c.endDate(extensionYears: l.extensionYears).iso)]
        }
        return "<dl class=\"facts\">\(rows.map { k, v -> HTML in "<dt>\(k(lang))</dt><dd>\(v)</dd>" })</dl>"
    }

    static func agreement(_ l: Lease, lang: Language) -> HTML {
        guard !l.commitments.isEmpty else { return "<p class=\"sub\">—</p>" }
        let rows = l.commitments.map { c -> HTML in
            let target = c.direction == .byDate ? (c.targetDate?.iso ?? "—") : Fmt.value(c.target, kind: c.kind)
            return """
            <tr><td>\(c.kind == .custom ? c.label : c.kind.label.text(lang))</td><td>\(c.direction.label.text(lang)) \(target)</td>
            <td>\(c.measure.label(years: c.years).text(lang))</td><td>\(c.mandatory ? ConsoleText.yes(lang) : ConsoleText.no(lang))</td><td class="num">\(Numbers.decimal(c.weight, digits: 0))</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(LandText.commitment(lang))</th><th>\(LandText.target(lang))</th><th>\(LandText.measure(lang))</th><th>\(LandText.mandatory(lang))</th><th class="num">\(LandText.weight(lang))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    static func charts(_ l: Lease, reports: [PerformanceReport], areaMu: Double, lang: Language) -> HTML {
        let parts = l.commitments.filter { $0.direction != .byDate }.map { c -> HTML in
            KPIChart.render(title: c.kind == .custom ? c.label : c.kind.label.text(lang),
                            series: AssessmentEngine.yearlySeries(c, reports: reports, areaMu: areaMu),
                            target: c.target, atMost: c.direction == .atMost, lang: lang)
        }
        return "\(parts)"
    }

    static func reportTable(_ history: [ReportRepository.Version], lang: Language) -> HTML {
        guard !history.isEmpty else { return "<p class=\"sub\">\(LandText.noReports(lang))</p>" }
        let latest = Dictionary(history.map { ($0.report.year, $0.version) }, uniquingKeysWith: max)
        let rows = history.reversed().map { v -> HTML in
            let r = v.report
            let superseded = latest[r.year] != v.version
            return """
            <tr class="\(superseded ? "superseded" : "current")"><td>\(String(r.year))</td><td class="num">v\(v.version)</td>
            <td class="num">\(Numbers.count(r.investmentToDateYuan))</td><td>\(r.productionStartDate?.iso ?? "—")</td>
            <td class="num">\(Numbers.count(r.taxPaidYuan))</td><td class="num">\(Numbers.count(r.revenueYuan))</td><td class="num">\(Numbers.count(r.valueAddedYuan))</td>
            <td class="num">\(Numbers.count(r.rdSpendYuan))</td><td class="num">\(Numbers.decimal(r.energyTonnesCoal, digits: 1))</td>
            <td class="num">\(r.averageEmployees)</td><td>\(r.source.label.text(lang))</td><td>\(v.reason.isEmpty ? "" : v.reason)</td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(LandText.year(lang))</th><th>\(LandText.versions(lang))</th><th class="num">\(LandText.investmentToDate(lang))</th>
        <th>\(LandText.productionStart(lang))</th><th class="num">\(LandText.tax(lang))</th><th class="num">\(LandText.revenue(lang))</th><th class="num">\(LandText.valueAdded(lang))</th>
        <th class="num">\(LandText.rdSpend(lang))</th><th class="num">\(LandText.energy(lang))</th><th class="num">\(LandText.employees(lang))</th><th>\(LandText.source(lang))</th><th>\(LandText.reason(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func assessmentSummary(_ l: Lease, _ a: AssessmentRepository.Stored?, _ p: Principal, lang: Language) -> HTML {
        guard let a else { return .empty }
        let decided: HTML = a.decision.map { d in
            "<p><strong>\(LandText.decision(lang)):</strong> \(d.kind.label.text(lang)) (\(d.extensionYears) \(LandText.years(lang))) · \(LandText.decidedBy(lang)) \(d.decidedBy) · \(d.decidedOn.iso)</p>"
        } ?? .empty
        return """
        <section class="card"><h2>\(LandText.assessmentResult(lang))</h2>
        <p>\(LandText.asOf(lang)) \(a.proposal.asOf.iso) · \(LandText.score(lang)) <strong>\(Numbers.decimal(a.proposal.score, digits: 1))</strong> · \(LandText.proposal(lang)): <strong>\(a.proposal.kind.label.text(lang))</strong></p>
        \(decided)<p><a href="/leases/\(l.id!.uuidString)/assessment">\(LandText.assessment(lang)) →</a></p></section>
        """
    }
}
