import ArgumentParser
import Foundation
import ParkDomain
import ParkStore

/// `parkos requests …`: enterprise requests from the command line.
struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requests", abstract: "Enterprise requests: list, show, stats, import, export, sweep.",
                                                    subcommands: [List.self, Show.self, Stats.self, Import.self, Export.self, Sweep.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A page of requests, newest first (--overdue: oldest deadline first).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Lead department code.") var department: String?
        @Option(help: "Category code.") var category: String?
        @Option(help: "State (submitted, dispatched, in_progress, awaiting_enterprise, replied, closed).") var state: String?
        @Flag(help: "Only open requests past their deadline.") var overdue = false
        @Option(help: "Page (50 a page).") var page: Int = 1

        func run() async throws {
            try await CLI.run {
                let st = try state.map { s throws(DomainError) -> RequestState in
                    guard let v = RequestState(rawValue: s) else {
                        throw DomainError(code: "invalid_value", field: "state", en: "unknown state \(s)", zh: "未知状态 \(s)")
                    }
                    return v
                }
                let p = try PageRequest(page: page, perPage: 50)
                let rows = try await database.withStore {
                    try await ServiceRepository(db: $0.db).list(.init(department: department, category: category, state: st, overdueOnly: overdue),
                                                                page: p, for: CLI.operatorPrincipal)
                }
                print("reference\tstate\tlead\tcategory\treceived\tdue\ttitle")
                for r in rows.items {
                    print("\(r.reference)\t\(r.state.rawValue)\t\(r.leadDepartment)\t\(r.categoryCode)\t\(r.receivedOn)\t\(r.dueOn?.iso ?? "-")\t\(r.title)")
                }
                FileHandle.standardError.write(Data("page \(rows.page) of \(rows.pageCount), \(rows.total) requests\n".utf8))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One request (by reference SR-000123) with its clocks, subtasks and thread.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The reference, e.g. SR-000001.") var reference: String

        func run() async throws {
            try await CLI.run {
                guard reference.uppercased().hasPrefix("SR-"), let n = Int(reference.dropFirst(3)) else {
                    throw DomainError(code: "invalid_value", field: "reference", en: "a reference looks like SR-000123", zh: "编号格式应为 SR-000123")
                }
                try await database.withStore { store in
                    let repo = ServiceRepository(db: store.db)
                    guard let r = try await repo.find(number: n) else { throw DomainError.notFound("request", id: reference) }
                    let index = try await repo.calendarIndex(), today = repo.today
                    print("\(r.reference)  \(r.title)")
                    print("state: \(r.state.rawValue)  lead: \(r.leadDepartment)  category: \(r.categoryCode)  received: \(r.receivedOn)  due: \(r.dueOn?.iso ?? "-")")
                    if let rating = r.rating { print("rating: \(rating)/5 \(r.ratingComment ?? "")") }
                    print("\nclocks:")
                    for c in try await repo.clocks(of: r.id) {
                        print("  \(c.subtaskID == nil ? "request" : c.department)\t\(c.clock.kind.rawValue)\t\(c.clock.limitDays) d\tdue \(c.clock.dueOn(index))\t\(c.clock.state(on: today, index).rawValue)")
                    }
                    print("\nsubtasks:")
                    for s in try await repo.subtasks(of: r.id) { print("  \(s.department)\t\(s.state.rawValue)\tdue \(s.dueOn?.iso ?? "-")\t\(s.result ?? s.instructions)") }
                    print("\nthread:")
                    for m in try await repo.thread(of: r.id, for: CLI.operatorPrincipal) {
                        print("  [\(m.kind.rawValue)] \(m.authorName): \(m.body)")
                    }
                }
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The month's service performance per department and category (SQL aggregates).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The month, YYYY-MM.") var month: String
        @Option(help: "table, json or csv.") var format: OutputFormat = .table
        @Option(help: "Only this lead department.") var department: String?

        func run() async throws {
            try await CLI.run {
                let m = try YearMonth.parse(month, field: "month")
                let stats = try await database.withStore { try await ServiceStatsQuery(db: $0.db).run(month: m, department: department) }
                print(ServiceStatsOutput.render(stats, format), terminator: "")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Raise requests received elsewhere (12345, visits) from CSV; all rows or none.",
                                                        discussion: "Columns: \(ServiceRequestCSV.importColumns.joined(separator: ", ")).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { try await ServiceRequestCSV(db: $0.db).importCSV(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                print(dryRun ? "dry run: all \(r.rows) requests are valid; nothing written" : "raised \(r.imported) requests")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every request as CSV, streamed 500 at a time.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Lead department code.") var department: String?

        func run() async throws {
            try await CLI.run {
                try await database.withStore {
                    try await ServiceRequestCSV(db: $0.db).export(.init(department: department), by: CLI.operatorPrincipal) { CLI.say($0) }
                }
            }
        }
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Escalate clocks past 80 %, 100 % and 150 % once (serve does this every minute).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await CLI.run {
                let total = try await database.withStore { store in
                    var sum = ServiceSweep.Outcome()
                    while true {
                        let o = try await ServiceSweep(db: store.db).run(limit: 500)
                        sum.warned += o.warned; sum.overdue += o.overdue; sum.leadership += o.leadership
                        if o.total < 500 { break }
                    }
                    return sum
                }
                print("warned \(total.warned), overdue to heads \(total.overdue), to leadership \(total.leadership)")
            }
        }
    }
}

/// `parkos service …`: the catalogue and Open311 keys.
struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "The service catalogue and Open311 API keys.",
                                                    subcommands: [Catalogue.self, Open311Key.self])

    struct Catalogue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The service catalogue.", subcommands: [List.self, Import.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every category as CSV (the import's columns).")
            @OptionGroup var database: DatabaseOptions
            func run() async throws {
                try await CLI.run { print(try await database.withStore { try await ServiceCatalogueRepository(db: $0.db).csv() }, terminator: "") }
            }
        }

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add or replace categories from CSV; all rows or none.",
                                                            discussion: "Columns: \(ServiceCatalogue.columns.joined(separator: ", ")).")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The CSV file.") var file: String
            @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false
            func run() async throws {
                try await CLI.run {
                    let data = try CLI.read(file)
                    let r = try await database.withStore { try await ServiceCatalogueRepository(db: $0.db).importCSV(data, dryRun: dryRun, by: CLI.operatorPrincipal) }
                    try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s); nothing was imported")
                    print(dryRun ? "dry run: all \(r.rows) categories are valid; nothing written" : "imported \(r.rows) categories")
                }
            }
        }
    }

    struct Open311Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open311-key", abstract: "Issue an Open311 API key filing for one enterprise (printed once).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Who the key is for.") var name: String
        @Option(name: .customLong("credit-code"), help: "The enterprise's unified social credit code.") var creditCode: String
        func run() async throws {
            try await CLI.run {
                let key = try await database.withStore { store in
                    guard let e = try await EnterpriseRepository(db: store.db).find(creditCode: creditCode) else {
                        throw DomainError.notFound("enterprise", id: creditCode)
                    }
                    return try await Open311Keys(db: store.db).issue(name: name, enterpriseID: e.id!, by: CLI.operatorPrincipal)
                }
                print(key)
            }
        }
    }
}

