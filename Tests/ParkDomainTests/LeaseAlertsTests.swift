import XCTest
@testable import ParkDomain

final class LeaseAlertsTests: XCTestCase {
    static let contract = GrantContract(signedOn: LocalDate(iso: "2024-02-20")!, startDate: LocalDate(iso: "2024-03-01")!,
                                        priceYuan: 30_000_000)
    static let auction = AuctionRecord(date: LocalDate(iso: "2024-01-10")!, reservePriceYuan: 25_000_000,
                                       winningBidYuan: 30_000_000, depositYuan: 5_000_000, winnerEnterpriseID: UUID())

    static func lease(_ commitments: [Commitment], state: LeaseState = .inProduction) -> Lease {
        Lease(parcelID: UUID(), enterpriseID: UUID(), state: state, auction: auction, contract: contract, commitments: commitments)
    }

    /// 100 mu. Tax per mu 0 (2025, construction), then 100,000, 150,000, 170,000 yuan/mu.
    static let reports: [PerformanceReport] = [
        PerformanceReport(year: 2025, investmentToDateYuan: 300_000_000, custom: ["energy_t": 0]),
        PerformanceReport(year: 2026, investmentToDateYuan: 400_000_000, productionStartDate: LocalDate(iso: "2026-02-01"),
                          taxPaidYuan: 10_000_000, custom: ["energy_t": 80]),
        PerformanceReport(year: 2027, investmentToDateYuan: 450_000_000, taxPaidYuan: 15_000_000, custom: ["energy_t": 90]),
        PerformanceReport(year: 2028, investmentToDateYuan: 450_000_000, taxPaidYuan: 17_000_000, custom: ["energy_t": 100]),
    ]
    static let today = LocalDate(iso: "2029-04-01")!

    func testLinearProjectionByHand() {
        // given (2026, 100), (2027, 150), (2028, 170): x̄ = 2027, ȳ = 140,
        // Σ(x − x̄)(y − ȳ) = (−1)(−40) + 0 + (1)(30) = 70, Σ(x − x̄)² = 2, slope 35
        let points: [(x: Double, y: Double)] = [(2026, 100), (2027, 150), (2028, 170)]
        // then: at 2033, 140 + 35 × 6 = 350
        XCTAssertEqual(TrendProjection.linear(points, at: 2033)!, 350, accuracy: 1e-9)
        XCTAssertEqual(TrendProjection.linear([(2020, 7)], at: 2030), 7)
        XCTAssertEqual(TrendProjection.linear([(2020, 4), (2020, 6)], at: 2030), 5)
        XCTAssertNil(TrendProjection.linear([], at: 2030))
    }

    func testProjectedMissesPerMeasure() {
        // given the tax line 140,000 + 35,000 × (year − 2027) from the 2026–2028 values (2025's zero left out);
        // the first term ends 2034-03-01
        let commitments = [
            Commitment(kind: .taxPerMu, target: 400_000),                                   // 0: at 2034: 385,000 → miss
            Commitment(kind: .taxPerMu, target: 380_000),                                   // 1: 385,000 → met
            Commitment(kind: .taxPerMu, target: 400_000, measure: .averageLastYears, years: 3), // 2: at 2033: 350,000 → miss
            // 3: 420,000 so far + 210k + 245k + 280k + 315k + 350k + 385k (2029–2034) = 2,205,000 → miss
            Commitment(kind: .taxPerMu, target: 3_000_000, measure: .cumulative),
            Commitment(kind: .taxPerMu, target: 2_000_000, measure: .cumulative),           // 4: met
            // 5: intensity 3M, 4M, 4.5M, 4.5M (2025–2028): slope 0.5M, at 2034 4M + 0.5M × 7.5 = 7.75M → met
            Commitment(kind: .investmentIntensity, target: 6_000_000, mandatory: true),
            // 6: energy 80, 90, 100 (2026–2028) rising: at 2034 90 + 10 × 7 = 160 > 50 → miss
            Commitment(kind: .custom, label: "energy_t", target: 50, direction: .atMost),
            Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2026-06-30"), direction: .byDate),
        ]
        // when
        let alerts = LeaseAlerts.alerts(lease: Self.lease(commitments), reports: Self.reports, areaMu: 100, today: Self.today)
        // then
        let misses = alerts.compactMap { a -> (Int, Double)? in
            if case let .projectedMiss(i, _, projected, _) = a { return (i, projected) } else { return nil }
        }
        XCTAssertEqual(misses.map(\.0), [0, 2, 3, 6])
        XCTAssertEqual(misses[0].1, 385_000, accuracy: 1e-6)
        XCTAssertEqual(misses[1].1, 350_000, accuracy: 1e-6)
        XCTAssertEqual(misses[2].1, 2_205_000, accuracy: 1e-6)
        XCTAssertEqual(misses[3].1, 160, accuracy: 1e-9)
        XCTAssertEqual(alerts.count, 4, "no window yet (opens 2033-03-01), production reported")
        XCTAssertEqual(alerts[0].message(.en), "Commitment 1 (tax per mu) is projected at 385,000 yuan/mu by the end of the first term against a target of 400,000 yuan/mu")
        XCTAssertEqual(alerts[0].message(.zh), "第 1 项承诺（亩均税收）按趋势预计首期届满时为 385,000元/亩，目标 400,000元/亩")
    }

