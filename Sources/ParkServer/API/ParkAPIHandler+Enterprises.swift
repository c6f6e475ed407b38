import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    func listEnterprises(_ input: Operations.ListEnterprises.Input) async throws -> Operations.ListEnterprises.Output {
        let p = try principal()
        var q = EnterpriseQuery()
        let i = input.query
        q.search = i.q
        q.cluster = i.cluster
        q.ownership = i.ownership.flatMap { Ownership(rawValue: $0.rawValue) }
        q.country = i.country
        q.size = i.size.flatMap { EnterpriseQuery.Size(rawValue: $0.rawValue) }
        q.fortune500 = i.fortune500
        q.rdCentre = i.rdCentre
        q.regionalHQ = i.regionalHq
        q.status = i.status.flatMap { EnterpriseQuery.Status(rawValue: $0.rawValue) }
        if let s = i.sort { q.sort = EnterpriseQuery.Sort(rawValue: s.rawValue) ?? .nameZh }
        q.descending = i.order?.rawValue == "desc"
        q.page = i.page ?? 1
        q.perPage = i.perPage ?? 50
        if !p.isStaff { q.onlyEnterprise = (p.enterpriseID ?? UUID()).uuidString }
        let page = try await repos.enterprises.list(q)
        return .ok(.init(body: .json(.init(items: page.items.map(APIMapping.enterprise), total: page.total,
                                           page: page.page, perPage: page.perPage))))
    }

    func createEnterprise(_ input: Operations.CreateEnterprise.Input) async throws -> Operations.CreateEnterprise.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let e = try APIMapping.enterprise(body)
        let created = try await repos.enterprises.create(e, by: p, catalog: try await repos.reference.catalog())
        return .created(.init(body: .json(APIMapping.enterprise(created))))
    }

    func getEnterprise(_ input: Operations.GetEnterprise.Input) async throws -> Operations.GetEnterprise.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id), let e = try await repos.enterprises.find(id) else {
            throw DomainError.notFound("enterprise", id: input.path.id)
        }
        return .ok(.init(body: .json(APIMapping.enterprise(e))))
    }

    func updateEnterprise(_ input: Operations.UpdateEnterprise.Input) async throws -> Operations.UpdateEnterprise.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id) else { throw DomainError.notFound("enterprise", id: input.path.id) }
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let e = try APIMapping.enterprise(body)
        let updated = try await repos.enterprises.update(id, to: e, by: p, catalog: try await repos.reference.catalog())
        return .ok(.init(body: .json(APIMapping.enterprise(updated))))
    }

    func deleteEnterprise(_ input: Operations.DeleteEnterprise.Input) async throws -> Operations.DeleteEnterprise.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id) else { throw DomainError.notFound("enterprise", id: input.path.id) }
        try await repos.enterprises.delete(id, by: p)
        return .noContent(.init())
    }

    func deregisterEnterprise(_ input: Operations.DeregisterEnterprise.Input) async throws -> Operations.DeregisterEnterprise.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        guard p.canRead(enterprise: id) else { throw DomainError.notFound("enterprise", id: input.path.id) }
        try p.requireStaff()
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        guard let date = LocalDate(iso: b.deregisteredOn) else {
            throw DomainError(code: "invalid_date", field: "deregistered_on", en: "deregistered_on must be a date YYYY-MM-DD",
                              zh: "注销日期须为 YYYY-MM-DD 格式")
        }
        let e = try await repos.enterprises.deregister(id, on: date, reason: b.reason, by: p)
        return .ok(.init(body: .json(APIMapping.enterprise(e))))
    }

    func importEnterprises(_ input: Operations.ImportEnterprises.Input) async throws -> Operations.ImportEnterprises.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let data = try await APIMapping.csv(body)
        let report = try await EnterpriseImporter(db: repos.db, clock: repos.clock).run(data, dryRun: input.query.dryRun ?? false, by: p)
        let body_ = APIMapping.importReport(rows: report.rows, imported: report.imported, dryRun: report.dryRun, encoding: report.encoding,
                                            errors: report.errors, context.language)
        return report.errors.isEmpty ? .ok(.init(body: .json(body_))) : .unprocessableContent(.init(body: .json(body_)))
    }

    func exportEnterprises(_ input: Operations.ExportEnterprises.Input) async throws -> Operations.ExportEnterprises.Output {
        try principal().requireStaff()
        return .ok(.init(body: .csv(ExportStream.enterprisesCSV(repos.enterprises).httpBody)))
    }
}

