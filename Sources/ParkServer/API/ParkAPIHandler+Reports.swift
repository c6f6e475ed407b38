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
        let data: Data
        do { data = try await Data(collecting: body, upTo: ReportCSV.maxBytes) } catch {
            throw DomainError(.tooLarge, code: "too_large", field: "file", en: "the file is larger than 10 MiB", zh: "文件超过 10 MiB")
        }
        let source = ReportSource(rawValue: input.query.source?.rawValue ?? "statistics_bureau") ?? .statisticsBureau
        let dry = input.query.dryRun ?? false
        let r = try await ReportRepository(db: repos.db, clock: repos.clock).importCSV(data, source: source, dryRun: dry, by: p)
        let lang = context.language
        let report = Components.Schemas.ImportReport(rows: r.rows, imported: r.errors.isEmpty && !dry ? r.rows : 0, dryRun: dry, encoding: "utf8",
                                                     errors: r.errors.map { .init(row: $0.row, column: $0.column, code: $0.code, message: $0.message.text(lang)) })
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }
}
