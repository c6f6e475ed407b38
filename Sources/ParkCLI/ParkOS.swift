import ArgumentParser
import Foundation
import Logging
import ParkDomain
import ParkStore

/// The `parkos` command.
public struct ParkOSCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parkos",
        abstract: "ParkOS: administration of an open-innovation industrial park.",
        subcommands: [ServeCommand.self, DemoCommand.self, MigrateCommand.self, UsersCommand.self,
                      EnterprisesCommand.self, ParcelsCommand.self, LeasesCommand.self, EvaluateCommand.self, PoliciesCommand.self,
                      // ── slot: Investment (issue 11) ──
                      ProjectsCommand.self, FDICommand.self, RatesCommand.self,

                      // ── slot: Service (issue 12) ──
                      RequestsCommand.self, ServiceCommand.self,

                      // ── slot: Indicators (issue 13) ──
                      IndicatorsCommand.self,

                      // ── slot: Outbound (issue 14) ──
                      OutboundCommand.self, CountriesCommand.self,

                      AuditCommand.self, BackupCommand.self, RestoreCommand.self])
    public init() {}
}

/// Where the data lives: `--db PATH` (SQLite file), or `DATABASE_URL=postgres://…`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (ignored when DATABASE_URL is a postgres:// URL).")
    var db: String = "parkos.sqlite"

    var target: DatabaseTarget { DatabaseTarget.resolve(path: db) }

    func withStore<T>(migrate: Bool = true, _ body: (StoreRuntime) async throws -> T) async throws -> T {
        try await CLI.withStore(target, migrate: migrate, body)
    }
}

extension CLI {
    /// Opens the store, runs `body`, always closes it. Migrates first unless told not to.
    static func withStore<T>(_ target: DatabaseTarget, migrate: Bool = true, _ body: (StoreRuntime) async throws -> T) async throws -> T {
        try installAuditKey(for: target)
        let store = try StoreRuntime(target, logger: CLI.quietLogger)
        do {
            if migrate { try await store.migrate() }
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

enum CLI {
    static var quietLogger: Logger {
        var l = Logger(label: "parkos")
        l.logLevel = .warning
        return l
    }

    /// The principal CLI writes are recorded under: the operator's login name.
    static var operatorPrincipal: Principal {
        Principal.system("cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator"))
    }

    /// Runs a command body; a user-facing error is printed as one line and exits 1.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let e as DomainError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(1)
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("error: \(describe(error))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// One line for an unexpected error (database unreachable, file missing, …).
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connection refused") || text.contains("connect(descriptor") {
            return "cannot reach the database (\(text.prefix(160)))"
        }
        return String(text.prefix(300))
    }

    /// The bytes of `file`, or a one-line error naming it.
    static func read(_ file: String) throws(DomainError) -> Data {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DomainError(.notFound, code: "file_not_found", field: "file", en: "cannot read \(file)", zh: "无法读取文件 \(file)")
        }
        return data
    }

    /// The UTF-8 text of `file`, or a one-line error naming it.
    static func readText(_ file: String) throws(DomainError) -> String {
        guard let text = String(data: try read(file), encoding: .utf8) else {
            throw DomainError(.notFound, code: "file_not_found", field: "file", en: "cannot read \(file)", zh: "无法读取文件 \(file)")
        }
        return text
    }

    /// When an all-or-nothing import was refused: prints every row error as a table (`place`
    /// names the first two columns, e.g. row and column) and `summary` on standard error, then
    /// exits 1. Does nothing without errors.
    static func refuseImport(_ errors: [RowError], place: (String, String) = ("row", "column"), summary: String) throws {
        guard !errors.isEmpty else { return }
        print("\(place.0)\t\(place.1)\treason")
        for e in errors { print("\(e.row)\t\(e.column ?? "-")\t\(e.message.en)") }
        FileHandle.standardError.write(Data("error: \(summary)\n".utf8))
        throw ExitCode(1)
    }

    /// One progress line: rewritten in place on a terminal, a line of its own (with no terminal
    /// codes) in a log, so `nohup`, systemd and docker logs show how far a long command is.
    static func progressLine(_ text: String) {
        FileHandle.standardError.write(Data((stderrIsTerminal ? "\r\(text)\u{1B}[K" : "\(text)\n").utf8))
    }

    static func endProgress() { if stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) } }

    static let stderrIsTerminal = isatty(2) == 1

    /// A line on standard output, written at once: `print` is block-buffered when stdout is a
    /// pipe or a file (nohup, systemd, docker logs) and would show only at exit.
    static func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
}
