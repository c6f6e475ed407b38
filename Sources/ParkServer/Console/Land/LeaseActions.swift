import ParkDomain
import ParkStore
import Vapor

/// The forms on a lease page and their handlers: staff move the life cycle; the enterprise
/// (or staff) files a yearly report or a correction.
extension LeasePage {
    static func register(_ router: ConsoleRouter) {
        router.page(.land(.lease(.key))) { ctx, req in View.render(try await Model.load(try req.pathID(), on: ctx), ctx) }
        router.on(.land(.advance(.key))) { req in try await advance(req) }
        router.on(.land(.fileReport(.key))) { req in try await fileReport(req) }
        AssessmentPage.register(router)
        SaleForms.register(router)
    }

    static func actions(_ m: Model, _ ctx: PageContext) -> HTML {
        let l = m.loaded.lease, id = l.id!, lang = ctx.language, csrf = ctx.csrf
        var out: [HTML] = []
        if m.isStaff && l.state == .auctioned { out.append(SaleForms.confirmForm(l, calendar: m.calendar, csrf: csrf, today: ctx.today, lang: lang)) }
        if m.isStaff && l.state == .confirmed { out.append(SaleForms.contractForm(l, csrf: csrf, today: ctx.today, lang: lang)) }
        // only the moves the dates allow today: an extended lease is offered neither expiry nor
        // another assessment before its time (LeaseMoves)
        let manual = l.manualMoves(today: ctx.today, windowMonths: m.windowMonths)
        if m.isStaff && !manual.isEmpty {
            let buttons = manual.map { s -> HTML in
                "<button class=\"btn ghost small\" name=\"state\" value=\"\(s.rawValue)\">\(s.label.text(lang))</button>"
            }
            out.append("<form method=\"post\" action=\"\(ConsoleURL.land(.advance(.value(id))))\" class=\"filters\">\(Markup.csrfField(csrf))<span>\(LandText.advance(lang)):</span>\(buttons)</form>")
        }
        if m.isStaff && l.state == .assessmentDue {
            out.append("<p><a class=\"btn\" href=\"\(ConsoleURL.land(.assessment(.value(id))))\">\(LandText.runAssessment(lang))</a></p>")
        }
        if l.contract != nil && [.contracted, .underConstruction, .inProduction, .assessmentDue, .extended].contains(l.state) {
            out.append(reportForm(id, csrf: csrf, lang: lang))
        }
        return out.isEmpty ? .empty : "<section class=\"card\">\(out)</section>"
    }

    static func reportForm(_ id: UUID, csrf: String?, lang: Language) -> HTML {
        func field(_ name: String, _ label: LandText, type: String = "number", step: String = "1") -> HTML {
            "<label>\(label(lang))<input type=\"\(type)\" name=\"\(name)\" step=\"\(step)\" min=\"0\"></label>"
        }
        return """
        <h2>\(LandText.submitReport(lang))</h2>
        <form method="post" action="\(ConsoleURL.land(.fileReport(.value(id))))" class="filters">\(Markup.csrfField(csrf))
        <label>\(LandText.year(lang))<input type="number" name="year" required min="1990" max="2100"></label>
        \(field("investment_to_date_yuan", .investmentToDate))\(field("production_start_date", .productionStart, type: "date"))
        \(field("tax_paid_yuan", .tax))\(field("revenue_yuan", .revenue))\(field("value_added_yuan", .valueAdded))\(field("rd_spend_yuan", .rdSpend))
        \(field("energy_tonnes_coal", .energy, step: "0.01"))\(field("electricity_kwh", .electricity))\(field("emissions_tonnes", .emissions, step: "0.01"))\(field("average_employees", .employees))
        <label class="grow">\(LandText.reason(lang))<input name="reason" maxlength="500"></label>
        <button class="btn">\(ConsoleText.save(lang))</button></form>
        """
    }

    struct AdvanceForm: Content { var state: String? }

    static func advance(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let id = try req.pathID()
        let x = try await Loaded.load(id, on: ctx)
        guard let s = try req.form(AdvanceForm.self).state.flatMap(LeaseState.init(rawValue:)) else { throw DomainError.required("state") }
        do {
            _ = try await LeaseRepository(db: ctx.db, clock: ctx.park.clock).advance(x.lease.id!, to: s, by: try ctx.user())
            return try await response(id, notice: Notice(ok: true, text: s.label.text(ctx.language)), ctx)
        } catch let e as DomainError where e.kind != .forbidden {
            return try await response(id, notice: Notice(ok: false, text: e.message.text(ctx.language)), status: Problem.status(of: e.kind), ctx)
        }
    }

    struct ReportForm: Content {
        var year: Int?
        var investment_to_date_yuan: Int64?; var production_start_date: String?; var tax_paid_yuan: Int64?
        var revenue_yuan: Int64?; var value_added_yuan: Int64?; var rd_spend_yuan: Int64?
        var energy_tonnes_coal: Double?; var electricity_kwh: Double?; var emissions_tonnes: Double?; var average_employees: Int?; var reason: String?
    }

    static func fileReport(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let p = try ctx.user(), lang = ctx.language
        let id = try req.pathID()
        let x = try await Loaded.load(id, on: ctx)
        do {
            let f: ReportForm
            do { f = try req.form(ReportForm.self) } catch {
                throw DomainError(code: "invalid_number", field: "report", en: "every figure must be a whole number (yuan) or a decimal (tonnes)",
                                  zh: "各项数值须为整数（元）或小数（吨）")
            }
            guard let year = f.year else { throw DomainError.required("year") }
            var start: LocalDate?
            if let s = f.production_start_date, !s.isEmpty {
                guard let d = LocalDate(iso: s) else { throw DomainError(code: "invalid_date", field: "production_start_date", en: "use YYYY-MM-DD", zh: "日期格式应为 YYYY-MM-DD") }
                start = d
            }
            let report = PerformanceReport(year: year, investmentToDateYuan: f.investment_to_date_yuan ?? 0, productionStartDate: start,
                                           taxPaidYuan: f.tax_paid_yuan ?? 0, revenueYuan: f.revenue_yuan ?? 0,
                                           valueAddedYuan: f.value_added_yuan ?? 0, rdSpendYuan: f.rd_spend_yuan ?? 0,
                                           energyTonnesCoal: f.energy_tonnes_coal ?? 0, electricityKWh: f.electricity_kwh ?? 0,
                                           emissionsTonnes: f.emissions_tonnes ?? 0,
                                           averageEmployees: f.average_employees ?? 0,
                                           source: p.isStaff ? .statisticsBureau : .selfReported)
            let v = try await ReportRepository(db: ctx.db, clock: ctx.park.clock).submit(leaseID: x.lease.id!, report: report, reason: f.reason ?? "", by: p)
            return try await response(id, notice: Notice(ok: true, text: "\(LandText.year(lang)) \(year) v\(v.version)"), ctx)
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await response(id, notice: .refusal(e, lang), status: Problem.status(of: e.kind), ctx)
        }
    }
}
