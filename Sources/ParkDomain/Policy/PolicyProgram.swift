import Foundation

/// A policy compiled once into a flat register program for whole-park runs: each register is a
/// block of `PolicyProgram.blockSize` raw values plus a block of missing-fact masks; every op
/// runs a tight loop over a block (no boxing, no tree walking per enterprise). Eligibility ops
/// come first over the whole block; the amount ops then run on the block's eligible rows only
/// (listed in a selection, table columns gathered, shared registers compacted). Same answers as
/// `Policy.evaluate` (same terms, same Kleene rules, same `PolicyFixed` arithmetic).
public struct PolicyProgram: Sendable {
    /// Rows per block: registers stay in cache.
    public static let blockSize = 256

    enum Source: Sendable, Hashable { case raw(Int64), parameter(Int), asOf }

    enum Op: Sendable, Hashable {
        case loadInt(Int, fact: Int)
        case loadCode(Int, fact: Int)
        case loadCodes(Int, fact: Int)
        case negate(Int, Int), abs(Int, Int), not(Int, Int)
        case arithmetic(PolicyArithmeticOp, Int, Int, Int)
        case compare(PolicyCompareOp, Int, Int, Int)
        case codeIn(Int, Int, codes: [String], negated: Bool)
        case listHas(Int, Int, code: String, negated: Bool)
        case and(Int, Int, Int), or(Int, Int, Int)
        case min(Int, Int, Int), max(Int, Int, Int)
        case round(Int, Int, step: Int64, mode: PolicyRounding)
        case select(Int, Int, Int, Int)
        case years(Int, Int)
        case scale(Int, Int, marginal: Bool, upTo: [Source], values: [Source])
        // Fused forms (see `fuse()`): a fact read straight from its column.
        case compareFact(PolicyCompareOp, Int, fact: Int, Source)
        case codeInFact(Int, fact: Int, codes: [String], negated: Bool)
        case listHasFact(Int, fact: Int, code: String, negated: Bool)

        /// The register the op writes.
        var destination: Int {
            switch self {
            case .loadInt(let d, _), .loadCode(let d, _), .loadCodes(let d, _), .negate(let d, _), .abs(let d, _), .not(let d, _),
                 .arithmetic(_, let d, _, _), .compare(_, let d, _, _), .codeIn(let d, _, _, _), .listHas(let d, _, _, _),
                 .and(let d, _, _), .or(let d, _, _), .min(let d, _, _), .max(let d, _, _), .round(let d, _, _, _),
                 .select(let d, _, _, _), .years(let d, _), .scale(let d, _, _, _, _), .compareFact(_, let d, _, _),
                 .codeInFact(let d, _, _, _), .listHasFact(let d, _, _, _): d
            }
        }

        /// The registers the op reads.
        var operands: [Int] {
            switch self {
            case .loadInt, .loadCode, .loadCodes, .compareFact, .codeInFact, .listHasFact: []
            case .negate(_, let a), .abs(_, let a), .not(_, let a), .codeIn(_, let a, _, _), .listHas(_, let a, _, _),
                 .round(_, let a, _, _), .years(_, let a), .scale(_, let a, _, _, _): [a]
            case .arithmetic(_, _, let a, let b), .compare(_, _, let a, let b), .and(_, let a, let b), .or(_, let a, let b),
                 .min(_, let a, let b), .max(_, let a, let b): [a, b]
            case .select(_, let c, let a, let b): [c, a, b]
            }
        }
    }

    public let policy: Policy
    var ops: [Op] = []
    /// Ops before this index compute eligibility.
    var amountStart = 0
    var constants: [(register: Int, source: Source)] = []
    var registerCount = 0
    var eligibleRegister = 0
    var amountRegister: Int?
    private var localRegisters: [Int?]
    private var constantRegisters: [Source: Int] = [:]
    private var factRegisters: [Int: Int] = [:]

