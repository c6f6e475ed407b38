import Foundation

/// Ownership of an enterprise, as counted in the park's FDI statistics.
public enum Ownership: String, Sendable, Codable, CaseIterable {
    case domestic
    case foreign
    case hongKongMacaoTaiwan = "hmt"
    case jointVenture = "joint_venture"

    public var label: Bilingual {
        switch self {
        case .domestic: Bilingual(zh: "内资", en: "Domestic")
        case .foreign: Bilingual(zh: "外资", en: "Foreign")
        case .hongKongMacaoTaiwan: Bilingual(zh: "港澳台资", en: "Hong Kong/Macao/Taiwan")
        case .jointVenture: Bilingual(zh: "合资", en: "Joint venture")
        }
    }
}

/// The board an enterprise (or its parent) is listed on.
public enum ListingBoard: String, Sendable, Codable, CaseIterable {
    case sseMain = "sse_main", sseStar = "sse_star", szseMain = "szse_main", szseChinext = "szse_chinext"
    case bse, hkex, nasdaq, nyse, other

    public var label: Bilingual {
        switch self {
        case .sseMain: Bilingual(zh: "上交所主板", en: "SSE Main Board")
        case .sseStar: Bilingual(zh: "科创板", en: "SSE STAR Market")
        case .szseMain: Bilingual(zh: "深交所主板", en: "SZSE Main Board")
        case .szseChinext: Bilingual(zh: "创业板", en: "SZSE ChiNext")
        case .bse: Bilingual(zh: "北交所", en: "Beijing Stock Exchange")
        case .hkex: Bilingual(zh: "港交所", en: "HKEX")
        case .nasdaq: Bilingual(zh: "纳斯达克", en: "NASDAQ")
        case .nyse: Bilingual(zh: "纽交所", en: "NYSE")
        case .other: Bilingual(zh: "其他", en: "Other")
        }
    }
}

/// An enterprise in the park's register. `id` is assigned by the store.
public struct Enterprise: Sendable, Hashable, Codable {
    public var id: UUID?
    public var creditCode: CreditCode
    public var nameZh: String
    public var nameEn: String
    /// GB/T 4754-2017 division code, two digits (e.g. "27" pharmaceuticals); its section follows.
    public var industryCode: String
    /// Cluster codes (data, see `Cluster`), e.g. ["biomedicine"].
    public var clusters: [String]
    public var ownership: Ownership
    /// ISO 3166-1 alpha-2 code of the investor's origin ("CN" for domestic).
    public var originCountry: String
    /// Name of the Fortune Global 500 parent, if any.
    public var fortune500Parent: String?
    public var regionalHeadquarters: Bool
    public var rdCentre: Bool
    public var listing: ListingBoard?
    public var aboveDesignatedSize: Bool
    public var employees: Int?
    public var foundedOn: LocalDate?
    public var address: String
    /// Set once the enterprise is deregistered (注销): it stays in the register with its history.
    public var deregistration: Deregistration?

    public var isDeregistered: Bool { deregistration != nil }

    public init(id: UUID? = nil, creditCode: CreditCode, nameZh: String, nameEn: String, industryCode: String,
                clusters: [String] = [], ownership: Ownership = .domestic, originCountry: String = "CN",
                fortune500Parent: String? = nil, regionalHeadquarters: Bool = false, rdCentre: Bool = false,
                listing: ListingBoard? = nil, aboveDesignatedSize: Bool = false, employees: Int? = nil,
                foundedOn: LocalDate? = nil, address: String = "", deregistration: Deregistration? = nil) {
        self.id = id; self.creditCode = creditCode; self.nameZh = nameZh; self.nameEn = nameEn
        self.industryCode = industryCode; self.clusters = clusters; self.ownership = ownership
        self.originCountry = originCountry; self.fortune500Parent = fortune500Parent
        self.regionalHeadquarters = regionalHeadquarters; self.rdCentre = rdCentre; self.listing = listing
        self.aboveDesignatedSize = aboveDesignatedSize; self.employees = employees
        self.foundedOn = foundedOn; self.address = address; self.deregistration = deregistration
    }

    public static let maxNameLength = 200
    public static let maxAddressLength = 300

