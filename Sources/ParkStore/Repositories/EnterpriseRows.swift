import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// The register read straight from SQL rows into `Enterprise`, without Fluent models: a Fluent
/// model decodes its fields through reflection, which took a third of the CPU of a list request
/// (perf, release build). Writes still go through `EnterpriseModel`.
enum EnterpriseRows {
    static let columns = ["id", "credit_code", "name_zh", "name_en", "industry_code", "clusters", "ownership", "origin_country",
                          "fortune500_parent", "regional_hq", "rd_centre", "listing", "above_designated_size", "employees",
                          "founded_on", "address", "deregistered_on", "deregistration_reason"]

    static func enterprise(_ r: any SQLRow) throws -> Enterprise {
        let clusters = try r.decode(column: "clusters", as: String.self)
        let deregisteredOn = try r.decode(column: "deregistered_on", as: String?.self).flatMap(LocalDate.init(iso:))
        return Enterprise(
            id: try r.decode(column: "id", as: UUID.self), creditCode: try CreditCode(try r.decode(column: "credit_code", as: String.self)),
            nameZh: try r.decode(column: "name_zh", as: String.self), nameEn: try r.decode(column: "name_en", as: String.self),
            industryCode: try r.decode(column: "industry_code", as: String.self),
            clusters: clusters.split(separator: ";").map(String.init),
            ownership: Ownership(rawValue: try r.decode(column: "ownership", as: String.self)) ?? .domestic,
            originCountry: try r.decode(column: "origin_country", as: String.self),
            fortune500Parent: try r.decode(column: "fortune500_parent", as: String?.self),
            regionalHeadquarters: try r.decode(column: "regional_hq", as: Bool.self), rdCentre: try r.decode(column: "rd_centre", as: Bool.self),
            listing: try r.decode(column: "listing", as: String?.self).flatMap(ListingBoard.init(rawValue:)),
            aboveDesignatedSize: try r.decode(column: "above_designated_size", as: Bool.self),
            employees: try r.decode(column: "employees", as: Int?.self),
            foundedOn: try r.decode(column: "founded_on", as: String?.self).flatMap(LocalDate.init(iso:)),
            address: try r.decode(column: "address", as: String.self),
            deregistration: deregisteredOn.map { Deregistration(on: $0, reason: (try? r.decode(column: "deregistration_reason", as: String?.self)) ?? "") })
    }

    /// The filters of `q` as one SQL predicate (nil: no filter).
    static func predicate(_ q: EnterpriseQuery, postgres: Bool) -> (any SQLExpression)? {
        var parts: [any SQLExpression] = []
        func eq(_ column: String, _ value: any Encodable & Sendable) { parts.append(SQLBinaryExpression(SQLColumn(column), .equal, SQLBind(value))) }
        func isNull(_ column: String, _ null: Bool) {
            parts.append(SQLBinaryExpression(SQLColumn(column), null ? .is : .isNot, SQLLiteral.null))
        }
        if let only = q.onlyEnterprise { eq("id", UUID(uuidString: only) ?? UUID()) }
        if let s = q.search?.trimmingCharacters(in: .whitespaces), !s.isEmpty {
            let pattern = "%" + s.filter { $0 != "%" && $0 != "_" } + "%"
            let like = SQLRaw(postgres ? "ILIKE" : "LIKE")
            func matches(_ column: String, _ p: String) -> any SQLExpression {
                SQLBinaryExpression(left: SQLColumn(column), op: like, right: SQLBind(p))
            }
            parts.append(SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(matches("name_zh", pattern), .or, matches("name_en", pattern)), .or,
                matches("credit_code", pattern.uppercased()))))
        }
        if let c = q.cluster { parts.append(SQLBinaryExpression(left: SQLColumn("clusters"), op: SQLRaw("LIKE"), right: SQLBind("%;\(c);%"))) }
        if let o = q.ownership { eq("ownership", o.rawValue) }
        if let c = q.country { eq("origin_country", c.uppercased()) }
        if let s = q.size { eq("above_designated_size", s == .above) }
        if let f = q.fortune500 { isNull("fortune500_parent", !f) }
        if let r = q.rdCentre { eq("rd_centre", r) }
        if let h = q.regionalHQ { eq("regional_hq", h) }
        switch q.status {
        case .active: isNull("deregistered_on", true)
        case .deregistered: isNull("deregistered_on", false)
        case nil: break
        }
        guard var out = parts.first else { return nil }
        for p in parts.dropFirst() { out = SQLBinaryExpression(out, .and, p) }
        return out
    }

    /// The sort of `q`; records without a value go last in both directions and on both
    /// databases (SQLite sorts NULL first, PostgreSQL last ascending but first descending).
    static func orderBy(_ q: EnterpriseQuery) -> [any SQLExpression] {
        let dir: SQLDirection = q.descending ? .descending : .ascending
        func by(_ column: String) -> any SQLExpression { SQLOrderBy(expression: SQLColumn(column), direction: dir) }
        func nullsLast(_ column: String) -> any SQLExpression {
            SQLOrderBy(expression: SQLBinaryExpression(SQLColumn(column), .is, SQLLiteral.null), direction: SQLDirection.ascending)
        }
        let main: [any SQLExpression] = switch q.sort {
        case .nameZh: [by("name_zh")]
        case .nameEn: [by("name_en")]
        case .creditCode: [by("credit_code")]
        case .employees: [nullsLast("employees"), by("employees")]
        case .foundedOn: [nullsLast("founded_on"), by("founded_on")]
        }
        return main + [SQLOrderBy(expression: SQLColumn("credit_code"), direction: SQLDirection.ascending)]
    }
}
