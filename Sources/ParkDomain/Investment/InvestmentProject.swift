import Foundation

/// What kind of investment a project is.
public enum ProjectType: String, Sendable, Codable, CaseIterable {
    case newEstablishment = "new_establishment"
    case capitalIncrease = "capital_increase"
    case relocation
    case regionalHeadquarters = "regional_hq"
    case functionalUnit = "functional_unit"
    case rdCentre = "rd_centre"
    case mergerAcquisition = "m_and_a"

    public var label: Bilingual {
        switch self {
        case .newEstablishment: Bilingual(zh: "新设", en: "New establishment")
        case .capitalIncrease: Bilingual(zh: "增资", en: "Capital increase")
        case .relocation: Bilingual(zh: "迁入", en: "Relocation")
        case .regionalHeadquarters: Bilingual(zh: "地区总部", en: "Regional headquarters")
        case .functionalUnit: Bilingual(zh: "功能性机构", en: "Functional unit")
        case .rdCentre: Bilingual(zh: "研发中心", en: "R&D centre")
        case .mergerAcquisition: Bilingual(zh: "并购", en: "Merger or acquisition")
        }
    }
}

/// Where the lead came from.
public enum ProjectSource: String, Sendable, Codable, CaseIterable {
    case visit, fair, referral
    case chinaSingapore = "china_singapore"
    case overseasOffice = "overseas_office"

    public var label: Bilingual {
        switch self {
        case .visit: Bilingual(zh: "上门拜访", en: "Visit")
        case .fair: Bilingual(zh: "展会", en: "Trade fair")
        case .referral: Bilingual(zh: "以商引商", en: "Referral")
        case .chinaSingapore: Bilingual(zh: "中新合作平台", en: "China–Singapore platform")
        case .overseasOffice: Bilingual(zh: "海外办事处", en: "Overseas office")
        }
    }
}

/// Parses a coded value of `T` or refuses naming `field` with the allowed values.
public func parseCode<T: RawRepresentable & CaseIterable>(_ raw: String, as: T.Type, field: String) throws(DomainError) -> T where T.RawValue == String {
    guard let v = T(rawValue: raw.trimmingCharacters(in: .whitespaces)) else {
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw DomainError(code: "invalid_value", field: field, en: "\(field) must be one of \(allowed), not '\(raw.prefix(40))'",
                          zh: "\(field) 须为以下之一：\(allowed)，而非“\(raw.prefix(40))”")
    }
    return v
}

/// An investor: the group (parent company) behind projects.
public struct Investor: Sendable, Hashable, Codable {
    public var id: UUID?
    public var nameZh: String
    public var nameEn: String
    /// ISO 3166-1 alpha-2.
    public var originCountry: String
    public var listing: ListingBoard?
    /// GB/T 4754 section letter of the group's main business.
    public var sector: String
    /// Its latest Fortune Global 500 entry, if any (the table holds every year's).
    public var fortune500: Fortune500Entry?

    public init(id: UUID? = nil, nameZh: String, nameEn: String, originCountry: String, listing: ListingBoard? = nil,
                sector: String, fortune500: Fortune500Entry? = nil) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.originCountry = originCountry
        self.listing = listing; self.sector = sector; self.fortune500 = fortune500
    }

    public func validate() throws(DomainError) {
        try InvestmentRules.name(nameZh, field: "name_zh", required: true)
        try InvestmentRules.name(nameEn, field: "name_en", required: false)
        guard Country.named(originCountry) != nil else {
            throw DomainError(code: "invalid_country", field: "origin_country", en: "origin_country must be an ISO 3166-1 alpha-2 code",
                              zh: "origin_country 须为 ISO 3166-1 两位字母代码")
        }
        guard IndustryClassification.section(sector) != nil else {
            throw DomainError(code: "invalid_sector", field: "sector", en: "sector must be a GB/T 4754 section letter A–T",
                              zh: "sector 须为 GB/T 4754 门类字母 A–T")
        }
        if let f = fortune500 { try f.validate() }
    }
}

/// A place on the Fortune Global 500 list of a year.
public struct Fortune500Entry: Sendable, Hashable, Codable {
    public var listYear: Int
    public var rank: Int
    public init(listYear: Int, rank: Int) { self.listYear = listYear; self.rank = rank }

    public func validate() throws(DomainError) {
        _ = try Bounds.check(listYear, in: 1995...2200, field: "fortune500_year")
        _ = try Bounds.check(rank, in: 1...500, field: "fortune500_rank")
    }
}

