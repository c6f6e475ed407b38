import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The per-mu evaluation's tables (DOMAIN.md §2): schemes as versioned documents, runs of a
/// scheme on a year's figures (one enacted per year), each run's results per evaluated unit
/// and each enterprise's grade and surcharge in it. Seeds the Huangyan 2022 and 2021 presets.
struct CreatePerMu: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("permu_schemes")
            .id()
            .field("name", .string, .required).field("version", .int, .required).field("year", .int, .required)
            .field("document", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "name", "version")
            .create()
        try await db.schema("permu_runs")
            .id()
            .field("year", .int, .required)
            .field("scheme_id", .uuid, .required, .references("permu_schemes", "id"))
            .field("state", .string, .required)
            .field("units", .int, .required).field("graded", .int, .required).field("ungraded", .int, .required)
            .field("out_of_scope", .int, .required)
            .field("count_a", .int, .required).field("count_b", .int, .required).field("count_c", .int, .required)
            .field("count_d", .int, .required)
            .field("surcharge_fen", .int64, .required)
            .field("benchmarks", .string, .required).field("notes", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .field("enacted_by", .string).field("enacted_at_ms", .int64)
            .create()
        try await db.schema("permu_results")
            .field("run_id", .uuid, .required, .references("permu_runs", "id"))
            .field("position", .int, .required)
            .field("enterprise_id", .uuid, .required)
            .field("group_kind", .string, .required).field("cluster", .string).field("sub_area", .string)
            .field("land_mu", .double, .required)
            .field("producing", .bool, .required).field("past_contracted_date", .bool, .required)
            .field("tax_wan", .double).field("value_added_wan", .double).field("revenue_wan", .double)
            .field("energy_tce", .double).field("emissions_t", .double).field("employees", .double)
            .field("rd_spend_wan", .double).field("electricity_kwh", .double)
            .field("status", .string, .required).field("total", .double)
            .field("park_rank", .int).field("pool_size", .int).field("cluster_rank", .int)
            .field("grade", .string).field("previous_grade", .string).field("consecutive_years", .int, .required)
            .field("surcharge_fen", .int64, .required)
            .field("indicators", .string, .required).field("members", .string, .required)
            .compositeIdentifier(over: "run_id", "position")
            .create()
        try await db.schema("permu_members")
            .field("run_id", .uuid, .required, .references("permu_runs", "id"))
            .field("enterprise_id", .uuid, .required)
            .field("position", .int, .required)
            .field("grade", .string).field("consecutive_years", .int, .required)
            .field("electricity_kwh", .double).field("added_rate", .double, .required)
            .field("surcharge_fen", .int64, .required)
            .compositeIdentifier(over: "run_id", "enterprise_id")
            .create()
        try await SQLIndexes.create(on: db, table: "permu_runs", columns: ["year"])
        try await SQLIndexes.create(on: db, table: "permu_members", columns: ["enterprise_id"])
        try await SQLIndexes.create(on: db, table: "performance_reports", columns: ["year"])
        for preset in [PerMuScheme.huangyan2022, .huangyan2021] {
            let m = PerMuSchemeModel(preset, createdBy: "migration", at: 0)
            try await m.create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "performance_reports_year_idx").run() }
        for t in ["permu_members", "permu_results", "permu_runs", "permu_schemes"] {
            try await db.schema(t).delete()
        }
    }
}

/// A row of `permu_schemes`: one version of a named scheme, its document (`PerMuScheme.document()`).
final class PerMuSchemeModel: Model, @unchecked Sendable {
    static let schema = "permu_schemes"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "version") var version: Int
    @Field(key: "year") var year: Int
    @Field(key: "document") var document: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    init(_ s: PerMuScheme, createdBy: String, at millis: Int64) {
        id = UUID(); name = s.name; version = s.version; year = s.year
        document = String(decoding: s.document(), as: UTF8.self)
        self.createdBy = createdBy; createdAtMillis = millis
    }

    /// The scheme (documents are validated before they are stored).
    func scheme() throws -> PerMuScheme { try PerMuScheme.fromDocument(Data(document.utf8)) }
}

/// A row of `permu_runs`.
final class PerMuRunModel: Model, @unchecked Sendable {
    static let schema = "permu_runs"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "scheme_id") var schemeID: UUID
    @Field(key: "state") var state: String
    @Field(key: "units") var units: Int
    @Field(key: "graded") var graded: Int
    @Field(key: "ungraded") var ungraded: Int
    @Field(key: "out_of_scope") var outOfScope: Int
    @Field(key: "count_a") var countA: Int
    @Field(key: "count_b") var countB: Int
    @Field(key: "count_c") var countC: Int
    @Field(key: "count_d") var countD: Int
    @Field(key: "surcharge_fen") var surchargeFen: Int64
    @Field(key: "benchmarks") var benchmarks: String
    @Field(key: "notes") var notes: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    @OptionalField(key: "enacted_by") var enactedBy: String?
    @OptionalField(key: "enacted_at_ms") var enactedAtMillis: Int64?
    init() {}
}
