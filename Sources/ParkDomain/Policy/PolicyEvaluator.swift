import Foundation

/// The scalar (one enterprise) evaluator: walks the checked terms with Kleene three-valued
/// logic and, when asked, records the explanation steps. The columnar `PolicyProgram` gives
/// the same answers (tests prove it on random enterprises).
struct PolicyEvaluator {
    let policy: Policy
    let facts: PolicyFacts
    let asOf: Int64
    let parameters: [PolicyParameterValue]
    var locals: [PolicyValue?]
    var recording: Bool
    var steps: [Bilingual] = []

    init(_ policy: Policy, facts: PolicyFacts, asOf: LocalDate, recording: Bool) throws(DomainError) {
        self.policy = policy; self.facts = facts; self.asOf = asOf.policyRaw
        parameters = try policy.parameterValues(on: asOf)
        locals = Array(repeating: nil, count: policy.locals.count)
        self.recording = recording
    }

    mutating func outcome() -> (PolicyOutcome, eligible: PolicyValue, amount: PolicyValue?) {
        let e = eval(policy.eligible)
        if !e.known { return (PolicyOutcome(status: .undetermined, amountFen: nil, missingFacts: policy.factNames(e.missing)), e, nil) }
        if e.raw == 0 { return (PolicyOutcome(status: .notEligible, amountFen: nil, missingFacts: []), e, nil) }
        let a = policy.amount.map { eval($0) } ?? PolicyValue(raw: 0)
        if !a.known { return (PolicyOutcome(status: .eligible, amountFen: nil, missingFacts: policy.factNames(a.missing)), e, a) }
        return (PolicyOutcome(status: .eligible, amountFen: PolicyFixed.fen(fromMicro: a.raw), missingFacts: []), e, a)
    }

    func render(_ v: PolicyValue, _ t: PolicyType) -> String {
        if !v.known { return "?" }
        if let c = v.code { return c }
        if let cs = v.codes { return "[" + cs.sorted().joined(separator: ", ") + "]" }
        return PolicyFixed.render(v.raw, t)
    }

    mutating func note(_ en: String, _ zh: String) { if recording { steps.append(Bilingual(zh: zh, en: en)) } }

    mutating func eval(_ t: PolicyTerm) -> PolicyValue {
        switch t {
        case .constant(let v): return PolicyValue(raw: v)
        case .asOf: return PolicyValue(raw: asOf)
        case .parameter(let k): return PolicyValue(raw: parameters[k].raw)
        case .fact(let k):
            let f = policy.facts[k]
            guard let v = facts[f.name], v.fits(f.type) else { return .unknown(1 << UInt64(k)) }
            switch v {
            case .bool(let b): return PolicyValue(raw: b ? 1 : 0)
            case .quantity(let m): return PolicyValue(raw: m)
            case .date(let d): return PolicyValue(raw: d.policyRaw)
            case .code(let c): return PolicyValue(code: c)
            case .codes(let cs): return PolicyValue(codes: Set(cs))
            }
        case .local(let k):
            if let v = locals[k] { return v }
            let v = eval(policy.locals[k].term)
            locals[k] = v
            let l = policy.locals[k]
            if !l.hidden { note("\(l.name) = \(l.text) = \(render(v, l.type))", "\(l.name) = \(l.text) = \(render(v, l.type))") }
            return v
        case .negate(let a):
            let x = eval(a); return x.known ? PolicyValue(raw: 0 &- x.raw) : x
        case .abs(let a):
            let x = eval(a); return x.known ? PolicyValue(raw: x.raw < 0 ? 0 &- x.raw : x.raw) : x
        case .not(let a):
            let x = eval(a); return x.known ? PolicyValue(raw: 1 - x.raw) : x
        case .arithmetic(let op, let a, let b):
            let x = eval(a), y = eval(b)
            if !x.known || !y.known { return .unknown(x.missing | y.missing) }
            switch op {
            case .add: return PolicyValue(raw: x.raw &+ y.raw)
            case .sub: return PolicyValue(raw: x.raw &- y.raw)
            case .mul: return PolicyValue(raw: PolicyFixed.multiply(x.raw, y.raw))
            case .div: return PolicyValue(raw: PolicyFixed.divide(x.raw, y.raw))
            }
        case .compare(let op, let a, let b):
            let x = eval(a), y = eval(b)
            if !x.known || !y.known { return .unknown(x.missing | y.missing) }
            return PolicyValue(raw: op.holds(x.raw, y.raw) ? 1 : 0)
        case .codeIn(let a, let codes, let negated):
            let x = eval(a)
            if !x.known { return x }
            return PolicyValue(raw: codes.contains(x.code ?? "") != negated ? 1 : 0)
        case .listHas(let a, let code, let negated):
            let x = eval(a)
            if !x.known { return x }
            return PolicyValue(raw: (x.codes ?? []).contains(code) != negated ? 1 : 0)
        case .and(let a, let b):
            let x = eval(a), y = eval(b)
            if (x.known && x.raw == 0) || (y.known && y.raw == 0) { return PolicyValue(raw: 0) }
            let m = x.missing | y.missing
            return m != 0 ? .unknown(m) : PolicyValue(raw: 1)
        case .or(let a, let b):
            let x = eval(a), y = eval(b)
            if (x.known && x.raw != 0) || (y.known && y.raw != 0) { return PolicyValue(raw: 1) }
            let m = x.missing | y.missing
            return m != 0 ? .unknown(m) : PolicyValue(raw: 0)
        case .minimum(let xs, let type), .maximum(let xs, let type):
            let isMin: Bool = { if case .minimum = t { return true }; return false }()
            let vs = xs.map { eval($0) }
            let m = vs.reduce(UInt64(0)) { $0 | $1.missing }
            if m != 0 { return .unknown(m) }
            let r = isMin ? vs.map(\.raw).min()! : vs.map(\.raw).max()!
            note("\(isMin ? "min" : "max")(\(vs.map { render($0, type) }.joined(separator: ", "))) = \(render(PolicyValue(raw: r), type))",
                 "\(isMin ? "取较小值" : "取较大值") \(isMin ? "min" : "max")(\(vs.map { render($0, type) }.joined(separator: "，"))) = \(render(PolicyValue(raw: r), type))")
            return PolicyValue(raw: r)
        case .round(let a, let step, let mode, let type):
            let x = eval(a)
            if !x.known { return x }
            let r = PolicyFixed.round(x.raw, step: step, mode: mode)
            note("round(\(render(x, type)), \(PolicyFixed.render(step, type)), \(mode.rawValue)) = \(render(PolicyValue(raw: r), type))",
                 "按 \(PolicyFixed.render(step, type)) \(mode == .halfUp ? "四舍五入" : mode == .down ? "舍去" : "进一")：\(render(x, type)) → \(render(PolicyValue(raw: r), type))")
            return PolicyValue(raw: r)
        case .select(let c, let a, let b):
            let x = eval(c)
            if !x.known { return x }
            return x.raw != 0 ? eval(a) : eval(b)
        case .yearsSince(let a):
            let x = eval(a)
            if !x.known { return x }
            return PolicyValue(raw: PolicyScaleMath.yearsBetween(x.raw, asOf) * PolicyFixed.one)
        case .scale(let s): return scale(s)
        case .table(let tb): return table(tb)
        }
    }

