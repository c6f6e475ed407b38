import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The per-mu evaluation's tables (DOMAIN.md §2): schemes as versioned documents, runs of a
/// scheme on a year's figures (one enacted per year), each run's results per evaluated unit
/// (keyed by its lead enterprise) and the other members of merged units. Seeds the Huangyan
/// 2022 and 2021 presets.
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
        // One row per evaluated unit: the columns lists filter and sort on, and `detail` (the
        // unit's figures and indicator scores, packed by `PerMuResultWriter`) for the scorecard.
        try await db.schema("permu_results")
            .field("run_id", .uuid, .required, .references("permu_runs", "id"))
            .field("enterprise_id", .uuid, .required)
            .field("position", .int, .required)
            .field("group_kind", .string, .required).field("cluster", .string).field("sub_area", .string)
            .field("land_mu", .double, .required)
            .field("status", .string, .required).field("total", .double).field("park_rank", .int)
            .field("grade", .string).field("consecutive_years", .int, .required)
            .field("surcharge_fen", .int64, .required).field("added_rate", .double, .required)
            .field("detail", .string, .required).field("members", .string)
            .compositeIdentifier(over: "run_id", "enterprise_id")
            .create()
        // The other members of units merged over a shared parcel, with their unit's lead.
        try await db.schema("permu_merged")
            .field("run_id", .uuid, .required, .references("permu_runs", "id"))
            .field("enterprise_id", .uuid, .required)
            .field("lead_id", .uuid, .required)
            .compositeIdentifier(over: "run_id", "enterprise_id")
            .create()
        try await SQLIndexes.create(on: db, table: "permu_runs", columns: ["year"])
        try await SQLIndexes.create(on: db, table: "performance_reports", columns: ["year"])
        for preset in [PerMuScheme.huangyan2022, .huangyan2021] {
            let m = PerMuSchemeModel(preset, createdBy: "migration", at: Int64(Date().timeIntervalSince1970 * 1000))
            try await m.create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "performance_reports_year_idx").run() }
        for t in ["permu_merged", "permu_results", "permu_runs", "permu_schemes"] {
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
