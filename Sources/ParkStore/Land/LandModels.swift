import FluentKit
import Foundation
import ParkDomain

/// A row of `parcels`. The boundary ring is stored as JSON `[[lon, lat], …]`.
final class ParcelModel: Model, @unchecked Sendable {
    static let schema = "parcels"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "sub_area") var subArea: String
    @Field(key: "land_use") var landUse: String
    @Field(key: "declared_area_m2") var declaredAreaM2: Double
    @Field(key: "computed_area_m2") var computedAreaM2: Double
    @Field(key: "boundary") var boundary: String
    @OptionalField(key: "plot_ratio_min") var plotRatioMin: Double?
    @OptionalField(key: "plot_ratio_max") var plotRatioMax: Double?
    @OptionalField(key: "building_density_max") var buildingDensityMax: Double?
    @OptionalField(key: "green_ratio_min") var greenRatioMin: Double?
    @OptionalField(key: "height_limit_m") var heightLimitM: Double?
    @OptionalField(key: "office_share_max") var officeShareMax: Double?
    /// The box around the boundary, for the map's viewport query (UpdateParcelsBoundingBox).
    @OptionalField(key: "min_lon") var minLon: Double?
    @OptionalField(key: "min_lat") var minLat: Double?
    @OptionalField(key: "max_lon") var maxLon: Double?
    @OptionalField(key: "max_lat") var maxLat: Double?
    init() {}

    init(_ p: Parcel) {
        id = p.id
        apply(p)
    }

    func apply(_ p: Parcel) {
        code = p.code; subArea = p.subArea; landUse = p.landUse; declaredAreaM2 = p.declaredAreaM2
        computedAreaM2 = p.computedAreaM2
        boundary = "[" + p.boundary.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ",") + "]"
        let box = GeoBox(p.boundary)
        minLon = box?.west; minLat = box?.south; maxLon = box?.east; maxLat = box?.north
        plotRatioMin = p.planning.plotRatioMin; plotRatioMax = p.planning.plotRatioMax
        buildingDensityMax = p.planning.buildingDensityMax; greenRatioMin = p.planning.greenRatioMin
        heightLimitM = p.planning.heightLimitMetres; officeShareMax = p.planning.officeShareMax
    }

    func toDomain() -> Parcel {
        let ring = (try? JSONDecoder().decode([[Double]].self, from: Data(boundary.utf8))) ?? []
        return Parcel(id: id, code: code, subArea: subArea, landUse: landUse, declaredAreaM2: declaredAreaM2,
                      boundary: ring.compactMap { $0.count >= 2 ? GeoPoint(longitude: $0[0], latitude: $0[1]) : nil },
                      planning: PlanningConditions(plotRatioMin: plotRatioMin, plotRatioMax: plotRatioMax,
                                                   buildingDensityMax: buildingDensityMax, greenRatioMin: greenRatioMin,
                                                   heightLimitMetres: heightLimitM, officeShareMax: officeShareMax))
    }
}

/// A row of `leases`: auction, contract and agreement of one parcel sale. Commitments are a
/// JSON list (they are read and written with the lease, never queried one by one).
final class LeaseModel: Model, @unchecked Sendable {
    static let schema = "leases"
    @ID(key: .id) var id: UUID?
    @Field(key: "parcel_id") var parcelID: UUID
    @Field(key: "enterprise_id") var enterpriseID: UUID
    @Field(key: "state") var state: String
    @Field(key: "auction_date") var auctionDate: String
    @Field(key: "reserve_price_yuan") var reservePriceYuan: Int64
    @Field(key: "winning_bid_yuan") var winningBidYuan: Int64
    @Field(key: "deposit_yuan") var depositYuan: Int64
    @OptionalField(key: "confirmed_on") var confirmedOn: String?
    @OptionalField(key: "contract_signed_on") var contractSignedOn: String?
    @OptionalField(key: "contract_start") var contractStart: String?
    @OptionalField(key: "first_term_years") var firstTermYears: Int?
    @OptionalField(key: "max_total_years") var maxTotalYears: Int?
    @OptionalField(key: "price_yuan") var priceYuan: Int64?
    /// The date the first term ends (kept as a column so due lists are one indexed query).
    @OptionalField(key: "first_term_end") var firstTermEnd: String?
    @Field(key: "extension_years") var extensionYears: Int
    @Field(key: "commitments") var commitments: String
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64
    init() {}

    func apply(_ l: Lease) {
        parcelID = l.parcelID; enterpriseID = l.enterpriseID; state = l.state.rawValue
        auctionDate = l.auction.date.iso; reservePriceYuan = l.auction.reservePriceYuan
        winningBidYuan = l.auction.winningBidYuan; depositYuan = l.auction.depositYuan
        confirmedOn = l.auction.confirmedOn?.iso
        contractSignedOn = l.contract?.signedOn.iso; contractStart = l.contract?.startDate.iso
        firstTermYears = l.contract?.firstTermYears; maxTotalYears = l.contract?.maxTotalYears
        priceYuan = l.contract?.priceYuan; firstTermEnd = l.contract?.firstTermEnd.iso
        extensionYears = l.extensionYears
        commitments = LandJSON.encode(l.commitments)
    }

