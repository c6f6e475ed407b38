import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Where the land module's lease closes a project's reservation: the outcome, the lease that
/// decided it and its date, on `project_land` (one nullable column each; the withdrawal finds
/// the row by its lease through an index).
struct UpdateProjectLandOutcome: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // one column per statement: SQLite's ALTER TABLE adds one at a time
        try await db.schema("project_land").field("outcome", .string).update()
        try await db.schema("project_land").field("outcome_lease_id", .uuid).update()
        try await db.schema("project_land").field("outcome_on", .string).update()
        try await SQLIndexes.create(on: db, table: "project_land", columns: ["outcome_lease_id"])
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "project_land_outcome_lease_id_idx").run() }
        for f: FieldKey in ["outcome", "outcome_lease_id", "outcome_on"] { try await db.schema("project_land").deleteField(f).update() }
    }
}

/// The investment side of a parcel's lease (issue 11 item 7), through the land module's
/// `ParcelLeaseListener` interface, in the lease's transaction:
/// - the reserved parcel leased to the project's enterprise closes the reservation as won (the
///   project carries on in the land module with that lease; its stage moves stay reviewed by
///   the bureau head, as every move: no stage rule depends on land);
/// - leased to another firm, it closes as lost (the project may reserve another parcel);
/// - the lease that closed it withdrawn (the sale lapsed), the reservation is open again.
/// Each is audited on the project; a parcel no project reserves is left alone.
struct ProjectLandLeaseListener: ParcelLeaseListener {
    func parcelLease(_ event: ParcelLeaseEvent, by principal: Principal, on tx: any Database, clock: ParkClock) async throws {
        let row: ProjectLandModel?
        switch event.kind {
        case .leased: row = try await ProjectLandModel.query(on: tx).filter(\.$parcelID == event.parcelID).first()
        case .withdrawn: row = try await ProjectLandModel.query(on: tx).filter(\.$outcomeLeaseID == event.leaseID).first()
        }
        guard let row, let before = row.reservation, let project = try await ProjectModel.find(row.projectID, on: tx) else { return }
        let action: String
        switch event.kind {
        case .leased:
            let outcome = ReservationOutcome.of(lessee: event.enterpriseID, projectEnterprise: project.enterpriseID)
            row.outcome = outcome.rawValue; row.outcomeLeaseID = event.leaseID; row.outcomeOn = event.on.iso
            action = "land_\(outcome.rawValue)"
        case .withdrawn:
            row.clearOutcome()
            action = "land_reopened"
        }
        row.updatedAtMillis = clock.millis
        try await row.save(on: tx)
        try await AuditLog(db: tx, clock: clock).append(by: principal, action: action, entityType: InvestmentService.projectEntity,
                                                        entityID: row.projectID.uuidString, before: before, after: row.reservation)
    }
}
