import XCTest
@testable import ParkDomain

final class AssessmentBatchTests: XCTestCase {
    typealias LeaseInput = (commitments: [Commitment], reports: [PerformanceReport], areaMu: Double,
                            firstTermYears: Int, maxTotalYears: Int)

    /// Random leases that reach every branch: every kind but custom, every direction and measure,
    /// zero denominators, duplicate years, years after the assessment, missing production
    /// dates, zero weights, no commitments, a zero area.
    static func randomLeases(seed: UInt64, count: Int) -> [LeaseInput] {
        var rng = SeededGenerator(seed: seed)
        let kinds = CommitmentKind.allCases.filter { $0 != .custom }
        func amount(_ max: Int) -> Int64 { rng.chance(10) ? 0 : Int64(rng.int(in: 1...max)) }
        return (0..<count).map { _ in
            let area = rng.chance(3) ? 0 : Double(rng.int(in: 200...30_000)) / 100
            let firstYear = rng.int(in: 2018...2026)
            var reports: [PerformanceReport] = []
            for y in firstYear...(firstYear + rng.int(in: 0...11)) where !rng.chance(10) {
                for _ in 0..<(rng.chance(8) ? 2 : 1) {
                    let start = rng.chance(40) ? LocalDate(year: y, month: rng.int(in: 1...12), day: rng.int(in: 1...28)) : nil
                    reports.append(PerformanceReport(
                        year: y, investmentToDateYuan: amount(900_000_000), productionStartDate: start,
                        taxPaidYuan: amount(60_000_000), revenueYuan: amount(2_000_000_000),
                        valueAddedYuan: amount(400_000_000), rdSpendYuan: amount(80_000_000),
                        energyTonnesCoal: Double(amount(20_000)) / 10, emissionsTonnes: Double(amount(900)) / 10,
                        averageEmployees: Int(amount(800))))
                }
            }
            rng.shuffle(&reports)
            let commitments: [Commitment] = (0..<rng.int(in: 0...10)).map { _ in
                let kind = rng.pick(kinds)
                let measure = rng.pick(CommitmentMeasure.allCases)
                let direction: CommitmentDirection = kind == .productionStart ? .byDate
                    : (rng.chance(5) ? .byDate : (rng.chance(20) ? .atMost : .atLeast))
                let target: Double = switch kind {
                case .totalInvestment: Double(rng.int(in: 0...900)) * 1_000_000
                case .investmentIntensity: Double(rng.int(in: 0...80)) * 100_000
                case .taxPerMu: Double(rng.int(in: 0...60)) * 10_000
                case .outputPerMu: Double(rng.int(in: 0...200)) * 100_000
                case .rdRatio: Double(rng.int(in: 0...80)) / 1_000
                case .valueAddedPerEnergy, .valueAddedPerEmissions: Double(rng.int(in: 0...400)) * 1_000
                case .jobs: Double(rng.int(in: 0...900))
                case .productionStart, .custom: 0
                }
                let due = rng.chance(90) ? LocalDate(year: rng.int(in: 2019...2030), month: rng.int(in: 1...12), day: 1) : nil
                return Commitment(kind: kind, target: target, targetDate: due, direction: direction, measure: measure,
                                  years: rng.int(in: 0...6), mandatory: rng.chance(40),
                                  weight: rng.chance(5) ? 0 : Double(rng.int(in: 1...30)))
            }
            return (commitments, reports, area, rng.pick([10, 10, 10, 5, 15]), rng.pick([30, 30, 20, 12]))
        }
    }

    func testBatchEqualsTheScalarEngineOnRandomLeases() {
        // given 500 seeded leases, two rulesets and three assessment dates
        let leases = Self.randomLeases(seed: 2_024, count: 500)
        let columns = AssessmentColumns(leases)
        let rulesets = [AssessmentRuleset.standard,
                        AssessmentRuleset(name: "capped", version: 2, fullExtensionMinScore: 85, shortExtensionMinScore: 50,
                                          shortExtensionYears: 8, ratioCap: 1.3, mandatoryRequiredForFull: false)]
        let dates = [LocalDate(year: 2022, month: 3, day: 1)!, LocalDate(year: 2027, month: 6, day: 30)!,
                     LocalDate(year: 2040, month: 12, day: 31)!]
        var kindsSeen = Set<ProposalKind>()
        for ruleset in rulesets {
            for asOf in dates {
                // when
                let batch = AssessmentBatch.run(columns, asOf: asOf, ruleset: ruleset)
                // then
                XCTAssertEqual(batch.scores.count, leases.count)
                for (i, l) in leases.enumerated() {
                    let p = AssessmentEngine.assess(commitments: l.commitments, reports: l.reports, areaMu: l.areaMu,
                                                    asOf: asOf, ruleset: ruleset, firstTermYears: l.firstTermYears,
                                                    maxTotalYears: l.maxTotalYears)
                    XCTAssertEqual(batch.scores[i], p.score, "lease \(i) as of \(asOf)")
                    XCTAssertEqual(batch.kinds[i], p.kind, "lease \(i) as of \(asOf)")
                    XCTAssertEqual(Int(batch.extensionYears[i]), p.extensionYears, "lease \(i) as of \(asOf)")
                    XCTAssertEqual(batch.allMandatoryMet[i], p.allMandatoryMet, "lease \(i) as of \(asOf)")
                    kindsSeen.insert(p.kind)
                }
            }
        }
        XCTAssertEqual(kindsSeen, Set(ProposalKind.allCases), "the random leases reach every proposal")
    }

    func testColumnsKeepOneRowPerYearAndOffsets() {
        // given two leases, the first with a corrected year
        let a: LeaseInput = ([Commitment(kind: .jobs, target: 10)],
                             [PerformanceReport(year: 2025, averageEmployees: 5), PerformanceReport(year: 2024, averageEmployees: 3),
                              PerformanceReport(year: 2025, averageEmployees: 12)], 10, 10, 30)
        let b: LeaseInput = ([], [], 20, 10, 20)
        // when
        let c = AssessmentColumns([a, b])
        // then
        XCTAssertEqual(c.leaseCount, 2)
        XCTAssertEqual(c.year, [2024, 2025])
        XCTAssertEqual(c.employees, [3, 12])
        XCTAssertEqual(c.reportStart, [0, 2])
        XCTAssertEqual(c.reportCount, [2, 0])
        XCTAssertEqual(c.commitmentStart, [0, 1])
        XCTAssertEqual(c.commitmentCount, [1, 0])
        XCTAssertEqual(c.productionStartDay, [Int32.min, Int32.min])
        let r = AssessmentBatch.run(c, asOf: LocalDate(year: 2025, month: 12, day: 31)!, ruleset: .standard)
        XCTAssertEqual(r.scores, [100, 0])
        XCTAssertEqual(r.kinds, [.extendFull, .extendShort])
        XCTAssertEqual(r.extensionYears, [20, 10])
    }

    func testLeasesWithCustomCommitmentsAreNamedForTheScalarEngine() {
        // given
        let custom = Commitment(kind: .custom, label: "patents", target: 3)
        let c = AssessmentColumns([([Commitment(kind: .jobs)], [], 1, 10, 30), ([custom], [], 1, 10, 30)])
        // then
        XCTAssertEqual(c.leasesWithCustomCommitments, [1])
    }
}
