import Foundation

/// Scores, ranks and grades a year's enterprises under a per-mu scheme (DOMAIN.md §2) and
/// applies each grade's treatment with its escalation, with an explanation for every number.
/// Pure and deterministic; `PerMuBatch` is the columnar twin for whole-park runs and gives the
/// same scores, ranks and grades.
///
/// **Steps**: (1) the year's figures become units (`PerMuUnit`: shared parcels merged); (2) the
/// scope leaves units out, with the reason; (3) each in-scope unit's indicator values are
/// computed (`PerMuIndicator`), and a unit missing a value whose rule is `.ungraded` is left
/// ungraded, with the indicator named; (4) per group and indicator, over the graded units
/// with a value (in unit order): computed benchmarks (mean, median), min and max; (5) each
/// present value is normalised (`PerMuNormalisation`); the indicator's average score is the
/// mean of those scores; a missing value scores that average or 0 (`PerMuMissingRule`); points
/// = weight × score; total = Σ points in indicator order; (6) ranks and grades per pool
/// (`PerMuPooling`), ordered by total, best first (`PerMuGradingRule`, `PerMuTieRule`); (7)
/// last year's grade (the worst among merged members' records), the run of consecutive years
/// in this grade, and the grade's treatments at that run's step.
public enum PerMuEvaluator {
    /// Runs `scheme` (validated first: a bad scheme is refused with the reason) on the figures of
    /// its year. `previous` holds each enterprise's grade last year and how many consecutive
    /// years it had held it (`PerMuRun.history` of last year's run). With `explanations` false
    /// every text is left empty (a whole-park run to store; `explain` rebuilds a result's texts
    /// on demand from what was stored).
    public static func evaluate(scheme: PerMuScheme, figures: [PerMuFigures],
                                previous: [UUID: PerMuPriorYear] = [:], explanations: Bool = true) throws(DomainError) -> PerMuRun {
        try scheme.validate()
        var plan = PerMuPlan(scheme)
        let (units, unitNotes) = PerMuUnit.units(from: figures, year: scheme.year, mergeSharedParcels: scheme.scope.mergeSharedParcels)
        var notes = unitNotes
        let n = units.count
        var group = [UInt8](repeating: 0, count: n)
        var scopeCode = [UInt8](repeating: 0, count: n)
        var values = [[Double]](repeating: [], count: n)
        var ungradedBy = [PerMuIndicator?](repeating: nil, count: n)
        var graded = [Bool](repeating: false, count: n)

        // (2) scope, (3) values and ungraded units.
        for (i, u) in units.enumerated() {
            let f = u.figures
            let g: UInt8 = f.aboveDesignatedSize ? 0 : 1
            group[i] = g
            scopeCode[i] = PerMuPlan.scopeCode(plan.scope, group: g, landMu: f.landMu, producing: f.producing,
                                               pastDate: f.pastContractedProductionDate)
            guard scopeCode[i] == 0 else { continue }
            let items = plan.groups[Int(g)]
            values[i] = items.map { value($0.code, f) }
            ungradedBy[i] = items.indices.first { items[$0].missing == 2 && values[i][$0].isNaN }.map { items[$0].indicator }
            graded[i] = ungradedBy[i] == nil
        }

        // (4) the year's statistics per group and indicator.
        for g in 0..<plan.groups.count {
            for j in plan.groups[g].indices {
                var present: [Double] = []
                for i in 0..<n where graded[i] && Int(group[i]) == g && !values[i][j].isNaN { present.append(values[i][j]) }
                plan.setStats(group: g, item: j, values: present)
                let item = plan.groups[g][j]
                if item.ratio && item.rule != .fixed && !(item.benchmark > 0) {
                    let kind = PerMuGroupKind.allCases[g]
                    notes.append(Bilingual(
                        zh: "\(kind.name.zh)“\(item.indicator.name.zh)”的计算基准值不为正（\(present.count) 个数据），该指标计 0 分",
                        en: "the computed benchmark of \(item.indicator.name.en) (\(kind.name.en)) is not positive (\(present.count) values); it scores 0"))
                }
            }
        }

        // (5) scores, averages, totals.
        var scores = [[Double]](repeating: [], count: n)
        var sums = plan.groups.map { [Double](repeating: 0, count: $0.count) }
        var counts = plan.groups.map { [Int](repeating: 0, count: $0.count) }
        for i in 0..<n where graded[i] {
            let g = Int(group[i])
            scores[i] = plan.groups[g].indices.map { j in
                let v = values[i][j]
                guard !v.isNaN else { return .nan }
                let s = PerMuPlan.normalise(plan.groups[g][j], v)
                sums[g][j] += s
                counts[g][j] += 1
                return s
            }
        }
        let averages = sums.indices.map { g in sums[g].indices.map { j in counts[g][j] > 0 ? sums[g][j] / Double(counts[g][j]) : 0 } }
        var totals = [Double](repeating: .nan, count: n)
        for i in 0..<n where graded[i] {
            let g = Int(group[i])
            var t = 0.0
            for (j, item) in plan.groups[g].enumerated() {
                let s = scores[i][j].isNaN ? (item.missing == 0 ? averages[g][j] : 0) : scores[i][j]
                scores[i][j] = s
                t += item.weight * s
            }
            totals[i] = t
        }

        // (6) ranks and grades.
        let ranking = rank(units: units, graded: graded, group: group, totals: totals, grading: plan.grading)

        // (7) results with treatments.
        var results: [PerMuResult] = []
        results.reserveCapacity(n)
        for (i, u) in units.enumerated() {
            results.append(result(i, unit: u, plan: plan, scheme: scheme, group: group[i], scopeCode: scopeCode[i],
                                  values: values[i], scores: scores[i], averages: averages, ungradedBy: ungradedBy[i],
                                  total: totals[i], ranking: ranking, previous: previous, texts: explanations))
        }
        var benchmarks: [PerMuBenchmarkUsed] = []
        for (g, items) in plan.groups.enumerated() {
            for (j, item) in items.enumerated() {
                benchmarks.append(PerMuBenchmarkUsed(
                    group: PerMuGroupKind.allCases[g], indicator: item.indicator, rule: item.rule,
                    benchmark: item.ratio && !item.benchmark.isNaN ? item.benchmark : nil,
                    minimum: item.minValue.isNaN ? nil : item.minValue, maximum: item.maxValue.isNaN ? nil : item.maxValue,
                    averageScore: averages[g][j], count: counts[g][j]))
            }
        }
        return PerMuRun(schemeName: scheme.name, schemeVersion: scheme.version, year: scheme.year, results: results,
                        benchmarks: benchmarks, notes: notes)
    }

    /// The value of indicator `code` for figures `f` (NaN when missing).
    static func value(_ code: UInt8, _ f: PerMuFigures) -> Double {
        PerMuPlan.value(code, land: f.landMu, tax: f.taxWanYuan ?? .nan, valueAdded: f.valueAddedWanYuan ?? .nan,
                        revenue: f.revenueWanYuan ?? .nan, energy: f.energyTonnesCoal ?? .nan,
                        emissions: f.emissionsTonnes ?? .nan, employees: f.averageEmployees ?? .nan,
                        rdSpend: f.rdSpendWanYuan ?? .nan, kWh: f.electricityKWh ?? .nan)
    }
}
