import FluentKit
import Foundation
import ParkDomain

/// Per-mu schemes as versioned documents: saving a scheme under an existing name stores the
/// next version (old versions stay, so every run can name the scheme it used).
public struct PerMuSchemeRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "permu_scheme"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    /// A stored scheme version.
    public struct Stored: Sendable {
        public var id: UUID
        public var scheme: PerMuScheme
        public var createdBy: String
        public var createdAtMillis: Int64
    }

    /// Every version of every scheme: newest year first, then name, then newest version.
    public func all(year: Int? = nil) async throws -> [Stored] {
        var q = PerMuSchemeModel.query(on: db)
        if let year { q = q.filter(\.$year == year) }
        return try await q.sort(\.$year, .descending).sort(\.$name).sort(\.$version, .descending).all().compactMap(Self.stored)
    }

    public func find(_ id: UUID) async throws -> Stored? {
        try await PerMuSchemeModel.find(id, on: db).flatMap(Self.stored)
    }

    public func require(_ id: UUID) async throws -> Stored {
        guard let s = try await find(id) else { throw DomainError.notFound("scheme", id: id.uuidString) }
        return s
    }

    /// The newest version of the scheme named `name`, or the version given.
    public func find(name: String, version: Int? = nil) async throws -> Stored? {
        var q = PerMuSchemeModel.query(on: db).filter(\.$name == name)
        if let version { q = q.filter(\.$version == version) }
        return try await q.sort(\.$version, .descending).first().flatMap(Self.stored)
    }

    /// Stores `scheme` (validated) as the next version of its name (staff), audited.
    public func save(_ scheme: PerMuScheme, by principal: Principal) async throws -> Stored {
        try principal.requireStaff()
        try Self.validateName(scheme.name)
        try scheme.validate()
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let latest = try await PerMuSchemeModel.query(on: tx).filter(\.$name == scheme.name).sort(\.$version, .descending).first()
            var next = scheme
            next.version = (latest?.version ?? 0) + 1
            let m = PerMuSchemeModel(next, createdBy: principal.name, at: clock.millis)
            try await m.create(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: "create", entityType: Self.entityType,
                                                            entityID: "\(next.name) v\(next.version)",
                                                            before: PerMuScheme?.none, after: next)
            return Stored(id: m.id!, scheme: next, createdBy: m.createdBy, createdAtMillis: m.createdAtMillis)
        }
    }

    static func stored(_ m: PerMuSchemeModel) -> Stored? {
        guard let s = try? m.scheme() else { return nil }
        return Stored(id: m.id!, scheme: s, createdBy: m.createdBy, createdAtMillis: m.createdAtMillis)
    }

    static func validateName(_ name: String) throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == name else {
            throw DomainError(code: "invalid_name", field: "name", en: "name must not be empty or start or end with spaces",
                              zh: "名称不能为空，首尾不能有空格")
        }
        guard name.count <= 60 else { throw .tooLong("name", max: 60) }
    }
}
