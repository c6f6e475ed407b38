import Foundation

/// Activities the NDRC's sensitive-industry catalogue names. Some have a GB/T 4754 division
/// (real estate is K70), others have none (weapons, funds without a real project), so a
/// project declares them and the rules also map divisions to them.
public enum SensitiveActivity: String, Sendable, Codable, CaseIterable {
    case weapons
    case crossBorderWater = "cross_border_water"
    case newsMedia = "news_media"
    case realEstate = "real_estate"
    case hotels
    case cinemas
    case entertainment
    case sportsClubs = "sports_clubs"
    case fundWithoutProject = "fund_without_project"

    public var label: Bilingual {
        switch self {
        case .weapons: Bilingual(zh: "武器装备的研制生产维修", en: "weapons research, production and maintenance")
        case .crossBorderWater: Bilingual(zh: "跨境水资源开发利用", en: "development of cross-border water resources")
        case .newsMedia: Bilingual(zh: "新闻传媒", en: "news media")
        case .realEstate: Bilingual(zh: "房地产", en: "real estate")
        case .hotels: Bilingual(zh: "酒店", en: "hotels")
        case .cinemas: Bilingual(zh: "影城", en: "cinemas")
        case .entertainment: Bilingual(zh: "娱乐业", en: "entertainment")
        case .sportsClubs: Bilingual(zh: "体育俱乐部", en: "sports clubs")
        case .fundWithoutProject: Bilingual(zh: "在境外设立无具体实业项目的股权投资基金或投资平台", en: "equity funds or investment platforms abroad without a real project")
        }
    }
}

/// Why a country is sensitive under NDRC Order 11 and MOFCOM 2014 No. 3.
public enum SensitiveCountryReason: String, Sendable, Codable, CaseIterable {
    case noDiplomaticTies = "no_diplomatic_ties"
    case war
    case sanctions

    public var label: Bilingual {
        switch self {
        case .noDiplomaticTies: Bilingual(zh: "与我国未建交", en: "no diplomatic ties with China")
        case .war: Bilingual(zh: "发生战争、内乱", en: "at war or in civil strife")
        case .sanctions: Bilingual(zh: "根据我国缔结或参加的国际条约、协定等需要限制投资", en: "investment restricted by treaties or sanctions China is party to")
        }
    }
}

/// A rule's source: the document and article, in both languages.
public struct LegalReference: Sendable, Hashable, Codable {
    public var document: Bilingual
    public var article: String
    public init(document: Bilingual, article: String) { self.document = document; self.article = article }
    public func text(_ lang: Language) -> String { document.text(lang) + (article.isEmpty ? "" : (lang == .zh ? " " : ", ") + article) }
}

/// The filings an ODI project may need.
public enum FilingKind: String, Sendable, Codable, CaseIterable {
    case ndrcApproval = "ndrc_approval"
    case ndrcFiling = "ndrc_filing"
    case mofcomApproval = "mofcom_approval"
    case mofcomFiling = "mofcom_filing"
    case bankRegistration = "bank_registration"

    public var label: Bilingual {
        switch self {
        case .ndrcApproval: Bilingual(zh: "发展改革部门核准", en: "NDRC approval")
        case .ndrcFiling: Bilingual(zh: "发展改革部门备案", en: "NDRC filing")
        case .mofcomApproval: Bilingual(zh: "商务部门核准", en: "MOFCOM approval")
        case .mofcomFiling: Bilingual(zh: "商务部门备案（企业境外投资证书）", en: "Commerce filing (ODI certificate)")
        case .bankRegistration: Bilingual(zh: "银行办理境外直接投资外汇登记", en: "Foreign-exchange registration at a bank")
        }
    }

    /// The commerce certificate (企业境外投资证书) lapses when no investment follows.
    public var issuesCertificate: Bool { self == .mofcomFiling || self == .mofcomApproval }
}

/// Who receives a filing.
public enum FilingAuthority: String, Sendable, Codable, CaseIterable {
    case ndrcNational = "ndrc_national"
    case ndrcProvincial = "ndrc_provincial"
    case mofcom
    case provincialCommerce = "provincial_commerce"
    case cityCommerce = "city_commerce"
    case bank

    public var label: Bilingual {
        switch self {
        case .ndrcNational: Bilingual(zh: "国家发展改革委", en: "National Development and Reform Commission")
        case .ndrcProvincial: Bilingual(zh: "江苏省发展改革委", en: "Jiangsu Development and Reform Commission")
        case .mofcom: Bilingual(zh: "商务部", en: "Ministry of Commerce (MOFCOM)")
        case .provincialCommerce: Bilingual(zh: "江苏省商务厅", en: "Jiangsu Department of Commerce")
        case .cityCommerce: Bilingual(zh: "苏州市商务局", en: "Suzhou Municipal Bureau of Commerce")
        case .bank: Bilingual(zh: "企业开户银行（外汇登记）", en: "the firm's bank (foreign-exchange registration)")
        }
    }
}

/// One document a filing asks for.
public struct FilingDocument: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    /// Only for acquisitions and stakes in an existing company.
    public var acquisitionsOnly: Bool
    public init(code: String, name: Bilingual, acquisitionsOnly: Bool = false) {
        self.code = code; self.name = name; self.acquisitionsOnly = acquisitionsOnly
    }
}

