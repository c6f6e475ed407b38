import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos outbound`: outbound (ODI) projects in and out, the platform's statistics, lapses.
struct OutboundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outbound", abstract: "Outbound investment: import, export, statistics.",
                                                    subcommands: [Import.self, Export.self, Stats.self, Lapse.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import outbound projects from CSV; all rows or none.",
            discussion: "Columns: \(OutboundCSV.columns.joined(separator: ", ")). Required: \(OutboundCSV.required.joined(separator: ", ")). Amounts are converted at the rate of their agreement month (parkos rates import).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await OutboundService(db: $0.db).importProjects(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.rows) projects are valid; nothing written" : "imported \(r.imported) projects")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export every project as CSV (the import's columns, then the converted amounts).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await CLI.run {
                let handle: FileHandle
                if let output {
                    guard FileManager.default.createFile(atPath: output, contents: nil) else {
                        throw DomainError(code: "file_not_writable", field: "output", en: "cannot write \(output)", zh: "无法写入 \(output)")
                    }
                    handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
                } else { handle = .standardOutput }
                var rows = 0
                try await database.withStore { store in
                    try await OutboundService(db: store.db).exportCSV(by: CLI.operatorPrincipal) { text in
                        handle.write(Data(text.utf8)); rows += text.filter { $0 == "\n" }.count
                    }
                }
                if output != nil { try handle.close() }
                FileHandle.standardError.write(Data("wrote \(max(0, rows - 1)) projects\(output.map { " to \($0)" } ?? "")\n".utf8))
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Firms served, countries, projects and agreed investment (yuan and US$) for a period, by country, region, industry and form; Belt and Road.",
            discussion: "A project counts in the month of its agreement; abandoned projects and those without an agreement do not. Without --from: cumulative since the first project.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "First month YYYY-MM (default: since the first project).") var from: String?
        @Option(help: "Last month YYYY-MM (default: this month).") var to: String?
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await CLI.run {
                let first = try from.map { r throws(DomainError) in try YearMonth.parse(r, field: "from") }
                let last = try to.map { r throws(DomainError) in try YearMonth.parse(r, field: "to") } ?? YearMonth(LocalDate(Date()))
                let stats = try await database.withStore { try await OutboundStatsQuery(db: $0.db).run(from: first, to: last) }
                print(OutboundStatsText.render(stats, format: format), terminator: "")
            }
        }
    }

    struct Lapse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark every ODI certificate past its lapse day with nothing remitted as lapsed (audited).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await CLI.run {
                let n = try await database.withStore { try await OutboundService(db: $0.db).lapseOverdue(by: CLI.operatorPrincipal) }
                print("\(n) certificate(s) lapsed")
            }
        }
    }
}

/// `parkos countries risk import FILE.csv`: Sinosure grades.
struct CountriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "countries", abstract: "Country risk for outbound investment.", subcommands: [Risk.self])

    struct Risk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sinosure country risk grades.", subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import grades (CSV: \(CountryRiskCSV.columns.joined(separator: ","))), all rows or none; a downgrade alerts every firm with a live project there.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The CSV file.") var file: String
            @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

            func run() async throws {
                try await CLI.run {
                    let data = try CLI.read(file)
                    let (r, alerts) = try await database.withStore { try await OutboundService(db: $0.db).importRisks(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                    try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                    print(dryRun ? "dry run: all \(r.rows) grades are valid; nothing written" : "imported \(r.imported) grades; \(alerts) downgrade alert(s) sent")
                }
            }
        }
    }
}

/// The statistics as a table, JSON or CSV.
enum OutboundStatsText {
    static func yuan(_ fen: Int64) -> String { OutboundFormat.hundredths(fen) }

    static func render(_ s: OutboundStats, format: OutputFormat) -> String {
        let sections: [(String, [OutboundBreakdownRow])] = [("country", s.byCountry), ("region", s.byRegion), ("industry", s.byIndustry), ("form", s.byForm)]
        switch format {
        case .json:
            struct Totals: Encodable { var firms, countries, projects: Int; var agreed_yuan, agreed_usd: String }
            struct Row: Encodable { var key, name: String; var totals: Totals }
            struct Out: Encodable {
                var from: String?; var to: String; var total, belt_and_road: Totals
                var by_country, by_region, by_industry, by_form: [Row]; var services: [String: Int]; var firms_served_by_log: Int
            }
            func t(_ x: OutboundTotals) -> Totals { Totals(firms: x.firms, countries: x.countries, projects: x.projects, agreed_yuan: yuan(x.yuanFen), agreed_usd: yuan(x.usdCents)) }
            func rows(_ r: [OutboundBreakdownRow]) -> [Row] { r.map { Row(key: $0.key, name: $0.label.en, totals: t($0.totals)) } }
            let out = Out(from: s.from?.iso, to: s.to.iso, total: t(s.total), belt_and_road: t(s.beltAndRoad), by_country: rows(s.byCountry),
                          by_region: rows(s.byRegion), by_industry: rows(s.byIndustry), by_form: rows(s.byForm),
                          services: Dictionary(uniqueKeysWithValues: ServiceKind.allCases.map { ($0.rawValue, s.services[$0] ?? 0) }),
                          firms_served_by_log: s.firmsServedByLog)
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: (try? enc.encode(out)) ?? Data(), as: UTF8.self) + "\n"
        case .csv:
            return CSVWriter.lines(OutboundStatsCSV.rows(s, nil), formulaGuard: true)
        case .table:
            func t(_ x: OutboundTotals) -> String {
                "\(x.firms) firms, \(x.countries) countries, \(x.projects) projects, \(OutboundFormat.yuan(x.yuanFen, .en)) (\(yuan(x.yuanFen)) yuan), \(OutboundFormat.usd(x.usdCents, .en))"
            }
            var out = "period\t\(s.from?.iso ?? "start") … \(s.to.iso)\n"
            out += "total\t\(t(s.total))\nbelt and road\t\(t(s.beltAndRoad))\n"
            out += "service log\t" + ServiceKind.allCases.map { "\(s.services[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "; \(s.firmsServedByLog) firms\n"
            for (name, rows) in sections {
                out += "\nby \(name)\tfirms\tcountries\tprojects\tagreed_yuan\tagreed_usd\n"
                for r in rows {
                    out += "\(r.key) \(r.label.en)\t\(r.totals.firms)\t\(r.totals.countries)\t\(r.totals.projects)\t\(yuan(r.totals.yuanFen))\t\(yuan(r.totals.usdCents))\n"
                }
            }
            return out
        }
    }
}
