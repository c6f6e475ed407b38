import Foundation

/// A checked, typed expression: what both evaluators (scalar with explanation, compiled
/// columnar) execute. Built by `PolicyChecker` from the syntax; names are resolved to indexes
/// (facts into `Policy.facts`, parameters into `Policy.parameters`, locals into `Policy.lets`).
indirect enum PolicyTerm: Sendable, Hashable {
    /// A bool, quantity (micro-units) or date (`yyyymmdd`) constant.
    case constant(Int64)
    /// The evaluation date (`as_of`), `yyyymmdd`.
    case asOf
    case fact(Int)
    case parameter(Int)
    case local(Int)
    case negate(PolicyTerm)
    case abs(PolicyTerm)
    case not(PolicyTerm)
    case arithmetic(PolicyArithmeticOp, PolicyTerm, PolicyTerm)
    /// On raw values: quantities, dates, bools.
    case compare(PolicyCompareOp, PolicyTerm, PolicyTerm)
    /// A code-valued term in a set of codes (equality is a one-element set).
    case codeIn(PolicyTerm, [String], negated: Bool)
    /// A list-valued term holding a code.
    case listHas(PolicyTerm, String, negated: Bool)
    case and(PolicyTerm, PolicyTerm)
    case or(PolicyTerm, PolicyTerm)
    case minimum([PolicyTerm], PolicyType)
    case maximum([PolicyTerm], PolicyType)
    case round(PolicyTerm, step: Int64, mode: PolicyRounding, PolicyType)
    /// `if c then a else b`.
    case select(PolicyTerm, PolicyTerm, PolicyTerm)
    /// Whole years from a date to `as_of`.
    case yearsSince(PolicyTerm)
    case scale(PolicyScaleTerm)
    case table(PolicyTableTerm)
}

enum PolicyArithmeticOp: String, Sendable, Hashable { case add = "+", sub = "-", mul = "*", div = "/" }

enum PolicyCompareOp: String, Sendable, Hashable {
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="

    @inline(__always)
    func holds(_ a: Int64, _ b: Int64) -> Bool {
        switch self {
        case .eq: a == b
        case .ne: a != b
        case .lt: a < b
        case .le: a <= b
        case .gt: a > b
        case .ge: a >= b
        }
    }
}

/// A bracket scale. `upTo` has one threshold per bracket except an `above` bracket; thresholds
/// and values are constants (literals or parameters).
struct PolicyScaleTerm: Sendable, Hashable {
    var marginal: Bool
    var input: PolicyTerm
    var upTo: [PolicyTerm]
    /// Rates (marginal) or amounts (single), one per bracket; `values.count == upTo.count + 1`
    /// when the scale ends with `above`.
    var values: [PolicyTerm]
    var inputType: PolicyType
    var valueType: PolicyType
    var line: Int
}

/// A decision table: inputs are hidden locals, each row's condition a Kleene conjunction of its cells.
struct PolicyTableTerm: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        var condition: PolicyTerm
        var output: PolicyTerm
        var line: Int
        var text: String
        /// The row's cells in words (`PolicyWording.row`).
        var words: Bilingual
    }
    var hit: PolicyHitPolicy
    var rows: [Row]
    var otherwise: PolicyTerm?
    var outputType: PolicyType
    var line: Int
}

/// A typed value of the scalar evaluator: raw Int64 (bool, quantity, date), a code, or a set of
/// codes, and the mask of missing facts (bits index `Policy.facts`) it depends on. A value is
/// unknown exactly when `missing != 0`.
struct PolicyValue: Sendable, Hashable {
    var raw: Int64 = 0
    var code: String? = nil
    var codes: Set<String>? = nil
    var missing: UInt64 = 0

    var known: Bool { missing == 0 }
    static func unknown(_ m: UInt64) -> PolicyValue { PolicyValue(missing: m) }
}