/// The month's stats as a table, JSON or CSV.
enum ServiceStatsOutput {
    static let columns = ["group", "key", "received", "accepted", "accepted_in_time", "first_replied", "first_reply_in_time", "resolved",
                          "resolved_in_time", "resolution_rate", "rated", "average_rating", "satisfaction_rate", "reopened_share", "overdue_open"]

    static func cells(_ group: String, _ r: ServiceStatsRow) -> [String] {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
        return [group, r.key.isEmpty ? "park" : r.key, String(r.received), String(r.accepted), String(r.acceptedInTime), String(r.firstReplied),
                String(r.firstReplyInTime), String(r.resolved), String(r.resolvedInTime), pct(r.resolutionRate), String(r.rated),
                r.averageRating.map { String(format: "%.2f", $0) } ?? "-", pct(r.satisfactionRate), pct(r.reopenedShare), String(r.overdueOpen)]
    }

    static func render(_ s: ServiceStats, _ format: OutputFormat) -> String {
        let rows = [cells("total", s.total)] + s.byDepartment.map { cells("department", $0) } + s.byCategory.map { cells("category", $0) }
        switch format {
        case .csv:
            return ([columns] + rows).map { CSVWriter.line($0) }.joined(separator: "\n") + "\n"
        case .json:
            struct Out: Encodable {
                var month: String; var total: ServiceStatsRow; var byDepartment: [ServiceStatsRow]; var byCategory: [ServiceStatsRow]
                var topCategories: [String]; var backlog: [String: Int]
            }
            let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]; enc.keyEncodingStrategy = .convertToSnakeCase
            let out = Out(month: s.month.iso, total: s.total, byDepartment: s.byDepartment, byCategory: s.byCategory,
                          topCategories: s.topCategories().map(\.key),
                          backlog: Dictionary(uniqueKeysWithValues: s.backlog.map { ($0.key.rawValue, $0.value) }))
            return ((try? enc.encode(out)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        case .table:
            let all = [columns] + rows
            let widths = columns.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
            var out = "service performance, requests received in \(s.month.iso)\n"
            for r in all { out += r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "\n" }
            out += "overdue backlog today: " + OverdueAge.allCases.map { "\($0.rawValue) days: \(s.backlog[$0] ?? 0)" }.joined(separator: ", ") + "\n"
            return out
        }
    }
}
