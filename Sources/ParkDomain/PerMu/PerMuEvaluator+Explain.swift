import Foundation

extension PerMuEvaluator {
    /// A stored result with its texts rebuilt, as `evaluate` would have written them: the
    /// indicator lines, the reason when out of scope or ungraded, the treatments and the summary.
    /// `stored` is a result of a run made without explanations, `figures` its unit's (merged)
    /// figures, `scheme` the scheme of the run and `benchmarks` the run's
    /// `PerMuRun.benchmarks` (computed benchmarks and min–max ranges). Scores, ranks and grade
    /// are taken from `stored`, not recomputed: they depend on the whole year's data. The
    /// indicators' normalised scores are `scores` when given (in the group's indicator order, as
    /// a store keeps them), else those of `stored.indicators`.
    public static func explain(_ stored: PerMuResult, scores given: [Double]? = nil, figures: PerMuFigures, scheme: PerMuScheme,
                               benchmarks: [PerMuBenchmarkUsed]) -> PerMuResult {
        var plan = PerMuPlan(scheme)
        for used in benchmarks {
            guard let g = PerMuGroupKind.allCases.firstIndex(of: used.group),
                  let j = plan.groups[g].firstIndex(where: { $0.indicator == used.indicator }) else { continue }
            if plan.groups[g][j].rule != .fixed { plan.groups[g][j].benchmark = used.benchmark ?? .nan }
            plan.groups[g][j].minValue = used.minimum ?? .nan
            plan.groups[g][j].maxValue = used.maximum ?? .nan
        }
        let g: UInt8 = stored.group == .aboveSize ? 0 : 1
        let scope = PerMuPlan.scopeCode(plan.scope, group: g, landMu: figures.landMu, producing: figures.producing,
                                        pastDate: figures.pastContractedProductionDate)
        let items = plan.groups[Int(g)]
        let values = scope == 0 ? items.map { value($0.code, figures) } : []
        let ungradedBy = items.indices.first { j in items[j].missing == 2 && j < values.count && values[j].isNaN }
            .map { items[$0].indicator }
        let all = given ?? stored.indicators.map(\.score)
        let scores = all.count == items.count ? all : []
        let ranking = Ranking(grades: [stored.grade?.code ?? 255], parkRanks: [Int32(stored.parkRank ?? 0)],
                              clusterRanks: [Int32(stored.clusterRank ?? 0)], poolSize: [stored.poolSize ?? 0])
        var previous: [UUID: PerMuPriorYear] = [:]
        if let p = stored.previousGrade {
            let years = p == stored.grade ? Swift.max(stored.consecutiveYears - 1, 1) : 1
            previous[stored.enterpriseId] = PerMuPriorYear(grade: p, consecutiveYears: years)
        }
        let members = stored.members.map {
            PerMuFigures(enterpriseId: $0.enterpriseId, year: figures.year, aboveDesignatedSize: figures.aboveDesignatedSize,
                         landMu: $0.landMu, electricityKWh: $0.electricityKWh,
                         otherElectricitySurchargeYuanPerKWh: $0.otherElectricitySurchargeYuanPerKWh)
        }
        var unitFigures = figures
        unitFigures.enterpriseId = stored.enterpriseId
        let unit = PerMuUnit(figures: unitFigures, members: members.isEmpty ? [unitFigures] : members)
        return result(0, unit: unit, plan: plan, scheme: scheme, group: g, scopeCode: scope, values: values, scores: scores,
                      averages: [], ungradedBy: ungradedBy, total: stored.total ?? .nan, ranking: ranking, previous: previous)
    }
}

/// What keeps a graded enterprise's score down, indicator by indicator: the points it falls
/// short of the benchmark (the score a ratio indicator gets at its benchmark is 1, a min–max
/// indicator's best is its `high`), most first. The first entry is the indicator that costs it
/// most points, what the enterprise portal shows as where to improve.
public struct PerMuShortfall: Sendable, Hashable, Codable {
    /// The indicator.
    public var indicator: PerMuIndicator
    /// weight × (target score − score), ≥ 0.
    public var points: Double
    /// The value that would score the target (the benchmark of a ratio indicator), nil for min–max.
    public var targetValue: Double?
    /// The enterprise's value, nil when missing.
    public var value: Double?
    /// The shortfall in words.
    public var explanation: Bilingual

    /// The shortfalls of `result` (graded) under `scheme`, most points first, only those above 0.
    public static func of(_ result: PerMuResult, scheme: PerMuScheme) -> [PerMuShortfall] {
        guard result.status == .graded, let group = scheme.group(result.group) else { return [] }
        var out: [PerMuShortfall] = []
        for line in result.indicators {
            guard let rule = group.indicators.first(where: { $0.indicator == line.indicator }) else { continue }
            let target: Double
            switch rule.normalisation {
            case .ratio: target = 1
            case .minMax(_, let high): target = high
            }
            let lost = line.weight * (target - line.score)
            guard lost > 1e-9 else { continue }
            let name = line.indicator.name, unit = line.indicator.unit
            let pts = PerMuText.num(lost, 2)
            let explanation: Bilingual
            if let b = line.benchmark, let v = line.value {
                explanation = Bilingual(zh: "\(name.zh) \(PerMuText.num(v)) \(unit.zh)，达到基准值 \(PerMuText.num(b)) \(unit.zh) 可多得 \(pts) 分",
                                        en: "\(name.en) is \(PerMuText.num(v)) \(unit.en); reaching the benchmark \(PerMuText.num(b)) \(unit.en) would add \(pts) points")
            } else if line.value == nil {
                explanation = Bilingual(zh: "\(name.zh) 缺少数据，补报后最多可多得 \(pts) 分",
                                        en: "\(name.en) is missing; reporting it could add up to \(pts) points")
            } else {
                explanation = Bilingual(zh: "\(name.zh) 距本年度最优水平差 \(pts) 分",
                                        en: "\(name.en) is \(pts) points short of the year's best")
            }
            out.append(PerMuShortfall(indicator: line.indicator, points: lost, targetValue: line.benchmark, value: line.value,
                                      explanation: explanation))
        }
        return out.sorted { $0.points > $1.points }
    }
}
