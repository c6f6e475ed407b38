import Foundation

/// The built-in functions (`PolicyVocabulary.functions`: min, max, abs, round, years_since).
extension PolicyChecker {
    mutating func call(_ f: String, _ args: [PolicySyntax], at: PolicySourcePosition) throws(PolicyDiagnostic) -> Typed {
        func arity(_ n: ClosedRange<Int>) throws(PolicyDiagnostic) {
            guard n.contains(args.count) else {
                throw fail(at, "arity", en: "\(f) takes \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)") arguments, found \(args.count)",
                           zh: "\(f) 需要 \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound)–\(n.upperBound)") 个参数，实际 \(args.count) 个")
            }
        }
        let names = PolicyVocabulary.functions.map(\.name)
        guard let spec = PolicyVocabulary.function(f) else {
            throw fail(at, "unknown_function", en: "unknown function '\(f)' (\(names.joined(separator: ", ")))",
                       zh: "未知函数“\(f)”（可用：\(names.joined(separator: "、"))）")
        }
        try arity(spec.arity)
        switch f {
        case "min", "max":
            var ts: [Typed] = []
            for a in args { ts.append(try typed(a)) }
            var type = ts[0].type
            for t in ts.dropFirst() {
                guard t.type.sameDimension(as: type) else { throw mismatch(at, f, type, t.type) }
                if t.type != type { type = .number }
            }
            guard type.isQuantity else { throw mismatch(at, f, type, type) }
            return (f == "min" ? .minimum(ts.map(\.term), type) : .maximum(ts.map(\.term), type), type)
        case "abs":
            let t = try typed(args[0])
            guard t.type.isQuantity else { throw mismatch(at, f, t.type, t.type) }
            return (.abs(t.term), t.type)
        case "years_since":
            let t = try typed(args[0])
            guard t.type == .date else { throw mismatch(at, f, t.type, .date) }
            return (.yearsSince(t.term), .count)
        case "round":
            let x = try typed(args[0]), s = try typed(args[1])
            guard x.type.isQuantity, s.type.sameDimension(as: x.type), case .constant(let step) = s.term, step > 0 else {
                throw fail(args[1].position, "bad_rounding", en: "round(x, step[, half_up|down|up]) needs a positive constant step in the unit of x (\(x.type))",
                           zh: "round(x, 步长[, half_up|down|up]) 的步长应为与 x（\(x.type)）同单位的正常量")
            }
            var mode = PolicyRounding.halfUp
            if args.count == 3 {
                guard case .name(let m) = args[2].kind, let r = PolicyRounding(rawValue: m) else {
                    throw fail(args[2].position, "bad_rounding", en: "rounding mode must be half_up, down or up", zh: "舍入方式应为 half_up、down 或 up")
                }
                mode = r
            }
            return (.round(x.term, step: step, mode: mode, x.type), x.type)
        default:   // listed in the vocabulary but not typed here: a function added to one and not the other
            throw fail(at, "unknown_function", en: "unknown function '\(f)' (\(names.joined(separator: ", ")))",
                       zh: "未知函数“\(f)”（可用：\(names.joined(separator: "、"))）")
        }
    }
}
