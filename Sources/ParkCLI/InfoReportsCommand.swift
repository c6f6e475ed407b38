import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos fdi info-reports …`: foreign investment information reports (DOMAIN.md §8).
struct InfoReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info-reports", abstract: "Foreign investment information reports: generate a year, list what is due or overdue, mark filed.",
        subcommands: [Generate.self, Due.self, Overdue.self, File.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the annual report obligations for a year (due 1 January–30 June of the next) for every foreign-invested enterprise; adds only what is missing.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The year the reports cover (default: last year).") var year: Int?

        func run() async throws {
            try await CLI.run {
                let y = year ?? LocalDate(Date()).year - 1
                let n = try await database.withStore { try await InfoReportService(db: $0.db).generateAnnual(year: y, by: CLI.operatorPrincipal) }
                print("added \(n) annual reports for \(y)")
            }
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reports open now and not yet filed, soonest last day first.")
        @OptionGroup var options: ListOptions
        func run() async throws { try await options.run(.due) }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reports past their last day and not filed, longest overdue first.")
        @OptionGroup var options: ListOptions
        func run() async throws { try await options.run(.overdue) }
    }

    struct ListOptions: ParsableArguments {
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this officer's enterprises (username).") var officer: String?
        @Option(help: "Only annual or change reports.") var kind: String?
        @Option(help: "table or csv (every page).") var format: OutputFormat = .table
        @Option(help: "Rows (table format).") var limit: Int = 50

        func run(_ listing: InfoReportService.Listing) async throws {
            try await CLI.run {
                let k = try kind.map { raw throws(DomainError) in
                    guard let k = InfoReportKind(rawValue: raw) else {
                        throw DomainError(code: "invalid_kind", field: "kind", en: "kind must be annual or change", zh: "kind 须为 annual 或 change")
                    }
                    return k
                }
                let perPage = try Bounds.check(limit, in: 1...500, field: "limit")
                try await database.withStore { store in
                    let s = InfoReportService(db: store.db)
                    var officerID: UUID?
                    if let officer {
                        guard let u = try await AccountRepository(db: store.db).find(username: officer) else {
                            throw DomainError(code: "unknown_officer", field: "officer", en: "no user \(officer)", zh: "没有用户 \(officer)")
                        }
                        officerID = u.id
                    }
                    let today = LocalDate(Date())
                    func line(_ r: InfoReportService.Row) -> [String] {
                        [r.report.dueOn.iso, r.report.kind.rawValue, r.report.reportYear.map(String.init) ?? r.report.changeOn?.iso ?? "",
                         r.creditCode, r.enterpriseName.zh, r.officer ?? "", r.report.state(on: today).rawValue, r.report.id.uuidString]
                    }
                    let header = ["due_on", "kind", "year_or_change", "credit_code", "enterprise", "officer", "state", "id"]
                    if format == .csv {
                        print(CSVWriter.line(header))
                        var page = 1
                        while true {
                            let p = try await s.list(listing, officer: officerID, kind: k, try PageRequest(page: page, perPage: 500), by: CLI.operatorPrincipal)
                            for r in p.items { print(CSVWriter.line(line(r), formulaGuard: true)) }
                            if p.items.count < 500 { break }
                            page += 1
                        }
                    } else {
                        let p = try await s.list(listing, officer: officerID, kind: k, try PageRequest(page: 1, perPage: perPage), by: CLI.operatorPrincipal)
                        print(header.joined(separator: "\t"))
                        for r in p.items { print(line(r).joined(separator: "\t")) }
                        CLI.note("\(p.items.count) of \(p.total) \(listing.rawValue)")
                    }
                }
            }
        }
    }

    struct File: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a report filed (audited).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The report's id (see due/overdue).") var id: String
        @Option(help: "The filing date, YYYY-MM-DD (default: today).") var on: String?

        func run() async throws {
            try await CLI.run {
                guard let uuid = UUID(uuidString: id) else {
                    throw DomainError(code: "invalid_id", field: "id", en: "id must be a UUID", zh: "id 须为 UUID")
                }
                let date = try on.map { d throws(DomainError) in
                    guard let x = LocalDate(iso: d) else { throw DomainError(code: "invalid_date", field: "on", en: "on must be YYYY-MM-DD", zh: "on 须为 YYYY-MM-DD") }
                    return x
                }
                let r = try await database.withStore { try await InfoReportService(db: $0.db).markFiled(uuid, on: date, by: CLI.operatorPrincipal) }
                print("filed on \(r.filedOn?.iso ?? "")\(r.filedLate ? " (late: due \(r.dueOn.iso))" : "")")
            }
        }
    }
}
