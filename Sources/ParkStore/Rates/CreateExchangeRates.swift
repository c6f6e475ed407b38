import FluentKit

/// The monthly exchange-rate table (shared: investment and outbound count money through it).
/// Rates are exact decimals held as integers in units of 10^-8.
struct CreateExchangeRates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("exchange_rates")
            .id()
            .field("currency", .string, .required).field("month", .string, .required)
            .field("usd_per_unit_e8", .int64, .required).field("cny_per_unit_e8", .int64, .required)
            .field("updated_by", .string, .required).field("updated_at_ms", .int64, .required)
            .unique(on: "currency", "month")
            .create()
        try await SQLIndexes.create(on: db, table: "exchange_rates", columns: ["month"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("exchange_rates").delete()
    }
}
