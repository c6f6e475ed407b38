import FluentKit
import Foundation
import ParkDomain

/// Policy sources as versions: saving a source whose `id` exists stores its next version; the
/// newest version of each policy is the one matched. Every version stays, so a run can name
/// the versions it used.
public struct PolicyRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "policy"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// Ids the console uses as page names under /policies.
    public static let reservedIDs: Set<String> = ["new", "me", "runs", "check", "match", "enterprise", "language"]

    /// A stored policy version.
    public struct Stored: Sendable {
        public var policy: Policy
        public var version: Int
        public var createdBy: String
        public var createdAtMillis: Int64
    }

    /// The newest version of every policy, by id.
    public func latest() async throws -> [Stored] {
        var newest: [String: PolicyModel] = [:]
        for m in try await PolicyModel.query(on: db).all() where (newest[m.policyID]?.version ?? 0) < m.version { newest[m.policyID] = m }
        return newest.values.sorted { $0.policyID < $1.policyID }.compactMap(Self.stored)
    }

    /// Every version of `policyID`, newest first.
    public func versions(_ policyID: String) async throws -> [Stored] {
        try await PolicyModel.query(on: db).filter(\.$policyID == policyID).sort(\.$version, .descending).all().compactMap(Self.stored)
    }

    /// The newest version of `policyID`, or the version given.
    public func find(_ policyID: String, version: Int? = nil) async throws -> Stored? {
        var q = PolicyModel.query(on: db).filter(\.$policyID == policyID)
        if let version { q = q.filter(\.$version == version) }
        return try await q.sort(\.$version, .descending).first().flatMap(Self.stored)
    }

    public func require(_ policyID: String) async throws -> Stored {
        guard let s = try await find(policyID) else { throw DomainError.notFound("policy", id: policyID) }
        return s
    }

    /// Checks `source` and stores it as the next version of its policy (staff), audited. A
    /// source with an error is refused with the line and column (field "line:column").
    public func save(_ source: String, by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        guard source.utf8.count <= 200_000 else { throw DomainError(.tooLarge, code: "too_large", field: "source", en: "a policy source is at most 200 KB", zh: "政策源文本不超过 200 KB") }
        let policy: Policy
        do { policy = try Policy.parse(source) } catch { throw error.domainError }
        if Self.reservedIDs.contains(policy.id) {
            throw DomainError(code: "reserved_id", field: "id", en: "\(policy.id) is reserved for console pages; choose another policy id",
                              zh: "\(policy.id) 为系统保留名称，请换一个政策编号")
        }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let latest = try await PolicyModel.query(on: tx).filter(\.$policyID == policy.id).sort(\.$version, .descending).first()
            let m = PolicyModel(policy, version: (latest?.version ?? 0) + 1, createdBy: principal.name, at: clock.millis)
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: latest == nil ? "create" : "update",
                                                            entityType: Self.entityType, entityID: "\(policy.id) v\(m.version)",
                                                            before: latest.map { ["source": $0.source] }, after: ["source": source])
            return Stored(policy: policy, version: m.version, createdBy: m.createdBy, createdAtMillis: m.createdAtMillis)
        }
    }

    static func stored(_ m: PolicyModel) -> Stored? {
        guard let p = try? Policy.parse(m.source) else { return nil }
        return Stored(policy: p, version: m.version, createdBy: m.createdBy, createdAtMillis: m.createdAtMillis)
    }
}
