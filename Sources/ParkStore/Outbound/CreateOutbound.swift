import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Outbound investment (issue 14): ODI projects and their filings, the filings checker's
/// versioned rules, the Belt and Road country list, country risk (current grade, history,
/// officers' notes), risk alerts with their deliveries and read receipts, and the service log.
/// Seeds the 2018 rules and the default Belt and Road list.
struct CreateOutbound: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbound_projects")
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("title", .string, .required).field("country_code", .string, .required)
            .field("target_company", .string).field("industry_code", .string, .required)
            .field("sensitive_activities", .string, .required).field("form", .string, .required)
            .field("equity_bp", .int, .required)
            .field("currency", .string, .required).field("amount_text", .string, .required)
            .field("amount_usd_cents", .int64, .required).field("amount_yuan_fen", .int64, .required)
            .field("rate_month", .string, .required)
            .field("financing", .string, .required).field("belt_and_road", .bool, .required).field("region", .string, .required)
            .field("stage", .string, .required).field("abandon_reason", .string)
            .field("agreed_on", .string).field("remitted_on", .string)
            .field("created_at_ms", .int64, .required).field("updated_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_projects",
                                    columns: ["enterprise_id", "country_code", "stage", "agreed_on", "industry_code", "updated_at_ms"])
        try await db.schema("outbound_filings")
            .id()
            .field("project_id", .uuid, .required, .references("outbound_projects", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("kind", .string, .required).field("authority", .string, .required).field("state", .string, .required)
            .field("documents", .string, .required).field("reasons", .string, .required).field("legal_refs", .string, .required)
            .field("rule_set", .string, .required).field("rule_version", .int, .required).field("clock_days", .int)
            .field("drafted_on", .string, .required).field("submitted_on", .string).field("due_on", .string)
            .field("decided_on", .string).field("certificate_number", .string).field("lapses_on", .string)
            .field("refusal_reason", .string)
            .field("updated_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_filings", columns: ["project_id", "enterprise_id", "state", "due_on", "lapses_on"])
        try await db.schema("outbound_rule_sets")
            .id()
            .field("name", .string, .required).field("version", .int, .required).field("effective_from", .string, .required)
            .field("document", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "name", "version")
            .create()
        try await db.schema("outbound_belt_and_road")
            .field("country_code", .string, .identifier(auto: false))
            .create()
        try await db.schema("country_risks")
            .field("country_code", .string, .identifier(auto: false))
            .field("grade", .int, .required).field("political", .int, .required).field("economic", .int, .required)
            .field("business_environment", .int, .required).field("legal", .int, .required).field("source_year", .int, .required)
            .field("updated_at_ms", .int64, .required)
            .create()
        try await db.schema("country_risk_history")
            .id()
            .field("country_code", .string, .required)
            .field("grade", .int, .required).field("political", .int, .required).field("economic", .int, .required)
            .field("business_environment", .int, .required).field("legal", .int, .required).field("source_year", .int, .required)
            .field("recorded_by", .string, .required).field("recorded_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "country_risk_history", columns: ["country_code"])
        try await db.schema("country_risk_notes")
            .id()
            .field("country_code", .string, .required).field("text", .string, .required)
            .field("author", .string, .required).field("created_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "country_risk_notes", columns: ["country_code"])
        try await db.schema("outbound_alerts")
            .id()
            .field("country_code", .string).field("industry_code", .string)
            .field("title", .string, .required).field("body", .string, .required).field("cause", .string, .required)
            .field("published_on", .string, .required).field("published_by", .string, .required)
            .field("recipients", .int, .required).field("created_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_alerts", columns: ["country_code", "industry_code", "created_at_ms"])
        try await db.schema("outbound_alert_deliveries")
            .field("alert_id", .uuid, .required, .references("outbound_alerts", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("delivered_at_ms", .int64, .required).field("read_at_ms", .int64).field("read_by", .string)
            .compositeIdentifier(over: "alert_id", "enterprise_id")
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_alert_deliveries", columns: ["enterprise_id"])
        try await db.schema("outbound_services")
            .id()
            .field("kind", .string, .required).field("date", .string, .required).field("topic", .string, .required)
            .field("platform", .string, .required).field("country_code", .string).field("firms", .int, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_services", columns: ["date"])
        try await db.schema("outbound_service_firms")
            .field("service_id", .uuid, .required, .references("outbound_services", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .compositeIdentifier(over: "service_id", "enterprise_id")
            .create()
        try await SQLIndexes.create(on: db, table: "outbound_service_firms", columns: ["enterprise_id"])

        let rules = FilingRuleSet.standard2018
        let m = OutboundRuleSetModel()
        m.id = UUID(); m.name = rules.name; m.version = rules.version; m.effectiveFrom = rules.effectiveFrom.iso
        m.document = OutboundJSON.encode(rules); m.createdBy = "migration"; m.createdAtMillis = 0
        try await m.create(on: db)
        if let sql = db as? any SQLDatabase {
            for code in BeltAndRoad.defaultCountries {
                try await sql.raw("INSERT INTO outbound_belt_and_road (country_code) VALUES (\(bind: code))").run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["outbound_service_firms", "outbound_services", "outbound_alert_deliveries", "outbound_alerts", "country_risk_notes",
                  "country_risk_history", "country_risks", "outbound_belt_and_road", "outbound_rule_sets", "outbound_filings", "outbound_projects"] {
            try await db.schema(t).delete()
        }
    }
}

/// JSON for the columns that hold documents (rule sets, checklists, reasons).
enum OutboundJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

final class OutboundRuleSetModel: Model, @unchecked Sendable {
    static let schema = "outbound_rule_sets"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "version") var version: Int
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "document") var document: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}
}
