import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

struct ParcelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parcels", abstract: "Import and export parcels as GeoJSON.",
                                                    subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a GeoJSON FeatureCollection of parcels; all features or none.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The .geojson file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every feature and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await ParcelRepository(db: $0.db).importGeoJSON(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, place: ("feature", "property"), summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.parcels) parcels are valid; nothing written" : "imported \(r.parcels) parcels")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export every parcel as a GeoJSON FeatureCollection (with declared and computed areas).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await CLI.run {
                let parcels = try await database.withStore { try await ParcelRepository(db: $0.db).all() }
                let data = ParcelGeoJSON.encode(parcels)
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                    FileHandle.standardError.write(Data("wrote \(parcels.count) parcels to \(output)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}

struct LeasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leases", abstract: "Flexible-term leases: due list and assessments.",
                                                    subcommands: [Due.self, Assess.self, ImportReports.self])

    struct ImportReports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-reports",
            abstract: "Import yearly reports from the tax or statistics bureau (CSV, one row per parcel and year); all rows or none.",
            discussion: "Columns: \(ReportCSV.columns.joined(separator: ", ")). Required: parcel_code, year. Amounts in yuan; energy in t standard coal.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "tax_bureau or statistics_bureau.") var source: String = "statistics_bureau"
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                guard let src = ReportSource(rawValue: source), src != .selfReported else {
                    throw DomainError(code: "invalid_value", field: "source", en: "--source is tax_bureau or statistics_bureau", zh: "--source 须为 tax_bureau 或 statistics_bureau")
                }
                let data = try CLI.read(file)
                let r = try await database.withStore { try await ReportRepository(db: $0.db).importCSV(data, source: src, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.rows) reports are valid; nothing written" : "imported \(r.rows) reports")
            }
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Leases whose assessment window opens within MONTHS, overdue production, projected misses.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Look ahead this many months.") var within: Int = 12
        @Option(help: "As of this date (YYYY-MM-DD); default today in Asia/Shanghai.") var asOf: String?

        func run() async throws {
            try await CLI.run {
                guard (0...120).contains(within) else {
                    throw DomainError(code: "out_of_range", field: "within", en: "--within must be 0–120 months", zh: "--within 须在 0–120 之间")
                }
                let today = try LeasesCommand.date(asOf)
                let rows = try await database.withStore { try await LeaseAlertsQuery(db: $0.db).run(today: today, withinMonths: within) }
                print("parcel\tenterprise\tstate\tfirst_term_end\talerts")
                for r in rows {
                    print([r.parcel.code, r.enterpriseName.zh, r.lease.state.rawValue, r.lease.contract?.firstTermEnd.iso ?? "",
                           r.alerts.map { $0.message(.en) }.joined(separator: "; ")].joined(separator: "\t"))
                }
                FileHandle.standardError.write(Data("\(rows.count) lease(s) with alerts as of \(today)\n".utf8))
            }
        }
    }

    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute assessment proposals as of a date (read-only: decisions are taken in the console or API).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "One lease id.") var lease: String?
        @Flag(help: "Every lease with a grant contract.") var all = false
        @Option(name: .customLong("as-of"), help: "Assessment date YYYY-MM-DD.") var asOf: String
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func validate() throws {
            if (lease == nil) == !all { throw ValidationError("give exactly one of --lease ID or --all") }
        }

        func run() async throws {
            try await CLI.run {
                let date = try LeasesCommand.date(asOf)
                let id = try lease.map { raw -> UUID in
                    guard let id = UUID(uuidString: raw) else { throw DomainError.notFound("lease", id: raw) }
                    return id
                }
                let (snapshot, rules) = try await database.withStore { (try await LandSnapshot.load($0.db), try await RulesetRepository(db: $0.db).active()) }
                let items = snapshot.items.filter { $0.lease.contract != nil && (id == nil || $0.lease.id == id) }
                if let id, items.isEmpty { throw DomainError.notFound("lease with a contract", id: id.uuidString) }
                var out: [(Lease, Parcel, AssessmentProposal)] = []
                for (n, item) in items.enumerated() {
                    let c = item.lease.contract!
                    out.append((item.lease, item.parcel, AssessmentEngine.assess(commitments: item.lease.commitments, reports: item.reports,
                                                                                 areaMu: item.parcel.computedAreaMu, asOf: date, ruleset: rules,
                                                                                 firstTermYears: c.firstTermYears + item.lease.extensionYears,
                                                                                 maxTotalYears: c.maxTotalYears)))
                    if items.count > 1000 && (n + 1) % 1000 == 0 { CLI.progressLine("assessed \(n + 1)/\(items.count)") }
                }
                if items.count > 1000 { CLI.endProgress() }
                try LeasesCommand.output(out, format: format)
            }
        }
    }

    static func date(_ raw: String?) throws(DomainError) -> LocalDate {
        guard let raw else { return LocalDate(Date()) }
        guard let d = LocalDate(iso: raw) else {
            throw DomainError(code: "invalid_date", field: "as_of", en: "dates are YYYY-MM-DD, found '\(raw)'", zh: "日期格式应为 YYYY-MM-DD")
        }
        return d
    }

    static func output(_ rows: [(Lease, Parcel, AssessmentProposal)], format: OutputFormat) throws {
        switch format {
        case .json:
            struct Row: Encodable { var lease: String; var parcel: String; var proposal: AssessmentProposal }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try enc.encode(rows.map { Row(lease: $0.0.id!.uuidString, parcel: $0.1.code, proposal: $0.2) }))
            Swift.print()
        case .csv, .table:
            let header = ["lease", "parcel", "state", "score", "mandatory_met", "proposal", "extension_years", "rule"]
            let lines = rows.map { l, p, pr in
                [l.id!.uuidString, p.code, l.state.rawValue, String(format: "%.1f", pr.score), pr.allMandatoryMet ? "yes" : "no",
                 pr.kind.rawValue, String(pr.extensionYears), pr.rule]
            }
            if format == .csv {
                Swift.print(CSVWriter.lines([header] + lines, formulaGuard: true), terminator: "")
            } else {
                Swift.print(header.joined(separator: "\t"))
                for l in lines { Swift.print(l.joined(separator: "\t")) }
            }
        }
    }
}
