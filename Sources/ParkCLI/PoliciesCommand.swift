import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos policies`: policies as code from the command line.
struct PoliciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "Policies as code: check, test, store, and match every policy against every enterprise.",
        subcommands: [Match.self, Check.self, Test.self, Add.self, List.self, Builtins.self, ImportFacts.self])

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Match every policy in force (or --policy) against every enterprise and store the run (grants proposed for policies paid without application).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this policy id.") var policy: String?
        @Option(name: .customLong("as-of"), help: "As of this date (YYYY-MM-DD); default today in Asia/Shanghai.") var asOf: String?
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await CLI.run {
                let date = try LeasesCommand.date(asOf)
                try await database.withStore { store in
                    let runs = PolicyRunRepository(db: store.db)
                    let run = try await runs.match(asOf: date, policyID: policy, by: CLI.operatorPrincipal) { CLI.progressLine($0) }
                    CLI.endProgress()
                    let rows = try await runs.allResults(runID: run.id, policyID: policy)
                    try PoliciesCommand.print(rows, format: format)
                    for u in run.policies {
                        CLI.note("\(u.id) v\(u.version): \(u.eligible) eligible (\(FenText.yuan(u.amountFen)) yuan), \(u.undetermined) undetermined")
                    }
                    CLI.note("stored run \(run.id.uuidString): \(run.enterprises) enterprises as of \(run.asOf.iso), data year \(run.dataYear)")
                }
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse and check policy files: errors and lint warnings with line and column.")
        @Argument(help: "One or more .policy files.") var files: [String]

        func run() async throws {
            try await CLI.run {
                var errors = 0
                for file in files {
                    let text = try CLI.readText(file)
                    let found = Policy.diagnose(text)
                    for d in found { Swift.print("\(file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message.en) [\(d.code)]") }
                    errors += found.filter { $0.severity == .error }.count
                    if found.isEmpty { Swift.print("\(file): ok") }
                }
                if errors > 0 { throw ExitCode(1) }
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run policy test cases: the .tests files of DIR against its .policy files, or the built-in policies' tests.")
        @Argument(help: "A directory of .policy and .tests files (default: the built-in policies).") var dir: String?

        func run() async throws {
            try await CLI.run {
                var files: [(name: String, contents: String)] = []
                if let dir {
                    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".policy") || $0.hasSuffix(".tests") }.sorted()
                    guard !names.isEmpty else {
                        throw DomainError(.notFound, code: "no_files", field: "dir", en: "\(dir) holds no .policy or .tests files", zh: "\(dir) 中没有 .policy 或 .tests 文件")
                    }
                    for n in names { files.append((n, try String(contentsOfFile: (dir as NSString).appendingPathComponent(n), encoding: .utf8))) }
                } else {
                    files = PolicyLibrary.builtIn.flatMap(\.files)
                }
                let results = PolicyTestRunner.run(files: files)
                for r in results { Swift.print("\(r.passed ? "pass" : "FAIL")  \(r.policyId):\(r.line)  \(r.name)\(r.passed ? "" : " — " + r.message.en)") }
                let failed = results.filter { !$0.passed }.count
                CLI.note("\(results.count - failed) passed, \(failed) failed")
                if failed > 0 || results.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store a .policy file as the next version of its policy (refused with the line on an error).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The .policy file.") var file: String

        func run() async throws {
            try await CLI.run {
                let text = try CLI.readText(file)
                let s = try await database.withStore { try await PolicyRepository(db: $0.db).save(text, by: CLI.operatorPrincipal) }
                Swift.print("stored \(s.policy.id) v\(s.version)")
                for w in s.policy.warnings { CLI.note("\(file):\(w.line):\(w.column): warning: \(w.message.en)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest version of every stored policy.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await CLI.run {
                let all = try await database.withStore { try await PolicyRepository(db: $0.db).latest() }
                Swift.print("id\tversion\tvalid\twithout_application\tbudget_yuan\ttitle")
                for s in all {
                    let h = s.policy.header
                    Swift.print("\(s.policy.id)\t\(s.version)\t\(h.validFrom.iso)…\(h.validTo?.iso ?? "")\t\(h.withoutApplication)\t"
                                + "\(h.budgetFen.map { FenText.yuan($0) } ?? "")\t\(h.title.en)")
                }
            }
        }
    }

    struct Builtins: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the built-in policies and their test cases to DIR (<id>.policy, <id>.tests).")
        @Argument(help: "The directory to write to (created if needed).") var dir: String

        func run() async throws {
            try await CLI.run {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                for p in PolicyLibrary.builtIn {
                    for f in p.files { try f.contents.write(toFile: (dir as NSString).appendingPathComponent(f.name), atomically: true, encoding: .utf8) }
                }
                Swift.print("wrote \(PolicyLibrary.builtIn.count) policies and their tests to \(dir)")
            }
        }
    }

    struct ImportFacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-facts",
            abstract: "Import supplied facts (certifications, headquarters tier, FDI, fixed-asset investment) from a CSV; all rows or none.",
            discussion: "Columns: \(EnterpriseFactRepository.csvColumns.joined(separator: ", ")). Facts: \(PolicyFactText.supplied.joined(separator: ", ")).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await EnterpriseFactRepository(db: $0.db).importCSV(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                Swift.print(dryRun ? "dry run: all \(r.rows) rows are valid; nothing written" : "imported \(r.rows) facts")
            }
        }
    }

    static func print(_ rows: [PolicyRunRepository.Row], format: OutputFormat) throws {
        switch format {
        case .json:
            struct Row: Encodable { var policy: String; var enterprise_id: String; var credit_code: String; var name: String
                                    var status: String; var amount_yuan: String?; var missing_facts: [String] }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try enc.encode(rows.map {
                Row(policy: $0.policyID, enterprise_id: $0.enterpriseID.uuidString, credit_code: $0.creditCode, name: $0.nameZh,
                    status: $0.status == .eligible ? "eligible" : "undetermined", amount_yuan: $0.amountFen.map { FenText.yuan($0) },
                    missing_facts: $0.missing)
            }))
            Swift.print()
        case .csv, .table:
            let header = ["policy", "credit_code", "name", "status", "amount_yuan", "missing_facts"]
            let lines = rows.map { r in
                [r.policyID, r.creditCode, r.nameZh, r.status == .eligible ? "eligible" : "undetermined",
                 r.amountFen.map { FenText.yuan($0) } ?? "", r.missing.joined(separator: ";")]
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
