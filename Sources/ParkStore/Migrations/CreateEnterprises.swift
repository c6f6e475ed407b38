import FluentKit

struct CreateEnterprises: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("enterprises")
            .id()
            .field("credit_code", .string, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("industry_code", .string, .required)
            .field("clusters", .string, .required)
            .field("ownership", .string, .required)
            .field("origin_country", .string, .required)
            .field("fortune500_parent", .string)
            .field("regional_hq", .bool, .required)
            .field("rd_centre", .bool, .required)
            .field("listing", .string)
            .field("above_designated_size", .bool, .required)
            .field("employees", .int)
            .field("founded_on", .string)
            .field("address", .string, .required)
            .field("updated_at_ms", .int64, .required)
            .unique(on: "credit_code")
            .create()
        try await SQLIndexes.create(on: db, table: "enterprises", columns: ["name_zh", "origin_country", "ownership"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("enterprises").delete()
    }
}
