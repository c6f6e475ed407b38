import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

extension CLI {
    /// Finds the audit key for `target` (or makes a new one, whose file is written when the
    /// trail is first used, with a notice on standard error) and makes it the process's key.
    /// Runs once at start-up of every command that opens the store, and of `serve`.
    static func installAuditKey(for target: DatabaseTarget) throws {
        AuditKeyring.install(try AuditKeyring.resolve(for: target)) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Writes `text` to `path` (replacing it), or to standard output without a path.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else { print(text, terminator: ""); return }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DomainError(code: "file_unwritable", field: "output", en: "cannot write \(path)", zh: "无法写入 \(path)")
        }
    }
}

/// `parkos audit verify`'s optional checkpoint: both files or neither.
struct CheckpointOptions: ParsableArguments {
    @Option(help: "A checkpoint written by `parkos audit checkpoint`: the chain must still hold it.")
    var checkpoint: String?
    @Option(name: .customLong("public-key"), help: "The public key (FILE.pub from `parkos audit keygen`) that signed the checkpoint.")
    var publicKey: String?

    func validate() throws {
        if (checkpoint == nil) != (publicKey == nil) {
            throw ValidationError("--checkpoint and --public-key go together")
        }
    }

    /// The checkpoint and its key, read before the database is opened.
    func load() throws -> (AuditCheckpoint, AuditVerifyingKey)? {
        guard let checkpoint, let publicKey else { return nil }
        return (try AuditCheckpoint.parse(try CLI.read(checkpoint)), try AuditVerifyingKey.read(publicKey))
    }
}

/// The text report of `parkos audit reconcile`.
enum ReconcileText {
    static func render(_ r: AuditReconciliation) -> String {
        var lines = [pad(["table", "rows", "matching", "changed", "not audited", "deleted outside"])]
        for t in r.tables {
            lines.append(pad([t.table, "\(t.rows)", "\(t.matching)", "\(t.changed)",
                              "\(t.notAudited)" + (t.notAuditedIsFinding ? "" : "*"), "\(t.deletedOutside)"]))
        }
        if r.tables.contains(where: { !$0.notAuditedIsFinding && $0.notAudited > 0 }) {
            lines.append("* counted, not a finding: rows loaded without audit entries (the demo's yearly reports)")
        }
        if !r.findings.isEmpty { lines.append("") }
        for f in r.findings {
            var line = "\(f.kind.rawValue)\t\(f.entityType)\t\(f.entityID)\t" + (f.seq.map { "entry \($0)" } ?? "no entry")
            if !f.fields.isEmpty { line += "\tfields: " + f.fields.joined(separator: ", ") }
            if let note = f.note { line += "\t" + note }
            lines.append(line)
        }
        if r.findingsOmitted > 0 { lines.append("… and \(r.findingsOmitted) more (raise --limit)") }
        let changed = r.tables.reduce(0) { $0 + $1.changed }
        let added = r.tables.filter(\.notAuditedIsFinding).reduce(0) { $0 + $1.notAudited }
        let gone = r.tables.reduce(0) { $0 + $1.deletedOutside }
        lines.append(r.isClean ? "reconcile: every audited row matches its latest audit entry"
                               : "reconcile: DIFFERS: \(changed) changed, \(added) without audit entry, \(gone) deleted outside ParkOS")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ r: AuditReconciliation) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? enc.encode(r)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    static func pad(_ cells: [String]) -> String {
        let widths = [20, 8, 9, 8, 12, 16]
        return zip(cells, widths).enumerated().map { i, pair in
            let (cell, w) = pair
            let fill = String(repeating: " ", count: max(0, w - cell.count))
            return i == 0 ? cell + fill : fill + cell
        }.joined(separator: " ")
    }
}
