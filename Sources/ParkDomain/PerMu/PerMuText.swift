import Foundation

/// The bilingual texts of per-mu results: how each indicator was computed, why a unit is out
/// of scope or ungraded, and a one-line summary. Numbers are locale-independent
/// (`AssessmentText`), units explicit.
enum PerMuText {
    typealias Part = (name: Bilingual, value: Double?, unit: Bilingual)

    /// The numerator and denominator figures of `indicator` in `f`.
    static func parts(_ indicator: PerMuIndicator, _ f: PerMuFigures) -> (Part, Part) {
        let wan = Bilingual(zh: "万元", en: "万元")
        let tax: Part = (Bilingual(zh: "税收", en: "tax"), f.taxWanYuan, wan)
        let va: Part = (Bilingual(zh: "增加值", en: "value added"), f.valueAddedWanYuan, wan)
        let revenue: Part = (Bilingual(zh: "主营业务收入", en: "revenue"), f.revenueWanYuan, wan)
        let land: Part = (Bilingual(zh: "用地", en: "land"), f.landMu, Bilingual(zh: "亩", en: "mu"))
        switch indicator {
        case .taxPerMu: return (tax, land)
        case .valueAddedPerMu: return (va, land)
        case .valueAddedPerEnergy:
            return (va, (Bilingual(zh: "能耗", en: "energy"), f.energyTonnesCoal, Bilingual(zh: "吨标煤", en: "t standard coal")))
        case .valueAddedPerEmissions: return (va, (Bilingual(zh: "排放量", en: "emissions"), f.emissionsTonnes, Bilingual(zh: "吨", en: "t")))
        case .labourProductivity:
            return (va, (Bilingual(zh: "平均职工人数", en: "average employees"), f.averageEmployees, Bilingual(zh: "人", en: "")))
        case .rdIntensity: return ((Bilingual(zh: "研发经费", en: "R&D spend"), f.rdSpendWanYuan, wan), revenue)
        case .taxPerKWh: return ((Bilingual(zh: "税收", en: "tax"), f.taxWanYuan.map { $0 * 10_000 }, Bilingual(zh: "元", en: "yuan")),
                                 (Bilingual(zh: "用电量", en: "electricity"), f.electricityKWh, Bilingual(zh: "千瓦时", en: "kWh")))
        case .salesPerMu: return (revenue, land)
        }
    }

    static func num(_ x: Double, _ decimals: Int = 4) -> String { AssessmentText.plain(x, maxDecimals: decimals) }

    private static func amount(_ p: Part, _ language: Language) -> String {
        guard let v = p.value else { return "?" }
        let unit = p.unit.text(language)
        return unit.isEmpty ? num(v) : "\(num(v)) \(unit)"
    }

    /// How an indicator was computed or filled.
    static func indicator(_ item: PerMuPlan.Item, figures f: PerMuFigures, value: Double, score: Double, points: Double,
                          missing: PerMuMissingRule?) -> Bilingual {
        let name = item.indicator.name, unit = item.indicator.unit
        let (n, d) = parts(item.indicator, f)
        let pts = "× \(num(item.weight)) = \(num(points)) points", ptsZh = "× 权重 \(num(item.weight)) = \(num(points)) 分"
        guard !value.isNaN else {
            let lacking = n.value == nil ? n.name : d.name
            let why = n.value == nil || d.value == nil ? Bilingual(zh: "未报\(lacking.zh)", en: "\(lacking.en) not reported")
                : Bilingual(zh: "\(d.name.zh)为 0 或无效", en: "\(d.name.en) is 0 or invalid")
            switch missing {
            case .averageScore?:
                return Bilingual(zh: "\(name.zh)：缺少数据（\(why.zh)），按该指标平均得分 \(num(score)) \(ptsZh)",
                                 en: "\(name.en): missing (\(why.en)); the indicator's average score \(num(score)) \(pts)")
            case .zero?:
                return Bilingual(zh: "\(name.zh)：缺少数据（\(why.zh)），计 0 分", en: "\(name.en): missing (\(why.en)); scores 0")
            default:
                return Bilingual(zh: "\(name.zh)：缺少数据（\(why.zh)），按规定不予评价",
                                 en: "\(name.en): missing (\(why.en)); the scheme leaves the enterprise ungraded")
            }
        }
        let formula = "\(amount(n, .en)) ÷ \(amount(d, .en)) = \(num(value)) \(unit.en)"
        let formulaZh = "\(amount(n, .zh)) ÷ \(amount(d, .zh)) = \(num(value)) \(unit.zh)"
        let how: Bilingual
        if item.ratio {
            let b = num(item.benchmark), capped = item.cap.isFinite && score == item.cap
            let op = item.lower ? "benchmark \(b) ÷ value" : "÷ benchmark \(b)"
            let opZh = item.lower ? "基准值 \(b) ÷ 指标值" : "÷ 基准值 \(b)"
            how = Bilingual(zh: "\(opZh) = \(num(score))\(capped ? "（封顶）" : "")",
                            en: "\(op) = \(num(score))\(capped ? " (capped)" : "")")
        } else {
            how = Bilingual(zh: "按 \(num(item.minValue))–\(num(item.maxValue)) 标准化至 \(num(item.low))–\(num(item.high)) = \(num(score))",
                            en: "scaled from \(num(item.minValue))–\(num(item.maxValue)) to \(num(item.low))–\(num(item.high)) = \(num(score))")
        }
        return Bilingual(zh: "\(name.zh) = \(formulaZh)；\(how.zh)；\(ptsZh)", en: "\(name.en) = \(formula); \(how.en); \(pts)")
    }

