import FluentKit
import Foundation
import ParkDomain
import SQLKit

extension PolicyRunRepository {
    /// A run evaluated, before it is stored: each policy with its answers for every row of the facts.
    public struct Evaluated: Sendable {
        public var policies: [PolicyRepository.Stored]
        public var results: [PolicyResults]
        public var used: [UsedPolicy]
    }

    /// Runs every policy in force on `asOf` (or only `policyID`) against every enterprise (staff):
    /// `inForce`, `PolicyFactsLoader.columns` (only the facts the policies read), `evaluate`, `store`.
    public func match(asOf: LocalDate, policyID: String? = nil, by principal: Principal,
                      progress: (@Sendable (String) -> Void)? = nil) async throws -> Stored {
        try principal.requireStaff()
        let policies = try await inForce(asOf: asOf, policyID: policyID)
        progress?("loading the facts of every enterprise as of \(asOf.iso)")
        let park = try await PolicyFactsLoader.columns(db, asOf: asOf, facts: Self.factsRead(by: policies))
        if !park.problems.isEmpty {
            progress?("\(park.problems.count) stored figures do not fit a fact and are left missing (first: \(park.problems[0].reason.en))")
            for p in park.problems.prefix(20) {
                db.logger.warning("policy match: enterprise \(p.enterpriseID.uuidString): \(p.reason.en)")
            }
        }
        let evaluated = try Self.evaluate(policies, on: park, asOf: asOf, progress: progress)
        return try await store(evaluated, facts: park, asOf: asOf, by: principal)
    }

    /// The newest version of every policy in force on `asOf` (or of `policyID` alone).
    public func inForce(asOf: LocalDate, policyID: String? = nil) async throws -> [PolicyRepository.Stored] {
        var policies = try await PolicyRepository(db: db, clock: clock).latest()
        if let policyID {
            policies = policies.filter { $0.policy.id == policyID }
            if policies.isEmpty { throw DomainError.notFound("policy", id: policyID) }
        }
        return policies.filter { $0.policy.header.isInForce(on: asOf) }
    }

    /// The names of the facts `policies` read (what the loader needs to load).
    public static func factsRead(by policies: [PolicyRepository.Stored]) -> Set<String> {
        Set(policies.flatMap { $0.policy.facts.map(\.name) })
    }

    /// Each policy compiled once and run over the columns (`PolicyProgram`), with its counts.
    public static func evaluate(_ policies: [PolicyRepository.Stored], on park: PolicyFactsLoader.Columns, asOf: LocalDate,
                                progress: (@Sendable (String) -> Void)? = nil) throws -> Evaluated {
        var out = Evaluated(policies: policies, results: [], used: [])
        for (n, s) in policies.enumerated() {
            let r = try PolicyProgram(s.policy).run(park.table, asOf: asOf)
            var u = UsedPolicy(id: s.policy.id, version: s.version, digest: s.policy.sourceDigest, eligible: 0, undetermined: 0, amountFen: 0)
            for i in 0..<r.count {
                if r.status[i] == PolicyStatus.eligible.rawValue {
                    u.eligible += 1
                    if r.missing[i] == 0 { u.amountFen = saturatingAdd(u.amountFen, r.amountFen[i]) }
                } else if r.status[i] == PolicyStatus.undetermined.rawValue {
                    u.undetermined += 1
                }
            }
            out.used.append(u); out.results.append(r)
            progress?("matched \(n + 1)/\(policies.count) policies")
        }
        return out
    }

