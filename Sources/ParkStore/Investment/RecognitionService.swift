import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Headquarters recognition (issue 11 item 5, DOMAIN.md §8): the rule sets as data (an admin
/// edits their thresholds, audited), checks of one firm or of a page of candidates through the
/// policy engine (met / not met / undetermined, each condition explained), and the recognition
/// itself, which sets the firm's flag on the register in the same audited transaction.
public struct RecognitionService: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let ruleEntity = "fdi_recognition_rule"
    public static let entity = "fdi_recognition"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var today: LocalDate { LocalDate(clock.now()) }

    /// One firm's answers under every rule set, with the recognitions it holds.
    public struct FirmCheck: Sendable {
        public var enterpriseID: UUID
        public var creditCode: String
        public var name: Bilingual
        public var asOf: LocalDate
        public var checks: [RecognitionCheck]
        public var recognitions: [Recognition]
    }

    // MARK: Rule sets

    /// The rule sets (a handful of rows), by kind and code.
    public func rules() async throws -> [RecognitionRuleSet] {
        try await RecognitionRuleModel.query(on: db).sort(\.$kind).sort(\.$id).all().map { $0.toDomain() }
    }

    /// Stores `rule` (a new code adds a rule set, a known one replaces its thresholds). Admin only;
    /// validated and compiled first; audited with before and after.
    @discardableResult
    public func saveRule(_ rule: RecognitionRuleSet, by p: Principal) async throws -> RecognitionRuleSet {
        try p.requireAdmin()
        _ = try rule.policy()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let existing = try await RecognitionRuleModel.find(rule.code, on: tx)
            let before = existing?.toDomain()
            if before == rule { return rule }
            if let existing {
                existing.apply(rule); existing.updatedBy = p.name; existing.updatedAtMillis = clock.millis
                try await existing.update(on: tx)
            } else {
                try await RecognitionRuleModel(rule, by: p.name, at: clock.millis).create(on: tx)
            }
            try await AuditLog(db: tx, clock: clock).append(by: p, action: existing == nil ? "create" : "update", entityType: Self.ruleEntity,
                                                            entityID: rule.code, before: before, after: rule)
            return rule
        }
    }

    // MARK: Checks

    /// The facts every rule set reads.
    static func facts(_ rules: [RecognitionRuleSet]) throws(DomainError) -> Set<String> {
        var names = Set<String>()
        for r in rules { names.formUnion(try r.policy().facts.map(\.name)) }
        return names
    }

    /// Checks one firm under every rule set in force on `asOf` (today by default). Staff only.
    public func check(enterprise id: UUID, asOf: LocalDate? = nil, by p: Principal) async throws -> FirmCheck {
        try p.requireStaff()
        guard let found = try await checks(of: [id], asOf: asOf ?? today).first else {
            throw DomainError.notFound("enterprise", id: id.uuidString)
        }
        return found
    }

    /// The candidates (firms in the register, not deregistered, that supplied at least one
    /// recognition fact), by credit code, a page at a time, each checked under every rule set.
    /// Reads the page's facts in one query per source.
    public func checkCandidates(_ page: ParkDomain.PageRequest, asOf: LocalDate? = nil, by p: Principal) async throws -> Page<FirmCheck> {
        try p.requireStaff()
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: page.page, perPage: page.perPage) }
        let facts = SQLList(PolicyFactText.recognition.map { SQLBind($0) })
        let from = SQLRaw("""
            FROM enterprises e WHERE e.deregistered_on IS NULL AND EXISTS (SELECT 1 FROM enterprise_facts f
            WHERE f.enterprise_id = e.id AND f.year = 0 AND f.fact IN (
            """)
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)\(facts)))").first()?.decode(column: "n", as: Int.self) ?? 0
        let ids = try await sql.raw("""
            SELECT e.id \(from)\(facts))) ORDER BY e.credit_code LIMIT \(unsafeRaw: String(page.perPage)) OFFSET \(unsafeRaw: String(page.offset))
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        let items = ids.isEmpty ? [] : try await checks(of: ids, asOf: asOf ?? today)
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    /// Checks `ids` (credit-code order) under every rule set that applies on `asOf`.
    func checks(of ids: [UUID], asOf: LocalDate) async throws -> [FirmCheck] {
        let rules = try await rules().filter { asOf >= LocalDate(year: $0.year, month: 1, day: 1)! }
        let columns = try await PolicyFactsLoader.columns(db, asOf: asOf, facts: try Self.facts(rules).union(["industry"]), among: ids)
        let found = columns.enterpriseIDs
        guard !found.isEmpty else { return [] }
        let firms = try await EnterpriseModel.query(on: db).filter(\.$id ~~ found).all()
        let byID = Dictionary(firms.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
        let held = Dictionary(grouping: try await RecognitionModel.query(on: db).filter(\.$enterpriseID ~~ found).all().map { $0.toDomain() },
                              by: \.enterpriseID)
        return try found.enumerated().compactMap { k, id -> FirmCheck? in
            guard let m = byID[id] else { return nil }
            let facts = columns.table.facts(row: k)
            let checks = try rules.map { r throws(DomainError) in try r.check(facts, asOf: asOf) }
            return FirmCheck(enterpriseID: id, creditCode: m.creditCode, name: Bilingual(zh: m.nameZh, en: m.nameEn),
                             asOf: asOf, checks: checks, recognitions: (held[id] ?? []).sorted { $0.kind.rawValue < $1.kind.rawValue })
        }
    }

    // MARK: Recognition

    /// Recognises a firm as `kind` under a rule set of that kind it meets today (the first by
    /// code): records it and, for a regional headquarters, sets the register's flag, both audited
    /// in one transaction. Investment bureau officers only; refused when no rule set of the kind
    /// is met (naming the missing facts if undetermined) or when the firm already holds it.
    @discardableResult
    public func recognise(enterprise id: UUID, as kind: RecognitionKind, by p: Principal) async throws -> Recognition {
        try ProjectVisibility.requireInvestOfficer(p)
        let firm = try await check(enterprise: id, by: p)
        let ofKind = firm.checks.filter { $0.ruleSet.kind == kind }
        guard let met = ofKind.first(where: { $0.verdict == .met }) else {
            let missing = Array(Set(ofKind.flatMap(\.missingFacts))).sorted { $0.fact < $1.fact }
            if !missing.isEmpty {
                throw DomainError(code: "recognition_undetermined", field: "kind",
                                  en: "\(kind.label.en) cannot be decided yet: data needed: \(missing.map(\.label.en).joined(separator: ", "))",
                                  zh: "尚无法判定\(kind.label.zh)：需补充\(missing.map(\.label.zh).joined(separator: "、"))")
            }
            throw DomainError(code: "recognition_not_met", field: "kind", en: "\(firm.name.en) meets no \(kind.label.en.lowercased()) rule set",
                              zh: "\(firm.name.zh) 不符合\(kind.label.zh)认定条件")
        }
        let clock = self.clock, on = today
        return try await WriteGate.write(db) { tx in
            if try await RecognitionModel.query(on: tx).filter(\.$enterpriseID == id).filter(\.$kind == kind.rawValue).count() > 0 {
                throw DomainError(.conflict, code: "already_recognised", field: "kind", en: "\(firm.name.en) is already recognised as \(kind.label.en.lowercased())",
                                  zh: "\(firm.name.zh) 已认定为\(kind.label.zh)")
            }
            let m = RecognitionModel()
            m.id = UUID(); m.enterpriseID = id; m.kind = kind.rawValue; m.ruleCode = met.ruleSet.code; m.ruleYear = met.ruleSet.year
            m.recognisedOn = on.iso; m.recognisedBy = p.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            let r = m.toDomain()
            let audit = AuditLog(db: tx, clock: clock)
            try await audit.append(by: p, action: "recognise", entityType: Self.entity, entityID: "\(id.uuidString)/\(kind.rawValue)",
                                   before: Optional<Recognition>.none, after: r)
            // The register's flag (regional headquarters); a functional unit has no register flag:
            // its recognition row is its mark.
            if kind == .regionalHQ, let e = try await EnterpriseModel.find(id, on: tx), !e.regionalHQ {
                let before = try e.toDomain()
                e.regionalHQ = true; e.updatedAtMillis = clock.millis
                try await e.update(on: tx)
                try await audit.append(by: p, action: "update", entityType: EnterpriseRepository.entityType, entityID: id.uuidString,
                                       before: before, after: try e.toDomain(), reason: "\(kind.label.zh) / \(kind.label.en): \(met.ruleSet.code)")
            }
            return r
        }
    }

    /// The recognitions a firm holds (staff, or the firm itself).
    public func recognitions(of id: UUID, by p: Principal) async throws -> [Recognition] {
        guard p.canRead(enterprise: id) else { throw DomainError.notFound("enterprise", id: id.uuidString) }
        return try await RecognitionModel.query(on: db).filter(\.$enterpriseID == id).sort(\.$kind).all().map { $0.toDomain() }
    }
}