    func testWindowOpeningWithinTheChosenMonthsIncludingOpenWindows() {
        // given the window opening 2033-03-01 (12 months before 2034-03-01)
        let lease = Self.lease([])
        let expected = LeaseAlert.windowOpening(opensOn: LocalDate(iso: "2033-03-01")!, firstTermEnd: LocalDate(iso: "2034-03-01")!)
        // then
        XCTAssertEqual(LeaseAlerts.alerts(lease: lease, reports: [], areaMu: 100, today: LocalDate(iso: "2032-03-01")!), [expected])
        XCTAssertEqual(LeaseAlerts.alerts(lease: lease, reports: [], areaMu: 100, today: LocalDate(iso: "2032-02-29")!), [])
        XCTAssertEqual(LeaseAlerts.alerts(lease: lease, reports: [], areaMu: 100, today: LocalDate(iso: "2031-06-01")!,
                                          withinMonths: 24), [expected])
        XCTAssertEqual(LeaseAlerts.alerts(lease: lease, reports: [], areaMu: 100, today: LocalDate(iso: "2033-06-01")!), [expected])
        XCTAssertEqual(LeaseAlerts.alerts(lease: Self.lease([], state: .assessed), reports: [], areaMu: 100,
                                          today: LocalDate(iso: "2033-06-01")!), [])
        XCTAssertEqual(expected.message(.en), "The assessment window opens on 2033-03-01; the first term ends on 2034-03-01")
    }

    func testProductionOverdueWhenTheDateHasPassedWithoutAProductionReport() {
        // given a commitment to start production by 2026-06-30 and reports without a start date
        let commitment = Commitment(kind: .productionStart, targetDate: LocalDate(iso: "2026-06-30"), direction: .byDate)
        let building = [PerformanceReport(year: 2025, investmentToDateYuan: 100_000_000),
                        PerformanceReport(year: 2026, investmentToDateYuan: 200_000_000)]
        let lease = Self.lease([commitment], state: .underConstruction)
        // when
        let overdue = LeaseAlerts.alerts(lease: lease, reports: building, areaMu: 100, today: LocalDate(iso: "2026-07-01")!)
        let onTime = LeaseAlerts.alerts(lease: lease, reports: building, areaMu: 100, today: LocalDate(iso: "2026-06-30")!)
        let started = LeaseAlerts.alerts(lease: lease, reports: Self.reports, areaMu: 100, today: LocalDate(iso: "2027-01-01")!)
        let reclaimed = LeaseAlerts.alerts(lease: Self.lease([commitment], state: .reclaimed), reports: building, areaMu: 100,
                                           today: LocalDate(iso: "2027-01-01")!)
        // then
        XCTAssertEqual(overdue, [.productionOverdue(committedBy: LocalDate(iso: "2026-06-30")!)])
        XCTAssertEqual(onTime, [])
        XCTAssertEqual(started, [])
        XCTAssertEqual(reclaimed, [])
        XCTAssertEqual(overdue[0].message(.zh), "约定2026-06-30前投产，尚无投产报告")
    }
}
