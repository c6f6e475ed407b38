import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var policies: PolicyRepository { PolicyRepository(db: repos.db, clock: repos.clock) }
    var policyRuns: PolicyRunRepository { PolicyRunRepository(db: repos.db, clock: repos.clock) }

    func date(_ raw: String?, field: String) throws(DomainError) -> LocalDate {
        guard let raw else { return repos.today }
        guard let d = LocalDate(iso: raw) else {
            throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD", zh: "\(field) 须为日期 YYYY-MM-DD")
        }
        return d
    }

    func listPolicies(_ input: Operations.ListPolicies.Input) async throws -> Operations.ListPolicies.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await policies.latest().map(PolicyMapping.summary))))
    }

    func savePolicy(_ input: Operations.SavePolicy.Input) async throws -> Operations.SavePolicy.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        return .created(.init(body: .json(PolicyMapping.summary(try await policies.save(body.source, by: p)))))
    }

    func checkPolicy(_ input: Operations.CheckPolicy.Input) async throws -> Operations.CheckPolicy.Output {
        try principal().requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        return .ok(.init(body: .json(Policy.diagnose(body.source).map(PolicyMapping.diagnostic))))
    }

    func getPolicy(_ input: Operations.GetPolicy.Input) async throws -> Operations.GetPolicy.Output {
        try principal().requireStaff()
        let s = try await policies.require(input.path.id)
        let versions = try await policies.versions(input.path.id).map(\.version)
        return .ok(.init(body: .json(.init(policy: PolicyMapping.summary(s), source: s.policy.source, versions: versions,
                                           facts: s.policy.facts.map(\.name)))))
    }

    func tryPolicy(_ input: Operations.TryPolicy.Input) async throws -> Operations.TryPolicy.Output {
        let p = try principal()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let enterprise = try APIMapping.uuid(body.enterpriseId, field: "enterprise_id")
        let e = try await policyRuns.tryPolicy(body.source == nil ? input.path.id : nil, source: body.source, enterprise: enterprise,
                                               asOf: try date(body.asOf, field: "as_of"), by: p)
        return .ok(.init(body: .json(PolicyMapping.answer(e))))
    }

    func listPolicyRuns(_ input: Operations.ListPolicyRuns.Input) async throws -> Operations.ListPolicyRuns.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await policyRuns.all().map(PolicyMapping.run))))
    }

    func matchPolicies(_ input: Operations.MatchPolicies.Input) async throws -> Operations.MatchPolicies.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let run = try await policyRuns.match(asOf: try date(body.asOf, field: "as_of"), policyID: body.policyId, by: p)
        return .created(.init(body: .json(PolicyMapping.run(run))))
    }

    func getPolicyRun(_ input: Operations.GetPolicyRun.Input) async throws -> Operations.GetPolicyRun.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(PolicyMapping.run(try await policyRuns.require(try APIMapping.uuid(input.path.id, field: "id"))))))
    }

    func listPolicyResults(_ input: Operations.ListPolicyResults.Input) async throws -> Operations.ListPolicyResults.Output {
        try principal().requireStaff()
        let run = try await policyRuns.require(try APIMapping.uuid(input.path.id, field: "id"))
        let q = input.query
        let page = try await policyRuns.results(runID: run.id, policyID: q.policy,
                                                status: q.status.map { $0 == .eligible ? .eligible : .undetermined },
                                                search: q.q, page: q.page ?? 1, perPage: q.perPage ?? 50)
        return .ok(.init(body: .json(.init(items: page.items.map(PolicyMapping.row), total: page.total, page: page.page, perPage: page.perPage))))
    }

    func listPolicyGrants(_ input: Operations.ListPolicyGrants.Input) async throws -> Operations.ListPolicyGrants.Output {
        try principal().requireStaff()
        let run = try await policyRuns.require(try APIMapping.uuid(input.path.id, field: "id"))
        let grants = try await policyRuns.grants(runID: run.id, policyID: input.query.policy,
                                                 state: input.query.state.flatMap { PolicyRunRepository.Grant.State(rawValue: $0.rawValue) })
        return .ok(.init(body: .json(grants.map(PolicyMapping.grant))))
    }

    func decidePolicyGrants(_ input: Operations.DecidePolicyGrants.Input) async throws -> Operations.DecidePolicyGrants.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let run = try await policyRuns.require(try APIMapping.uuid(input.path.id, field: "id"))
        let ids = try body.grantIds.map { raw throws(DomainError) in
            var out: [UUID] = []
            for r in raw { out.append(try APIMapping.uuid(r, field: "grant_ids")) }
            return out
        }
        let (n, total) = try await policyRuns.decide(runID: run.id, policyID: body.policyId, ids: ids, confirm: body.confirm, by: p)
        return .ok(.init(body: .json(.init(count: n, totalYuan: FenText.yuan(total)))))
    }

    func exportPolicyPayments(_ input: Operations.ExportPolicyPayments.Input) async throws -> Operations.ExportPolicyPayments.Output {
        try principal().requireStaff()
        let run = try await policyRuns.require(try APIMapping.uuid(input.path.id, field: "id"))
        return .ok(.init(body: .csv(HTTPBody(try await policyRuns.paymentCSV(runID: run.id, policyID: input.query.policy)))))
    }

    func getEnterprisePolicies(_ input: Operations.GetEnterprisePolicies.Input) async throws -> Operations.GetEnterprisePolicies.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        let answers = try await policyRuns.forEnterprise(id, asOf: try date(input.query.asOf, field: "as_of"), by: p)
        return .ok(.init(body: .json(answers.map { PolicyMapping.answer($0.explanation) })))
    }

    func getEnterpriseFacts(_ input: Operations.GetEnterpriseFacts.Input) async throws -> Operations.GetEnterpriseFacts.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id), try await repos.enterprises.find(id) != nil else { throw DomainError.notFound("enterprise", id: input.path.id) }
        let entries = try await EnterpriseFactRepository(db: repos.db, clock: repos.clock).entries(enterprise: id)
        return .ok(.init(body: .json(entries.compactMap { e in
            Components.Schemas.EnterpriseFact.FactPayload(rawValue: e.fact).map {
                .init(fact: $0, year: e.year == 0 ? nil : e.year, value: e.text, updatedBy: e.updatedBy)
            }
        })))
    }

    func setEnterpriseFact(_ input: Operations.SetEnterpriseFact.Input) async throws -> Operations.SetEnterpriseFact.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        guard p.canRead(enterprise: id), try await repos.enterprises.find(id) != nil else { throw DomainError.notFound("enterprise", id: input.path.id) }
        try await EnterpriseFactRepository(db: repos.db, clock: repos.clock).set(enterprise: id, fact: body.fact.rawValue, year: body.year,
                                                                                text: body.value, by: p)
        return .noContent(.init())
    }

    func importEnterpriseFacts(_ input: Operations.ImportEnterpriseFacts.Input) async throws -> Operations.ImportEnterpriseFacts.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let data = try await APIMapping.csv(body)
        let dry = input.query.dryRun ?? false
        let r = try await EnterpriseFactRepository(db: repos.db, clock: repos.clock).importCSV(data, dryRun: dry, by: p)
        let report = APIMapping.importReport(rows: r.rows, imported: r.errors.isEmpty && !dry ? r.rows : 0, dryRun: dry, encoding: "utf8",
                                             errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }
}
