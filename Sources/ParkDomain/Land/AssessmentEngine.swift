import Foundation

/// Assesses a lease against its Industry Development Agreement as of a date and proposes what
/// to do at the end of the first term (DOMAIN.md §1): extend to the maximum total term, extend
/// by a shorter term, or take the land back. Pure and deterministic; `AssessmentBatch` is the
/// columnar twin for whole-park runs and gives the same score and proposal.
///
/// **Reports used**: those with `year ≤ asOf.year`, sorted by year; when a year appears twice the
/// later one in the array wins.
///
/// **Yearly value per kind** (a year whose denominator is 0 is skipped):
/// total investment = investment to date (yuan, already cumulative); investment intensity =
/// investment to date ÷ area (yuan/mu); tax per mu = tax ÷ area; output per mu = revenue ÷ area;
/// R&D ratio = R&D ÷ revenue; value added per energy = value added ÷ t standard coal; value added
/// per emissions = value added ÷ t emissions; jobs = average employees; custom =
/// `report.custom[commitment.label]` (years without it skipped).
///
/// **Measures**: latest = the last year's value; cumulative = Σ numerator ÷ area for per-mu flows
/// (Σ tax ÷ area), Σ for jobs and custom, Σ numerator ÷ Σ denominator for ratios (the pooled
/// ratio), and the latest value for total investment and investment intensity (investment to
/// date is already cumulative); averageLastYears(k) = mean of the last k yearly values, or of
/// all when fewer exist (the explanation says so).
///
/// **Production start** (always by date): the earliest production start date reported; met iff
/// it is on or before the committed date and on or before `asOf`; ratio 1 or 0; the value and
/// target are reported as fractional years (2028.5 ≈ 1 July 2028). A by-date commitment of any
/// other kind has nothing to compare and is not met.
///
/// **Ratios**: at least → value ÷ target (target ≤ 0: 1); at most → target ÷ value (value ≤ 0: 1);
/// never below 0; met iff ratio ≥ 1 − 1e-9. A missing value gives ratio 0, not met ("no report").
///
/// **Score** = 100 × Σ(weight × min(ratio, ruleset.ratioCap)) ÷ Σ weight, in commitment order.
///
/// **Proposal**: score ≥ `fullExtensionMinScore` and every mandatory commitment met (or the
/// ruleset does not require it) → extend to `maxTotalYears` (N = max − first term); else score ≥
/// `shortExtensionMinScore` → extend by min(`shortExtensionYears`, N); else no renewal (0 years).
/// With no weighted commitment (none at all, or all weights 0) the score is 0 and means
/// nothing: the engine proposes the shorter extension when every mandatory commitment is met
/// (an agreement without targets gives no grounds to take land back, and the shorter term keeps
/// a review in the park's hands), otherwise no renewal.
public enum AssessmentEngine {
    /// Evaluates every commitment as of `asOf` and proposes the outcome, with the trace.
    /// - Parameters:
    ///   - areaMu: the lease's area in mu, for per-mu indicators.
    ///   - firstTermYears, maxTotalYears: the contract's terms (N = max − first).
    public static func assess(commitments: [Commitment], reports: [PerformanceReport], areaMu: Double,
                              asOf: LocalDate, ruleset: AssessmentRuleset, firstTermYears: Int = 10,
                              maxTotalYears: Int = 30) -> AssessmentProposal {
        let usable = AssessmentSeries.usable(reports, upToYear: asOf.year)
        var results: [CommitmentResult] = []
        results.reserveCapacity(commitments.count)
        for (i, c) in commitments.enumerated() {
            results.append(evaluate(c, index: i, usableReports: usable, areaMu: areaMu, asOf: asOf, ratioCap: ruleset.ratioCap))
        }
        var weighted = 0.0, weightSum = 0.0
        for r in results {
            weighted += r.weight * Swift.min(r.ratio, ruleset.ratioCap)
            weightSum += r.weight
        }
        let score = weightSum > 0 ? 100 * weighted / weightSum : 0
        let allMandatoryMet = results.allSatisfy { !$0.mandatory || $0.met }
        let (kind, years) = AssessmentRules.decide(score: score, weighted: weightSum > 0, allMandatoryMet: allMandatoryMet,
                                                   firstTermYears: firstTermYears, maxTotalYears: maxTotalYears, ruleset: ruleset)
        let rule = ruleText(kind: kind, years: years, score: score, weighted: weightSum > 0, results: results,
                            firstTermYears: firstTermYears, ruleset: ruleset)
        let ruleZh = AssessmentTextZh.rule(kind: kind, years: years, score: score, weighted: weightSum > 0, results: results,
                                           firstTermYears: firstTermYears, ruleset: ruleset)
        return AssessmentProposal(asOf: asOf, ruleset: ruleset.name, rulesetVersion: ruleset.version, results: results,
                                  score: score, allMandatoryMet: allMandatoryMet, kind: kind, extensionYears: years, rule: rule,
                                  ruleZh: ruleZh)
    }

