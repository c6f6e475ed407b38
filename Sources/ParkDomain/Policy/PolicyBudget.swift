import Foundation

/// A grant proposal of a "without application" policy for one enterprise, before an officer confirms it.
public struct PolicyGrantProposal: Sendable, Hashable {
    /// The row of the fact table (the store maps it to the enterprise).
    public var row: Int
    /// What the policy entitles the enterprise to, in fen.
    public var entitledFen: Int64
    /// What the budget rule proposes to pay, in fen.
    public var proposedFen: Int64
}

/// Budget caps on grant proposals, exact to the fen.
///
/// - `pro_rata`: when the entitled total T exceeds the budget B, each positive amount aᵢ gets
///   ⌊aᵢ·B/T⌋ fen; the fen left over (fewer than the number of grants) go one each to the
///   largest remainders aᵢ·B mod T, ties to the larger amount, then to the earlier row. The
///   proposals add up to B exactly and none exceeds its entitlement.
/// - `by_rank`: amounts are taken largest first (ties: earlier row first) while they fit; the
///   first that does not fit receives what is left of the budget (a partial grant) and every
///   later one receives 0. Pro rata falls back to it when the entitled total exceeds Int64
///   (corrupt data only), so a run never traps.
///
/// Amounts of 0 or less (surcharges) are not budgeted and are proposed as they are. Without a
/// budget, or when the total fits, every proposal equals its entitlement.
public enum PolicyBudget {
    /// Proposals for `entitled` (fen, by row position) under `budgetFen` and `rule`.
    public static func allocate(_ entitled: [Int64], budgetFen: Int64?, rule: PolicyBudgetRule) -> [Int64] {
        let positive = entitled.indices.filter { entitled[$0] > 0 }
        // Checked: amounts come from stored figures, and a sum beyond Int64 (only from corrupt
        // data: more than 9.2 × 10¹⁶ yuan entitled) must not trap. It exceeds any budget.
        var total: Int64 = 0, overflow = false
        for i in positive where !overflow {
            let (t, o) = total.addingReportingOverflow(entitled[i])
            if o { overflow = true } else { total = t }
        }
        guard let budget = budgetFen, overflow || total > budget else { return entitled }
        var out = entitled
        let b = max(0, budget)
        // Without an Int64 total no exact pro rata share exists: such a run is shared by rank.
        switch overflow ? .byRank : rule {
        case .proRata:
            var remainders: [(index: Int, remainder: UInt64)] = []
            var given: Int64 = 0
            for i in positive {
                let (hi, lo) = entitled[i].multipliedFullWidth(by: b)
                let (q, r) = total.dividingFullWidth((hi, lo))
                out[i] = q; given += q
                remainders.append((i, UInt64(r)))
            }
            remainders.sort { x, y in
                if x.remainder != y.remainder { return x.remainder > y.remainder }
                if entitled[x.index] != entitled[y.index] { return entitled[x.index] > entitled[y.index] }
                return x.index < y.index
            }
            var left = b - given
            for r in remainders where left > 0 { out[r.index] += 1; left -= 1 }
        case .byRank:
            let order = positive.sorted { entitled[$0] != entitled[$1] ? entitled[$0] > entitled[$1] : $0 < $1 }
            var left = b
            for i in order {
                let pay = min(entitled[i], left)
                out[i] = pay; left -= pay
            }
        }
        return out
    }

    /// How far `entitledFen` exceeds `budgetFen`: nil when it fits or there is no budget.
    public static func overrun(entitledFen: Int64, budgetFen: Int64?) -> BudgetOverrun? {
        guard let budget = budgetFen, entitledFen > max(0, budget) else { return nil }
        return BudgetOverrun(entitledFen: entitledFen, budgetFen: max(0, budget))
    }

    /// Grant proposals from a whole-park run: the eligible rows with a known amount, with the
    /// policy's budget rule applied (the store keeps them until an officer confirms).
    public static func proposals(_ results: PolicyResults, policy: Policy) -> [PolicyGrantProposal] {
        var rows: [Int] = [], amounts: [Int64] = []
        for i in 0..<results.count where results.status[i] == PolicyStatus.eligible.rawValue && results.missing[i] == 0 {
            rows.append(i); amounts.append(results.amountFen[i])
        }
        let proposed = allocate(amounts, budgetFen: policy.header.budgetFen, rule: policy.header.budgetRule)
        return rows.indices.map { PolicyGrantProposal(row: rows[$0], entitledFen: amounts[$0], proposedFen: proposed[$0]) }
    }
}

/// A matching run: every policy in force against every enterprise of a table.
public enum PolicyMatching {
    /// One policy's results in a run.
    public struct Run: Sendable {
        public var policy: Policy
        public var results: PolicyResults
    }

    /// Runs each program in force on `asOf` over `table` (policies not in force are left out).
    /// Throws when a policy in force has a parameter without a value on `asOf`.
    public static func run(_ programs: [PolicyProgram], table: PolicyFactTable, asOf: LocalDate) throws(DomainError) -> [Run] {
        var out: [Run] = []
        for p in programs where p.policy.header.isInForce(on: asOf) {
            out.append(Run(policy: p.policy, results: try p.run(table, asOf: asOf)))
        }
        return out
    }
}

/// Entitlements above a policy's budget, which the run's officers are warned of before they
/// confirm grants. Exact: the factor is a decimal ratio of two fen amounts.
public struct BudgetOverrun: Sendable, Equatable {
    public let entitledFen: Int64
    public let budgetFen: Int64

    /// budget ÷ entitled: the share of each amount a pro-rata rule pays (0 ≤ factor < 1).
    public var factor: Decimal { Decimal(budgetFen) / Decimal(entitledFen) }
    /// entitled ÷ budget ("22 times the budget"); nil for a budget of 0.
    public var multiple: Decimal? { budgetFen == 0 ? nil : Decimal(entitledFen) / Decimal(budgetFen) }
}
