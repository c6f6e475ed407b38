import Foundation

/// The explanation's arithmetic steps: every `+ − × ÷` as a sentence with its operands named
/// ("Newly utilised FDI US$30 M × Award per US$ 0.07 yuan/US$ = 2.1 M yuan"), so an amount is
/// never shown without the rate × base that made it.
extension PolicyEvaluator {
    mutating func arithmeticNote(_ op: PolicyArithmeticOp, _ a: PolicyTerm, _ x: PolicyValue, _ b: PolicyTerm, _ y: PolicyValue, _ r: PolicyValue) {
        guard let types = policy.arithmeticTypes[.arithmetic(op, a, b)] else { return }
        let l = operand(a, x, types.left), rr = operand(b, y, types.right), out = valueWords(nil, r, types.result)
        let sign = switch op { case .add: "+"; case .sub: "−"; case .mul: "×"; case .div: "÷" }
        note("\(l.en) \(sign) \(rr.en) = \(out.en)", "\(l.zh) \(sign) \(rr.zh) = \(out.zh)")
    }

    /// An operand in words: a fact, parameter or `let` by its label and value, anything else by value.
    func operand(_ t: PolicyTerm, _ v: PolicyValue, _ type: PolicyType) -> Bilingual {
        let w = valueWords(t, v, type)
        let label: Bilingual?
        switch t {
        case .fact(let k): label = policy.facts[k].label
        case .parameter(let k): label = policy.parameters[k].label
        case .local(let k): label = policy.locals[k].hidden ? nil : policy.locals[k].label
        default: label = nil
        }
        guard let label else { return w }
        return Bilingual(zh: "\(label.zh) \(w.zh)", en: "\(label.en) \(w.en)")
    }

    /// A value in words; a number written as a percentage in its `let` reads as one ("120%").
    func valueWords(_ t: PolicyTerm?, _ v: PolicyValue, _ type: PolicyType) -> Bilingual {
        if let t, case .local(let k) = t, policy.locals[k].type == .number, policy.locals[k].text.contains("%"), v.known {
            let p = PolicyFixed.decimal(v.raw &* 100) + "%"
            return Bilingual(zh: p, en: p)
        }
        return words(v, type)
    }
}
