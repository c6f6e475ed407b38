/// Fortune Global 500 groups that the demo park's subsidiaries belong to (real group names, as
/// is usual in investment statistics; the subsidiaries and all their figures are synthetic).
struct DemoParent: Sendable {
    /// The group as named in the Fortune Global 500 list.
    let name: String
    /// ISO 3166-1 alpha-2 code of the group's home.
    let country: String
    /// The brand a subsidiary's name starts with.
    let stemZh: String
    let stemEn: String
    /// Clusters of its operations in the park; empty for groups outside the park's clusters.
    let clusters: [String]
    /// Divisions of its operations when `clusters` is empty.
    let otherDivisions: [String]
    /// The board the group is listed on, nil for a private or state-owned group.
    let board: ListingBoard?
    /// How many projects it tends to run in the park, as a relative weight.
    let weight: Int

    init(_ name: String, _ country: String, _ stemZh: String, _ stemEn: String, _ clusters: [String],
         board: ListingBoard?, weight: Int = 2, other: [String] = []) {
        self.name = name; self.country = country; self.stemZh = stemZh; self.stemEn = stemEn
        self.clusters = clusters; self.otherDivisions = other; self.board = board; self.weight = weight
    }

    static let bosch = DemoParent("Robert Bosch GmbH", "DE", "博世", "Bosch", ["equipment", "electronics"],
                                  board: nil, weight: 3)

