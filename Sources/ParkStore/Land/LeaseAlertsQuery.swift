import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The land bureau's due list: live leases with alerts as of a date, selected, sorted, counted
/// and paged in SQL over `lease_alert_facts` (a lease is listed when its assessment window opens
/// within the horizon, a committed production date has passed, or a commitment is projected
/// to miss), then the page's leases and parcels read by id.
public struct LeaseAlertsQuery: Sendable {
    public let db: any Database
    public init(db: any Database) { self.db = db }

    public struct Row: Sendable {
        public var lease: Lease
        public var parcel: Parcel
        public var enterpriseName: Bilingual
        public var alerts: [LeaseAlert]
    }

    public enum Sort: String, Sendable, CaseIterable { case end, parcel, enterprise, state }

    public struct Choice: Sendable {
        public var withinMonths = 12
        public var enterpriseID: UUID?
        public var sort = Sort.end
        public var descending = false
        /// Sorting by enterprise follows the reader's language.
        public var language = Language.zh
        public init(withinMonths: Int = 12, enterpriseID: UUID? = nil, sort: Sort = .end, descending: Bool = false,
                    language: Language = .zh) {
            self.withinMonths = withinMonths; self.enterpriseID = enterpriseID; self.sort = sort
            self.descending = descending; self.language = language
        }
    }

    /// One page of the due list; ties go by parcel code, so the order is total.
    public func page(today: LocalDate, _ choice: Choice, _ request: ParkDomain.PageRequest) async throws -> Page<Row> {
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: request.page, perPage: request.perPage) }
        try await LeaseAlertFactsStore.refreshStale(on: db, today: today)
        let horizon = today.adding(months: choice.withinMonths).iso
        var filter = SQLQueryString("""
            (f.window_opens_on IS NOT NULL AND f.window_opens_on <= \(bind: horizon))
            OR (f.production_due_on IS NOT NULL AND f.production_due_on < \(bind: today.iso)) OR f.miss_count > 0
            """)
        filter = "(" + filter + ")"
        if let e = choice.enterpriseID { filter = filter + " AND f.enterprise_id = \(bind: e)" }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM lease_alert_facts f WHERE " + filter).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let direction = choice.descending ? "DESC" : "ASC"
        let key: String = switch choice.sort {
        case .end: "f.sort_end"
        case .parcel: "f.parcel_code"
        case .enterprise: choice.language == .zh ? "e.name_zh" : "COALESCE(NULLIF(e.name_en, ''), e.name_zh)"
        case .state: "f.state_order"
        }
        let rows = try await sql.raw("""
            SELECT f.lease_id, f.facts, e.name_zh, e.name_en FROM lease_alert_facts f JOIN enterprises e ON e.id = f.enterprise_id
            WHERE \(filter) ORDER BY \(unsafeRaw: key) \(unsafeRaw: direction), f.parcel_code \(unsafeRaw: direction)
            LIMIT \(bind: request.perPage) OFFSET \(bind: request.offset)
            """).all()
        let ids = try rows.map { try $0.decode(column: "lease_id", as: UUID.self) }
        guard !ids.isEmpty else { return Page(items: [], total: total, page: request.page, perPage: request.perPage) }
        let leases = Dictionary(uniqueKeysWithValues: try await LeaseModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.toDomain()) })
        let parcels = Dictionary(uniqueKeysWithValues: try await ParcelModel.query(on: db)
            .filter(\.$id ~~ Array(Set(leases.values.map(\.parcelID)))).all().map { ($0.id!, $0.toDomain()) })
        let items = try rows.compactMap { r -> Row? in
            let id = try r.decode(column: "lease_id", as: UUID.self)
            guard let lease = leases[id], let parcel = parcels[lease.parcelID],
                  let facts = try? JSONDecoder().decode(LeaseAlertFacts.self, from: Data(try r.decode(column: "facts", as: String.self).utf8))
            else { return nil }
            let zh = try r.decode(column: "name_zh", as: String.self), en = try r.decode(column: "name_en", as: String.self)
            return Row(lease: lease, parcel: parcel, enterpriseName: Bilingual(zh: zh, en: en.isEmpty ? zh : en),
                       alerts: facts.alerts(today: today, withinMonths: choice.withinMonths))
        }
        return Page(items: items, total: total, page: request.page, perPage: request.perPage)
    }

    /// Every lease with alerts, a page at a time in the chosen order (the CLI and the CSV export).
    public func each(today: LocalDate, _ choice: Choice, _ body: ([Row]) async throws -> Void) async throws {
        var page = 1
        while true {
            let p = try await self.page(today: today, choice, try ParkDomain.PageRequest(page: page, perPage: 500))
            if !p.items.isEmpty { try await body(p.items) }
            if page >= p.pageCount { return }
            page += 1
        }
    }

    /// Every lease with alerts, soonest first-term end first (the whole list in memory: for the
    /// CLI and tests; pages use `page`).
    public func run(today: LocalDate, withinMonths: Int = 12, enterpriseID: UUID? = nil) async throws -> [Row] {
        var out: [Row] = []
        try await each(today: today, Choice(withinMonths: withinMonths, enterpriseID: enterpriseID)) { out += $0 }
        return out
    }
}
