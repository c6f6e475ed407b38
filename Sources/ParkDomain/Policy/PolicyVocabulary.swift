import Foundation

/// The policy language's vocabulary as data: the functions the checker accepts and the unit
/// words the parser reads after a number, with the types they give. The parser and the checker
/// look words up here, and the console's language reference is generated from the same tables
/// (with `PolicyFactCatalogue.builtIn` for the facts), so the reference cannot drift from what
/// the checker accepts.
public enum PolicyVocabulary {
    /// A built-in function.
    public struct Function: Sendable, Hashable {
        public var name: String
        /// How many arguments it takes.
        public var arity: ClosedRange<Int>
        /// How it is written, e.g. `round(x, step[, half_up|down|up])`.
        public var signature: String
        public var meaning: Bilingual
    }

    /// A unit word written after a number: the literal is the number times
    /// `numerator / denominator` in the type's micro-units, and must come out whole.
    public struct Unit: Sendable, Hashable {
        public var word: String
        public var type: PolicyType
        public var numerator: Int64
        public var denominator: Int64
        public var example: String
        public var meaning: Bilingual
        /// The message when a number does not convert exactly (nil: every number does).
        public var inexact: Bilingual?
    }

    public static let functions: [Function] = [
        Function(name: "min", arity: 2...16, signature: "min(a, b, …)",
                 meaning: Bilingual(zh: "2 至 16 个同一量纲的量中的最小值（数值与计数可混用）",
                                    en: "The smallest of 2 to 16 quantities of one dimension (numbers and counts mix)")),
        Function(name: "max", arity: 2...16, signature: "max(a, b, …)",
                 meaning: Bilingual(zh: "2 至 16 个同一量纲的量中的最大值", en: "The largest of 2 to 16 quantities of one dimension")),
        Function(name: "abs", arity: 1...1, signature: "abs(x)", meaning: Bilingual(zh: "绝对值，类型不变", en: "The absolute value, of the same type")),
        Function(name: "round", arity: 2...3, signature: "round(x, step[, half_up|down|up])",
                 meaning: Bilingual(zh: "按步长舍入：步长为与 x 同单位的正常量（如 1 yuan、100 元）；舍入方式缺省为 half_up（四舍五入），down 为舍去，up 为进一",
                                    en: "Rounds to a multiple of step, a positive constant in the unit of x (1 yuan, 100 元); half_up by default, down drops, up raises")),
        Function(name: "years_since", arity: 1...1, signature: "years_since(date)",
                 meaning: Bilingual(zh: "自该日期至评估日（as_of）的整年数（计数）", en: "Whole years from the date to the evaluation date (as_of), a count")),
    ]

    public static let units: [Unit] = [
        Unit(word: "%", type: .number, numerator: 1, denominator: 100, example: "12.5%",
             meaning: Bilingual(zh: "百分数：12.5% 即 0.125", en: "Percent: 12.5% is 0.125"),
             inexact: Bilingual(zh: "百分比最多 4 位小数", en: "a percentage has at most 4 decimals")),
        Unit(word: "yuan", type: .money(.cny), numerator: 1, denominator: 1, example: "200000 yuan",
             meaning: Bilingual(zh: "元", en: "Yuan"), inexact: nil),
        Unit(word: "元", type: .money(.cny), numerator: 1, denominator: 1, example: "200000 元",
             meaning: Bilingual(zh: "元（同 yuan）", en: "Yuan (as yuan)"), inexact: nil),
        Unit(word: "万元", type: .money(.cny), numerator: 10_000, denominator: 1, example: "500万元",
             meaning: Bilingual(zh: "万元：× 10,000 元", en: "Ten thousand yuan: × 10,000 yuan"), inexact: nil),
        Unit(word: "亿元", type: .money(.cny), numerator: 100_000_000, denominator: 1, example: "1.2亿元",
             meaning: Bilingual(zh: "亿元：× 100,000,000 元", en: "Hundred million yuan: × 100,000,000 yuan"), inexact: nil),
        Unit(word: "US$", type: .money(.usd), numerator: 1, denominator: 1, example: "10000000 US$",
             meaning: Bilingual(zh: "美元，从不与人民币混算", en: "US dollars, never mixed with yuan"), inexact: nil),
        Unit(word: "mu", type: .area, numerator: 1, denominator: 1, example: "3 mu", meaning: Bilingual(zh: "亩", en: "Mu (亩, 666.67 m²)"), inexact: nil),
        Unit(word: "m2", type: .area, numerator: 3, denominator: 2_000, example: "20000 m2",
             meaning: Bilingual(zh: "平方米，按 1 m² = 0.0015 亩精确换算", en: "Square metres, converted exactly at 1 m² = 0.0015 mu"),
             inexact: Bilingual(zh: "该平方米面积无法精确换算为亩", en: "this area in m² is not a whole micro-mu")),
        Unit(word: "kWh", type: .energy, numerator: 1, denominator: 1, example: "2000000 kWh",
             meaning: Bilingual(zh: "千瓦时（用电量）", en: "Kilowatt hours (electricity)"), inexact: nil),
        Unit(word: "person", type: .count, numerator: 1, denominator: 1, example: "120 person",
             meaning: Bilingual(zh: "人数（计数）；不带单位的数也可与计数比较", en: "People (a count); a plain number also compares with a count"), inexact: nil),
    ]

    private static let functionIndex = Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    private static let unitIndex = Dictionary(units.map { ($0.word, $0) }, uniquingKeysWith: { a, _ in a })

    public static func function(_ name: String) -> Function? { functionIndex[name] }
    public static func unit(_ word: String) -> Unit? { unitIndex[word] }

    /// A rate's literal: a money unit, `/`, then what it is per (`3万元/mu`, `0.05 yuan/kWh`).
    public static func rateExample(_ base: PolicyRateBase) -> String {
        switch base {
        case .mu: "3万元/mu"
        case .kWh: "0.05 yuan/kWh"
        case .person: "2000 yuan/person"
        case .usd: "0.07 yuan/US$"
        }
    }
}
