import FluentKit
import Foundation
import ParkDomain

/// Parcels, leases, yearly reports, assessments, land-use classes and the working calendar.
struct CreateLand: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("land_uses")
            .field("code", .string, .identifier(auto: false))
            .field("name_zh", .string, .required).field("name_en", .string, .required)
            .field("statutory_max_years", .int, .required)
            .create()
        try await db.schema("calendar_days")
            .field("date", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .create()
        try await db.schema("parcels")
            .id()
            .field("code", .string, .required).field("sub_area", .string, .required)
            .field("land_use", .string, .required, .references("land_uses", "code"))
            .field("declared_area_m2", .double, .required).field("computed_area_m2", .double, .required)
            .field("boundary", .string, .required)
            .field("plot_ratio_min", .double).field("plot_ratio_max", .double).field("building_density_max", .double)
            .field("green_ratio_min", .double).field("height_limit_m", .double).field("office_share_max", .double)
            .unique(on: "code")
            .create()
        try await db.schema("leases")
            .id()
            .field("parcel_id", .uuid, .required, .references("parcels", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("state", .string, .required)
            .field("auction_date", .string, .required)
            .field("reserve_price_yuan", .int64, .required).field("winning_bid_yuan", .int64, .required)
            .field("deposit_yuan", .int64, .required)
            .field("confirmed_on", .string).field("contract_signed_on", .string).field("contract_start", .string)
            .field("first_term_years", .int).field("max_total_years", .int).field("price_yuan", .int64)
            .field("first_term_end", .string)
            .field("extension_years", .int, .required)
            .field("commitments", .string, .required)
            .field("updated_at_ms", .int64, .required)
            .create()
        try await db.schema("performance_reports")
            .id()
            .field("lease_id", .uuid, .required, .references("leases", "id"))
            .field("year", .int, .required).field("version", .int, .required)
            .field("investment_to_date_yuan", .int64, .required).field("production_start_date", .string)
            .field("tax_paid_yuan", .int64, .required).field("revenue_yuan", .int64, .required)
            .field("value_added_yuan", .int64, .required).field("rd_spend_yuan", .int64, .required)
            .field("energy_tonnes_coal", .double, .required).field("electricity_kwh", .double, .required)
            .field("emissions_tonnes", .double, .required)
            .field("average_employees", .int, .required).field("custom", .string, .required)
            .field("source", .string, .required).field("verification", .string, .required)
            .field("reason", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "lease_id", "year", "version")
            .create()
        try await db.schema("lease_assessments")
            .id()
            .field("lease_id", .uuid, .required, .references("leases", "id"))
            .field("as_of", .string, .required)
            .field("proposal", .string, .required)
            .field("decision", .string)
            .field("created_at_ms", .int64, .required)
            .create()
        try await db.schema("assessment_rulesets")
            .id()
            .field("name", .string, .required).field("version", .int, .required)
            .field("parameters", .string, .required).field("active", .bool, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "name", "version")
            .create()
        let standard = RulesetModel()
        standard.id = UUID(); standard.name = AssessmentRuleset.standard.name; standard.version = AssessmentRuleset.standard.version
        standard.parameters = LandJSON.encode(AssessmentRuleset.standard); standard.active = true
        standard.createdBy = "migration"; standard.createdAtMillis = 0
        try await standard.create(on: db)
        try await SQLIndexes.create(on: db, table: "leases", columns: ["enterprise_id", "parcel_id", "state", "first_term_end"])
        try await SQLIndexes.create(on: db, table: "performance_reports", columns: ["lease_id"])
        try await SQLIndexes.create(on: db, table: "lease_assessments", columns: ["lease_id"])

        try await LandUseClass.defaults.map { c in
            let m = LandUseModel(); m.id = c.code; m.nameZh = c.name.zh; m.nameEn = c.name.en
            m.statutoryMaxYears = c.statutoryMaxYears; return m
        }.create(on: db)
        let cal = WorkingCalendar.china
        let days = cal.holidays.map { ($0, "holiday") } + cal.workingWeekends.map { ($0, "workday") }
        try await days.sorted { $0.0 < $1.0 }.map { d in
            let m = CalendarDayModel(); m.id = d.0.iso; m.kind = d.1; return m
        }.create(on: db)
    }

    func revert(on db: any Database) async throws {
        for t in ["assessment_rulesets", "lease_assessments", "performance_reports", "leases", "parcels", "calendar_days", "land_uses"] {
            try await db.schema(t).delete()
        }
    }
}
