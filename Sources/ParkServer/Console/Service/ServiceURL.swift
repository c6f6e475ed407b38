import Foundation
import Vapor

/// The enterprise-service console: the officer's queue, the dispatcher's board, the request page
/// and its actions, stats; the portal's own requests and new-request form; the inbox.
enum ServiceURL: ConsoleRoute, Equatable {
    case queue, board, stats
    case request(Parameter<UUID>)
    case act(Parameter<UUID>)
    case attach(Parameter<UUID>)
    case file(Parameter<UUID>, Parameter<UUID>)
    case mine, newRequest, create
    case inbox, inboxRead, badge

    static var routes: [ServiceURL] {
        [.queue, .board, .stats, .request(.key), .act(.key), .attach(.key), .file(.key, .key), .mine, .newRequest, .create,
         .inbox, .inboxRead, .badge]
    }

    var method: HTTPMethod {
        switch self {
        case .act, .attach, .create, .inboxRead: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .queue: ["service"]
        case .board: ["service", "board"]
        case .stats: ["service", "stats"]
        case .request(let id): ["service", "requests", .param("id", id)]
        case .act(let id): ["service", "requests", .param("id", id), "act"]
        case .attach(let id): ["service", "requests", .param("id", id), "attachments"]
        case .file(let id, let f): ["service", "requests", .param("id", id), "files", .param("fid", f)]
        case .mine: ["service", "mine"]
        case .newRequest, .create: ["service", "new"]
        case .inbox: ["inbox"]
        case .inboxRead: ["inbox", "read"]
        case .badge: ["inbox", "badge.svg"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        case .queue, .board, .stats: .staff
        case .mine: .enterprise
        // The page scopes: a firm reaches its own requests only (404 for another's).
        case .request, .act, .attach, .file, .newRequest, .create, .inbox, .inboxRead, .badge: .signedIn
        }
    }
}
