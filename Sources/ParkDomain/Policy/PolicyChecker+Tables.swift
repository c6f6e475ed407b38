import Foundation

/// Scales and decision tables.
extension PolicyChecker {
    /// A constant operand (literal or parameter, possibly negated) of a scale.
    mutating func constant(_ e: PolicySyntax) throws(PolicyDiagnostic) -> Typed {
        let t = try typed(e)
        switch t.term {
        case .constant, .parameter: return t
        default:
            throw fail(e.position, "not_constant", en: "scale thresholds and values must be constants or parameters",
                       zh: "分档的临界值和取值必须是常量或参数")
        }
    }

    mutating func scale(_ marginal: Bool, _ input: PolicySyntax, _ brackets: [PolicySyntax.Bracket],
                        at: PolicySourcePosition) throws(PolicyDiagnostic) -> Typed {
        let x = try typed(input)
        guard x.type.isQuantity else { throw mismatch(input.position, "scale", x.type, x.type) }
        guard !brackets.isEmpty else { throw fail(at, "expected", en: "a scale needs at least one bracket", zh: "分档至少需要一档") }
        var upTo: [PolicyTerm] = [], values: [PolicyTerm] = [], valueType: PolicyType?
        var previous: Int64?
        for b in brackets {
            if let u = b.upTo {
                let t = try constant(u)
                guard t.type.sameDimension(as: x.type) else { throw mismatch(u.position, "up to", x.type, t.type) }
                if case .constant(let v) = t.term {
                    if let p = previous, v <= p {
                        throw fail(u.position, "scale_order", en: "bracket thresholds must increase", zh: "分档临界值必须递增")
                    }
                    previous = v
                }
                upTo.append(t.term)
            }
            let v = try constant(b.value)
            if marginal {
                guard v.type.isDimensionless else {
                    throw fail(b.value.position, "type_mismatch", en: "a marginal scale's brackets are rates (e.g. 10%), found \(v.type)",
                               zh: "超额累进分档的取值应为比率（如 10%），实际为 \(v.type)")
                }
            } else if let vt = valueType, !(vt == v.type || vt.sameDimension(as: v.type)) {
                throw mismatch(b.value.position, "scale", vt, v.type)
            }
            guard v.type.isQuantity else { throw mismatch(b.value.position, "scale", v.type, v.type) }
            valueType = valueType ?? v.type
            values.append(v.term)
        }
        let input = hiddenLocal(x, input)
        let resultType = marginal ? x.type : valueType!
        return (.scale(PolicyScaleTerm(marginal: marginal, input: input, upTo: upTo, values: values, inputType: x.type,
                                       valueType: valueType!, line: at.line)), resultType)
    }

    mutating func cellTerm(_ cell: PolicySyntax.Cell, input: PolicySyntax, inputTerm: PolicyTerm, at: PolicySourcePosition)
        throws(PolicyDiagnostic) -> (PolicyTerm?, Region) {
        // Cells are checked as comparisons of the input, which is then replaced by its hidden local.
        let inputSyntax = input
        switch cell {
        case .any: return (nil, .any)
        case .compare(let op, let v):
            let t = try comparison(op, inputSyntax, v, at: at)
            let term = Self.replacing(t.term, input: try typed(inputSyntax).term, with: inputTerm)
            switch term {
            case .codeIn(_, let codes, false): return (term, .codes(Set(codes)))
            case .compare(let o, _, .constant(let c)):
                switch o {
                case .eq: return (term, .interval(lo: c, loClosed: true, hi: c, hiClosed: true))
                case .lt: return (term, .interval(lo: nil, loClosed: false, hi: c, hiClosed: false))
                case .le: return (term, .interval(lo: nil, loClosed: false, hi: c, hiClosed: true))
                case .gt: return (term, .interval(lo: c, loClosed: false, hi: nil, hiClosed: false))
                case .ge: return (term, .interval(lo: c, loClosed: true, hi: nil, hiClosed: false))
                case .ne: return (term, .opaque)
                }
            case .local where op == "=":  // `true` on a bool input (folded by the checker)
                if case .literal(let v, .bool) = v.kind { return (term, .interval(lo: v, loClosed: true, hi: v, hiClosed: true)) }
                return (term, .opaque)
            case .not(.local) where op == "=":
                if case .literal(let v, .bool) = v.kind { return (term, .interval(lo: v, loClosed: true, hi: v, hiClosed: true)) }
                return (term, .opaque)
            default: return (term, .opaque)
            }
        case .membership(let m):
            let t = try membership(inputSyntax, m, at: at)
            let term = Self.replacing(t, input: try typed(inputSyntax).term, with: inputTerm)
            switch term {
            case .codeIn(_, let codes, false): return (term, .codes(Set(codes)))
            case .and(.compare(let lo, _, .constant(let a)), .compare(let hi, _, .constant(let b))):
                return (term, .interval(lo: a, loClosed: lo == .ge, hi: b, hiClosed: hi == .le))
            default: return (term, .opaque)
            }
        }
    }

