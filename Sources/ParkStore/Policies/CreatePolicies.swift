import FluentKit
import Foundation
import ParkDomain

/// Policies as code (DOMAIN.md §6): policy sources as versions, the facts enterprises supply
/// (certifications, headquarters tier, yearly fixed-asset investment and utilised foreign
/// investment), matching runs with their results, and the grants proposed for policies paid
/// without application. Seeds the built-in policies.
struct CreatePolicies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("policies")
            .id()
            .field("policy_id", .string, .required).field("version", .int, .required)
            .field("source", .string, .required)
            .field("title_zh", .string, .required).field("title_en", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "policy_id", "version")
            .create()
        try await db.schema("enterprise_facts")
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("fact", .string, .required)
            .field("year", .int, .required)
            .field("value", .string, .required)
            .field("updated_by", .string, .required).field("updated_at_ms", .int64, .required)
            .compositeIdentifier(over: "enterprise_id", "fact", "year")
            .create()
        try await db.schema("policy_runs")
            .id()
            .field("as_of", .string, .required).field("data_year", .int, .required)
            .field("policies", .string, .required)
            .field("enterprises", .int, .required).field("eligible", .int, .required).field("undetermined", .int, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .create()
        try await db.schema("policy_results")
            .field("run_id", .uuid, .required, .references("policy_runs", "id"))
            .field("policy_id", .string, .required)
            .field("enterprise_id", .uuid, .required)
            .field("status", .string, .required)
            .field("amount_fen", .int64)
            .field("missing", .string, .required)
            .compositeIdentifier(over: "run_id", "policy_id", "enterprise_id")
            .create()
        try await db.schema("policy_grants")
            .id()
            .field("run_id", .uuid, .required, .references("policy_runs", "id"))
            .field("policy_id", .string, .required)
            .field("enterprise_id", .uuid, .required)
            .field("entitled_fen", .int64, .required).field("proposed_fen", .int64, .required)
            .field("state", .string, .required)
            .field("decided_by", .string).field("decided_at_ms", .int64)
            .unique(on: "run_id", "policy_id", "enterprise_id")
            .create()
        try await SQLIndexes.create(on: db, table: "policy_results", columns: ["enterprise_id"])
        try await SQLIndexes.create(on: db, table: "policy_grants", columns: ["enterprise_id"])
        for package in PolicyLibrary.builtIn {
            let policy = try Policy.parse(package.source)
            try await PolicyModel(policy, version: 1, createdBy: "migration", at: Int64(Date().timeIntervalSince1970 * 1000)).create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["policy_grants", "policy_results", "policy_runs", "enterprise_facts", "policies"] {
            try await db.schema(t).delete()
        }
    }
}

/// A row of `policies`: one version of a policy's source.
final class PolicyModel: Model, @unchecked Sendable {
    static let schema = "policies"
    @ID(key: .id) var id: UUID?
    @Field(key: "policy_id") var policyID: String
    @Field(key: "version") var version: Int
    @Field(key: "source") var source: String
    @Field(key: "title_zh") var titleZh: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    init(_ p: Policy, version: Int, createdBy: String, at millis: Int64) {
        id = UUID(); policyID = p.id; self.version = version; source = p.source
        titleZh = p.header.title.zh; titleEn = p.header.title.en; self.createdBy = createdBy; createdAtMillis = millis
    }
}

/// A row of `policy_runs`.
final class PolicyRunModel: Model, @unchecked Sendable {
    static let schema = "policy_runs"
    @ID(key: .id) var id: UUID?
    @Field(key: "as_of") var asOf: String
    @Field(key: "data_year") var dataYear: Int
    @Field(key: "policies") var policies: String
    @Field(key: "enterprises") var enterprises: Int
    @Field(key: "eligible") var eligible: Int
    @Field(key: "undetermined") var undetermined: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}
}

/// A row of `policy_grants`.
final class PolicyGrantModel: Model, @unchecked Sendable {
    static let schema = "policy_grants"
    @ID(key: .id) var id: UUID?
    @Field(key: "run_id") var runID: UUID
    @Field(key: "policy_id") var policyID: String
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "entitled_fen") var entitledFen: Int64
    @Field(key: "proposed_fen") var proposedFen: Int64
    @Field(key: "state") var state: String
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at_ms") var decidedAtMillis: Int64?
    init() {}
}
