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
        <p><a href="/parcels/\(x.parcel.id!.uuidString)">← \(L.parcel(lang)) \(x.parcel.code)</a></p>
        <h1>\(L.lease(lang)) · \(x.parcel.code) · \(x.enterprise)</h1>\(noticeHTML)
        <section class="card"><h2>\(L.timeline(lang)) <span class="badge">\(lease.state.label.text(lang))</span></h2>\(timeline(lease, today: today, windowMonths: try await RulesetRepository(db: req.db).active().windowMonths, lang: lang))</section>
        <div class="grid g2">
        <section class="card"><h2>\(L.contract(lang))</h2>\(contractFacts(lease, x.parcel, lang: lang))</section>
        <section class="card"><h2>\(L.agreement(lang))</h2>\(agreement(lease, lang: lang))</section>
        </div>
        <section class="card"><h2>\(L.kpiCharts(lang))</h2><div class="kpi">\(charts(lease, reports: reports, areaMu: x.parcel.computedAreaMu, lang: lang))</div></section>
        <section class="card"><h2>\(L.reports(lang))</h2>\(reportTable(history, lang: lang))</section>
        \(assessmentSummary(lease, assessment, p, lang: lang))
        \(actions(lease, p, csrf: layout.csrf, lang: lang, calendar: try await LeaseRepository(db: req.db).calendar(), today: today))
        """
        return layout.response(L.lease(lang), p.isStaff ? .land : .enterprises, body, status: status)
    }

    static func timeline(_ l: Lease, today: LocalDate, windowMonths: Int, lang: Language) -> HTML {
        var steps: [(String, LocalDate?)] = [(L.auctionDate(lang), l.auction.date), (L.confirmedOn(lang), l.auction.confirmedOn)]
        if let c = l.contract {
            steps += [(L.signedOn(lang), c.signedOn), (L.startDate(lang), c.startDate),
                      (L.windowOpens(lang), c.assessmentWindowOpens(months: windowMonths)),
                      (L.firstTermEnd(lang), c.firstTermEnd)]
            if l.extensionYears > 0 { steps.append((L.endDate(lang), c.endDate(extensionYears: l.extensionYears))) }
        }
        let items = steps.map { name, date -> HTML in
            "<div class=\"\((date.map { $0 > today } ?? true) ? "future" : "")\"><b>\(name)</b>\(date?.iso ?? "—")</div>"
        }
        return "<div class=\"timeline\">\(items)</div>"
    }

    static func contractFacts(_ l: Lease, _ parcel: Parcel, lang: Language) -> HTML {
        let a = l.auction
        var rows: [(L, String)] = [(.auctionDate, a.date.iso), (.reservePrice, Fmt.yuan(a.reservePriceYuan, lang)),
                                   (.winningBid, Fmt.yuan(a.winningBidYuan, lang)), (.deposit, Fmt.yuan(a.depositYuan, lang)),
                                   (.computedArea, Fmt.area(parcel.computedAreaM2, lang))]
        if let c = l.contract {
            rows += [(.signedOn, c.signedOn.iso), (.startDate, c.startDate.iso), (.firstTerm, "\(c.firstTermYears) \(L.years(lang))"),
                     (.maxTotal, "\(c.maxTotalYears) \(L.years(lang))"), (.price, Fmt.yuan(c.priceYuan, lang)),
                     (.extensionTerm, "\(l.extensionYears) \(L.years(lang))"), (.endDate, c.endDate(extensionYears: l.extensionYears).iso)]
        }
        return "<dl class=\"facts\">\(rows.map { k, v -> HTML in "<dt>\(k(lang))</dt><dd>\(v)</dd>" })</dl>"
    }

    static func agreement(_ l: Lease, lang: Language) -> HTML {
        guard !l.commitments.isEmpty else { return "<p class=\"sub\">—</p>" }
        let rows = l.commitments.map { c -> HTML in
            let target = c.direction == .byDate ? (c.targetDate?.iso ?? "—") : Fmt.value(c.target, kind: c.kind)
            return """
            <tr><td>\(c.kind == .custom ? c.label : c.kind.label.text(lang))</td><td>\(c.direction.label.text(lang)) \(target)</td>
            <td>\(c.measure.label(years: c.years).text(lang))</td><td>\(c.mandatory ? T.yes(lang) : T.no(lang))</td><td class="num">\(Fmt.number(c.weight, digits: 0))</td></tr>
            """
        }
        return """
        <table><thead><tr><th>\(L.commitment(lang))</th><th>\(L.target(lang))</th><th>\(L.measure(lang))</th><th>\(L.mandatory(lang))</th><th class="num">\(L.weight(lang))</th></tr></thead><tbody>\(rows)</tbody></table>
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
        guard !history.isEmpty else { return "<p class=\"sub\">\(L.noReports(lang))</p>" }
        let latest = Dictionary(history.map { ($0.report.year, $0.version) }, uniquingKeysWith: max)
        let rows = history.reversed().map { v -> HTML in
            let r = v.report
            let superseded = latest[r.year] != v.version
            return """
            <tr class="\(superseded ? "superseded" : "current")"><td>\(String(r.year))</td><td class="num">v\(v.version)</td>
            <td class="num">\(Fmt.grouped(r.investmentToDateYuan))</td><td>\(r.productionStartDate?.iso ?? "—")</td>
            <td class="num">\(Fmt.grouped(r.taxPaidYuan))</td><td class="num">\(Fmt.grouped(r.revenueYuan))</td><td class="num">\(Fmt.grouped(r.valueAddedYuan))</td>
            <td class="num">\(Fmt.grouped(r.rdSpendYuan))</td><td class="num">\(Fmt.number(r.energyTonnesCoal, digits: 1))</td>
            <td class="num">\(r.averageEmployees)</td><td>\(r.source.label.text(lang))</td><td>\(v.reason.isEmpty ? "" : v.reason)</td></tr>
            """
        }
        return """
        <div class="scroll"><table><thead><tr><th>\(L.year(lang))</th><th>\(L.versions(lang))</th><th class="num">\(L.investmentToDate(lang))</th>
        <th>\(L.productionStart(lang))</th><th class="num">\(L.tax(lang))</th><th class="num">\(L.revenue(lang))</th><th class="num">\(L.valueAdded(lang))</th>
        <th class="num">\(L.rdSpend(lang))</th><th class="num">\(L.energy(lang))</th><th class="num">\(L.employees(lang))</th><th>\(L.source(lang))</th><th>\(L.reason(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func assessmentSummary(_ l: Lease, _ a: AssessmentRepository.Stored?, _ p: Principal, lang: Language) -> HTML {
        guard let a else { return .empty }
        let decided: HTML = a.decision.map { d in
            "<p><strong>\(L.decision(lang)):</strong> \(d.kind.label.text(lang)) (\(d.extensionYears) \(L.years(lang))) · \(L.decidedBy(lang)) \(d.decidedBy) · \(d.decidedOn.iso)</p>"
        } ?? .empty
        return """
        <section class="card"><h2>\(L.assessmentResult(lang))</h2>
        <p>\(L.asOf(lang)) \(a.proposal.asOf.iso) · \(L.score(lang)) <strong>\(Fmt.number(a.proposal.score, digits: 1))</strong> · \(L.proposal(lang)): <strong>\(a.proposal.kind.label.text(lang))</strong></p>
        \(decided)<p><a href="/leases/\(l.id!.uuidString)/assessment">\(L.assessment(lang)) →</a></p></section>
        """
    }
}
