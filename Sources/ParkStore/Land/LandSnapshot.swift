import FluentKit
import Foundation
import ParkDomain

/// Every lease with its parcel and the reports in force, loaded in a few bulk queries, for
/// whole-park work (due lists, assessing all leases, benchmarks).
public struct LandSnapshot: Sendable {
    public struct Item: Sendable {
        public var lease: Lease
        public var parcel: Parcel
        public var reports: [PerformanceReport]
    }

    public var items: [Item]

    /// Loads leases (optionally only those in `states` or of one enterprise) with their parcels and current reports.
    public static func load(_ db: any Database, states: [LeaseState]? = nil, enterpriseID: UUID? = nil) async throws -> LandSnapshot {
        let q = LeaseModel.query(on: db)
        if let states { q.filter(\.$state ~~ states.map(\.rawValue)) }
        if let enterpriseID { q.filter(\.$enterpriseID == enterpriseID) }
        let leases = try await q.all().map { $0.toDomain() }
        guard !leases.isEmpty else { return LandSnapshot(items: []) }
        var reports: [UUID: [Int: (version: Int, report: PerformanceReport)]] = [:]
        let ids = leases.compactMap(\.id)
        let wanted = Set(ids)
        // One scan of the table when most leases are wanted; chunked IN-lists otherwise.
        let rows: [ReportModel]
        if ids.count > 2_000 {
            rows = try await ReportModel.query(on: db).all().filter { wanted.contains($0.leaseID) }
        } else {
            var acc: [ReportModel] = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                acc += try await ReportModel.query(on: db).filter(\.$leaseID ~~ Array(ids[chunk ..< min(chunk + 500, ids.count)])).all()
            }
            rows = acc
        }
        for m in rows {
            if let existing = reports[m.leaseID]?[m.year], existing.version > m.version { continue }
            reports[m.leaseID, default: [:]][m.year] = (m.version, m.toDomain())
        }
        let parcels = Dictionary(uniqueKeysWithValues: try await ParcelModel.query(on: db).all().map { ($0.id!, $0.toDomain()) })
        let items = leases.compactMap { l -> Item? in
            guard let p = parcels[l.parcelID] else { return nil }
            let yearly = (reports[l.id!] ?? [:]).sorted { $0.key < $1.key }.map(\.value.report)
            return Item(lease: l, parcel: p, reports: yearly)
        }
        return LandSnapshot(items: items)
    }
}
