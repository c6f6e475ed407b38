import Foundation

/// A country's risk as Sinosure grades it: 1 (lowest) to 9, overall and on four dimensions,
/// with the year of the publication it comes from.
public struct CountryRisk: Sendable, Hashable, Codable {
    public var countryCode: String
    public var grade: Int
    public var political: Int
    public var economic: Int
    public var businessEnvironment: Int
    public var legal: Int
    public var sourceYear: Int

    public init(countryCode: String, grade: Int, political: Int, economic: Int, businessEnvironment: Int, legal: Int, sourceYear: Int) {
        self.countryCode = countryCode; self.grade = grade; self.political = political; self.economic = economic
        self.businessEnvironment = businessEnvironment; self.legal = legal; self.sourceYear = sourceYear
    }

    public static let grades = 1...9

    /// Refuses an unknown country, a grade or dimension outside 1–9, a source year outside 1990…this year.
    public func validate(countries: Set<String>, today: LocalDate) throws(DomainError) {
        guard countries.contains(countryCode), countryCode != "CN" else {
            throw DomainError(code: "unknown_country", field: "country", en: "'\(countryCode.prefix(10))' is not an ISO 3166-1 country code abroad",
                              zh: "“\(countryCode.prefix(10))”不是境外国家代码")
        }
        for (f, v) in [("grade", grade), ("political", political), ("economic", economic),
                       ("business_environment", businessEnvironment), ("legal", legal)] where !Self.grades.contains(v) {
            throw DomainError(code: "out_of_range", field: f, en: "\(f) must be a Sinosure grade from 1 (lowest risk) to 9", zh: "\(f) 须为中国信保评级 1（风险最低）至 9")
        }
        _ = try Bounds.check(sourceYear, in: 1990...today.year, field: "source_year")
    }

    /// Whether `self` is worse than `before` (a higher grade).
    public func worsens(_ before: CountryRisk?) -> Bool { before.map { grade > $0.grade } ?? false }

    public static func label(_ grade: Int) -> Bilingual {
        switch grade {
        case ...3: Bilingual(zh: "低风险", en: "low risk")
        case 4...6: Bilingual(zh: "中等风险", en: "medium risk")
        default: Bilingual(zh: "高风险", en: "high risk")
        }
    }
}

/// What a risk alert covers: a country, an industry, or an industry in a country.
public struct AlertScope: Sendable, Hashable, Codable {
    public var countryCode: String?
    public var industryCode: String?
    public init(countryCode: String?, industryCode: String?) { self.countryCode = countryCode; self.industryCode = industryCode }
}

/// Why an alert was published.
public enum AlertCause: String, Sendable, Codable, CaseIterable {
    case officer
    case downgrade

    public var label: Bilingual {
        switch self {
        case .officer: Bilingual(zh: "平台发布", en: "Published by the platform")
        case .downgrade: Bilingual(zh: "国别风险等级下调", en: "Country risk downgraded")
        }
    }
}

/// A risk alert to the firms with a live project in its country or industry. Its title and text
/// are stored in both languages, so every reader (the firm's portal, its inbox, the officers'
/// pages) sees them in the console's language; the platform writes a downgrade's in both itself.
public struct RiskAlert: Sendable, Hashable, Codable {
    public var id: UUID?
    public var scope: AlertScope
    public var title: Bilingual
    public var body: Bilingual
    public var cause: AlertCause
    public var publishedOn: LocalDate

    public init(id: UUID? = nil, scope: AlertScope, title: Bilingual, body: Bilingual, cause: AlertCause, publishedOn: LocalDate) {
        self.id = id; self.scope = scope; self.title = title; self.body = body; self.cause = cause; self.publishedOn = publishedOn
    }

