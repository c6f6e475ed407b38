import ArgumentParser
import ParkStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Audit trail tools.",
                                                    subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the whole hash chain; name the first broken entry.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await CLI.run {
                let result = try await database.withStore { store in
                    try await AuditLog(db: store.db).verify { n in CLI.progressLine("checked \(n) entries") }
                }
                CLI.endProgress()
                switch result {
                case .intact(let n, let head):
                    print("audit chain intact: \(n) entries, head \(head)")
                case .broken(let seq, let reason):
                    print("audit chain BROKEN at entry \(seq): \(reason)")
                    throw ExitCode(2)
                }
            }
        }
    }
}
