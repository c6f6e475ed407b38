import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Audit trail tools.",
                                                    subcommands: [Verify.self, Keygen.self, Checkpoint.self, Reconcile.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole chain with the audit key; name the first broken entry (exit 2).",
            discussion: "With --checkpoint and --public-key, also check the checkpoint's signature and that the chain still holds it.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var checkpoint: CheckpointOptions

        func run() async throws {
            try await CLI.run {
                let signed = try checkpoint.load()
                let (report, problem) = try await database.withStore { store -> (AuditChainReport, String?) in
                    let log = AuditLog(db: store.db)
                    let report = try await log.verifyReport { n in CLI.progressLine("checked \(n) entries") }
                    guard report.isIntact, case let (c, key)? = signed else { return (report, nil) }
                    return (report, try await log.check(c, publicKey: key, against: report))
                }
                CLI.endProgress()
                switch report.verification {
                case .intact(let n, let head):
                    print("audit chain intact: \(n) entries, head \(head)")
                case .broken(let seq, let reason):
                    print("audit chain BROKEN at entry \(seq): \(reason)")
                }
                print(Self.keyLine(report))
                if case let (c, key)? = signed, report.isIntact {
                    if let problem {
                        print("checkpoint BROKEN: \(problem)")
                    } else {
                        print("checkpoint holds: entry \(c.seq) of \(c.createdAt) still has the recorded hash (signed by \(key.fingerprint))")
                    }
                }
                if !report.isIntact || problem != nil { throw ExitCode(2) }
            }
        }

        static func keyLine(_ r: AuditChainReport) -> String {
            let legacy = r.legacyEntries == 0 ? "no legacy entries"
                : "entries 1…\(r.legacyEntries) are legacy (unkeyed SHA-256, from before the key: only a checkpoint protects them)"
            return "audit key fingerprint \(r.keyFingerprint) (\(AuditKeyring.current.origin)); \(legacy)"
        }
    }

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new Ed25519 checkpoint signing key to FILE (mode 0600) and its public key to FILE.pub.")
        @Option(help: "Where to write the private key; the public key goes to FILE.pub.") var out: String

        func run() async throws {
            try await CLI.run {
                let key = AuditSigningKey.generate()
                try key.write(to: out)
                print("signing key written to \(out) (keep it offline); public key \(out).pub, fingerprint \(key.publicKey.fingerprint)")
            }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the chain, then write a signed checkpoint of its head (JSON); keep copies away from the database.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("signing-key"), help: "The private key from `parkos audit keygen`.") var signingKey: String
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await CLI.run {
                let signer = try AuditSigningKey.read(signingKey)
                let report = try await database.withStore { try await AuditLog(db: $0.db).verifyReport() }
                if case .broken(let seq, let reason) = report.verification {
                    print("audit chain BROKEN at entry \(seq): \(reason); no checkpoint written")
                    throw ExitCode(2)
                }
                let checkpoint = signer.checkpoint(report, at: ParkClock.system.millis)
                try CLI.emit(checkpoint.json(), to: output)
                if let output {
                    print("checkpoint of \(report.checkedEntries) entries (head \(report.headHash)) written to \(output)")
                }
            }
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the audited tables with their latest audit entries; list rows changed, added or deleted outside ParkOS (exit 2).",
            discussion: "Tables: enterprises, parcels, leases, performance_reports. Yearly reports loaded without entries (the demo) are counted, not findings.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "table or json") var format: OutputFormat = .table
        @Option(help: "List at most this many findings (all are counted).") var limit: Int = 1_000
        @Option(help: "Only this entity type (enterprise, parcel, lease, performance_report); repeatable.")
        var only: [String] = []

        func validate() throws {
            if format == .csv { throw ValidationError("--format is table or json") }
            if limit < 0 { throw ValidationError("--limit must be 0 or more") }
            if let bad = only.first(where: { !AuditReconciler.entityTypes.contains($0) }) {
                throw ValidationError("unknown entity type \(bad); one of \(AuditReconciler.entityTypes.joined(separator: ", "))")
            }
        }

        func run() async throws {
            try await CLI.run {
                let result = try await database.withStore { store in
                    try await AuditReconciler(db: store.db, findingLimit: limit)
                        .run(only: only.isEmpty ? nil : Set(only)) { CLI.progressLine($0) }
                }
                CLI.endProgress()
                print(format == .json ? ReconcileText.json(result) : ReconcileText.render(result), terminator: "")
                if !result.isClean { throw ExitCode(2) }
            }
        }
    }
}
