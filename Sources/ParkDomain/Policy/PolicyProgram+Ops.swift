import Foundation

/// The block loops of the ops that need no table data. A value is unknown when its mask is not
/// zero; unknown lanes carry 0 or harmless values and never trap.
extension PolicyProgram {
    /// 1 when `x` < 0, else 0.
    @inline(__always)
    static func negative(_ x: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: x) >> 63) }

    @inline(__always)
    static func executePlain(_ op: Op, len: Int, V: UnsafeMutablePointer<Int64>, M: UnsafeMutablePointer<UInt64>, asOf: Int64) {
        let b = blockSize
        @inline(__always) func reg(_ r: Int) -> (UnsafeMutablePointer<Int64>, UnsafeMutablePointer<UInt64>) { (V + r * b, M + r * b) }
        switch op {
        case .negate(let d, let a):
            let (dv, dm) = reg(d), (av, am) = reg(a)
            for i in 0..<len { dv[i] = 0 &- av[i]; dm[i] = am[i] }
        case .abs(let d, let a):
            let (dv, dm) = reg(d), (av, am) = reg(a)
            for i in 0..<len { let x = av[i]; dv[i] = x < 0 ? 0 &- x : x; dm[i] = am[i] }
        case .not(let d, let a):
            let (dv, dm) = reg(d), (av, am) = reg(a)
            for i in 0..<len { dv[i] = 1 &- av[i]; dm[i] = am[i] }
        case .arithmetic(let o, let d, let a, let c):
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            switch o {
            case .add: for i in 0..<len { dv[i] = av[i] &+ bv[i]; dm[i] = am[i] | bm[i] }
            case .sub: for i in 0..<len { dv[i] = av[i] &- bv[i]; dm[i] = am[i] | bm[i] }
            case .mul:
                for i in 0..<len {
                    let m = am[i] | bm[i]
                    dm[i] = m
                    dv[i] = m == 0 ? PolicyFixed.multiply(av[i], bv[i]) : 0
                }
            case .div:
                for i in 0..<len {
                    let m = am[i] | bm[i]
                    dm[i] = m
                    dv[i] = m == 0 ? PolicyFixed.divide(av[i], bv[i]) : 0
                }
            }
        case .compare(let o, let d, let a, let c):
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            for i in 0..<len { dm[i] = am[i] | bm[i] }
            switch o {
            case .eq: for i in 0..<len { dv[i] = av[i] == bv[i] ? 1 : 0 }
            case .ne: for i in 0..<len { dv[i] = av[i] != bv[i] ? 1 : 0 }
            // Orderings through the sign of a difference (vectorises without 64-bit compare
            // instructions); exact for values within ±4.6 × 10¹² units (see `PolicyFactTable`).
            case .lt: for i in 0..<len { dv[i] = Self.negative(av[i] &- bv[i]) }
            case .le: for i in 0..<len { dv[i] = 1 &- Self.negative(bv[i] &- av[i]) }
            case .gt: for i in 0..<len { dv[i] = Self.negative(bv[i] &- av[i]) }
            case .ge: for i in 0..<len { dv[i] = 1 &- Self.negative(av[i] &- bv[i]) }
            }
        case .and(let d, let a, let c):
            // Kleene, branch-free (known bools are 0/1): a known false decides; else unknown if
            // either operand is unknown.
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            for i in 0..<len {
                let falseA = (am[i] == 0 ? 1 : 0) & (1 &- av[i]), falseB = (bm[i] == 0 ? 1 : 0) & (1 &- bv[i])
                let decided = falseA | falseB
                let m = am[i] | bm[i]
                dm[i] = decided != 0 ? 0 : m
                dv[i] = (m == 0 ? 1 : 0) & (1 &- decided)
            }
        case .or(let d, let a, let c):
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            for i in 0..<len {
                let trueA = (am[i] == 0 ? 1 : 0) & av[i], trueB = (bm[i] == 0 ? 1 : 0) & bv[i]
                let decided = trueA | trueB
                dm[i] = decided != 0 ? 0 : am[i] | bm[i]
                dv[i] = decided
            }
        case .min(let d, let a, let c):
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            for i in 0..<len { let d = av[i] &- bv[i]; dv[i] = bv[i] &+ (d & (d >> 63)); dm[i] = am[i] | bm[i] }
        case .max(let d, let a, let c):
            let (dv, dm) = reg(d), (av, am) = reg(a), (bv, bm) = reg(c)
            for i in 0..<len { let d = av[i] &- bv[i]; dv[i] = av[i] &- (d & (d >> 63)); dm[i] = am[i] | bm[i] }
        case .round(let d, let a, let step, let mode):
            let (dv, dm) = reg(d), (av, am) = reg(a)
            // The usual steps get a constant divisor (a multiply instead of a division).
            switch step {
            case 10_000: for i in 0..<len { dv[i] = PolicyFixed.round(av[i], step: 10_000, mode: mode) }
            case 1_000_000: for i in 0..<len { dv[i] = PolicyFixed.round(av[i], step: 1_000_000, mode: mode) }
            default: for i in 0..<len { dv[i] = PolicyFixed.round(av[i], step: step, mode: mode) }
            }
            for i in 0..<len { dm[i] = am[i] }
        case .select(let d, let c, let a, let e):
            let (dv, dm) = reg(d), (cv, cm) = reg(c), (av, am) = reg(a), (ev, em) = reg(e)
            // Blends instead of branches: c is all ones where the condition holds.
            // Known conditions are 0/1, so 0 − c is all ones where it holds; unknown lanes take cm.
            for i in 0..<len {
                let c = 0 &- cv[i]
                dv[i] = (av[i] & c) | (ev[i] & ~c)
            }
            for i in 0..<len {
                let c = UInt64(bitPattern: 0 &- cv[i]), unknown: UInt64 = cm[i] != 0 ? 0 : ~0
                dm[i] = cm[i] | (((am[i] & c) | (em[i] & ~c)) & unknown)
            }
        case .years(let d, let a):
            let (dv, dm) = reg(d), (av, am) = reg(a)
            for i in 0..<len { dv[i] = PolicyScaleMath.yearsBetween(av[i], asOf) &* PolicyFixed.one; dm[i] = am[i] }
        case .loadInt, .loadCode, .loadCodes, .codeIn, .listHas, .scale, .compareFact, .codeInFact, .listHasFact:
            preconditionFailure("bound separately")
        }
    }
}
