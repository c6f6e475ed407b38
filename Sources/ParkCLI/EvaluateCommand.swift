import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos evaluate`: the per-mu evaluation from the command line.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Per-mu evaluation: run a scheme on a year, compare a draft, enact, export treatments.",
        subcommands: [Run.self, Compare.self, Enact.self, Reopen.self, Treatments.self, Schemes.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score, rank and grade every enterprise holding land in YEAR; stored as a proposed run unless --dry-run.",
            discussion: "The scheme is --scheme NAME (newest version, or --version), else the scheme of the year's enacted run, else the newest scheme for the year.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The data year.") var year: Int
        @Option(help: "Scheme name.") var scheme: String?
        @Option(help: "Scheme version (default: newest).") var version: Int?
        @Flag(name: .customLong("dry-run"), help: "Compute and print; store nothing.") var dryRun = false
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await CLI.run {
                try await database.withStore { store in
                    let chosen = try await EvaluateCommand.scheme(store, year: year, name: scheme, version: version)
                    CLI.progressLine("loading \(year) figures and scoring with \(chosen.scheme.name) v\(chosen.scheme.version)…")
                    let started = Date()
                    let outcome = try await PerMuRunRepository(db: store.db).run(schemeID: chosen.id, dryRun: dryRun, by: CLI.operatorPrincipal)
                    CLI.progressLine("\(outcome.run.results.count) units scored in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
                    CLI.endProgress()
                    let names = try await EnterpriseRepository(db: store.db).names(Set(outcome.run.results.map(\.enterpriseId)))
                    try EvaluateCommand.print(outcome, names: names, format: format)
                    let counts = outcome.run.gradeCounts
                    let summary = "A \(counts[.a] ?? 0), B \(counts[.b] ?? 0), C \(counts[.c] ?? 0), D \(counts[.d] ?? 0)"
                    if let stored = outcome.stored {
                        CLI.note("stored run \(stored.id.uuidString) (\(summary)); an administrator enacts it with `parkos evaluate enact --run \(stored.id.uuidString)`")
                    } else {
                        CLI.note("dry run (\(summary)); nothing stored")
                    }
                }
            }
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What-if: run a draft scheme and the year's enacted scheme (or --base) on the same figures; print who moves.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The data year.") var year: Int
        @Option(help: "The draft scheme's name.") var scheme: String
        @Option(help: "Draft version (default: newest).") var version: Int?
        @Option(help: "Compare with this scheme instead of the enacted one.") var base: String?
        @Option(name: .customLong("base-version"), help: "The base scheme's version (default: newest).") var baseVersion: Int?
        @Option(help: "table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await CLI.run {
                try await database.withStore { store in
                    let draft = try await EvaluateCommand.scheme(store, year: year, name: scheme, version: version)
                    var baseID: UUID?
                    if let base { baseID = try await EvaluateCommand.scheme(store, year: year, name: base, version: baseVersion).id }
                    let (c, b, d) = try await PerMuRunRepository(db: store.db).compare(draftID: draft.id, baseID: baseID, by: CLI.operatorPrincipal)
                    let names = try await EnterpriseRepository(db: store.db).names(Set(c.changes.map(\.enterpriseId)))
                    try EvaluateCommand.print(c, base: b.scheme, draft: d.scheme, names: names, format: format)
                }
            }
        }
    }

    struct Enact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a stored run its year's official one (audited).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The run id (printed by `evaluate run`).") var run: String

        func run() async throws {
            try await CLI.run {
                guard let id = UUID(uuidString: run) else { throw DomainError.notFound("run", id: run) }
                let r = try await database.withStore { try await PerMuRunRepository(db: $0.db).enact(id, by: CLI.operatorPrincipal) }
                Swift.print("enacted \(r.year): \(r.schemeName) v\(r.schemeVersion), A \(r.gradeCounts[0]), B \(r.gradeCounts[1]), C \(r.gradeCounts[2]), D \(r.gradeCounts[3])")
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-open an enacted year so it can be run and enacted again (audited).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The year.") var year: Int
        @Option(help: "Why (at least 10 characters).") var reason: String

        func run() async throws {
            try await CLI.run {
                let r = try await database.withStore { try await PerMuRunRepository(db: $0.db).reopen(year: year, reason: reason, by: CLI.operatorPrincipal) }
                Swift.print("re-opened \(r.year) (run \(r.id.uuidString) is now \(r.state.rawValue))")
            }
        }
    }

    struct Treatments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the treatment list of a year's enacted run (or --run) for the utilities, as CSV.",
            discussion: "Columns: \(PerMuTreatmentCSV.columns.joined(separator: ", ")).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The year (its enacted run).") var year: Int?
        @Option(help: "A run id instead.") var run: String?
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            if (year == nil) == (run == nil) { throw ValidationError("give exactly one of --year or --run") }
        }

        func run() async throws {
            try await CLI.run {
                let rows = try await database.withStore { store in
                    let runs = PerMuRunRepository(db: store.db)
                    let r: PerMuRunRepository.Stored
                    if let raw = run {
                        guard let id = UUID(uuidString: raw) else { throw DomainError.notFound("run", id: raw) }
                        r = try await runs.require(id)
                    } else if let found = try await runs.enacted(year: year!) {
                        r = found
                    } else {
                        throw DomainError(.notFound, code: "not_enacted", field: "year", en: "\(year!) has no enacted run", zh: "\(year!) 年度尚无正式结果")
                    }
                    return try await PerMuResultQuery(db: store.db).treatmentList(runID: r.id)
                }
                let data = PerMuTreatmentCSV.data(rows)
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                    CLI.note("wrote \(rows.count) enterprises to \(output)")
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }

    /// The scheme named `name` (newest or `version`), else the year's enacted scheme, else the newest for the year.
    static func scheme(_ store: StoreRuntime, year: Int, name: String?, version: Int?) async throws -> PerMuSchemeRepository.Stored {
        let schemes = PerMuSchemeRepository(db: store.db)
        if let name {
            guard let s = try await schemes.find(name: name, version: version) else {
                throw DomainError(.notFound, code: "not_found", field: "scheme",
                                  en: "no scheme \"\(name)\"\(version.map { " version \($0)" } ?? "") (see `parkos evaluate schemes list`)",
                                  zh: "没有名为“\(name)”的评价办法")
            }
            guard s.scheme.year == year else {
                throw DomainError(code: "year_mismatch", field: "scheme", en: "\(name) v\(s.scheme.version) evaluates \(s.scheme.year), not \(year)",
                                  zh: "\(name) 第 \(s.scheme.version) 版评价 \(s.scheme.year) 年度，不是 \(year) 年度")
            }
            return s
        }
        if let enacted = try await PerMuRunRepository(db: store.db).enacted(year: year) { return try await schemes.require(enacted.schemeID) }
        guard let newest = try await schemes.all(year: year).max(by: { $0.createdAtMillis < $1.createdAtMillis }) else {
            throw DomainError(.notFound, code: "not_found", field: "year",
                              en: "no scheme evaluates \(year); add one with `parkos evaluate schemes add FILE`",
                              zh: "没有 \(year) 年度的评价办法，请用 `parkos evaluate schemes add FILE` 添加")
        }
        return newest
    }
}
