import Foundation

/// A per-mu comprehensive evaluation scheme (亩均效益综合评价办法, DOMAIN.md §2): data, versioned,
/// one enacted per year. It says whom the park evaluates (`scope`), with which indicators,
/// weights, benchmarks and normalisation per group (`groups`), how scores become grades
/// (`grading`) and how each grade is treated (`treatments`). `validate()` refuses a bad scheme
/// with the reason; `PerMuEvaluator` and `PerMuBatch` run a valid one.
public struct PerMuScheme: Sendable, Hashable, Codable {
    /// The scheme's name, e.g. "Huangyan 2022".
    public var name: String
    /// Version of the scheme under this name (1, 2, …).
    public var version: Int
    /// The data year the scheme evaluates (the Huangyan 2022 scheme scores 2022 figures).
    public var year: Int
    /// Whom the scheme evaluates.
    public var scope: PerMuScope
    /// The indicator set per group: one above-size and one below-size group at most.
    public var groups: [PerMuGroup]
    /// What each group's weights must sum to (100 in every published scheme).
    public var declaredWeightTotal: Double
    /// How scores become grades.
    public var grading: PerMuGrading
    /// Treatments per grade, each with its escalation by consecutive years in that grade.
    public var treatments: [PerMuTreatment]
    /// Whether an enterprise already paying another punitive electricity tariff pays only the
    /// higher of the two (差别电价不叠加，按最高标准执行) rather than both.
    public var onlyHighestPunitiveTariff: Bool

    public init(name: String, version: Int = 1, year: Int, scope: PerMuScope = PerMuScope(), groups: [PerMuGroup],
                declaredWeightTotal: Double = 100, grading: PerMuGrading, treatments: [PerMuTreatment] = [],
                onlyHighestPunitiveTariff: Bool = true) {
        self.name = name; self.version = version; self.year = year; self.scope = scope; self.groups = groups
        self.declaredWeightTotal = declaredWeightTotal; self.grading = grading; self.treatments = treatments
        self.onlyHighestPunitiveTariff = onlyHighestPunitiveTariff
    }

    /// The group of `kind`, if the scheme has one.
    public func group(_ kind: PerMuGroupKind) -> PerMuGroup? { groups.first { $0.kind == kind } }

    /// The treatments of `grade`, in scheme order.
    public func treatments(for grade: PerMuGrade) -> [PerMuTreatment] { treatments.filter { $0.grade == grade } }
}

/// Whom a scheme evaluates (all *configurable*, DOMAIN.md §2).
public struct PerMuScope: Sendable, Hashable, Codable {
    /// Whether above-designated-size enterprises are evaluated.
    public var includeAboveSize: Bool
    /// Above-size enterprises holding less land than this (mu) are left out (0: any land).
    public var aboveSizeMinimumMu: Double
    /// Below-size enterprises are evaluated when they hold at least this much land (mu), e.g. 3
    /// (some places 5); nil leaves every below-size enterprise out.
    public var belowSizeMinimumMu: Double?
    /// Whether an enterprise not yet producing is evaluated once its contracted production date
    /// has passed (true, the usual rule) or left out until it produces (false).
    public var includeNotProducingPastContractedDate: Bool
    /// Whether enterprises sharing a parcel (the same `PerMuFigures.parcelGroup`) are merged
    /// into one result (`PerMuUnit` says how).
    public var mergeSharedParcels: Bool

    public init(includeAboveSize: Bool = true, aboveSizeMinimumMu: Double = 0, belowSizeMinimumMu: Double? = 3,
                includeNotProducingPastContractedDate: Bool = true, mergeSharedParcels: Bool = true) {
        self.includeAboveSize = includeAboveSize; self.aboveSizeMinimumMu = aboveSizeMinimumMu
        self.belowSizeMinimumMu = belowSizeMinimumMu
        self.includeNotProducingPastContractedDate = includeNotProducingPastContractedDate
        self.mergeSharedParcels = mergeSharedParcels
    }
}

/// One group's indicator set. Score = Σ weight × normalised score, in indicator order.
public struct PerMuGroup: Sendable, Hashable, Codable {
    /// Above-size or below-size.
    public var kind: PerMuGroupKind
    /// The indicators in scoring order.
    public var indicators: [PerMuIndicatorRule]

    public init(kind: PerMuGroupKind, indicators: [PerMuIndicatorRule]) { self.kind = kind; self.indicators = indicators }

    /// Σ weights, in indicator order.
    public var weightSum: Double { indicators.reduce(0) { $0 + $1.weight } }
}

