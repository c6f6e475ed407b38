import FluentKit
import Foundation
import ParkDomain

/// A row of `enterprises`. Clusters are stored as ";a;b;" so one LIKE filters by cluster on
/// both SQLite and PostgreSQL.
final class EnterpriseModel: Model, @unchecked Sendable {
    static let schema = "enterprises"

    @ID(key: .id) var id: UUID?
    @Field(key: "credit_code") var creditCode: String
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "clusters") var clusters: String
    @Field(key: "ownership") var ownership: String
    @Field(key: "origin_country") var originCountry: String
    @OptionalField(key: "fortune500_parent") var fortune500Parent: String?
    @Field(key: "regional_hq") var regionalHQ: Bool
    @Field(key: "rd_centre") var rdCentre: Bool
    @OptionalField(key: "listing") var listing: String?
    @Field(key: "above_designated_size") var aboveDesignatedSize: Bool
    @OptionalField(key: "employees") var employees: Int?
    @OptionalField(key: "founded_on") var foundedOn: String?
    @Field(key: "address") var address: String
    @OptionalField(key: "deregistered_on") var deregisteredOn: String?
    @OptionalField(key: "deregistration_reason") var deregistrationReason: String?
    @Field(key: "updated_at_ms") var updatedAtMillis: Int64

    init() {}

    init(_ e: Enterprise, updatedAtMillis: Int64) {
        id = e.id
        self.updatedAtMillis = updatedAtMillis
        apply(e)
    }

    func apply(_ e: Enterprise) {
        creditCode = e.creditCode.value
        nameZh = e.nameZh
        nameEn = e.nameEn
        industryCode = e.industryCode
        clusters = Self.encodeClusters(e.clusters)
        ownership = e.ownership.rawValue
        originCountry = e.originCountry
        fortune500Parent = e.fortune500Parent
        regionalHQ = e.regionalHeadquarters
        rdCentre = e.rdCentre
        listing = e.listing?.rawValue
        aboveDesignatedSize = e.aboveDesignatedSize
        employees = e.employees
        foundedOn = e.foundedOn?.iso
        address = e.address
        deregisteredOn = e.deregistration?.on.iso
        deregistrationReason = e.deregistration?.reason
    }

    static func encodeClusters(_ list: [String]) -> String {
        list.isEmpty ? "" : ";" + list.joined(separator: ";") + ";"
    }

    func toDomain() throws -> Enterprise {
        Enterprise(
            id: id, creditCode: try CreditCode(creditCode), nameZh: nameZh, nameEn: nameEn,
            industryCode: industryCode,
            clusters: clusters.split(separator: ";").map(String.init),
            ownership: Ownership(rawValue: ownership) ?? .domestic, originCountry: originCountry,
            fortune500Parent: fortune500Parent, regionalHeadquarters: regionalHQ, rdCentre: rdCentre,
            listing: listing.flatMap(ListingBoard.init(rawValue:)), aboveDesignatedSize: aboveDesignatedSize,
            employees: employees, foundedOn: foundedOn.flatMap(LocalDate.init(iso:)), address: address,
            deregistration: deregisteredOn.flatMap(LocalDate.init(iso:)).map { Deregistration(on: $0, reason: deregistrationReason ?? "") })
    }
}
