import Foundation

/// Why a policy gave its answer for one enterprise: each condition with its result and the fact
/// values it used, each parameter with its value and the date that value took effect, and the
/// amount's computation step by step, in both languages. Built on demand only.
public struct PolicyExplanation: Sendable, Hashable {
    /// One top-level condition of `eligible when` (the conjuncts of its `and` chain).
    public struct Condition: Sendable, Hashable {
        /// The condition as written in the policy language.
        public var text: String
        /// The condition in words (`PolicyWording`), for people who do not read the language.
        public var words: Bilingual
        /// true / false, nil when undetermined.
        public var result: Bool?
        /// The facts it reads with their values (`?` when missing).
        public var values: [FactValue]
    }
    /// A fact a condition reads, with its value.
    public struct FactValue: Sendable, Hashable {
        public var name: String
        public var label: Bilingual
        /// Rendered value, nil when missing.
        public var value: String?
        /// The value in words (amounts scaled and unit-named), nil when missing.
        public var words: Bilingual? = nil
    }
    /// A parameter with the value in effect on the evaluation date and when that value took effect.
    public struct ParameterValue: Sendable, Hashable {
        public var name: String
        public var label: Bilingual?
        public var value: String
        /// The value in words (amounts scaled and unit-named).
        public var words: Bilingual
        /// The date this value took effect.
        public var effectiveFrom: LocalDate
        public var effectiveTo: LocalDate?
    }

    public var policyId: String
    public var title: Bilingual
    public var asOf: LocalDate
    public var outcome: PolicyOutcome
    public var conditions: [Condition]
    public var parameters: [ParameterValue]
    /// The amount's computation (lets, scale brackets, table rows, caps, rounding).
    public var steps: [Bilingual]

    /// The explanation as plain text in `language`.
    public func text(_ language: Language) -> String {
        let zh = language == .zh
        var lines = ["\(title.text(language)) (\(policyId)), \(zh ? "评估日" : "as of") \(asOf)"]
        let amount = outcome.amountFen.map { PolicyFixed.render($0 * PolicyFixed.perFen, .money(.cny)) }
        var status = outcome.status.label.text(language)
        if let amount { status += zh ? "，金额 \(amount)" : ", amount \(amount)" }
        if outcome.status == .eligible, outcome.amountFen == nil {
            status += zh ? "，金额待定" : ", amount undetermined"
        }
        lines.append((zh ? "结论：" : "Result: ") + status)
        if !outcome.missingFacts.isEmpty {
            lines.append((zh ? "需补充的数据：" : "Data needed: ") + outcome.missingFacts.joined(separator: ", "))
        }
        lines.append(zh ? "条件：" : "Conditions:")
        for c in conditions {
            let r = c.result.map { $0 ? (zh ? "满足" : "true") : (zh ? "不满足" : "false") } ?? (zh ? "待定" : "undetermined")
            let used = c.values.map { "\($0.label.text(language)) \($0.name) = \($0.value ?? (zh ? "缺失" : "missing"))" }
            lines.append("  [\(r)] \(c.text)" + (used.isEmpty ? "" : " — " + used.joined(separator: "; ")))
        }
        if !parameters.isEmpty {
            lines.append(zh ? "参数：" : "Parameters:")
            for p in parameters {
                lines.append("  \(p.label?.text(language) ?? p.name) \(p.name) = \(p.value) (\(zh ? "自" : "since") \(p.effectiveFrom)\(p.effectiveTo.map { zh ? " 至 \($0)" : " to \($0)" } ?? ""))")
            }
        }
        if !steps.isEmpty {
            lines.append(zh ? "计算：" : "Computation:")
            lines += steps.map { "  " + $0.text(language) }
        }
        return lines.joined(separator: "\n")
    }
}

extension Policy {
    /// The three-valued answer for one enterprise on `asOf` (parameter values in effect that day).
    /// Throws only when a parameter has no value on `asOf`. Does not check the validity period:
    /// `PolicyMatching` leaves out policies not in force.
    public func evaluate(_ facts: PolicyFacts, asOf: LocalDate) throws(DomainError) -> PolicyOutcome {
        var e = try PolicyEvaluator(self, facts: facts, asOf: asOf, recording: false)
        return e.outcome().0
    }

