import Foundation

extension PerMuScheme {
    /// Tolerance for sums of weights and shares (they are entered with a few decimals).
    public static let sumTolerance = 1e-9

    /// Refuses a scheme that cannot be run or would run differently from what it says; the
    /// first fault is thrown, with its field and the figures at fault. Checked: name, version,
    /// year; scope limits; a group for every size class the scope evaluates, no group twice,
    /// none empty; per indicator: available for the group, not twice, weight ≥ 0 and finite, a
    /// positive finite benchmark for a fixed ratio, a positive cap, a cap when lower is better,
    /// low < high for min–max; weights summing to the declared total; thresholds strictly
    /// descending or shares ≥ 0 summing to 100 %; treatments with ascending steps from year 1,
    /// finite rates, rates only for tariffs, no kind twice per grade.
    public func validate() throws(DomainError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw .required("name") }
        if version < 1 { throw Self.fault("bad_version", "version", en: "version must be 1 or more, found \(version)",
                                          zh: "版本号应不小于 1，实际为 \(version)") }
        if !(2000...2100).contains(year) {
            throw Self.fault("bad_year", "year", en: "year must be between 2000 and 2100, found \(year)",
                             zh: "评价年度应在 2000 至 2100 之间，实际为 \(year)")
        }
        try validateScope()
        guard declaredWeightTotal.isFinite, declaredWeightTotal > 0 else {
            throw Self.fault("bad_weight_total", "declared_weight_total",
                             en: "the declared weight total must be positive, found \(declaredWeightTotal)",
                             zh: "权重合计应为正数，实际为 \(declaredWeightTotal)")
        }
        var seen = Set<PerMuGroupKind>()
        for g in groups {
            guard seen.insert(g.kind).inserted else {
                throw Self.fault("duplicate_group", "groups", en: "the \(g.kind.name.en) group appears twice",
                                 zh: "\(g.kind.name.zh)指标组重复")
            }
            try validate(g)
        }
        if scope.includeAboveSize && !seen.contains(.aboveSize) { throw Self.missingGroup(.aboveSize) }
        if scope.belowSizeMinimumMu != nil && !seen.contains(.belowSize) { throw Self.missingGroup(.belowSize) }
        try validateGrading()
        try validateTreatments()
    }

    private func validateScope() throws(DomainError) {
        if !(scope.aboveSizeMinimumMu.isFinite && scope.aboveSizeMinimumMu >= 0) {
            throw Self.fault("bad_scope", "scope.above_size_minimum_mu", en: "the above-size minimum land must be 0 mu or more",
                             zh: "规上企业最低用地面积应不小于 0 亩")
        }
        if let m = scope.belowSizeMinimumMu, !(m.isFinite && m >= 0) {
            throw Self.fault("bad_scope", "scope.below_size_minimum_mu", en: "the below-size minimum land must be 0 mu or more, found \(m)",
                             zh: "规下企业最低用地面积应不小于 0 亩，实际为 \(m)")
        }
    }

    private func validate(_ g: PerMuGroup) throws(DomainError) {
        let field = "groups.\(g.kind.rawValue)"
        if g.indicators.isEmpty {
            throw Self.fault("no_indicators", field, en: "the \(g.kind.name.en) group has no indicator", zh: "\(g.kind.name.zh)指标组没有指标")
        }
        var seen = Set<PerMuIndicator>()
        for r in g.indicators {
            let f = "\(field).\(r.indicator.rawValue)", en = "\(r.indicator.name.en) (\(g.kind.name.en))"
            let zh = "\(g.kind.name.zh)指标“\(r.indicator.name.zh)”"
            guard r.indicator.isAvailable(in: g.kind) else {
                throw Self.fault("unknown_indicator", f, en: "\(en) is not available for that group: it has no such figures",
                                 zh: "\(zh)不适用于该组：该组企业不报送相应数据")
            }
            guard seen.insert(r.indicator).inserted else { throw Self.fault("duplicate_indicator", f, en: "\(en) appears twice", zh: "\(zh)重复") }
            guard r.weight.isFinite, r.weight >= 0 else {
                throw Self.fault("negative_weight", f, en: "\(en) has weight \(r.weight); weights must be 0 or more",
                                 zh: "\(zh)权重为 \(r.weight)，权重不得为负")
            }
            switch r.normalisation {
            case .ratio(let cap):
                if r.benchmarkRule == .fixed {
                    guard let b = r.benchmark else {
                        throw Self.fault("missing_benchmark", f, en: "\(en) has a fixed benchmark rule but no benchmark",
                                         zh: "\(zh)采用固定基准值，但未给出基准值")
                    }
                    guard b.isFinite, b > 0 else {
                        throw Self.fault("bad_benchmark", f, en: "\(en) has benchmark \(b); it must be positive", zh: "\(zh)基准值为 \(b)，应为正数")
                    }
                }
                if let c = cap, !(c.isFinite && c > 0) {
                    throw Self.fault("bad_cap", f, en: "\(en) has cap \(c); it must be positive", zh: "\(zh)封顶值为 \(c)，应为正数")
                }
                if cap == nil && r.direction == .lowerIsBetter {
                    throw Self.fault("cap_required", f, en: "\(en) is lower-is-better and needs a cap (benchmark ÷ value grows without bound)",
                                     zh: "\(zh)为逆向指标，需设封顶值（基准值 ÷ 指标值无上限）")
                }
            case .minMax(let low, let high):
                guard low.isFinite, high.isFinite, low < high else {
                    throw Self.fault("bad_range", f, en: "\(en) scales to \(low)…\(high); low must be below high",
                                     zh: "\(zh)标准化区间为 \(low)…\(high)，下限应小于上限")
                }
            }
        }
        let sum = g.weightSum
        if abs(sum - declaredWeightTotal) > Self.sumTolerance {
            throw Self.fault("weights_sum", "\(field).weight",
                             en: "the \(g.kind.name.en) weights sum to \(AssessmentText.plain(sum, maxDecimals: 6)), not the declared \(AssessmentText.plain(declaredWeightTotal, maxDecimals: 6))",
                             zh: "\(g.kind.name.zh)指标权重合计为 \(AssessmentText.plain(sum, maxDecimals: 6))，不等于规定的 \(AssessmentText.plain(declaredWeightTotal, maxDecimals: 6))")
        }
    }

    private func validateGrading() throws(DomainError) {
        switch grading.rule {
        case .thresholds(let a, let b, let c):
            guard a.isFinite, b.isFinite, c.isFinite, a > b, b > c else {
                throw Self.fault("thresholds_order", "grading.thresholds",
                                 en: "thresholds must fall strictly from A to C, found A ≥ \(a), B ≥ \(b), C ≥ \(c)",
                                 zh: "分类分数线应由 A 至 C 严格递减，实际为 A ≥ \(a)、B ≥ \(b)、C ≥ \(c)")
            }
        case .shares(let a, let b, let c, let d):
            for (letter, s) in [("A", a), ("B", b), ("C", c), ("D", d)] where !(s.isFinite && s >= 0) {
                throw Self.fault("negative_share", "grading.shares", en: "the \(letter) share is \(s) %; shares must be 0 % or more",
                                 zh: "\(letter) 类比例为 \(s)%，比例不得为负")
            }
            let sum = a + b + c + d, text = AssessmentText.plain(sum, maxDecimals: 6)
            if sum > 100 + Self.sumTolerance {
                throw Self.fault("shares_over_100", "grading.shares", en: "grade shares sum to \(text) %, over 100 %",
                                 zh: "各类比例合计 \(text)%，超过 100%")
            }
            if sum < 100 - Self.sumTolerance {
                throw Self.fault("shares_under_100", "grading.shares", en: "grade shares sum to \(text) %, under 100 %: who gets the rest is not said",
                                 zh: "各类比例合计 \(text)%，不足 100%：其余企业归类未作规定")
            }
        }
    }

    private func validateTreatments() throws(DomainError) {
        var seen = Set<String>()
        for t in treatments {
            let f = "treatments.\(t.grade.rawValue).\(t.kind.rawValue)", en = "the \(t.grade.rawValue) \(t.kind.label.en)"
            let zh = "\(t.grade.rawValue) 类\(t.kind.label.zh)"
            guard seen.insert(f).inserted else { throw Self.fault("duplicate_treatment", f, en: "\(en) appears twice", zh: "\(zh)重复") }
            if !t.kind.isTariff && !t.steps.isEmpty {
                throw Self.fault("rate_not_allowed", f, en: "\(en) is a priority and takes no rate", zh: "\(zh)为优先措施，不设费率")
            }
            if t.kind.isTariff && t.steps.first?.fromConsecutiveYears != 1 {
                throw Self.fault("steps_start", f, en: "\(en) needs a first step from year 1", zh: "\(zh)应设第 1 年起的费率")
            }
            var last = 0
            for s in t.steps {
                guard s.fromConsecutiveYears > last, s.rate.isFinite else {
                    throw Self.fault("steps_order", f, en: "\(en) steps must ascend by consecutive years with finite rates",
                                     zh: "\(zh)各档应按连续年数递增，费率应为有限数")
                }
                last = s.fromConsecutiveYears
            }
        }
    }

    private static func missingGroup(_ kind: PerMuGroupKind) -> DomainError {
        fault("missing_group", "groups", en: "the scope evaluates \(kind.name.en) but the scheme has no indicator set for them",
              zh: "评价范围包括\(kind.name.zh)，但办法未设该组指标")
    }

    static func fault(_ code: String, _ field: String, en: String, zh: String) -> DomainError {
        DomainError(code: code, field: field, en: en, zh: zh)
    }
}
