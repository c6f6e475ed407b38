import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

/// Foreign investment information reports: the due and overdue lists, a year's generation, a
/// change, a filing, an enterprise's reports.
extension ParkAPIHandler {
    var infoReports: InfoReportService { InfoReportService(db: repos.db, clock: repos.clock) }

    func listInfoReports(_ input: Operations.ListInfoReports.Input) async throws -> Operations.ListInfoReports.Output {
        let p = try principal()
        let listing: InfoReportService.Listing = input.query.list?.rawValue == "overdue" ? .overdue : .due
        let officer = try input.query.officer.map { o throws(DomainError) in try APIMapping.uuid(o, field: "officer") }
        let kind = input.query.kind.flatMap { InfoReportKind(rawValue: $0.rawValue) }
        let page = try await infoReports.list(listing, officer: officer, kind: kind, try PageRequest(page: input.query.page, perPage: input.query.perPage), by: p)
        let today = repos.today, lang = context.language
        return .ok(.init(body: .json(.init(items: page.items.map { Self.infoReport($0, today: today, lang) }, total: page.total,
                                           page: page.page, perPage: page.perPage))))
    }

    func generateInfoReports(_ input: Operations.GenerateInfoReports.Input) async throws -> Operations.GenerateInfoReports.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let added = try await infoReports.generateAnnual(year: b.year, by: try principal())
        return .ok(.init(body: .json(.init(year: b.year, added: added))))
    }

    func recordInfoReportChange(_ input: Operations.RecordInfoReportChange.Input) async throws -> Operations.RecordInfoReportChange.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let p = try principal()
        try ProjectVisibility.requireInvestOfficer(p)
        let r = try await infoReports.recordChange(enterpriseID: try APIMapping.uuid(b.enterpriseId, field: "enterprise_id"),
                                                   changeOn: try InvestmentMapping.day(b.changeOn, field: "change_on"), note: b.note, by: p)
        return .created(.init(body: .json(try await one(r.id))))
    }

    func fileInfoReport(_ input: Operations.FileInfoReport.Input) async throws -> Operations.FileInfoReport.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let p = try principal()
        try ProjectVisibility.requireInvestOfficer(p)
        let on = try b.filedOn.map { d throws(DomainError) in try InvestmentMapping.day(d, field: "filed_on") }
        let r = try await infoReports.markFiled(try APIMapping.uuid(input.path.id, field: "id"), on: on, by: p)
        return .ok(.init(body: .json(try await one(r.id))))
    }

    func listEnterpriseInfoReports(_ input: Operations.ListEnterpriseInfoReports.Input) async throws -> Operations.ListEnterpriseInfoReports.Output {
        let rows = try await infoReports.reports(of: try APIMapping.uuid(input.path.id, field: "id"), by: try principal())
        let today = repos.today, lang = context.language
        return .ok(.init(body: .json(rows.map { Self.infoReport($0, today: today, lang) })))
    }

    private func one(_ id: UUID) async throws -> Components.Schemas.InfoReport {
        guard let row = try await infoReports.row(id) else { throw DomainError.notFound("information report", id: id.uuidString) }
        return Self.infoReport(row, today: repos.today, context.language)
    }

    static func infoReport(_ row: InfoReportService.Row, today: LocalDate, _ lang: Language) -> Components.Schemas.InfoReport {
        let r = row.report
        return .init(id: r.id.uuidString, enterpriseId: r.enterpriseID.uuidString, enterpriseName: row.enterpriseName.text(lang),
                     creditCode: row.creditCode, kind: Components.Schemas.InfoReportKind(rawValue: r.kind.rawValue) ?? .annual,
                     reportYear: r.reportYear, changeOn: r.changeOn?.iso, changeNote: r.changeNote, opensOn: r.opensOn.iso, dueOn: r.dueOn.iso,
                     officerId: r.officerID?.uuidString, officer: row.officer,
                     state: .init(rawValue: r.state(on: today).rawValue) ?? .due, filedOn: r.filedOn?.iso, filedBy: r.filedBy, filedLate: r.filedLate)
    }
}
