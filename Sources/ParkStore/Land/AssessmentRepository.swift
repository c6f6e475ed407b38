import FluentKit
import Foundation
import ParkDomain

/// Assessments of leases: the engine's proposal with its trace, then an officer's decision.
public struct AssessmentRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "lease_assessment"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public struct Stored: Sendable {
        public var id: UUID
        public var leaseID: UUID
        public var proposal: AssessmentProposal
        public var decision: AssessmentDecision?
    }

    public func latest(leaseID: UUID) async throws -> Stored? {
        try await AssessmentModel.query(on: db).filter(\.$leaseID == leaseID).sort(\.$createdAtMillis, .descending).first().flatMap(Self.stored)
    }

    public func find(_ id: UUID) async throws -> Stored? { try await AssessmentModel.find(id, on: db).flatMap(Self.stored) }

    static func stored(_ m: AssessmentModel) -> Stored? {
        guard let p = LandJSON.decode(AssessmentProposal.self, m.proposal) else { return nil }
        return Stored(id: m.id!, leaseID: m.leaseID, proposal: p, decision: m.decision.flatMap { LandJSON.decode(AssessmentDecision.self, $0) })
    }

    /// Computes the proposal for a lease as of a date (nothing is stored).
    public func propose(leaseID: UUID, asOf: LocalDate, ruleset: AssessmentRuleset? = nil) async throws -> AssessmentProposal {
        var rules = AssessmentRuleset.standard
        if let ruleset { rules = ruleset } else { rules = try await RulesetRepository(db: db).active() }
        guard let lease = try await LeaseRepository(db: db, clock: clock).find(leaseID) else { throw DomainError.notFound("lease", id: leaseID.uuidString) }
        guard let contract = lease.contract, let parcel = try await ParcelRepository(db: db).find(lease.parcelID) else {
            throw DomainError(.conflict, code: "no_contract", field: "lease", en: "the lease has no grant contract to assess",
                              zh: "该出让尚未签订出让合同，无法评估")
        }
        let reports = try await ReportRepository(db: db).current(leaseID: leaseID)
        return AssessmentEngine.assess(commitments: lease.commitments, reports: reports, areaMu: parcel.computedAreaMu,
                                       // Years already granted (first term and any extension so far), so a
                                       // second assessment offers only what is left under the maximum.
                                       asOf: asOf, ruleset: rules, firstTermYears: contract.firstTermYears + lease.extensionYears,
                                       maxTotalYears: contract.maxTotalYears)
    }

    /// Runs and stores an assessment of a lease whose assessment is due; the lease becomes assessed.
    /// Uses the active ruleset unless one is given.
    public func assess(leaseID: UUID, asOf: LocalDate, ruleset: AssessmentRuleset? = nil, by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        let leases = LeaseRepository(db: db, clock: clock)
        let before = try await leases.require(leaseID)
        var assessed = before
        assessed.state = try assessed.state.transition(to: .assessed)
        let lease = assessed
        let proposal = try await propose(leaseID: leaseID, asOf: asOf, ruleset: ruleset)
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let m = AssessmentModel()
            m.id = UUID(); m.leaseID = leaseID; m.asOf = asOf.iso; m.proposal = LandJSON.encode(proposal); m.createdAtMillis = clock.millis
            try await m.create(on: tx)
            try await LeaseRepository.persist(lease, before: before, action: "assess", by: principal, on: tx, clock: clock)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "propose", entityType: Self.entityType,
                                                            entityID: m.id!.uuidString, before: AssessmentProposal?.none, after: proposal)
            return Stored(id: m.id!, leaseID: leaseID, proposal: proposal, decision: nil)
        }
    }

    /// Turns a proposal into a decision: approve it as it stands, or override it with a written
    /// reason. An extension moves the lease's end (never past the maximum total); a reclaim
    /// records the compensation for buildings at residual value.
    public func decide(assessmentID: UUID, kind: ProposalKind, extensionYears: Int, overrideReason: String,
                       compensationYuan: Int64?, by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        guard let stored = try await find(assessmentID) else { throw DomainError.notFound("assessment", id: assessmentID.uuidString) }
        if stored.decision != nil {
            throw DomainError(.conflict, code: "already_decided", field: "assessment", en: "this assessment has been decided already",
                              zh: "该评估已作出决定")
        }
        let leases = LeaseRepository(db: db, clock: clock)
        let before = try await leases.require(stored.leaseID)
        guard let contract = before.contract else { throw DomainError.notFound("contract", id: stored.leaseID.uuidString) }
        let isOverride = kind != stored.proposal.kind || extensionYears != stored.proposal.extensionYears
        let reason = overrideReason.trimmingCharacters(in: .whitespacesAndNewlines)
        if isOverride && reason.count < 10 {
            throw DomainError(code: "reason_required", field: "override_reason",
                              en: "overriding the proposal needs a written reason (at least 10 characters)",
                              zh: "变更评估建议须书面说明理由（至少 10 个字）")
        }
        if reason.count > 2000 { throw DomainError.tooLong("override_reason", max: 2000) }
        var decided = before
        switch kind {
        case .reclaim:
            guard extensionYears == 0 else {
                throw DomainError(code: "out_of_range", field: "extension_years", en: "a reclaim grants 0 years", zh: "收回土地时续期年限应为 0")
            }
            guard let c = compensationYuan, c >= 0 else { throw DomainError.required("compensation_yuan") }
            decided.state = try decided.state.transition(to: .reclaimed)
        case .extendFull, .extendShort:
            guard extensionYears > 0 else {
                throw DomainError(code: "out_of_range", field: "extension_years", en: "an extension grants at least 1 year", zh: "续期年限至少 1 年")
            }
            try contract.validateExtension(extensionYears: before.extensionYears + extensionYears)
            decided.state = try decided.state.transition(to: .extended)
            decided.extensionYears += extensionYears
        }
        let lease = decided
        let decision = AssessmentDecision(kind: kind, extensionYears: extensionYears, overrideReason: isOverride ? reason : "",
                                          compensationYuan: kind == .reclaim ? compensationYuan : nil,
                                          decidedBy: principal.name, decidedOn: LocalDate(clock.now()))
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await AssessmentModel.find(assessmentID, on: tx) else { throw DomainError.notFound("assessment", id: assessmentID.uuidString) }
            m.decision = LandJSON.encode(decision)
            try await m.update(on: tx)
            try await LeaseRepository.persist(lease, before: before, action: isOverride ? "decide:override" : "decide:approve", by: principal, on: tx, clock: clock)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: isOverride ? "override" : "approve",
                                                            entityType: Self.entityType, entityID: assessmentID.uuidString,
                                                            before: AssessmentDecision?.none, after: decision)
            return Stored(id: assessmentID, leaseID: stored.leaseID, proposal: stored.proposal, decision: decision)
        }
    }
}
