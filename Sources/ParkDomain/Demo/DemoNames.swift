/// Brand stems and company-name patterns for the demo park. A stem comes in both languages:
/// western brands are built from syllables with their usual Chinese transliteration, Japanese and
/// Korean ones from name parts with their characters, Chinese ones from characters with their
/// romanisation (pinyin on the mainland, Wade–Giles in Taiwan, Cantonese in Hong Kong and Macao).
enum DemoNames {
    struct Stem: Sendable { let zh: String; let en: String }

    enum Style: Sendable { case western, japanese, korean, taiwanese, cantonese }

    /// How investors from `country` name their firms.
    static func style(for country: String, _ rng: inout SeededGenerator) -> Style {
        switch country {
        case "JP": .japanese
        case "KR": .korean
        case "TW": .taiwanese
        case "HK", "MO": .cantonese
        case "SG", "MY", "VG", "KY": rng.chance(50) ? .cantonese : .western
        default: .western
        }
    }

    static func stem(_ style: Style, _ rng: inout SeededGenerator) -> Stem {
        switch style {
        case .western:
            let a = rng.pick(westernHeads), b = rng.pick(westernTails)
            return Stem(zh: a.1 + b.1, en: a.0 + b.0)
        case .japanese:
            let a = rng.pick(japaneseHeads), b = rng.pick(japaneseTails)
            return Stem(zh: a.1 + b.1, en: a.0 + b.0)
        case .korean:
            let a = rng.pick(koreanHeads), b = rng.pick(koreanTails)
            return Stem(zh: a.1 + b.1, en: a.0 + b.0)
        case .taiwanese, .cantonese:
            let i = rng.below(chineseSyllables.count)
            var j = rng.below(chineseSyllables.count - 1)
            if j >= i { j += 1 }
            let a = chineseSyllables[i], b = chineseSyllables[j]
            return style == .taiwanese ? Stem(zh: a.0 + b.0, en: a.1 + " " + b.1)
                                       : Stem(zh: a.0 + b.0, en: a.2 + " " + b.2)
        }
    }

    /// A mainland brand of two characters with its pinyin ("信锐", "Xinrui"; "新安", "Xin'an").
    static func domesticBrand(_ rng: inout SeededGenerator) -> Stem {
        let i = rng.below(pinyin.count)
        var j = rng.below(pinyin.count - 1)
        if j >= i { j += 1 }
        let a = pinyin[i], b = pinyin[j]
        let joint = b.1.first.map { "aeo".contains($0) } == true ? "'" : ""
        return Stem(zh: a.0 + b.0, en: a.1.prefix(1).uppercased() + a.1.dropFirst() + joint + b.1)
    }

    /// Brands taken by the Fortune Global 500 groups and other famous firms: never generated.
    static let reservedStems: Set<String> = Set(DemoParent.all.map(\.stemEn) + DemoParent.all.map(\.stemZh)
        + ["Samsung", "Daewoo", "Hanwha", "Toyoda", "Yamaha", "Kawasaki", "Matsushita", "Kumho", "Alcon", "Nortel", "Valheim", "Alcor",
           "Daedo", "Sandvik", "Monsanto", "Solvay", "Fujita"])

