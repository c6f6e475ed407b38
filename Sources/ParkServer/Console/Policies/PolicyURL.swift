import Foundation
import Vapor

/// The policy pages (staff) and the enterprise portal's "policies for me".
enum PolicyURL: ConsoleRoute, Equatable {
    case list, match, new, submit, check, mine, myFacts, saveMyFacts, reference
    case policy(Parameter<String>)
    case run(Parameter<UUID>), resultsCSV(Parameter<UUID>), paymentCSV(Parameter<UUID>), decideGrants(Parameter<UUID>)
    case enterprise(Parameter<UUID>), enterpriseFacts(Parameter<UUID>), saveEnterpriseFacts(Parameter<UUID>)

    static var routes: [PolicyURL] {
        [.list, .match, .new, .submit, .check, .mine, .myFacts, .saveMyFacts, .reference, .policy(.key), .run(.key), .resultsCSV(.key),
         .paymentCSV(.key), .decideGrants(.key), .enterprise(.key), .enterpriseFacts(.key), .saveEnterpriseFacts(.key)]
    }

    var method: HTTPMethod {
        switch self {
        case .match, .submit, .check, .saveMyFacts, .decideGrants, .saveEnterpriseFacts: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .list, .submit: ["policies"]
        case .match: ["policies", "match"]
        case .new: ["policies", "new"]
        case .check: ["policies", "check"]
        case .reference: ["policies", "language"]
        case .mine: ["policies", "me"]
        case .myFacts, .saveMyFacts: ["policies", "me", "facts"]
        case .policy(let id): ["policies", .param("id", id)]
        case .run(let id): ["policies", "runs", .param("id", id)]
        case .resultsCSV(let id): ["policies", "runs", .param("id", id), "results.csv"]
        case .paymentCSV(let id): ["policies", "runs", .param("id", id), "payment.csv"]
        case .decideGrants(let id): ["policies", "runs", .param("id", id), "grants"]
        case .enterprise(let id): ["policies", "enterprise", .param("id", id)]
        case .enterpriseFacts(let id), .saveEnterpriseFacts(let id): ["policies", "enterprise", .param("id", id), "facts"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        case .mine, .myFacts, .saveMyFacts: .signedIn   // an enterprise's own; staff are sent to the list
        default: .staff
        }
    }
}
