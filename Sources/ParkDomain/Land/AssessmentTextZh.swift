import Foundation

/// The Chinese twin of `AssessmentText` and of the engine's trace texts: the same numbers as the
/// English trace (same rounding, same thousands separators), with Chinese units (元, 万元, 亩,
/// 元/亩, 人, 吨标准煤) and wording. Nothing here may leave an English word in the text; the only
/// Latin letters are "N" in "（N = 20）" and whatever a custom commitment's label says.
enum AssessmentTextZh {
    typealias T = AssessmentText

    /// `a op b` with spaces around `op`, except right after a full-width closing bracket or
    /// colon, whose own spacing already separates: "元（45,000 万元）÷ 100 亩".
    static func join(_ a: String, _ op: String, _ b: String) -> String {
        let tight = a.hasSuffix("）") || a.hasSuffix("：") || a.hasSuffix("；") || a.hasSuffix("，")
        return a + (tight ? "" : " ") + op + " " + b
    }

    // MARK: Numbers with units

    /// Whole yuan with the 万元 figure: "450,000,000 元（45,000 万元）".
    static func yuan(_ x: Double) -> String {
        abs(x) >= 10_000 ? "\(T.grouped(x)) 元（\(T.plain(x / 10_000, maxDecimals: 2)) 万元）" : "\(T.plain(x, maxDecimals: 2)) 元"
    }

    /// Yuan per mu with the 万元 figure: "4,500,000 元/亩（450 万元/亩）".
    static func yuanPerMu(_ x: Double) -> String {
        abs(x) >= 10_000 ? "\(T.grouped(x)) 元/亩（\(T.plain(x / 10_000, maxDecimals: 2)) 万元/亩）" : "\(T.plain(x, maxDecimals: 2)) 元/亩"
    }

    /// An area in mu: "100 亩", "37.52 亩".
    static func mu(_ x: Double) -> String { "\(T.plain(x, maxDecimals: 2)) 亩" }

    /// A share as a percentage: 0.032 → "3.20%".
    static func percent(_ x: Double) -> String { "\(T.grouped(x * 100, decimals: 2))%" }

    /// The value of a commitment kind in its unit.
    static func value(_ x: Double, kind: CommitmentKind, label: String = "") -> String {
        switch kind {
        case .totalInvestment: yuan(x)
        case .investmentIntensity, .taxPerMu, .outputPerMu: yuanPerMu(x)
        case .rdRatio: percent(x)
        case .valueAddedPerEnergy: "\(T.grouped(x)) 元/吨标准煤（\(T.plain(x / 10_000, maxDecimals: 3)) 万元/吨标准煤）"
        case .valueAddedPerEmissions: "\(T.grouped(x)) 元/吨排放量"
        case .jobs: "\(T.plain(x, maxDecimals: 1)) 人"
        case .productionStart: T.plain(x, maxDecimals: 3)
        case .custom: label.isEmpty ? T.plain(x, maxDecimals: 4) : "\(T.plain(x, maxDecimals: 4))（\(label)）"
        }
    }

    /// The figures of a report year that make up the kind's yearly value, in words.
    static func terms(_ t: YearTerm, kind: CommitmentKind) -> String {
        switch kind {
        case .totalInvestment: "累计投资 \(yuan(t.num))"
        case .investmentIntensity: join("累计投资 \(yuan(t.num))", "÷", mu(t.den))
        case .taxPerMu: join("税收 \(yuan(t.num))", "÷", mu(t.den))
        case .outputPerMu: join("营业收入 \(yuan(t.num))", "÷", mu(t.den))
        case .rdRatio: join("研发投入 \(yuan(t.num))", "÷", "营业收入 \(yuan(t.den))")
        case .valueAddedPerEnergy: join("增加值 \(yuan(t.num))", "÷", "\(T.plain(t.den, maxDecimals: 2)) 吨标准煤")
        case .valueAddedPerEmissions: join("增加值 \(yuan(t.num))", "÷", "\(T.plain(t.den, maxDecimals: 2)) 吨排放量")
        case .jobs: "年均从业人数 \(T.plain(t.num, maxDecimals: 1)) 人"
        case .productionStart, .custom: T.plain(t.num, maxDecimals: 4)
        }
    }

    /// A yearly value without its unit, for lists.
    static func compact(_ x: Double, kind: CommitmentKind) -> String {
        switch kind {
        case .rdRatio: percent(x)
        case .jobs: T.plain(x, maxDecimals: 1)
        case .custom: T.plain(x, maxDecimals: 4)
        default: T.grouped(x)
        }
    }

    // MARK: Trace texts