    /// One commitment as of `asOf`, over reports already passed through the usable filter
    /// (year ≤ asOf.year, sorted, de-duplicated).
    static func evaluate(_ c: Commitment, index: Int, usableReports: [PerformanceReport], areaMu: Double,
                         asOf: LocalDate, ratioCap: Double) -> CommitmentResult {
        var result = CommitmentResult(index: index, kind: c.kind, value: nil, target: c.target, direction: c.direction,
                                      measure: c.measure, ratio: 0, met: false, mandatory: c.mandatory, weight: c.weight,
                                      explanation: "", explanationZh: "")
        let name = c.kind.indicatorName.en, nameZh = c.kind.indicatorName.zh
        if c.kind == .productionStart {
            result.target = c.targetDate?.fractionalYear ?? 0
            let found = AssessmentSeries.productionStart(usableReports)
            result.value = found?.date.fractionalYear
            guard let due = c.targetDate else {
                result.explain("production start: no committed date in the agreement → not met (ratio 0)",
                               "投产时间：协议未约定投产日期 → 未达标（完成率 0）")
                return result
            }
            guard let found else {
                result.explain("production start: no report of a production start up to \(asOf.year) (committed by \(due)) → not met (ratio 0)",
                               "投产时间：截至 \(asOf.year) 年无投产报告（约定 \(due) 前投产）→ 未达标（完成率 0）")
                return result
            }
            let date = found.date
            let lead = "production start: \(date) (report for \(found.year)); committed by \(due)"
            let leadZh = "投产时间：\(date)（\(found.year) 年度报告）；约定 \(due) 前投产"
            if date > asOf {
                result.explain("\(lead); the reported date is after the assessment date \(asOf) → not met (ratio 0)",
                               "\(leadZh)；报告的投产日期晚于评估基准日 \(asOf) → 未达标（完成率 0）")
            } else if date > due {
                let late = AssessmentText.grouped(Double(due.days(until: date)))
                result.explain("\(lead) → not met: \(late) days late (ratio 0)", "\(leadZh) → 未达标：逾期 \(late) 天（完成率 0）")
            } else {
                result.ratio = 1; result.met = true
                result.explain("\(lead) → met (ratio 1)", "\(leadZh) → 达标（完成率 1）")
            }
            return result
        }
        if c.direction == .byDate {
            result.explain("\(name): a by-date commitment is only defined for production start → not met (ratio 0)",
                           "\(nameZh)：按日期约定仅适用于投产时间 → 未达标（完成率 0）")
            return result
        }
        let terms = AssessmentSeries.terms(c.kind, label: c.label, reports: usableReports, areaMu: areaMu)
        guard let value = AssessmentSeries.measure(terms, kind: c.kind, measure: c.measure, years: c.years) else {
            let perMu: Set<CommitmentKind> = [.investmentIntensity, .taxPerMu, .outputPerMu]
            let noArea = perMu.contains(c.kind) && !(areaMu > 0)
            let why = noArea ? " (area \(AssessmentText.mu(areaMu)): no per-mu value)" : ""
            let whyZh = noArea ? "（面积 \(AssessmentTextZh.mu(areaMu))，无法计算亩均值）" : ""
            result.explain("\(name): no report up to \(asOf.year)\(why) → not met (ratio 0)",
                           AssessmentTextZh.join("\(nameZh)：截至 \(asOf.year) 年无报告数据\(whyZh)", "→", "未达标（完成率 0）"))
            return result
        }
        result.value = value
        result.ratio = AssessmentRules.ratio(value: value, target: c.target, atMost: c.direction == .atMost)
        result.met = AssessmentRules.isMet(result.ratio)
        result.explanation = "\(name), " + measureText(c, terms: terms, value: value) + "; "
            + ratioText(c, value: value, ratio: result.ratio, met: result.met, cap: ratioCap)
        result.explanationZh = "\(nameZh)，" + AssessmentTextZh.measure(c, terms: terms, value: value) + "；"
            + AssessmentTextZh.ratio(c, value: value, ratio: result.ratio, met: result.met, cap: ratioCap)
        return result
    }

