import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Land for projects: one row per project that needs land, with its need and the parcel it
/// holds in reserve (at most one per project; a parcel is reserved for one project at a time,
/// both kept by unique indexes).
struct CreateProjectLand: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("project_land")
            .id()
            .field("project_id", .uuid, .required, .references("investment_projects", "id"))
            .field("land_use", .string, .required).field("area_mu", .double, .required)
            .field("plot_ratio", .double).field("height_m", .double)
            .field("parcel_id", .uuid, .references("parcels", "id"))
            .field("reserved_by", .string).field("reserved_on", .string)
            .field("updated_at_ms", .int64, .required)
            .unique(on: "project_id").unique(on: "parcel_id")
            .create()
        // the candidate query filters parcels by land use and sorts by area
        try await SQLIndexes.create(on: db, table: "parcels", columns: ["land_use", "declared_area_m2"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("project_land").delete()
    }
}

final class ProjectLandModel: Model, @unchecked Sendable {
    static let schema = "project_land"
    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "land_use") var landUse: String
    @Field(key: "area_mu") var areaMu: Double
    @OptionalField(key: "plot_ratio") var plotRatio: Double?
    @OptionalField(key: "height_m") var heightM: Double?
    @OptionalField(key: "parcel_id") var parcelID: UUID?
    @OptionalField(key: "reserved_by") var reservedBy: String?
    @OptionalField(key: "reserved_on") var reservedOn: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "outcome_lease_id") var outcomeLeaseID: UUID?
    @OptionalField(key: "outcome_on") var outcomeOn: String?
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    var need: ProjectLandNeed { ProjectLandNeed(landUse: landUse, areaMu: areaMu, plotRatio: plotRatio, heightMetres: heightM) }
    var reservation: ParcelReservation? {
        parcelID.map {
            ParcelReservation(parcelID: $0, reservedBy: reservedBy ?? "", reservedOn: reservedOn.flatMap(LocalDate.init(iso:)),
                              outcome: outcome.flatMap(ReservationOutcome.init(rawValue:)), outcomeLeaseID: outcomeLeaseID,
                              outcomeOn: outcomeOn.flatMap(LocalDate.init(iso:)))
        }
    }

    /// Opens the reservation again (a new parcel reserved, or the lease that closed it withdrawn).
    func clearOutcome() { outcome = nil; outcomeLeaseID = nil; outcomeOn = nil }
}

/// The parcel a project holds in reserve, and how the reservation ended once the parcel was
/// leased: `outcome` nil while it is open.
public struct ParcelReservation: Sendable, Hashable, Codable {
    public var parcelID: UUID
    public var reservedBy: String
    public var reservedOn: LocalDate?
    public var outcome: ReservationOutcome?
    /// The lease that closed the reservation (the land module's lease of the parcel).
    public var outcomeLeaseID: UUID?
    /// The auction's date of that lease.
    public var outcomeOn: LocalDate?

    public init(parcelID: UUID, reservedBy: String, reservedOn: LocalDate?, outcome: ReservationOutcome? = nil,
                outcomeLeaseID: UUID? = nil, outcomeOn: LocalDate? = nil) {
        self.parcelID = parcelID; self.reservedBy = reservedBy; self.reservedOn = reservedOn
        self.outcome = outcome; self.outcomeLeaseID = outcomeLeaseID; self.outcomeOn = outcomeOn
    }
}

/// A project's land: its need, the parcel reserved, and the available parcels that fit.
public struct ProjectLand: Sendable {
    public var need: ProjectLandNeed?
    public var reservation: ParcelReservation?
    /// The reserved parcel's record.
    public var reservedParcel: Parcel?
    /// Available parcels that fit the need, nearest in area first (at most `ProjectLandQuery.limit`).
    public var candidates: [Parcel]
}

/// The candidate query: `LandMatch.misfits` as a WHERE clause, on parcels no live lease holds
/// and no other project has reserved.
enum ProjectLandQuery {
    static let limit = 20
    /// Lease states that leave the parcel free again.
    static let endedLeaseStates = [LeaseState.reclaimed, .expired, .lapsed].map(\.rawValue)

    static func candidates(_ need: ProjectLandNeed, for projectID: UUID, on db: any Database) async throws -> [Parcel] {
        let sql = try InvestmentFigures(db: db).sql
        let range = need.areaRangeM2
        var conds: [SQLQueryString] = [
            "p.land_use = \(bind: need.landUse)",
            "p.declared_area_m2 >= \(bind: range.lowerBound)", "p.declared_area_m2 <= \(bind: range.upperBound)",
            "NOT EXISTS (SELECT 1 FROM leases l WHERE l.parcel_id = p.id AND l.state NOT IN (\(unsafeRaw: endedLeaseStates.map { "'\($0)'" }.joined(separator: ", "))))",
            "NOT EXISTS (SELECT 1 FROM project_land r WHERE r.parcel_id = p.id AND r.project_id <> \(bind: projectID))",
        ]
        if let r = need.plotRatio {
            conds.append("(p.plot_ratio_max IS NULL OR p.plot_ratio_max >= \(bind: r))")
            conds.append("(p.plot_ratio_min IS NULL OR p.plot_ratio_min <= \(bind: r))")
        }
        if let h = need.heightMetres { conds.append("(p.height_limit_m IS NULL OR p.height_limit_m >= \(bind: h))") }
        let target = AreaUnit.squareMetres(fromMu: need.areaMu)
        let rows = try await sql.raw("SELECT p.id FROM parcels p WHERE " + conds.joined(separator: " AND ")
            + " ORDER BY ABS(p.declared_area_m2 - \(bind: target)), p.code LIMIT \(literal: limit)").all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        if ids.isEmpty { return [] }
        let byID = Dictionary(uniqueKeysWithValues: try await ParcelModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.toDomain()) })
        return ids.compactMap { byID[$0] }
    }

    /// Whether a live lease holds the parcel.
    static func leased(_ parcelID: UUID, on db: any Database) async throws -> Bool {
        try await LeaseModel.query(on: db).filter(\.$parcelID == parcelID).filter(\.$state !~ endedLeaseStates).count() > 0
    }
}
