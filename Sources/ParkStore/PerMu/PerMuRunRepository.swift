import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Runs of per-mu schemes on a year's figures (`PerMuFiguresLoader`), stored with their
/// results; one run per year is enacted. Rules:
/// - a dry run computes and returns the results and stores nothing (anyone on staff, any year);
/// - a stored run is refused for a year whose run is enacted, until an admin re-opens it;
/// - enacting a run (admin) makes its scheme the year's and its grades official; re-opening
///   (admin, with a reason) un-enacts it; both are audited;
/// - last year's grades (for the escalation of treatments) come from last year's enacted run.
public struct PerMuRunRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "permu_run"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// Where a stored run stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Stored, not (yet) the year's official run.
        case proposed
        /// The year's official run.
        case enacted
        /// Was enacted; an admin re-opened the year.
        case reopened
    }

    /// A stored run with its summary.
    public struct Stored: Sendable, Codable {
        public var id: UUID
        public var year: Int
        public var schemeID: UUID
        public var schemeName: String
        public var schemeVersion: Int
        public var state: State
        public var units: Int
        public var graded: Int
        public var ungraded: Int
        public var outOfScope: Int
        /// Graded units per grade, A to D.
        public var gradeCounts: [Int]
        /// Σ electricity surcharge (fen).
        public var surchargeFen: Int64
        public var benchmarks: [PerMuBenchmarkUsed]
        public var notes: [Bilingual]
        public var createdBy: String
        public var createdAtMillis: Int64
        public var enactedBy: String?
        public var enactedAtMillis: Int64?
    }

    /// A run's outcome: the run (texts empty; `PerMuResultQuery.explain` rebuilds them), the
    /// scheme, the units' figures in result order, and the stored run unless it was a dry run.
    public struct Outcome: Sendable {
        public var run: PerMuRun
        public var scheme: PerMuScheme
        public var figures: [PerMuFigures]
        public var stored: Stored?
    }

    // MARK: Reading

    public func all(year: Int? = nil) async throws -> [Stored] {
        var q = PerMuRunModel.query(on: db)
        if let year { q = q.filter(\.$year == year) }
        let models = try await q.sort(\.$year, .descending).sort(\.$createdAtMillis, .descending).all()
        return try await stored(models)
    }

    public func find(_ id: UUID) async throws -> Stored? {
        guard let m = try await PerMuRunModel.find(id, on: db) else { return nil }
        return try await stored([m]).first
    }

    public func require(_ id: UUID) async throws -> Stored {
        guard let r = try await find(id) else { throw DomainError.notFound("run", id: id.uuidString) }
        return r
    }

    /// The enacted run of `year`, if any.
    public func enacted(year: Int) async throws -> Stored? {
        guard let m = try await PerMuRunModel.query(on: db).filter(\.$year == year).filter(\.$state == State.enacted.rawValue).first()
        else { return nil }
        return try await stored([m]).first
    }

    /// Each enterprise's grade and consecutive years in it in `year`'s enacted run (empty when
    /// none is enacted): the `previous` input of the next year's run.
    public func history(year: Int) async throws -> [UUID: PerMuPriorYear] {
        guard let run = try await enacted(year: year), let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.raw("""
            SELECT enterprise_id, grade, consecutive_years FROM permu_results WHERE run_id = \(bind: run.id) AND grade IS NOT NULL
            UNION ALL
            SELECT m.enterprise_id, r.grade, r.consecutive_years FROM permu_merged m
              JOIN permu_results r ON r.run_id = m.run_id AND r.enterprise_id = m.lead_id
            WHERE m.run_id = \(bind: run.id) AND r.grade IS NOT NULL
            """).all()
        var out: [UUID: PerMuPriorYear] = [:]
        for row in rows {
            guard let g = PerMuGrade(rawValue: try row.decode(column: "grade", as: String.self)) else { continue }
            out[try row.decode(column: "enterprise_id", as: UUID.self)] =
                PerMuPriorYear(grade: g, consecutiveYears: try row.decode(column: "consecutive_years", as: Int.self))
        }
        return out
    }

    // MARK: Running

    /// Runs `schemeID` on its year's figures (staff). Stores the run and its results unless
    /// `dryRun`; a stored run is refused when the year's run is enacted.
    public func run(schemeID: UUID, dryRun: Bool, by principal: Principal) async throws -> Outcome {
        try principal.requireStaff()
        let stored = try await PerMuSchemeRepository(db: db, clock: clock).require(schemeID)
        let scheme = stored.scheme
        if !dryRun, let enacted = try await enacted(year: scheme.year) { throw Self.yearEnacted(scheme.year, run: enacted) }
        let figures = try await PerMuFiguresLoader.load(db, year: scheme.year)
        let previous = try await history(year: scheme.year - 1)
        let run = try PerMuEvaluator.evaluate(scheme: scheme, figures: figures, previous: previous, explanations: false)
        let units = PerMuUnit.units(from: figures, year: scheme.year, mergeSharedParcels: scheme.scope.mergeSharedParcels).units.map(\.figures)
        guard !dryRun else { return Outcome(run: run, scheme: scheme, figures: units, stored: nil) }
        let saved = try await store(run, figures: units, schemeID: schemeID, scheme: scheme, by: principal)
        return Outcome(run: run, scheme: scheme, figures: units, stored: saved)
    }

    /// Stores `run` of `scheme` (`schemeID`) with its units' figures, in result order, as a
    /// proposed run in one audited transaction; refused when the year's run is enacted.
    public func store(_ run: PerMuRun, figures units: [PerMuFigures], schemeID: UUID, scheme: PerMuScheme,
                      by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            if let enacted = try await PerMuRunRepository(db: tx, clock: clock).enacted(year: scheme.year) {
                throw Self.yearEnacted(scheme.year, run: enacted)
            }
            let m = Self.model(run, schemeID: schemeID, by: principal.name, at: clock.millis)
            try await m.create(on: tx)
            try await PerMuResultWriter.write(tx, runID: m.id!, run: run, figures: units)
            let summary = Self.summary(m, scheme: scheme)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "run", entityType: Self.entityType,
                                                            entityID: m.id!.uuidString, before: Summary?.none, after: summary)
            return Self.stored(m, scheme: scheme)
        }
    }

    /// Makes `runID` its year's official run (admins); refused when another run of the year is enacted.
    public func enact(_ runID: UUID, by principal: Principal) async throws -> Stored {
        try principal.requireAdmin()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await PerMuRunModel.find(runID, on: tx) else { throw DomainError.notFound("run", id: runID.uuidString) }
            let repo = PerMuRunRepository(db: tx, clock: clock)
            if let enacted = try await repo.enacted(year: m.year) {
                if enacted.id == runID {
                    throw DomainError(.conflict, code: "already_enacted", field: "run",
                                      en: "this run is already the enacted run of \(m.year)", zh: "该评价已是 \(m.year) 年度的正式结果")
                }
                throw Self.yearEnacted(m.year, run: enacted)
            }
            let scheme = try await PerMuSchemeRepository(db: tx, clock: clock).require(m.schemeID).scheme
            let before = Self.summary(m, scheme: scheme)
            m.state = State.enacted.rawValue; m.enactedBy = principal.name; m.enactedAtMillis = clock.millis
            try await m.update(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "enact", entityType: Self.entityType,
                                                            entityID: runID.uuidString, before: before, after: Self.summary(m, scheme: scheme))
            return Self.stored(m, scheme: scheme)
        }
    }

    /// Re-opens `year` (admins, with a reason of at least 10 characters): its enacted run
    /// becomes `reopened`, so the year can be run and enacted again.
    public func reopen(year: Int, reason: String, by principal: Principal) async throws -> Stored {
        try principal.requireAdmin()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 10 else {
            throw DomainError(code: "reason_required", field: "reason", en: "re-opening a year needs a reason of at least 10 characters",
                              zh: "重新开放年度须说明原因（至少 10 个字）")
        }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            guard let m = try await PerMuRunModel.query(on: tx).filter(\.$year == year).filter(\.$state == State.enacted.rawValue).first()
            else {
                throw DomainError(.conflict, code: "not_enacted", field: "year", en: "\(year) has no enacted run to re-open",
                                  zh: "\(year) 年度没有可重新开放的正式结果")
            }
            let scheme = try await PerMuSchemeRepository(db: tx, clock: clock).require(m.schemeID).scheme
            var before = Self.summary(m, scheme: scheme)
            before.reason = nil
            m.state = State.reopened.rawValue
            try await m.update(on: tx)
            var after = Self.summary(m, scheme: scheme)
            after.reason = reason
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "reopen", entityType: Self.entityType,
                                                            entityID: m.id!.uuidString, before: before, after: after)
            return Self.stored(m, scheme: scheme)
        }
    }

    /// What a draft scheme would change against `baseID`, else the year's enacted scheme, else
    /// the scheme of the year's latest stored run of another scheme, else the year's newest
    /// other scheme (an earlier version of the draft's name first); both run now on the same
    /// figures and last year's grades (staff).
    public func compare(draftID: UUID, baseID: UUID? = nil, by principal: Principal) async throws
        -> (comparison: PerMuComparison, base: PerMuSchemeRepository.Stored, draft: PerMuSchemeRepository.Stored) {
        try principal.requireStaff()
        let schemes = PerMuSchemeRepository(db: db, clock: clock)
        let draft = try await schemes.require(draftID)
        let year = draft.scheme.year
        let base: PerMuSchemeRepository.Stored
        if let baseID {
            base = try await schemes.require(baseID)
        } else if let enacted = try await enacted(year: year) {
            base = try await schemes.require(enacted.schemeID)
        } else if let latest = try await all(year: year).first(where: { $0.schemeID != draftID }) {
            base = try await schemes.require(latest.schemeID)
        } else if let earlier = try await schemes.all(year: year).filter({ $0.id != draftID })
                    .max(by: { ($0.scheme.name == draft.scheme.name ? 1 : 0, $0.createdAtMillis) < ($1.scheme.name == draft.scheme.name ? 1 : 0, $1.createdAtMillis) }) {
            base = earlier
        } else {
            throw DomainError(code: "no_enacted_scheme", field: "base",
                              en: "\(year) has no other scheme to compare with; add one or name the base",
                              zh: "\(year) 年度没有可对比的其他评价办法，请先添加或指定对比办法（base）")
        }
        guard base.scheme.year == year else {
            throw DomainError(code: "year_mismatch", field: "base",
                              en: "the draft is for \(year), the base scheme for \(base.scheme.year)",
                              zh: "草案评价年度为 \(year)，对比办法为 \(base.scheme.year)，年度不一致")
        }
        let figures = try await PerMuFiguresLoader.load(db, year: year)
        let previous = try await history(year: year - 1)
        let a = try PerMuEvaluator.evaluate(scheme: base.scheme, figures: figures, previous: previous, explanations: false)
        let b = try PerMuEvaluator.evaluate(scheme: draft.scheme, figures: figures, previous: previous, explanations: false)
        return (PerMuComparison.compare(enacted: a, draft: b), base, draft)
    }

    // MARK: Rows

    /// What the audit trail records of a run.
    struct Summary: Codable {
        var year: Int
        var scheme: String
        var state: String
        var units: Int
        var graded: Int
        var gradeCounts: [Int]
        var surchargeFen: Int64
        var reason: String?
    }

    static func summary(_ m: PerMuRunModel, scheme: PerMuScheme) -> Summary {
        Summary(year: m.year, scheme: "\(scheme.name) v\(scheme.version)", state: m.state, units: m.units, graded: m.graded,
                gradeCounts: [m.countA, m.countB, m.countC, m.countD], surchargeFen: m.surchargeFen)
    }

    static func yearEnacted(_ year: Int, run: Stored) -> DomainError {
        DomainError(.conflict, code: "year_enacted", field: "year",
                    en: "\(year) is enacted (run \(run.id.uuidString.prefix(8)), \(run.schemeName) v\(run.schemeVersion)); an administrator must re-open it first",
                    zh: "\(year) 年度已正式发布（\(run.schemeName) 第 \(run.schemeVersion) 版），须由管理员重新开放后才能再次评价")
    }

    /// Fen of a yuan amount, rounded half away from zero.
    public static func fen(_ yuan: Double) -> Int64 { Checked.fen(yuan) }

    static func model(_ run: PerMuRun, schemeID: UUID, by: String, at millis: Int64) -> PerMuRunModel {
        let m = PerMuRunModel()
        m.id = UUID(); m.year = run.year; m.schemeID = schemeID; m.state = State.proposed.rawValue
        m.units = run.results.count
        m.graded = run.results.filter { $0.status == .graded }.count
        m.ungraded = run.results.filter { $0.status == .ungraded }.count
        m.outOfScope = run.results.filter { $0.status == .outOfScope }.count
        let counts = run.gradeCounts
        m.countA = counts[.a] ?? 0; m.countB = counts[.b] ?? 0; m.countC = counts[.c] ?? 0; m.countD = counts[.d] ?? 0
        m.surchargeFen = run.results.reduce(0) { $0 + $1.members.reduce(0) { $0 + fen($1.electricitySurchargeYuan) } }
        m.benchmarks = LandJSON.encode(run.benchmarks); m.notes = LandJSON.encode(run.notes)
        m.createdBy = by; m.createdAtMillis = millis
        return m
    }

    static func stored(_ m: PerMuRunModel, scheme: PerMuScheme) -> Stored {
        Stored(id: m.id!, year: m.year, schemeID: m.schemeID, schemeName: scheme.name, schemeVersion: scheme.version,
               state: State(rawValue: m.state) ?? .proposed, units: m.units, graded: m.graded, ungraded: m.ungraded,
               outOfScope: m.outOfScope, gradeCounts: [m.countA, m.countB, m.countC, m.countD], surchargeFen: m.surchargeFen,
               benchmarks: LandJSON.decode([PerMuBenchmarkUsed].self, m.benchmarks) ?? [],
               notes: LandJSON.decode([Bilingual].self, m.notes) ?? [], createdBy: m.createdBy, createdAtMillis: m.createdAtMillis,
               enactedBy: m.enactedBy, enactedAtMillis: m.enactedAtMillis)
    }

    func stored(_ models: [PerMuRunModel]) async throws -> [Stored] {
        let ids = Array(Set(models.map(\.schemeID)))
        var schemes: [UUID: PerMuScheme] = [:]
        for m in try await PerMuSchemeModel.query(on: db).filter(\.$id ~~ ids).all() { schemes[m.id!] = try? m.scheme() }
        return models.compactMap { m in schemes[m.schemeID].map { Self.stored(m, scheme: $0) } }
    }
}
