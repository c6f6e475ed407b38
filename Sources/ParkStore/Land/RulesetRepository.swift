import FluentKit
import Foundation
import ParkDomain

/// Assessment rulesets as versioned data: every change is a new version (old ones stay, so
/// a stored proposal can always name the rules it used); exactly one version is active.
public struct RulesetRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "assessment_ruleset"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Stored: Sendable {
        public var ruleset: AssessmentRuleset
        public var active: Bool
        public var createdBy: String
    }

    public func all() async throws -> [Stored] {
        try await RulesetModel.query(on: db).sort(\.$name).sort(\.$version, .descending).all().compactMap { m in
            LandJSON.decode(AssessmentRuleset.self, m.parameters).map { Stored(ruleset: $0, active: m.active, createdBy: m.createdBy) }
        }
    }

    /// The active ruleset (the built-in default if none is stored).
    public func active() async throws -> AssessmentRuleset {
        try await RulesetModel.query(on: db).filter(\.$active == true).first()
            .flatMap { LandJSON.decode(AssessmentRuleset.self, $0.parameters) } ?? .standard
    }

    /// Stores the parameters as the next version of `ruleset.name` and makes it active (admins).
    public func publish(_ ruleset: AssessmentRuleset, by principal: Principal) async throws -> AssessmentRuleset {
        try principal.requireAdmin()
        try Self.validate(ruleset)
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let latest = try await RulesetModel.query(on: tx).filter(\.$name == ruleset.name).sort(\.$version, .descending).first()
            var next = ruleset
            next.version = (latest?.version ?? 0) + 1
            let before = try await RulesetModel.query(on: tx).filter(\.$active == true).first()
                .flatMap { LandJSON.decode(AssessmentRuleset.self, $0.parameters) }
            for m in try await RulesetModel.query(on: tx).filter(\.$active == true).all() {
                m.active = false
                try await m.update(on: tx)
            }
            let m = RulesetModel()
            m.id = UUID(); m.name = next.name; m.version = next.version; m.parameters = LandJSON.encode(next); m.active = true
            m.createdBy = principal.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "publish", entityType: Self.entityType,
                                                            entityID: "\(next.name) v\(next.version)", before: before, after: next)
            // The window's length may have changed: every lease's alert facts follow it.
            try await LeaseAlertFactsStore.refreshAll(on: tx, today: LocalDate(clock.now()))
            return next
        }
    }

    static func validate(_ r: AssessmentRuleset) throws(DomainError) {
        let nameOK = (1...40).contains(r.name.count) && r.name.allSatisfy { $0.isLetter || $0.isNumber || "-_".contains($0) }
        if !nameOK {
            throw DomainError(code: "invalid_name", field: "name", en: "name must be 1–40 letters, digits, - or _", zh: "名称须为 1–40 位字母、数字、- 或 _")
        }
        func range(_ v: Double, _ field: String) throws(DomainError) {
            guard v.isFinite, (0...100).contains(v) else {
                throw DomainError(code: "out_of_range", field: field, en: "\(field) must be a score from 0 to 100", zh: "\(field) 须为 0–100 之间的得分")
            }
        }
        try range(r.fullExtensionMinScore, "full_extension_min_score")
        try range(r.shortExtensionMinScore, "short_extension_min_score")
        if r.shortExtensionMinScore > r.fullExtensionMinScore {
            throw DomainError(code: "threshold_order", field: "short_extension_min_score",
                              en: "the short-extension threshold (\(r.shortExtensionMinScore)) is above the full-extension one (\(r.fullExtensionMinScore))",
                              zh: "缩短续期的分数线（\(r.shortExtensionMinScore)）高于续期至最长年限的分数线（\(r.fullExtensionMinScore)）")
        }
        if !(1...40).contains(r.shortExtensionYears) {
            throw DomainError(code: "out_of_range", field: "short_extension_years", en: "short_extension_years must be 1–40", zh: "缩短续期年限须在 1–40 年之间")
        }
        if !(r.ratioCap.isFinite && r.ratioCap >= 1 && r.ratioCap <= 3) {
            throw DomainError(code: "out_of_range", field: "ratio_cap", en: "ratio_cap must be between 1 and 3", zh: "完成率计分上限须在 1–3 之间")
        }
        if !(1...60).contains(r.windowMonths) {
            throw DomainError(code: "out_of_range", field: "window_months", en: "window_months must be 1–60", zh: "评估窗口须在 1–60 个月之间")
        }
    }
}
