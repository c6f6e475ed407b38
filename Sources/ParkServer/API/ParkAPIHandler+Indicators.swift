import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    var indicators: IndicatorRepository { IndicatorRepository(db: repos.db, clock: repos.clock) }

    func listIndicators(_ input: Operations.ListIndicators.Input) async throws -> Operations.ListIndicators.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await indicators.catalogue().map(IndicatorMapping.definition))))
    }

    func listIndicatorValues(_ input: Operations.ListIndicatorValues.Input) async throws -> Operations.ListIndicatorValues.Output {
        try principal().requireStaff()
        let def = try await indicators.definition(input.path.code)
        let last = YearMonth(repos.today).adding(months: -1) ?? YearMonth(repos.today)
        let from = try input.query.from.map { raw throws(DomainError) in try YearMonth.parse(raw, field: "from") } ?? YearMonth(year: last.year - 1, month: 1)!
        let to = try input.query.to.map { raw throws(DomainError) in try YearMonth.parse(raw, field: "to") } ?? last
        let values = try await indicators.current([def.code], from: from, through: to)
        return .ok(.init(body: .json(values.map(IndicatorMapping.value))))
    }

    func getIndicatorValueHistory(_ input: Operations.GetIndicatorValueHistory.Input) async throws -> Operations.GetIndicatorValueHistory.Output {
        let p = try principal()
        try p.requireStaff()
        let def = try await indicators.definition(input.path.code)
        guard let period = IndicatorPeriod(text: input.path.period) else {
            throw DomainError(code: "invalid_period", field: "period", en: "period must be YYYY-MM or YYYY-Qn", zh: "期别须为 YYYY-MM 或 YYYY-Qn 格式")
        }
        let history = try await indicators.history(def.code, period: period, by: p)
        guard !history.isEmpty else { throw DomainError.notFound("value", id: "\(def.code)/\(period.text)") }
        return .ok(.init(body: .json(history.map(IndicatorMapping.value))))
    }

    func importIndicators(_ input: Operations.ImportIndicators.Input) async throws -> Operations.ImportIndicators.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .csv(let body) = input.body else { throw DomainError.required("body") }
        let data = try await APIMapping.csv(body)
        let dry = input.query.dryRun ?? false
        let r = try await indicators.importCSV(data, dryRun: dry, by: p)
        let report = IndicatorMapping.importReport(r, dryRun: dry, context.language)
        return r.errors.isEmpty ? .ok(.init(body: .json(report))) : .unprocessableContent(.init(body: .json(report)))
    }

    func listIndicatorTargets(_ input: Operations.ListIndicatorTargets.Input) async throws -> Operations.ListIndicatorTargets.Output {
        try principal().requireStaff()
        let year = try Bounds.year(input.query.year)
        return .ok(.init(body: .json(try await indicators.targets(year: year).map(IndicatorMapping.target))))
    }

    func setIndicatorTarget(_ input: Operations.SetIndicatorTarget.Input) async throws -> Operations.SetIndicatorTarget.Output {
        let p = try principal()
        try p.requireStaff()
        guard case .json(let body) = input.body else { throw DomainError.required("body") }
        let target = IndicatorTarget(indicator: input.path.code, year: try Bounds.year(input.path.year),
                                     level: try IndicatorMapping.decimal(body.level, field: "level"),
                                     growthPct: try IndicatorMapping.decimal(body.growthPct, field: "growth_pct"))
        try await indicators.setTarget(target, by: p)
        return .ok(.init(body: .json(IndicatorMapping.target(target))))
    }

    func getIndicatorReport(_ input: Operations.GetIndicatorReport.Input) async throws -> Operations.GetIndicatorReport.Output {
        let p = try principal()
        try p.requireStaff()
        let pack = try await indicators.boardPack(month: try indicators.reportMonth(input.query.period), by: p)
        return .ok(.init(body: .json(IndicatorMapping.report(pack.report, derived: pack.derived))))
    }

    func exportIndicatorReport(_ input: Operations.ExportIndicatorReport.Input) async throws -> Operations.ExportIndicatorReport.Output {
        let p = try principal()
        try p.requireStaff()
        let pack = try await indicators.boardPack(month: try indicators.reportMonth(input.query.period), by: p)
        let lang = input.query.lang.flatMap { Language(rawValue: $0.rawValue) } ?? context.language
        let sheets = IndicatorReportSheets.sheets(pack.report, derived: pack.derived, lang)
        if input.query.format == .csv {
            return .ok(.init(body: .csv(HTTPBody(IndicatorReportCSV.data(sheets)))))
        }
        return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(try XLSXWorkbook.data(sheets)))))
    }

    func listDerivedEnterprises(_ input: Operations.ListDerivedEnterprises.Input) async throws -> Operations.ListDerivedEnterprises.Output {
        try principal().requireStaff()
        let q = input.query
        let month = try indicators.reportMonth(q.period)
        let page = try PageRequest(page: q.page, perPage: q.perPage)
        let metric = q.metric.flatMap { DerivedMetric(rawValue: $0.rawValue) } ?? .output
        let dimension = q.dimension.flatMap { BreakdownDimension(rawValue: $0.rawValue) }
        if dimension != nil, (q.key ?? "").isEmpty { throw DomainError.required("key") }
        let r = try await DerivedFiguresQuery(db: repos.db).enterprises(month: month, metric: metric, dimension: dimension, key: q.key, page: page)
        return .ok(.init(body: .json(.init(items: r.rows.map(IndicatorMapping.enterprise), total: r.total, page: page.page, perPage: page.perPage,
                                           dataYear: DerivedFigures.dataYear(for: month)))))
    }

    func getEnterpriseProfile(_ input: Operations.GetEnterpriseProfile.Input) async throws -> Operations.GetEnterpriseProfile.Output {
        let p = try principal()
        let id = try APIMapping.uuid(input.path.id, field: "id")
        let profile = try await EnterpriseProfile.load(db: repos.db, clock: repos.clock, enterprise: id, by: p)
        return .ok(.init(body: .json(IndicatorMapping.profile(profile))))
    }
}