    /// Checks every field against the limits and the reference data; the first fault is thrown.
    public func validate(against catalog: ReferenceCatalog, today: LocalDate? = nil) throws(DomainError) {
        let name = nameZh.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { throw .required("name_zh") }
        if nameZh.count > Self.maxNameLength { throw .tooLong("name_zh", max: Self.maxNameLength) }
        if nameEn.count > Self.maxNameLength { throw .tooLong("name_en", max: Self.maxNameLength) }
        if address.count > Self.maxAddressLength { throw .tooLong("address", max: Self.maxAddressLength) }
        if let p = fortune500Parent, p.count > Self.maxNameLength { throw .tooLong("fortune500_parent", max: Self.maxNameLength) }
        if industryCode.isEmpty { throw .required("industry_code") }
        guard catalog.industryDivisions.contains(industryCode) else {
            throw DomainError(code: "unknown_industry", field: "industry_code",
                              en: "industry code '\(industryCode)' is not a GB/T 4754-2017 division (two digits, 01–97)",
                              zh: "行业代码“\(industryCode)”不是 GB/T 4754-2017 的行业大类（两位数字 01–97）")
        }
        for c in clusters where !catalog.clusters.contains(c) {
            throw DomainError(code: "unknown_cluster", field: "clusters",
                              en: "cluster '\(c)' is not defined; known clusters: \(catalog.clusters.sorted().joined(separator: ", "))",
                              zh: "产业集群“\(c)”未定义；已有：\(catalog.clusters.sorted().joined(separator: "、"))")
        }
        guard catalog.countries.contains(originCountry) else {
            throw DomainError(code: "unknown_country", field: "origin_country",
                              en: "origin country '\(originCountry)' is not an ISO 3166-1 alpha-2 code",
                              zh: "来源国“\(originCountry)”不是 ISO 3166-1 两位字母代码")
        }
        if ownership == .domestic && originCountry != "CN" {
            throw DomainError(code: "ownership_country", field: "origin_country",
                              en: "a domestic enterprise has origin country CN, found \(originCountry)",
                              zh: "内资企业的来源国应为 CN，实际为 \(originCountry)")
        }
        if let e = employees, !(0...10_000_000).contains(e) {
            throw DomainError(code: "out_of_range", field: "employees",
                              en: "employees must be between 0 and 10,000,000, found \(e)",
                              zh: "从业人数应在 0 至 10,000,000 之间，实际为 \(e)")
        }
        if let f = foundedOn, let t = today, f > t {
            throw DomainError(code: "future_date", field: "founded_on",
                              en: "founding date \(f) is in the future", zh: "成立日期 \(f) 晚于今天")
        }
    }
}

/// The deregistration (注销) of an enterprise: the date it ceased and why.
public struct Deregistration: Sendable, Hashable, Codable {
    public var on: LocalDate
    public var reason: String

    public static let maxReasonLength = 500

    public init(on: LocalDate, reason: String) { self.on = on; self.reason = reason }

    /// Refuses an empty or over-long reason, a date after `today` or before the founding date.
    public func validate(today: LocalDate, foundedOn: LocalDate?) throws(DomainError) {
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if r.isEmpty { throw .required("reason") }
        if reason.count > Self.maxReasonLength { throw .tooLong("reason", max: Self.maxReasonLength) }
        if on > today {
            throw DomainError(code: "future_date", field: "deregistered_on", en: "deregistration date \(on) is in the future",
                              zh: "注销日期 \(on) 晚于今天")
        }
        if let f = foundedOn, on < f {
            throw DomainError(code: "before_founding", field: "deregistered_on",
                              en: "deregistration date \(on) is before the founding date \(f)",
                              zh: "注销日期 \(on) 早于成立日期 \(f)")
        }
    }
}

/// The reference data a record is validated against (loaded from the database, where it is
/// editable data).
public struct ReferenceCatalog: Sendable {
    public var industryDivisions: Set<String>
    public var clusters: Set<String>
    public var countries: Set<String>

    public init(industryDivisions: Set<String>, clusters: Set<String>, countries: Set<String>) {
        self.industryDivisions = industryDivisions; self.clusters = clusters; self.countries = countries
    }

    /// The catalog of the data shipped with ParkOS.
    public static var builtIn: ReferenceCatalog {
        ReferenceCatalog(industryDivisions: Set(IndustryClassification.divisions.map(\.code)),
                         clusters: Set(Cluster.defaults.map(\.code)),
                         countries: Set(Country.all.map(\.alpha2)))
    }
}