/// An investment project: from first contact to production.
public struct InvestmentProject: Sendable, Hashable, Codable {
    public var id: UUID?
    /// A short reference, `IP000123`, assigned by the store.
    public var code: String
    public var investorID: UUID
    /// The project company in the register, once it is registered.
    public var enterpriseID: UUID?
    public var nameZh: String
    public var nameEn: String
    public var type: ProjectType
    public var cluster: String?
    /// GB/T 4754-2017 division, two digits.
    public var industryCode: String
    public var totalInvestment: CurrencyAmount
    public var registeredCapital: CurrencyAmount?
    /// The foreign investors' share of the registered capital.
    public var foreignCapital: CurrencyAmount?
    public var landNeedMu: Double?
    /// The officer in charge (a user id).
    public var officerID: UUID?
    public var source: ProjectSource
    public var firstContactOn: LocalDate
    public var stage: ProjectStage
    /// The date the project reached its current stage.
    public var stageSince: LocalDate
    /// The last day of the current stage's deadline, if the stage has one.
    public var stageDueOn: LocalDate?
    public var signedOn: LocalDate?
    public var dropReason: DropReason?
    public var confidential: Bool
    /// The name shown instead of the investor's and the project's to those not cleared.
    public var codeName: String?

    public init(id: UUID? = nil, code: String = "", investorID: UUID, enterpriseID: UUID? = nil, nameZh: String, nameEn: String,
                type: ProjectType, cluster: String? = nil, industryCode: String, totalInvestment: CurrencyAmount,
                registeredCapital: CurrencyAmount? = nil, foreignCapital: CurrencyAmount? = nil, landNeedMu: Double? = nil,
                officerID: UUID? = nil, source: ProjectSource, firstContactOn: LocalDate, stage: ProjectStage = .lead,
                stageSince: LocalDate? = nil, stageDueOn: LocalDate? = nil, signedOn: LocalDate? = nil, dropReason: DropReason? = nil,
                confidential: Bool = false, codeName: String? = nil) {
        self.id = id; self.code = code; self.investorID = investorID; self.enterpriseID = enterpriseID
        self.nameZh = nameZh; self.nameEn = nameEn; self.type = type; self.cluster = cluster; self.industryCode = industryCode
        self.totalInvestment = totalInvestment; self.registeredCapital = registeredCapital; self.foreignCapital = foreignCapital
        self.landNeedMu = landNeedMu; self.officerID = officerID; self.source = source; self.firstContactOn = firstContactOn
        self.stage = stage; self.stageSince = stageSince ?? firstContactOn; self.stageDueOn = stageDueOn; self.signedOn = signedOn
        self.dropReason = dropReason; self.confidential = confidential; self.codeName = codeName
    }

    /// Checks the fields a project is recorded with; errors name the field.
    public func validate(today: LocalDate, clusters: Set<String>) throws(DomainError) {
        try InvestmentRules.name(nameZh, field: "name_zh", required: true)
        try InvestmentRules.name(nameEn, field: "name_en", required: false)
        if let c = cluster, !clusters.contains(c) {
            throw DomainError(code: "unknown_cluster", field: "cluster", en: "cluster '\(c.prefix(40))' is not a cluster of the park",
                              zh: "产业集群“\(c.prefix(40))”不存在")
        }
        guard IndustryClassification.division(industryCode) != nil else {
            throw DomainError(code: "invalid_industry", field: "industry_code",
                              en: "industry_code must be a GB/T 4754-2017 division (two digits)", zh: "industry_code 须为 GB/T 4754-2017 行业大类（两位数字）")
        }
        try totalInvestment.requirePositive(field: "total_investment")
        if let r = registeredCapital { try r.requirePositive(field: "registered_capital") }
        if let f = foreignCapital {
            if f.minor < 0 { throw DomainError(code: "out_of_range", field: "foreign_capital", en: "foreign_capital must be 0 or more", zh: "外方出资不能为负") }
            if let r = registeredCapital, r.currency == f.currency, f.minor > r.minor {
                throw DomainError(code: "foreign_above_registered", field: "foreign_capital",
                                  en: "foreign_capital \(f) is more than the registered capital \(r)", zh: "外方出资 \(f) 超过注册资本 \(r)")
            }
        }
        if let mu = landNeedMu { _ = try Bounds.quantity(mu, field: "land_need_mu") }
        if firstContactOn > today {
            throw DomainError(code: "future_date", field: "first_contact_on", en: "first_contact_on \(firstContactOn) is after today (\(today))",
                              zh: "首次接洽日期 \(firstContactOn) 晚于今天（\(today)）")
        }
        if confidential {
            let name = (codeName ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty { throw DomainError.required("code_name") }
            try InvestmentRules.name(name, field: "code_name", required: true)
        }
    }
}

/// Shared checks of the module's text fields.
public enum InvestmentRules {
    public static let maxName = 200

    public static func name(_ value: String, field: String, required: Bool) throws(DomainError) {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && v.isEmpty { throw DomainError.required(field) }
        if v.count > maxName { throw DomainError.tooLong(field, max: maxName) }
    }
}
