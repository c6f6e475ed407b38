import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// One row of `lease_alert_facts`: a live lease's alert facts (`LeaseAlertFacts`), kept with
/// the columns the due list selects, sorts and pages on in SQL.
final class LeaseAlertFactModel: Model, @unchecked Sendable {
    static let schema = "lease_alert_facts"
    @ID(custom: "lease_id", generatedBy: .user) var id: UUID?
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "parcel_id") var parcelID: UUID
    @Field(key: "parcel_code") var parcelCode: String
    @Field(key: "state") var state: String
    /// The state's place in the life cycle (the due list sorts by it).
    @Field(key: "state_order") var stateOrder: Int
    /// The first term's end, or the auction date before a contract (the due list's default order).
    @Field(key: "sort_end") var sortEnd: String
    @OptionalField(key: "window_opens_on") var windowOpensOn: String?
    @OptionalField(key: "production_due_on") var productionDueOn: String?
    @Field(key: "miss_count") var missCount: Int
    @Field(key: "projected_year") var projectedYear: Int
    @Field(key: "facts") var facts: String
    init() {}
}

/// Creates `lease_alert_facts` and fills it from the leases already stored.
struct CreateLeaseAlertFacts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LeaseAlertFactModel.schema)
            .field("lease_id", .uuid, .identifier(auto: false))
            .field("enterprise_id", .uuid, .required)
            .field("parcel_id", .uuid, .required)
            .field("parcel_code", .string, .required)
            .field("state", .string, .required)
            .field("state_order", .int, .required)
            .field("sort_end", .string, .required)
            .field("window_opens_on", .string)
            .field("production_due_on", .string)
            .field("miss_count", .int, .required)
            .field("projected_year", .int, .required)
            .field("facts", .string, .required)
            .create()
        try await SQLIndexes.create(on: db, table: LeaseAlertFactModel.schema,
                                    columns: ["enterprise_id", "sort_end", "window_opens_on", "production_due_on", "projected_year"])
        try await LeaseAlertFactsStore.refreshAll(on: db, today: LocalDate(Date()))
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LeaseAlertFactModel.schema).delete()
    }
}

/// Keeps `lease_alert_facts` in step with the leases and their reports: every write of a lease
/// or a report refreshes that lease's row inside the same transaction, a new ruleset (its window
/// length) refreshes them all, and rows projected in an earlier year are projected again the
/// first time the due list is read in a new year.
public enum LeaseAlertFactsStore {
    static let live: [LeaseState] = [.contracted, .underConstruction, .inProduction, .assessmentDue, .extended]

    /// Recomputes the rows of `leaseIDs` on `db` (a transaction of the caller's, or not).
    public static func refresh(_ leaseIDs: [UUID], on db: any Database, today: LocalDate) async throws {
        let ids = Array(Set(leaseIDs))
        guard !ids.isEmpty else { return }
        let ruleset = try await RulesetRepository(db: db).active()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start ..< min(start + 500, ids.count)])
            let leases = try await LeaseModel.query(on: db).filter(\.$id ~~ chunk).all().map { $0.toDomain() }
            let parcelIDs = Array(Set(leases.map(\.parcelID)))
            let parcels = Dictionary(uniqueKeysWithValues: try await ParcelModel.query(on: db).filter(\.$id ~~ parcelIDs).all()
                .map { ($0.id!, $0.toDomain()) })
            var reports: [UUID: [Int: (version: Int, report: PerformanceReport)]] = [:]
            for m in try await ReportModel.query(on: db).filter(\.$leaseID ~~ chunk).all() {
                if let seen = reports[m.leaseID]?[m.year], seen.version > m.version { continue }
                reports[m.leaseID, default: [:]][m.year] = (m.version, m.toDomain())
            }
            try await LeaseAlertFactModel.query(on: db).filter(\.$id ~~ chunk).delete()
            var rows: [LeaseAlertFactModel] = []
            for lease in leases {
                guard let parcel = parcels[lease.parcelID] else { continue }
                let yearly = (reports[lease.id!] ?? [:]).sorted { $0.key < $1.key }.map(\.value.report)
                if let row = try row(lease, parcel: parcel, reports: yearly, today: today, ruleset: ruleset) { rows.append(row) }
            }
            try await BulkInsert.insert(rows, on: db)
        }
    }

    /// The row of a live lease (nil for a lease in another state), from the lease, its parcel and
    /// its newest report of each year in year order.
    static func row(_ lease: Lease, parcel: Parcel, reports: [PerformanceReport], today: LocalDate,
                    ruleset: AssessmentRuleset) throws -> LeaseAlertFactModel? {
        guard live.contains(lease.state), let id = lease.id else { return nil }
        let facts = LeaseAlerts.facts(lease: lease, reports: reports, areaMu: parcel.computedAreaMu, today: today, ruleset: ruleset)
        let m = LeaseAlertFactModel()
        m.id = id; m.enterpriseID = lease.enterpriseID; m.parcelID = lease.parcelID; m.parcelCode = parcel.code
        m.state = lease.state.rawValue; m.stateOrder = LeaseState.allCases.firstIndex(of: lease.state) ?? 0
        m.sortEnd = (lease.contract?.firstTermEnd ?? lease.auction.date).iso
        m.windowOpensOn = facts.windowOpensOn?.iso
        m.productionDueOn = facts.earliestProductionDue?.iso
        m.missCount = facts.misses.count
        m.projectedYear = facts.projectedInYear
        m.facts = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        return m
    }

    /// Recomputes every lease's row, 500 leases at a time (a new ruleset, the demo, the migration).
    public static func refreshAll(on db: any Database, today: LocalDate) async throws {
        var after: UUID?
        while true {
            let q = LeaseModel.query(on: db).sort(\.$id).limit(500)
            if let after { q.filter(\.$id > after) }
            let ids = try await q.all(\.$id)
            guard let last = ids.last else { return }
            try await refresh(ids, on: db, today: today)
            after = last
        }
    }

    /// Projects again the rows projected in another year than `today`'s (the first read of a new
    /// year, or a list asked for as of another year).
    static func refreshStale(on db: any Database, today: LocalDate) async throws {
        while true {
            let stale = try await LeaseAlertFactModel.query(on: db).filter(\.$projectedYear != today.year).limit(500).all(\.$id)
            guard !stale.isEmpty else { return }
            try await WriteGate.write(db) { tx in try await refresh(stale.compactMap { $0 }, on: tx, today: today) }
        }
    }
}
