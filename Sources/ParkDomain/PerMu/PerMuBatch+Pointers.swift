import Foundation

extension PerMuBatch {
    /// The columns' storage as pointers, valid inside `PerMuBatch.withPointers` only.
    struct Pointers {
        var group, producing, past: UnsafePointer<UInt8>
        var cluster: UnsafePointer<Int32>
        var land, tax, valueAdded, revenue, rdSpend, energy, emissions, employees, kWh: UnsafePointer<Double>

        /// The numerator and denominator columns of indicator `code` and the numerator's scale
        /// (10,000 for tax per kWh: 万元 to yuan), as `PerMuPlan.value` divides them.
        func terms(_ code: UInt8) -> (num: UnsafePointer<Double>, den: UnsafePointer<Double>, scale: Double) {
            switch code {
            case 0: (tax, land, 1)
            case 1: (valueAdded, land, 1)
            case 2: (valueAdded, energy, 1)
            case 3: (valueAdded, emissions, 1)
            case 4: (valueAdded, employees, 1)
            case 5: (rdSpend, revenue, 1)
            case 6: (tax, kWh, 10_000)
            default: (revenue, land, 1)
            }
        }
    }

    /// An indicator of the plan bound to its columns.
    struct Term {
        var num: UnsafePointer<Double>
        var den: UnsafePointer<Double>
        /// Multiplies the numerator (1, or 10,000 for tax per kWh; × 1 changes no value).
        var scale: Double
        var item: PerMuPlan.Item

        /// The normalised score of row `i`, NaN when its value is missing: the value as
        /// `PerMuPlan.value` computes it, then `PerMuPlan.normalise`.
        @inline(__always)
        func score(_ i: Int) -> Double {
            let den = self.den[i]
            guard den > 0 else { return .nan }
            let v = num[i] * scale / den
            return v.isFinite ? PerMuPlan.normalise(item, v) : .nan
        }
    }

    /// Calls `body` with pointers to every column of `c` (which must all have `c.count` rows and at least one).
    static func withPointers<R>(_ c: PerMuColumns, _ body: (Pointers) -> R) -> R {
        let n = c.count
        precondition([c.cluster.count, c.producing.count, c.pastContractedProductionDate.count, c.landMu.count, c.tax.count,
                      c.valueAdded.count, c.revenue.count, c.rdSpend.count, c.energy.count, c.emissions.count,
                      c.employees.count, c.electricityKWh.count].allSatisfy { $0 == n } && n > 0,
                     "PerMuColumns arrays must all have the same, non-zero number of rows")
        return c.group.withUnsafeBufferPointer { group in
            c.producing.withUnsafeBufferPointer { producing in
                c.pastContractedProductionDate.withUnsafeBufferPointer { past in
                    c.cluster.withUnsafeBufferPointer { cluster in
                        c.landMu.withUnsafeBufferPointer { land in
                            c.tax.withUnsafeBufferPointer { tax in
                                c.valueAdded.withUnsafeBufferPointer { va in
                                    c.revenue.withUnsafeBufferPointer { revenue in
                                        c.rdSpend.withUnsafeBufferPointer { rd in
                                            c.energy.withUnsafeBufferPointer { energy in
                                                c.emissions.withUnsafeBufferPointer { emissions in
                                                    c.employees.withUnsafeBufferPointer { employees in
                                                        c.electricityKWh.withUnsafeBufferPointer { kWh in
                                                            body(Pointers(
                                                                group: group.baseAddress!, producing: producing.baseAddress!,
                                                                past: past.baseAddress!, cluster: cluster.baseAddress!,
                                                                land: land.baseAddress!, tax: tax.baseAddress!,
                                                                valueAdded: va.baseAddress!, revenue: revenue.baseAddress!,
                                                                rdSpend: rd.baseAddress!, energy: energy.baseAddress!,
                                                                emissions: emissions.baseAddress!, employees: employees.baseAddress!,
                                                                kWh: kWh.baseAddress!))
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