    /// `a + b`, held at the Int64 bounds instead of trapping (a total of amounts from stored figures).
    static func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? Int64.max : Int64.min) : s
    }

    /// Stores `evaluated` (answers over `facts`) as a run in one audited transaction: the run,
    /// its eligible and undetermined answers, and for policies paid without application the
    /// grant proposals within what is left of the budget (staff).
    public func store(_ evaluated: Evaluated, facts park: PolicyFactsLoader.Columns, asOf: LocalDate,
                      by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        let clock = self.clock, ids = park.enterpriseIDs, dataYear = park.dataYear
        return try await WriteGate.write(db) { tx in
            let m = PolicyRunModel()
            m.id = UUID(); m.asOf = asOf.iso; m.dataYear = dataYear; m.policies = LandJSON.encode(evaluated.used)
            m.enterprises = ids.count; m.eligible = evaluated.used.reduce(0) { $0 + $1.eligible }
            m.undetermined = evaluated.used.reduce(0) { $0 + $1.undetermined }; m.createdBy = principal.name; m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            let runID = m.id!
            let order = PolicyResultWriter.keyOrder(ids)
            try await PolicyResultWriter.withWriteCache(tx) {
                for (s, r) in zip(evaluated.policies, evaluated.results) {
                    let a = PolicyResultWriter.answers(s.policy, r, ids: ids, order: order)
                    try await PolicyResultWriter.insert(tx, into: "policy_results", constants: [("run_id", runID)], columns: [
                        ("policy_id", .text(Array(repeating: s.policy.id, count: a.enterprise.count))), ("enterprise_id", .uuid(a.enterprise)),
                        ("status", .text(a.status)), ("amount_fen", .optionalInt(a.amount)), ("missing", .text(a.missing)),
                    ], count: a.enterprise.count)
                    if s.policy.header.withoutApplication {
                        try await Self.propose(tx, runID: runID, policy: s.policy, r, ids: ids, dataYear: dataYear)
                    }
                }
            }
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "match", entityType: Self.entityType,
                                                            entityID: runID.uuidString, before: [UsedPolicy]?.none, after: evaluated.used)
            return Self.stored(m)
        }
    }

    /// Grant proposals of `policy` (paid without application) in run `runID`. Grants already
    /// confirmed for this policy and data year (in earlier runs) are paid: those enterprises get
    /// no second proposal, and the budget left is what they did not use. The budget rule sees
    /// the rows in credit-code order (its ties go to the earlier row).
    static func propose(_ tx: any Database, runID: UUID, policy: Policy, _ r: PolicyResults, ids: [UUID],
                        dataYear: Int) async throws {
        let sql = tx as! any SQLDatabase
        let paid = try await sql.raw("""
            SELECT g.enterprise_id, g.proposed_fen FROM policy_grants g JOIN policy_runs r ON r.id = g.run_id
            WHERE g.policy_id = \(bind: policy.id) AND g.state = 'confirmed' AND r.data_year = \(bind: dataYear)
            """).all()
        var paidTo = Set<UUID>(), paidFen: Int64 = 0
        for row in paid {
            paidTo.insert(try row.decode(column: "enterprise_id", as: UUID.self))
            paidFen = saturatingAdd(paidFen, try row.decode(column: "proposed_fen", as: Int64.self))
        }
        var due: [UUID] = [], entitled: [Int64] = []
        for i in 0..<r.count where r.status[i] == PolicyStatus.eligible.rawValue && r.missing[i] == 0 && r.amountFen[i] > 0
            && !paidTo.contains(ids[i]) {
            due.append(ids[i]); entitled.append(r.amountFen[i])
        }
        let budget = policy.header.budgetFen.map { max(0, saturatingAdd($0, paidFen == Int64.min ? Int64.max : -paidFen)) }
        let proposed = PolicyBudget.allocate(entitled, budgetFen: budget, rule: policy.header.budgetRule)
        // Stored in key order (run, policy, enterprise id) with time-ordered grant ids: every index appends.
        let order = PolicyResultWriter.keyOrder(due)
        try await PolicyResultWriter.insert(tx, into: "policy_grants", constants: [("run_id", runID)], columns: [
            ("id", .uuid(PolicyResultWriter.orderedIDs(due.count))), ("policy_id", .text(Array(repeating: policy.id, count: due.count))),
            ("enterprise_id", .uuid(order.map { due[$0] })), ("entitled_fen", .int(order.map { entitled[$0] })),
            ("proposed_fen", .int(order.map { proposed[$0] })),
            ("state", .text(Array(repeating: Grant.State.proposed.rawValue, count: due.count))),
        ], count: due.count)
    }
}
