/// A cluster tag (产业集群). The park edits the list as data; these are the defaults seeded
/// by the first migration.
public struct Cluster: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public init(code: String, name: Bilingual) { self.code = code; self.name = name }

    public static let defaults: [Cluster] = [
        Cluster(code: "biomedicine", name: Bilingual(zh: "生物医药及大健康", en: "Biomedicine and health")),
        Cluster(code: "nanotech", name: Bilingual(zh: "纳米技术应用及新材料", en: "Nanotechnology and new materials")),
        Cluster(code: "ai", name: Bilingual(zh: "人工智能", en: "Artificial intelligence")),
        Cluster(code: "electronics", name: Bilingual(zh: "电子信息", en: "Electronic information")),
        Cluster(code: "equipment", name: Bilingual(zh: "高端装备制造", en: "High-end equipment")),
        Cluster(code: "semiconductors3g", name: Bilingual(zh: "第三代半导体", en: "Third-generation semiconductors")),
    ]
}

/// A government department an officer belongs to (data; these are the defaults).
public struct Department: Sendable, Hashable, Codable {
    public var code: String
    public var name: Bilingual
    public init(code: String, name: Bilingual) { self.code = code; self.name = name }

    public static let defaults: [Department] = [
        Department(code: "land", name: Bilingual(zh: "国土资源局", en: "Land bureau")),
        Department(code: "econ", name: Bilingual(zh: "经济发展委员会", en: "Economic development committee")),
        Department(code: "invest", name: Bilingual(zh: "投资促进局", en: "Investment promotion bureau")),
        Department(code: "tax", name: Bilingual(zh: "税务局", en: "Tax bureau")),
        Department(code: "customs", name: Bilingual(zh: "海关", en: "Customs")),
        Department(code: "market", name: Bilingual(zh: "市场监督管理局", en: "Market supervision")),
        Department(code: "health", name: Bilingual(zh: "卫生健康委员会", en: "Health commission")),
        Department(code: "service", name: Bilingual(zh: "企业服务中心", en: "Enterprise service centre")),
    ]
}
