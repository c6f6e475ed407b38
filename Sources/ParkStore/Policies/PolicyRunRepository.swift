import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Matching runs: every policy in force (or one) against every enterprise's facts as of a date,
/// compiled once and evaluated a column at a time (`PolicyProgram`). A run stores the policy
/// versions and the data year it used, the eligible and undetermined answers (not eligible is
/// every other enterprise), and, for policies paid without application, grant proposals within
/// the policy's budget (`PolicyBudget`), which an officer confirms one by one or in bulk. A
/// later run for the same data year proposes nothing to enterprises already paid under the
/// policy and shares out only the budget left.
public struct PolicyRunRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "policy_run"
    public static let grantEntityType = "policy_grant"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// A policy version as a run used it.
    public struct UsedPolicy: Sendable, Codable, Hashable {
        public var id: String
        public var version: Int
        public var digest: String
        public var eligible: Int
        public var undetermined: Int
        /// Σ amounts of the eligible with a known amount (fen).
        public var amountFen: Int64
    }

    public struct Stored: Sendable {
        public var id: UUID
        public var asOf: LocalDate
        public var dataYear: Int
        public var policies: [UsedPolicy]
        public var enterprises: Int
        public var eligible: Int
        public var undetermined: Int
        public var createdBy: String
        public var createdAtMillis: Int64
    }

    /// One stored answer with its enterprise's names.
    public struct Row: Sendable {
        public var policyID: String
        public var enterpriseID: UUID
        public var creditCode: String
        public var nameZh: String
        public var nameEn: String
        public var status: PolicyStatus
        public var amountFen: Int64?
        public var missing: [String]
    }

    /// A grant proposal or grant.
    public struct Grant: Sendable {
        public enum State: String, Sendable, Codable, CaseIterable { case proposed, confirmed, rejected }
        public var id: UUID
        public var runID: UUID
        public var policyID: String
        public var enterpriseID: UUID
        public var creditCode: String
        public var nameZh: String
        public var nameEn: String
        public var entitledFen: Int64
        public var proposedFen: Int64
        public var state: State
        public var decidedBy: String?
    }

    // MARK: Matching (`PolicyRunRepository+Match.swift`)

    static func statusCode(_ s: PolicyStatus) -> String {
        switch s {
        case .eligible: "eligible"
        case .notEligible: "not_eligible"
        case .undetermined: "undetermined"
        }
    }

    static func status(_ code: String) -> PolicyStatus {
        switch code {
        case "eligible": .eligible
        case "undetermined": .undetermined
        default: .notEligible
        }
    }

    // MARK: Reading

    public func all() async throws -> [Stored] {
        try await PolicyRunModel.query(on: db).sort(\.$createdAtMillis, .descending).all().map(Self.stored)
    }

    public func find(_ id: UUID) async throws -> Stored? { try await PolicyRunModel.find(id, on: db).map(Self.stored) }

    public func require(_ id: UUID) async throws -> Stored {
        guard let r = try await find(id) else { throw DomainError.notFound("run", id: id.uuidString) }
        return r
    }

    static func stored(_ m: PolicyRunModel) -> Stored {
        Stored(id: m.id!, asOf: LocalDate(iso: m.asOf) ?? LocalDate(year: 2000, month: 1, day: 1)!, dataYear: m.dataYear,
               policies: LandJSON.decode([UsedPolicy].self, m.policies) ?? [], enterprises: m.enterprises, eligible: m.eligible,
               undetermined: m.undetermined, createdBy: m.createdBy, createdAtMillis: m.createdAtMillis)
    }

    /// The answers of `runID` (eligible and undetermined), filtered, in credit-code order.
    public func results(runID: UUID, policyID: String? = nil, status: PolicyStatus? = nil, enterprise: UUID? = nil,
                        search: String? = nil, page: Int = 1, perPage: Int = 50) async throws -> Page<Row> {
        let pageRequest = try PageRequest(page: page, perPage: perPage)
        guard let sql = db as? any SQLDatabase else { return Page(items: [], total: 0, page: page, perPage: perPage) }
        var w = SQLQueryString("r.run_id = \(bind: runID)")
        if let policyID { w.appendInterpolation(unsafeRaw: " AND r.policy_id = "); w.appendInterpolation(bind: policyID) }
        if let status { w.appendInterpolation(unsafeRaw: " AND r.status = "); w.appendInterpolation(bind: Self.statusCode(status)) }
        if let enterprise { w.appendInterpolation(unsafeRaw: " AND r.enterprise_id = "); w.appendInterpolation(bind: enterprise) }
        if let q = search?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            let like = "%" + q.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            w.appendInterpolation(unsafeRaw: " AND (e.name_zh LIKE "); w.appendInterpolation(bind: like)
            w.appendInterpolation(unsafeRaw: " OR LOWER(e.name_en) LIKE "); w.appendInterpolation(bind: like.lowercased())
            w.appendInterpolation(unsafeRaw: " OR e.credit_code LIKE "); w.appendInterpolation(bind: like.uppercased())
            w.appendInterpolation(unsafeRaw: ")")
        }
        let from = "FROM policy_results r JOIN enterprises e ON e.id = r.enterprise_id"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(unsafeRaw: from) WHERE \(w)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT r.policy_id, r.enterprise_id, r.status, r.amount_fen, r.missing, e.credit_code, e.name_zh, e.name_en
            \(unsafeRaw: from) WHERE \(w) ORDER BY r.policy_id, e.credit_code
            LIMIT \(literal: perPage) OFFSET \(literal: pageRequest.offset)
            """).all()
        let items = try rows.map { r in
            Row(policyID: try r.decode(column: "policy_id", as: String.self), enterpriseID: try r.decode(column: "enterprise_id", as: UUID.self),
                creditCode: try r.decode(column: "credit_code", as: String.self), nameZh: try r.decode(column: "name_zh", as: String.self),
                nameEn: try r.decode(column: "name_en", as: String.self), status: Self.status(try r.decode(column: "status", as: String.self)),
                amountFen: try r.decode(column: "amount_fen", as: Int64?.self),
                missing: try r.decode(column: "missing", as: String.self).split(separator: ";").map(String.init))
        }
        return Page(items: items, total: total, page: page, perPage: perPage)
    }

    // MARK: Grants

    public func grants(runID: UUID, policyID: String? = nil, state: Grant.State? = nil, enterprise: UUID? = nil) async throws -> [Grant] {
        var q = PolicyGrantModel.query(on: db).filter(\.$runID == runID)
        if let policyID { q = q.filter(\.$policyID == policyID) }
        if let state { q = q.filter(\.$state == state.rawValue) }
        if let enterprise { q = q.filter(\.$enterpriseID == enterprise) }
        let models = try await q.all()
        var names: [UUID: (String, String, String)] = [:]
        for e in try await EnterpriseModel.query(on: db).filter(\.$id ~~ Array(Set(models.map(\.enterpriseID)))).all() {
            names[try e.requireID()] = (e.creditCode, e.nameZh, e.nameEn)
        }
        return models.map { g in
            let n = names[g.enterpriseID] ?? ("", "", "")
            return Grant(id: g.id!, runID: g.runID, policyID: g.policyID, enterpriseID: g.enterpriseID, creditCode: n.0, nameZh: n.1,
                         nameEn: n.2, entitledFen: g.entitledFen, proposedFen: g.proposedFen, state: Grant.State(rawValue: g.state) ?? .proposed,
                         decidedBy: g.decidedBy)
        }.sorted { ($0.policyID, $1.proposedFen, $0.creditCode) < ($1.policyID, $0.proposedFen, $1.creditCode) }
    }

    /// Confirms (or rejects) the proposed grants `ids` of `runID` — or, with `ids` nil, every
    /// proposed grant of `policyID` in the run (staff). Returns how many changed and their total
    /// (fen). One audit entry per grant.
    public func decide(runID: UUID, policyID: String? = nil, ids: [UUID]?, confirm: Bool, by principal: Principal) async throws
        -> (count: Int, totalFen: Int64) {
        try principal.requireStaff()
        if ids == nil && policyID == nil {
            throw DomainError(code: "required", field: "grant_ids", en: "name the grants, or the policy whose proposals to decide in bulk",
                              zh: "请指定补助记录，或指定要批量处理的政策")
        }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            var q = PolicyGrantModel.query(on: tx).filter(\.$runID == runID)
            if let policyID { q = q.filter(\.$policyID == policyID) }
            if let ids { q = q.filter(\.$id ~~ ids) }
            let models = try await q.all()
            if let ids, models.count != Set(ids).count {
                throw DomainError.notFound("grant", id: ids.map(\.uuidString).joined(separator: ","))
            }
            var n = 0, total: Int64 = 0
            for g in models {
                guard g.state == Grant.State.proposed.rawValue else {
                    if ids != nil {
                        throw DomainError(.conflict, code: "already_decided", field: "grant_ids",
                                          en: "grant \(g.id!.uuidString) is already \(g.state)", zh: "补助 \(g.id!.uuidString) 已处理（\(g.state)）")
                    }
                    continue
                }
                g.state = (confirm ? Grant.State.confirmed : .rejected).rawValue
                g.decidedBy = principal.name; g.decidedAtMillis = clock.millis
                try await g.update(on: tx)
                n += 1; total += g.proposedFen
                try await AuditLog(db: tx, clock: clock).append(
                    by: principal, action: confirm ? "confirm" : "reject", entityType: Self.grantEntityType, entityID: g.id!.uuidString,
                    before: ["state": "proposed"], after: ["state": g.state, "policy": g.policyID, "enterprise": g.enterpriseID.uuidString,
                                                           "amount_fen": String(g.proposedFen)])
            }
            return (n, total)
        }
    }

    /// The confirmed grants of `runID` for payment, as CSV (UTF-8 with BOM): credit code, names,
    /// policy, amount in yuan exact to the fen.
    public func paymentCSV(runID: UUID, policyID: String? = nil) async throws -> Data {
        let rows = try await grants(runID: runID, policyID: policyID, state: .confirmed)
        var out = "\u{FEFF}" + CSVWriter.line(["credit_code", "name_zh", "name_en", "policy_id", "amount_yuan", "confirmed_by"]) + "\n"
        for g in rows {
            out += CSVWriter.line([g.creditCode, g.nameZh, g.nameEn, g.policyID, FenText.yuan(g.proposedFen), g.decidedBy ?? ""],
                                  formulaGuard: true) + "\n"
        }
        return Data(out.utf8)
    }

    // MARK: One enterprise

    /// What `enterprise` is entitled to today: every policy in force, evaluated on its current
    /// facts, with the explanation (staff, or the enterprise itself).
    public func forEnterprise(_ enterprise: UUID, asOf: LocalDate, by principal: Principal) async throws
        -> [(policy: PolicyRepository.Stored, explanation: PolicyExplanation)] {
        guard principal.canRead(enterprise: enterprise) else { throw DomainError.notFound("enterprise", id: enterprise.uuidString) }
        let park = try await PolicyFactsLoader.load(db, asOf: asOf, only: enterprise)
        guard let facts = park.facts.first else { throw DomainError.notFound("enterprise", id: enterprise.uuidString) }
        var out: [(PolicyRepository.Stored, PolicyExplanation)] = []
        for s in try await PolicyRepository(db: db, clock: clock).latest() where s.policy.header.isInForce(on: asOf) {
            out.append((s, try s.policy.explain(facts, asOf: asOf)))
        }
        return out
    }

    /// `policyID` tried on one enterprise's current facts, with the explanation (staff); `source`
    /// replaces the stored source (the editor's "try" panel on an unsaved draft).
    public func tryPolicy(_ policyID: String?, source: String? = nil, enterprise: UUID, asOf: LocalDate, by principal: Principal) async throws
        -> PolicyExplanation {
        try principal.requireStaff()
        let policy: Policy
        if let source {
            do { policy = try Policy.parse(source) } catch { throw error.domainError }
        } else if let policyID {
            policy = try await PolicyRepository(db: db).require(policyID).policy
        } else {
            throw DomainError.required("policy")
        }
        let park = try await PolicyFactsLoader.load(db, asOf: asOf, only: enterprise)
        guard let facts = park.facts.first else { throw DomainError.notFound("enterprise", id: enterprise.uuidString) }
        return try policy.explain(facts, asOf: asOf)
    }
}
