import Foundation

/// A section (门类, letter A–T) of GB/T 4754-2017 (国民经济行业分类).
public struct IndustrySection: Sendable, Hashable, Codable {
    public let code: String
    public let name: Bilingual
    public init(code: String, name: Bilingual) { self.code = code; self.name = name }
}

/// A division (大类, two digits 01–97) of GB/T 4754-2017; `section` is its section letter.
public struct IndustryDivision: Sendable, Hashable, Codable {
    public let code: String
    public let section: String
    public let name: Bilingual
    public init(code: String, section: String, name: Bilingual) {
        self.code = code; self.section = section; self.name = name
    }
}

/// GB/T 4754-2017 as data: its 20 sections and 97 divisions (numbered 01–97 without gaps).
public enum IndustryClassification {
    public static let sections: [IndustrySection] = sectionRows.split(separator: "\n").map { line in
        let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return IndustrySection(code: f[0], name: Bilingual(zh: f[1], en: f[2]))
    }

    public static let divisions: [IndustryDivision] = divisionRows.split(separator: "\n").map { line in
        let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return IndustryDivision(code: f[0], section: f[1], name: Bilingual(zh: f[2], en: f[3]))
    }

    private static let byCode: [String: IndustryDivision] =
        Dictionary(uniqueKeysWithValues: divisions.map { ($0.code, $0) })

    /// The division with this exact two-digit code.
    public static func division(_ code: String) -> IndustryDivision? { byCode[code] }

    /// The section with this letter (upper case).
    public static func section(_ code: String) -> IndustrySection? { sections.first { $0.code == code } }

    /// Reads a division from what people type: "27", "C27", "c27", " 27 ", or a group or class
    /// code ("271", "2710", "C2710") of which the first two digits are the division. A leading
    /// section letter must be the division's own section. Returns nil for anything else.
    public static func normalise(_ raw: String) -> String? {
        var s = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
        var letter: String?
        if let first = s.first, first.isASCII, first.isLetter {
            letter = String(first)
            s = s.dropFirst()
        }
        guard (2...4).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let division = byCode[String(s.prefix(2))] else { return nil }
        if let letter, letter != division.section { return nil }
        return division.code
    }

    private static let sectionRows = """
    A|农、林、牧、渔业|Agriculture, forestry, animal husbandry and fishery
    B|采矿业|Mining
    C|制造业|Manufacturing
    D|电力、热力、燃气及水生产和供应业|Production and supply of electricity, heat, gas and water
    E|建筑业|Construction
    F|批发和零售业|Wholesale and retail trade
    G|交通运输、仓储和邮政业|Transport, storage and postal services
    H|住宿和餐饮业|Accommodation and catering
    I|信息传输、软件和信息技术服务业|Information transmission, software and information technology services
    J|金融业|Finance
    K|房地产业|Real estate
    L|租赁和商务服务业|Leasing and business services
    M|科学研究和技术服务业|Scientific research and technical services
    N|水利、环境和公共设施管理业|Water conservancy, environment and public facilities management
    O|居民服务、修理和其他服务业|Resident services, repair and other services
    P|教育|Education
    Q|卫生和社会工作|Health and social work
    R|文化、体育和娱乐业|Culture, sports and entertainment
    S|公共管理、社会保障和社会组织|Public administration, social security and social organisations
    T|国际组织|International organisations
    """

