import Foundation

/// Whose "policies for me" a page shows: the signed-in enterprise's own (`/policies/me`), or, for
/// staff, any enterprise's (`/policies/enterprise/:id`); its answers page and its facts form.
enum PolicyPortalScope: Equatable {
    case mine
    case enterprise(UUID)

    var page: ConsoleURL {
        switch self {
        case .mine: .policies(.mine)
        case .enterprise(let id): .policies(.enterprise(.value(id)))
        }
    }

    var facts: ConsoleURL {
        switch self {
        case .mine: .policies(.myFacts)
        case .enterprise(let id): .policies(.enterpriseFacts(.value(id)))
        }
    }

    var saveFacts: ConsoleURL {
        switch self {
        case .mine: .policies(.saveMyFacts)
        case .enterprise(let id): .policies(.saveEnterpriseFacts(.value(id)))
        }
    }
}
