import ArgumentParser
import ParkStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply (or revert, or list) database migrations.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Revert the last batch of migrations.") var revert = false
    @Flag(help: "List migrations and whether each is applied.") var status = false

    func run() async throws {
        try await CLI.run {
            try await database.withStore(migrate: false) { store in
                if status {
                    for m in try await store.status() { print("\(m.applied ? "applied" : "pending")  \(m.name)") }
                } else if revert {
                    let names = try await store.revertLastBatch()
                    print(names.isEmpty ? "nothing to revert" : "reverted: \(names.joined(separator: ", "))")
                } else {
                    let names = try await store.migrate()
                    print(names.isEmpty ? "database is up to date (\(store.target))" : "applied: \(names.joined(separator: ", "))")
                }
            }
        }
    }
}