    /// An alert names a country or an industry (or both), known ones, and says something in both
    /// languages.
    public func validate(countries: Set<String>, industries: Set<String>) throws(DomainError) {
        if scope.countryCode == nil && scope.industryCode == nil {
            throw DomainError(code: "alert_scope", field: "country",
                              en: "an alert is for a country or an industry: name at least one", zh: "风险提示须指明国家或行业（至少其一）")
        }
        if let c = scope.countryCode, !countries.contains(c) {
            throw DomainError(code: "unknown_country", field: "country", en: "'\(c.prefix(10))' is not an ISO 3166-1 country code", zh: "“\(c.prefix(10))”不是 ISO 3166-1 国家代码")
        }
        if let i = scope.industryCode, !industries.contains(i) {
            throw DomainError(code: "unknown_industry", field: "industry_code", en: "'\(i.prefix(10))' is not a GB/T 4754-2017 division", zh: "“\(i.prefix(10))”不是 GB/T 4754-2017 行业大类")
        }
        for (field, text, max) in [("title", title.zh, 200), ("title_en", title.en, 200), ("body", body.zh, 4000), ("body_en", body.en, 4000)] {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .required(field) }
            if text.count > max { throw .tooLong(field, max: max) }
        }
    }

    /// The alert a downgrade publishes, written by the platform in both languages.
    public static func downgrade(from before: CountryRisk, to after: CountryRisk, on day: LocalDate) -> RiskAlert {
        let name = Country.named(after.countryCode)?.name ?? Bilingual(zh: after.countryCode, en: after.countryCode)
        let title = Bilingual(zh: "\(name.zh)国别风险等级由 \(before.grade) 级下调至 \(after.grade) 级",
                              en: "\(name.en): country risk downgraded from \(before.grade) to \(after.grade)")
        let body = Bilingual(
            zh: "中国信保 \(after.sourceYear) 年评级：\(name.zh) 由 \(before.grade) 级（\(CountryRisk.label(before.grade).zh)）调整为 \(after.grade) 级（\(CountryRisk.label(after.grade).zh)）；政治 \(after.political)、经济 \(after.economic)、营商环境 \(after.businessEnvironment)、法律 \(after.legal)。请评估在建及运营项目的风险，必要时投保海外投资保险。",
            en: "Sinosure \(after.sourceYear): \(name.en) moves from grade \(before.grade) (\(CountryRisk.label(before.grade).en)) to \(after.grade) (\(CountryRisk.label(after.grade).en)); political \(after.political), economic \(after.economic), business environment \(after.businessEnvironment), legal \(after.legal). Review the risks of your projects there and consider overseas investment insurance.")
        return RiskAlert(scope: AlertScope(countryCode: after.countryCode, industryCode: nil), title: title, body: body, cause: .downgrade, publishedOn: day)
    }
}

/// The platform's own work for going-global firms.
public enum ServiceKind: String, Sendable, Codable, CaseIterable {
    case consultation, training, matchmaking

    public var label: Bilingual {
        switch self {
        case .consultation: Bilingual(zh: "咨询", en: "Consultation")
        case .training: Bilingual(zh: "培训", en: "Training")
        case .matchmaking: Bilingual(zh: "对接活动", en: "Matchmaking")
        }
    }
}

/// One entry of the service log: a consultation, training or matchmaking event.
public struct ServiceEvent: Sendable, Hashable, Codable {
    public var id: UUID?
    public var kind: ServiceKind
    public var date: LocalDate
    public var topic: String
    /// Where or through whom ("Singapore business centre", "online").
    public var platform: String
    public var countryCode: String?
    public var enterpriseIDs: [UUID]

    public init(id: UUID? = nil, kind: ServiceKind, date: LocalDate, topic: String, platform: String, countryCode: String?, enterpriseIDs: [UUID]) {
        self.id = id; self.kind = kind; self.date = date; self.topic = topic; self.platform = platform
        self.countryCode = countryCode; self.enterpriseIDs = enterpriseIDs
    }

    public func validate(countries: Set<String>, today: LocalDate) throws(DomainError) {
        if topic.trimmingCharacters(in: .whitespaces).isEmpty { throw .required("topic") }
        if topic.count > 200 { throw .tooLong("topic", max: 200) }
        if platform.count > 200 { throw .tooLong("platform", max: 200) }
        if let c = countryCode, !countries.contains(c) {
            throw DomainError(code: "unknown_country", field: "country", en: "'\(c.prefix(10))' is not an ISO 3166-1 country code", zh: "“\(c.prefix(10))”不是 ISO 3166-1 国家代码")
        }
        if enterpriseIDs.isEmpty {
            throw DomainError(code: "required", field: "enterprise_ids", en: "name at least one firm served", zh: "请至少选择一家服务企业")
        }
        if enterpriseIDs.count > 1000 { throw Bounds.outOfRange("enterprise_ids", 1...1000) }
        if date > today { throw DomainError(code: "future_date", field: "date", en: "date \(date) is after today (\(today))", zh: "日期 \(date) 晚于今天（\(today)）") }
    }
}
