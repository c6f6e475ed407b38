import Foundation

/// A checked policy: header, parameters, the facts it reads, its eligibility condition and
/// amount, ready to evaluate (`evaluate(_:asOf:)`, `explain(_:asOf:)`) or to compile for a
/// whole-park run (`PolicyProgram`). Build it with `Policy.parse(_:catalogue:)`.
public struct Policy: Sendable {
    /// A `let` (or a hidden table/scale input): `words` is its expression in words, `label` its name for people.
    struct Local: Sendable {
        var name: String; var term: PolicyTerm; var type: PolicyType; var text: String; var hidden: Bool
        var label: Bilingual; var words: Bilingual
    }
    struct Condition: Sendable { var text: String; var words: Bilingual; var term: PolicyTerm }
    /// The types the checker gave an arithmetic term's operands and result (a literal's unit
    /// is known only there), for the explanation's steps.
    struct OperandTypes: Sendable { var left: PolicyType; var right: PolicyType; var result: PolicyType }

    public let header: PolicyHeader
    public let parameters: [PolicyParameter]
    /// The facts the policy reads, in the order of the missing-fact bits (at most 64).
    public let facts: [PolicyFact]
    /// The source text it was parsed from.
    public let source: String
    /// Lint warnings (unreachable or overlapping table rows, parameters expiring during the validity).
    public let warnings: [PolicyDiagnostic]
    let locals: [Local]
    let eligible: PolicyTerm
    /// The top-level conjuncts of `eligible when`, for explanations.
    let conditions: [Condition]
    /// nil: the policy grants no money (amount 0).
    let amount: PolicyTerm?
    /// Each arithmetic term's operand types (`PolicyChecker` fills it).
    var arithmeticTypes: [PolicyTerm: OperandTypes] = [:]

    public var id: String { header.id }

    /// The top-level conditions of `eligible when`, each in words and as its source text.
    public var conditionTexts: [(words: Bilingual, code: String)] { conditions.map { ($0.words, $0.text) } }

    /// A stable fingerprint of the source (FNV-1a, 64 bits, hex): store it with a matching run so
    /// an answer can be reproduced with the same policy version.
    public var sourceDigest: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Parses and checks `source` against `catalogue`. Throws the first error with its line and
    /// column; warnings are kept in `warnings`.
    public static func parse(_ source: String, catalogue: PolicyFactCatalogue = .builtIn) throws(PolicyDiagnostic) -> Policy {
        var parser = try PolicyParser(source)
        let document = try parser.document()
        var checker = PolicyChecker(document: document, catalogue: catalogue)
        return try checker.check()
    }

    /// Parses and checks `source`, returning every diagnostic instead of throwing: the error (if
    /// any) and the warnings, for the console's live validation and `parkos policies check`.
    public static func diagnose(_ source: String, catalogue: PolicyFactCatalogue = .builtIn) -> [PolicyDiagnostic] {
        do { return try parse(source, catalogue: catalogue).warnings } catch { return [error] }
    }

    /// Names of the facts in `mask` (bits index `facts`), in catalogue order of the policy.
    public func factNames(_ mask: UInt64) -> [String] {
        facts.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { facts[$0].name }
    }

    /// Bilingual labels of the facts in `mask`.
    public func factLabels(_ mask: UInt64) -> [Bilingual] {
        facts.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { facts[$0].label }
    }

    /// The parameter values in effect on `date` (raw micro-units / `yyyymmdd` / 0-1) with the
    /// date each took effect. Throws when a parameter has no value on that date.
    func parameterValues(on date: LocalDate) throws(DomainError) -> [PolicyParameterValue] {
        var out: [PolicyParameterValue] = []
        for p in parameters {
            guard let v = p.value(on: date) else {
                throw DomainError(code: "parameter_without_value", field: p.name,
                                  en: "policy \(id): parameter \(p.name) has no value on \(date)",
                                  zh: "政策 \(id)：参数 \(p.name) 在 \(date) 没有有效值")
            }
            out.append(v)
        }
        return out
    }
}

/// The three answers of a policy for an enterprise.
public enum PolicyStatus: UInt8, Sendable, Hashable, Codable, CaseIterable {
    case notEligible = 0
    case eligible = 1
    /// A missing fact decides it; `PolicyOutcome.missingFacts` lists which.
    case undetermined = 2

    public var label: Bilingual {
        switch self {
        case .notEligible: Bilingual(zh: "不符合", en: "Not eligible")
        case .eligible: Bilingual(zh: "符合", en: "Eligible")
        case .undetermined: Bilingual(zh: "待定（缺少数据）", en: "Undetermined (data missing)")
        }
    }
}

/// One policy's answer for one enterprise.
public struct PolicyOutcome: Sendable, Hashable, Codable {
    public var status: PolicyStatus
    /// The amount in fen when eligible and computable (negative for a surcharge); nil otherwise.
    public var amountFen: Int64?
    /// Undetermined: the facts that would decide eligibility. Eligible without an amount: the
    /// facts the amount needs. Otherwise empty.
    public var missingFacts: [String]

    public init(status: PolicyStatus, amountFen: Int64?, missingFacts: [String]) {
        self.status = status; self.amountFen = amountFen; self.missingFacts = missingFacts
    }
}