    /// `t` with every occurrence of `input` replaced by `replacement` (the hidden local).
    static func replacing(_ t: PolicyTerm, input: PolicyTerm, with replacement: PolicyTerm) -> PolicyTerm {
        if t == input { return replacement }
        switch t {
        case .compare(let o, let a, let b): return .compare(o, replacing(a, input: input, with: replacement), replacing(b, input: input, with: replacement))
        case .codeIn(let a, let c, let n): return .codeIn(replacing(a, input: input, with: replacement), c, negated: n)
        case .listHas(let a, let c, let n): return .listHas(replacing(a, input: input, with: replacement), c, negated: n)
        case .and(let a, let b): return .and(replacing(a, input: input, with: replacement), replacing(b, input: input, with: replacement))
        case .or(let a, let b): return .or(replacing(a, input: input, with: replacement), replacing(b, input: input, with: replacement))
        case .not(let a): return .not(replacing(a, input: input, with: replacement))
        default: return t
        }
    }

    mutating func table(_ hit: PolicyHitPolicy, _ inputs: [PolicySyntax], _ rows: [PolicySyntax.Row], _ otherwise: PolicySyntax?,
                        at: PolicySourcePosition) throws(PolicyDiagnostic) -> Typed {
        var inputTerms: [PolicyTerm] = []
        for x in inputs { inputTerms.append(hiddenLocal(try typed(x), x)) }
        let wording = wording()
        var out: [PolicyTableTerm.Row] = [], regions: [[Region]] = [], outputType: PolicyType?
        for row in rows {
            var condition: PolicyTerm?, rowRegions: [Region] = []
            for (k, cell) in row.cells.enumerated() {
                let (t, r) = try cellTerm(cell, input: inputs[k], inputTerm: inputTerms[k], at: row.position)
                rowRegions.append(r)
                if let t { condition = condition.map { .and($0, t) } ?? t }
            }
            let o = try typed(row.output)
            if let ot = outputType {
                guard ot == o.type || ot.sameDimension(as: o.type) else { throw mismatch(row.output.position, "->", ot, o.type) }
            } else {
                guard o.type.isQuantity || o.type == .bool else { throw mismatch(row.output.position, "->", o.type, o.type) }
                outputType = o.type
            }
            let rowText = String(chars[row.position.offset..<min(row.output.endOffset, chars.count)])
            out.append(.init(condition: condition ?? .constant(1), output: o.term, line: row.position.line, text: rowText,
                             words: wording.row(inputs, row.cells)))
            regions.append(rowRegions)
        }
        var other: PolicyTerm?
        if let otherwise {
            let o = try typed(otherwise)
            if let ot = outputType, !(ot == o.type || ot.sameDimension(as: o.type)) { throw mismatch(otherwise.position, "else", ot, o.type) }
            outputType = outputType ?? o.type
            other = o.term
        }
        guard let outputType else { throw fail(at, "expected", en: "a table needs at least one row", zh: "决策表至少需要一行") }
        if hit == .collectSum, !outputType.isQuantity {
            throw fail(at, "type_mismatch", en: "collect_sum adds outputs: they must be quantities, found \(outputType)",
                       zh: "collect_sum 对输出求和，输出应为数量，实际为 \(outputType)")
        }
        lintRows(hit, rows, regions)
        return (.table(PolicyTableTerm(hit: hit, rows: out, otherwise: other, outputType: outputType, line: at.line)), outputType)
    }
}
