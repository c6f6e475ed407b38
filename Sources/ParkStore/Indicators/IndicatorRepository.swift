import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The indicator catalogue, the published series with their revisions, and the year's targets
/// (issue 13 items 1–3). Reads are for staff; every write is audited inside its transaction.
public struct IndicatorRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let valueEntityType = "indicator_value"
    public static let targetEntityType = "indicator_target"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var sql: any SQLDatabase { db as! any SQLDatabase }
    var currentMonth: YearMonth { YearMonth(LocalDate(clock.now())) }

    // MARK: Catalogue

    /// The catalogue in page order.
    public func catalogue() async throws -> [IndicatorDefinition] {
        try await IndicatorDefinitionModel.query(on: db).all().map { $0.toDomain() }
            .sorted { ($0.position, $0.code) < ($1.position, $1.code) }
    }

    /// The definition of `code`, or 404 naming it.
    public func definition(_ code: String) async throws -> IndicatorDefinition {
        guard let m = try await IndicatorDefinitionModel.find(code, on: db) else {
            throw DomainError(.notFound, code: "not_found", field: "indicator", en: "no indicator '\(code.prefix(40))' in the catalogue",
                              zh: "指标目录中没有“\(code.prefix(40))”")
        }
        return m.toDomain()
    }

    // MARK: Values

    /// A stored value: its current version and who entered it.
    public struct StoredValue: Sendable, Hashable {
        public var indicator: String
        public var period: IndicatorPeriod
        public var value: Decimal
        public var growthPct: Decimal?
        public var version: Int
        public var reason: String
        public var createdBy: String
        public var createdAtMillis: Int64
        public var revised: Bool { version > 1 }
    }

    /// Every version of every value of `codes` (all indicators when nil) whose period ends in
    /// `from … through`, oldest version first.
    func versions(_ codes: [String]?, from: YearMonth, through: YearMonth) async throws -> [StoredValue] {
        var q = SQLQueryString("SELECT indicator, period, value, growth_pct, version, reason, created_by, created_at_ms FROM indicator_values WHERE month_index BETWEEN ")
        q.appendInterpolation(bind: from.index)
        q.appendInterpolation(unsafeRaw: " AND ")
        q.appendInterpolation(bind: through.index)
        if let codes {
            guard !codes.isEmpty else { return [] }
            q.appendInterpolation(unsafeRaw: " AND indicator IN (")
            for (i, c) in codes.enumerated() {
                if i > 0 { q.appendInterpolation(unsafeRaw: ", ") }
                q.appendInterpolation(bind: c)
            }
            q.appendInterpolation(unsafeRaw: ")")
        }
        q.appendInterpolation(unsafeRaw: " ORDER BY indicator, month_index, version")
        return try await sql.raw(q).all().compactMap { r in
            guard let period = IndicatorPeriod(text: try r.decode(column: "period", as: String.self)),
                  let value = Decimal(string: try r.decode(column: "value", as: String.self), locale: Self.posix) else { return nil }
            return StoredValue(indicator: try r.decode(column: "indicator", as: String.self), period: period, value: value,
                               growthPct: try r.decode(column: "growth_pct", as: String?.self).flatMap { Decimal(string: $0, locale: Self.posix) },
                               version: try r.decode(column: "version", as: Int.self), reason: try r.decode(column: "reason", as: String.self),
                               createdBy: try r.decode(column: "created_by", as: String.self),
                               createdAtMillis: try r.decode(column: "created_at_ms", as: Int64.self))
        }
    }

    static let posix = Locale(identifier: "en_US_POSIX")

    /// The current value (newest version) of each period of `codes` in `from … through`.
    public func current(_ codes: [String]?, from: YearMonth, through: YearMonth) async throws -> [StoredValue] {
        var latest: [String: StoredValue] = [:]
        for v in try await versions(codes, from: from, through: through) { latest["\(v.indicator)/\(v.period.text)"] = v }
        return latest.values.sorted { ($0.indicator, $0.period) < ($1.indicator, $1.period) }
    }

    /// Every version of one value, oldest first: who entered each, when, and why (staff).
    public func history(_ code: String, period: IndicatorPeriod, by principal: Principal) async throws -> [StoredValue] {
        try principal.requireStaff()
        return try await versions([code], from: period.end, through: period.end).filter { $0.period == period }
    }

    /// The series of every catalogue indicator from January of `fromYear` through `through`.
    public func series(fromYear: Int, through: YearMonth, codes: [String]? = nil) async throws -> [IndicatorSeries] {
        guard let from = YearMonth(year: fromYear, month: 1) else { return [] }
        var byCode: [String: [IndicatorPoint]] = [:]
        for v in try await current(codes, from: from, through: through) {
            byCode[v.indicator, default: []].append(IndicatorPoint(period: v.period, value: v.value, growthPct: v.growthPct, revised: v.revised))
        }
        return try await catalogue().filter { codes?.contains($0.code) ?? true }.map { IndicatorSeries($0, byCode[$0.code] ?? []) }
    }

    /// The month's report: every indicator's figure, trends and periods, with the year's targets (staff).
    public func report(month: YearMonth, by principal: Principal) async throws -> IndicatorReport {
        try principal.requireStaff()
        return IndicatorReport.build(month: month, series: try await series(fromYear: month.year - 1, through: month),
                                     targets: try await targets(year: month.year))
    }

    // MARK: Targets

    public func targets(year: Int) async throws -> [IndicatorTarget] {
        try await sql.raw("SELECT indicator, year, level, growth_pct FROM indicator_targets WHERE year = \(bind: year) ORDER BY indicator").all().map { r in
            IndicatorTarget(indicator: try r.decode(column: "indicator", as: String.self), year: try r.decode(column: "year", as: Int.self),
                            level: try r.decode(column: "level", as: String?.self).flatMap { Decimal(string: $0, locale: Self.posix) },
                            growthPct: try r.decode(column: "growth_pct", as: String?.self).flatMap { Decimal(string: $0, locale: Self.posix) })
        }
    }

    /// Sets (or, with neither level nor growth, clears) a year's target (staff; audited).
    public func setTarget(_ target: IndicatorTarget, by principal: Principal) async throws {
        try principal.requireStaff()
        _ = try await definition(target.indicator)
        try Bounds.year(target.year)
        if let l = target.level, l < 0 || l > Decimal(Bounds.maxYuan) {
            throw Bounds.outOfRange("level", Decimal(0)...Decimal(Bounds.maxYuan))
        }
        if let g = target.growthPct, g < -100 || g > IndicatorImportCheck.maxGrowthPct {
            throw Bounds.outOfRange("growth_pct", Decimal(-100)...IndicatorImportCheck.maxGrowthPct)
        }
        let clock = self.clock
        struct Audited: Encodable { var level: String?; var growth_pct: String? }
        try await WriteGate.write(db) { tx in
            let sql = tx as! any SQLDatabase
            let before = try await sql.raw("SELECT level, growth_pct FROM indicator_targets WHERE indicator = \(bind: target.indicator) AND year = \(bind: target.year)")
                .first().map { Audited(level: try $0.decode(column: "level", as: String?.self), growth_pct: try $0.decode(column: "growth_pct", as: String?.self)) }
            try await sql.raw("DELETE FROM indicator_targets WHERE indicator = \(bind: target.indicator) AND year = \(bind: target.year)").run()
            let after = Audited(level: target.level.map(IndicatorNumber.text), growth_pct: target.growthPct.map(IndicatorNumber.text))
            let cleared = after.level == nil && after.growth_pct == nil
            if !cleared {
                try await sql.raw("""
                    INSERT INTO indicator_targets (indicator, year, level, growth_pct, set_by, set_at_ms)
                    VALUES (\(bind: target.indicator), \(bind: target.year), \(bind: after.level), \(bind: after.growth_pct), \(bind: principal.name), \(bind: clock.millis))
                    """).run()
            }
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: cleared ? "delete" : "set", entityType: Self.targetEntityType,
                                                            entityID: "\(target.indicator)/\(target.year)", before: before, after: cleared ? nil : after)
        }
    }
}

extension IndicatorRepository {
    /// The month asked for, refused when it has not begun yet (a report of the future is empty).
    public func reportMonth(_ raw: String, field: String = "period") throws(DomainError) -> YearMonth {
        let m = try YearMonth.parse(raw, field: field)
        guard m <= currentMonth else {
            throw DomainError(code: "future_period", field: field, en: "\(m.iso) has not begun yet", zh: "\(m.iso) 尚未开始")
        }
        return m
    }

    /// The month's board pack: the report and ParkOS's own figures with every breakdown, from
    /// the stored snapshot (recomputed when stale; `asOfMillis` says when) (staff).
    public func boardPack(month: YearMonth, by principal: Principal) async throws -> (report: IndicatorReport, derived: DerivedFigures) {
        let report = try await self.report(month: month, by: principal)
        return (report, try await DerivedSnapshots(db: db, clock: clock).figures(month: month))
    }
}
