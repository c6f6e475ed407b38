import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos fdi recognition …`: headquarters recognition (issue 11 item 5): the rule sets, checks
/// of one firm or of every candidate (a page at a time), and the recognition itself.
struct RecognitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recognition", abstract: "Regional headquarters and functional unit recognition: rule sets, checks, recognise.",
        subcommands: [Check.self, Rules.self, Recognise.self])

    static func enterprise(_ code: String, _ store: StoreRuntime) async throws -> Enterprise {
        guard let e = try await EnterpriseRepository(db: store.db).find(creditCode: code.uppercased()) else {
            throw DomainError(code: "unknown_enterprise", field: "enterprise", en: "no enterprise with credit code \(code)", zh: "没有统一社会信用代码为 \(code) 的企业")
        }
        return e
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check one firm (--enterprise) or every candidate (firms that supplied a recognition fact) under every rule set: met, not met or undetermined, each condition explained.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Credit code of one firm (default: every candidate).") var enterprise: String?
        @Option(help: "As of YYYY-MM-DD (default: today); revenue and tax are the year before's reports.") var asOf: String?
        @Option(help: "table or csv (every candidate, a page at a time).") var format: OutputFormat = .table
        @Option(help: "Language of the conditions: zh or en.") var lang: IndicatorsCommand.Lang = .zh
        @Option(help: "Firms (table format, every candidate).") var limit: Int = 50

        func run() async throws {
            try await CLI.run {
                let language = Language(rawValue: lang.rawValue) ?? .zh
                let date = try asOf.map { d throws(DomainError) in
                    guard let x = LocalDate(iso: d) else { throw DomainError(code: "invalid_date", field: "as_of", en: "as-of must be YYYY-MM-DD", zh: "as-of 须为 YYYY-MM-DD") }
                    return x
                }
                let perPage = try Bounds.check(limit, in: 1...500, field: "limit")
                try await database.withStore { store in
                    let s = RecognitionService(db: store.db)
                    let header = ["credit_code", "enterprise", "rule_set", "kind", "verdict", "missing", "conditions", "recognised"]
                    func lines(_ f: RecognitionService.FirmCheck) -> [[String]] {
                        f.checks.map { c in
                            [f.creditCode, f.name.text(language), c.ruleSet.code, c.ruleSet.kind.rawValue, c.verdict.rawValue,
                             c.missingFacts.map(\.fact).joined(separator: ";"), c.sentences(language).joined(separator: " | "),
                             f.recognitions.map { "\($0.kind.rawValue) \($0.recognisedOn.iso)" }.joined(separator: ";")]
                        }
                    }
                    if let enterprise {
                        let e = try await RecognitionCommand.enterprise(enterprise, store)
                        let f = try await s.check(enterprise: e.id!, asOf: date, by: CLI.operatorPrincipal)
                        if format == .csv {
                            print(CSVWriter.line(header))
                            for l in lines(f) { print(CSVWriter.line(l, formulaGuard: true)) }
                        } else {
                            print("\(f.creditCode) \(f.name.text(language)) — \(f.asOf.iso)")
                            for c in f.checks {
                                print("\n\(c.ruleSet.title.text(language)) (\(c.ruleSet.code)): \(c.verdict.label.text(language))")
                                for line in c.sentences(language) { print("  " + line) }
                                if !c.missingFacts.isEmpty {
                                    print("  " + (language == .zh ? "需补充：" : "Data needed: ") + c.missingFacts.map { $0.label.text(language) }
                                        .joined(separator: language == .zh ? "、" : ", "))
                                }
                            }
                            for r in f.recognitions { print("\n\(r.kind.label.text(language)): \(r.ruleCode), \(r.recognisedOn.iso), \(r.recognisedBy)") }
                        }
                        return
                    }
                    if format == .csv {
                        print(CSVWriter.line(header))
                        var page = 1
                        while true {
                            let p = try await s.checkCandidates(try PageRequest(page: page, perPage: 200), asOf: date, by: CLI.operatorPrincipal)
                            for f in p.items { for l in lines(f) { print(CSVWriter.line(l, formulaGuard: true)) } }
                            if p.items.count < 200 { break }
                            page += 1
                        }
                    } else {
                        let p = try await s.checkCandidates(try PageRequest(page: 1, perPage: perPage), asOf: date, by: CLI.operatorPrincipal)
                        print(["credit_code", "enterprise", "rule_set", "verdict", "missing"].joined(separator: "\t"))
                        for f in p.items { for l in lines(f) { print([l[0], l[1], l[2], l[4], l[5]].joined(separator: "\t")) } }
                        CLI.note("\(p.items.count) of \(p.total) candidates")
                    }
                }
            }
        }
    }

    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The rule sets and their thresholds; --source prints each as policy-language text.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print each rule set in the policy language.") var source = false

        func run() async throws {
            try await CLI.run {
                let rules = try await database.withStore { try await RecognitionService(db: $0.db).rules() }
                for r in rules {
                    if source { print(r.policySource + "\n"); continue }
                    let t = r.thresholds
                    let parts: [String?] = [
                        t.managedEntities.map { "managed_entities >= \($0)" }, t.managedOutsideProvince.map { "outside_province >= \($0)" },
                        t.foreignParentSharePercent.map { "foreign_parent > \($0)%" }, t.paidInCapitalYuan.map { "paid_in >= \($0) yuan" },
                        t.controlledOutsidePark.map { "controlled_outside_park >= \($0)" }, t.outsideRevenueSharePercent.map { "their revenue >= \($0)%" },
                        t.manufacturingRevenueYuan.map { "manufacturing revenue >= \($0) yuan" }, t.manufacturingTaxYuan.map { "tax >= \($0) yuan" },
                        t.otherRevenueYuan.map { "others revenue >= \($0) yuan" }, t.otherTaxYuan.map { "tax >= \($0) yuan" },
                    ]
                    print([r.code, r.kind.rawValue, String(r.year), r.title.zh, parts.compactMap { $0 }.joined(separator: "; "), r.source].joined(separator: "\t"))
                }
            }
        }
    }

    struct Recognise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recognise a firm that meets a rule set of the kind today (audited; a regional headquarters gets its register flag).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Credit code.") var enterprise: String
        @Option(help: "regional_hq or functional_unit.") var kind: String

        func run() async throws {
            try await CLI.run {
                guard let k = RecognitionKind(rawValue: kind) else {
                    throw DomainError(code: "invalid_kind", field: "kind", en: "kind must be regional_hq or functional_unit", zh: "kind 须为 regional_hq 或 functional_unit")
                }
                let r = try await database.withStore { store in
                    let e = try await RecognitionCommand.enterprise(enterprise, store)
                    return try await RecognitionService(db: store.db).recognise(enterprise: e.id!, as: k, by: CLI.operatorPrincipal)
                }
                print("recognised as \(r.kind.rawValue) under \(r.ruleCode) on \(r.recognisedOn.iso)")
            }
        }
    }
}
