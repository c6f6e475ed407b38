import Foundation

/// One kind of need the park serves (a line of the service catalogue, kept as data): which
/// department leads by default and the time limits, in working days.
public struct ServiceCategory: Sendable, Codable, Hashable, Identifiable {
    public var code: String
    public var name: Bilingual
    public var leadDepartment: String
    public var acceptDays: Int
    public var firstReplyDays: Int
    public var resolveDays: Int
    /// The most a resolution limit may be extended to (once, with a reason).
    public var maxResolveDays: Int
    /// The lead must accept or return a misrouted request within this many working days.
    public var returnDays: Int
    public var warnPercent: Int
    public var leaderPercent: Int
    public var active: Bool

    public var id: String { code }

    public init(code: String, name: Bilingual, leadDepartment: String, acceptDays: Int = 1, firstReplyDays: Int = 3,
                resolveDays: Int = 15, maxResolveDays: Int = 30, returnDays: Int = 2, warnPercent: Int = 80,
                leaderPercent: Int = 150, active: Bool = true) {
        self.code = code; self.name = name; self.leadDepartment = leadDepartment; self.acceptDays = acceptDays
        self.firstReplyDays = firstReplyDays; self.resolveDays = resolveDays; self.maxResolveDays = maxResolveDays
        self.returnDays = returnDays; self.warnPercent = warnPercent; self.leaderPercent = leaderPercent; self.active = active
    }

    /// The limit of a clock of this kind.
    public func limit(_ kind: ClockKind) -> Int {
        switch kind {
        case .accept: acceptDays
        case .firstReply: firstReplyDays
        case .resolve: resolveDays
        }
    }

    /// A new clock of this kind started on `day`.
    public func clock(_ kind: ClockKind, startedOn day: LocalDate, limit: Int? = nil) -> ServiceClock {
        ServiceClock(kind: kind, startedOn: day, limitDays: limit ?? self.limit(kind), warnPercent: warnPercent,
                     leaderPercent: leaderPercent)
    }

    /// Checks the category as data: a code, both names, limits in order (1 ≤ accept ≤ first reply
    /// ≤ resolve ≤ max ≤ 250 working days), thresholds 1–100 % and above 100 %.
    public func validate(departments: Set<String>) throws(DomainError) {
        let ok = (2...40).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        guard ok else {
            throw DomainError(code: "invalid_code", field: "code", en: "a category code is 2–40 lower-case letters, digits or _",
                              zh: "类别代码须为 2–40 位小写字母、数字或下划线")
        }
        for (field, text) in [("name_zh", name.zh), ("name_en", name.en)] {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { throw DomainError.required(field) }
            if t.count > 100 { throw DomainError.tooLong(field, max: 100) }
        }
        guard departments.contains(leadDepartment) else {
            throw DomainError(code: "unknown_department", field: "lead_department",
                              en: "no department has the code \(leadDepartment)", zh: "不存在代码为 \(leadDepartment) 的部门")
        }
        for (field, v) in [("accept_days", acceptDays), ("first_reply_days", firstReplyDays), ("resolve_days", resolveDays),
                           ("max_resolve_days", maxResolveDays), ("return_days", returnDays)] {
            _ = try Bounds.check(v, in: 1...250, field: field)
        }
        guard acceptDays <= firstReplyDays, firstReplyDays <= resolveDays, resolveDays <= maxResolveDays else {
            throw DomainError(code: "limits_order", field: "resolve_days",
                              en: "limits must run accept ≤ first reply ≤ resolve ≤ maximum", zh: "时限须满足 受理 ≤ 首次答复 ≤ 办结 ≤ 最长延期")
        }
        _ = try Bounds.check(warnPercent, in: 1...100, field: "warn_percent")
        _ = try Bounds.check(leaderPercent, in: 101...1000, field: "leader_percent")
    }
}

/// The park's service catalogue as shipped; a park edits it as data (`parkos service catalogue import`).
public enum ServiceCatalogue {
    public static let defaults: [ServiceCategory] = [
        ServiceCategory(code: "customs_clearance", name: Bilingual(zh: "通关与进出口", en: "Customs clearance"), leadDepartment: "customs"),
        ServiceCategory(code: "special_bio_items", name: Bilingual(zh: "特殊物品（生物制品）通关", en: "Special biological items"),
                        leadDepartment: "customs", resolveDays: 20),
        ServiceCategory(code: "permits", name: Bilingual(zh: "证照与审批", en: "Permits and licences"), leadDepartment: "market"),
        ServiceCategory(code: "land_planning", name: Bilingual(zh: "用地与规划", en: "Land and planning"), leadDepartment: "land"),
        ServiceCategory(code: "tax", name: Bilingual(zh: "税务", en: "Tax"), leadDepartment: "tax", resolveDays: 10),
        ServiceCategory(code: "talent_visas", name: Bilingual(zh: "人才与签证", en: "Talent and visas"), leadDepartment: "service"),
        ServiceCategory(code: "financing", name: Bilingual(zh: "融资", en: "Financing"), leadDepartment: "econ"),
        ServiceCategory(code: "utilities", name: Bilingual(zh: "水电气与基础设施", en: "Utilities"), leadDepartment: "service", resolveDays: 10),
        ServiceCategory(code: "health_permits", name: Bilingual(zh: "卫生与药械", en: "Health and medical products"), leadDepartment: "health"),
        ServiceCategory(code: "investment", name: Bilingual(zh: "投资与项目落地", en: "Investment and projects"), leadDepartment: "invest"),
        ServiceCategory(code: "other", name: Bilingual(zh: "其他诉求", en: "Other"), leadDepartment: "service"),
    ]

    /// CSV columns of the catalogue (import and export).
    public static let columns = ["code", "name_zh", "name_en", "lead_department", "accept_days", "first_reply_days",
                                 "resolve_days", "max_resolve_days", "return_days", "warn_percent", "leader_percent", "active"]
}