    /// Why a unit is out of scope (`PerMuPlan.scopeCode`).
    static func outOfScope(_ code: UInt8, figures f: PerMuFigures, scope: PerMuScope) -> Bilingual {
        let land = AssessmentText.mu(f.landMu)
        switch code {
        case 1: return Bilingual(zh: "未占用土地（\(num(f.landMu, 2)) 亩）", en: "holds no land (\(land))")
        case 2: return Bilingual(zh: "本办法不评价规上企业", en: "the scheme does not evaluate above-size enterprises")
        case 3: return Bilingual(zh: "用地 \(num(f.landMu, 2)) 亩，低于规上企业 \(num(scope.aboveSizeMinimumMu, 2)) 亩的起评面积",
                                 en: "\(land), below the \(AssessmentText.mu(scope.aboveSizeMinimumMu)) minimum for above-size enterprises")
        case 4: return Bilingual(zh: "本办法不评价规下企业", en: "the scheme does not evaluate below-size enterprises")
        case 5:
            let m = scope.belowSizeMinimumMu ?? 0
            return Bilingual(zh: "规下企业用地 \(num(f.landMu, 2)) 亩，低于 \(num(m, 2)) 亩的起评面积",
                             en: "below-size with \(land), under the \(AssessmentText.mu(m)) minimum")
        case 6: return Bilingual(zh: "尚未投产，且未过约定投产日期", en: "not yet producing, and its contracted production date has not passed")
        default: return Bilingual(zh: "尚未投产（本办法只评价已投产企业）", en: "not producing (the scheme evaluates producing enterprises only)")
        }
    }

    /// Why a unit is ungraded.
    static func ungraded(_ indicator: PerMuIndicator) -> Bilingual {
        Bilingual(zh: "缺少“\(indicator.name.zh)”所需数据，按规定不予评价分类",
                  en: "\(indicator.name.en) cannot be computed (a figure is missing) and the scheme leaves such enterprises ungraded")
    }

    /// A treatment as applied.
    static func treatment(_ t: PerMuTreatment, years: Int, rate: Double?, yuan: Double?, kWh: Double?) -> Bilingual {
        let run = years > 1 ? Bilingual(zh: "连续 \(years) 年 \(t.grade.rawValue) 类", en: "\(t.grade.rawValue) for \(years) consecutive years")
            : Bilingual(zh: "\(t.grade.rawValue) 类第 1 年", en: "first year at \(t.grade.rawValue)")
        guard let rate else { return Bilingual(zh: "\(run.zh)：\(t.kind.label.zh)", en: "\(run.en): \(t.kind.label.en)") }
        var en = "\(run.en): \(t.kind.label.en) \(num(rate)) \(t.kind.unit.en)"
        var zh = "\(run.zh)：\(t.kind.label.zh) \(num(rate)) \(t.kind.unit.zh)"
        if let yuan {
            let k = kWh.map { AssessmentText.grouped($0) } ?? "?"
            en += ", \(AssessmentText.grouped(yuan, decimals: 2)) yuan on \(k) kWh"
            zh += "，用电 \(k) 千瓦时，加收 \(AssessmentText.grouped(yuan, decimals: 2)) 元"
        }
        return Bilingual(zh: zh, en: en)
    }

    /// The one-line summary of a graded unit.
    static func summary(total: Double, rank: Int, pool: Int, poolName: Bilingual, cluster: String?, clusterRank: Int?,
                        grade: PerMuGrade, grading: PerMuGrading, treatments: [PerMuTreatmentOutcome]) -> Bilingual {
        var en = "\(num(total)) points; rank \(rank) of \(pool) \(poolName.en)"
        var zh = "综合得分 \(num(total))；在\(poolName.zh) \(pool) 家中排第 \(rank) 名"
        if let cluster, let clusterRank {
            let name = Cluster.defaults.first { $0.code == cluster }?.name ?? Bilingual(zh: cluster, en: cluster)
            en += ", \(clusterRank) in cluster \(name.en)"; zh += "，在“\(name.zh)”产业集群中排第 \(clusterRank) 名"
        }
        switch grading.rule {
        case .thresholds(let a, let b, let c):
            en += "; grade \(grade.label.en) (A ≥ \(num(a)), B ≥ \(num(b)), C ≥ \(num(c)))"
            zh += "；评为 \(grade.label.zh)（A ≥ \(num(a))，B ≥ \(num(b))，C ≥ \(num(c))）"
        case .shares(let a, let b, let c, let d):
            let tie = grading.ties == .betterGrade ? ("equal scores share the better grade", "同分就高")
                : ("equal scores share the worse grade", "同分就低")
            en += "; grade \(grade.label.en) (shares A \(num(a)) % / B \(num(b)) % / C \(num(c)) % / D \(num(d)) %, \(tie.0))"
            zh += "；评为 \(grade.label.zh)（比例 A \(num(a))%／B \(num(b))%／C \(num(c))%／D \(num(d))%，\(tie.1)）"
        }
        for t in treatments { en += "; " + t.explanation.en; zh += "；" + t.explanation.zh }
        return Bilingual(zh: zh, en: en)
    }
}
