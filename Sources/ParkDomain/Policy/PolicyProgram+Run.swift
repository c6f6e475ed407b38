import Foundation

extension PolicyProgram {
    /// An op with its table columns, vocabularies and parameters resolved for one run. Pointers
    /// point into the table's arrays (kept alive and unmodified for the run) or into
    /// `RunStorage`; no reference counting happens in the block loop.
    enum BoundOp {
        case loadInt(Int, values: UnsafePointer<Int64>, present: UnsafePointer<UInt8>, bit: UInt64)
        case allMissing(Int, bit: UInt64)
        case loadCode(Int, ids: UnsafePointer<Int32>, bit: UInt64)
        case loadCodes(Int, bits: UnsafePointer<UInt64>, present: UnsafePointer<UInt8>, bit: UInt64)
        /// `lut` has one entry per vocabulary code plus a last one for codes outside it.
        case codeIn(Int, Int, lut: UnsafePointer<Int64>, last: Int)
        case listHas(Int, Int, mask: UInt64, negated: Bool)
        case scale(Int, Int, marginal: Bool, upTo: UnsafeBufferPointer<Int64>, values: UnsafeBufferPointer<Int64>)
        /// A marginal scale as a `PolicyScaleMath.MarginalPlan` (lo, hi, rate, base; `count` brackets).
        case marginalPlan(Int, Int, lo: UnsafePointer<Int64>, hi: UnsafePointer<Int64>, rate: UnsafePointer<Int64>, base: UnsafePointer<Int64>, count: Int)
        case compareFact(PolicyCompareOp, Int, values: UnsafePointer<Int64>, present: UnsafePointer<UInt8>, bit: UInt64, constant: Int64)
        case codeInFact(Int, ids: UnsafePointer<Int32>, bit: UInt64, lut: UnsafePointer<Int64>, last: Int)
        /// A code test on a fact whose vocabulary has at most 63 codes: bit `id` of `set`.
        case codeInFactBits(Int, ids: UnsafePointer<Int32>, bit: UInt64, set: UInt64)
        case listHasFact(Int, bits: UnsafePointer<UInt64>, present: UnsafePointer<UInt8>, bit: UInt64, mask: UInt64, negated: Bool)
        case plain(Op)
    }

