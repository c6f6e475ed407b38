import FluentKit
import Foundation
import ParkDomain

/// A row of `exchange_rates`.
final class ExchangeRateModel: Model, @unchecked Sendable {
    static let schema = "exchange_rates"
    @ID(key: .id) var id: UUID?
    @Field(key: "currency") var currency: String
    @Field(key: "month") var month: String
    @Field(key: "usd_per_unit_e8") var usdPerUnitE8: Int64
    @Field(key: "cny_per_unit_e8") var cnyPerUnitE8: Int64
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func toDomain() -> ExchangeRate? {
        guard let m = YearMonth(iso: month) else { return nil }
        return ExchangeRate(currency: currency, month: m, usdPerUnitE8: usdPerUnitE8, cnyPerUnitE8: cnyPerUnitE8)
    }
}
