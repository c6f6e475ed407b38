import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

extension DemoScale: ExpressibleByArgument {}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or reuse) a demo park database, print the URL and logins, and serve it.")

    @Option(help: "Demo SQLite database file (created if missing, reused if it holds a park).")
    var db: String = "parkos-demo.sqlite"
    @Option(help: "Random seed: the same seed gives the same park.") var seed: UInt64 = 2026
    @Option(help: "small (~200 enterprises), sip (~5,000, like Suzhou Industrial Park) or large (100,000, for scale checks and benchmarks).") var scale: DemoScale = .sip
    @Flag(name: .customLong("no-serve"), help: "Create the database and exit.") var noServe = false
    @OptionGroup var address: ServerAddress

    func run() async throws {
        try await CLI.run {
            let target = DatabaseTarget.resolve(path: db)
            let started = Date()
            let outcome = try await CLI.withStore(target) { store in
                try await DemoSeeder(db: store.db).seed(seed: seed, scale: scale) { CLI.progressLine($0) }
            }
            CLI.endProgress()
            let secs = String(format: "%.1f", Date().timeIntervalSince(started))
            CLI.say(outcome.created ? "Demo park created in \(secs) s: \(outcome.enterprises) enterprises (\(target))."
                                  : "Reusing demo park: \(outcome.enterprises) enterprises (\(target)).")
            // Names as long as the longest (padding to a fixed width cut "invest-head" short).
            let width = outcome.logins.map(\.username.count).max() ?? 8
            let logins = outcome.logins.map { "  \($0.username.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \($0.note)" }
            let text = """
            Demo logins (password for all: \(DemoSeeder.password)):
            \(logins.joined(separator: "\n"))
            """
            if noServe { CLI.say(text); return }
            try await Serving.serve(target, address: address) {
                CLI.say(text)
                CLI.say("Open http://\(address.host):\(address.port)/ (Ctrl-C to stop)")
            }
        }
    }
}