    /// How the value was formed, e.g. "latest year 2031: investment to date … ÷ 100 mu = …".
    static func measureText(_ c: Commitment, terms: [YearTerm], value: Double) -> String {
        let shown = AssessmentText.value(value, kind: c.kind, label: c.label)
        let last = terms[terms.count - 1]
        func single(_ t: YearTerm) -> String {
            let parts = AssessmentText.terms(t, kind: c.kind)
            return t.den == 1 && c.kind != .custom ? parts : "\(parts) = \(shown)"
        }
        switch c.measure {
        case .latest:
            return "latest year \(last.year): \(single(last))"
        case .cumulative:
            switch c.kind.shape {
            case .stock:
                return "cumulative (investment to date is already cumulative: its latest value) \(last.year): \(single(last))"
            case .flow:
                let sum = terms.reduce(0.0) { $0 + $1.num }
                let span = "\(terms[0].year)–\(last.year), \(terms.count) year\(terms.count == 1 ? "" : "s")"
                let (numName, _) = AssessmentText.pooledNames(c.kind)
                let total = [.taxPerMu, .outputPerMu].contains(c.kind) ? AssessmentText.yuan(sum) : AssessmentText.plain(sum, maxDecimals: 2)
                let over = last.den == 1 ? "" : " ÷ \(AssessmentText.mu(last.den))"
                return "cumulative \(span): Σ \(numName) \(total)\(over) = \(shown)"
            case .pooledRatio:
                let num = terms.reduce(0.0) { $0 + $1.num }, den = terms.reduce(0.0) { $0 + $1.den }
                let (numName, denName) = AssessmentText.pooledNames(c.kind)
                let denText = c.kind == .rdRatio ? AssessmentText.yuan(den) : AssessmentText.plain(den, maxDecimals: 2)
                return "cumulative \(terms[0].year)–\(last.year): Σ \(numName) \(AssessmentText.yuan(num)) ÷ Σ \(denName) \(denText) = \(shown)"
            }
        case .averageLastYears:
            let k = Swift.max(c.years, 1)
            let used = Array(terms.suffix(k))
            let each = used.map { "\($0.year) \(compact($0.num / $0.den, kind: c.kind))" }.joined(separator: " · ")
            let fewer = used.count < k ? " (only \(used.count) of \(k) years reported: mean of those)" : ""
            return "mean of the last \(k) year\(k == 1 ? "" : "s")\(fewer): \(each) → Σ ÷ \(used.count) = \(shown)"
        }
    }

