import Foundation

/// One differentiated treatment of a grade (差别化措施, DOMAIN.md §2): a surcharge or discount
/// on a utility, or a priority, escalating with the consecutive years an enterprise has been in
/// the grade. Example: D electricity surcharge 0.05 yuan/kWh in year 1, 0.10 after 2
/// consecutive D years, 0.15 after 3.
public struct PerMuTreatment: Sendable, Hashable, Codable {
    /// The grade treated.
    public var grade: PerMuGrade
    /// What is applied.
    public var kind: PerMuTreatmentKind
    /// The rate by consecutive years in the grade, ascending by `fromConsecutiveYears`; the
    /// step with the largest `fromConsecutiveYears` ≤ the enterprise's run applies. Empty for a
    /// priority (no rate).
    public var steps: [PerMuEscalationStep]
    /// A note shown with the treatment, e.g. the policy document.
    public var note: Bilingual?

    public init(grade: PerMuGrade, kind: PerMuTreatmentKind, steps: [PerMuEscalationStep] = [], note: Bilingual? = nil) {
        self.grade = grade; self.kind = kind; self.steps = steps; self.note = note
    }

    /// The rate for `consecutiveYears` (≥ 1) in the grade, nil when no step applies.
    public func rate(consecutiveYears: Int) -> Double? {
        steps.last { $0.fromConsecutiveYears <= consecutiveYears }?.rate
    }
}

/// A step of an escalation: from this many consecutive years in the grade, this rate.
public struct PerMuEscalationStep: Sendable, Hashable, Codable {
    /// Consecutive years in the grade, this year included (1 = first year).
    public var fromConsecutiveYears: Int
    /// Rate in the treatment kind's unit; positive is a surcharge (punitive), negative a discount.
    public var rate: Double

    public init(fromConsecutiveYears: Int, rate: Double) { self.fromConsecutiveYears = fromConsecutiveYears; self.rate = rate }
}

/// Kinds of treatment. Tariffs carry a rate in their unit; priorities carry none.
public enum PerMuTreatmentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case electricitySurcharge = "electricity_surcharge"
    case waterSurcharge = "water_surcharge"
    case gasSurcharge = "gas_surcharge"
    case dischargeSurcharge = "discharge_surcharge"
    case landPriority = "land_priority"
    case creditPriority = "credit_priority"

    /// Whether the kind is a tariff with a rate (surcharge or, with a negative rate, a discount).
    public var isTariff: Bool {
        switch self {
        case .electricitySurcharge, .waterSurcharge, .gasSurcharge, .dischargeSurcharge: true
        case .landPriority, .creditPriority: false
        }
    }

    /// The unit of the rate.
    public var unit: Bilingual {
        switch self {
        case .electricitySurcharge: Bilingual(zh: "元/千瓦时", en: "yuan/kWh")
        case .waterSurcharge, .gasSurcharge: Bilingual(zh: "元/立方米", en: "yuan/m³")
        case .dischargeSurcharge: Bilingual(zh: "元/污染当量", en: "yuan/pollution equivalent")
        case .landPriority, .creditPriority: Bilingual(zh: "", en: "")
        }
    }

    /// The kind's name in both languages.
    public var label: Bilingual {
        switch self {
        case .electricitySurcharge: Bilingual(zh: "差别化电价加价", en: "electricity surcharge")
        case .waterSurcharge: Bilingual(zh: "差别化水价加价", en: "water surcharge")
        case .gasSurcharge: Bilingual(zh: "差别化气价加价", en: "gas surcharge")
        case .dischargeSurcharge: Bilingual(zh: "排污费加收", en: "discharge fee surcharge")
        case .landPriority: Bilingual(zh: "用地优先保障", en: "land priority")
        case .creditPriority: Bilingual(zh: "信贷优先支持", en: "credit priority")
        }
    }
}

/// A treatment as applied to one evaluated enterprise (or merged unit) in one year.
public struct PerMuTreatmentOutcome: Sendable, Hashable, Codable {
    /// What is applied.
    public var kind: PerMuTreatmentKind
    /// Consecutive years in the grade, this year included.
    public var consecutiveYears: Int
    /// The scheme's rate for that many years (nil for a priority), in `kind.unit`.
    public var rate: Double?
    /// For the electricity surcharge: what it adds this year over the members' other punitive
    /// tariffs, Σ kWh × added rate (yuan); nil for other kinds.
    public var electricitySurchargeYuan: Double?
    /// The treatment in words, with rate and amount.
    public var explanation: Bilingual

    public init(kind: PerMuTreatmentKind, consecutiveYears: Int, rate: Double?, electricitySurchargeYuan: Double?,
                explanation: Bilingual) {
        self.kind = kind; self.consecutiveYears = consecutiveYears; self.rate = rate
        self.electricitySurchargeYuan = electricitySurchargeYuan; self.explanation = explanation
    }

    /// The rate a member adds on top of the `other` punitive electricity tariff it already
    /// pays (yuan/kWh): with only the highest applying, max(rate, other) − other; otherwise the
    /// rate. A discount (negative rate) is not a punitive tariff and always applies in full.
    public static func addedElectricityRate(_ rate: Double, other: Double, onlyHighest: Bool) -> Double {
        guard rate > 0, onlyHighest else { return rate }
        return Swift.max(rate, other) - Swift.max(other, 0)
    }
}

/// An enterprise's grade last year and how many consecutive years it had held it, the input
/// that escalates this year's treatment (`PerMuRun.history` gives next year's).
public struct PerMuPriorYear: Sendable, Hashable, Codable {
    /// Last year's grade.
    public var grade: PerMuGrade
    /// Consecutive years in `grade` up to and including last year (e.g. consecutive D years).
    public var consecutiveYears: Int

    public init(grade: PerMuGrade, consecutiveYears: Int) { self.grade = grade; self.consecutiveYears = consecutiveYears }
}
