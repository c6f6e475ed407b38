import ParkDomain

/// How a list of enterprises is asked for: search, filters, sort and page.
public struct EnterpriseQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable { case nameZh = "name_zh", nameEn = "name_en", creditCode = "credit_code", employees, foundedOn = "founded_on" }
    public enum Size: String, Sendable, CaseIterable { case above, below }

    public var search: String?
    public var cluster: String?
    public var ownership: Ownership?
    public var country: String?
    public var size: Size?
    public var fortune500: Bool?
    public var rdCentre: Bool?
    public var regionalHQ: Bool?
    /// `active` (not deregistered), `deregistered`, or nil for both.
    public var status: Status?
    public enum Status: String, Sendable, CaseIterable { case active, deregistered }
    public var sort: Sort = .nameZh
    public var descending = false
    public var page = 1
    public var perPage = 50
    /// Set for enterprise users: only this enterprise is visible.
    public var onlyEnterprise: UUIDString?

    public typealias UUIDString = String
    public static let maxPerPage = PageRequest.maxPerPage

    public init() {}

    /// The page asked for, bounded (page ≤ 1,000,000, per_page ≤ 500).
    public var pageRequest: PageRequest { get throws(DomainError) { try PageRequest(page: page, perPage: perPage) } }

    /// Checks page bounds, so bad input is refused rather than silently changed.
    public func validated() throws(DomainError) -> EnterpriseQuery {
        _ = try pageRequest
        if let s = search, s.count > 100 { throw .tooLong("q", max: 100) }
        return self
    }
}

/// One page of a list.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public init(items: [Item], total: Int, page: Int, perPage: Int) {
        self.items = items; self.total = total; self.page = page; self.perPage = perPage
    }
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}
