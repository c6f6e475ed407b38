import FluentKit
import Foundation
import ParkDomain

/// One audited table whose audit entries carry the row's full state as their `after` JSON:
/// how to page through its rows re-encoded exactly as the repository audits them, and how to
/// tell which audited entities still have rows.
struct ReconcileSource: Sendable {
    /// One stored state of an entity: its JSON (nil when the row cannot be read back) and a
    /// label for messages ("version 2").
    struct State: Sendable {
        var json: String?
        var label: String?
    }

    /// An entity with its rows, oldest first (one row unless the table keeps versions).
    struct Entity: Sendable {
        var id: String
        var states: [State]
    }

    let entityType: String
    let table: String
    /// Several rows per entity (a correction adds a version); matched newest with newest.
    let versioned: Bool
    let notAuditedIsFinding: Bool
    /// The entities after `cursor` (nil: from the start), at most `limit` of them, and the cursor
    /// of the last one.
    let page: @Sendable (_ db: any Database, _ cursor: UUID?, _ limit: Int) async throws -> (entities: [Entity], cursor: UUID?)
    /// Which of these entity ids still have a row.
    let existing: @Sendable (_ db: any Database, _ ids: [String]) async throws -> Set<String>

    static let all: [ReconcileSource] = [enterprises, parcels, leases, reports]

    /// A table of one row per entity, keyed by a UUID that is the entity id.
    static func uuidKeyed<M: Model>(_ model: M.Type, entityType: String,
                                    encode: @escaping @Sendable (M) -> String?) -> ReconcileSource where M.IDValue == UUID {
        ReconcileSource(entityType: entityType, table: M.schema, versioned: false, notAuditedIsFinding: true,
            page: { db, cursor, limit in
                let q = M.query(on: db).sort(\._$id).limit(limit)
                if let cursor { q.filter(\._$id > cursor) }
                let rows = try await q.all()
                return (rows.map { Entity(id: $0.id!.uuidString, states: [State(json: encode($0))]) }, rows.last?.id)
            },
            existing: { db, ids in
                let uuids = ids.compactMap(UUID.init(uuidString:))
                guard !uuids.isEmpty else { return [] }
                let found: [UUID?] = try await M.query(on: db).filter(\._$id ~~ uuids).all(\._$id)
                return Set(found.compactMap { $0?.uuidString })
            })
    }

    static let enterprises = uuidKeyed(EnterpriseModel.self, entityType: EnterpriseRepository.entityType) {
        (try? $0.toDomain()).flatMap(AuditLog.json)
    }
    static let parcels = uuidKeyed(ParcelModel.self, entityType: ParcelRepository.entityType) { AuditLog.json($0.toDomain()) }
    static let leases = uuidKeyed(LeaseModel.self, entityType: LeaseRepository.entityType) { AuditLog.json($0.toDomain()) }

    /// Yearly reports: the entity is "<lease id>/<year>", each version a row; the repository
    /// audits each version's report as its after-state.
    static let reports = ReconcileSource(
        entityType: ReportRepository.entityType, table: ReportModel.schema, versioned: true, notAuditedIsFinding: false,
        page: { db, cursor, limit in
            let q = ReportModel.query(on: db).unique().sort(\.$leaseID).limit(limit)
            if let cursor { q.filter(\.$leaseID > cursor) }
            let leases = try await q.all(\.$leaseID)
            guard !leases.isEmpty else { return ([], nil) }
            let rows = try await ReportModel.query(on: db).filter(\.$leaseID ~~ leases).all()
            var byEntity: [String: [ReportModel]] = [:]
            for m in rows { byEntity["\(m.leaseID.uuidString)/\(m.year)", default: []].append(m) }
            let entities = byEntity.keys.sorted().map { id in
                Entity(id: id, states: byEntity[id]!.sorted { $0.version < $1.version }.map {
                    State(json: AuditLog.json($0.toDomain()), label: "version \($0.version)")
                })
            }
            return (entities, leases.last)
        },
        existing: { db, ids in
            let leases = Set(ids.compactMap { $0.split(separator: "/").first.flatMap { UUID(uuidString: String($0)) } })
            guard !leases.isEmpty else { return [] }
            var out = Set<String>()
            for m in try await ReportModel.query(on: db).filter(\.$leaseID ~~ Array(leases)).field(\.$leaseID).field(\.$year).all() {
                out.insert("\(m.leaseID.uuidString)/\(m.year)")
            }
            return out
        })
}
