import Foundation
import Vapor

/// The outbound investment console (issue 14): the platform's board, projects, filings,
/// country risk, alerts, statistics and the service log; the firm's own portal page.
enum OutboundURL: ConsoleRoute, Equatable {
    case board, projects, newProject, createProject
    case project(Parameter<UUID>), moveProject(Parameter<UUID>), moveFiling(Parameter<UUID>), lapse
    case world, country(Parameter<String>), gradeCountry(Parameter<String>), noteCountry(Parameter<String>)
    case alerts, publishAlert, alert(Parameter<UUID>), readAlert(Parameter<UUID>)
    case stats, statsCSV, services, logService, mine

    static var routes: [OutboundURL] {
        [.board, .projects, .newProject, .createProject, .project(.key), .moveProject(.key), .moveFiling(.key), .lapse,
         .world, .country(.key), .gradeCountry(.key), .noteCountry(.key), .alerts, .publishAlert, .alert(.key), .readAlert(.key),
         .stats, .statsCSV, .services, .logService, .mine]
    }

    var method: HTTPMethod {
        switch self {
        case .createProject, .moveProject, .moveFiling, .lapse, .gradeCountry, .noteCountry, .publishAlert, .readAlert, .logService: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .board: ["outbound"]
        case .projects: ["outbound", "projects"]
        case .newProject, .createProject: ["outbound", "projects", "new"]
        case .project(let id): ["outbound", "projects", .param("id", id)]
        case .moveProject(let id): ["outbound", "projects", .param("id", id), "stage"]
        case .moveFiling(let id): ["outbound", "filings", .param("id", id)]
        case .lapse: ["outbound", "filings", "lapse"]
        case .world: ["outbound", "countries"]
        case .country(let c): ["outbound", "countries", .param("country", c)]
        case .gradeCountry(let c): ["outbound", "countries", .param("country", c), "grade"]
        case .noteCountry(let c): ["outbound", "countries", .param("country", c), "notes"]
        case .alerts, .publishAlert: ["outbound", "alerts"]
        case .alert(let id): ["outbound", "alerts", .param("id", id)]
        case .readAlert(let id): ["outbound", "alerts", .param("id", id), "read"]
        case .stats: ["outbound", "stats"]
        case .statsCSV: ["outbound", "stats.csv"]
        case .services, .logService: ["outbound", "services"]
        case .mine: ["outbound", "me"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        case .projects, .project: .signedIn   // a firm sees its own (the pages scope it; another's is a 404)
        case .mine, .readAlert: .enterprise
        default: .staff
        }
    }
}