    /// How the value was formed, e.g. "最近一年（2031 年）：累计投资 … ÷ 100 亩 = …".
    static func measure(_ c: Commitment, terms: [YearTerm], value: Double) -> String {
        let shown = Self.value(value, kind: c.kind, label: c.label)
        let last = terms[terms.count - 1]
        func single(_ t: YearTerm) -> String {
            let parts = Self.terms(t, kind: c.kind)
            return t.den == 1 && c.kind != .custom ? parts : join(parts, "=", shown)
        }
        switch c.measure {
        case .latest:
            return "最近一年（\(last.year) 年）：\(single(last))"
        case .cumulative:
            switch c.kind.shape {
            case .stock:
                return "累计口径（累计投资本身即为累计数，取最近一年数值）\(last.year) 年：\(single(last))"
            case .flow:
                let sum = terms.reduce(0.0) { $0 + $1.num }
                let span = "\(terms[0].year)–\(last.year) 年，共 \(terms.count) 年"
                let total = [.taxPerMu, .outputPerMu].contains(c.kind) ? yuan(sum) : T.plain(sum, maxDecimals: 2)
                var text = "累计 \(span)：Σ \(flowName(c.kind)) \(total)"
                if last.den != 1 { text = join(text, "÷", mu(last.den)) }
                return join(text, "=", shown)
            case .pooledRatio:
                let num = terms.reduce(0.0) { $0 + $1.num }, den = terms.reduce(0.0) { $0 + $1.den }
                let (numName, denName, denUnit) = pooledNames(c.kind)
                let denText = c.kind == .rdRatio ? yuan(den) : "\(T.plain(den, maxDecimals: 2)) \(denUnit)"
                let ratio = join("累计 \(terms[0].year)–\(last.year) 年：Σ \(numName) \(yuan(num))", "÷", "Σ \(denName) \(denText)")
                return join(ratio, "=", shown)
            }
        case .averageLastYears:
            let k = Swift.max(c.years, 1)
            let used = Array(terms.suffix(k))
            let each = used.map { "\($0.year) 年 \(compact($0.num / $0.den, kind: c.kind))" }.joined(separator: " · ")
            let fewer = used.count < k ? "（仅 \(used.count) 年有报告，按这 \(used.count) 年平均）" : ""
            return "最近 \(k) 年平均\(fewer)：\(each) → Σ ÷ \(used.count) = \(shown)"
        }
    }

    /// What the summed yearly figure of a flow kind is called (Σ 税收 ÷ 面积).
    static func flowName(_ kind: CommitmentKind) -> String {
        switch kind {
        case .taxPerMu: "税收"
        case .outputPerMu: "营业收入"
        case .jobs: "年均从业人数"
        default: "数值"
        }
    }

    /// The numerator, denominator and the denominator's unit of a pooled ratio.
    static func pooledNames(_ kind: CommitmentKind) -> (String, String, String) {
        switch kind {
        case .rdRatio: ("研发投入", "营业收入", "元")
        case .valueAddedPerEnergy: ("增加值", "综合能耗", "吨标准煤")
        case .valueAddedPerEmissions: ("增加值", "排放量", "吨")
        default: ("数值", "基数", "")
        }
    }

    /// "目标 ≥ 4,000,000 元/亩（400 万元/亩）→ 完成率 1.125（计分按 1）→ 达标".
    static func ratio(_ c: Commitment, value: Double, ratio: Double, met: Bool, cap: Double) -> String {
        let atMost = c.direction == .atMost
        let target = "目标 \(atMost ? "≤" : "≥") \(Self.value(c.target, kind: c.kind, label: c.label))"
        let how: String
        if !atMost && c.target <= 0 { how = "目标值不大于 0，任何实际值均视为达标（完成率 1）" }
        else if atMost && value <= 0 { how = "实际值不大于 0，满足任何上限（完成率 1）" }
        else { how = "完成率\(atMost ? "（目标值 ÷ 实际值）" : " ")\(T.plain(ratio, maxDecimals: 4))" }
        let counted = ratio > cap ? "（计分按 \(T.plain(cap, maxDecimals: 4))）" : ""
        return join(join(target, "→", how + counted), "→", met ? "达标" : "未达标")
    }

    /// The rule that fired, with its numbers: the Chinese twin of `AssessmentEngine.ruleText`.
    static func rule(kind: ProposalKind, years: Int, score: Double, weighted: Bool, results: [CommitmentResult],
                     firstTermYears: Int, ruleset: AssessmentRuleset) -> String {
        let mandatory = results.filter(\.mandatory)
        let missed = mandatory.filter { !$0.met }
        let missedText = missed.map { "第 \($0.index + 1) 项（\($0.kind.indicatorName.zh)）" }.joined(separator: "、")
        let total = firstTermYears + years
        let extendShort = "续期 \(years) 年（总年限 \(total) 年）"
        let reclaim = "不予续期：首期 \(firstTermYears) 年届满时收回土地"
        guard weighted else {
            let what = results.isEmpty ? "无可评估的承诺指标" : "承诺指标均无权重（得分无意义）"
            return missed.isEmpty
                ? join(what, "→", "\(extendShort)，待经办人员复核")
                : join("\(what)，且约束性指标\(missedText)未达标", "→", reclaim)
        }
        let shown = T.score(score, against: [ruleset.fullExtensionMinScore, ruleset.shortExtensionMinScore])
        let fullMin = T.plain(ruleset.fullExtensionMinScore, maxDecimals: 2)
        let shortMin = T.plain(ruleset.shortExtensionMinScore, maxDecimals: 2)
        switch kind {
        case .extendFull:
            let why: String
            if mandatory.isEmpty { why = "（无约束性指标）" }
            else if missed.isEmpty { why = "，且 \(mandatory.count) 项约束性指标全部达标" }
            else { why = "（本规则集续期至最长年限不要求约束性指标全部达标；\(mandatory.count) 项约束性指标中 \(missed.count) 项未达标）" }
            return join("加权得分 \(shown) ≥ \(fullMin)\(why)", "→", "续期至总年限 \(total) 年（N = \(years)）")
        case .extendShort:
            if score >= ruleset.fullExtensionMinScore - AssessmentRules.tolerance {
                return join("加权得分 \(shown) ≥ \(fullMin)，但约束性指标\(missedText)未达标；得分 ≥ \(shortMin)", "→", extendShort)
            }
            return join("加权得分 \(shown) ≥ \(shortMin) 但 < \(fullMin)", "→", extendShort)
        case .reclaim:
            return join("加权得分 \(shown) < \(shortMin)", "→", reclaim)
        }
    }
}
