import Foundation
import Vapor

/// The land pages: overview and map, due list, parcels, leases, assessments, rulesets, report import.
enum LandURL: ConsoleRoute, Equatable {
    case overview, due, dueCSV, rulesets, publishRuleset, reportImportForm, reportImport, mapParcels
    case parcelsExport, parcelImportForm, parcelImport, parcel(Parameter<UUID>), recordAuction(Parameter<UUID>)
    case lease(Parameter<UUID>), confirm(Parameter<UUID>), lapse(Parameter<UUID>), contract(Parameter<UUID>)
    case advance(Parameter<UUID>), fileReport(Parameter<UUID>)
    case assessment(Parameter<UUID>), runAssessment(Parameter<UUID>), decide(Parameter<UUID>)

    static var routes: [LandURL] {
        [.overview, .due, .dueCSV, .mapParcels, .rulesets, .publishRuleset, .reportImportForm, .reportImport, .parcelsExport, .parcelImportForm,
         .parcelImport, .parcel(.key), .recordAuction(.key), .lease(.key), .confirm(.key), .lapse(.key), .contract(.key), .advance(.key),
         .fileReport(.key), .assessment(.key), .runAssessment(.key), .decide(.key)]
    }

    var method: HTTPMethod {
        switch self {
        case .overview, .due, .dueCSV, .mapParcels, .rulesets, .reportImportForm, .parcelsExport, .parcelImportForm, .parcel, .lease, .assessment: .GET
        default: .POST
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .overview: ["land"]
        case .due: ["land", "due"]
        case .dueCSV: ["land", "due.csv"]
        case .mapParcels: ["land", "map", "parcels.geojson"]
        case .rulesets, .publishRuleset: ["land", "rulesets"]
        case .reportImportForm, .reportImport: ["land", "reports", "import"]
        case .parcelsExport: ["parcels", "export.geojson"]
        case .parcelImportForm, .parcelImport: ["parcels", "import"]
        case .parcel(let id): ["parcels", .param("id", id)]
        case .recordAuction(let id): ["parcels", .param("id", id), "auction"]
        case .lease(let id): ["leases", .param("id", id)]
        case .confirm(let id): ["leases", .param("id", id), "confirm"]
        case .lapse(let id): ["leases", .param("id", id), "lapse"]
        case .contract(let id): ["leases", .param("id", id), "contract"]
        case .advance(let id): ["leases", .param("id", id), "advance"]
        case .fileReport(let id): ["leases", .param("id", id), "reports"]
        case .assessment(let id), .runAssessment(let id): ["leases", .param("id", id), "assessment"]
        case .decide(let id): ["leases", .param("id", id), "decision"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        // a firm sees its own parcels, leases and assessments and files its own reports (the page scopes them)
        case .parcel, .lease, .assessment, .fileReport: .signedIn
        case .publishRuleset: .admin
        default: .staff
        }
    }
}