    func toDomain() -> Lease {
        var contract: GrantContract?
        if let s = contractSignedOn.flatMap(LocalDate.init(iso:)), let st = contractStart.flatMap(LocalDate.init(iso:)) {
            contract = GrantContract(signedOn: s, startDate: st, firstTermYears: firstTermYears ?? 10,
                                     maxTotalYears: maxTotalYears ?? 30, priceYuan: priceYuan ?? 0)
        }
        return Lease(id: id, parcelID: parcelID, enterpriseID: enterpriseID, state: LeaseState(rawValue: state) ?? .auctioned,
                     auction: AuctionRecord(date: LocalDate(iso: auctionDate) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                                            reservePriceYuan: reservePriceYuan, winningBidYuan: winningBidYuan,
                                            depositYuan: depositYuan, winnerEnterpriseID: enterpriseID,
                                            confirmedOn: confirmedOn.flatMap(LocalDate.init(iso:))),
                     contract: contract, commitments: LandJSON.decode([Commitment].self, commitments) ?? [],
                     extensionYears: extensionYears)
    }
}

/// One version of one year's performance report, its figures in columns (per-mu evaluation
/// and whole-park runs read them with plain SQL). Corrections add a version; the newest
/// version is the one in force, the older ones are the history.
final class ReportModel: Model, @unchecked Sendable {
    static let schema = "performance_reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "lease_id") var leaseID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "investment_to_date_yuan") var investmentToDateYuan: Int64
    @OptionalField(key: "production_start_date") var productionStartDate: String?
    @Field(key: "tax_paid_yuan") var taxPaidYuan: Int64
    @Field(key: "revenue_yuan") var revenueYuan: Int64
    @Field(key: "value_added_yuan") var valueAddedYuan: Int64
    @Field(key: "rd_spend_yuan") var rdSpendYuan: Int64
    @Field(key: "energy_tonnes_coal") var energyTonnesCoal: Double
    @Field(key: "electricity_kwh") var electricityKWh: Double
    @Field(key: "emissions_tonnes") var emissionsTonnes: Double
    @Field(key: "average_employees") var averageEmployees: Int
    /// Figures for custom commitments, as JSON `{label: value}`; empty when none.
    @Field(key: "custom") var custom: String
    @Field(key: "source") var source: String
    @Field(key: "verification") var verification: String
    @Field(key: "reason") var reason: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}

    func apply(_ r: PerformanceReport) {
        year = r.year; investmentToDateYuan = r.investmentToDateYuan; productionStartDate = r.productionStartDate?.iso
        taxPaidYuan = r.taxPaidYuan; revenueYuan = r.revenueYuan; valueAddedYuan = r.valueAddedYuan; rdSpendYuan = r.rdSpendYuan
        energyTonnesCoal = r.energyTonnesCoal; electricityKWh = r.electricityKWh; emissionsTonnes = r.emissionsTonnes; averageEmployees = r.averageEmployees
        custom = r.custom.isEmpty ? "" : LandJSON.encode(r.custom)
        source = r.source.rawValue; verification = r.verification.rawValue
    }

    func toDomain() -> PerformanceReport {
        PerformanceReport(year: year, investmentToDateYuan: investmentToDateYuan,
                          productionStartDate: productionStartDate.flatMap(LocalDate.init(iso:)), taxPaidYuan: taxPaidYuan,
                          revenueYuan: revenueYuan, valueAddedYuan: valueAddedYuan, rdSpendYuan: rdSpendYuan,
                          energyTonnesCoal: energyTonnesCoal, electricityKWh: electricityKWh, emissionsTonnes: emissionsTonnes,
                          averageEmployees: averageEmployees,
                          custom: custom.isEmpty ? [:] : (LandJSON.decode([String: Double].self, custom) ?? [:]),
                          source: ReportSource(rawValue: source) ?? .selfReported,
                          verification: VerificationStatus(rawValue: verification) ?? .unverified)
    }
}

/// An assessment run for one lease: the proposal with its trace, and the decision once taken.
final class AssessmentModel: Model, @unchecked Sendable {
    static let schema = "lease_assessments"
    @ID(key: .id) var id: UUID?
    @Field(key: "lease_id") var leaseID: UUID
    @Field(key: "as_of") var asOf: String
    @Field(key: "proposal") var proposal: String
    @OptionalField(key: "decision") var decision: String?
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}
}

/// A version of an assessment ruleset (its parameters as JSON); one version is active.
final class RulesetModel: Model, @unchecked Sendable {
    static let schema = "assessment_rulesets"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "version") var version: Int
    @Field(key: "parameters") var parameters: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at_ms") var createdAtMillis: Int64
    init() {}
}

final class LandUseModel: Model, @unchecked Sendable {
    static let schema = "land_uses"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "statutory_max_years") var statutoryMaxYears: Int
    init() {}
}

/// Public holidays and make-up working days (data the park edits).
final class CalendarDayModel: Model, @unchecked Sendable {
    static let schema = "calendar_days"
    @ID(custom: "date", generatedBy: .user) var id: String?
    /// "holiday" or "workday".
    @Field(key: "kind") var kind: String
    init() {}
}

/// Stable JSON for columns that hold domain values.
enum LandJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return (try? enc.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
