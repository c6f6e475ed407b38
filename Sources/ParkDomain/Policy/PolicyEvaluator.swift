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

    /// A value in words for the explanation's steps: amounts scaled and unit-named, codes by name.
    func words(_ v: PolicyValue, _ t: PolicyType) -> Bilingual {
        if !v.known { return Bilingual(zh: "?", en: "?") }
        if let c = v.code { return PolicyValueLabels.label(domain: t.codeDomain ?? "", code: c) }
        if let cs = v.codes {
            let ls = cs.sorted().map { PolicyValueLabels.label(domain: t.codeDomain ?? "", code: $0) }
            return Bilingual(zh: ls.map(\.zh).joined(separator: "、"), en: ls.map(\.en).joined(separator: ", "))
        }
        return PolicyAmountWords.words(v.raw, t)
    }

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
            if !l.hidden && recording {
                // A `let` written with a percentage reads as one ("120%", not "1.2").
                let w = l.type == .number && l.text.contains("%") && v.known
                    ? { let t = PolicyFixed.decimal(v.raw &* 100) + "%"; return Bilingual(zh: t, en: t) }() : words(v, l.type)
                note(l.words == w ? "\(l.label.en): \(w.en)" : "\(l.label.en): \(l.words.en) = \(w.en)",
                     l.words == w ? "\(l.label.zh)：\(w.zh)" : "\(l.label.zh)：\(l.words.zh) = \(w.zh)")
            }
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
            let r: PolicyValue
            switch op {
            case .add: r = PolicyValue(raw: x.raw &+ y.raw)
            case .sub: r = PolicyValue(raw: x.raw &- y.raw)
            case .mul: r = PolicyValue(raw: PolicyFixed.multiply(x.raw, y.raw))
            case .div: r = PolicyValue(raw: PolicyFixed.divide(x.raw, y.raw))
            }
            if recording { arithmeticNote(op, a, x, b, y, r) }
            return r
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
            if recording {
                let ws = vs.map { words($0, type) }, rw = words(PolicyValue(raw: r), type)
                let en = PolicyWording.join(ws.map(\.en), last: " and ", comma: ", "), zh = PolicyWording.join(ws.map(\.zh), last: "与", comma: "、")
                note("The \(isMin ? "smaller" : "larger") of \(en): \(rw.en)", "\(zh)中的\(isMin ? "较小者" : "较大者")：\(rw.zh)")
            }
            return PolicyValue(raw: r)
        case .round(let a, let step, let mode, let type):
            let x = eval(a)
            if !x.known { return x }
            let r = PolicyFixed.round(x.raw, step: step, mode: mode)
            if recording {
                let how = PolicyWording.rounding(mode), s = PolicyAmountWords.words(step, type)
                let xw = words(x, type), rw = words(PolicyValue(raw: r), type)
                note("\(xw.en) rounded \(how.en) to \(s.en): \(rw.en)", "\(xw.zh) 按 \(s.zh)\(how.zh)：\(rw.zh)")
            }
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
            let input = policy.locals[Self.localIndex(s.input)].words, xw = words(x, s.inputType)
            note(s.marginal ? "\(input.en) \(xw.en), by marginal brackets:" : "\(input.en) \(xw.en), by brackets:",
                 s.marginal ? "\(input.zh) \(xw.zh)，超额累进分档：" : "\(input.zh) \(xw.zh)，按档取值：")
            var lo: Int64 = 0
            for k in values.indices {
                let hi = k < upTo.count ? upTo[k] : Int64.max
                let low = PolicyAmountWords.words(lo, s.inputType), high = hi == .max ? nil : PolicyAmountWords.words(hi, s.inputType)
                let range = Bilingual(zh: high.map { "\(low.zh) 至 \($0.zh)" } ?? "\(low.zh) 以上", en: high.map { "\(low.en) to \($0.en)" } ?? "above \(low.en)")
                if s.marginal {
                    let portion = max(0, min(x.raw, hi) - lo)
                    if x.raw > lo {
                        let piece = PolicyFixed.multiply(portion, values[k]), rate = PolicyFixed.decimal(values[k] * 100)
                        let p = PolicyAmountWords.words(portion, s.inputType), pw = PolicyAmountWords.words(piece, s.inputType)
                        note("  The part from \(range.en): \(p.en) × \(rate)% = \(pw.en)", "  \(range.zh)的部分：\(p.zh) × \(rate)% = \(pw.zh)")
                    }
                } else if (k == 0 || x.raw > lo) && (k >= upTo.count || x.raw <= hi) {
                    let v = PolicyAmountWords.words(values[k], s.valueType)
                    note("  The bracket \(range.en) applies: \(v.en)", "  适用 \(range.zh) 一档：\(v.zh)")
                }
                lo = max(lo, hi)
            }
            let total = PolicyAmountWords.words(result, s.marginal ? s.inputType : s.valueType)
            note("  Total of the brackets: \(total.en)", "  分档合计：\(total.zh)")
        }
        return PolicyValue(raw: result)
    }

    /// "Row 2 of the table applies (headquarters tier is …): 1,000万元".
    mutating func rowNote(_ k: Int, _ row: PolicyTableTerm.Row, _ out: Bilingual) {
        note("Row \(k + 1) of the table applies (\(row.words.en)): \(out.en)", "决策表第 \(k + 1) 行适用（\(row.words.zh)）：\(out.zh)")
    }

    static func localIndex(_ t: PolicyTerm) -> Int { if case .local(let k) = t { return k }; return 0 }

    mutating func table(_ tb: PolicyTableTerm) -> PolicyValue {
        if tb.hit == .collectSum {
            var total: Int64 = 0, m: UInt64 = 0
            for (k, row) in tb.rows.enumerated() {
                let c = eval(row.condition)
                if !c.known { m |= c.missing; continue }
                guard c.raw != 0 else { continue }
                let o = eval(row.output)
                m |= o.missing; total &+= o.raw
                if o.known { rowNote(k, row, words(o, tb.outputType)) }
            }
            if m != 0 { return .unknown(m) }
            let t = words(PolicyValue(raw: total), tb.outputType)
            note("Sum of the rows that apply: \(t.en)", "各适用行合计：\(t.zh)")
            return PolicyValue(raw: total)
        }
        for (k, row) in tb.rows.enumerated() {
            let c = eval(row.condition)
            if !c.known { return c }
            if c.raw != 0 {
                let o = eval(row.output)
                rowNote(k, row, words(o, tb.outputType))
                return o
            }
        }
        let o = tb.otherwise.map { eval($0) } ?? PolicyValue(raw: 0)
        let w = words(o, tb.outputType)
        note("No row of the table applies: \(w.en)", "决策表无适用行：\(w.zh)")
        return o
    }
}
