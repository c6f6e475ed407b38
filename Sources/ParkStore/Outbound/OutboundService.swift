import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// A project as an officer records it (amount in its own currency; the service converts it).
public struct OutboundProjectInput: Sendable {
    public var enterpriseID: UUID
    public var title: String
    public var countryCode: String
    public var targetCompany: String?
    public var industryCode: String
    public var activities: [SensitiveActivity]
    public var form: InvestmentForm
    public var equityBasisPoints: Int
    /// The amount in its own currency (converted at the monthly rate of `agreedOn`, or of this month).
    public var amount: CurrencyAmount
    public var financing: [FinancingSource]
    public var stage: OutboundStage
    public var agreedOn: LocalDate?
    public var remittedOn: LocalDate?
    public var abandonReason: String?

    public init(enterpriseID: UUID, title: String, countryCode: String, targetCompany: String?, industryCode: String, activities: [SensitiveActivity] = [],
                form: InvestmentForm, equityBasisPoints: Int, amount: CurrencyAmount, financing: [FinancingSource] = [.ownFunds],
                stage: OutboundStage = .consulting, agreedOn: LocalDate? = nil, remittedOn: LocalDate? = nil, abandonReason: String? = nil) {
        self.enterpriseID = enterpriseID; self.title = title; self.countryCode = countryCode; self.targetCompany = targetCompany
        self.industryCode = industryCode; self.activities = activities; self.form = form; self.equityBasisPoints = equityBasisPoints
        self.amount = amount; self.financing = financing; self.stage = stage; self.agreedOn = agreedOn
        self.remittedOn = remittedOn; self.abandonReason = abandonReason
    }
}

