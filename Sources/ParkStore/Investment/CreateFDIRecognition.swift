import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Headquarters recognition (issue 11 item 5): the rule sets' thresholds as data (seeded with
/// Jiangsu 2024 and SIP 2017, editable by an admin) and the recognitions granted, one per firm
/// and kind. An index on the supplied facts by name finds the candidates (firms that supplied a
/// recognition fact) without reading the facts table whole.
struct CreateFDIRecognition: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RecognitionRuleModel.schema)
            .field("code", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("title_zh", .string, .required).field("title_en", .string, .required)
            .field("source", .string, .required)
            .field("managed_entities", .int).field("managed_outside_province", .int)
            .field("foreign_parent_share_pct", .int)
            .field("paid_in_capital_yuan", .int64)
            .field("controlled_outside_park", .int).field("outside_revenue_share_pct", .int)
            .field("manufacturing_revenue_yuan", .int64).field("manufacturing_tax_yuan", .int64)
            .field("other_revenue_yuan", .int64).field("other_tax_yuan", .int64)
            .field("updated_by", .string, .required).field("updated_at_ms", .int64, .required)
            .create()
        try await db.schema(RecognitionModel.schema)
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("rule_code", .string, .required)
            .field("rule_year", .int, .required)
            .field("recognised_on", .string, .required)
            .field("recognised_by", .string, .required)
            .field("created_at_ms", .int64, .required)
            .unique(on: "enterprise_id", "kind")
            .create()
        for r in RecognitionRuleSet.builtIn { try await RecognitionRuleModel(r, by: "migration", at: 0).create(on: db) }
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "enterprise_facts_fact_idx").on("enterprise_facts").column("fact").column("enterprise_id").run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.drop(index: "enterprise_facts_fact_idx").run() }
        try await db.schema(RecognitionModel.schema).delete()
        try await db.schema(RecognitionRuleModel.schema).delete()
    }
}

/// A row of `fdi_recognition_rules`: one rule set's thresholds.
final class RecognitionRuleModel: Model, @unchecked Sendable {
    static let schema = "fdi_recognition_rules"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "kind") var kind: String
    @Field(key: "year") var year: Int
    @Field(key: "title_zh") var titleZh: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "source") var source: String
    @OptionalField(key: "managed_entities") var managedEntities: Int?
    @OptionalField(key: "managed_outside_province") var managedOutsideProvince: Int?
    @OptionalField(key: "foreign_parent_share_pct") var foreignParentSharePct: Int?
    @OptionalField(key: "paid_in_capital_yuan") var paidInCapitalYuan: Int64?
    @OptionalField(key: "controlled_outside_park") var controlledOutsidePark: Int?
    @OptionalField(key: "outside_revenue_share_pct") var outsideRevenueSharePct: Int?
    @OptionalField(key: "manufacturing_revenue_yuan") var manufacturingRevenueYuan: Int64?
    @OptionalField(key: "manufacturing_tax_yuan") var manufacturingTaxYuan: Int64?
    @OptionalField(key: "other_revenue_yuan") var otherRevenueYuan: Int64?
    @OptionalField(key: "other_tax_yuan") var otherTaxYuan: Int64?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    convenience init(_ r: RecognitionRuleSet, by: String, at millis: Int64) {
        self.init()
        id = r.code; apply(r); updatedBy = by; updatedAtMillis = millis
    }

    func apply(_ r: RecognitionRuleSet) {
        kind = r.kind.rawValue; year = r.year; titleZh = r.title.zh; titleEn = r.title.en; source = r.source
        let t = r.thresholds
        managedEntities = t.managedEntities; managedOutsideProvince = t.managedOutsideProvince
        foreignParentSharePct = t.foreignParentSharePercent; paidInCapitalYuan = t.paidInCapitalYuan
        controlledOutsidePark = t.controlledOutsidePark; outsideRevenueSharePct = t.outsideRevenueSharePercent
        manufacturingRevenueYuan = t.manufacturingRevenueYuan; manufacturingTaxYuan = t.manufacturingTaxYuan
        otherRevenueYuan = t.otherRevenueYuan; otherTaxYuan = t.otherTaxYuan
    }

    func toDomain() -> RecognitionRuleSet {
        RecognitionRuleSet(code: id ?? "", kind: RecognitionKind(rawValue: kind) ?? .regionalHQ, year: year,
                           title: Bilingual(zh: titleZh, en: titleEn), source: source,
                           thresholds: RecognitionThresholds(managedEntities: managedEntities, managedOutsideProvince: managedOutsideProvince,
                                                             foreignParentSharePercent: foreignParentSharePct, paidInCapitalYuan: paidInCapitalYuan,
                                                             controlledOutsidePark: controlledOutsidePark,
                                                             outsideRevenueSharePercent: outsideRevenueSharePct,
                                                             manufacturingRevenueYuan: manufacturingRevenueYuan, manufacturingTaxYuan: manufacturingTaxYuan,
                                                             otherRevenueYuan: otherRevenueYuan, otherTaxYuan: otherTaxYuan))
    }
}

/// A row of `fdi_recognitions`: a firm recognised as a kind under a rule set, on a date, by whom.
final class RecognitionModel: Model, @unchecked Sendable {
    static let schema = "fdi_recognitions"
    @ID(key: .id) var id: UUID?
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "rule_code") var ruleCode: String
    @Field(key: "rule_year") var ruleYear: Int
    @Field(key: "recognised_on") var recognisedOn: String
    @Field(key: "recognised_by") var recognisedBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    func toDomain() -> Recognition {
        Recognition(enterpriseID: enterpriseID, kind: RecognitionKind(rawValue: kind) ?? .regionalHQ, ruleCode: ruleCode, ruleYear: ruleYear,
                    recognisedOn: LocalDate(iso: recognisedOn) ?? LocalDate(year: 1970, month: 1, day: 1)!, recognisedBy: recognisedBy)
    }
}

/// A firm's recognition as a regional headquarters or functional unit.
public struct Recognition: Sendable, Hashable, Codable {
    public var enterpriseID: UUID
    public var kind: RecognitionKind
    public var ruleCode: String
    public var ruleYear: Int
    public var recognisedOn: LocalDate
    public var recognisedBy: String
}
