/// A parcel's sub-area (片区) is stored as its Chinese name, as the land bureau writes it. These
/// are the park's sub-areas with their English names; a name not listed has no English form and
/// is shown as written in both languages.
public enum SubArea {
    public static let known: [String: String] = [
        "湖西": "Huxi (west of Jinji Lake)",
        "湖东": "Hudong (east of Jinji Lake)",
        "独墅湖科教创新区": "Dushu Lake Science and Education Innovation District",
        "阳澄湖半岛": "Yangcheng Lake Peninsula",
        "唯亭": "Weiting",
        "胜浦": "Shengpu",
        "娄葑": "Loufeng",
        "斜塘": "Xietang",
        "金鸡湖商务区": "Jinji Lake Business District",
        "苏州中心": "Suzhou Centre",
    ]

    public static func label(_ name: String) -> Bilingual {
        Bilingual(zh: name, en: known[name] ?? name)
    }
}