    private static let divisionRows = """
    01|A|农业|Agriculture
    02|A|林业|Forestry
    03|A|畜牧业|Animal husbandry
    04|A|渔业|Fishery
    05|A|农、林、牧、渔专业及辅助性活动|Support activities for agriculture, forestry, animal husbandry and fishery
    06|B|煤炭开采和洗选业|Mining and washing of coal
    07|B|石油和天然气开采业|Extraction of petroleum and natural gas
    08|B|黑色金属矿采选业|Mining of ferrous metal ores
    09|B|有色金属矿采选业|Mining of non-ferrous metal ores
    10|B|非金属矿采选业|Mining of non-metallic minerals
    11|B|开采专业及辅助性活动|Support activities for mining
    12|B|其他采矿业|Other mining
    13|C|农副食品加工业|Processing of agricultural and sideline food products
    14|C|食品制造业|Manufacture of foods
    15|C|酒、饮料和精制茶制造业|Manufacture of liquor, beverages and refined tea
    16|C|烟草制品业|Manufacture of tobacco products
    17|C|纺织业|Manufacture of textiles
    18|C|纺织服装、服饰业|Manufacture of textile garments and apparel
    19|C|皮革、毛皮、羽毛及其制品和制鞋业|Manufacture of leather, fur, feathers and related products and footwear
    20|C|木材加工和木、竹、藤、棕、草制品业|Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products
    21|C|家具制造业|Manufacture of furniture
    22|C|造纸和纸制品业|Manufacture of paper and paper products
    23|C|印刷和记录媒介复制业|Printing and reproduction of recording media
    24|C|文教、工美、体育和娱乐用品制造业|Manufacture of articles for culture, education, arts and crafts, sport and entertainment
    25|C|石油、煤炭及其他燃料加工业|Processing of petroleum, coal and other fuels
    26|C|化学原料和化学制品制造业|Manufacture of raw chemical materials and chemical products
    27|C|医药制造业|Manufacture of medicines
    28|C|化学纤维制造业|Manufacture of chemical fibres
    29|C|橡胶和塑料制品业|Manufacture of rubber and plastic products
    30|C|非金属矿物制品业|Manufacture of non-metallic mineral products
    31|C|黑色金属冶炼和压延加工业|Smelting and pressing of ferrous metals
    32|C|有色金属冶炼和压延加工业|Smelting and pressing of non-ferrous metals
    33|C|金属制品业|Manufacture of metal products
    34|C|通用设备制造业|Manufacture of general-purpose machinery
    35|C|专用设备制造业|Manufacture of special-purpose machinery
    36|C|汽车制造业|Manufacture of automobiles
    37|C|铁路、船舶、航空航天和其他运输设备制造业|Manufacture of railway, ship, aerospace and other transport equipment
    38|C|电气机械和器材制造业|Manufacture of electrical machinery and equipment
    39|C|计算机、通信和其他电子设备制造业|Manufacture of computers, communication and other electronic equipment
    40|C|仪器仪表制造业|Manufacture of measuring instruments and meters
    41|C|其他制造业|Other manufacturing
    42|C|废弃资源综合利用业|Comprehensive utilisation of waste resources
    43|C|金属制品、机械和设备修理业|Repair of metal products, machinery and equipment
    44|D|电力、热力生产和供应业|Production and supply of electricity and heat
    45|D|燃气生产和供应业|Production and supply of gas
    46|D|水的生产和供应业|Production and supply of water
    47|E|房屋建筑业|Construction of buildings
    48|E|土木工程建筑业|Civil engineering
    49|E|建筑安装业|Construction installation
    50|E|建筑装饰、装修和其他建筑业|Building decoration, renovation and other construction
    51|F|批发业|Wholesale trade
    52|F|零售业|Retail trade
    53|G|铁路运输业|Rail transport
    54|G|道路运输业|Road transport
    55|G|水上运输业|Water transport
    56|G|航空运输业|Air transport
    57|G|管道运输业|Pipeline transport
    58|G|多式联运和运输代理业|Multimodal transport and transport agency
    59|G|装卸搬运和仓储业|Loading, unloading, handling and storage
    60|G|邮政业|Postal services
    61|H|住宿业|Accommodation
    62|H|餐饮业|Catering
    63|I|电信、广播电视和卫星传输服务|Telecommunications, broadcasting and satellite transmission services
    64|I|互联网和相关服务|Internet and related services
    65|I|软件和信息技术服务业|Software and information technology services
    66|J|货币金融服务|Monetary and financial services
    67|J|资本市场服务|Capital market services
    68|J|保险业|Insurance
    69|J|其他金融业|Other financial services
    70|K|房地产业|Real estate
    71|L|租赁业|Leasing
    72|L|商务服务业|Business services
    73|M|研究和试验发展|Research and experimental development
    74|M|专业技术服务业|Professional technical services
    75|M|科技推广和应用服务业|Technology promotion and application services
    76|N|水利管理业|Water conservancy management
    77|N|生态保护和环境治理业|Ecological protection and environmental treatment
    78|N|公共设施管理业|Public facilities management
    79|N|土地管理业|Land management
    80|O|居民服务业|Resident services
    81|O|机动车、电子产品和日用产品修理业|Repair of motor vehicles, electronic products and household goods
    82|O|其他服务业|Other services
    83|P|教育|Education
    84|Q|卫生|Health
    85|Q|社会工作|Social work
    86|R|新闻和出版业|News and publishing
    87|R|广播、电视、电影和录音制作业|Radio, television, film and sound recording production
    88|R|文化艺术业|Culture and arts
    89|R|体育|Sports
    90|R|娱乐业|Entertainment
    91|S|中国共产党机关|Organs of the Communist Party of China
    92|S|国家机构|State organs
    93|S|人民政协、民主党派|CPPCC and democratic parties
    94|S|社会保障|Social security
    95|S|群众团体、社会团体和其他成员组织|Mass organisations, social groups and other membership organisations
    96|S|基层群众自治组织及其他组织|Grassroots self-governing organisations and other organisations
    97|T|国际组织|International organisations
    """
}
