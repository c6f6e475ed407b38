import ParkDomain

/// The synthetic park both benchmark runners measure: 100,000 leases, each with ten
/// commitments (every measure, every kind but custom) and ten years of reports (2015–2024),
/// drawn from a seed so every run measures the same data. Built outside the measured part.
public enum LeaseBenchFixture {
    /// The assessment date of the runs.
    public static let asOf = LocalDate(year: 2025, month: 6, day: 30)!
    public static let leaseCount = 100_000
    public static let commitmentsPerLease = 10
    public static let yearsOfReports = 10

    /// The columns of `leases` seeded leases.
    public static func columns(leases: Int = leaseCount, seed: UInt64 = 20_250_630) -> AssessmentColumns {
        var rng = SeededGenerator(seed: seed)
        var columns = AssessmentColumns()
        columns.reserve(leases: leases, commitments: leases * commitmentsPerLease, reports: leases * yearsOfReports)
        for _ in 0..<leases {
            let area = Double(rng.int(in: 2_000...30_000)) / 100
            // How well the firm does against its targets: about a quarter fall short.
            let factor = Double(rng.int(in: 45...160)) / 100
            let intensity = Double(rng.int(in: 30...60)) * 100_000
            let taxPerMu = Double(rng.int(in: 15...40)) * 10_000
            let outputPerMu = Double(rng.int(in: 40...120)) * 100_000
            let rdShare = Double(rng.int(in: 20...60)) / 1_000
            let productionDue = LocalDate(year: 2017, month: rng.int(in: 1...12), day: rng.int(in: 1...28))!
            let started = rng.chance(90)
                ? LocalDate(year: rng.pick([2016, 2017, 2017, 2018]), month: rng.int(in: 1...12), day: rng.int(in: 1...28))!
                : nil
            let commitments = [
                Commitment(kind: .investmentIntensity, target: intensity, mandatory: true, weight: 20),
                Commitment(kind: .totalInvestment, target: intensity * area, measure: .cumulative, weight: 5),
                Commitment(kind: .productionStart, targetDate: productionDue, direction: .byDate, mandatory: true, weight: 10),
                Commitment(kind: .taxPerMu, target: taxPerMu, measure: .averageLastYears, years: 3, mandatory: true, weight: 20),
                Commitment(kind: .taxPerMu, target: taxPerMu * 6, measure: .cumulative, weight: 5),
                Commitment(kind: .outputPerMu, target: outputPerMu, weight: 10),
                Commitment(kind: .rdRatio, target: rdShare, measure: .averageLastYears, years: 3, weight: 10),
                Commitment(kind: .valueAddedPerEnergy, target: 25_000, weight: 5),
                Commitment(kind: .valueAddedPerEmissions, target: 4_000_000, measure: .cumulative, weight: 5),
                Commitment(kind: .jobs, target: (area * 2).rounded(), weight: 10),
            ]
            var reports: [PerformanceReport] = []
            reports.reserveCapacity(yearsOfReports)
            for (i, year) in (2015..<(2015 + yearsOfReports)).enumerated() {
                let built = min(1.0, Double(i + 1) / 3)
                let producing = started.map { year >= $0.year } ?? false
                let ramp = producing ? min(1.0, Double(year - started!.year + 1) / 3) : 0
                let noise = Double(rng.int(in: 85...115)) / 100
                let revenue = outputPerMu * area * factor * ramp * noise
                let valueAdded = revenue * 0.25
                reports.append(PerformanceReport(
                    year: year, investmentToDateYuan: Int64(intensity * area * factor * built),
                    productionStartDate: producing ? started : nil,
                    taxPaidYuan: Int64(taxPerMu * area * factor * ramp * noise), revenueYuan: Int64(revenue),
                    valueAddedYuan: Int64(valueAdded), rdSpendYuan: Int64(revenue * rdShare * factor),
                    energyTonnesCoal: valueAdded / 25_000 / factor, emissionsTonnes: valueAdded / 4_000_000 / factor,
                    averageEmployees: Int(area * 2 * factor * ramp)))
            }
            columns.append(commitments: commitments, reports: reports, areaMu: area)
        }
        return columns
    }
}
