import ParkDomain
import ParkStore
import Vapor

/// One lease: timeline, contract, agreement, yearly reports with their corrections, KPI charts,
/// the latest assessment, and the actions open to the viewer (staff move the life cycle;
/// the enterprise files its yearly report).
enum LeasePage {
    /// A lease the reader may see, with its parcel and the holder's name (404 otherwise).
    struct Loaded {
        var lease: Lease
        var parcel: Parcel
        var enterprise: String

        static func load(_ id: UUID, on ctx: PageContext) async throws -> Loaded {
            guard let lease = try await LeaseRepository(db: ctx.db).find(id), try ctx.user().canRead(enterprise: lease.enterpriseID),
                  let parcel = try await ParcelRepository(db: ctx.db).find(lease.parcelID) else {
                throw Names.notFound(LandText.lease, id: id.uuidString)
            }
            let holder = try await ctx.park.enterprises.names([lease.enterpriseID])[lease.enterpriseID]
            return Loaded(lease: lease, parcel: parcel,
                          enterprise: holder.map { Names.enterprise(zh: $0.zh, en: $0.en, ctx.language) } ?? lease.enterpriseID.uuidString)
        }
    }

    struct Model {
        var loaded: Loaded
        var history: [ReportRepository.Version]
        var reports: [PerformanceReport]
        var assessment: AssessmentRepository.Stored?
        var windowMonths: Int
        var calendar: WorkingCalendar
        var isStaff: Bool
        var notice: Notice?

        static func load(_ id: UUID, notice: Notice? = nil, on ctx: PageContext) async throws -> Model {
            let x = try await Loaded.load(id, on: ctx)
            let reports = ReportRepository(db: ctx.db)
            return Model(loaded: x, history: try await reports.history(leaseID: id), reports: try await reports.current(leaseID: id),
                         assessment: try await AssessmentRepository(db: ctx.db).latest(leaseID: id),
                         windowMonths: try await RulesetRepository(db: ctx.db).active().windowMonths,
                         calendar: try await LeaseRepository(db: ctx.db).calendar(), isStaff: ctx.isStaff, notice: notice)
        }
    }

    enum View {
        static func render(_ m: Model, _ ctx: PageContext, status: HTTPResponseStatus = .ok) -> ConsolePage {
            let lang = ctx.language, x = m.loaded, lease = x.lease
            let body: HTML = """
            <p><a href="\(ConsoleURL.land(.parcel(.value(x.parcel.id!))))">← \(LandText.parcel(lang)) \(x.parcel.code)</a></p>
            <h1>\(LandText.lease(lang)) · \(x.parcel.code) · \(x.enterprise)</h1>\(m.notice.html)
            <section class="card"><h2>\(LandText.timeline(lang)) <span class="badge">\(lease.state.label.text(lang))</span></h2>\(LeasePage.timeline(lease, today: ctx.today, windowMonths: m.windowMonths, lang: lang))</section>
            <div class="grid g2">
            <section class="card"><h2>\(LandText.contract(lang))</h2>\(LeasePage.contractFacts(lease, x.parcel, lang: lang))</section>
            <section class="card"><h2>\(LandText.agreement(lang))</h2>\(LeasePage.agreement(lease, lang: lang))</section>
            </div>
            <section class="card"><h2>\(LandText.kpiCharts(lang))</h2><div class="kpi">\(LeasePage.charts(lease, reports: m.reports, areaMu: x.parcel.computedAreaMu, lang: lang))</div></section>
            <section class="card"><h2>\(LandText.reports(lang))</h2>\(LeasePage.reportTable(m.history, lang: lang))</section>
            \(LeasePage.assessmentSummary(lease, m.assessment, lang: lang))
            \(LeasePage.actions(m, ctx))
            """
            return ConsolePage(title: LandText.lease(lang), section: m.isStaff ? .land : .enterprises, body: body, status: status)
        }
    }

    /// The lease page again, with the outcome of a form on it.
    static func response(_ id: UUID, notice: Notice, status: HTTPResponseStatus = .ok, _ ctx: PageContext) async throws -> Response {
        View.render(try await Model.load(id, notice: notice, on: ctx), ctx, status: status).response(ctx)
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
            <tr><td>\(c.kind == .custom ? c.label : c.kind.label.text(lang))</td><td>\(c.direction.label.text(lang)) <span class="nowrap">\(target)</span></td>
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
        func column(_ value: (PerformanceReport) -> Int64) -> MoneyColumn { Numbers.yuanColumn(history.map { value($0.report) }, lang) }
        let investment = column(\.investmentToDateYuan), tax = column(\.taxPaidYuan), revenue = column(\.revenueYuan)
        let valueAdded = column(\.valueAddedYuan), rd = column(\.rdSpendYuan)
        let rows = history.reversed().map { v -> HTML in
            let r = v.report
            let superseded = latest[r.year] != v.version
            return """
            <tr class="\(superseded ? "superseded" : "current")"><td>\(String(r.year))</td><td class="num">v\(v.version)</td>
            <td class="num">\(investment.yuan(r.investmentToDateYuan))</td><td>\(r.productionStartDate?.iso ?? "—")</td>
            <td class="num">\(tax.yuan(r.taxPaidYuan))</td><td class="num">\(revenue.yuan(r.revenueYuan))</td><td class="num">\(valueAdded.yuan(r.valueAddedYuan))</td>
            <td class="num">\(rd.yuan(r.rdSpendYuan))</td><td class="num">\(Numbers.decimal(r.energyTonnesCoal, digits: 1))</td>
            <td class="num">\(Numbers.count(r.averageEmployees))</td><td>\(r.source.label.text(lang))</td><td>\(v.reason.isEmpty ? "" : v.reason)</td></tr>
            """
        }
        return """
        <div class="scroll"><table class="reports"><thead><tr><th>\(LandText.year(lang))</th><th>\(LandText.versions(lang))</th><th class="num">\(LandText.headInvestment(lang))</th>
        <th>\(LandText.productionStart(lang))</th><th class="num">\(LandText.headTax(lang))</th><th class="num">\(LandText.headRevenue(lang))</th><th class="num">\(LandText.headValueAdded(lang))</th>
        <th class="num">\(LandText.headRD(lang))</th><th class="num">\(LandText.energy(lang))</th><th class="num">\(LandText.employees(lang))</th><th>\(LandText.source(lang))</th><th>\(LandText.reason(lang))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func assessmentSummary(_ l: Lease, _ a: AssessmentRepository.Stored?, lang: Language) -> HTML {
        guard let a else { return .empty }
        let decided: HTML = a.decision.map { d in
            "<p><strong>\(LandText.decision(lang)):</strong> \(d.kind.label.text(lang)) (\(d.extensionYears) \(LandText.years(lang))) · \(LandText.decidedBy(lang)) \(d.decidedBy) · \(d.decidedOn.iso)</p>"
        } ?? .empty
        return """
        <section class="card"><h2>\(LandText.assessmentResult(lang))</h2>
        <p>\(LandText.asOf(lang)) \(a.proposal.asOf.iso) · \(LandText.score(lang)) <strong>\(Numbers.decimal(a.proposal.score, digits: 1))</strong> · \(LandText.proposal(lang)): <strong>\(a.proposal.kind.label.text(lang))</strong></p>
        \(decided)<p><a href="\(ConsoleURL.land(.assessment(.value(l.id!))))">\(LandText.assessment(lang)) →</a></p></section>
        """
    }
}