    /// A yearly value without its unit, for lists.
    static func compact(_ x: Double, kind: CommitmentKind) -> String {
        switch kind {
        case .rdRatio: AssessmentText.percent(x)
        case .jobs: AssessmentText.plain(x, maxDecimals: 1)
        case .custom: AssessmentText.plain(x, maxDecimals: 4)
        default: AssessmentText.grouped(x)
        }
    }

    /// "target ≥ 4,000,000 yuan/mu (400 万元/mu) → ratio 1.125 (counted 1 in the score) → met".
    static func ratioText(_ c: Commitment, value: Double, ratio: Double, met: Bool, cap: Double) -> String {
        let atMost = c.direction == .atMost
        let target = "target \(atMost ? "≤" : "≥") \(AssessmentText.value(c.target, kind: c.kind, label: c.label))"
        let how: String
        if !atMost && c.target <= 0 { how = "a target of 0 or less is met by any value (ratio 1)" }
        else if atMost && value <= 0 { how = "a value of 0 or less meets any upper bound (ratio 1)" }
        else { how = "ratio \(atMost ? "target ÷ value" : "value ÷ target") = \(AssessmentText.plain(ratio, maxDecimals: 4))" }
        let counted = ratio > cap ? " (counted \(AssessmentText.plain(cap, maxDecimals: 4)) in the score)" : ""
        return "\(target) → \(how)\(counted) → \(met ? "met" : "not met")"
    }

    /// The rule that fired, with its numbers.
    static func ruleText(kind: ProposalKind, years: Int, score: Double, weighted: Bool, results: [CommitmentResult],
                         firstTermYears: Int, ruleset: AssessmentRuleset) -> String {
        let mandatory = results.filter(\.mandatory)
        let missed = mandatory.filter { !$0.met }
        let missedText = missed.map { "\($0.index + 1) (\($0.kind.indicatorName.en))" }.joined(separator: ", ")
        let total = firstTermYears + years
        let extendShort = "extend by \(years) years (\(total) years total)"
        let reclaim = "no renewal: the land is taken back at the end of the \(firstTermYears)-year first term"
        guard weighted else {
            let what = results.isEmpty ? "no commitments to assess" : "no commitment carries weight (score undefined)"
            return missed.isEmpty
                ? "\(what) → \(extendShort), pending an officer's review"
                : "\(what) and mandatory commitment\(missed.count == 1 ? "" : "s") \(missedText) missed → \(reclaim)"
        }
        let shown = AssessmentText.score(score, against: [ruleset.fullExtensionMinScore, ruleset.shortExtensionMinScore])
        let fullMin = AssessmentText.plain(ruleset.fullExtensionMinScore, maxDecimals: 2)
        let shortMin = AssessmentText.plain(ruleset.shortExtensionMinScore, maxDecimals: 2)
        switch kind {
        case .extendFull:
            let why: String
            if mandatory.isEmpty { why = " (no mandatory commitments)" }
            else if missed.isEmpty { why = " and all \(mandatory.count) mandatory commitment\(mandatory.count == 1 ? "" : "s") met" }
            else { why = " (the ruleset does not require mandatory commitments for the full term; \(missed.count) of \(mandatory.count) missed)" }
            return "score \(shown) ≥ \(fullMin)\(why) → extend to \(total) years total (N = \(years))"
        case .extendShort:
            if score >= ruleset.fullExtensionMinScore - AssessmentRules.tolerance {
                return "score \(shown) ≥ \(fullMin) but mandatory commitment\(missed.count == 1 ? "" : "s") \(missedText) missed; score ≥ \(shortMin) → \(extendShort)"
            }
            return "score \(shown) ≥ \(shortMin) but < \(fullMin) → \(extendShort)"
        case .reclaim:
            return "score \(shown) < \(shortMin) → \(reclaim)"
        }
    }
}

private extension CommitmentResult {
    /// Sets the English and Chinese explanations together.
    mutating func explain(_ en: String, _ zh: String) { explanation = en; explanationZh = zh }
}