    /// The answer with its explanation.
    public func explain(_ facts: PolicyFacts, asOf: LocalDate) throws(DomainError) -> PolicyExplanation {
        var e = try PolicyEvaluator(self, facts: facts, asOf: asOf, recording: false)
        let (outcome, _, _) = e.outcome()
        var conditions: [PolicyExplanation.Condition] = []
        for c in self.conditions {
            var probe = try PolicyEvaluator(self, facts: facts, asOf: asOf, recording: false)
            let v = probe.eval(c.term)
            let used = Self.factsRead(c.term, locals: locals).sorted().map { k -> PolicyExplanation.FactValue in
                let f = self.facts[k]
                var one = try? PolicyEvaluator(self, facts: facts, asOf: asOf, recording: false)
                let fv = one?.eval(.fact(k)) ?? .unknown(1)
                return .init(name: f.name, label: f.label, value: fv.known ? (one?.render(fv, f.type)) : nil,
                             words: fv.known ? one?.words(fv, f.type) : nil)
            }
            conditions.append(.init(text: c.text, words: c.words, result: v.known ? v.raw != 0 : nil, values: used))
        }
        var steps: [Bilingual] = []
        if outcome.status == .eligible, let amount {
            var rec = try PolicyEvaluator(self, facts: facts, asOf: asOf, recording: true)
            let a = rec.eval(amount)
            steps = rec.steps
            if a.known {
                let rounded = PolicyFixed.fen(fromMicro: a.raw) * PolicyFixed.perFen
                let w = PolicyAmountWords.words(rounded, .money(.cny))
                steps.append(rounded == a.raw ? Bilingual(zh: "金额：\(w.zh)", en: "Amount: \(w.en)") : {
                    let x = PolicyAmountWords.words(a.raw, .money(.cny))
                    return Bilingual(zh: "金额：\(x.zh)，按分四舍五入为 \(w.zh)", en: "Amount: \(x.en), rounded half up to the fen: \(w.en)")
                }())
            }
        }
        let values = try parameterValues(on: asOf)
        let params = parameters.indices.map { k in
            PolicyExplanation.ParameterValue(name: parameters[k].name, label: parameters[k].label,
                                             value: PolicyFixed.render(values[k].raw, values[k].type),
                                             words: PolicyAmountWords.words(values[k].raw, values[k].type),
                                             effectiveFrom: values[k].from, effectiveTo: values[k].to)
        }
        return PolicyExplanation(policyId: id, title: header.title, asOf: asOf, outcome: outcome, conditions: conditions,
                                 parameters: params, steps: steps)
    }

    /// Indexes of the facts a term reads (through locals).
    static func factsRead(_ t: PolicyTerm, locals: [Local]) -> Set<Int> {
        switch t {
        case .fact(let k): return [k]
        case .local(let k): return factsRead(locals[k].term, locals: locals)
        case .constant, .asOf, .parameter: return []
        case .negate(let a), .abs(let a), .not(let a), .codeIn(let a, _, _), .listHas(let a, _, _), .round(let a, _, _, _), .yearsSince(let a):
            return factsRead(a, locals: locals)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return factsRead(a, locals: locals).union(factsRead(b, locals: locals))
        case .minimum(let xs, _), .maximum(let xs, _): return xs.reduce(into: Set<Int>()) { $0.formUnion(factsRead($1, locals: locals)) }
        case .select(let c, let a, let b):
            return factsRead(c, locals: locals).union(factsRead(a, locals: locals)).union(factsRead(b, locals: locals))
        case .scale(let s): return factsRead(s.input, locals: locals)
        case .table(let tb):
            var out = Set<Int>()
            for r in tb.rows { out.formUnion(factsRead(r.condition, locals: locals)); out.formUnion(factsRead(r.output, locals: locals)) }
            if let o = tb.otherwise { out.formUnion(factsRead(o, locals: locals)) }
            return out
        }
    }
}
