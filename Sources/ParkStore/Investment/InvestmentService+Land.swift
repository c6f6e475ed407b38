import FluentKit
import Foundation
import ParkDomain

extension InvestmentService {
    /// A project's land (staff): its need, the parcel reserved for it, and the available parcels
    /// that fit (land use, area ±20 %, plot ratio and height within the planning conditions).
    public func land(_ projectID: UUID, by p: Principal) async throws -> ProjectLand {
        try p.requireStaff()
        guard try await repo.project(projectID) != nil else { throw DomainError.notFound("project", id: projectID.uuidString) }
        guard let row = try await ProjectLandModel.query(on: db).filter(\.$projectID == projectID).first() else {
            return ProjectLand(need: nil, reservation: nil, reservedParcel: nil, candidates: [])
        }
        var reserved: Parcel?
        if let id = row.parcelID { reserved = try await ParcelModel.find(id, on: db)?.toDomain() }
        return ProjectLand(need: row.need, reservation: row.reservation, reservedParcel: reserved,
                           candidates: try await ProjectLandQuery.candidates(row.need, for: projectID, on: db))
    }

    /// States (or restates) what land a project needs; its `land_need_mu` follows. Officers of
    /// the bureau, cleared for a confidential project; audited.
    public func setLandNeed(_ projectID: UUID, _ need: ProjectLandNeed, by p: Principal) async throws -> ProjectLandNeed {
        try ProjectVisibility.requireInvestOfficer(p)
        var need = need
        need.landUse = need.landUse.trimmingCharacters(in: .whitespaces)
        try need.validate()
        guard try await ParcelRepository(db: db).landUse(need.landUse) != nil else {
            throw DomainError(code: "unknown_land_use", field: "land_use", en: "no land use \(need.landUse)", zh: "无此用地性质：\(need.landUse)")
        }
        let saved = need, clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let project = try await ProjectModel.find(projectID, on: tx) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project.toDomain(), p, on: tx)
            let row = try await ProjectLandModel.query(on: tx).filter(\.$projectID == projectID).first()
            let before = row?.need
            let m = row ?? ProjectLandModel()
            if m.id == nil { m.id = UUID(); m.projectID = projectID }
            m.landUse = saved.landUse; m.areaMu = saved.areaMu; m.plotRatio = saved.plotRatio; m.heightM = saved.heightMetres
            m.updatedAtMillis = clock.millis
            try await m.save(on: tx)
            project.landNeedMu = saved.areaMu; project.updatedAtMillis = clock.millis
            try await project.save(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "land_need", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: before, after: saved)
            return saved
        }
    }

    /// Reserves an available parcel that fits the project's need (replacing the project's
    /// earlier reservation, if any). Refused naming `parcel_id` when it does not fit, a live
    /// lease holds it or another project has reserved it; a closed project reserves nothing.
    public func reserveParcel(_ projectID: UUID, parcelID: UUID, by p: Principal) async throws -> ParcelReservation {
        try ProjectVisibility.requireInvestOfficer(p)
        let clock = self.clock, today = self.today
        return try await WriteGate.write(db) { tx in
            guard let project = try await InvestmentRepository(db: tx).project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            if project.stage.isFinal {
                throw DomainError(.conflict, code: "project_closed", field: "project_id",
                                  en: "project \(project.code) is \(project.stage.label.en.lowercased()): it reserves no land",
                                  zh: "项目 \(project.code) 已\(project.stage.label.zh)，不能预留地块")
            }
            guard let row = try await ProjectLandModel.query(on: tx).filter(\.$projectID == projectID).first() else {
                throw DomainError(code: "land_need_required", field: "land_use", en: "state the project's land need first", zh: "请先填写项目用地需求")
            }
            try Self.refuseWon(row, project)
            guard let parcel = try await ParcelModel.find(parcelID, on: tx)?.toDomain() else {
                throw DomainError(code: "not_found", field: "parcel_id", en: "parcel \(parcelID) was not found", zh: "未找到地块 \(parcelID)")
            }
            let misfits = LandMatch.misfits(parcel, for: row.need)
            if !misfits.isEmpty {
                throw DomainError(code: "parcel_misfit", field: "parcel_id",
                                  en: "parcel \(parcel.code) does not fit the need: " + misfits.map(\.label.en).joined(separator: "; "),
                                  zh: "地块 \(parcel.code) 不符合用地需求：" + misfits.map(\.label.zh).joined(separator: "；"))
            }
            if try await ProjectLandQuery.leased(parcelID, on: tx) {
                throw DomainError(.conflict, code: "parcel_leased", field: "parcel_id", en: "parcel \(parcel.code) is held by a lease", zh: "地块 \(parcel.code) 已出让")
            }
            if let other = try await ProjectLandModel.query(on: tx).filter(\.$parcelID == parcelID).first(), other.projectID != projectID {
                throw DomainError(.conflict, code: "parcel_reserved", field: "parcel_id",
                                  en: "parcel \(parcel.code) is reserved for another project", zh: "地块 \(parcel.code) 已为其他项目预留")
            }
            let before = row.reservation
            let r = ParcelReservation(parcelID: parcelID, reservedBy: p.name, reservedOn: today)
            row.parcelID = parcelID; row.reservedBy = r.reservedBy; row.reservedOn = today.iso; row.updatedAtMillis = clock.millis
            row.clearOutcome()
            try await row.save(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "reserve_parcel", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: before, after: r)
            return r
        }
    }

    /// Releases the parcel a project holds in reserve (audited); 404 when it holds none.
    public func releaseParcel(_ projectID: UUID, by p: Principal) async throws {
        try ProjectVisibility.requireInvestOfficer(p)
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            guard let project = try await InvestmentRepository(db: tx).project(projectID) else { throw DomainError.notFound("project", id: projectID.uuidString) }
            try await Self.requireCleared(project, p, on: tx)
            guard let row = try await ProjectLandModel.query(on: tx).filter(\.$projectID == projectID).first(), let before = row.reservation else {
                throw DomainError(.notFound, code: "no_reservation", field: "parcel_id", en: "project \(project.code) holds no parcel", zh: "项目 \(project.code) 未预留地块")
            }
            try Self.refuseWon(row, project)
            row.parcelID = nil; row.reservedBy = nil; row.reservedOn = nil; row.updatedAtMillis = clock.millis
            row.clearOutcome()
            try await row.save(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: p, action: "release_parcel", entityType: Self.projectEntity,
                                                            entityID: projectID.uuidString, before: before, after: ParcelReservation?.none)
        }
    }

    /// A reservation closed as won is the project's land: it is neither replaced nor released
    /// (the lease continues in the land module; withdrawing that lease opens it again).
    static func refuseWon(_ row: ProjectLandModel, _ project: InvestmentProject) throws(DomainError) {
        if row.outcome == ReservationOutcome.won.rawValue {
            throw DomainError(.conflict, code: "land_won", field: "parcel_id",
                              en: "project \(project.code) has won its parcel's auction: the land continues under its lease",
                              zh: "项目 \(project.code) 已竞得预留地块，用地按出让合同继续办理")
        }
    }
}
