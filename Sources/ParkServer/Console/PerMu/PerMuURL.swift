import Foundation
import Vapor

/// The per-mu evaluation pages (staff) and the enterprise's own scorecard.
enum PerMuURL: ConsoleRoute, Equatable {
    case overview, runScheme, reopen, saveDraft, compare, mine
    case run(Parameter<UUID>), enact(Parameter<UUID>), treatmentsCSV(Parameter<UUID>)
    case scorecard(run: Parameter<UUID>, enterprise: Parameter<UUID>), scheme(Parameter<UUID>)

    static var routes: [PerMuURL] {
        [.overview, .runScheme, .reopen, .saveDraft, .compare, .mine, .run(.key), .enact(.key), .treatmentsCSV(.key),
         .scorecard(run: .key, enterprise: .key), .scheme(.key)]
    }

    var method: HTTPMethod {
        switch self {
        case .runScheme, .reopen, .saveDraft, .enact: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .overview: ["permu"]
        case .runScheme: ["permu", "runs"]
        case .reopen: ["permu", "reopen"]
        case .saveDraft: ["permu", "schemes"]
        case .compare: ["permu", "compare"]
        case .mine: ["permu", "me"]
        case .run(let id): ["permu", "runs", .param("id", id)]
        case .enact(let id): ["permu", "runs", .param("id", id), "enact"]
        case .treatmentsCSV(let id): ["permu", "runs", .param("id", id), "treatments.csv"]
        case .scorecard(let run, let e): ["permu", "runs", .param("id", run), "enterprises", .param("eid", e)]
        case .scheme(let id): ["permu", "schemes", .param("id", id)]
        }
    }

    var access: ConsoleAccess {
        switch self {
        case .mine: .signedIn   // staff are sent to the overview
        case .reopen, .enact: .admin
        default: .staff
        }
    }
}
