import Foundation

/// Whether a unit was graded.
public enum PerMuStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case graded
    /// In scope, but a figure an indicator needs is missing and its rule leaves it ungraded.
    case ungraded
    /// Left out by the scheme's scope.
    case outOfScope = "out_of_scope"
}

/// One indicator of one unit.
public struct PerMuIndicatorResult: Sendable, Hashable, Codable {
    /// The indicator.
    public var indicator: PerMuIndicator
    /// Its weight in the scheme.
    public var weight: Double
    /// The value in the indicator's unit; nil when missing.
    public var value: Double?
    /// The benchmark used (ratio normalisation), nil for min–max.
    public var benchmark: Double?
    /// The normalised score (value ÷ benchmark, or the min–max scaled value, or what the missing
    /// rule gave).
    public var score: Double
    /// weight × score.
    public var points: Double
    /// The rule that supplied the score when the value was missing.
    public var missingRule: PerMuMissingRule?
    /// How the value, score and points were obtained (or the missing rule applied).
    public var explanation: Bilingual

    public init(indicator: PerMuIndicator, weight: Double, value: Double?, benchmark: Double?, score: Double, points: Double,
                missingRule: PerMuMissingRule?, explanation: Bilingual) {
        self.indicator = indicator; self.weight = weight; self.value = value; self.benchmark = benchmark; self.score = score
        self.points = points; self.missingRule = missingRule; self.explanation = explanation
    }
}

/// An enterprise of a unit, with what the electricity surcharge costs it.
public struct PerMuMember: Sendable, Hashable, Codable {
    /// The enterprise.
    public var enterpriseId: UUID
    /// Land it holds (mu).
    public var landMu: Double
    /// Electricity it used (kWh), nil when not reported.
    public var electricityKWh: Double?
    /// Another punitive electricity tariff it already pays (yuan/kWh).
    public var otherElectricitySurchargeYuanPerKWh: Double
    /// The rate the scheme's electricity surcharge adds for it this year (yuan/kWh), 0 when none.
    public var addedElectricityRate: Double
    /// kWh × added rate (yuan), 0 when no kWh is reported.
    public var electricitySurchargeYuan: Double

    public init(enterpriseId: UUID, landMu: Double, electricityKWh: Double?, otherElectricitySurchargeYuanPerKWh: Double,
                addedElectricityRate: Double, electricitySurchargeYuan: Double) {
        self.enterpriseId = enterpriseId; self.landMu = landMu; self.electricityKWh = electricityKWh
        self.otherElectricitySurchargeYuanPerKWh = otherElectricitySurchargeYuanPerKWh
        self.addedElectricityRate = addedElectricityRate; self.electricitySurchargeYuan = electricitySurchargeYuan
    }
}

/// The result of one unit (an enterprise, or enterprises sharing a parcel) for one year.
public struct PerMuResult: Sendable, Hashable, Codable {
    /// The unit's id: its lead enterprise's.
    public var enterpriseId: UUID
    /// The unit's enterprises in input order (one when not merged; the lead is `enterpriseId`).
    public var members: [PerMuMember]
    /// The indicator set that applies (above-size when any member is).
    public var group: PerMuGroupKind
    /// The lead enterprise's cluster code.
    public var cluster: String?
    /// The lead enterprise's sub-area.
    public var subArea: String?
    /// Land of the unit (Σ members, mu).
    public var landMu: Double
    /// Graded, ungraded or out of scope.
    public var status: PerMuStatus
    /// The group's indicators in scheme order (empty when out of scope; values only when ungraded).
    public var indicators: [PerMuIndicatorResult]
    /// Σ points in indicator order; nil unless graded.
    public var total: Double?
    /// Rank among the ranking pool (the group, or the whole park), ties sharing the best rank.
    public var parkRank: Int?
    /// Number of units in the ranking pool.
    public var poolSize: Int?
    /// Rank among the pool's units of the same cluster; nil without a cluster.
    public var clusterRank: Int?
    /// This year's grade; nil unless graded.
    public var grade: PerMuGrade?
    /// Last year's grade, from the prior-year records given (the worst among merged members).
    public var previousGrade: PerMuGrade?
    /// Consecutive years in `grade`, this year included (0 unless graded).
    public var consecutiveYears: Int
    /// The grade's treatments at this run's step.
    public var treatments: [PerMuTreatmentOutcome]
    /// Why the unit is out of scope or ungraded.
    public var reason: Bilingual?
    /// A short summary: score, rank, grade, treatment.
    public var explanation: Bilingual

