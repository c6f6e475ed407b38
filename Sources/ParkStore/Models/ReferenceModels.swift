import FluentKit
import Foundation

/// Reference tables keyed by their code: clusters, departments, industry sections and
/// divisions, countries. They are data the park edits, seeded by the migrations.
final class ClusterModel: Model, @unchecked Sendable {
    static let schema = "clusters"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    init() {}
    init(code: String, nameZh: String, nameEn: String) { id = code; self.nameZh = nameZh; self.nameEn = nameEn }
}

final class DepartmentModel: Model, @unchecked Sendable {
    static let schema = "departments"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    init() {}
    init(code: String, nameZh: String, nameEn: String) { id = code; self.nameZh = nameZh; self.nameEn = nameEn }
}

final class IndustrySectionModel: Model, @unchecked Sendable {
    static let schema = "industry_sections"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    init() {}
}

final class IndustryDivisionModel: Model, @unchecked Sendable {
    static let schema = "industry_divisions"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "section") var section: String
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    init() {}
}

final class CountryModel: Model, @unchecked Sendable {
    static let schema = "countries"
    @ID(custom: "alpha2", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    init() {}
}

/// One row of the append-only `audit_entries` table.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID(custom: "seq", generatedBy: .user) var id: Int?
    @Field(key: "at_ms") var atMillis: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String
    @OptionalField(key: "reason") var reason: String?
    init() {}
}

/// The single row that remembers the chain's last entry, so deleting the newest entries is
/// detected too.
final class AuditHeadModel: Model, @unchecked Sendable {
    static let schema = "audit_head"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var seq: Int
    @Field(key: "hash") var hash: String
    init() {}
}
