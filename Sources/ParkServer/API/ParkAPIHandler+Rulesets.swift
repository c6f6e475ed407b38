import ParkAPI
import ParkDomain
import ParkStore

extension ParkAPIHandler {
    func listRulesets(_ input: Operations.ListRulesets.Input) async throws -> Operations.ListRulesets.Output {
        try principal().requireStaff()
        return .ok(.init(body: .json(try await RulesetRepository(db: repos.db).all().map { Self.ruleset($0.ruleset, active: $0.active, by: $0.createdBy) })))
    }

    func publishRuleset(_ input: Operations.PublishRuleset.Input) async throws -> Operations.PublishRuleset.Output {
        guard case .json(let b) = input.body else { throw DomainError.required("body") }
        let r = AssessmentRuleset(name: b.name, version: 0, fullExtensionMinScore: b.fullExtensionMinScore,
                                  shortExtensionMinScore: b.shortExtensionMinScore, shortExtensionYears: b.shortExtensionYears,
                                  ratioCap: b.ratioCap ?? 1, mandatoryRequiredForFull: b.mandatoryRequiredForFull ?? true,
                                  windowMonths: b.windowMonths ?? 12)
        let p = try principal()
        let saved = try await RulesetRepository(db: repos.db, clock: repos.clock).publish(r, by: p)
        return .created(.init(body: .json(Self.ruleset(saved, active: true, by: p.name))))
    }

    static func ruleset(_ r: AssessmentRuleset, active: Bool, by: String) -> Components.Schemas.Ruleset {
        .init(value1: .init(name: r.name, fullExtensionMinScore: r.fullExtensionMinScore, shortExtensionMinScore: r.shortExtensionMinScore,
                            shortExtensionYears: r.shortExtensionYears, ratioCap: r.ratioCap, mandatoryRequiredForFull: r.mandatoryRequiredForFull,
                            windowMonths: r.windowMonths),
              value2: .init(version: r.version, active: active, createdBy: by))
    }
}