    public init(enterpriseId: UUID, members: [PerMuMember], group: PerMuGroupKind, cluster: String?, subArea: String?,
                landMu: Double, status: PerMuStatus, indicators: [PerMuIndicatorResult], total: Double?, parkRank: Int?,
                poolSize: Int?, clusterRank: Int?, grade: PerMuGrade?, previousGrade: PerMuGrade?, consecutiveYears: Int,
                treatments: [PerMuTreatmentOutcome], reason: Bilingual?, explanation: Bilingual) {
        self.enterpriseId = enterpriseId; self.members = members; self.group = group; self.cluster = cluster
        self.subArea = subArea; self.landMu = landMu; self.status = status; self.indicators = indicators; self.total = total
        self.parkRank = parkRank; self.poolSize = poolSize; self.clusterRank = clusterRank; self.grade = grade
        self.previousGrade = previousGrade; self.consecutiveYears = consecutiveYears; self.treatments = treatments
        self.reason = reason; self.explanation = explanation
    }

    /// The electricity surcharge the scheme adds for the unit this year (yuan).
    public var electricitySurchargeYuan: Double { members.reduce(0) { $0 + $1.electricitySurchargeYuan } }
}

/// A benchmark or scaling range as used in a run, per group and indicator.
public struct PerMuBenchmarkUsed: Sendable, Hashable, Codable {
    /// The group.
    public var group: PerMuGroupKind
    /// The indicator.
    public var indicator: PerMuIndicator
    /// Where its benchmark came from.
    public var rule: PerMuBenchmarkRule
    /// The benchmark (fixed, or computed from the year's data); nil for min–max or no data.
    public var benchmark: Double?
    /// Least value among the group's graded units with a value.
    public var minimum: Double?
    /// Greatest such value.
    public var maximum: Double?
    /// Mean normalised score of those units (what `.averageScore` gives a missing value).
    public var averageScore: Double
    /// Number of graded units with a value.
    public var count: Int
}

/// A scheme run on a year's figures.
public struct PerMuRun: Sendable, Hashable, Codable {
    /// The scheme run.
    public var schemeName: String
    /// Its version.
    public var schemeVersion: Int
    /// The data year.
    public var year: Int
    /// One result per unit, in order of first appearance in the figures.
    public var results: [PerMuResult]
    /// Benchmarks, ranges and average scores per group and indicator.
    public var benchmarks: [PerMuBenchmarkUsed]
    /// What was set aside or merged, computed benchmarks without data.
    public var notes: [Bilingual]

    /// The result holding `enterpriseId` (as lead or merged member).
    public func result(for enterpriseId: UUID) -> PerMuResult? {
        results.first { $0.members.contains { $0.enterpriseId == enterpriseId } }
    }

    /// Each graded enterprise's grade and consecutive years in it, the `previous` input of
    /// next year's run. Ungraded and out-of-scope enterprises have no entry: their run ends.
    public var history: [UUID: PerMuPriorYear] {
        var out: [UUID: PerMuPriorYear] = [:]
        for r in results {
            guard let g = r.grade else { continue }
            for m in r.members { out[m.enterpriseId] = PerMuPriorYear(grade: g, consecutiveYears: r.consecutiveYears) }
        }
        return out
    }

    /// Graded units per grade, A to D.
    public var gradeCounts: [PerMuGrade: Int] {
        var out: [PerMuGrade: Int] = [:]
        for r in results { if let g = r.grade { out[g, default: 0] += 1 } }
        return out
    }

    /// Σ of every unit's electricity surcharge (yuan).
    public var electricitySurchargeYuan: Double { results.reduce(0) { $0 + $1.electricitySurchargeYuan } }
}
