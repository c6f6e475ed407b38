import ParkDomain
import ParkStore

// Labels of the per-mu domain values the console shows (those the domain does not name itself).

extension PerMuRunRepository.State {
    var label: Bilingual {
        switch self {
        case .proposed: Bilingual(zh: "待发布", en: "proposed")
        case .enacted: Bilingual(zh: "已发布", en: "enacted")
        case .reopened: Bilingual(zh: "已重新开放", en: "re-opened")
        }
    }
}

extension PerMuStatus {
    var label: Bilingual {
        switch self {
        case .graded: Bilingual(zh: "已评级", en: "graded")
        case .ungraded: Bilingual(zh: "未评级（缺数据）", en: "ungraded (missing data)")
        case .outOfScope: Bilingual(zh: "不在评价范围", en: "out of scope")
        }
    }
}

extension PerMuBenchmarkRule {
    var label: Bilingual {
        switch self {
        case .fixed: Bilingual(zh: "固定值", en: "fixed")
        case .mean: Bilingual(zh: "当年平均值", en: "the year's mean")
        case .median: Bilingual(zh: "当年中位数", en: "the year's median")
        }
    }
}

extension PerMuMissingRule {
    var label: Bilingual {
        switch self {
        case .averageScore: Bilingual(zh: "取该指标平均得分", en: "the indicator's average score")
        case .zero: Bilingual(zh: "记 0 分", en: "scores 0")
        case .ungraded: Bilingual(zh: "不予评级", en: "left ungraded")
        }
    }
}

extension PerMuDirection {
    var label: Bilingual {
        switch self {
        case .higherIsBetter: Bilingual(zh: "越高越好", en: "higher is better")
        case .lowerIsBetter: Bilingual(zh: "越低越好", en: "lower is better")
        }
    }
}

extension PerMuTieRule {
    var label: Bilingual {
        switch self {
        case .betterGrade: Bilingual(zh: "同分取较好等级", en: "equal scores get the better grade")
        case .worseGrade: Bilingual(zh: "同分取较差等级", en: "equal scores get the worse grade")
        }
    }
}

extension PerMuPooling {
    var label: Bilingual {
        switch self {
        case .perGroup: Bilingual(zh: "规上、规下分别排名", en: "above-size and below-size ranked separately")
        case .wholePark: Bilingual(zh: "全园区统一排名", en: "the whole park ranked together")
        }
    }
}

extension PerMuNormalisation {
    var label: Bilingual {
        switch self {
        case .ratio(let cap):
            if let cap {
                return Bilingual(zh: "实际值 ÷ 基准值，最高 \(Numbers.trimmed(cap))", en: "value ÷ benchmark, capped at \(Numbers.trimmed(cap))")
            }
            return Bilingual(zh: "实际值 ÷ 基准值，不封顶", en: "value ÷ benchmark, uncapped")
        case .minMax(let low, let high):
            return Bilingual(zh: "最小–最大值缩放至 \(Numbers.trimmed(low))–\(Numbers.trimmed(high))",
                             en: "min–max scaled to \(Numbers.trimmed(low))–\(Numbers.trimmed(high))")
        }
    }
}
