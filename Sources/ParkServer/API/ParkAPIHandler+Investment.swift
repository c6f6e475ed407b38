import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var investment: InvestmentService { InvestmentService(db: repos.db, clock: repos.clock) }

    func listInvestors(_ input: Operations.ListInvestors.Input) async throws -> Operations.ListInvestors.Output {
        let page = try await investment.investors(q: input.query.q, page: try PageRequest(page: input.query.page, perPage: input.query.perPage), by: try principal())
        return .ok(.init(body: .json(.init(items: page.items.map(InvestmentMapping.investor), total: page.total, page: page.page, perPage: page.perPage))))
    }

    func createInvestor(_ input: Operations.CreateInvestor.Input) async throws -> Operations.CreateInvestor.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        return .created(.init(body: .json(InvestmentMapping.investor(try await investment.createInvestor(InvestmentMapping.investor(b), by: try principal())))))
    }

    func setInvestorFortune500(_ input: Operations.SetInvestorFortune500.Input) async throws -> Operations.SetInvestorFortune500.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let i = try await investment.setFortune500(try APIMapping.uuid(input.path.id, field: "id"), Fortune500Entry(listYear: b.listYear, rank: b.rank), by: try principal())
        return .ok(.init(body: .json(InvestmentMapping.investor(i))))
    }

    func listFortune500Investors(_ input: Operations.ListFortune500Investors.Input) async throws -> Operations.ListFortune500Investors.Output {
        let rows = try await investment.fortune500(by: try principal())
        return .ok(.init(body: .json(rows.map {
            .init(investorId: $0.investorID.uuidString, nameZh: $0.name.zh, nameEn: $0.name.en, originCountry: $0.country, rank: $0.rank,
                  listYear: $0.listYear, projects: $0.projects, utilisedUsd: InvestmentMapping.usd($0.utilisedUSDCents))
        })))
    }

    func listProjects(_ input: Operations.ListProjects.Input) async throws -> Operations.ListProjects.Output {
        let q = input.query
        var query = ProjectQuery()
        query.stage = q.stage.flatMap { ProjectStage(rawValue: $0.rawValue) }
        query.officerID = try q.officerId.map { id throws(DomainError) in try APIMapping.uuid(id, field: "officer_id") }
        query.cluster = q.cluster; query.country = q.country
        query.enterpriseID = try q.enterpriseId.map { id throws(DomainError) in try APIMapping.uuid(id, field: "enterprise_id") }
        query.overdueOnly = q.overdue ?? false; query.search = q.q
        query.sort = q.sort.flatMap { ProjectQuery.Sort(rawValue: $0.rawValue) } ?? .updated
        query.descending = (q.order?.rawValue ?? "desc") == "desc"
        query.page = q.page ?? 1; query.perPage = q.perPage ?? 50
        let page = try await investment.list(query, by: try principal())
        return .ok(.init(body: .json(.init(items: page.items.map(InvestmentMapping.project), total: page.total, page: page.page, perPage: page.perPage))))
    }

    func createProject(_ input: Operations.CreateProject.Input) async throws -> Operations.CreateProject.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let p = try principal()
        let created = try await investment.createProject(try InvestmentMapping.project(b), confirmedNotDuplicate: input.query.confirmNotDuplicate ?? false, by: p)
        return .created(.init(body: .json(InvestmentMapping.project(try await investment.detail(created.id!, by: p)))))
    }

    func getProject(_ input: Operations.GetProject.Input) async throws -> Operations.GetProject.Output {
        let p = try principal()
        let d = try await investment.detail(try APIMapping.uuid(input.path.id, field: "id"), by: p)
        let today = repos.today
        return .ok(.init(body: .json(.init(
            project: InvestmentMapping.project(d), moves: d.moves.map(InvestmentMapping.move),
            taskForce: d.taskForce.map { .init(userId: $0.userID.uuidString, lead: $0.lead) },
            blockers: d.blockers.map { InvestmentMapping.blocker($0.0, events: $0.1, today: today) },
            contracted: d.contracted.map(InvestmentMapping.contracted), inflows: d.inflows.map(InvestmentMapping.inflow),
            utilisedUsd: InvestmentMapping.usd(d.utilisedUSDCents), contractedUsd: InvestmentMapping.usd(d.contractedUSDCents),
            fundsArrivedRatio: d.fundsArrivedRatio, possibleDuplicates: d.possibleDuplicates))))
    }

    func updateProject(_ input: Operations.UpdateProject.Input) async throws -> Operations.UpdateProject.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        _ = try await investment.updateProject(id, to: try InvestmentMapping.project(b), by: p)
        return .ok(.init(body: .json(InvestmentMapping.project(try await investment.detail(id, by: p)))))
    }

    func proposeStageMove(_ input: Operations.ProposeStageMove.Input) async throws -> Operations.ProposeStageMove.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let m = try await investment.proposeMove(try APIMapping.uuid(input.path.id, field: "id"), to: ProjectStage(rawValue: b.toStage.rawValue)!,
                                                 effectiveOn: try InvestmentMapping.day(b.effectiveOn, field: "effective_on"),
                                                 dropReason: b.dropReason.flatMap { DropReason(rawValue: $0.rawValue) }, note: b.note ?? "", by: try principal())
        return .created(.init(body: .json(InvestmentMapping.move(m))))
    }

    func reviewStageMove(_ input: Operations.ReviewStageMove.Input) async throws -> Operations.ReviewStageMove.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let m = try await investment.review(try APIMapping.uuid(input.path.id, field: "id"), approve: b.approve, comment: b.comment ?? "", by: try principal())
        return .ok(.init(body: .json(InvestmentMapping.move(m))))
    }

    func listPendingReviews(_ input: Operations.ListPendingReviews.Input) async throws -> Operations.ListPendingReviews.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await investment.pendingReviews().map(InvestmentMapping.move))))
    }

    func setTaskForce(_ input: Operations.SetTaskForce.Input) async throws -> Operations.SetTaskForce.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let members = try b.map { m throws(DomainError) in (userID: try APIMapping.uuid(m.userId, field: "user_id"), lead: m.lead) }
        let saved = try await investment.setTaskForce(try APIMapping.uuid(input.path.id, field: "id"), members: members, by: try principal())
        return .ok(.init(body: .json(saved.map { .init(userId: $0.userID.uuidString, lead: $0.lead) })))
    }

    func openBlocker(_ input: Operations.OpenBlocker.Input) async throws -> Operations.OpenBlocker.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let opened = try b.openedOn.map { d throws(DomainError) in try InvestmentMapping.day(d, field: "opened_on") }
        let blocker = try await investment.openBlocker(try APIMapping.uuid(input.path.id, field: "id"), title: b.title, department: b.department,
                                                       openedOn: opened, by: try principal())
        let events = try await InvestmentRepository(db: repos.db).blockers(blocker.projectID).first { $0.0.id == blocker.id }?.1 ?? []
        return .created(.init(body: .json(InvestmentMapping.blocker(blocker, events: events, today: repos.today))))
    }

    func actOnBlocker(_ input: Operations.ActOnBlocker.Input) async throws -> Operations.ActOnBlocker.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let action: InvestmentService.BlockerAction = switch b.action {
        case .note: .note(b.text)
        case .reassign: .reassign(b.text)
        case .close: .close(b.text)
        }
        let blocker = try await investment.act(onBlocker: try APIMapping.uuid(input.path.id, field: "id"), action, by: try principal())
        let events = try await InvestmentRepository(db: repos.db).blockers(blocker.projectID).first { $0.0.id == blocker.id }?.1 ?? []
        return .ok(.init(body: .json(InvestmentMapping.blocker(blocker, events: events, today: repos.today))))
    }

    func listEscalatedBlockers(_ input: Operations.ListEscalatedBlockers.Input) async throws -> Operations.ListEscalatedBlockers.Output {
        let rows = try await investment.escalatedBlockers(by: try principal())
        return .ok(.init(body: .json(rows.map { InvestmentMapping.blocker($0.blocker, events: [], today: repos.today, code: $0.projectCode) })))
    }

    func recordContractedFDI(_ input: Operations.RecordContractedFDI.Input) async throws -> Operations.RecordContractedFDI.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let e = try await investment.recordContracted(try APIMapping.uuid(input.path.id, field: "id"),
                                                      recordedOn: try InvestmentMapping.day(b.recordedOn, field: "recorded_on"),
                                                      kind: ContractedKind(rawValue: b.kind.rawValue)!, event: ContractedEvent(rawValue: b.event.rawValue)!,
                                                      amount: try InvestmentMapping.money(b.amount, field: "amount")!, note: b.note ?? "", by: try principal())
        return .created(.init(body: .json(InvestmentMapping.contracted(e))))
    }

    func recordInflow(_ input: Operations.RecordInflow.Input) async throws -> Operations.RecordInflow.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let i = try await investment.recordInflow(try APIMapping.uuid(input.path.id, field: "id"),
                                                  arrivedOn: try InvestmentMapping.day(b.arrivedOn, field: "arrived_on"),
                                                  kind: InflowKind(rawValue: b.kind.rawValue)!, amount: try InvestmentMapping.money(b.amount, field: "amount")!,
                                                  bankReference: b.bankReference ?? "", by: try principal())
        return .created(.init(body: .json(InvestmentMapping.inflow(i))))
    }

    func importInflows(_ input: Operations.ImportInflows.Input) async throws -> Operations.ImportInflows.Output {
        let p = try principal()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let dry = input.query.dryRun ?? false
        let r = try await investment.importInflows(try await APIMapping.csv(body), dryRun: dry, by: p)
        let report = APIMapping.importReport(rows: r.rows, imported: r.errors.isEmpty && !dry ? r.rows : 0, dryRun: dry, encoding: "utf8",
                                             errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }

    func getPipelineBoard(_ input: Operations.GetPipelineBoard.Input) async throws -> Operations.GetPipelineBoard.Output {
        var q = ProjectQuery()
        q.officerID = try input.query.officerId.map { id throws(DomainError) in try APIMapping.uuid(id, field: "officer_id") }
        q.cluster = input.query.cluster; q.country = input.query.country
        let cols = try await investment.board(q, by: try principal())
        return .ok(.init(body: .json(cols.map {
            .init(stage: .init(rawValue: $0.stage.rawValue)!, projects: $0.projects, overdue: $0.overdue,
                  contractedUsd: InvestmentMapping.usd($0.contractedUSDCents), utilisedUsd: InvestmentMapping.usd($0.utilisedUSDCents))
        })))
    }

    func getFDIReport(_ input: Operations.GetFDIReport.Input) async throws -> Operations.GetFDIReport.Output {
        try principal().requireStaff()
        let now = YearMonth(repos.today)
        let to = try InvestmentMapping.month(input.query.to, field: "to", default: now)
        let from = try InvestmentMapping.month(input.query.from, field: "from", default: to.january)
        let report = try await FDIReportQuery(db: repos.db, clock: repos.clock).run(from: from, to: to)
        let labels = try await FDILabels.load(report, db: repos.db, language: context.language)
        return .ok(.init(body: .json(InvestmentMapping.report(report, label: labels.label))))
    }

    func getFDIMonthly(_ input: Operations.GetFDIMonthly.Input) async throws -> Operations.GetFDIMonthly.Output {
        try principal().requireStaff()
        let from = try YearMonth.parse(input.query.from, field: "from"), to = try YearMonth.parse(input.query.to, field: "to")
        return .ok(.init(body: .json(try await InvestmentFigures(db: repos.db).monthly(from: from, to: to).map(InvestmentMapping.month))))
    }

    func listExchangeRates(_ input: Operations.ListExchangeRates.Input) async throws -> Operations.ListExchangeRates.Output {
        try principal().requireStaff()
        let rates = try await ExchangeRateRepository(db: repos.db).list(month: try YearMonth.parse(input.query.month, field: "month"))
        return .ok(.init(body: .json(rates.map { .init(currency: $0.currency, month: $0.month.iso, usdPerUnit: $0.usdPerUnitText, cnyPerUnit: $0.cnyPerUnitText) })))
    }

    func importExchangeRates(_ input: Operations.ImportExchangeRates.Input) async throws -> Operations.ImportExchangeRates.Output {
        let p = try principal()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let dry = input.query.dryRun ?? false
        let r = try await ExchangeRateRepository(db: repos.db, clock: repos.clock).importCSV(try await APIMapping.csv(body), dryRun: dry, by: p)
        let report = APIMapping.importReport(rows: r.rows, imported: r.errors.isEmpty && !dry ? r.added + r.changed : 0, dryRun: dry, encoding: "utf8",
                                             errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }
}