    static let all: [DemoParent] = [
        bosch,
        DemoParent("Siemens AG", "DE", "西门子", "Siemens", ["equipment", "biomedicine", "electronics"], board: .other, weight: 3),
        DemoParent("BASF SE", "DE", "巴斯夫", "BASF", ["nanotech"], board: .other),
        DemoParent("Bayer AG", "DE", "拜耳", "Bayer", ["biomedicine", "nanotech"], board: .other),
        DemoParent("Continental AG", "DE", "大陆", "Continental", ["equipment", "electronics"], board: .other),
        DemoParent("ZF Friedrichshafen AG", "DE", "采埃孚", "ZF", ["equipment"], board: nil),
        DemoParent("Fresenius SE", "DE", "费森尤斯", "Fresenius", ["biomedicine"], board: .other),
        DemoParent("Johnson & Johnson", "US", "强生", "Johnson & Johnson", ["biomedicine"], board: .nyse, weight: 3),
        DemoParent("Pfizer", "US", "辉瑞", "Pfizer", ["biomedicine"], board: .nyse),
        DemoParent("Merck & Co.", "US", "默沙东", "MSD", ["biomedicine"], board: .nyse),
        DemoParent("Abbott Laboratories", "US", "雅培", "Abbott", ["biomedicine"], board: .nyse),
        DemoParent("Thermo Fisher Scientific", "US", "赛默飞", "Thermo Fisher", ["biomedicine"], board: .nyse, weight: 3),
        DemoParent("Danaher", "US", "丹纳赫", "Danaher", ["biomedicine"], board: .nyse),
        DemoParent("General Electric", "US", "通用电气", "GE", ["equipment", "biomedicine"], board: .nyse),
        DemoParent("Honeywell International", "US", "霍尼韦尔", "Honeywell", ["equipment", "electronics", "nanotech"], board: .nasdaq),
        DemoParent("3M", "US", "3M", "3M", ["nanotech", "electronics"], board: .nyse),
        DemoParent("Microsoft", "US", "微软", "Microsoft", ["ai"], board: .nasdaq),
        DemoParent("Qualcomm", "US", "高通", "Qualcomm", ["electronics", "semiconductors3g"], board: .nasdaq),
        DemoParent("Micron Technology", "US", "美光", "Micron", ["semiconductors3g", "electronics"], board: .nasdaq),
        DemoParent("Cisco Systems", "US", "思科", "Cisco", ["ai", "electronics"], board: .nasdaq),
        DemoParent("HP Inc.", "US", "惠普", "HP", ["electronics"], board: .nyse),
        DemoParent("Dell Technologies", "US", "戴尔", "Dell", ["electronics"], board: .nyse),
        DemoParent("Caterpillar", "US", "卡特彼勒", "Caterpillar", ["equipment"], board: .nyse),
        DemoParent("Procter & Gamble", "US", "宝洁", "P&G", ["nanotech"], board: .nyse, weight: 1),
        DemoParent("Medtronic plc", "IE", "美敦力", "Medtronic", ["biomedicine"], board: .other),
        DemoParent("Samsung Electronics", "KR", "三星", "Samsung", ["electronics", "semiconductors3g"], board: .other, weight: 4),
        DemoParent("SK Hynix", "KR", "海力士", "SK Hynix", ["semiconductors3g", "electronics"], board: .other),
        DemoParent("LG Electronics", "KR", "乐金", "LG", ["electronics"], board: .other),
        DemoParent("Hyundai Motor", "KR", "现代", "Hyundai", ["equipment"], board: .other, weight: 1),
        DemoParent("POSCO Holdings", "KR", "浦项", "POSCO", ["nanotech"], board: .other, weight: 1),
        DemoParent("Hitachi", "JP", "日立", "Hitachi", ["equipment", "electronics"], board: .other, weight: 3),
        DemoParent("Panasonic Holdings", "JP", "松下", "Panasonic", ["electronics", "equipment"], board: .other, weight: 3),
        DemoParent("Sony Group", "JP", "索尼", "Sony", ["electronics"], board: .other),
        DemoParent("Toyota Motor", "JP", "丰田", "Toyota", ["equipment"], board: .other),
        DemoParent("Denso", "JP", "电装", "Denso", ["equipment", "electronics"], board: .other),
        DemoParent("Mitsubishi Electric", "JP", "三菱电机", "Mitsubishi Electric", ["equipment", "electronics"], board: .other),
        DemoParent("Takeda Pharmaceutical", "JP", "武田", "Takeda", ["biomedicine"], board: .other),
        DemoParent("Sumitomo Electric Industries", "JP", "住友电工", "Sumitomo Electric", ["electronics", "nanotech"], board: .other),
        DemoParent("Aisin Corporation", "JP", "爱信", "Aisin", ["equipment"], board: .other),
        DemoParent("Bridgestone", "JP", "普利司通", "Bridgestone", ["nanotech"], board: .other, weight: 1),
        DemoParent("Sanofi", "FR", "赛诺菲", "Sanofi", ["biomedicine"], board: .other),
        DemoParent("Schneider Electric", "FR", "施耐德电气", "Schneider Electric", ["equipment", "electronics"], board: .other),
        DemoParent("Saint-Gobain", "FR", "圣戈班", "Saint-Gobain", ["nanotech"], board: .other),
        DemoParent("Michelin", "FR", "米其林", "Michelin", ["nanotech"], board: .other, weight: 1),
        DemoParent("L'Oréal", "FR", "欧莱雅", "L'Oréal", ["biomedicine"], board: .other, weight: 1),
        DemoParent("AstraZeneca", "GB", "阿斯利康", "AstraZeneca", ["biomedicine"], board: .other),
        DemoParent("Unilever", "GB", "联合利华", "Unilever", [], board: .other, weight: 1, other: ["14", "26"]),
        DemoParent("Stellantis N.V.", "NL", "斯泰兰蒂斯", "Stellantis", ["equipment"], board: .other, weight: 1),
        DemoParent("Roche Holding", "CH", "罗氏", "Roche", ["biomedicine"], board: .other, weight: 3),
        DemoParent("Novartis", "CH", "诺华", "Novartis", ["biomedicine"], board: .other),
        DemoParent("Nestlé", "CH", "雀巢", "Nestlé", [], board: .other, weight: 1, other: ["14"]),
        DemoParent("AB Volvo", "SE", "沃尔沃", "Volvo", ["equipment"], board: .other, weight: 1),
        DemoParent("A.P. Møller-Maersk", "DK", "马士基", "Maersk", [], board: .other, weight: 1, other: ["58", "59"]),
        DemoParent("Wilmar International", "SG", "丰益", "Wilmar", [], board: .other, weight: 1, other: ["13"]),
        DemoParent("Flex Ltd.", "SG", "伟创力", "Flex", ["electronics"], board: .other, weight: 3),
        DemoParent("Hon Hai Precision Industry", "TW", "鸿海", "Hon Hai", ["electronics"], board: .other, weight: 2),
        DemoParent("Quanta Computer", "TW", "广达", "Quanta", ["electronics"], board: .other),
        DemoParent("Pegatron", "TW", "和硕", "Pegatron", ["electronics"], board: .other),
        DemoParent("CK Hutchison Holdings", "HK", "长江和记", "CK Hutchison", [], board: .hkex, weight: 1, other: ["72", "52"]),
        DemoParent("Huawei Investment & Holding", "CN", "华为", "Huawei", ["ai", "electronics"], board: nil),
        DemoParent("China Mobile Communications Group", "CN", "中移", "China Mobile", ["ai"], board: nil),
        DemoParent("China Electronics Technology Group", "CN", "中电科", "CETC", ["electronics", "semiconductors3g"], board: nil),
        DemoParent("China National Pharmaceutical Group", "CN", "国药", "Sinopharm", ["biomedicine"], board: nil),
        DemoParent("Lenovo Group", "CN", "联想", "Lenovo", ["electronics", "ai"], board: .hkex),
        DemoParent("Midea Group", "CN", "美的", "Midea", ["equipment"], board: .szseMain, weight: 1),
        DemoParent("Contemporary Amperex Technology", "CN", "宁德时代", "CATL", ["equipment"], board: .szseChinext, weight: 1),
        DemoParent("Hengli Group", "CN", "恒力", "Hengli", ["nanotech"], board: nil, weight: 1),
    ]
}
