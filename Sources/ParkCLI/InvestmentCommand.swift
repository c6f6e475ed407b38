import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "projects", abstract: "Investment projects: import, export and list.",
                                                    subcommands: [Import.self, Export.self, List.self, Land.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import projects as leads from CSV (investors found by Chinese name or created); all rows or none.",
            discussion: "Columns: \(ProjectCSV.columns.joined(separator: ", ")). Required: \(ProjectCSV.required.joined(separator: ", ")). Money exact, at most two decimals, in the row's currency.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await InvestmentService(db: $0.db).importProjects(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.rows) projects are valid (\(r.newInvestors) new investors); nothing written"
                             : "imported \(r.rows) projects (\(r.newInvestors) new investors)")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export every project as CSV (the import's columns, with code and stage).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await CLI.run {
                var out = CSVWriter.line(ProjectCSV.columns) + "\n"
                var n = 0
                try await database.withStore { store in
                    try await InvestmentService(db: store.db).exportLines(by: CLI.operatorPrincipal) { line in
                        out += CSVWriter.line(line, formulaGuard: true) + "\n"; n += 1
                    }
                }
                if let output {
                    try Data(out.utf8).write(to: URL(fileURLWithPath: output))
                    CLI.note("wrote \(n) projects to \(output)")
                } else {
                    FileHandle.standardOutput.write(Data(out.utf8))
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List projects, newest change first, filtered by stage, country or cluster.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "lead, pitched, negotiating, signed, registered, construction, production or dropped.") var stage: String?
        @Option(help: "Origin country (ISO 3166-1 alpha-2).") var country: String?
        @Option(help: "Cluster code.") var cluster: String?
        @Flag(help: "Only projects past their stage's deadline.") var overdue = false
        @Option(help: "Page size (1–500).") var limit = 50

        func run() async throws {
            try await CLI.run {
                var q = ProjectQuery()
                q.stage = try stage.map { s throws(DomainError) in try parseCode(s, as: ProjectStage.self, field: "stage") }
                q.country = country; q.cluster = cluster; q.overdueOnly = overdue; q.perPage = limit
                let page = try await database.withStore { try await InvestmentService(db: $0.db).list(q, by: CLI.operatorPrincipal) }
                print("code\tstage\tdue\tcountry\ttotal_investment\tinvestor\tproject")
                for i in page.items {
                    print("\(i.code)\t\(i.stage.rawValue)\(i.overdue ? "!" : "")\t\(i.stageDueOn?.iso ?? "-")\t\(i.country)\t\(i.totalInvestment)\t\(i.investorName.en)\t\(i.name.en)")
                }
                CLI.note("\(page.items.count) of \(page.total) projects")
            }
        }
    }
}

extension ProjectsCommand {
    struct Land: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A project's land: its need, the parcel reserved and how the reservation ended (won or lost at the parcel's lease), and the parcels that fit.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The project's code.") var code: String

        func run() async throws {
            try await CLI.run {
                let land = try await database.withStore { store -> ProjectLand in
                    guard let project = try await InvestmentRepository(db: store.db).project(code: code), let id = project.id else {
                        throw DomainError.notFound("project", id: code)
                    }
                    return try await InvestmentService(db: store.db).land(id, by: CLI.operatorPrincipal)
                }
                guard let need = land.need else { print("no land need stated"); return }
                print("need\t\(need.landUse)\t\(need.areaMu) mu\tplot ratio \(need.plotRatio.map { "\($0)" } ?? "-")\theight \(need.heightMetres.map { "\($0) m" } ?? "-")")
                if let r = land.reservation {
                    print("reserved\t\(land.reservedParcel?.code ?? r.parcelID.uuidString)\tby \(r.reservedBy)\ton \(r.reservedOn?.iso ?? "-")")
                    if let o = r.outcome {
                        print("outcome\t\(o.rawValue)\ton \(r.outcomeOn?.iso ?? "-")\tlease \(r.outcomeLeaseID?.uuidString ?? "-")")
                    } else {
                        print("outcome\topen")
                    }
                } else {
                    print("reserved\t-")
                }
                for p in land.candidates { print("candidate\t\(p.code)\t\(p.subArea)\t\(p.landUse)\t\(p.declaredAreaMu) mu") }
            }
        }
    }
}

struct FDICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fdi", abstract: "Foreign direct investment: the report and the inflows.",
                                                    subcommands: [Report.self, ImportInflows.self, InfoReportsCommand.self, RecognitionCommand.self])

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The FDI report for a month range (year to date by default): totals, year on year on the comparable scope, breakdowns, pipeline.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "First month, YYYY-MM (default: January of --to).") var from: String?
        @Option(help: "Last month, YYYY-MM (default: this month).") var to: String?
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await CLI.run {
                let end = try to.map { m throws(DomainError) in try YearMonth.parse(m, field: "to") } ?? YearMonth(LocalDate(Date()))
                let start = try from.map { m throws(DomainError) in try YearMonth.parse(m, field: "from") } ?? end.january
                let report = try await database.withStore { try await FDIReportQuery(db: $0.db).run(from: start, to: end) }
                FileHandle.standardOutput.write(Data(try FDIReportText.render(report, format: format).utf8))
            }
        }
    }

    struct ImportInflows: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-inflows",
            abstract: "Import utilised-FDI inflows from CSV; all rows or none.",
            discussion: "Columns: \(InflowCSV.columns.joined(separator: ", ")). kind: \(InflowKind.allCases.map(\.rawValue).joined(separator: ", ")). The month's rate for the currency must be imported first (parkos rates import).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await InvestmentService(db: $0.db).importInflows(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.rows) inflows are valid; nothing written" : "imported \(r.rows) inflows")
            }
        }
    }
}

struct RatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rates", abstract: "The monthly exchange-rate table.",
                                                    subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import monthly exchange rates from CSV; all rows or none.",
            discussion: "Columns: currency,month,usd_per_unit,cny_per_unit (exact decimals, up to 8 places; USD's usd_per_unit and CNY's cny_per_unit are 1). A row for a stored month replaces its rate; amounts already counted keep the rate they used.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await ExchangeRateRepository(db: $0.db).importCSV(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print((dryRun ? "dry run: " : "") + "\(r.rows) rates: \(r.added) new, \(r.changed) changed, \(r.rows - r.added - r.changed) unchanged")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the whole rate table as CSV (the import's columns).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await CLI.run {
                let all = try await database.withStore { try await ExchangeRateRepository(db: $0.db).all() }
                FileHandle.standardOutput.write(Data(RateCSV.encode(all).utf8))
            }
        }
    }
}
