/// The word lists the demo park is drawn from. Arrays only (never sets or dictionaries), so the
/// draw order is fixed.
enum DemoCatalog {
    /// A line of business: the words in a firm's name and the GB/T 4754 division it implies.
    struct Business: Sendable {
        let zh: String
        let en: String
        let division: String
        let weight: Int
        init(_ zh: String, _ en: String, _ division: String, _ weight: Int = 1) {
            self.zh = zh; self.en = en; self.division = division; self.weight = weight
        }
    }

    /// Lines of business per cluster code; "" holds those of firms in no cluster.
    static func businesses(for cluster: String) -> [Business] {
        switch cluster {
        case "biomedicine": biomedicine
        case "electronics": electronics
        case "nanotech": nanotech
        case "equipment": equipment
        case "ai": ai
        case "semiconductors3g": semiconductors
        default: general
        }
    }

    static let biomedicine: [Business] = [
        Business("生物科技", "Biotech", "73", 3), Business("生物医药", "Biopharmaceutical", "27", 3),
        Business("制药", "Pharmaceutical", "27", 2), Business("药业", "Pharma", "27", 2),
        Business("医疗器械", "Medical Devices", "35", 3), Business("医疗科技", "Medical Technology", "35", 2),
        Business("诊断技术", "Diagnostics", "27", 2), Business("生命科学", "Life Sciences", "73", 2),
        Business("基因技术", "Gene Technology", "73"), Business("细胞治疗", "Cell Therapy", "73"),
        Business("医药研发", "Pharmaceutical R&D", "73"), Business("影像设备", "Medical Imaging", "35"),
        Business("生物制品", "Biologics", "27"), Business("医用材料", "Medical Materials", "27"),
        Business("抗体药物", "Antibody Therapeutics", "27"), Business("康复器械", "Rehabilitation Devices", "35"),
    ]
    static let electronics: [Business] = [
        Business("电子", "Electronics", "39", 3), Business("电子科技", "Electronic Technology", "39", 3),
        Business("光电", "Optoelectronics", "39", 2), Business("通信技术", "Communication Technology", "39"),
        Business("精密电子", "Precision Electronics", "39", 2), Business("显示技术", "Display Technology", "39"),
        Business("电子元件", "Electronic Components", "39", 2), Business("微电子", "Microelectronics", "39"),
        Business("电路科技", "Circuit Technology", "39"), Business("传感技术", "Sensor Technology", "39"),
        Business("计算机", "Computer", "39"), Business("网络设备", "Network Equipment", "39"),
    ]
    static let nanotech: [Business] = [
        Business("纳米科技", "Nanotech", "26", 3), Business("新材料", "Advanced Materials", "26", 3),
        Business("纳米材料", "Nanomaterials", "26", 2), Business("精细化工", "Fine Chemicals", "26"),
        Business("涂层技术", "Coating Technology", "26"), Business("高分子材料", "Polymer Materials", "29", 2),
        Business("塑胶制品", "Plastics", "29"), Business("薄膜科技", "Film Technology", "29"),
        Business("特种陶瓷", "Advanced Ceramics", "30"), Business("玻璃科技", "Glass Technology", "30"),
        Business("精密金属", "Precision Metal", "33"), Business("表面处理", "Surface Treatment", "33"),
    ]
    static let equipment: [Business] = [
        Business("精密机械", "Precision Machinery", "34", 3), Business("智能装备", "Intelligent Equipment", "35", 2),
        Business("自动化", "Automation", "34", 2), Business("机电", "Mechatronics", "34"),
        Business("汽车部件", "Automotive Parts", "36", 2), Business("汽车电子", "Automotive Electronics", "36"),
        Business("精密仪器", "Precision Instruments", "40"), Business("测量技术", "Measurement Technology", "40"),
        Business("电气", "Electric", "38", 2), Business("动力系统", "Power Systems", "34"),
        Business("液压技术", "Hydraulics", "34"), Business("机器人", "Robotics", "34"),
        Business("半导体设备", "Semiconductor Equipment", "35"), Business("电池科技", "Battery Technology", "38"),
        Business("工业装备", "Industrial Equipment", "35"),
    ]
    static let ai: [Business] = [
        Business("智能科技", "Intelligent Technology", "65", 3), Business("信息技术", "Information Technology", "65", 3),
        Business("软件", "Software", "65", 2), Business("数据科技", "Data Technology", "65"),
        Business("人工智能", "Artificial Intelligence", "65", 2), Business("网络科技", "Network Technology", "64"),
        Business("数字科技", "Digital Technology", "64"), Business("云计算", "Cloud Computing", "64"),
        Business("视觉科技", "Vision Technology", "65"), Business("互联网科技", "Internet Technology", "64"),
    ]
    static let semiconductors: [Business] = [
        Business("半导体", "Semiconductor", "39", 3), Business("芯片科技", "Chip Technology", "39"),
        Business("碳化硅", "Silicon Carbide", "39"), Business("氮化镓", "Gallium Nitride", "39"),
        Business("功率器件", "Power Devices", "38"), Business("化合物半导体", "Compound Semiconductor", "39"),
        Business("集成电路", "Integrated Circuits", "39"), Business("功率半导体", "Power Semiconductor", "38"),
        Business("光电半导体", "Optoelectronic Semiconductor", "39"),
    ]
    static let general: [Business] = [
        Business("贸易", "Trading", "51", 4), Business("国际贸易", "International Trading", "51", 3),
        Business("商贸", "Commerce", "52", 2), Business("供应链管理", "Supply Chain Management", "72", 3),
        Business("企业管理咨询", "Management Consulting", "72", 2), Business("物流", "Logistics", "58", 2),
        Business("仓储", "Warehousing", "59", 2), Business("纺织", "Textiles", "17", 2),
        Business("食品", "Foods", "14", 2), Business("粮油", "Grain and Oil", "13"),
        Business("农产品加工", "Agri-Food Processing", "13"), Business("包装", "Packaging", "22"),
        Business("印务", "Printing", "23"), Business("家具", "Furniture", "21"),
        Business("检测技术", "Testing Services", "74", 2), Business("环境科技", "Environmental Technology", "77"),
        Business("人力资源", "Human Resources", "72"), Business("餐饮管理", "Catering Management", "62"),
        Business("酒店管理", "Hotel Management", "61"), Business("建设工程", "Construction Engineering", "48"),
        Business("置业", "Property", "70"), Business("服饰", "Apparel", "18"),
        Business("商业管理", "Commercial Management", "72"), Business("职业培训", "Vocational Training", "83"),
        Business("知识产权代理", "IP Agency", "72"), Business("融资租赁", "Financial Leasing", "66"),
        Business("会展服务", "Exhibition Services", "72"), Business("零售", "Retail", "52"),
    ]

