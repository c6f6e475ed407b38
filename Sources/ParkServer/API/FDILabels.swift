import FluentKit
import Foundation
import ParkDomain
import ParkStore

/// Names for the keys of the FDI report's breakdowns, in the reader's language: countries,
/// clusters, project types, stages and sources by name, officers by display name (looked up
/// one by one: a breakdown has a handful).
struct FDILabels: Sendable {
    var countries: [String: Bilingual] = [:]
    var clusters: [String: Bilingual] = [:]
    var officers: [String: String] = [:]
    var language: Language

    static func load(_ report: FDIReport, db: any Database, language: Language) async throws -> FDILabels {
        var l = FDILabels(language: language)
        for c in Country.all { l.countries[c.alpha2] = c.name }
        for c in try await ReferenceRepository(db: db).clusters() { l.clusters[c.code] = c.name }
        let accounts = AccountRepository(db: db)
        for line in report.figures.breakdowns[.officer] ?? [] {
            if let id = UUID(uuidString: line.key), let u = try await accounts.find(id) { l.officers[line.key] = u.displayName }
        }
        return l
    }

    /// The line of projects that left the dimension empty, said for what it is (a project in no
    /// industry cluster, not a cluster named "(none)").
    static func unstated(_ d: FDIDimension) -> Bilingual {
        switch d {
        case .cluster: Bilingual(zh: "未归入产业集群", en: "No industry cluster")
        case .country: Bilingual(zh: "国别未填", en: "Country not given")
        case .officer: Bilingual(zh: "未指定负责人", en: "No officer assigned")
        default: Bilingual(zh: "未填", en: "Not given")
        }
    }

    func label(_ d: FDIDimension, _ key: String) -> String {
        if key.isEmpty { return Self.unstated(d).text(language) }
        switch d {
        case .country: return countries[key]?.text(language) ?? key
        case .cluster: return clusters[key]?.text(language) ?? key
        case .type: return ProjectType(rawValue: key)?.label.text(language) ?? key
        case .stage: return ProjectStage(rawValue: key)?.label.text(language) ?? key
        case .source: return ProjectSource(rawValue: key)?.label.text(language) ?? key
        case .officer: return officers[key] ?? officers[key.uppercased()] ?? (language == .zh ? "（已停用账户）" : "(former account)")
        }
    }
}
