import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

extension CLI {
    /// A line for the operator on standard error (standard output stays machine-readable).
    static func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

extension EvaluateCommand {
    struct Schemes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per-mu schemes: list them, print one as a document, add a document as the next version of its name.",
            subcommands: [List.self, Show.self, Add.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every version of every scheme.")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "Only schemes evaluating this year.") var year: Int?

            func run() async throws {
                try await CLI.run {
                    let all = try await database.withStore { try await PerMuSchemeRepository(db: $0.db).all(year: year) }
                    Swift.print("year\tname\tversion\tcreated_by\tid")
                    for s in all { Swift.print("\(s.scheme.year)\t\(s.scheme.name)\t\(s.scheme.version)\t\(s.createdBy)\t\(s.id.uuidString)") }
                }
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print a scheme's document (JSON), e.g. to edit it into a draft.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "Scheme name.") var name: String
            @Option(help: "Version (default: newest).") var version: Int?

            func run() async throws {
                try await CLI.run {
                    guard let s = try await database.withStore({ try await PerMuSchemeRepository(db: $0.db).find(name: name, version: version) }) else {
                        throw DomainError(.notFound, code: "not_found", field: "name", en: "no scheme \"\(name)\"", zh: "没有名为“\(name)”的评价办法")
                    }
                    FileHandle.standardOutput.write(s.scheme.document(pretty: true))
                    Swift.print()
                }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Store a scheme document (JSON) as the next version of its name; a bad scheme is refused with the reason.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The .json document.") var file: String

            func run() async throws {
                try await CLI.run {
                    let data = try CLI.read(file)
                    let scheme = try PerMuScheme.fromDocument(data)
                    let s = try await database.withStore { try await PerMuSchemeRepository(db: $0.db).save(scheme, by: CLI.operatorPrincipal) }
                    Swift.print("stored \(s.scheme.name) v\(s.scheme.version) (\(s.scheme.year)) as \(s.id.uuidString)")
                }
            }
        }
    }

    /// Prints a run's results, best first per group, with each unit's reason when not graded.
    static func print(_ o: PerMuRunRepository.Outcome, names: [UUID: Bilingual], format: OutputFormat) throws {
        let order = o.run.results.indices.sorted { i, j in
            let a = o.run.results[i], b = o.run.results[j]
            if a.group != b.group { return a.group == .aboveSize }
            return (a.parkRank ?? .max, i) < (b.parkRank ?? .max, j)
        }
        let explained = { (i: Int) in PerMuEvaluator.explain(o.run.results[i], figures: o.figures[i], scheme: o.scheme, benchmarks: o.run.benchmarks) }
        switch format {
        case .json:
            struct Row: Encodable { var name: String; var result: PerMuResult }
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try enc.encode(order.map { Row(name: names[o.run.results[$0].enterpriseId]?.zh ?? "", result: explained($0)) }))
            Swift.print()
        case .csv, .table:
            let header = ["group", "rank", "grade", "total", "enterprise_id", "name", "cluster", "land_mu", "status", "previous_grade",
                          "surcharge_yuan", "reason"]
            let lines = order.map { i -> [String] in
                let r = o.run.results[i]
                let reason = r.status == .graded ? "" : explained(i).reason?.en ?? ""
                return [r.group.rawValue, r.parkRank.map(String.init) ?? "", r.grade?.rawValue ?? "",
                        r.total.map { String(format: "%.4f", $0) } ?? "", r.enterpriseId.uuidString, names[r.enterpriseId]?.zh ?? "",
                        r.cluster ?? "", String(format: "%.2f", r.landMu), r.status.rawValue, r.previousGrade?.rawValue ?? "",
                        FenText.yuan(r.members.reduce(0) { Checked.addSaturating($0, PerMuRunRepository.fen($1.electricitySurchargeYuan)) }), reason]
            }
            if format == .csv {
                Swift.print(CSVWriter.lines([header] + lines, formulaGuard: true), terminator: "")
            } else {
                Swift.print(header.joined(separator: "\t"))
                for l in lines { Swift.print(l.joined(separator: "\t")) }
            }
        }
    }

    /// Prints a what-if: the migration matrix, the surcharge revenue change and who moves.
    static func print(_ c: PerMuComparison, base: PerMuScheme, draft: PerMuScheme, names: [UUID: Bilingual], format: OutputFormat) throws {
        switch format {
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try enc.encode(c))
            Swift.print()
        case .csv:
            let header = ["enterprise_id", "name", "from", "to", "from_status", "to_status", "enacted_surcharge_yuan", "draft_surcharge_yuan"]
            let lines = c.changes.map { ch in
                [ch.enterpriseId.uuidString, names[ch.enterpriseId]?.zh ?? "", ch.from?.rawValue ?? "", ch.to?.rawValue ?? "",
                 ch.fromStatus?.rawValue ?? "", ch.toStatus?.rawValue ?? "", String(format: "%.2f", ch.enactedSurchargeYuan),
                 String(format: "%.2f", ch.draftSurchargeYuan)]
            }
            Swift.print(CSVWriter.lines([header] + lines, formulaGuard: true), terminator: "")
        case .table:
            Swift.print("\(base.name) v\(base.version) (rows) → \(draft.name) v\(draft.version) (columns)")
            let labels = ["A", "B", "C", "D", "—"]
            Swift.print("\t" + labels.joined(separator: "\t"))
            for (i, row) in c.matrix.enumerated() { Swift.print(labels[i] + "\t" + row.map(String.init).joined(separator: "\t")) }
            Swift.print(String(format: "electricity surcharge revenue: %.2f → %.2f yuan (%+.2f)", c.enactedSurchargeYuan,
                               c.draftSurchargeYuan, c.surchargeRevenueChange))
            Swift.print("\(c.changes.count) enterprise(s) change grade:")
            for ch in c.changes {
                Swift.print("\(names[ch.enterpriseId]?.zh ?? ch.enterpriseId.uuidString)\t\(ch.from?.rawValue ?? "—") → \(ch.to?.rawValue ?? "—")")
            }
        }
    }
}
