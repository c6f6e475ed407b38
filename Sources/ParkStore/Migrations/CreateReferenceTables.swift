import FluentKit
import ParkDomain

/// Reference tables and their shipped contents (GB/T 4754-2017, ISO 3166-1, default clusters
/// and departments). After this migration they are data the park edits.
struct CreateReferenceTables: AsyncMigration {
    func prepare(on db: any Database) async throws {
        for table in ["clusters", "departments", "industry_sections", "countries"] {
            try await db.schema(table)
                .field(table == "countries" ? "alpha2" : "code", .string, .identifier(auto: false))
                .field("name_zh", .string, .required)
                .field("name_en", .string, .required)
                .create()
        }
        try await db.schema("industry_divisions")
            .field("code", .string, .identifier(auto: false))
            .field("section", .string, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .create()

        try await Cluster.defaults.map { ClusterModel(code: $0.code, nameZh: $0.name.zh, nameEn: $0.name.en) }.create(on: db)
        try await Department.defaults.map { DepartmentModel(code: $0.code, nameZh: $0.name.zh, nameEn: $0.name.en) }.create(on: db)
        try await IndustryClassification.sections.map { s in
            let m = IndustrySectionModel(); m.id = s.code; m.nameZh = s.name.zh; m.nameEn = s.name.en; return m
        }.create(on: db)
        try await IndustryClassification.divisions.map { d in
            let m = IndustryDivisionModel(); m.id = d.code; m.section = d.section; m.nameZh = d.name.zh; m.nameEn = d.name.en
            return m
        }.create(on: db)
        try await Country.all.map { c in
            let m = CountryModel(); m.id = c.alpha2; m.nameZh = c.name.zh; m.nameEn = c.name.en; return m
        }.create(on: db)
    }

    func revert(on db: any Database) async throws {
        for table in ["industry_divisions", "countries", "industry_sections", "departments", "clusters"] {
            try await db.schema(table).delete()
        }
    }
}
