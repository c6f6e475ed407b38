import Foundation

/// How a budget cap is applied to the grant proposals of a "without application" policy.
public enum PolicyBudgetRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every amount scaled by budget ÷ total, exact to the fen (largest remainder).
    case proRata = "pro_rata"
    /// Largest amounts first until the budget runs out.
    case byRank = "by_rank"
}

/// The hit policy of a decision table.
public enum PolicyHitPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// At most one row may match (the checker warns about overlapping rows).
    case unique
    /// The first matching row wins.
    case first
    /// The outputs of all matching rows are added.
    case collectSum = "collect_sum"
}

/// The header of a policy source: identity, texts, legal basis, validity and budget.
public struct PolicyHeader: Sendable, Hashable {
    public var id: String
    public var title: Bilingual
    public var department: Bilingual
    public var legalReference: String
    public var summary: Bilingual?
    public var validFrom: LocalDate
    /// Last day in force (inclusive); nil while open-ended.
    public var validTo: LocalDate?
    /// Budget in fen; nil when uncapped.
    public var budgetFen: Int64?
    /// "Enjoy without applying" (免申即享): eligible results become grant proposals.
    public var withoutApplication: Bool
    public var budgetRule: PolicyBudgetRule

    /// Whether the policy is in force on `date`.
    public func isInForce(on date: LocalDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }
}

/// One effective-dated value of a parameter.
public struct PolicyParameterValue: Sendable, Hashable {
    public var from: LocalDate
    /// Last day the value applies (inclusive); nil until replaced by a later `from`.
    public var to: LocalDate?
    /// Micro-units, `yyyymmdd` or 0/1, by `type`.
    public var raw: Int64
    public var type: PolicyType
}

/// A named parameter of a policy with its values over time.
public struct PolicyParameter: Sendable, Hashable {
    public var name: String
    public var label: Bilingual?
    public var values: [PolicyParameterValue]
    public var position: PolicySourcePosition

    /// The value in effect on `date`: the latest `from` on or before it whose `to` (if any) is not
    /// before it.
    public func value(on date: LocalDate) -> PolicyParameterValue? {
        values.filter { $0.from <= date && ($0.to.map { date <= $0 } ?? true) }.max { $0.from < $1.from }
    }
}

/// A parsed expression with its source position and end offset.
struct PolicySyntax: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case literal(Int64, PolicyType)
        case string(String)
        case name(String)
        case call(String, [PolicySyntax])
        case negate(PolicySyntax)
        case not(PolicySyntax)
        /// `+ - * / = != < <= > >= and or`.
        case binary(String, PolicySyntax, PolicySyntax)
        case membership(PolicySyntax, Membership, negated: Bool)
        case conditional(PolicySyntax, PolicySyntax, PolicySyntax)
        case scale(marginal: Bool, input: PolicySyntax, brackets: [Bracket])
        case table(PolicyHitPolicy, inputs: [PolicySyntax], rows: [Row], otherwise: PolicySyntax?)
    }
    /// The right side of `in`.
    enum Membership: Sendable, Hashable {
        case list([PolicySyntax])
        case interval(PolicySyntax, lowClosed: Bool, PolicySyntax, highClosed: Bool)
        /// `"high_tech" in certifications`: the right side is a list-valued expression.
        case value(PolicySyntax)
    }
    struct Bracket: Sendable, Hashable {
        /// nil for `above`.
        var upTo: PolicySyntax?
        var value: PolicySyntax
        var position: PolicySourcePosition
    }
    enum Cell: Sendable, Hashable {
        case any
        case compare(String, PolicySyntax)
        case membership(Membership)
    }
    struct Row: Sendable, Hashable {
        var cells: [Cell]
        var output: PolicySyntax
        var position: PolicySourcePosition
    }

    var kind: Kind
    var position: PolicySourcePosition
    var endOffset: Int
}

/// A parsed (not yet checked) policy source.
struct PolicyDocument: Sendable {
    struct Let: Sendable { var name: String; var label: Bilingual?; var expr: PolicySyntax; var position: PolicySourcePosition }
    var header: PolicyHeader
    var parameters: [PolicyParameter]
    var lets: [Let]
    var eligible: PolicySyntax
    var amount: PolicySyntax?
    var source: String
}
