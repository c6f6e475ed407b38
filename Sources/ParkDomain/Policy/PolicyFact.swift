import Foundation

/// A named, typed enterprise fact a policy may read (`revenue`, `permu_grade` ...). Facts are
/// data: the catalogue is a table the store can extend. Any fact may be missing for an
/// enterprise; a missing fact is never read as zero.
public struct PolicyFact: Sendable, Hashable, Codable {
    /// Where the fact comes from, for the console and the "supply this data" links.
    public enum Source: String, Sendable, Hashable, Codable { case registry, yearly, lease, permu, energy }

    /// ASCII identifier used in source files.
    public var name: String
    /// Type and unit (`PolicyType` is stored through its description for Codable; see `typeName`).
    public var type: PolicyType
    public var label: Bilingual
    public var source: Source
    /// Declared values of an enumeration (empty for open code lists such as industry codes).
    public var values: [String]

    public init(_ name: String, _ type: PolicyType, zh: String, en: String, source: Source, values: [String] = []) {
        self.name = name; self.type = type; self.label = Bilingual(zh: zh, en: en); self.source = source
        self.values = values
    }

    enum CodingKeys: String, CodingKey { case name, type, label, source, values }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let t = try c.decode(String.self, forKey: .type)
        guard let parsed = PolicyFact.parseType(t) else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown fact type \(t)")
        }
        type = parsed
        label = try c.decode(Bilingual.self, forKey: .label)
        source = try c.decode(Source.self, forKey: .source)
        values = try c.decodeIfPresent([String].self, forKey: .values) ?? []
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name); try c.encode(type.description, forKey: .type)
        try c.encode(label, forKey: .label); try c.encode(source, forKey: .source); try c.encode(values, forKey: .values)
    }

    /// Parses a type written as `PolicyType.description` (`money(yuan)`, `code(ownership)` ...).
    public static func parseType(_ s: String) -> PolicyType? {
        switch s {
        case "bool": return .bool
        case "number": return .number
        case "count": return .count
        case "money(yuan)": return .money(.cny)
        case "money(US$)": return .money(.usd)
        case "area(mu)": return .area
        case "energy(kWh)": return .energy
        case "date": return .date
        default: break
        }
        func inner(_ prefix: String) -> String? {
            s.hasPrefix(prefix + "(") && s.hasSuffix(")") ? String(s.dropFirst(prefix.count + 1).dropLast()) : nil
        }
        if let d = inner("code") { return .code(d) }
        if let d = inner("list") { return .codeList(d) }
        if let r = inner("rate") {
            let parts = r.split(separator: "/").map(String.init)
            guard parts.count == 2, let b = PolicyRateBase(rawValue: parts[1]) else { return nil }
            let c: PolicyCurrency? = parts[0] == "yuan" ? .cny : parts[0] == "US$" ? .usd : nil
            return c.map { .rate($0, b) }
        }
        return nil
    }
}

/// The facts policies may read, by name. `builtIn` lists the registry, yearly, lease, per-mu
/// and energy facts ParkOS holds; `adding(_:)` extends it.
public struct PolicyFactCatalogue: Sendable {
    public private(set) var facts: [PolicyFact]
    private var index: [String: Int]

