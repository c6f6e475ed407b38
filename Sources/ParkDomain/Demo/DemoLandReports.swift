import Foundation

extension DemoLeasePlanner {
    /// Yearly reports from the start year to `lastYear`. Investment to date follows construction
    /// (25 %, 60 %, 85 %, 95 %, then all of it; stalled at 55 % for a firm that never produces).
    /// Tax, revenue, value added, R&D, energy, emissions and jobs appear from the production year
    /// on, ramping up 30 %, 65 %, 90 %, then growing (or shrinking) a little each year, with
    /// ±5 % noise. Each figure sits at the lease's own level against its target (`DemoPerformance`).
    func reports(commitments: [Commitment], areaMu: Double, performance: DemoPerformance, start: LocalDate,
                 production: LocalDate?, lastYear: Int, _ rng: inout SeededGenerator) -> [PerformanceReport] {
        func target(_ kind: CommitmentKind) -> Double? { commitments.first { $0.kind == kind }?.target }
        let intensity = target(.investmentIntensity) ?? 4_000_000
        let tax = target(.taxPerMu) ?? 200_000
        let output = target(.outputPerMu) ?? tax * 25
        let f = (inv: performance.factor(&rng), tax: performance.factor(&rng), out: performance.factor(&rng),
                 rd: performance.factor(&rng), jobs: performance.factor(&rng), vae: performance.factor(&rng))
        let rdShare = target(.rdRatio).map { $0 * f.rd } ?? Double(rng.int(in: 8...30)) / 1_000
        let perEnergy = (target(.valueAddedPerEnergy) ?? Double(rng.int(in: 22...34)) * 1_000) * f.vae
        let staff = (target(.jobs) ?? (areaMu * 1.5).rounded()) * f.jobs
        let vaShare = Double(rng.int(in: 20...30)) / 100
        let growth: Double = switch performance {
        case .strong: Double(rng.int(in: 101...106)) / 100
        case .adequate: Double(rng.int(in: 99...103)) / 100
        case .weak: Double(rng.int(in: 95...101)) / 100
        }
        guard start.year <= lastYear else { return [] }
        var out: [PerformanceReport] = []
        for year in start.year...lastYear {
            let k = year - start.year
            var built = k < 4 ? [0.25, 0.6, 0.85, 0.95][k] : 1.0
            if production == nil { built = Swift.min(built, 0.55) }
            if performance == .strong && k > 4 { built *= 1 + 0.02 * Double(k - 4) }
            var report = PerformanceReport(year: year, investmentToDateYuan: Int64((intensity * areaMu * f.inv * built).rounded()))
            if let production, year >= production.year {
                let p = year - production.year
                let ramp = p < 3 ? [0.3, 0.65, 0.9][p] : pow(growth, Double(p - 3))
                let noise = Double(rng.int(in: 95...105)) / 100
                let revenue = output * areaMu * f.out * ramp * noise
                let valueAdded = revenue * vaShare
                let energy = (valueAdded / perEnergy * 10).rounded() / 10
                report.productionStartDate = production
                report.taxPaidYuan = Int64((tax * areaMu * f.tax * ramp * noise).rounded())
                report.revenueYuan = Int64(revenue.rounded())
                report.valueAddedYuan = Int64(valueAdded.rounded())
                report.rdSpendYuan = Int64((revenue * rdShare).rounded())
                report.energyTonnesCoal = energy
                // About 60 % of the energy bought as electricity (1 t standard coal ≈ 8,137 kWh).
                report.electricityKWh = (energy * 4_880).rounded()
                report.emissionsTonnes = (energy * 1.2).rounded() / 100
                report.averageEmployees = Int((staff * Swift.min(ramp, 1.1) * noise).rounded())
            }
            let checked = year <= today.year - 2
            report.source = checked ? (k % 2 == 0 ? .statisticsBureau : .taxBureau) : .selfReported
            report.verification = checked ? .verified : .unverified
            out.append(report)
        }
        return out
    }

    /// The assessment date of a lease that has been assessed (six months before the first term
    /// ends, or today if that is later) and, for extended and reclaimed leases, the officer's
    /// decision 20–75 days after it: the engine's proposal approved, or overridden with a reason
    /// where the proposal and the lease's outcome differ (a key project kept on a shorter term,
    /// a firm that did not apply for renewal).
    func decision(state: LeaseState, contract: GrantContract, commitments: [Commitment], reports: [PerformanceReport],
                  areaMu: Double, _ rng: inout SeededGenerator) -> (assessedOn: LocalDate?, decision: AssessmentDecision?) {
        guard [.assessed, .extended, .reclaimed].contains(state) else { return (nil, nil) }
        let asOf = Swift.min(contract.assessmentWindowOpens(months: 6), today)
        guard state != .assessed else { return (asOf, nil) }
        let proposal = AssessmentEngine.assess(commitments: commitments, reports: reports, areaMu: areaMu, asOf: asOf,
                                               ruleset: .standard, firstTermYears: contract.firstTermYears,
                                               maxTotalYears: contract.maxTotalYears)
        let decidedOn = Swift.min(asOf.adding(days: rng.int(in: 20...75)), today)
        if state == .extended {
            if proposal.kind != .reclaim {
                return (asOf, AssessmentDecision(kind: proposal.kind, extensionYears: proposal.extensionYears,
                                                 decidedBy: "land", decidedOn: decidedOn))
            }
            return (asOf, AssessmentDecision(kind: .extendShort, extensionYears: Swift.min(10, contract.maxTotalYears - contract.firstTermYears),
                                             overrideReason: "重点产业项目，给予缩短续期并限期整改 (key industry project: shorter term with a rectification plan)",
                                             decidedBy: "land", decidedOn: decidedOn))
        }
        let invested = Double(reports.last?.investmentToDateYuan ?? 0)
        let age = Double(contract.startDate.days(until: decidedOn)) / 365.25
        let residual = invested * 0.45 * Swift.max(0.2, 1 - age / 20)
        let compensation = Int64((residual / 10_000).rounded()) * 10_000
        return (asOf, AssessmentDecision(kind: .reclaim, extensionYears: 0,
                                         overrideReason: proposal.kind == .reclaim ? "" : "企业未申请续期 (the enterprise did not apply for renewal)",
                                         compensationYuan: compensation, decidedBy: "land", decidedOn: decidedOn))
    }
}