    /// Compiles `policy`.
    public init(_ policy: Policy) {
        self.policy = policy
        localRegisters = Array(repeating: nil, count: policy.locals.count)
        eligibleRegister = compile(policy.eligible)
        amountStart = ops.count
        amountRegister = policy.amount.map { compile($0) }
        fuse()
    }

    /// Peephole pass: a comparison of a fact with a constant, a code test or a list test on a
    /// fact reads the fact's column directly; loads nobody reads any more are dropped. Saves a
    /// block copy per fused fact.
    private mutating func fuse() {
        var producer: [Int: Op] = [:]
        for op in ops { if case .loadInt = op { producer[op.destination] = op }; if case .loadCode = op { producer[op.destination] = op }
                        if case .loadCodes = op { producer[op.destination] = op } }
        let constantOf = Dictionary(constants.map { ($0.register, $0.source) }, uniquingKeysWith: { a, _ in a })
        for k in ops.indices {
            switch ops[k] {
            case .compare(let o, let d, let a, let b):
                if case .loadInt(_, let f)? = producer[a], let c = constantOf[b] { ops[k] = .compareFact(o, d, fact: f, c) }
            case .codeIn(let d, let a, let codes, let n):
                if case .loadCode(_, let f)? = producer[a] { ops[k] = .codeInFact(d, fact: f, codes: codes, negated: n) }
            case .listHas(let d, let a, let code, let n):
                if case .loadCodes(_, let f)? = producer[a] { ops[k] = .listHasFact(d, fact: f, code: code, negated: n) }
            default: break
            }
        }
        var used = Set([eligibleRegister] + (amountRegister.map { [$0] } ?? []))
        for op in ops { used.formUnion(op.operands) }
        var kept: [Op] = [], newAmountStart = 0
        for (k, op) in ops.enumerated() {
            if k == amountStart { newAmountStart = kept.count }
            switch op {
            case .loadInt, .loadCode, .loadCodes: if !used.contains(op.destination) { continue }
            default: break
            }
            kept.append(op)
        }
        if amountStart == ops.count { newAmountStart = kept.count }
        ops = kept; amountStart = newAmountStart
    }

    private mutating func fresh() -> Int { registerCount += 1; return registerCount - 1 }

    private mutating func constant(_ s: Source) -> Int {
        if let r = constantRegisters[s] { return r }
        let r = fresh()
        constants.append((r, s)); constantRegisters[s] = r
        return r
    }

    private mutating func emit(_ make: (Int) -> Op) -> Int {
        let d = fresh(); ops.append(make(d)); return d
    }

    private mutating func source(_ t: PolicyTerm) -> Source {
        switch t {
        case .constant(let v): .raw(v)
        case .parameter(let k): .parameter(k)
        case .negate(.constant(let v)): .raw(-v)
        default: .asOf
        }
    }

