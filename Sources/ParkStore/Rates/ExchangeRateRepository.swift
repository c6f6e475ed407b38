import FluentKit
import Foundation
import ParkDomain

/// The monthly exchange-rate table: reads, and the CSV import (all rows or none, each
/// changed row audited as `exchange_rate` `CUR/YYYY-MM`). A rate changed later never changes
/// what was counted with it: inflows and ledger entries store the rate they used.
public struct ExchangeRateRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "exchange_rate"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// The rates of `months` (all currencies), as a lookup table.
    public func table(months: [YearMonth]) async throws -> ExchangeRateTable {
        guard !months.isEmpty else { return ExchangeRateTable([]) }
        var rates: [ExchangeRate] = []
        let isos = Array(Set(months.map(\.iso)))
        for chunk in stride(from: 0, to: isos.count, by: 500) {
            rates += try await ExchangeRateModel.query(on: db).filter(\.$month ~~ Array(isos[chunk ..< min(chunk + 500, isos.count)]))
                .all().compactMap { $0.toDomain() }
        }
        return ExchangeRateTable(rates)
    }

    /// One month's rates, by currency.
    public func list(month: YearMonth) async throws -> [ExchangeRate] {
        try await ExchangeRateModel.query(on: db).filter(\.$month == month.iso).sort(\.$currency).all().compactMap { $0.toDomain() }
    }

    /// The months that have rates, newest first (at most `limit`).
    public func months(limit: Int = 240) async throws -> [YearMonth] {
        let rows = try await ExchangeRateModel.query(on: db).unique().field(\.$month).sort(\.$month, .descending).limit(limit).all()
        return Array(Set(rows.compactMap { YearMonth(iso: $0.month) })).sorted(by: >)
    }

    /// Every rate, in currency then month order (for export).
    public func all() async throws -> [ExchangeRate] {
        try await ExchangeRateModel.query(on: db).sort(\.$currency).sort(\.$month).all().compactMap { $0.toDomain() }
    }

    public struct ImportResult: Sendable {
        public var rows: Int
        public var added: Int
        public var changed: Int
        public var errors: [RowError]
    }

    /// Imports `currency,month,usd_per_unit,cny_per_unit`: all rows or none. A row for a
    /// currency and month already stored replaces its rates (audited with before and after);
    /// a row equal to the stored one changes nothing. Staff only.
    public func importCSV(_ data: Data, dryRun: Bool, by principal: Principal) async throws -> ImportResult {
        try principal.requireStaff()
        let decoded = RateCSV.decode(data)
        guard decoded.errors.isEmpty else { return ImportResult(rows: decoded.rates.count, added: 0, changed: 0, errors: decoded.errors) }
        let rates = decoded.rates
        let clock = self.clock
        let body: @Sendable (any Database) async throws -> ImportResult = { tx in
            var existing: [String: ExchangeRateModel] = [:]
            let months = Array(Set(rates.map(\.month.iso)))
            for chunk in stride(from: 0, to: months.count, by: 500) {
                for m in try await ExchangeRateModel.query(on: tx).filter(\.$month ~~ Array(months[chunk ..< min(chunk + 500, months.count)])).all() {
                    existing["\(m.currency)|\(m.month)"] = m
                }
            }
            var added = 0, changed = 0
            let audit = AuditLog(db: tx, clock: clock)
            for r in rates {
                let key = "\(r.currency)|\(r.month.iso)"
                let before = existing[key]?.toDomain()
                if before == r { continue }
                if dryRun { if before == nil { added += 1 } else { changed += 1 }; continue }
                let m = existing[key] ?? ExchangeRateModel()
                if m.id == nil { m.id = UUID(); added += 1 } else { changed += 1 }
                m.currency = r.currency; m.month = r.month.iso; m.usdPerUnitE8 = r.usdPerUnitE8; m.cnyPerUnitE8 = r.cnyPerUnitE8
                m.updatedBy = principal.name; m.updatedAtMillis = clock.millis
                try await m.save(on: tx)
                try await audit.append(by: principal, action: before == nil ? "import" : "change", entityType: Self.entityType,
                                       entityID: "\(r.currency)/\(r.month.iso)", before: before, after: r)
            }
            return ImportResult(rows: rates.count, added: added, changed: changed, errors: [])
        }
        return dryRun ? try await body(db) : try await WriteGate.write(db, body)
    }
}
