import Foundation
import Vapor

/// The investment promotion pages: the pipeline board, projects and their forms, the FDI
/// report, the Fortune Global 500 page, imports.
enum InvestmentURL: ConsoleRoute, Equatable {
    case board, newProject, createProject, report, fortune500, imports, importRates, importInflows
    case project(Parameter<UUID>), propose(Parameter<UUID>), review(Parameter<UUID>), openBlocker(Parameter<UUID>)
    case blockerAction(Parameter<UUID>), contracted(Parameter<UUID>), inflow(Parameter<UUID>), taskForce(Parameter<UUID>)
    case landNeed(Parameter<UUID>), reserveParcel(Parameter<UUID>), releaseParcel(Parameter<UUID>)
    case infoReports, infoReportsCSV, generateInfoReports, recordInfoReportChange, fileInfoReport(Parameter<UUID>)

    static var routes: [InvestmentURL] {
        [.board, .newProject, .createProject, .report, .fortune500, .imports, .importRates, .importInflows, .project(.key), .propose(.key),
         .review(.key), .openBlocker(.key), .blockerAction(.key), .contracted(.key), .inflow(.key), .taskForce(.key),
         .landNeed(.key), .reserveParcel(.key), .releaseParcel(.key),
         .infoReports, .infoReportsCSV, .generateInfoReports, .recordInfoReportChange, .fileInfoReport(.key)]
    }

    var method: HTTPMethod {
        switch self {
        case .board, .newProject, .report, .fortune500, .imports, .project, .infoReports, .infoReportsCSV: .GET
        default: .POST
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .board: ["investment"]
        case .newProject, .createProject: ["investment", "projects", "new"]
        case .report: ["investment", "report"]
        case .fortune500: ["investment", "fortune500"]
        case .imports: ["investment", "imports"]
        case .importRates: ["investment", "imports", "rates"]
        case .importInflows: ["investment", "imports", "inflows"]
        case .project(let id): ["investment", "projects", .param("id", id)]
        case .propose(let id): ["investment", "projects", .param("id", id), "moves"]
        case .review(let id): ["investment", "moves", .param("id", id), "review"]
        case .openBlocker(let id): ["investment", "projects", .param("id", id), "blockers"]
        case .blockerAction(let id): ["investment", "blockers", .param("id", id)]
        case .contracted(let id): ["investment", "projects", .param("id", id), "contracted"]
        case .inflow(let id): ["investment", "projects", .param("id", id), "inflows"]
        case .taskForce(let id): ["investment", "projects", .param("id", id), "task-force"]
        case .landNeed(let id): ["investment", "projects", .param("id", id), "land-need"]
        case .reserveParcel(let id): ["investment", "projects", .param("id", id), "reservation"]
        case .releaseParcel(let id): ["investment", "projects", .param("id", id), "reservation", "release"]
        case .infoReports: ["investment", "info-reports"]
        case .infoReportsCSV: ["investment", "info-reports.csv"]
        case .generateInfoReports: ["investment", "info-reports", "generate"]
        case .recordInfoReportChange: ["investment", "info-reports", "changes"]
        case .fileInfoReport(let id): ["investment", "info-reports", .param("id", id), "filed"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        // a firm opens its own enterprise's projects (the page scopes them, 404 for another's)
        case .project: .signedIn
        default: .staff
        }
    }
}