/// The use cases of outbound investment: who may do what, state moves, the checker, and an
/// audit entry for every write (in the write's transaction, through `WriteGate`).
public struct OutboundService: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let projectEntity = "outbound_project", filingEntity = "outbound_filing"

    public init(db: any Database, clock: ParkClock = .system) {
        self.db = db; self.clock = clock
    }

    public var today: LocalDate { LocalDate(clock.now()) }
    public var repository: OutboundRepository { OutboundRepository(db: db) }
    public var risks: OutboundRiskRepository { OutboundRiskRepository(db: db) }

    // MARK: reading, as the caller may

    /// The project if the caller may see it (a firm: its own only); otherwise 404.
    public func project(_ id: UUID, by p: Principal) async throws -> OutboundProjectRow {
        guard let row = try await repository.project(id), p.canRead(enterprise: row.project.enterpriseID) else {
            throw DomainError.notFound("outbound project", id: id.uuidString)
        }
        return row
    }

    public func filing(_ id: UUID, by p: Principal) async throws -> Filing {
        guard let f = try await repository.filing(id), p.canRead(enterprise: f.enterpriseID) else {
            throw DomainError.notFound("filing", id: id.uuidString)
        }
        return f
    }

    /// The checker's answer for a project under the rules in force on its agreement date (today while consulting).
    public func check(_ project: OutboundProject) async throws -> FilingCheck {
        let input = FilingInput(project, today: today)
        return FilingChecker.check(input, rules: try await repository.rules(on: input.date))
    }

    // MARK: recording

    /// The rates of `months` from the investment module's monthly table.
    func rateTable(_ months: [YearMonth]) async throws -> ExchangeRateTable {
        try await ExchangeRateRepository(db: db, clock: clock).table(months: months)
    }

    /// The rate of `currency` in `month` from `table`; yuan goes through the month's US$ rate
    /// when the table does not list it. `no_rate` (field `currency`) when there is none.
    static func rate(_ currency: String, _ month: YearMonth, in table: ExchangeRateTable) throws(DomainError) -> ExchangeRate {
        if currency == "CNY", (try? table.rate("CNY", month)) == nil {
            if let usd = try? table.rate("USD", month), let yuan = ConvertedAmount.yuanRate(from: usd) { return yuan }
        }
        return try table.rate(currency, month, field: "currency")
    }

    /// The month an input's amount is counted in: its agreement's, else this one.
    func month(of input: OutboundProjectInput) -> YearMonth { YearMonth(input.agreedOn ?? today) }

    /// Builds and checks a project from input at `rate` (nothing written).
    func build(_ input: OutboundProjectInput, id: UUID, catalog: ReferenceCatalog, beltAndRoad: Set<String>, rates: ExchangeRateTable) throws -> OutboundProject {
        let industry = IndustryClassification.normalise(input.industryCode) ?? input.industryCode
        try input.amount.requirePositive(field: "amount")
        for (f, d) in [("agreed_on", input.agreedOn), ("remitted_on", input.remittedOn)] {
            if let d, d > today { throw DomainError(code: "future_date", field: f, en: "\(f) \(d) is after today (\(today))", zh: "\(f) \(d) 晚于今天（\(today)）") }
        }
        if let a = input.agreedOn, let r = input.remittedOn, r < a {
            throw DomainError(code: "remitted_before_agreed", field: "remitted_on", en: "funds cannot be remitted on \(r), before the investment was agreed on \(a)",
                              zh: "汇出日期 \(r) 早于投资约定日期 \(a)")
        }
        let amount = try ConvertedAmount.convert(input.amount, at: try Self.rate(input.amount.currency, month(of: input), in: rates))
        let p = OutboundProject(id: id, enterpriseID: input.enterpriseID, title: input.title.trimmingCharacters(in: .whitespaces),
                                countryCode: input.countryCode.uppercased(), targetCompany: input.targetCompany?.trimmingCharacters(in: .whitespaces),
                                industryCode: industry, sensitiveActivities: input.activities, form: input.form,
                                equityBasisPoints: input.equityBasisPoints, amount: amount, financing: input.financing,
                                beltAndRoad: beltAndRoad.contains(input.countryCode.uppercased()), stage: input.stage,
                                abandonReason: input.abandonReason, agreedOn: input.agreedOn, remittedOn: input.remittedOn)
        try OutboundRules.validate(p, countries: catalog.countries, industries: catalog.industryDivisions)
        return p
    }

    /// Records a firm's project (staff). A project recorded at `preparing_filings` gets its
    /// filings drafted from the checker at once.
    public func record(_ input: OutboundProjectInput, by p: Principal) async throws -> OutboundProjectRow {
        try p.requireStaff()
        guard try await EnterpriseModel.find(input.enterpriseID, on: db) != nil else {
            throw DomainError(code: "unknown_enterprise", field: "enterprise_id", en: "enterprise \(input.enterpriseID) is not in the register",
                              zh: "企业 \(input.enterpriseID) 不在名录中")
        }
        guard [.consulting, .preparingFilings].contains(input.stage) else {
            throw DomainError(code: "invalid_value", field: "stage", en: "a new project starts at consulting or preparing_filings; later stages are reached step by step",
                              zh: "新项目须从“咨询中”或“准备备案”开始，其后逐步推进")
        }
        let project = try build(input, id: UUID(), catalog: try await ReferenceRepository(db: db).catalog(),
                                beltAndRoad: try await repository.beltAndRoad(), rates: try await rateTable([month(of: input)]))
        let check = try await self.check(project)
        let clock = self.clock, today = self.today
        try await WriteGate.write(db) { tx in
            let sql = try OutboundRows.requireSQL(tx)
            try await OutboundRows.save(project, insert: true, on: sql, millis: clock.millis)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "create", entityType: Self.projectEntity,
                                                            entityID: project.id!.uuidString, before: Optional<OutboundProject>.none, after: project)
            if project.stage == .preparingFilings { try await Self.draftFilings(project, check: check, today: today, by: p, on: tx, clock: clock) }
        }
        return try await self.project(project.id!, by: p)
    }

    /// Drafts the filings the check asks for, each audited.
    static func draftFilings(_ project: OutboundProject, check: FilingCheck, today: LocalDate, by p: Principal, on tx: any Database, clock: ParkClock) async throws {
        let sql = try OutboundRows.requireSQL(tx)
        for req in check.requirements {
            let f = Filing(id: UUID(), projectID: project.id!, enterpriseID: project.enterpriseID, requirement: req, ruleSet: check.ruleSet,
                           ruleVersion: check.ruleVersion, draftedOn: today)
            try await OutboundRows.save(f, insert: true, on: sql, millis: clock.millis)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "draft", entityType: filingEntity, entityID: f.id!.uuidString,
                                                            before: Optional<Filing>.none, after: f)
        }
    }

    /// Moves a project to its next stage (or abandons it), with the checks each stage needs:
    /// entering `preparing_filings` drafts the filings; `filed` needs every NDRC and commerce
    /// filing granted; `funds_remitted` needs `remittedOn`, the bank registration and an ODI
    /// certificate still valid that day.
    public func advance(_ id: UUID, to stage: OutboundStage, remittedOn: LocalDate? = nil, agreedOn: LocalDate? = nil, reason: String? = nil,
                        by p: Principal) async throws -> OutboundProjectRow {
        try p.requireStaff()
        let before = try await project(id, by: p).project
        var after = before
        after.stage = try before.stage.transition(to: stage)
        let filings = try await repository.filings(projectID: id)
        switch stage {
        case .preparingFilings:
            if let agreedOn {
                if agreedOn > today { throw DomainError(code: "future_date", field: "agreed_on", en: "agreed_on \(agreedOn) is after today", zh: "约定日期 \(agreedOn) 晚于今天") }
                after.agreedOn = agreedOn
            }
        case .filed:
            let waiting = filings.filter { $0.kind != .bankRegistration && $0.state != .granted }
            if filings.isEmpty || !waiting.isEmpty {
                throw DomainError(.conflict, code: "filings_pending", field: "stage",
                                  en: "still waiting for: " + (waiting.isEmpty ? "the filings have not been drafted" : waiting.map(\.kind.label.en).joined(separator: "; ")),
                                  zh: "尚未取得：" + (waiting.isEmpty ? "备案尚未建立" : waiting.map(\.kind.label.zh).joined(separator: "；")))
            }
        case .fundsRemitted:
            guard let remittedOn else { throw DomainError.required("remitted_on") }
            if remittedOn > today { throw DomainError(code: "future_date", field: "remitted_on", en: "remitted_on \(remittedOn) is after today", zh: "汇出日期 \(remittedOn) 晚于今天") }
            try FilingMoves.requireValidCertificate(filings.first { $0.kind.issuesCertificate }, on: remittedOn)
            guard filings.contains(where: { $0.kind == .bankRegistration && $0.state == .granted }) else {
                throw DomainError(.conflict, code: "bank_registration_missing", field: "stage",
                                  en: "funds are remitted only after the bank's foreign-exchange registration", zh: "须先完成银行外汇登记方可汇出资金")
            }
            after.remittedOn = remittedOn
        case .abandoned:
            after.abandonReason = reason?.trimmingCharacters(in: .whitespaces)
            try OutboundRules.validate(after, countries: [after.countryCode], industries: [after.industryCode])
        default: break
        }
        let draft = stage == .preparingFilings && filings.isEmpty
        let check = draft ? try await self.check(after) : nil
        let clock = self.clock, today = self.today, moved = after
        try await WriteGate.write(db) { tx in
            try await OutboundRows.save(moved, insert: false, on: try OutboundRows.requireSQL(tx), millis: clock.millis)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "stage:\(stage.rawValue)", entityType: Self.projectEntity,
                                                            entityID: id.uuidString, before: before, after: moved, reason: reason)
            if let check { try await Self.draftFilings(moved, check: check, today: today, by: p, on: tx, clock: clock) }
        }
        return try await project(id, by: p)
    }

    // MARK: filings

    /// Applies a move to a filing and records it.
    func move(_ id: UUID, action: String, by p: Principal, _ body: (Filing) async throws -> Filing) async throws -> Filing {
        try p.requireStaff()
        let before = try await filing(id, by: p)
        let after = try await body(before)
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            try await OutboundRows.save(after, insert: false, on: try OutboundRows.requireSQL(tx), millis: clock.millis)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: action, entityType: Self.filingEntity, entityID: id.uuidString,
                                                            before: before, after: after)
        }
        return after
    }

    public func setDocuments(_ id: UUID, received: [String: Bool], by p: Principal) async throws -> Filing {
        try await move(id, action: "documents", by: p) { try FilingMoves.setDocuments($0, received: received) }
    }

    public func submit(_ id: UUID, on date: LocalDate, by p: Principal) async throws -> Filing {
        let calendar = try await LeaseRepository(db: db).calendar()
        let today = self.today
        return try await move(id, action: "submit", by: p) { try FilingMoves.submit($0, on: date, today: today, calendar: calendar) }
    }

    public func grant(_ id: UUID, on date: LocalDate, certificate: String?, by p: Principal) async throws -> Filing {
        let today = self.today, repo = repository
        return try await move(id, action: "grant", by: p) { f in
            let rules = try await repo.rules(on: f.draftedOn)
            return try FilingMoves.grant(f, on: date, certificate: certificate, today: today, lapseYears: rules.certificateLapseYears)
        }
    }

    public func refuse(_ id: UUID, on date: LocalDate, reason: String, by p: Principal) async throws -> Filing {
        let today = self.today
        return try await move(id, action: "refuse", by: p) { try FilingMoves.refuse($0, on: date, reason: reason, today: today) }
    }

    public func redraft(_ id: UUID, by p: Principal) async throws -> Filing {
        let today = self.today
        return try await move(id, action: "redraft", by: p) { try FilingMoves.redraft($0, on: today) }
    }

    /// Marks every certificate past its lapse day with nothing remitted as lapsed (each
    /// audited); returns how many. Safe to run from several instances: it runs under the write gate.
    public func lapseOverdue(by p: Principal) async throws -> Int {
        try p.requireStaff()
        let clock = self.clock, today = self.today
        return try await WriteGate.write(db) { tx in
            let repo = OutboundRepository(db: tx)
            var done = 0
            while true {
                let page = try await repo.filingQueue(.toLapse, today: today, page: 1, perPage: 200)
                if page.items.isEmpty { return done }
                for row in page.items {
                    var after = row.filing
                    after.state = .lapsed
                    try await OutboundRows.save(after, insert: false, on: try OutboundRows.requireSQL(tx), millis: clock.millis)
                    try await AuditLog(db: tx, clock: clock).append(by: p, action: "lapse", entityType: Self.filingEntity,
                                                                    entityID: after.id!.uuidString, before: row.filing, after: after)
                    done += 1
                }
            }
        }
    }
}
