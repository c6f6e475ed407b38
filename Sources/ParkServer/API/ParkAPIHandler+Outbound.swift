import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var outbound: OutboundService { OutboundService(db: repos.db, clock: repos.clock) }

    func detail(_ row: OutboundProjectRow) async throws -> Components.Schemas.OutboundProjectDetail {
        let lang = context.language
        return .init(project: OutboundMapping.project(row, lang), check: OutboundMapping.check(try await outbound.check(row.project), lang),
                     filings: try await outbound.repository.filings(projectID: row.project.id!).map { OutboundMapping.filing($0, lang) })
    }

    func listOutboundProjects(_ input: Operations.ListOutboundProjects.Input) async throws -> Operations.ListOutboundProjects.Output {
        let p = try principal()
        var f = OutboundProjectFilter()
        f.enterpriseID = p.isStaff ? nil : (p.enterpriseID ?? UUID())
        f.countryCode = input.query.country?.uppercased()
        f.stage = input.query.stage.flatMap { OutboundStage(rawValue: $0.rawValue) }
        f.beltAndRoad = input.query.beltAndRoad
        f.search = input.query.q
        f.sort = input.query.sort.flatMap { OutboundProjectFilter.Sort(rawValue: $0.rawValue) } ?? .updated
        f.descending = (input.query.order?.rawValue ?? "desc") == "desc"
        let page = try PageRequest(page: input.query.page, perPage: input.query.perPage)
        f.page = page.page; f.perPage = page.perPage
        let result = try await outbound.repository.projects(f)
        return .ok(.init(body: .json(.init(items: result.items.map { OutboundMapping.project($0, context.language) }, total: result.total,
                                           page: result.page, perPage: result.perPage))))
    }

    func recordOutboundProject(_ input: Operations.RecordOutboundProject.Input) async throws -> Operations.RecordOutboundProject.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let in_ = OutboundProjectInput(
            enterpriseID: try APIMapping.uuid(b.enterpriseId, field: "enterprise_id"), title: b.title, countryCode: b.country.uppercased(),
            targetCompany: b.targetCompany, industryCode: b.industryCode,
            activities: (b.sensitiveActivities ?? []).compactMap { SensitiveActivity(rawValue: $0.rawValue) },
            form: InvestmentForm(rawValue: b.form.rawValue) ?? .greenfield, equityBasisPoints: try OutboundRules.basisPoints(b.equityPercent),
            amount: try ConvertedAmount.parse(b.amount, currency: b.currency),
            financing: (b.financing ?? [.ownFunds]).compactMap { FinancingSource(rawValue: $0.rawValue) },
            stage: OutboundStage(rawValue: b.stage?.rawValue ?? "consulting") ?? .consulting,
            agreedOn: try b.agreedOn.map { try LandMapping.day($0, field: "agreed_on") })
        let row = try await outbound.record(in_, by: p)
        return .created(.init(body: .json(try await detail(row))))
    }

    func importOutboundProjects(_ input: Operations.ImportOutboundProjects.Input) async throws -> Operations.ImportOutboundProjects.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let dry = input.query.dryRun ?? false
        let r = try await outbound.importProjects(try await APIMapping.csv(body), dryRun: dry, by: p)
        let report = APIMapping.importReport(rows: r.rows, imported: r.imported, dryRun: dry, encoding: "utf8", errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }

    func exportOutboundProjects(_ input: Operations.ExportOutboundProjects.Input) async throws -> Operations.ExportOutboundProjects.Output {
        try principal().requireStaff()
        return .ok(.init(body: .csv(ExportStream.outboundProjects(outbound.repository).httpBody)))
    }

    func getOutboundProject(_ input: Operations.GetOutboundProject.Input) async throws -> Operations.GetOutboundProject.Output {
        let row = try await outbound.project(try APIMapping.uuid(input.path.id, field: "id"), by: try principal())
        return .ok(.init(body: .json(try await detail(row))))
    }

    func moveOutboundProject(_ input: Operations.MoveOutboundProject.Input) async throws -> Operations.MoveOutboundProject.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        _ = try await outbound.project(id, by: p)
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let row = try await outbound.advance(id, to: OutboundStage(rawValue: b.stage.rawValue)!,
                                             remittedOn: try b.remittedOn.map { try LandMapping.day($0, field: "remitted_on") },
                                             agreedOn: try b.agreedOn.map { try LandMapping.day($0, field: "agreed_on") }, reason: b.reason, by: p)
        return .ok(.init(body: .json(try await detail(row))))
    }

    func listOutboundFilings(_ input: Operations.ListOutboundFilings.Input) async throws -> Operations.ListOutboundFilings.Output {
        let p = try principal()
        let queue = OutboundRepository.FilingQueue(rawValue: input.query.queue?.rawValue ?? "open") ?? .open
        let days = try Bounds.check(input.query.days ?? 90, in: 0...730, field: "days")
        let page = try PageRequest(page: input.query.page, perPage: input.query.perPage)
        let result = try await outbound.repository.filingQueue(queue, today: repos.today, days: days, enterpriseID: p.isStaff ? nil : (p.enterpriseID ?? UUID()),
                                                               page: page.page, perPage: page.perPage)
        let lang = context.language
        return .ok(.init(body: .json(.init(items: result.items.map {
            OutboundMapping.filing($0.filing, lang, title: $0.projectTitle, enterprise: $0.enterpriseName, country: $0.countryCode)
        }, total: result.total, page: result.page, perPage: result.perPage))))
    }

    func lapseOutboundFilings(_ input: Operations.LapseOutboundFilings.Input) async throws -> Operations.LapseOutboundFilings.Output {
        .ok(.init(body: .json(.init(lapsed: try await outbound.lapseOverdue(by: try principal())))))
    }

    func moveOutboundFiling(_ input: Operations.MoveOutboundFiling.Input) async throws -> Operations.MoveOutboundFiling.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        _ = try await outbound.filing(id, by: p)
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        func day() throws -> LocalDate {
            guard let d = b.date else { throw DomainError.required("date") }
            return try LandMapping.day(d, field: "date")
        }
        let f: Filing
        switch input.path.move.rawValue {
        case "documents": f = try await outbound.setDocuments(id, received: b.received?.additionalProperties ?? [:], by: p)
        case "submit": f = try await outbound.submit(id, on: try day(), by: p)
        case "grant": f = try await outbound.grant(id, on: try day(), certificate: b.certificateNumber, by: p)
        case "refuse": f = try await outbound.refuse(id, on: try day(), reason: b.reason ?? "", by: p)
        default: f = try await outbound.redraft(id, by: p)
        }
        return .ok(.init(body: .json(OutboundMapping.filing(f, context.language))))
    }

    func listOutboundRules(_ input: Operations.ListOutboundRules.Input) async throws -> Operations.ListOutboundRules.Output {
        _ = try principal()
        return .ok(.init(body: .json(try await outbound.repository.ruleSets().map { try OutboundMapping.ruleVersion($0.rules, createdBy: $0.createdBy) })))
    }

    func publishOutboundRules(_ input: Operations.PublishOutboundRules.Input) async throws -> Operations.PublishOutboundRules.Output {
        let p = try principal()
        try p.requireAdmin()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let data = try JSONEncoder().encode(b.additionalProperties)
        let rules: FilingRuleSet
        do { rules = try JSONDecoder().decode(FilingRuleSet.self, from: data) } catch {
            throw DomainError(code: "invalid_document", field: "body", en: "the body is not a rule set document as GET /outbound/rules returns it: \(String(describing: error).prefix(200))",
                              zh: "请求体不是规则文档（格式同 GET /outbound/rules 的 document）")
        }
        let published = try await outbound.publishRules(rules, by: p)
        return .created(.init(body: .json(try OutboundMapping.ruleVersion(published, createdBy: p.name))))
    }
}
