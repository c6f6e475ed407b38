import ArgumentParser
import Foundation
import ParkDomain
import ParkServer
import ParkStore

struct EnterprisesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enterprises", abstract: "Import and export the enterprise register.",
                                                    subcommands: [Import.self, Export.self, Profile.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import enterprises from a CSV file (UTF-8 or GBK/GB18030); all rows or none.",
            discussion: "Columns: \(EnterpriseCSV.columns.joined(separator: ", ")). Required: \(EnterpriseCSV.requiredColumns.joined(separator: ", ")).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let report = try await database.withStore { store in
                    try await EnterpriseImporter(db: store.db).run(data, dryRun: dryRun, by: CLI.operatorPrincipal) { stage, done, total in
                        CLI.progressLine("\(stage) \(done)/\(total) rows")
                    }
                }
                CLI.endProgress()
                try CLI.refuseImport(report.errors, summary: "\(report.errors.count) error(s) in \(report.rows) rows; nothing was imported")
                print(dryRun ? "dry run: all \(report.rows) rows are valid (encoding \(report.encoding)); nothing written"
                             : "imported \(report.imported) enterprises (encoding \(report.encoding))")
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the register as CSV (the import columns) or JSON.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "csv or json.") var format: Format = .csv
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await CLI.run {
                let all = try await database.withStore { try await EnterpriseRepository(db: $0.db).all() }
                let data: Data
                switch format {
                case .csv: data = Data(EnterpriseCSV.encode(all).utf8)
                case .json:
                    let enc = JSONEncoder()
                    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    data = try enc.encode(all)
                }
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                    FileHandle.standardError.write(Data("wrote \(all.count) enterprises to \(output)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }

    enum ProfileFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    /// The firm's profile (一企一档): every module's section.
    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One enterprise's profile: every module's section (register, land, reports, per-mu, policies, grants, …).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The enterprise's unified social credit code.") var creditCode: String
        @Option(help: "table or json.") var format: ProfileFormat = .table
        @Option(help: "Language of the table: zh or en.") var lang: IndicatorsCommand.Lang = .zh

        func run() async throws {
            try await CLI.run {
                let profile = try await database.withStore { store -> EnterpriseProfile in
                    let code = creditCode.trimmingCharacters(in: .whitespaces).uppercased()
                    guard let e = try await EnterpriseRepository(db: store.db).find(creditCode: code), let id = e.id else {
                        throw DomainError(.notFound, code: "not_found", field: "credit_code", en: "no enterprise has credit code \(code)",
                                          zh: "没有统一社会信用代码为 \(code) 的企业")
                    }
                    return try await EnterpriseProfile.load(db: store.db, clock: .system, enterprise: id, by: CLI.operatorPrincipal)
                }
                if format == .json {
                    FileHandle.standardOutput.write(try IndicatorExport.profileJSON(profile))
                    print("")
                    return
                }
                let l = Language(rawValue: lang.rawValue) ?? .zh
                print("\(profile.enterprise.nameZh) · \(profile.enterprise.creditCode.value)")
                for s in profile.sections {
                    print("\n== \(s.title.text(l)) ==")
                    for b in s.content.blocks {
                        if let t = b.title { print("-- \(t.text(l))") }
                        switch b.kind {
                        case .facts: print(IndicatorExport.textTable(["", ""], b.facts.map { [$0.label.text(l), $0.value.text.text(l)] }))
                        case .table: print(IndicatorExport.textTable(b.columns.map { $0.text(l) }, b.rows.map { $0.map { $0.text.text(l) } }))
                        case .note: print(b.note?.text(l) ?? "")
                        }
                    }
                }
            }
        }
    }
}