/// The rules the filings checker applies, as versioned data with their legal references: an
/// administrator publishes a new version when a threshold or a list changes; every check
/// names the version it used, and the version in force on a date is the newest whose
/// `effectiveFrom` is not after it.
public struct FilingRuleSet: Sendable, Hashable, Codable {
    public struct Country: Sendable, Hashable, Codable {
        public var code: String
        public var reason: SensitiveCountryReason
        public init(_ code: String, _ reason: SensitiveCountryReason) { self.code = code; self.reason = reason }
    }
    public struct Industry: Sendable, Hashable, Codable {
        /// A GB/T 4754-2017 division.
        public var division: String
        public var activity: SensitiveActivity
        public init(_ division: String, _ activity: SensitiveActivity) { self.division = division; self.activity = activity }
    }
    public struct Activity: Sendable, Hashable, Codable {
        public var activity: SensitiveActivity
        /// Sensitive only for projects agreed on or after this date (the 2018 catalogue's additions).
        public var since: LocalDate?
        public init(_ activity: SensitiveActivity, since: LocalDate? = nil) { self.activity = activity; self.since = since }
    }
    public struct Documents: Sendable, Hashable, Codable {
        public var kind: FilingKind
        public var items: [FilingDocument]
    }

    public var name: String
    public var version: Int
    public var effectiveFrom: LocalDate
    public var sensitiveCountries: [Country]
    public var sensitiveActivities: [Activity]
    /// Divisions that are a sensitive activity as a whole.
    public var sensitiveDivisions: [Industry]
    /// NDRC: a local firm's project of this many US$ cents or more is filed nationally.
    public var ndrcNationalMinUSDCents: Int64
    public var ndrcFilingWorkingDays: Int
    public var approvalWorkingDays: Int
    public var mofcomCertificateWorkingDays: Int
    /// Jiangsu's commerce routing: below this the city files …
    public var commerceProvinceMinUSDCents: Int64
    /// … up to and including this the province, above it MOFCOM.
    public var commerceProvinceMaxUSDCents: Int64
    /// A commerce certificate lapses this many years after it was granted when no investment was made.
    public var certificateLapseYears: Int
    public var odiMinimumBasisPoints: Int
    public var documents: [Documents]
    public var ndrc: LegalReference
    public var ndrcSensitive: LegalReference
    public var ndrcThreshold: LegalReference
    public var ndrcClock: LegalReference
    public var mofcom: LegalReference
    public var mofcomClock: LegalReference
    public var mofcomLapse: LegalReference
    public var jiangsuRouting: LegalReference
    public var safe: LegalReference

    public func documents(for kind: FilingKind, form: InvestmentForm) -> [FilingDocument] {
        (documents.first { $0.kind == kind }?.items ?? []).filter { !$0.acquisitionsOnly || form != .greenfield }
    }

    /// Checks a rule set before it is published: thresholds ordered and positive, clocks 1–60
    /// working days, codes known.
    public func validate(countries: Set<String>, industries: Set<String>) throws(DomainError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw .required("name") }
        if name.count > 100 { throw .tooLong("name", max: 100) }
        for c in sensitiveCountries where !countries.contains(c.code) {
            throw DomainError(code: "unknown_country", field: "sensitive_countries", en: "'\(c.code.prefix(10))' is not an ISO 3166-1 country code",
                              zh: "“\(c.code.prefix(10))”不是 ISO 3166-1 国家代码")
        }
        for d in sensitiveDivisions where !industries.contains(d.division) {
            throw DomainError(code: "unknown_industry", field: "sensitive_divisions", en: "'\(d.division.prefix(10))' is not a GB/T 4754-2017 division",
                              zh: "“\(d.division.prefix(10))”不是 GB/T 4754-2017 行业大类")
        }
        let maxCents = Bounds.maxYuan * 100
        for (f, v) in [("ndrc_national_min_usd", ndrcNationalMinUSDCents), ("commerce_province_min_usd", commerceProvinceMinUSDCents),
                       ("commerce_province_max_usd", commerceProvinceMaxUSDCents)] where !(1...maxCents).contains(v) {
            throw Bounds.outOfRange(f, 1...maxCents / 100)
        }
        if commerceProvinceMinUSDCents > commerceProvinceMaxUSDCents {
            throw DomainError(code: "thresholds_order", field: "commerce_province_min_usd",
                              en: "the province's lower threshold is above its upper one", zh: "省级备案下限高于上限")
        }
        for (f, v) in [("ndrc_filing_working_days", ndrcFilingWorkingDays), ("approval_working_days", approvalWorkingDays),
                       ("mofcom_certificate_working_days", mofcomCertificateWorkingDays)] where !(1...60).contains(v) {
            throw Bounds.outOfRange(f, 1...60)
        }
        _ = try Bounds.check(certificateLapseYears, in: 1...10, field: "certificate_lapse_years")
        _ = try Bounds.check(odiMinimumBasisPoints, in: 1...10_000, field: "odi_minimum_basis_points")
    }
}
