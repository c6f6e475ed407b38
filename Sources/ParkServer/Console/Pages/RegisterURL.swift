import Foundation
import Vapor

/// Sign-in and sign-out.
enum SessionURL: ConsoleRoute, Equatable {
    case login, signIn, logout
    static var routes: [SessionURL] { [.login, .signIn, .logout] }

    var method: HTTPMethod { self == .login ? .GET : .POST }
    var segments: [PathSegment] { self == .logout ? ["logout"] : ["login"] }
    var access: ConsoleAccess { self == .logout ? .signedIn : .open }
}

/// Files the console serves to anyone: style sheet, icon, scripts.
enum AssetURL: ConsoleRoute, Equatable {
    case css, icon, favicon, policyEditorScript, landMapScript
    static var routes: [AssetURL] { [.css, .icon, .favicon, .policyEditorScript, .landMapScript] }

    var method: HTTPMethod { .GET }
    var segments: [PathSegment] {
        switch self {
        case .css: ["assets", "park.css"]
        case .icon: ["assets", "icon.svg"]
        case .favicon: ["favicon.ico"]
        case .policyEditorScript: ["assets", "policy-editor.js"]
        case .landMapScript: ["assets", "land-map.js"]
        }
    }
    var access: ConsoleAccess { .open }
}

/// The register of enterprises: list, record, forms, import and export.
enum EnterpriseURL: ConsoleRoute, Equatable {
    case list, export, template, importForm, importUpload, new, create
    case detail(Parameter<UUID>), edit(Parameter<UUID>), update(Parameter<UUID>), deregister(Parameter<UUID>)

    static var routes: [EnterpriseURL] {
        [.list, .export, .template, .importForm, .importUpload, .new, .create, .detail(.key), .edit(.key), .update(.key), .deregister(.key)]
    }

    var method: HTTPMethod {
        switch self {
        case .importUpload, .create, .update, .deregister: .POST
        default: .GET
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .list: ["enterprises"]
        case .export: ["enterprises", "export.csv"]
        case .template: ["enterprises", "template.csv"]
        case .importForm, .importUpload: ["enterprises", "import"]
        case .new, .create: ["enterprises", "new"]
        case .detail(let id): ["enterprises", .param("id", id)]
        case .edit(let id), .update(let id): ["enterprises", .param("id", id), "edit"]
        case .deregister(let id): ["enterprises", .param("id", id), "deregister"]
        }
    }

    var access: ConsoleAccess {
        switch self {
        // an enterprise user sees and edits its own record (the page scopes it)
        case .list, .template, .detail, .edit, .update: .signedIn
        case .export, .importForm, .importUpload, .new, .create, .deregister: .staff
        }
    }
}

/// The administrator's pages: accounts and the audit trail.
enum AdminURL: ConsoleRoute, Equatable {
    case users, createUser, disableUser(Parameter<UUID>), enableUser(Parameter<UUID>), setPassword(Parameter<UUID>), audit

    static var routes: [AdminURL] { [.users, .createUser, .disableUser(.key), .enableUser(.key), .setPassword(.key), .audit] }

    var method: HTTPMethod {
        switch self {
        case .users, .audit: .GET
        default: .POST
        }
    }

    var segments: [PathSegment] {
        switch self {
        case .users, .createUser: ["admin", "users"]
        case .disableUser(let id): ["admin", "users", .param("id", id), "disable"]
        case .enableUser(let id): ["admin", "users", .param("id", id), "enable"]
        case .setPassword(let id): ["admin", "users", .param("id", id), "password"]
        case .audit: ["admin", "audit"]
        }
    }

    var access: ConsoleAccess { .admin }
}