    /// Per-run allocations (lookup tables, scale constants), freed at the end of the run.
    final class RunStorage {
        var blocks: [UnsafeMutableBufferPointer<Int64>] = []
        func keep(_ a: [Int64]) -> UnsafeBufferPointer<Int64> {
            let p = UnsafeMutableBufferPointer<Int64>.allocate(capacity: max(1, a.count))
            _ = p.initialize(from: a)
            blocks.append(p)
            return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(p)[0..<a.count])
        }
        deinit { for b in blocks { b.deallocate() } }
    }

    /// Per-run buffers for the amount section, which runs on the eligible rows of a block only:
    /// `selection` lists them, table reads gather into the scratch columns.
    struct Gather {
        var selection: UnsafeMutablePointer<Int32>
        var int64: UnsafeMutablePointer<Int64>
        var uint64: UnsafeMutablePointer<UInt64>
        var int32: UnsafeMutablePointer<Int32>
        var uint8: UnsafeMutablePointer<UInt8>

        init(_ n: Int) {
            selection = .allocate(capacity: n); int64 = .allocate(capacity: n); uint64 = .allocate(capacity: n)
            int32 = .allocate(capacity: n); uint8 = .allocate(capacity: n)
        }
        func deallocate() { selection.deallocate(); int64.deallocate(); uint64.deallocate(); int32.deallocate(); uint8.deallocate() }

        /// `column` (already offset to the block) as seen by the op: itself when dense, else its
        /// selected rows gathered into `into`.
        @inline(__always)
        static func view<T>(_ column: UnsafePointer<T>, _ selected: UnsafePointer<Int32>?, _ len: Int, into: UnsafeMutablePointer<T>) -> UnsafePointer<T> {
            guard let selected else { return column }
            for i in 0..<len { into[i] = column[Int(selected[i])] }
            return UnsafePointer(into)
        }
    }

    /// Evaluates every row of `table` on `asOf` (parameter values in effect that day).
    public func run(_ table: PolicyFactTable, asOf: LocalDate) throws(DomainError) -> PolicyResults {
        var r = PolicyResults(count: table.count)
        try run(table, asOf: asOf, into: &r)
        return r
    }

    /// Evaluates into `results` (resized to the table when needed), reusing its storage.
    public func run(_ table: PolicyFactTable, asOf: LocalDate, into results: inout PolicyResults) throws(DomainError) {
        if results.count != table.count { results = PolicyResults(count: table.count) }
        let params = try policy.parameterValues(on: asOf)
        let asOfRaw = asOf.policyRaw
        func resolve(_ s: Source) -> Int64 {
            switch s {
            case .raw(let v): v
            case .parameter(let k): params[k].raw
            case .asOf: asOfRaw
            }
        }
        let storage = RunStorage()
        withExtendedLifetime((table, storage)) {
            let bound = ops.map { op -> BoundOp in bind(op, table: table, storage: storage, resolve: resolve) }
            let n = table.count, b = Self.blockSize, regs = max(1, registerCount)
            let values = UnsafeMutablePointer<Int64>.allocate(capacity: regs * b)
            let masks = UnsafeMutablePointer<UInt64>.allocate(capacity: regs * b)
            defer { values.deallocate(); masks.deallocate() }
            values.initialize(repeating: 0, count: regs * b)
            masks.initialize(repeating: 0, count: regs * b)
            for (reg, src) in constants { (values + reg * b).update(repeating: resolve(src), count: b) }
            let amountFrom = amountStart
            let ev = values + eligibleRegister * b, em = masks + eligibleRegister * b
            let ar = amountRegister.map { (values + $0 * b, masks + $0 * b) }
            let gather = Gather(b)
            defer { gather.deallocate() }
            let carried = carriedRegisters
            results.status.withUnsafeMutableBufferPointer { statusBuffer in
                results.amountFen.withUnsafeMutableBufferPointer { amountBuffer in
                    results.missing.withUnsafeMutableBufferPointer { missingBuffer in
                        var base = 0
                        while base < n {
                            let len = min(b, n - base)
                            for k in 0..<amountFrom {
                                Self.execute(bound[k], base: base, len: len, values: values, masks: masks, asOf: asOfRaw, selected: nil, gather: gather)
                            }
                            let status = statusBuffer.baseAddress! + base, amount = amountBuffer.baseAddress! + base
                            let missing = missingBuffer.baseAddress! + base
                            // Branch-free: known bools are 0/1, so eligible = value & known. The
                            // eligible rows are listed in `selection` as we go.
                            let selection = gather.selection
                            var count = 0
                            for i in 0..<len {
                                let known: Int64 = em[i] == 0 ? 1 : 0
                                let yes = ev[i] & known
                                status[i] = UInt8(truncatingIfNeeded: yes | ((1 &- known) << 1))
                                missing[i] = em[i]
                                amount[i] = 0
                                selection[count] = Int32(truncatingIfNeeded: i)
                                count &+= Int(truncatingIfNeeded: yes)
                            }
                            if count > 0, let (av, am) = ar {
                                // Registers the amount reads from the eligibility part move to the
                                // selected lanes (in place: selection[i] ≥ i, increasing).
                                for r in carried {
                                    let v = values + r * b, m = masks + r * b
                                    for i in 0..<count { let s = Int(selection[i]); v[i] = v[s]; m[i] = m[s] }
                                }
                                for k in amountFrom..<bound.count {
                                    Self.execute(bound[k], base: base, len: count, values: values, masks: masks, asOf: asOfRaw,
                                                 selected: UnsafePointer(selection), gather: gather)
                                }
                                for i in 0..<count {
                                    let row = Int(selection[i])
                                    missing[row] = am[i]
                                    amount[row] = am[i] == 0 ? PolicyFixed.fen(fromMicro: av[i]) : 0
                                }
                            }
                            base += len
                        }
                    }
                }
            }
        }
    }

    private func bind(_ op: Op, table: PolicyFactTable, storage: RunStorage, resolve: (Source) -> Int64) -> BoundOp {
        func base<T>(_ a: [T]) -> UnsafePointer<T> { a.withUnsafeBufferPointer { $0.baseAddress! } }
        switch op {
        case .loadInt(let d, let k), .loadCode(let d, let k), .loadCodes(let d, let k):
            let bit: UInt64 = 1 << UInt64(k)
            switch (op, table.columns[policy.facts[k].name]) {
            case (.loadInt, .int(let v, let p)?) where !v.isEmpty: return .loadInt(d, values: base(v), present: base(p), bit: bit)
            case (.loadCode, .code(let ids, _)?) where !ids.isEmpty: return .loadCode(d, ids: base(ids), bit: bit)
            case (.loadCodes, .codes(let bits, let p, _)?) where !bits.isEmpty: return .loadCodes(d, bits: base(bits), present: base(p), bit: bit)
            default: return .allMissing(d, bit: bit)
            }
        case .codeIn(let d, let a, let codes, let negated):
            // Codes are compared as indexes into the vocabulary of the code fact feeding `a`.
            var vocab: [String] = []
            if let k = codeFact(feeding: a), case .code(_, let v)? = table.columns[policy.facts[k].name] { vocab = v }
            let lut = vocab.map { (codes.contains($0) != negated) ? Int64(1) : 0 } + [negated ? 1 : 0]
            return .codeIn(d, a, lut: storage.keep(lut).baseAddress!, last: vocab.count)
        case .listHas(let d, let a, let code, let negated):
            var mask: UInt64 = 0
            if let k = codeFact(feeding: a), case .codes(_, _, let v)? = table.columns[policy.facts[k].name],
               let i = v.firstIndex(of: code), i < 64 { mask = 1 << UInt64(i) }
            return .listHas(d, a, mask: mask, negated: negated)
        case .scale(let d, let a, let marginal, let upTo, let vals):
            if marginal {
                let plan = PolicyScaleMath.MarginalPlan(upTo: upTo.map(resolve), rates: vals.map(resolve))
                return .marginalPlan(d, a, lo: storage.keep(plan.lo).baseAddress!, hi: storage.keep(plan.hi).baseAddress!,
                                     rate: storage.keep(plan.rate).baseAddress!, base: storage.keep(plan.base).baseAddress!, count: plan.lo.count)
            }
            return .scale(d, a, marginal: marginal, upTo: storage.keep(upTo.map(resolve)), values: storage.keep(vals.map(resolve)))
        case .compareFact(let o, let d, let k, let c):
            guard case .int(let v, let p)? = table.columns[policy.facts[k].name], !v.isEmpty else { return .allMissing(d, bit: 1 << UInt64(k)) }
            return .compareFact(o, d, values: base(v), present: base(p), bit: 1 << UInt64(k), constant: resolve(c))
        case .codeInFact(let d, let k, let codes, let negated):
            guard case .code(let ids, let vocab)? = table.columns[policy.facts[k].name], !ids.isEmpty else { return .allMissing(d, bit: 1 << UInt64(k)) }
            let lut = vocab.map { (codes.contains($0) != negated) ? Int64(1) : 0 } + [negated ? 1 : 0]
            if vocab.count < 64 {
                let set = vocab.indices.reduce(UInt64(0)) { lut[$1] != 0 ? $0 | (1 << UInt64($1)) : $0 }
                return .codeInFactBits(d, ids: base(ids), bit: 1 << UInt64(k), set: set)
            }
            return .codeInFact(d, ids: base(ids), bit: 1 << UInt64(k), lut: storage.keep(lut).baseAddress!, last: vocab.count)
        case .listHasFact(let d, let k, let code, let negated):
            guard case .codes(let bits, let p, let vocab)? = table.columns[policy.facts[k].name], !bits.isEmpty else { return .allMissing(d, bit: 1 << UInt64(k)) }
            let mask: UInt64 = vocab.firstIndex(of: code).map { $0 < 64 ? 1 << UInt64($0) : 0 } ?? 0
            return .listHasFact(d, bits: base(bits), present: base(p), bit: 1 << UInt64(k), mask: mask, negated: negated)
        default: return .plain(op)
        }
    }

    /// The fact whose load writes register `r` (codes flow from loads only: the checker allows
    /// code-valued terms only as facts and lets of facts).
    private func codeFact(feeding r: Int) -> Int? {
        for op in ops {
            switch op {
            case .loadCode(r, let k), .loadCodes(r, let k): return k
            default: continue
            }
        }
        return nil
    }

    @inline(__always)
    static func execute(_ op: BoundOp, base: Int, len: Int, values V: UnsafeMutablePointer<Int64>, masks M: UnsafeMutablePointer<UInt64>,
                        asOf: Int64, selected: UnsafePointer<Int32>?, gather g: Gather) {
        let b = blockSize
        switch op {
        case .loadInt(let d, let vs, let ps, let bit):
            let dv = V + d * b, dm = M + d * b
            let v = Gather.view(vs + base, selected, len, into: g.int64), p = Gather.view(ps + base, selected, len, into: g.uint8)
            for i in 0..<len {
                let here = Int64(p[i] & 1)
                dv[i] = v[i] & (0 &- here)
                dm[i] = bit & (UInt64(bitPattern: here) &- 1)
            }
        case .allMissing(let d, let bit):
            (V + d * b).update(repeating: 0, count: len); (M + d * b).update(repeating: bit, count: len)
        case .loadCode(let d, let ids, let bit):
            let dv = V + d * b, dm = M + d * b, v = Gather.view(ids + base, selected, len, into: g.int32)
            for i in 0..<len { let id = v[i]; dv[i] = Int64(id); dm[i] = bit & UInt64(bitPattern: Int64(id >> 31)) }
        case .loadCodes(let d, let bits, let ps, let bit):
            let dv = V + d * b, dm = M + d * b
            let v = Gather.view(bits + base, selected, len, into: g.uint64), p = Gather.view(ps + base, selected, len, into: g.uint8)
            for i in 0..<len { dv[i] = Int64(bitPattern: v[i]); dm[i] = bit & (UInt64(p[i] & 1) &- 1) }
        case .codeIn(let d, let a, let lut, let last):
            let dv = V + d * b, dm = M + d * b, av = V + a * b, am = M + a * b
            for i in 0..<len {
                let id = Int(truncatingIfNeeded: av[i])
                dv[i] = lut[id >= 0 && id < last ? id : last]
                dm[i] = am[i]
            }
        case .listHas(let d, let a, let mask, let negated):
            let dv = V + d * b, dm = M + d * b, av = V + a * b, am = M + a * b
            let flip: Int64 = negated ? 1 : 0
            for i in 0..<len { dv[i] = ((UInt64(bitPattern: av[i]) & mask) != 0 ? 1 : 0) ^ flip; dm[i] = am[i] }
        case .scale(let d, let a, let marginal, let upTo, let vals):
            let dv = V + d * b, dm = M + d * b, av = V + a * b, am = M + a * b
            for i in 0..<len {
                dm[i] = am[i]
                let x = am[i] != 0 ? 0 : av[i]
                dv[i] = marginal ? PolicyScaleMath.marginal(x, upTo: upTo, rates: vals) : PolicyScaleMath.single(x, upTo: upTo, values: vals)
            }
        case .marginalPlan(let d, let a, let lo, let hi, let rate, let baseAmount, let count):
            let dv = V + d * b, dm = M + d * b, av = V + a * b, am = M + a * b
            for i in 0..<len {
                dm[i] = am[i]
                let x = am[i] != 0 ? 0 : av[i]
                var k = 0
                for j in 0..<(count - 1) { k &+= x > hi[j] ? 1 : 0 }
                dv[i] = baseAmount[k] &+ PolicyFixed.multiply(Swift.max(0, Swift.min(x, hi[k]) &- lo[k]), rate[k])
            }
        case .compareFact(let o, let d, let vs, let ps, let bit, let c):
            let dv = V + d * b, dm = M + d * b
            let v = Gather.view(vs + base, selected, len, into: g.int64), p = Gather.view(ps + base, selected, len, into: g.uint8)
            for i in 0..<len { dm[i] = bit & (UInt64(p[i] & 1) &- 1) }
            switch o {
            case .eq: for i in 0..<len { dv[i] = v[i] == c ? 1 : 0 }
            case .ne: for i in 0..<len { dv[i] = v[i] != c ? 1 : 0 }
            // Orderings through the sign of a difference (vectorises without 64-bit compare
            // instructions); exact while |v − c| < 2⁶³, i.e. for values within ±4.6 × 10¹² units.
            case .lt: for i in 0..<len { dv[i] = Int64(bitPattern: UInt64(bitPattern: v[i] &- c) >> 63) }
            case .le: for i in 0..<len { dv[i] = 1 &- Int64(bitPattern: UInt64(bitPattern: c &- v[i]) >> 63) }
            case .gt: for i in 0..<len { dv[i] = Int64(bitPattern: UInt64(bitPattern: c &- v[i]) >> 63) }
            case .ge: for i in 0..<len { dv[i] = 1 &- Int64(bitPattern: UInt64(bitPattern: v[i] &- c) >> 63) }
            }
        case .codeInFactBits(let d, let ids, let bit, let set):
            // Missing ids (-1) read bit 63, which is never set; their mask marks them unknown anyway.
            let dv = V + d * b, dm = M + d * b, v = Gather.view(ids + base, selected, len, into: g.int32)
            for i in 0..<len {
                dv[i] = Int64(bitPattern: (set >> UInt64(truncatingIfNeeded: v[i] & 63)) & 1)
                dm[i] = bit & UInt64(bitPattern: Int64(v[i] >> 31))
            }
        case .codeInFact(let d, let ids, let bit, let lut, let last):
            let dv = V + d * b, dm = M + d * b, v = Gather.view(ids + base, selected, len, into: g.int32)
            for i in 0..<len {
                let id = Int(v[i])
                dv[i] = lut[id >= 0 && id < last ? id : last]
                dm[i] = bit & UInt64(bitPattern: Int64(v[i] >> 31))
            }
        case .listHasFact(let d, let bits, let ps, let bit, let mask, let negated):
            let dv = V + d * b, dm = M + d * b
            let v = Gather.view(bits + base, selected, len, into: g.uint64), p = Gather.view(ps + base, selected, len, into: g.uint8)
            let flip: Int64 = negated ? 1 : 0
            for i in 0..<len { dv[i] = ((v[i] & mask) != 0 ? 1 : 0) ^ flip; dm[i] = bit & (UInt64(p[i] & 1) &- 1) }
        case .plain(let op): executePlain(op, len: len, V: V, M: M, asOf: asOf)
        }
    }
}
