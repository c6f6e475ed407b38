import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    func importReports(_ input: Operations.ImportReports.Input) async throws -> Operations.ImportReports.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let data = try await APIMapping.csv(body)
        let source = ReportSource(rawValue: input.query.source?.rawValue ?? "statistics_bureau") ?? .statisticsBureau
        let dry = input.query.dryRun ?? false
        let r = try await ReportRepository(db: repos.db, clock: repos.clock).importCSV(data, source: source, dryRun: dry, by: p)
        let report = APIMapping.importReport(rows: r.rows, imported: r.errors.isEmpty && !dry ? r.rows : 0, dryRun: dry, encoding: "utf8",
                                             errors: r.errors, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }
}
