import FluentKit
import Foundation
import ParkDomain

/// Parcels of land: reads, GeoJSON import (all or nothing), audited writes.
public struct ParcelRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "parcel"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func all() async throws -> [Parcel] {
        try await ParcelModel.query(on: db).sort(\.$code).all().map { $0.toDomain() }
    }

    public func find(_ id: UUID) async throws -> Parcel? { try await ParcelModel.find(id, on: db)?.toDomain() }

    /// One page of parcels in code order, counted and paged in SQL; `leasedTo` keeps the parcels
    /// of one enterprise's leases (its portal).
    public func page(_ request: ParkDomain.PageRequest, leasedTo enterpriseID: UUID? = nil) async throws -> Page<Parcel> {
        let q = ParcelModel.query(on: db)
        if let enterpriseID {
            let ids = try await LeaseModel.query(on: db).filter(\.$enterpriseID == enterpriseID).all(\.$parcelID)
            q.filter(\.$id ~~ Array(Set(ids)))
        }
        let total = try await q.count()
        let items = try await q.sort(\.$code).range(request.offset ..< request.offset + request.perPage).all().map { $0.toDomain() }
        return Page(items: items, total: total, page: request.page, perPage: request.perPage)
    }

    /// Up to `limit` parcels with codes after `after`, in code order: one keyset page of an
    /// export that streams (the index on the code finds the start, however far into the park).
    public func batch(after: String, limit: Int) async throws -> [Parcel] {
        try await ParcelModel.query(on: db).filter(\.$code > after).sort(\.$code).limit(limit).all().map { $0.toDomain() }
    }

    public func find(code: String) async throws -> Parcel? {
        try await ParcelModel.query(on: db).filter(\.$code == code).first()?.toDomain()
    }

    public func count() async throws -> Int { try await ParcelModel.query(on: db).count() }

    /// The distinct sub-areas of the parcels, sorted: one grouped query, not the parcels.
    public func subAreas() async throws -> [String] {
        try await ParcelModel.query(on: db).unique().all(\.$subArea).sorted()
    }

    public func landUses() async throws -> [LandUseClass] {
        try await LandUseModel.query(on: db).sort(\.$id).all().map {
            LandUseClass(code: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn), statutoryMaxYears: $0.statutoryMaxYears)
        }
    }

    public func landUse(_ code: String) async throws -> LandUseClass? {
        try await landUses().first { $0.code == code }
    }

    /// Decodes a GeoJSON FeatureCollection and, if every feature is valid and no code is
    /// taken, registers all parcels in one transaction.
    public func importGeoJSON(_ data: Data, dryRun: Bool, by principal: Principal) async throws -> (parcels: Int, errors: [RowError]) {
        try principal.requireStaff()
        let uses = Set(try await landUses().map(\.code))
        let decoded = ParcelGeoJSON.decode(data, landUses: uses)
        var errors = decoded.errors
        if errors.isEmpty {
            let taken = Set(try await ParcelModel.query(on: db).all().map(\.code))
            for (i, p) in decoded.parcels.enumerated() where taken.contains(p.code) {
                errors.append(RowError(row: i + 1, column: "code", code: "duplicate_code",
                                       message: Bilingual(zh: "地块编号 \(p.code) 已存在", en: "parcel code \(p.code) already exists")))
            }
        }
        guard errors.isEmpty else { return (decoded.parcels.count, errors) }
        if !dryRun { _ = try await createAll(decoded.parcels, by: principal) }
        return (decoded.parcels.count, [])
    }

    /// Registers parcels in one transaction, one audit entry each; validates every one first.
    public func createAll(_ parcels: [Parcel], by principal: Principal) async throws -> [Parcel] {
        try principal.requireStaff()
        let uses = Set(try await landUses().map(\.code))
        for p in parcels { try p.validate(landUses: uses) }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let audit = AuditLog(db: tx, clock: clock)
            var out: [Parcel] = []
            for chunk in stride(from: 0, to: parcels.count, by: 200) {
                let models = parcels[chunk ..< min(chunk + 200, parcels.count)].map { p -> ParcelModel in
                    var p = p
                    if p.id == nil { p.id = UUID() }
                    return ParcelModel(p)
                }
                try await BulkInsert.insert(models, on: tx)
                let created = models.map { $0.toDomain() }
                try await audit.appendAll(by: principal, created.map {
                    .init(action: "create", entityType: Self.entityType, entityID: $0.id!.uuidString, before: Parcel?.none, after: $0)
                })
                out.append(contentsOf: created)
            }
            return out
        }
    }
}
