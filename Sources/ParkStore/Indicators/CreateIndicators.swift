import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The indicators' tables (issue 13): the catalogue (seeded with SIP's headline set), every
/// published value with its versions (a correction adds a version: who, when, the old value
/// stays), and the year's targets. Values are decimal text in the indicator's unit, never
/// floating point.
struct CreateIndicators: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("indicators")
            .field("code", .string, .identifier(auto: false))
            .field("name_zh", .string, .required).field("name_en", .string, .required)
            .field("currency", .string, .required).field("scale", .string, .required)
            .field("accumulation", .string, .required).field("frequency", .string, .required)
            .field("level_basis", .string, .required).field("growth_basis", .string, .required)
            .field("source_zh", .string, .required).field("source_en", .string, .required)
            .field("derivation", .string)
            .field("headline", .bool, .required).field("position", .int, .required)
            .create()
        try await db.schema("indicator_values")
            .id()
            .field("indicator", .string, .required, .references("indicators", "code"))
            .field("period", .string, .required)
            // The period's last month as months since year 0: the time axis queries filter on.
            .field("month_index", .int, .required)
            .field("version", .int, .required)
            .field("value", .string, .required).field("growth_pct", .string)
            .field("reason", .string, .required)
            .field("created_by", .string, .required).field("created_at_ms", .int64, .required)
            .unique(on: "indicator", "period", "version")
            .create()
        try await db.schema("indicator_targets")
            .field("indicator", .string, .required, .references("indicators", "code"))
            .field("year", .int, .required)
            .field("level", .string).field("growth_pct", .string)
            .field("set_by", .string, .required).field("set_at_ms", .int64, .required)
            .compositeIdentifier(over: "indicator", "year")
            .create()
        try await SQLIndexes.create(on: db, table: "indicator_values", columns: ["month_index"])
        try await IndicatorDefinitionModel.seed(IndicatorCatalogue.sipHeadline, on: db)
    }

    func revert(on db: any Database) async throws {
        for t in ["indicator_targets", "indicator_values", "indicators"] { try await db.schema(t).delete() }
    }
}

/// A row of `indicators`.
final class IndicatorDefinitionModel: Model, @unchecked Sendable {
    static let schema = "indicators"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "currency") var currency: String
    @Field(key: "scale") var scale: String
    @Field(key: "accumulation") var accumulation: String
    @Field(key: "frequency") var frequency: String
    @Field(key: "level_basis") var levelBasis: String
    @Field(key: "growth_basis") var growthBasis: String
    @Field(key: "source_zh") var sourceZh: String
    @Field(key: "source_en") var sourceEn: String
    @OptionalField(key: "derivation") var derivation: String?
    @Field(key: "headline") var headline: Bool
    @Field(key: "position") var position: Int
    init() {}

    init(_ d: IndicatorDefinition) {
        id = d.code; nameZh = d.name.zh; nameEn = d.name.en; currency = d.unit.currency.rawValue; scale = d.unit.scale.rawValue
        accumulation = d.accumulation.rawValue; frequency = d.frequency.rawValue; levelBasis = d.levelBasis.rawValue
        growthBasis = d.growthBasis.rawValue; sourceZh = d.source.zh; sourceEn = d.source.en; derivation = d.derivation?.rawValue
        headline = d.headline; position = d.position
    }

    static func seed(_ definitions: [IndicatorDefinition], on db: any Database) async throws {
        for d in definitions { try await IndicatorDefinitionModel(d).create(on: db) }
    }

    /// The definition; a value no longer known falls back to the safest reading (no derivation,
    /// nominal growth would be wrong, so an unknown growth basis reads as constant prices).
    func toDomain() -> IndicatorDefinition {
        IndicatorDefinition(
            code: id ?? "", name: Bilingual(zh: nameZh, en: nameEn),
            unit: IndicatorUnit(IndicatorCurrency(rawValue: currency) ?? .cny, IndicatorScale(rawValue: scale) ?? .one),
            accumulation: IndicatorAccumulation(rawValue: accumulation) ?? .ytd,
            frequency: IndicatorFrequency(rawValue: frequency) ?? .monthly,
            levelBasis: PriceBasis(rawValue: levelBasis) ?? .current, growthBasis: PriceBasis(rawValue: growthBasis) ?? .constantPrices,
            source: Bilingual(zh: sourceZh, en: sourceEn), derivation: derivation.flatMap(IndicatorDerivation.init(rawValue:)),
            headline: headline, position: position)
    }
}