    /// Clusters a firm of the first cluster may also belong to.
    static func secondaryClusters(for primary: String) -> [String] {
        switch primary {
        case "biomedicine": ["ai", "nanotech"]
        case "electronics": ["semiconductors3g", "ai"]
        case "nanotech": ["semiconductors3g", "biomedicine"]
        case "equipment": ["ai", "electronics"]
        case "ai": ["electronics", "biomedicine"]
        case "semiconductors3g": ["nanotech", "electronics"]
        default: []
        }
    }

    /// Origin countries of foreign investors in SIP, weighted (per mille, roughly).
    static let foreignCountries: [(String, Int)] = [
        ("US", 165), ("JP", 130), ("DE", 100), ("SG", 85), ("KR", 80), ("VG", 45), ("FR", 40),
        ("GB", 40), ("NL", 30), ("CH", 30), ("KY", 25), ("SE", 20), ("IT", 20), ("DK", 18),
        ("CA", 18), ("AU", 15), ("IE", 12), ("BE", 12), ("FI", 10), ("AT", 10), ("IL", 10),
        ("ES", 8), ("MY", 8), ("TH", 6), ("IN", 6), ("NO", 5), ("NZ", 4), ("LU", 4), ("SA", 2),
        ("AE", 2), ("BR", 2), ("RU", 2), ("MX", 1),
    ]
    static let hmtCountries: [(String, Int)] = [("HK", 60), ("TW", 37), ("MO", 3)]

    /// Streets of SIP.
    static let streets = [
        "星湖街", "金鸡湖大道", "现代大道", "苏虹中路", "苏虹东路", "苏虹西路", "星龙街", "东平街", "港田路",
        "唯新路", "新庆路", "若水路", "林泉街", "钟园路", "苏桐路", "方洲路", "星港街", "旺墩路",
        "苏州大道东", "通园路", "仁爱路", "翠微街", "启月街", "春辉路", "长阳街", "华云路", "胜浦路",
        "扬东路", "兴浦路", "东旺路", "星华街", "展业路", "青丘街", "平胜路", "松涛街", "星汉街",
        "中新大道东", "中新大道西", "苏胜路", "唯华路", "金埔路", "娄江大道",
    ]
}
