import Foundation
@testable import ParkDomain

/// Builders shared by the per-mu tests.
enum PerMuFixtures {
    /// A fixed id per number: 00000000-0000-0000-0000-000000000042 for 42.
    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }

    /// An above-size firm's figures (万元, mu, t standard coal, t, kWh).
    static func above(_ n: Int, land: Double = 10, tax: Double? = 100, va: Double? = 1_000, revenue: Double? = 4_000,
                      energy: Double? = 300, emissions: Double? = 0.2, employees: Double? = 50, rd: Double? = 100,
                      kWh: Double? = 1_000_000, cluster: String? = "biomedicine", parcel: String? = nil,
                      producing: Bool = true, past: Bool = true, other: Double = 0, year: Int = 2022) -> PerMuFigures {
        PerMuFigures(enterpriseId: id(n), year: year, cluster: cluster, subArea: "area-\(n % 3)", aboveDesignatedSize: true,
                     landMu: land, producing: producing, pastContractedProductionDate: past, parcelGroup: parcel,
                     taxWanYuan: tax, valueAddedWanYuan: va, revenueWanYuan: revenue, energyTonnesCoal: energy,
                     emissionsTonnes: emissions, averageEmployees: employees, rdSpendWanYuan: rd, electricityKWh: kWh,
                     otherElectricitySurchargeYuanPerKWh: other)
    }

    /// A below-size firm's figures.
    static func below(_ n: Int, land: Double = 5, tax: Double? = 50, revenue: Double? = 500, kWh: Double? = 2_000_000,
                      cluster: String? = nil, parcel: String? = nil, producing: Bool = true, past: Bool = true,
                      year: Int = 2022) -> PerMuFigures {
        PerMuFigures(enterpriseId: id(n), year: year, cluster: cluster, aboveDesignatedSize: false, landMu: land,
                     producing: producing, pastContractedProductionDate: past, parcelGroup: parcel, taxWanYuan: tax,
                     revenueWanYuan: revenue, electricityKWh: kWh)
    }

    /// A one-indicator scheme: tax per mu, weight 100, benchmark 1 万元/mu, for both groups, so
    /// a firm on 1 mu scores 100 × its tax (万元).
    static func simple(_ rule: PerMuGradingRule, ties: PerMuTieRule = .betterGrade, pooling: PerMuPooling = .perGroup,
                       belowSizeMinimumMu: Double? = 3, treatments: [PerMuTreatment] = [PerMuScheme.dGradeElectricitySurcharge],
                       onlyHighest: Bool = true) -> PerMuScheme {
        PerMuScheme(name: "simple", year: 2022, scope: PerMuScope(belowSizeMinimumMu: belowSizeMinimumMu),
                    groups: [PerMuGroup(kind: .aboveSize, indicators: [PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 1)]),
                             PerMuGroup(kind: .belowSize, indicators: [PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 1)])],
                    grading: PerMuGrading(rule: rule, ties: ties, pooling: pooling), treatments: treatments,
                    onlyHighestPunitiveTariff: onlyHighest)
    }

    /// Firms on 1 mu whose simple-scheme scores are `scores` (tax = score ÷ 100 万元), ids 1, 2, ….
    static func scored(_ scores: [Double], kWh: Double = 1_000_000) -> [PerMuFigures] {
        scores.enumerated().map { i, s in above(i + 1, land: 1, tax: s / 100, kWh: kWh) }
    }

    /// `count` seeded firms that reach every branch: both groups, missing and zero figures, land
    /// under 3 mu and none, firms not producing, shared parcels, clusters and none, exact copies
    /// of other firms' figures (tied scores), and figures of another year.
    static func random(seed: UInt64, count: Int) -> [PerMuFigures] {
        var rng = SeededGenerator(seed: seed)
        var out: [PerMuFigures] = []
        func maybe(_ x: Double, missing: Int = 5) -> Double? {
            if rng.chance(missing) { return nil }
            return rng.chance(2) ? 0 : x
        }
        for n in 1...count {
            if n > 10 && rng.chance(4) {
                var copy = out[rng.below(out.count)]
                copy.enterpriseId = id(n)
                copy.parcelGroup = nil
                out.append(copy)
                continue
            }
            let above = rng.chance(70)
            let land = rng.chance(2) ? 0 : Double(rng.int(in: 50...20_000)) / 100
            let f = Double(rng.int(in: 5...300)) / 100
            let va = land * 136 * f
            out.append(PerMuFigures(
                enterpriseId: id(n), year: rng.chance(2) ? 2021 : 2022,
                cluster: rng.chance(15) ? nil : rng.pick(["biomedicine", "nanotech", "ai", "electronics"]),
                subArea: nil, aboveDesignatedSize: above, landMu: land, producing: !rng.chance(8),
                pastContractedProductionDate: rng.chance(50), parcelGroup: rng.chance(6) ? "p\(rng.below(15))" : nil,
                taxWanYuan: maybe(land * 20 * Double(rng.int(in: -10...300)) / 100),
                valueAddedWanYuan: maybe(va), revenueWanYuan: maybe(va * 4), energyTonnesCoal: maybe(va / 2.7 / f),
                emissionsTonnes: maybe(va / 4_900 / f, missing: 15), averageEmployees: maybe(Double(rng.int(in: 1...900))),
                rdSpendWanYuan: maybe(va * 0.1 * f), electricityKWh: maybe(land * 50_000 * f),
                otherElectricitySurchargeYuanPerKWh: rng.chance(10) ? 0.08 : 0))
        }
        return out
    }
}