    static let westernHeads: [(String, String)] = [
        ("Al", "艾"), ("Am", "安"), ("Bel", "贝"), ("Cal", "卡"), ("Cor", "科"), ("Dan", "丹"), ("Del", "德"),
        ("El", "埃"), ("Fal", "法"), ("Gar", "加"), ("Hal", "哈"), ("Il", "伊"), ("Kel", "凯"), ("Lan", "兰"),
        ("Lin", "林"), ("Mer", "默"), ("Mon", "蒙"), ("Nor", "诺"), ("Ol", "奥"), ("Pal", "帕"), ("Ren", "雷"),
        ("Ros", "罗"), ("Sal", "萨"), ("Tal", "塔"), ("Ul", "乌"), ("Val", "瓦"), ("Ven", "文"), ("Wal", "沃"),
        ("Wes", "韦"), ("Bren", "布伦"), ("Ster", "斯特"), ("Gran", "格兰"), ("Kron", "克朗"), ("Trel", "特雷"),
    ]
    static let westernTails: [(String, String)] = [
        ("tec", "泰克"), ("tronik", "特罗尼克"), ("gen", "根"), ("mark", "马克"), ("ton", "顿"), ("dex", "德克斯"),
        ("lux", "卢克斯"), ("vis", "维斯"), ("mar", "玛"), ("ris", "里斯"), ("bach", "巴赫"), ("berg", "伯格"),
        ("ford", "福德"), ("ion", "恩"), ("ven", "文"), ("tis", "蒂斯"), ("nova", "诺瓦"), ("quist", "奎斯特"),
        ("stad", "斯塔德"), ("wick", "威克"), ("sen", "森"), ("tel", "特尔"), ("rex", "雷克斯"), ("via", "维亚"),
        ("dyne", "戴恩"), ("metrix", "美特瑞克斯"), ("lon", "隆"), ("field", "菲尔德"), ("heim", "海姆"),
        ("vance", "万斯"),
    ]
    static let japaneseHeads: [(String, String)] = [
        ("Yama", "山"), ("Kawa", "川"), ("Taka", "高"), ("Naka", "中"), ("Matsu", "松"), ("Fuji", "富士"),
        ("Hira", "平"), ("Shima", "岛"), ("Mori", "森"), ("Ishi", "石"), ("Kita", "北"), ("Minami", "南"),
        ("Nishi", "西"), ("Higashi", "东"), ("Oka", "冈"), ("Sakura", "樱"), ("Ao", "青"), ("Kuro", "黑"),
        ("Shira", "白"), ("Toyo", "丰"), ("Naga", "长"), ("Hoshi", "星"), ("Asa", "朝"), ("Kane", "金"),
    ]
    static let japaneseTails: [(String, String)] = [
        ("moto", "本"), ("da", "田"), ("no", "野"), ("mura", "村"), ("saki", "崎"), ("hara", "原"),
        ("kawa", "川"), ("zawa", "泽"), ("oka", "冈"), ("shita", "下"), ("ki", "木"), ("ya", "屋"),
        ("uchi", "内"), ("tani", "谷"), ("hashi", "桥"), ("be", "部"),
    ]
    static let koreanHeads: [(String, String)] = [
        ("Dae", "大"), ("Han", "韩"), ("Sam", "三"), ("Hyun", "贤"), ("Sung", "成"), ("Dong", "东"),
        ("Young", "永"), ("Jin", "真"), ("Kum", "锦"), ("Il", "一"), ("Seo", "瑞"), ("Kuk", "国"),
        ("Shin", "新"), ("Hwa", "和"),
    ]
    static let koreanTails: [(String, String)] = [
        ("won", "元"), ("woo", "宇"), ("kwang", "光"), ("san", "山"), ("jin", "进"), ("yang", "洋"),
        ("heung", "兴"), ("il", "一"), ("chang", "昌"), ("do", "道"), ("hwa", "华"), ("sung", "星"),
    ]
    /// Character, Wade–Giles, Cantonese.
    static let chineseSyllables: [(String, String, String)] = [
        ("鸿", "Hung", "Hung"), ("达", "Ta", "Tat"), ("华", "Hua", "Wah"), ("联", "Lien", "Luen"),
        ("嘉", "Chia", "Ka"), ("晶", "Ching", "Jing"), ("瑞", "Jui", "Sui"), ("丰", "Feng", "Fung"),
        ("宏", "Hung", "Wang"), ("铭", "Ming", "Ming"), ("昌", "Chang", "Cheong"), ("兴", "Hsing", "Hing"),
        ("益", "Yi", "Yick"), ("和", "Ho", "Wo"), ("光", "Kuang", "Kwong"), ("信", "Hsin", "Shun"),
        ("永", "Yung", "Wing"), ("泰", "Tai", "Tai"), ("利", "Li", "Lee"), ("盛", "Sheng", "Shing"),
        ("德", "Te", "Tak"), ("隆", "Lung", "Lung"), ("源", "Yuan", "Yuen"), ("富", "Fu", "Fu"),
        ("祥", "Hsiang", "Cheung"), ("裕", "Yu", "Yue"), ("茂", "Mao", "Mau"), ("建", "Chien", "Kin"),
        ("耀", "Yao", "Yiu"), ("国", "Kuo", "Kwok"), ("大", "Ta", "Tai"), ("发", "Fa", "Fat"),
    ]
    /// Character, pinyin.
    static let pinyin: [(String, String)] = [
        ("信", "xin"), ("锐", "rui"), ("博", "bo"), ("康", "kang"), ("恒", "heng"), ("创", "chuang"), ("海", "hai"),
        ("科", "ke"), ("维", "wei"), ("天", "tian"), ("华", "hua"), ("盛", "sheng"), ("泽", "ze"), ("瑞", "rui"),
        ("亚", "ya"), ("迈", "mai"), ("德", "de"), ("诺", "nuo"), ("睿", "rui"), ("景", "jing"), ("晟", "sheng"),
        ("源", "yuan"), ("宇", "yu"), ("智", "zhi"), ("微", "wei"), ("芯", "xin"), ("纳", "na"), ("凯", "kai"),
        ("达", "da"), ("鼎", "ding"), ("汇", "hui"), ("鑫", "xin"), ("同", "tong"), ("和", "he"), ("远", "yuan"),
        ("启", "qi"), ("明", "ming"), ("新", "xin"), ("佳", "jia"), ("联", "lian"), ("安", "an"), ("益", "yi"),
        ("元", "yuan"), ("晶", "jing"), ("铂", "bo"), ("思", "si"), ("拓", "tuo"), ("峰", "feng"), ("君", "jun"),
        ("致", "zhi"), ("昊", "hao"), ("星", "xing"), ("辰", "chen"), ("域", "yu"), ("川", "chuan"), ("禾", "he"),
        ("立", "li"), ("正", "zheng"), ("弘", "hong"), ("方", "fang"), ("金", "jin"), ("蓝", "lan"), ("云", "yun"),
        ("耀", "yao"), ("奥", "ao"), ("艾", "ai"), ("恩", "en"), ("欧", "ou"), ("澳", "ao"), ("优", "you"),
    ]
}
