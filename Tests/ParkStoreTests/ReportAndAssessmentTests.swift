import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest
import ParkTestSupport

/// Yearly reports with corrections, and the assessment of a lease: the stored proposal, then
/// the officer's decision. The clock is 2025-06-01; the leases start on 2015-07-01, so their
/// first term ends on 2025-07-01 and the maximum total term (30 years) on 2045-07-01.
final class ReportAndAssessmentTests: StoreTestCase {
    var reports: ReportRepository { ReportRepository(db: db, clock: clock) }
    var assessments: AssessmentRepository { AssessmentRepository(db: db, clock: clock) }
    var leaseRepo: LeaseRepository { LeaseRepository(db: db, clock: clock) }

    // MARK: - Reports

    func testACorrectionNeedsAReasonAndKeepsTheHistory() async throws {
        // given
        let f = try await seedLand()
        let lease = try await seedLease(f, state: .inProduction)
        let first = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_000_000), reason: "", by: officer)
        // when
        let unexplained = await domainError { _ = try await self.reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_100_000),
                                                                                reason: "  ", by: self.officer) }
        let second = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_100_000, source: .taxBureau),
                                              reason: "tax bureau figures", by: officer)
        // then
        XCTAssertEqual(first.version, 1)
        XCTAssertEqual(unexplained?.code, "reason_required")
        XCTAssertEqual(unexplained?.field, "reason")
        XCTAssertEqual(second.version, 2)
        let current = try await reports.current(leaseID: lease.id!)
        XCTAssertEqual(current.map(\.taxPaidYuan), [1_100_000])
        XCTAssertEqual(current.first?.source, .taxBureau, "staff may record the source")
        let history = try await reports.history(leaseID: lease.id!)
        XCTAssertEqual(history.map(\.version), [1, 2])
        XCTAssertEqual(history.map(\.report.taxPaidYuan), [1_000_000, 1_100_000])
        XCTAssertEqual(history.map(\.reason), ["", "tax bureau figures"])
        XCTAssertEqual(history.map(\.createdBy), ["officer", "officer"])
        await assertEqual(try await auditActions(ReportRepository.entityType, "\(lease.id!.uuidString)/2024"), ["report", "correct"])
    }

    func testAnEnterpriseUserFilesForItsOwnLeaseOnlyAsSelfReported() async throws {
        // given
        let a = try await seedLand(1, code: "SIP-001")
        let b = try await seedLand(2, code: "SIP-002", offset: 0.01, zh: "乙公司", en: "Beta")
        let leaseA = try await seedLease(a, state: .inProduction)
        let leaseB = try await seedLease(b, state: .inProduction)
        let firmA = enterpriseUser(a)
        // when
        let own = try await reports.submit(leaseID: leaseA.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 5, source: .taxBureau, verification: .verified),
                                           reason: "", by: firmA)
        let other = await domainError { _ = try await self.reports.submit(leaseID: leaseB.id!, report: PerformanceReport(year: 2024), reason: "", by: firmA) }
        // then
        XCTAssertEqual(own.report.source, .selfReported)
        XCTAssertEqual(own.report.verification, .unverified)
        await assertEqual(try await reports.current(leaseID: leaseA.id!).first?.verification, .unverified)
        XCTAssertEqual(other?.kind, .notFound)
        await assertEqual(try await reports.history(leaseID: leaseB.id!).count, 0)
    }

    func testReportsAreValidated() async throws {
        // given (today is 2025-06-01)
        let f = try await seedLand()
        let lease = try await seedLease(f, state: .inProduction)
        let bad: [(PerformanceReport, String, String)] = [
            (PerformanceReport(year: 2024, taxPaidYuan: -1), "out_of_range", "tax_paid_yuan"),
            (PerformanceReport(year: 2025, productionStartDate: day("2025-06-02")), "future_date", "production_start_date"),
            (PerformanceReport(year: 2026), "out_of_range", "year"),
            (PerformanceReport(year: 1989), "out_of_range", "year"),
            (PerformanceReport(year: 2024, energyTonnesCoal: .nan), "out_of_range", "energy_tonnes_coal"),
        ]
        for (report, code, field) in bad {
            // when
            let e = await domainError { _ = try await self.reports.submit(leaseID: lease.id!, report: report, reason: "", by: self.officer) }
            // then
            XCTAssertEqual(e?.code, code, "\(report)")
            XCTAssertEqual(e?.field, field, "\(report)")
        }
        await assertEqual(try await reports.history(leaseID: lease.id!).count, 0)
        let today = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2025, productionStartDate: day("2025-06-01")), reason: "", by: officer)
        XCTAssertEqual(today.version, 1, "a production start today is not in the future")
    }

    // MARK: - Assessment

    /// 0: investment intensity ≥ 3,000,000 yuan/mu, latest, mandatory, weight 30;
    /// 1: production start by 2018-06-30, mandatory, weight 20;
    /// 2: tax per mu ≥ 100,000 yuan/mu/year, mean of the last 2 years, weight 50.
    let agreement = [
        Commitment(kind: .investmentIntensity, target: 3_000_000, mandatory: true, weight: 30),
        Commitment(kind: .productionStart, targetDate: LocalDate(year: 2018, month: 6, day: 30), direction: .byDate, mandatory: true, weight: 20),
        Commitment(kind: .taxPerMu, target: 100_000, measure: .averageLastYears, years: 2, weight: 50),
    ]

    /// A lease due for assessment with reports for 2023 and 2024 (taxes `tax2023`, `tax2024`).
    func dueLease(tax2023: Int64, tax2024: Int64) async throws -> (LandFixture, Lease) {
        let f = try await seedLand()
        let lease = try await seedLease(f, commitments: agreement, state: .assessmentDue)
        _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2023, investmentToDateYuan: 60_000_000,
                                                                                   productionStartDate: day("2018-03-01"), taxPaidYuan: tax2023),
                                     reason: "", by: officer)
        _ = try await reports.submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, investmentToDateYuan: 60_000_000, taxPaidYuan: tax2024),
                                     reason: "", by: officer)
        return (f, lease)
    }

    func testAssessRefusesALeaseThatIsNotDue() async throws {
        // given
        let f = try await seedLand()
        let lease = try await seedLease(f, commitments: agreement, state: .inProduction)
        // when
        let e = await domainError { _ = try await self.assessments.assess(leaseID: lease.id!, asOf: self.day("2025-06-01"), by: self.officer) }
        // then
        XCTAssertEqual(e?.code, "invalid_transition")
        XCTAssertEqual(e?.kind, .conflict)
        await assertNil(try await assessments.latest(leaseID: lease.id!))
        await assertEqual(try await leaseRepo.find(lease.id!)?.state, .inProduction)
    }

    func testTheStoredProposalIsTheHandComputedOne() async throws {
        // given taxes of 1,000,000 and 1,400,000 yuan: a mean of 1,200,000 yuan a year
        let (f, lease) = try await dueLease(tax2023: 1_000_000, tax2024: 1_400_000)
        let mu = f.parcel.computedAreaM2 / (2000.0 / 3.0)
        // when
        let stored = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-06-01"), by: officer)
        // then: intensity 60,000,000 ÷ mu ≈ 3.79 million/mu (ratio ≈ 1.26, counted 1); production
        // started 2018-03-01 ≤ 2018-06-30 (1); tax per mu 1,200,000 ÷ mu ≈ 75,800 (ratio ≈ 0.758)
        XCTAssertEqual(mu, 15.83, accuracy: 0.01)
        let taxRatio = 1_200_000 / mu / 100_000
        let p = stored.proposal
        XCTAssertEqual(p.results.map(\.met), [true, true, false])
        XCTAssertEqual(try XCTUnwrap(p.results[0].value), 60_000_000 / mu, accuracy: 1e-6)
        XCTAssertEqual(p.results[0].ratio, 60_000_000 / mu / 3_000_000, accuracy: 1e-12)
        XCTAssertEqual(p.results[1].ratio, 1)
        XCTAssertEqual(p.results[2].ratio, taxRatio, accuracy: 1e-12)
        XCTAssertEqual(p.score, 100 * (30 * 1 + 20 * 1 + 50 * taxRatio) / 100, accuracy: 1e-9)
        XCTAssertEqual(p.score, 87.9, accuracy: 0.05)
        XCTAssertTrue(p.allMandatoryMet)
        XCTAssertEqual(p.kind, .extendShort, "60 ≤ score < 90")
        XCTAssertEqual(p.extensionYears, 10)
        XCTAssertNil(stored.decision)
        await assertEqual(try await assessments.find(stored.id)?.proposal, p)
        await assertEqual(try await leaseRepo.find(lease.id!)?.state, .assessed)
        await assertEqual(try await auditActions(AssessmentRepository.entityType, stored.id.uuidString), ["propose"])
        await assertEqual(try await auditActions(LeaseRepository.entityType, lease.id!.uuidString).last, "assess")
    }

    func testApprovingTheFullExtensionMovesTheEndTo30Years() async throws {
        // given taxes of 2,000,000 a year: ≈ 126,300 yuan/mu, ratio capped at 1 → score 100 → extend to 30 years (N = 20)
        let (_, lease) = try await dueLease(tax2023: 2_000_000, tax2024: 2_000_000)
        let stored = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-06-01"), by: officer)
        XCTAssertEqual(stored.proposal.score, 100, accuracy: 1e-9)
        XCTAssertEqual(stored.proposal.kind, .extendFull)
        // when
        let decided = try await assessments.decide(assessmentID: stored.id, kind: .extendFull, extensionYears: 20, overrideReason: "",
                                                   compensationYuan: nil, by: officer)
        let again = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .extendFull, extensionYears: 20,
                                                                              overrideReason: "", compensationYuan: nil, by: self.officer) }
        // then
        XCTAssertEqual(decided.decision, AssessmentDecision(kind: .extendFull, extensionYears: 20, decidedBy: "officer", decidedOn: day("2025-06-01")))
        let extended = try await unwrap(try await leaseRepo.find(lease.id!))
        XCTAssertEqual(extended.state, .extended)
        XCTAssertEqual(extended.extensionYears, 20)
        XCTAssertEqual(extended.contract?.endDate(extensionYears: extended.extensionYears), day("2045-07-01"))
        XCTAssertEqual(again?.code, "already_decided")
        XCTAssertEqual(again?.kind, .conflict)
        await assertEqual(try await assessments.find(stored.id)?.decision?.kind, .extendFull)
        await assertEqual(try await auditActions(AssessmentRepository.entityType, stored.id.uuidString), ["propose", "approve"])
        await assertEqual(try await auditActions(LeaseRepository.entityType, lease.id!.uuidString).suffix(2), ["assess", "decide:approve"])
        guard case .intact = try await audit.verify() else { return XCTFail("the audit chain is broken") }
    }

    func testOverridingNeedsAReasonAndStaysWithinTheMaximumTotal() async throws {
        // given the extend-short proposal (10 years) of the hand-computed case
        let (_, lease) = try await dueLease(tax2023: 1_000_000, tax2024: 1_400_000)
        let stored = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-06-01"), by: officer)
        let reason = "new production line commissioned in 2025"
        // when
        let noReason = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .extendFull, extensionYears: 20,
                                                                                 overrideReason: "too short", compensationYuan: nil, by: self.officer) }
        let tooLong = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .extendFull, extensionYears: 21,
                                                                                overrideReason: reason, compensationYuan: nil, by: self.officer) }
        let byFirm = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .extendShort, extensionYears: 10,
                                                                               overrideReason: "", compensationYuan: nil, by: Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: lease.enterpriseID)) }
        let decided = try await assessments.decide(assessmentID: stored.id, kind: .extendFull, extensionYears: 20, overrideReason: reason,
                                                   compensationYuan: nil, by: officer)
        // then
        XCTAssertEqual(noReason?.code, "reason_required")
        XCTAssertEqual(noReason?.field, "override_reason")
        XCTAssertEqual(tooLong?.code, "extension_exceeds_max_total")
        XCTAssertEqual(tooLong?.field, "extension_years")
        XCTAssertEqual(byFirm?.kind, .forbidden)
        XCTAssertEqual(decided.decision?.overrideReason, reason)
        await assertEqual(try await leaseRepo.find(lease.id!)?.extensionYears, 20)
        await assertEqual(try await auditActions(AssessmentRepository.entityType, stored.id.uuidString), ["propose", "override"])
        await assertEqual(try await auditActions(LeaseRepository.entityType, lease.id!.uuidString).last, "decide:override")
    }

    func testTakingTheLandBackNeedsTheCompensation() async throws {
        // given no reports at all: every ratio 0 → score 0 → reclaim (0 years)
        let f = try await seedLand()
        let lease = try await seedLease(f, commitments: agreement, state: .assessmentDue)
        let stored = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-06-01"), by: officer)
        XCTAssertEqual(stored.proposal.score, 0)
        XCTAssertEqual(stored.proposal.kind, .reclaim)
        XCTAssertEqual(stored.proposal.extensionYears, 0)
        // when
        let noCompensation = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .reclaim, extensionYears: 0,
                                                                                       overrideReason: "", compensationYuan: nil, by: self.officer) }
        let withYears = await domainError { _ = try await self.assessments.decide(assessmentID: stored.id, kind: .reclaim, extensionYears: 3,
                                                                                  overrideReason: "reclaim but with a grace period", compensationYuan: 1, by: self.officer) }
        let decided = try await assessments.decide(assessmentID: stored.id, kind: .reclaim, extensionYears: 0, overrideReason: "",
                                                   compensationYuan: 4_500_000, by: officer)
        // then
        XCTAssertEqual(noCompensation?.code, "required")
        XCTAssertEqual(noCompensation?.field, "compensation_yuan")
        XCTAssertEqual(withYears?.field, "extension_years")
        XCTAssertEqual(decided.decision?.compensationYuan, 4_500_000)
        XCTAssertEqual(decided.decision?.overrideReason, "")
        await assertEqual(try await leaseRepo.find(lease.id!)?.state, .reclaimed)
        await assertEqual(try await leaseRepo.find(lease.id!)?.extensionYears, 0)
        await assertEqual(try await auditActions(AssessmentRepository.entityType, stored.id.uuidString), ["propose", "approve"])
    }

    func testASecondAssessmentProposesOnlyTheYearsLeftUnderTheMaximum() async throws {
        // given the short extension (10 years: 20 of the 30 granted, to 2035-07-01) was approved in 2025
        let (_, lease) = try await dueLease(tax2023: 1_000_000, tax2024: 1_400_000)
        let first = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-06-01"), by: officer)
        _ = try await assessments.decide(assessmentID: first.id, kind: .extendShort, extensionYears: 10, overrideReason: "", compensationYuan: nil, by: officer)
        // and in 2034 the lease is due again, with a strong 2033: mean tax of 2024 and 2033 = 2,200,000 yuan ≈ 139,000 yuan/mu
        let later = pinnedClock("2034-09-01")
        _ = try await LeaseRepository(db: db, clock: later).advance(lease.id!, to: .assessmentDue, by: officer)
        _ = try await ReportRepository(db: db, clock: later).submit(leaseID: lease.id!, report: PerformanceReport(
            year: 2033, investmentToDateYuan: 60_000_000, taxPaidYuan: 3_000_000), reason: "", by: officer)
        let repo = AssessmentRepository(db: db, clock: later)
        // when
        let second = try await repo.assess(leaseID: lease.id!, asOf: day("2034-09-01"), by: officer)
        // then: score 100 → extend to the 30-year maximum, which is 10 more years (10 + 10 + 10)
        XCTAssertEqual(second.proposal.score, 100, accuracy: 1e-9)
        XCTAssertEqual(second.proposal.kind, .extendFull)
        XCTAssertEqual(second.proposal.extensionYears, 10)
        // and approving it as it stands extends the lease to 2045-07-01
        let decided = try await repo.decide(assessmentID: second.id, kind: second.proposal.kind, extensionYears: second.proposal.extensionYears,
                                            overrideReason: "", compensationYuan: nil, by: officer)
        XCTAssertEqual(decided.decision?.overrideReason, "")
        let extended = try await unwrap(try await leaseRepo.find(lease.id!))
        XCTAssertEqual(extended.extensionYears, 20)
        XCTAssertEqual(extended.contract?.endDate(extensionYears: extended.extensionYears), day("2045-07-01"))
    }
}
