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
    public var sort: Sort = .nameZh
    public var descending = false
    public var page = 1
    public var perPage = 50
    /// Set for enterprise users: only this enterprise is visible.
    public var onlyEnterprise: UUIDString?

    public typealias UUIDString = String
    public static let maxPerPage = 500

    public init() {}

    /// Checks page bounds, so bad input is refused rather than silently changed.
    public func validated() throws(DomainError) -> EnterpriseQuery {
        if page < 1 {
            throw DomainError(code: "out_of_range", field: "page", en: "page must be 1 or more", zh: "页码须大于等于 1")
        }
        if perPage < 1 || perPage > Self.maxPerPage {
            throw DomainError(code: "out_of_range", field: "per_page",
                              en: "per_page must be between 1 and \(Self.maxPerPage)",
                              zh: "每页条数须在 1 至 \(Self.maxPerPage) 之间")
        }
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