    private mutating func compile(_ t: PolicyTerm) -> Int {
        switch t {
        case .constant(let v): return constant(.raw(v))
        case .asOf: return constant(.asOf)
        case .parameter(let k): return constant(.parameter(k))
        case .fact(let k):
            if let r = factRegisters[k] { return r }
            let r: Int
            switch policy.facts[k].type {
            case .code: r = emit { .loadCode($0, fact: k) }
            case .codeList: r = emit { .loadCodes($0, fact: k) }
            default: r = emit { .loadInt($0, fact: k) }
            }
            factRegisters[k] = r
            return r
        case .local(let k):
            if let r = localRegisters[k] { return r }
            let r = compile(policy.locals[k].term)
            localRegisters[k] = r
            return r
        case .negate(let a): let x = compile(a); return emit { .negate($0, x) }
        case .abs(let a): let x = compile(a); return emit { .abs($0, x) }
        case .not(let a): let x = compile(a); return emit { .not($0, x) }
        case .arithmetic(let op, let a, let b): let x = compile(a), y = compile(b); return emit { .arithmetic(op, $0, x, y) }
        case .compare(let op, let a, let b): let x = compile(a), y = compile(b); return emit { .compare(op, $0, x, y) }
        case .codeIn(let a, let codes, let n): let x = compile(a); return emit { .codeIn($0, x, codes: codes, negated: n) }
        case .listHas(let a, let code, let n): let x = compile(a); return emit { .listHas($0, x, code: code, negated: n) }
        case .and(let a, let b): let x = compile(a), y = compile(b); return emit { .and($0, x, y) }
        case .or(let a, let b): let x = compile(a), y = compile(b); return emit { .or($0, x, y) }
        case .minimum(let xs, _), .maximum(let xs, _):
            let isMin: Bool = { if case .minimum = t { return true }; return false }()
            var r = compile(xs[0])
            for x in xs.dropFirst() {
                let y = compile(x), a = r
                r = emit { isMin ? .min($0, a, y) : .max($0, a, y) }
            }
            return r
        case .round(let a, let step, let mode, _): let x = compile(a); return emit { .round($0, x, step: step, mode: mode) }
        case .select(let c, let a, let b):
            let cr = compile(c), x = compile(a), y = compile(b)
            return emit { .select($0, cr, x, y) }
        case .yearsSince(let a): let x = compile(a); return emit { .years($0, x) }
        case .scale(let s):
            let x = compile(s.input)
            let upTo = s.upTo.map { source($0) }, values = s.values.map { source($0) }
            return emit { .scale($0, x, marginal: s.marginal, upTo: upTo, values: values) }
        case .table(let tb):
            // first / unique: select(c1, o1, select(c2, o2, … otherwise)); collect_sum: Σ select(cᵢ, oᵢ, 0).
            let zero = constant(.raw(0))
            if tb.hit == .collectSum {
                var total = zero
                for row in tb.rows {
                    let c = compile(row.condition), o = compile(row.output)
                    let picked = emit { .select($0, c, o, zero) }
                    let before = total
                    total = emit { .arithmetic(.add, $0, before, picked) }
                }
                return total
            }
            var rest = tb.otherwise.map { compile($0) } ?? zero
            let compiled = tb.rows.map { (compile($0.condition), compile($0.output)) }
            for (c, o) in compiled.reversed() {
                let r = rest
                rest = emit { .select($0, c, o, r) }
            }
            return rest
        }
    }

    /// Registers written before `amountStart` (eligibility) and read by the amount ops or holding
    /// the amount: the amount part runs on the eligible rows only, so they are compacted first.
    var carriedRegisters: [Int] {
        let early = Set(ops[..<amountStart].map(\.destination))
        var read = Set(ops[amountStart...].flatMap(\.operands))
        if let a = amountRegister { read.insert(a) }
        return early.intersection(read).sorted()
    }

    /// Op count and register count, for the benchmark's report.
    public var size: (ops: Int, registers: Int) { (ops.count, registerCount) }
}

/// The answers of one policy for every row of a `PolicyFactTable`.
public struct PolicyResults: Sendable {
    /// `PolicyStatus.rawValue` per row.
    public var status: [UInt8]
    /// Amount in fen when eligible with a known amount; 0 otherwise.
    public var amountFen: [Int64]
    /// Missing facts (bits index `Policy.facts`): undetermined → the facts deciding eligibility;
    /// eligible → the facts the amount needs (amount undetermined); else 0.
    public var missing: [UInt64]

    public init(count: Int) {
        status = Array(repeating: 0, count: count)
        amountFen = Array(repeating: 0, count: count)
        missing = Array(repeating: 0, count: count)
    }

    public var count: Int { status.count }

    /// Row `row` as a `PolicyOutcome` of `policy`.
    public func outcome(_ row: Int, policy: Policy) -> PolicyOutcome {
        let s = PolicyStatus(rawValue: status[row]) ?? .undetermined
        let known = s == .eligible && missing[row] == 0
        return PolicyOutcome(status: s, amountFen: known ? amountFen[row] : nil, missingFacts: policy.factNames(missing[row]))
    }
}
