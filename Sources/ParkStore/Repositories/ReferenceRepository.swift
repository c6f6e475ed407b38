import FluentKit
import Foundation
import ParkDomain

/// Reference data as stored: the catalog records are validated against, and the lists the
/// console and API show. Clusters and departments are edited here (admins, audited).
public struct ReferenceRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    public func catalog() async throws -> ReferenceCatalog {
        ReferenceCatalog(
            industryDivisions: Set(try await IndustryDivisionModel.query(on: db).all().compactMap(\.id)),
            clusters: Set(try await ClusterModel.query(on: db).all().compactMap(\.id)),
            countries: Set(try await CountryModel.query(on: db).all().compactMap(\.id)))
    }

    public func clusters() async throws -> [Cluster] {
        try await ClusterModel.query(on: db).sort(\.$id).all().map { Cluster(code: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn)) }
    }

    public func departments() async throws -> [Department] {
        try await DepartmentModel.query(on: db).sort(\.$id).all().map { Department(code: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn)) }
    }

    public func industryDivisions() async throws -> [IndustryDivision] {
        try await IndustryDivisionModel.query(on: db).sort(\.$id).all().map {
            IndustryDivision(code: $0.id!, section: $0.section, name: Bilingual(zh: $0.nameZh, en: $0.nameEn))
        }
    }

    public func industrySections() async throws -> [IndustrySection] {
        try await IndustrySectionModel.query(on: db).sort(\.$id).all().map {
            IndustrySection(code: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn))
        }
    }

    public func countries() async throws -> [Country] {
        try await CountryModel.query(on: db).sort(\.$id).all().map { Country(alpha2: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn)) }
    }

    /// Adds or renames a cluster tag.
    public func saveCluster(_ cluster: Cluster, by principal: Principal) async throws -> Cluster {
        try principal.requireAdmin()
        let code = cluster.code
        let codeOK = (2...32).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        guard codeOK else {
            throw DomainError(code: "invalid_code", field: "code", en: "cluster code must be 2–32 characters of a–z, 0–9 and _",
                              zh: "集群代码须为 2–32 位小写字母、数字或下划线")
        }
        if cluster.name.zh.trimmingCharacters(in: .whitespaces).isEmpty { throw DomainError.required("name_zh") }
        if cluster.name.en.trimmingCharacters(in: .whitespaces).isEmpty { throw DomainError.required("name_en") }
        if cluster.name.zh.count > 100 { throw DomainError.tooLong("name_zh", max: 100) }
        if cluster.name.en.count > 100 { throw DomainError.tooLong("name_en", max: 100) }
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            let existing = try await ClusterModel.find(code, on: tx)
            let before = existing.map { Cluster(code: $0.id!, name: Bilingual(zh: $0.nameZh, en: $0.nameEn)) }
            let m = existing ?? ClusterModel(code: code, nameZh: "", nameEn: "")
            m.nameZh = cluster.name.zh; m.nameEn = cluster.name.en
            try await m.save(on: tx)
            try await AuditLog(db: tx, clock: clock).append(by: principal, action: existing == nil ? "create" : "update",
                                                            entityType: "cluster", entityID: code, before: before, after: cluster)
            return cluster
        }
    }
}
