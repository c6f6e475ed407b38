import ArgumentParser
import Foundation
import ParkDomain
import ParkServer
import ParkStore

/// `parkos indicators import|list|report|target`: the statistics officer's monthly work.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "Park indicators: import the published values, list them, the month's board pack, targets.",
        subcommands: [Import.self, List.self, Report.self, Target.self])

    enum Lang: String, ExpressibleByArgument, CaseIterable { case zh, en }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import published values from a CSV file, all rows or none.",
            discussion: "Columns: indicator, period (YYYY-MM or YYYY-Qn), value (as published, in the catalogue's unit), growth_pct (as published, or empty), reason (needed for a flagged row).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

        func run() async throws {
            try await CLI.run {
                let data = try CLI.read(file)
                let r = try await database.withStore { store in
                    try await IndicatorRepository(db: store.db).importCSV(data, dryRun: dryRun, by: CLI.operatorPrincipal)
                }
                try CLI.refuseImport(r.errors, summary: "\(r.errors.count) error(s) in \(r.rows) rows; nothing was imported")
                for f in r.flagged { print("flagged\t\(f.row)\t\(f.message.en)") }
                print((dryRun ? "dry run: would add" : "added") + " \(r.added), revised \(r.revised), unchanged \(r.unchanged) of \(r.rows) rows")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The catalogue, or one indicator's values (with --indicator).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "An indicator code: list its values instead of the catalogue.") var indicator: String?
        @Option(help: "First month (YYYY-MM) of the values; default January of last year.") var from: String?

        func run() async throws {
            try await CLI.run {
                try await database.withStore { store in
                    let repo = IndicatorRepository(db: store.db)
                    guard let code = indicator else {
                        let rows = try await repo.catalogue().map { d in
                            [d.code, d.name.en, d.unit.label.en, d.accumulation.rawValue, d.frequency.rawValue, d.growthBasis.rawValue,
                             d.source.en, d.derivation?.rawValue ?? "-"]
                        }
                        print(IndicatorExport.textTable(["code", "name", "unit", "series", "frequency", "growth basis", "source", "derived from"], rows))
                        return
                    }
                    let d = try await repo.definition(code)
                    let now = YearMonth(LocalDate(Date()))
                    let start = try from.map { raw throws(DomainError) in try YearMonth.parse(raw, field: "from") } ?? YearMonth(year: now.year - 1, month: 1)!
                    let values = try await repo.current([d.code], from: start, through: now)
                    print(IndicatorExport.textTable(["period", "value (\(d.unit.label.en))", "growth %", "version", "by", "reason"],
                                                    values.map { [$0.period.text, IndicatorNumber.text($0.value), $0.growthPct.map(IndicatorNumber.text) ?? "",
                                                                  $0.revised ? "v\($0.version) revised" : "v\($0.version)", $0.createdBy, $0.reason] }))
                }
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, xlsx }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The month's board pack: headline figures, trends, periods, ParkOS's own figures and breakdowns.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The month, YYYY-MM.") var period: String
        @Option(help: "table, json, csv or xlsx (one sheet per section).") var format: Format = .table
        @Option(help: "Language of the table, CSV and workbook: zh or en.") var lang: Lang = .zh
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output (needed for xlsx).") var output: String?

        func run() async throws {
            try await CLI.run {
                if format == .xlsx, output == nil {
                    throw DomainError(code: "required", field: "output", en: "--format xlsx needs -o FILE", zh: "--format xlsx 须指定 -o 文件")
                }
                let language = Language(rawValue: lang.rawValue) ?? .zh
                let (report, derived) = try await database.withStore { store in
                    let repo = IndicatorRepository(db: store.db)
                    return try await repo.boardPack(month: try repo.reportMonth(period, field: "--period"), by: CLI.operatorPrincipal)
                }
                let data: Data
                switch format {
                case .json: data = try IndicatorExport.reportJSON(report, derived: derived)
                case .csv: data = IndicatorExport.reportCSV(report, derived: derived, language)
                case .xlsx: data = try IndicatorExport.reportXLSX(report, derived: derived, language)
                case .table:
                    let text = IndicatorReportSheets.sheets(report, derived: derived, language).map { s in
                        // The headline sheet is wide: the table keeps its first columns that matter most.
                        let keep = s.columns.count > 12 ? [0, 1, 2, 3, 4, 5, 6, 8, 9, 11, 14, 15, 18] : Array(s.columns.indices)
                        return "\(s.title)\n" + IndicatorExport.textTable(keep.map { s.columns[$0] }, s.rows.map { r in keep.map { r[$0].text } })
                    }.joined(separator: "\n\n")
                    data = Data((text + "\n").utf8)
                }
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                    FileHandle.standardError.write(Data("wrote the \(report.month.iso) board pack to \(output)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }

    struct Target: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set (or, with neither --level nor --growth, clear) a year's target.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The indicator code.") var indicator: String
        @Option(help: "The year.") var year: Int
        @Option(help: "Level to reach by December, in the indicator's unit.") var level: String?
        @Option(help: "Growth rate to reach, percent.") var growth: String?

        func run() async throws {
            try await CLI.run {
                func dec(_ raw: String?, _ field: String) throws(DomainError) -> Decimal? {
                    guard let raw else { return nil }
                    guard let d = IndicatorNumber.parse(raw) else {
                        throw DomainError(code: "invalid_number", field: field, en: "\(field) must be a number", zh: "\(field) 须为数字")
                    }
                    return d
                }
                let target = IndicatorTarget(indicator: indicator, year: try Bounds.year(year), level: try dec(level, "--level"), growthPct: try dec(growth, "--growth"))
                try await database.withStore { store in try await IndicatorRepository(db: store.db).setTarget(target, by: CLI.operatorPrincipal) }
                print(target.level == nil && target.growthPct == nil ? "cleared the \(year) target of \(indicator)" : "set the \(year) target of \(indicator)")
            }
        }
    }
}