/// One indicator of a group: its weight, benchmark, normalisation, missing-data rule and direction.
public struct PerMuIndicatorRule: Sendable, Hashable, Codable {
    /// What is measured.
    public var indicator: PerMuIndicator
    /// Points per unit of normalised score (the published weights: 30, 20, …).
    public var weight: Double
    /// Where the benchmark of `.ratio` normalisation comes from.
    public var benchmarkRule: PerMuBenchmarkRule
    /// The fixed benchmark in the indicator's unit (`PerMuIndicator.unit`); required for a fixed
    /// rule with `.ratio` normalisation, ignored otherwise (min–max needs no benchmark).
    public var benchmark: Double?
    /// How the value becomes a score.
    public var normalisation: PerMuNormalisation
    /// What a missing value scores.
    public var missing: PerMuMissingRule
    /// Whether more is better.
    public var direction: PerMuDirection

    public init(_ indicator: PerMuIndicator, weight: Double, benchmark: Double?, benchmarkRule: PerMuBenchmarkRule = .fixed,
                normalisation: PerMuNormalisation = .ratio(cap: nil), missing: PerMuMissingRule = .zero,
                direction: PerMuDirection = .higherIsBetter) {
        self.indicator = indicator; self.weight = weight; self.benchmark = benchmark; self.benchmarkRule = benchmarkRule
        self.normalisation = normalisation; self.missing = missing; self.direction = direction
    }
}

/// Where a benchmark comes from: fixed in the scheme (published yearly), or computed from the
/// year's data over the group's graded enterprises that have the value (mean or median).
public enum PerMuBenchmarkRule: String, Sendable, Hashable, Codable, CaseIterable {
    case fixed
    case mean
    case median
}

/// How a value becomes a normalised score (the indicator's points = weight × normalised score).
public enum PerMuNormalisation: Sendable, Hashable, Codable {
    /// value ÷ benchmark, computed as value × (1 ÷ benchmark) (benchmark ÷ value when lower is
    /// better; a value ≤ 0 then scores the cap), never below 0 (a negative value, e.g. net tax
    /// after refunds, scores 0), and at most `cap` when one is given (nil: uncapped, as
    /// Huangyan). Lower-is-better needs a cap.
    case ratio(cap: Double?)
    /// low + (high − low) × (value − min) ÷ (max − min), min and max over the group's graded
    /// enterprises that have the value ((max − value) ÷ (max − min) when lower is better); when
    /// all values are equal every one scores `high`. Use 0…1 to keep totals on the weight scale.
    case minMax(low: Double, high: Double)
}

/// What a missing value scores.
public enum PerMuMissingRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The mean normalised score of the group's graded enterprises that have the value (0 when
    /// none has it), as Huangyan does for missing emissions.
    case averageScore = "average_score"
    /// Zero.
    case zero
    /// The enterprise is left ungraded, with the indicator named as the reason.
    case ungraded
}

/// How scores become grades.
public struct PerMuGrading: Sendable, Hashable, Codable {
    /// Thresholds or shares.
    public var rule: PerMuGradingRule
    /// How equal scores are graded under share grading (thresholds need no tie rule).
    public var ties: PerMuTieRule
    /// Whether above-size and below-size enterprises are ranked and graded separately (the
    /// usual practice: their indicator sets differ) or together.
    public var pooling: PerMuPooling

    public init(rule: PerMuGradingRule, ties: PerMuTieRule = .betterGrade, pooling: PerMuPooling = .perGroup) {
        self.rule = rule; self.ties = ties; self.pooling = pooling
    }
}

/// Score thresholds or shares.
public enum PerMuGradingRule: Sendable, Hashable, Codable {
    /// score ≥ a → A, ≥ b → B, ≥ c → C, else D (a > b > c).
    case thresholds(a: Double, b: Double, c: Double)
    /// Percentages of the ranked enterprises from the top, summing to 100: with n ranked, A
    /// takes positions below ⌊n × a ÷ 100⌋, B below ⌊n × (a + b) ÷ 100⌋, C below
    /// ⌊n × (a + b + c) ÷ 100⌋, D the rest, so A gets at most its share and D at least its
    /// share (Shandong: "A ≤ 20 %, D ≥ 5 %"). Ties: `PerMuTieRule`.
    case shares(a: Double, b: Double, c: Double, d: Double)
}

/// How enterprises with equal scores straddling a share boundary are graded.
public enum PerMuTieRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Equal scores get the better grade (the grade of the tie's first position), so a grade
    /// may exceed its share.
    case betterGrade = "better_grade"
    /// Equal scores get the worse grade (the grade of the tie's last position).
    case worseGrade = "worse_grade"
}

/// Whether the groups are ranked and graded separately or as one pool.
public enum PerMuPooling: String, Sendable, Hashable, Codable, CaseIterable {
    case perGroup = "per_group"
    case wholePark = "whole_park"
}
