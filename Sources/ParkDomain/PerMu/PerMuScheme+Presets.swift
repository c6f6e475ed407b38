import Foundation

extension PerMuScheme {
    /// The published Huangyan district scheme on 2022 data (DOMAIN.md §2). Above-size: tax per
    /// mu 30 (benchmark 24.097 万元/mu), value added per mu 20 (136.16 万元/mu), value added per
    /// unit of energy 20 (2.694 万元/t standard coal), value added per unit of emissions 10
    /// (4929.81 万元/t), labour productivity 10 (18.14 万元/person), R&D intensity 10 (0.0302).
    /// Below-size: tax per mu 50 (11.5932 万元/mu) and tax per kWh 50 (0.2352 yuan/kWh).
    /// Score = Σ weight × value ÷ benchmark, uncapped. Missing emissions score the indicator's
    /// average score; Huangyan publishes no rule for other missing figures, so they score 0.
    ///
    /// Grading: Huangyan's own grade cut-offs are not published in DOMAIN.md, so the preset
    /// grades by shares as a default (A top 25 %, B next 45 %, C next 25 %, D bottom 5 %, the
    /// "another city" shares there), equal scores sharing the better grade, above-size and
    /// below-size graded separately. Scope: above-size firms, below-size firms with ≥ 3 mu, firms
    /// not yet producing only once past their contracted date, shared parcels merged. Treatment:
    /// D electricity surcharge 0.05 yuan/kWh, 0.10 after 2 consecutive D years, 0.15 after 3;
    /// only the highest punitive tariff applies.
    public static let huangyan2022 = huangyan(
        year: 2022, taxPerMu: 24.097, valueAddedPerMu: 136.16, valueAddedPerEnergy: 2.694, valueAddedPerEmissions: 4929.81,
        labourProductivity: 18.14, rdIntensity: 0.0302,
        belowSize: [PerMuIndicatorRule(.taxPerMu, weight: 50, benchmark: 11.5932),
                    PerMuIndicatorRule(.taxPerKWh, weight: 50, benchmark: 0.2352)])

    /// Huangyan on 2021 data: the 2022 scheme with the 2021 above-size benchmarks (26.01,
    /// 132.27, 2.54, 4861.08, 17.45, 0.0305). DOMAIN.md gives no 2021 below-size benchmarks, so
    /// the below-size indicators (tax per mu 50, tax per kWh 50) use the year's mean as their
    /// benchmark until the published figures are entered as a new version.
    public static let huangyan2021 = huangyan(
        year: 2021, taxPerMu: 26.01, valueAddedPerMu: 132.27, valueAddedPerEnergy: 2.54, valueAddedPerEmissions: 4861.08,
        labourProductivity: 17.45, rdIntensity: 0.0305,
        belowSize: [PerMuIndicatorRule(.taxPerMu, weight: 50, benchmark: nil, benchmarkRule: .mean),
                    PerMuIndicatorRule(.taxPerKWh, weight: 50, benchmark: nil, benchmarkRule: .mean)])

    /// The D-grade electricity surcharge of DOMAIN.md §2 (yuan/kWh): 0.05 in the first D year,
    /// 0.10 from the second consecutive D year, 0.15 from the third.
    public static let dGradeElectricitySurcharge = PerMuTreatment(
        grade: .d, kind: .electricitySurcharge,
        steps: [PerMuEscalationStep(fromConsecutiveYears: 1, rate: 0.05), PerMuEscalationStep(fromConsecutiveYears: 2, rate: 0.10),
                PerMuEscalationStep(fromConsecutiveYears: 3, rate: 0.15)])

    /// The grade shares used as the default of the presets: A 25 %, B 45 %, C 25 %, D 5 %.
    public static let defaultShares = PerMuGradingRule.shares(a: 25, b: 45, c: 25, d: 5)

    private static func huangyan(year: Int, taxPerMu: Double, valueAddedPerMu: Double, valueAddedPerEnergy: Double,
                                 valueAddedPerEmissions: Double, labourProductivity: Double, rdIntensity: Double,
                                 belowSize: [PerMuIndicatorRule]) -> PerMuScheme {
        PerMuScheme(
            name: "Huangyan \(year)", version: 1, year: year,
            scope: PerMuScope(includeAboveSize: true, aboveSizeMinimumMu: 0, belowSizeMinimumMu: 3,
                              includeNotProducingPastContractedDate: true, mergeSharedParcels: true),
            groups: [
                PerMuGroup(kind: .aboveSize, indicators: [
                    PerMuIndicatorRule(.taxPerMu, weight: 30, benchmark: taxPerMu),
                    PerMuIndicatorRule(.valueAddedPerMu, weight: 20, benchmark: valueAddedPerMu),
                    PerMuIndicatorRule(.valueAddedPerEnergy, weight: 20, benchmark: valueAddedPerEnergy),
                    PerMuIndicatorRule(.valueAddedPerEmissions, weight: 10, benchmark: valueAddedPerEmissions, missing: .averageScore),
                    PerMuIndicatorRule(.labourProductivity, weight: 10, benchmark: labourProductivity),
                    PerMuIndicatorRule(.rdIntensity, weight: 10, benchmark: rdIntensity),
                ]),
                PerMuGroup(kind: .belowSize, indicators: belowSize),
            ],
            declaredWeightTotal: 100,
            grading: PerMuGrading(rule: defaultShares, ties: .betterGrade, pooling: .perGroup),
            treatments: [dGradeElectricitySurcharge],
            onlyHighestPunitiveTariff: true)
    }
}
