import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Stores the demo's outbound investment (`DemoOutbound`): projects whose 2020-06 statistics
/// reproduce the platform's published figures, the live pipeline with filings in every state
/// (some certificates lapsing soon, one lapsed), Sinosure grades for 2019 and 2020, Myanmar's
/// downgrade with the alert it sends, an officer's alert for Germany, and the service log.
/// Every row is audited; it all goes in one transaction.
public struct DemoOutboundSeeder: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) {
        self.db = db; self.clock = clock
    }

    public func seeded() async throws -> Bool {
        try await OutboundRows.requireSQL(db).raw("SELECT COUNT(*) AS n FROM outbound_projects").first()?.decode(column: "n", as: Int.self) ?? 0 > 0
    }

    /// Seeds for `enterprises` (the register in demo order; a register smaller than 309 firms
    /// wraps, so only its firm counts fall short of the published ones).
    public func seed(seed: UInt64, enterprises: [UUID], progress: (@Sendable (String) -> Void)? = nil) async throws {
        guard !enterprises.isEmpty else { return }
        let today = LocalDate(clock.now())
        let demo = DemoOutbound.generate(seed: seed, today: today)
        let service = OutboundService(db: db, clock: clock)
        let beltAndRoad = try await service.repository.beltAndRoad()
        let system = Principal.system("demo")
        // The months' rates the table lacks (the demo's yearly averages), imported as any rates are.
        let months = Array(Set(demo.rates.map(\.month)))
        let stored = try await service.rateTable(months)
        let missing = demo.rates.filter { (try? stored.rate($0.currency, $0.month)) == nil }
        if !missing.isEmpty {
            let r = try await ExchangeRateRepository(db: db, clock: clock).importCSV(Data(RateCSV.encode(missing).utf8), dryRun: false, by: system)
            if let e = r.errors.first { throw DomainError(code: "demo_rates", field: "rates", en: e.message.en, zh: e.message.zh) }
        }
        let rates = try await service.rateTable(months)
        // Convert every amount at its month's rate; then size each window's balancing project.
        var projects: [(OutboundProject, DemoFilingScript)] = []
        var windowSums = [Int64](repeating: 0, count: demo.windows.count)
        for d in demo.projects where d.balancesWindow == nil {
            let p = try project(d, enterprises: enterprises, rates: rates, beltAndRoad: beltAndRoad, minor: d.minor)
            for (w, window) in demo.windows.enumerated() where d.stage != .abandoned {
                if let a = d.agreedOn, a >= window.from, a <= window.to { windowSums[w] = try Checked.add(windowSums[w], p.amount.yuanFen, "demo window") }
            }
            projects.append((p, d.filings))
        }
        for d in demo.projects {
            guard let w = d.balancesWindow else { continue }
            let fen = demo.windows[w].yuanFen - windowSums[w]
            projects.append((try project(d, enterprises: enterprises, rates: rates, beltAndRoad: beltAndRoad, minor: fen), d.filings))
        }
        progress?("outbound: \(projects.count) projects")
        let calendar = try await LeaseRepository(db: db).calendar()
        let clock = self.clock, drafts = projects
        let services = demo.services.map { e -> ServiceEvent in
            var out = e
            out.id = UUID()
            out.enterpriseIDs = Array(Set(e.enterpriseIDs.map { enterprises[DemoOutbound.index(of: $0) % enterprises.count] })).sorted { $0.uuidString < $1.uuidString }
            return out
        }
        try await WriteGate.write(db) { tx in
            let sql = try OutboundRows.requireSQL(tx)
            let repo = OutboundRepository(db: tx)
            let audit = AuditLog(db: tx, clock: clock)
            for (p, script) in drafts {
                try await OutboundRows.save(p, insert: true, on: sql, millis: clock.millis)
                try await audit.append(by: system, action: "create", entityType: OutboundService.projectEntity, entityID: p.id!.uuidString,
                                       before: Optional<OutboundProject>.none, after: p)
                let rules = try await repo.rules(on: p.agreedOn ?? today)
                let check = FilingChecker.check(FilingInput(p, today: today), rules: rules)
                for f in Self.filings(p, check: check, script: script, today: today, calendar: calendar, lapseYears: rules.certificateLapseYears) {
                    try await OutboundRows.save(f, insert: true, on: sql, millis: clock.millis)
                    try await audit.append(by: system, action: "create", entityType: OutboundService.filingEntity, entityID: f.id!.uuidString,
                                           before: Optional<Filing>.none, after: f)
                }
            }
            let risks = OutboundRiskRepository(db: tx)
            for r in demo.risks { try await OutboundService.storeRisk(r, before: try await risks.currentRisk(r.countryCode), by: system, on: tx, clock: clock) }
            if let before = try await risks.currentRisk(demo.downgrade.countryCode) {
                try await OutboundService.storeRisk(demo.downgrade, before: before, by: system, on: tx, clock: clock)
                _ = try await OutboundService.publish(RiskAlert.downgrade(from: before, to: demo.downgrade, on: today), by: system, on: tx, clock: clock)
            }
            let germany = RiskAlert(scope: AlertScope(countryCode: "DE", industryCode: nil),
                                    title: Bilingual(zh: "德国外资审查门槛调整", en: "Germany lowers its foreign-investment screening thresholds"),
                                    body: Bilingual(zh: "德国《对外经济条例》(AWV) 将关键技术领域的审查门槛降至 10% 投票权；收购前请预留审查时间并咨询平台。",
                                                    en: "Germany's Foreign Trade and Payments Ordinance (AWV) screens acquisitions of 10 % of the votes in critical technologies; allow for the review before signing and consult the platform."), cause: .officer, publishedOn: today)
            _ = try await OutboundService.publish(germany, by: system, on: tx, clock: clock)
            for e in services {
                try await OutboundService.storeService(e, by: system, on: tx, clock: clock)
                try await audit.append(by: system, action: "create", entityType: "outbound_service", entityID: e.id!.uuidString,
                                       before: Optional<ServiceEvent>.none, after: e)
            }
        }
        progress?("outbound: filings, country risk, alerts and \(services.count) service-log entries")
    }

    func project(_ d: DemoOutboundProject, enterprises: [UUID], rates: ExchangeRateTable, beltAndRoad: Set<String>, minor: Int64) throws -> OutboundProject {
        let month = YearMonth(d.agreedOn ?? LocalDate(clock.now()))
        let amount = try ConvertedAmount.convert(CurrencyAmount(currency: d.currency, minor: minor), at: try OutboundService.rate(d.currency, month, in: rates))
        return OutboundProject(id: UUID(), enterpriseID: enterprises[d.firmIndex % enterprises.count], title: d.title, countryCode: d.countryCode,
                               targetCompany: d.targetCompany, industryCode: d.industryCode, form: d.form, equityBasisPoints: d.equityBasisPoints,
                               amount: amount, financing: d.financing, beltAndRoad: beltAndRoad.contains(d.countryCode), stage: d.stage,
                               abandonReason: d.abandonReason, agreedOn: d.agreedOn, remittedOn: d.remittedOn)
    }

    /// The filings of a recent project, moved to the state its script says, dates consistent with today.
    static func filings(_ p: OutboundProject, check: FilingCheck, script: DemoFilingScript, today: LocalDate, calendar: WorkingCalendar,
                        lapseYears: Int) -> [Filing] {
        if script == .none { return [] }
        let drafted = (p.agreedOn ?? today).adding(days: 3)
        return check.requirements.map { req in
            var f = Filing(id: UUID(), projectID: p.id!, enterpriseID: p.enterpriseID, requirement: req, ruleSet: check.ruleSet,
                           ruleVersion: check.ruleVersion, draftedOn: min(drafted, today))
            func receive(_ n: Int) { for i in f.documents.indices where i < n { f.documents[i].received = true } }
            func submit(_ day: LocalDate) {
                receive(f.documents.count)
                f.state = .submitted; f.submittedOn = day; f.dueOn = f.clockWorkingDays.map { calendar.adding(workingDays: $0, to: day) }
            }
            func grant(_ day: LocalDate) {
                submit(calendar.adding(workingDays: -(f.clockWorkingDays ?? 5), to: day))
                f.state = .granted; f.decidedOn = day
                if f.kind.issuesCertificate {
                    f.lapsesOn = day.adding(years: lapseYears)
                    f.certificateNumber = "境外投资证第N3205\(day.year)\(String(format: "%05d", Int(p.id!.uuid.14) * 256 + Int(p.id!.uuid.15)))号"
                }
            }
            let bank = req.kind == .bankRegistration
            switch script {
            case .none: break
            case .drafted(let k): receive(k)
            case .submitted(let d): if !bank { submit(today.adding(days: -d)) } else { receive(1) }
            case .refused:
                if req.kind == .ndrcFiling { grant(today.adding(days: -50)) }
                else if !bank {
                    submit(today.adding(days: -45))
                    f.state = .refused; f.decidedOn = today.adding(days: -40)
                    f.refusalReason = "境外投资真实性材料不足 / the statement of authenticity did not cover the financing"
                }
            case .granted(let d): grant(today.adding(days: bank ? -d + 5 : -d))
            case .lapsed:
                grant(today.adding(days: bank ? -755 : -760))
                if f.kind.issuesCertificate { f.state = .lapsed }
            case .remitted(let d): grant((p.remittedOn ?? today.adding(days: -d)).adding(days: -30))
            }
            return f
        }
    }
}
