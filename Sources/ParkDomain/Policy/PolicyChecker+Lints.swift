import Foundation

/// The lints: unreachable rows under `first`, overlapping rows under `unique`, parameters
/// without a value during part of the validity period.
extension PolicyChecker {
    /// What a table cell admits, for the lints: an interval of raw values, a set of codes, anything,
    /// or something the lints do not reason about.
    enum Region {
        case any
        case interval(lo: Int64?, loClosed: Bool, hi: Int64?, hiClosed: Bool)
        case codes(Set<String>)
        case opaque

        func contains(_ o: Region) -> Bool {
            switch (self, o) {
            case (.any, _): return true
            case (.codes(let a), .codes(let b)): return b.isSubset(of: a)
            case (.interval(let alo, let alc, let ahi, let ahc), .interval(let blo, let blc, let bhi, let bhc)):
                let lowOK: Bool = {
                    guard let alo else { return true }
                    guard let blo else { return false }
                    return alo < blo || (alo == blo && (alc || !blc))
                }()
                let highOK: Bool = {
                    guard let ahi else { return true }
                    guard let bhi else { return false }
                    return ahi > bhi || (ahi == bhi && (ahc || !bhc))
                }()
                return lowOK && highOK
            default: return false
            }
        }

        /// Whether some value is surely in both (false when unsure).
        func intersects(_ o: Region) -> Bool {
            switch (self, o) {
            case (.any, .opaque), (.opaque, .any), (.opaque, _), (_, .opaque): return false
            case (.any, _), (_, .any): return true
            case (.codes(let a), .codes(let b)): return !a.isDisjoint(with: b)
            case (.interval(let alo, let alc, let ahi, let ahc), .interval(let blo, let blc, let bhi, let bhc)):
                // Lower of the intersection vs upper of the intersection.
                var lo = alo, lc = alc
                if let b = blo, lo == nil || b > lo! || (b == lo! && !blc) { lo = b; lc = blc }
                var hi = ahi, hc = ahc
                if let b = bhi, hi == nil || b < hi! || (b == hi! && !bhc) { hi = b; hc = bhc }
                guard let l = lo, let h = hi else { return true }
                return l < h || (l == h && lc && hc)
            default: return false
            }
        }
    }

    /// Values are whole micro-units or dates, so intervals are integer ranges: `[lo, hi]` closed.
    static func closedRange(_ r: Region) -> (Int64, Int64)? {
        switch r {
        case .any: return (Int64.min, Int64.max)
        case .interval(let lo, let lc, let hi, let hc):
            let l = lo.map { lc ? $0 : $0 &+ 1 } ?? Int64.min, h = hi.map { hc ? $0 : $0 &- 1 } ?? Int64.max
            return (l, h)
        default: return nil
        }
    }

    /// Whether the union of `earlier` covers `target` (one-input tables: intervals or code sets).
    static func covered(_ target: Region, by earlier: [Region]) -> Bool {
        if case .codes(let t) = target {
            var union = Set<String>()
            for r in earlier {
                switch r {
                case .any: return true
                case .codes(let c): union.formUnion(c)
                default: continue
                }
            }
            return t.isSubset(of: union)
        }
        guard let (lo, hi) = closedRange(target), lo <= hi else { return false }
        let spans = earlier.compactMap(closedRange).filter { $0.0 <= $0.1 }.sorted { $0.0 < $1.0 }
        var next = lo
        for (l, h) in spans where l <= next {
            if h >= hi { return true }
            next = max(next, h + 1)
        }
        return false
    }

    mutating func lintRows(_ hit: PolicyHitPolicy, _ rows: [PolicySyntax.Row], _ regions: [[Region]]) {
        for j in rows.indices {
            // One input under `first`: several earlier rows together may cover this one.
            if hit == .first, regions[j].count == 1, j > 0, Self.covered(regions[j][0], by: regions[..<j].map { $0[0] }),
               !regions[..<j].contains(where: { $0[0].contains(regions[j][0]) }) {
                warnings.append(PolicyDiagnostic(.warning, line: rows[j].position.line, column: rows[j].position.column, code: "unreachable_row",
                                                 en: "this row can never match: the rows above it together match everything it does",
                                                 zh: "此行永远不会命中：上方各行合起来已覆盖它的全部情况"))
                continue
            }
            for i in 0..<j {
                let a = regions[i], b = regions[j]
                if hit == .first, zip(a, b).allSatisfy({ $0.contains($1) }) {
                    warnings.append(PolicyDiagnostic(.warning, line: rows[j].position.line, column: rows[j].position.column, code: "unreachable_row",
                                                     en: "this row can never match: row at line \(rows[i].position.line) matches everything it does",
                                                     zh: "此行永远不会命中：第 \(rows[i].position.line) 行已覆盖它的全部情况"))
                    break
                }
                if hit == .unique, zip(a, b).allSatisfy({ $0.intersects($1) }) {
                    warnings.append(PolicyDiagnostic(.warning, line: rows[j].position.line, column: rows[j].position.column, code: "overlapping_rows",
                                                     en: "under 'unique' this row overlaps the row at line \(rows[i].position.line)",
                                                     zh: "在 unique 命中策略下，此行与第 \(rows[i].position.line) 行重叠"))
                    break
                }
            }
        }
    }

    /// Warns about every parameter that has no value for part of the policy's validity period.
    mutating func lintParameters() {
        let h = document.header
        let end = h.validTo ?? LocalDate(year: 9999, month: 12, day: 31)!
        for p in document.parameters {
            var day = h.validFrom
            // Walk covered spans: from `day`, the value in effect covers until its `to` or the next `from`.
            while day <= end {
                guard p.value(on: day) != nil else {
                    let open = h.validTo == nil ? (" (the policy has no end date)", "（政策未设截止日期）") : ("", "")
                    warnings.append(PolicyDiagnostic(.warning, line: p.position.line, column: p.position.column, code: "parameter_gap",
                                                     en: "parameter \(p.name) has no value from \(day), within the validity \(h.validFrom) to \(h.validTo?.iso ?? "open")\(open.0)",
                                                     zh: "参数 \(p.name) 自 \(day) 起没有取值，仍在政策有效期 \(h.validFrom) 至 \(h.validTo?.iso ?? "长期") 内\(open.1)"))
                    break
                }
                // Next date at which the answer may change: a `to` + 1 or a later `from`.
                let changes = p.values.flatMap { v -> [LocalDate] in [v.from] + (v.to.map { [$0.adding(days: 1)] } ?? []) }
                guard let next = changes.filter({ $0 > day }).min() else { break }
                day = next
            }
        }
    }
}