    mutating func scale(_ s: PolicyScaleTerm) -> PolicyValue {
        let x = eval(s.input)
        if !x.known { return x }
        let upTo = s.upTo.map { eval($0).raw }, values = s.values.map { eval($0).raw }
        let result = upTo.withUnsafeBufferPointer { u in
            values.withUnsafeBufferPointer { v in
                s.marginal ? PolicyScaleMath.marginal(x.raw, upTo: u, rates: v) : PolicyScaleMath.single(x.raw, upTo: u, values: v)
            }
        }
        if recording {
            let inputText = policy.locals[Self.localIndex(s.input)].text
            note("scale \(s.marginal ? "marginal" : "single") on \(inputText) = \(render(x, s.inputType)):",
                 "\(s.marginal ? "超额累进" : "按档定额")分档，\(inputText) = \(render(x, s.inputType))：")
            var lo: Int64 = 0
            for k in values.indices {
                let hi = k < upTo.count ? upTo[k] : Int64.max
                let range = "\(PolicyFixed.render(lo, s.inputType)) – \(hi == .max ? "" : PolicyFixed.render(hi, s.inputType))"
                if s.marginal {
                    let portion = max(0, min(x.raw, hi) - lo)
                    if x.raw > lo {
                        let piece = PolicyFixed.multiply(portion, values[k])
                        note("  bracket \(range): \(PolicyFixed.render(portion, s.inputType)) × \(PolicyFixed.decimal(values[k] * 100))% = \(PolicyFixed.render(piece, s.inputType))",
                             "  档 \(range)：\(PolicyFixed.render(portion, s.inputType)) × \(PolicyFixed.decimal(values[k] * 100))% = \(PolicyFixed.render(piece, s.inputType))")
                    }
                } else if (k == 0 || x.raw > lo) && (k >= upTo.count || x.raw <= hi) {
                    note("  bracket \(range) applies: \(PolicyFixed.render(values[k], s.valueType))",
                         "  适用档 \(range)：\(PolicyFixed.render(values[k], s.valueType))")
                }
                lo = max(lo, hi)
            }
            let resultType = s.marginal ? s.inputType : s.valueType
            note("  scale total = \(PolicyFixed.render(result, resultType))", "  分档合计 = \(PolicyFixed.render(result, resultType))")
        }
        return PolicyValue(raw: result)
    }

    static func localIndex(_ t: PolicyTerm) -> Int { if case .local(let k) = t { return k }; return 0 }

    mutating func table(_ tb: PolicyTableTerm) -> PolicyValue {
        if tb.hit == .collectSum {
            var total: Int64 = 0, m: UInt64 = 0
            for row in tb.rows {
                let c = eval(row.condition)
                if !c.known { m |= c.missing; continue }
                guard c.raw != 0 else { continue }
                let o = eval(row.output)
                m |= o.missing; total &+= o.raw
                if o.known { note("table row at line \(row.line) matches: \(row.text) → \(render(o, tb.outputType))",
                                  "决策表第 \(row.line) 行命中：\(row.text) → \(render(o, tb.outputType))") }
            }
            if m != 0 { return .unknown(m) }
            note("table (collect_sum) = \(render(PolicyValue(raw: total), tb.outputType))",
                 "决策表（合计）= \(render(PolicyValue(raw: total), tb.outputType))")
            return PolicyValue(raw: total)
        }
        for row in tb.rows {
            let c = eval(row.condition)
            if !c.known { return c }
            if c.raw != 0 {
                let o = eval(row.output)
                note("table (\(tb.hit.rawValue)) row at line \(row.line) matches: \(row.text) → \(render(o, tb.outputType))",
                     "决策表（\(tb.hit.rawValue)）第 \(row.line) 行命中：\(row.text) → \(render(o, tb.outputType))")
                return o
            }
        }
        let o = tb.otherwise.map { eval($0) } ?? PolicyValue(raw: 0)
        note("table (\(tb.hit.rawValue)): no row matches → \(render(o, tb.outputType))",
             "决策表（\(tb.hit.rawValue)）：无命中行 → \(render(o, tb.outputType))")
        return o
    }
}
