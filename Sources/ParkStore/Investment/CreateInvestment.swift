import FluentKit
import Foundation
import ParkDomain

/// Investment promotion: investors and their Fortune Global 500 places, projects and their
/// stage moves, task forces, blockers with their history, the contracted-FDI ledger, utilised
/// FDI inflows, and two data tables: industry categories (financial / strategic emerging /
/// high-tech manufacturing per GB/T 4754 division) and working-day limits (stage deadlines,
/// blocker escalation). Money is hundredths as Int64 with its currency; dates are ISO text.
struct CreateInvestment: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("fdi_industry_categories")
            .field("id", .string, .identifier(auto: false))
            .field("industry_code", .string, .required).field("category", .string, .required)
            .create()
        try await db.schema("investment_limits")
            .field("id", .string, .identifier(auto: false))
            .field("working_days", .int, .required)
            .create()
        try await db.schema("investors")
            .id()
            .field("name_zh", .string, .required).field("name_en", .string, .required)
            .field("origin_country", .string, .required).field("listing", .string).field("sector", .string, .required)
            .field("updated_at_ms", .int64, .required)
            .create()
        try await db.schema("fortune500_ranks")
            .id()
            .field("investor_id", .uuid, .required, .references("investors", "id"))
            .field("list_year", .int, .required).field("rank", .int, .required)
            .unique(on: "investor_id", "list_year").unique(on: "list_year", "rank")
            .create()
        try await db.schema("investment_projects")
            .id()
            .field("code", .string, .required)
            .field("investor_id", .uuid, .required, .references("investors", "id"))
            .field("enterprise_id", .uuid, .references("enterprises", "id"))
            .field("name_zh", .string, .required).field("name_en", .string, .required)
            .field("project_type", .string, .required).field("cluster", .string).field("industry_code", .string, .required)
            .field("total_investment_minor", .int64, .required).field("total_investment_currency", .string, .required)
            .field("registered_capital_minor", .int64).field("registered_capital_currency", .string)
            .field("foreign_capital_minor", .int64).field("foreign_capital_currency", .string)
            .field("land_need_mu", .double)
            .field("officer_id", .uuid).field("source", .string, .required).field("first_contact_on", .string, .required)
            .field("stage", .string, .required).field("stage_since", .string, .required).field("stage_due_on", .string)
            .field("signed_on", .string).field("drop_reason", .string)
            .field("confidential", .bool, .required).field("code_name", .string)
            .field("created_at_ms", .int64, .required).field("updated_at_ms", .int64, .required)
            .unique(on: "code")
            .create()
        try await db.schema("project_stage_moves")
            .id()
            .field("project_id", .uuid, .required, .references("investment_projects", "id"))
            .field("from_stage", .string, .required).field("to_stage", .string, .required)
            .field("effective_on", .string, .required).field("drop_reason", .string).field("note", .string, .required)
            .field("proposed_by", .string, .required).field("proposed_at_ms", .int64, .required)
            .field("state", .string, .required)
            .field("reviewed_by", .string).field("reviewed_at_ms", .int64).field("review_comment", .string)
            .create()
        try await db.schema("project_task_force")
            .id()
            .field("project_id", .uuid, .required, .references("investment_projects", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("is_lead", .bool, .required)
            .unique(on: "project_id", "user_id")
            .create()
        try await db.schema("project_blockers")
            .id()
            .field("project_id", .uuid, .required, .references("investment_projects", "id"))
            .field("stage", .string, .required).field("title", .string, .required)
            .field("department_code", .string, .required)
            .field("opened_on", .string, .required).field("escalate_on", .string, .required)
            .field("closed_on", .string).field("resolution", .string)
            .field("opened_by", .string, .required).field("created_at_ms", .int64, .required)
            .create()
        try await db.schema("blocker_events")
            .id()
            .field("blocker_id", .uuid, .required, .references("project_blockers", "id"))
            .field("kind", .string, .required).field("on_date", .string, .required).field("text", .string, .required)
            .field("actor", .string, .required).field("at_ms", .int64, .required)
            .create()
        for table in ["fdi_contracted", "fdi_inflows"] {
            var s = db.schema(table)
                .id()
                .field("project_id", .uuid, .required, .references("investment_projects", "id"))
                .field("month", .string, .required)
                .field("kind", .string, .required)
                .field("amount_minor", .int64, .required).field("currency", .string, .required)
                .field("usd_per_unit_e8", .int64, .required).field("cny_per_unit_e8", .int64, .required)
                .field("usd_cents", .int64, .required).field("cny_fen", .int64, .required)
                .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            s = table == "fdi_contracted"
                ? s.field("recorded_on", .string, .required).field("event", .string, .required).field("note", .string, .required)
                : s.field("arrived_on", .string, .required).field("bank_reference", .string, .required)
            try await s.create()
            try await SQLIndexes.create(on: db, table: table, columns: ["project_id", "month"])
        }
        try await SQLIndexes.create(on: db, table: "investment_projects",
                                    columns: ["investor_id", "enterprise_id", "stage", "officer_id", "signed_on", "stage_due_on", "cluster", "updated_at_ms"])
        try await SQLIndexes.create(on: db, table: "project_stage_moves", columns: ["project_id", "state"])
        try await SQLIndexes.create(on: db, table: "project_task_force", columns: ["user_id"])
        try await SQLIndexes.create(on: db, table: "project_blockers", columns: ["project_id", "escalate_on", "department_code"])
        try await SQLIndexes.create(on: db, table: "blocker_events", columns: ["blocker_id"])
        try await SQLIndexes.create(on: db, table: "fortune500_ranks", columns: ["list_year"])
        try await SQLIndexes.create(on: db, table: "investors", columns: ["origin_country"])

        for (division, category) in IndustryCategory.defaults {
            let m = IndustryCategoryModel(); m.id = "\(division)|\(category.rawValue)"; m.industryCode = division; m.category = category.rawValue
            try await m.create(on: db)
        }
        for (code, days) in InvestmentLimits.defaults.rows {
            let m = InvestmentLimitModel(); m.id = code; m.workingDays = days
            try await m.create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["fdi_inflows", "fdi_contracted", "blocker_events", "project_blockers", "project_task_force", "project_stage_moves",
                  "investment_projects", "fortune500_ranks", "investors", "investment_limits", "fdi_industry_categories"] {
            try await db.schema(t).delete()
        }
    }
}
