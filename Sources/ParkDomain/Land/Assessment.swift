import Foundation

/// A versioned assessment ruleset (data): how commitment results become a proposal.
/// The default follows the park's practice: all mandatory commitments met and score ≥ 90
/// → extend to the maximum total term; score ≥ 60 → extend by a shorter term; otherwise
/// no renewal and the land is taken back.
public struct AssessmentRuleset: Sendable, Hashable, Codable {
    public var name: String
    public var version: Int
    /// Score at or above which, with every mandatory commitment met, the lease is extended to the maximum total.
    public var fullExtensionMinScore: Double
    /// Score at or above which the lease is extended by `shortExtensionYears`.
    public var shortExtensionMinScore: Double
    public var shortExtensionYears: Int
    /// Each commitment's achievement ratio counts at most this much in the score (1.0 = no credit for over-achievement).
    public var ratioCap: Double
    /// Whether a missed mandatory commitment rules out the full extension.
    public var mandatoryRequiredForFull: Bool
    /// Months before the first term ends that the assessment window opens.
    public var windowMonths: Int

    public init(name: String = "default", version: Int = 1, fullExtensionMinScore: Double = 90,
                shortExtensionMinScore: Double = 60, shortExtensionYears: Int = 10, ratioCap: Double = 1.0,
                mandatoryRequiredForFull: Bool = true, windowMonths: Int = 12) {
        self.name = name; self.version = version; self.fullExtensionMinScore = fullExtensionMinScore
        self.shortExtensionMinScore = shortExtensionMinScore; self.shortExtensionYears = shortExtensionYears
        self.ratioCap = ratioCap; self.mandatoryRequiredForFull = mandatoryRequiredForFull; self.windowMonths = windowMonths
    }

    public static let standard = AssessmentRuleset()
}

/// How one commitment fared as of a date.
public struct CommitmentResult: Sendable, Hashable, Codable {
    public var index: Int
    public var kind: CommitmentKind
    /// The value used (in the kind's unit); nil when no report supplies it.
    public var value: Double?
    public var target: Double
    public var direction: CommitmentDirection
    public var measure: CommitmentMeasure
    /// value ÷ target for at-least, target ÷ value for at-most, 1 or 0 for by-date; 0 when value is missing.
    public var ratio: Double
    public var met: Bool
    public var mandatory: Bool
    public var weight: Double
    /// How the value was obtained, e.g. "investment to date 2031: 150,000,000 yuan ÷ 100.0 mu".
    public var explanation: String
    /// The explanation in Chinese, same numbers; nil in results stored before it existed.
    public var explanationZh: String?

    /// The explanation in `language` (English when no Chinese text was stored).
    public func explanation(_ language: Language) -> String {
        language == .zh ? explanationZh ?? explanation : explanation
    }
}

public enum ProposalKind: String, Sendable, Codable, CaseIterable {
    case extendFull = "extend_full", extendShort = "extend_short", reclaim
    public var label: Bilingual {
        switch self {
        case .extendFull: Bilingual(zh: "续期至最长年限", en: "Extend to the maximum total term")
        case .extendShort: Bilingual(zh: "缩短续期", en: "Extend by a shorter term")
        case .reclaim: Bilingual(zh: "不予续期，收回土地", en: "No renewal: take the land back")
        }
    }
}

/// What the engine proposes for one lease, with the trace that explains it.
public struct AssessmentProposal: Sendable, Hashable, Codable {
    public var asOf: LocalDate
    public var ruleset: String
    public var rulesetVersion: Int
    public var results: [CommitmentResult]
    /// 100 × Σ(weight × min(ratio, cap)) ÷ Σ weight.
    public var score: Double
    public var allMandatoryMet: Bool
    public var kind: ProposalKind
    /// Years proposed after the first term (0 for reclaim).
    public var extensionYears: Int
    /// The rule that fired, in words.
    public var rule: String
    /// The rule in Chinese, same numbers; nil in proposals stored before it existed.
    public var ruleZh: String?

    /// The rule in `language` (English when no Chinese text was stored).
    public func rule(_ language: Language) -> String {
        language == .zh ? ruleZh ?? rule : rule
    }
}

/// An officer's decision on a proposal.
public struct AssessmentDecision: Sendable, Hashable, Codable {
    public var kind: ProposalKind
    public var extensionYears: Int
    /// Empty when the proposal was approved as it stood; required for an override.
    public var overrideReason: String
    /// Compensation for buildings at residual value when the land is taken back (yuan).
    public var compensationYuan: Int64?
    public var decidedBy: String
    public var decidedOn: LocalDate

    public init(kind: ProposalKind, extensionYears: Int, overrideReason: String = "", compensationYuan: Int64? = nil,
                decidedBy: String, decidedOn: LocalDate) {
        self.kind = kind; self.extensionYears = extensionYears; self.overrideReason = overrideReason
        self.compensationYuan = compensationYuan; self.decidedBy = decidedBy; self.decidedOn = decidedOn
    }
}