    public init(_ facts: [PolicyFact]) {
        self.facts = facts
        index = Dictionary(facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(name: String) -> PolicyFact? { index[name].map { facts[$0] } }

    /// The catalogue with `fact` added (or replaced, by name).
    public func adding(_ fact: PolicyFact) -> PolicyFactCatalogue {
        var f = facts
        if let i = index[fact.name] { f[i] = fact } else { f.append(fact) }
        return PolicyFactCatalogue(f)
    }

    /// Certifications held as data (codes of the `certification` domain).
    public static let certificationCodes = ["high_tech", "srdi", "srdi_little_giant", "tech_sme", "gazelle", "unicorn_candidate"]

    /// The facts shipped with ParkOS.
    public static let builtIn = PolicyFactCatalogue([
        PolicyFact("industry", .code("industry"), zh: "行业大类代码", en: "Industry division code", source: .registry),
        PolicyFact("clusters", .codeList("cluster"), zh: "产业集群", en: "Clusters", source: .registry),
        PolicyFact("ownership", .code("ownership"), zh: "企业性质", en: "Ownership", source: .registry,
                   values: Ownership.allCases.map(\.rawValue)),
        PolicyFact("origin_country", .code("country"), zh: "投资来源国", en: "Origin country", source: .registry),
        PolicyFact("above_designated_size", .bool, zh: "规上企业", en: "Above designated size", source: .registry),
        PolicyFact("employees", .count, zh: "从业人数", en: "Employees", source: .registry),
        PolicyFact("founded_on", .date, zh: "成立日期", en: "Founding date", source: .registry),
        PolicyFact("regional_hq", .bool, zh: "地区总部", en: "Regional headquarters", source: .registry),
        PolicyFact("hq_tier", .code("hq_tier"), zh: "总部类型", en: "Headquarters tier", source: .registry,
                   values: ["global", "asia_pacific", "china", "regional"]),
        PolicyFact("rd_centre", .bool, zh: "研发中心", en: "R&D centre", source: .registry),
        PolicyFact("fortune500", .bool, zh: "世界500强投资", en: "Fortune Global 500 parent", source: .registry),
        PolicyFact("listed", .bool, zh: "上市企业", en: "Listed", source: .registry),
        PolicyFact("certifications", .codeList("certification"), zh: "资质认定", en: "Certifications", source: .registry,
                   values: certificationCodes),
        PolicyFact("revenue", .money(.cny), zh: "营业收入", en: "Revenue", source: .yearly),
        PolicyFact("tax", .money(.cny), zh: "税收", en: "Tax paid", source: .yearly),
        PolicyFact("rd_spend", .money(.cny), zh: "研发费用", en: "R&D expenditure", source: .yearly),
        PolicyFact("fixed_asset_investment", .money(.cny), zh: "固定资产投资", en: "Fixed-asset investment", source: .yearly),
        PolicyFact("utilised_fdi_usd", .money(.usd), zh: "新增实际使用外资", en: "Newly utilised foreign investment", source: .yearly),
        PolicyFact("employees_avg", .count, zh: "年平均从业人数", en: "Average employees", source: .yearly),
        PolicyFact("land_mu", .area, zh: "用地面积", en: "Land area", source: .lease),
        PolicyFact("lease_state", .code("lease_state"), zh: "租约状态", en: "Lease state", source: .lease,
                   values: ["active", "extended", "expiring", "terminated"]),
        PolicyFact("permu_grade", .code("permu_grade"), zh: "亩均评价等级", en: "Per-mu grade", source: .permu,
                   values: ["A", "B", "C", "D"]),
        PolicyFact("permu_d_years", .count, zh: "连续D类年数", en: "Consecutive D-grade years", source: .permu),
        PolicyFact("electricity_kwh", .energy, zh: "用电量", en: "Electricity used", source: .energy),
        // Headquarters recognition (issue 11 item 5), supplied by the firm or an officer.
        PolicyFact("managed_entities", .count, zh: "管理的企业数", en: "Entities managed", source: .registry),
        PolicyFact("managed_entities_outside_province", .count, zh: "省外管理的企业数", en: "Entities managed outside the province",
                   source: .registry),
        PolicyFact("foreign_parent_share", .number, zh: "外方母公司持股比例", en: "Foreign parent's shareholding", source: .registry),
        PolicyFact("paid_in_capital", .money(.cny), zh: "实缴注册资本", en: "Paid-in capital", source: .registry),
        PolicyFact("controlled_outside_park", .count, zh: "园区外控股企业数", en: "Controlled firms outside the park", source: .registry),
        PolicyFact("controlled_outside_revenue_share", .number, zh: "园区外控股企业营收占比",
                   en: "Share of revenue from controlled firms outside the park", source: .registry),
    ])
}
