import Foundation
import Vapor

/// The console URLs of the indicators (the leadership page, the board pack, the import, the
/// drill-down, targets) and of the enterprise profile.
enum IndicatorsURL: ConsoleRoute, Equatable {
    case leadership, boardPack, boardPackXLSX, boardPackCSV, importForm, importUpload, drill, setTarget
    case profile(Parameter<UUID>), profileJSON(Parameter<UUID>), myProfile

    static var routes: [IndicatorsURL] {
        [.leadership, .boardPack, .boardPackXLSX, .boardPackCSV, .importForm, .importUpload, .drill, .setTarget,
         .profile(.key), .profileJSON(.key), .myProfile]
    }

    var method: HTTPMethod {
        switch self {
        case .importUpload, .setTarget: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .leadership: ["indicators"]
        case .boardPack: ["indicators", "board-pack"]
        case .boardPackXLSX: ["indicators", "board-pack.xlsx"]
        case .boardPackCSV: ["indicators", "board-pack.csv"]
        case .importForm, .importUpload: ["indicators", "import"]
        case .drill: ["indicators", "enterprises"]
        case .setTarget: ["indicators", "targets"]
        case .profile(let id): ["enterprises", .param("id", id), "profile"]
        case .profileJSON(let id): ["enterprises", .param("id", id), "profile.json"]
        case .myProfile: ["profile", "me"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        case .profile, .profileJSON: .signedIn   // staff, or the enterprise itself (the loader scopes it)
        case .myProfile: .enterprise
        default: .staff
        }
    }
}
