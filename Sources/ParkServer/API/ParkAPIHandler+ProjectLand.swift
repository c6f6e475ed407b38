import Foundation
import OpenAPIRuntime
import ParkAPI
import ParkDomain
import ParkStore

/// Land for projects: the need, the candidates, the reservation.
extension ParkAPIHandler {
    func getProjectLand(_ input: Operations.GetProjectLand.Input) async throws -> Operations.GetProjectLand.Output {
        let land = try await investment.land(try APIMapping.uuid(input.path.id, field: "id"), by: try principal())
        return .ok(.init(body: .json(.init(need: land.need.map(Self.need), reservation: land.reservation.map(Self.reservation),
                                           reservedParcel: land.reservedParcel.map(LandMapping.parcel),
                                           candidates: land.candidates.map(LandMapping.parcel)))))
    }

    func setProjectLandNeed(_ input: Operations.SetProjectLandNeed.Input) async throws -> Operations.SetProjectLandNeed.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let saved = try await investment.setLandNeed(try APIMapping.uuid(input.path.id, field: "id"),
                                                     ProjectLandNeed(landUse: b.landUse, areaMu: b.areaMu, plotRatio: b.plotRatio, heightMetres: b.heightM),
                                                     by: try principal())
        return .ok(.init(body: .json(Self.need(saved))))
    }

    func reserveParcel(_ input: Operations.ReserveParcel.Input) async throws -> Operations.ReserveParcel.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let r = try await investment.reserveParcel(try APIMapping.uuid(input.path.id, field: "id"),
                                                   parcelID: try APIMapping.uuid(b.parcelId, field: "parcel_id"), by: try principal())
        return .ok(.init(body: .json(Self.reservation(r))))
    }

    func releaseParcel(_ input: Operations.ReleaseParcel.Input) async throws -> Operations.ReleaseParcel.Output {
        try await investment.releaseParcel(try APIMapping.uuid(input.path.id, field: "id"), by: try principal())
        return .noContent(.init())
    }

    static func need(_ n: ProjectLandNeed) -> Components.Schemas.ProjectLandNeed {
        .init(landUse: n.landUse, areaMu: n.areaMu, plotRatio: n.plotRatio, heightM: n.heightMetres)
    }

    static func reservation(_ r: ParcelReservation) -> Components.Schemas.ParcelReservation {
        .init(parcelId: r.parcelID.uuidString, reservedBy: r.reservedBy, reservedOn: r.reservedOn?.iso,
              outcome: r.outcome.flatMap { .init(rawValue: $0.rawValue) }, outcomeLeaseId: r.outcomeLeaseID?.uuidString,
              outcomeOn: r.outcomeOn?.iso)
    }
}
