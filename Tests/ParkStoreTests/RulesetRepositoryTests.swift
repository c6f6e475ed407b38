import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class RulesetRepositoryTests: StoreTestCase {
    var rulesets: RulesetRepository { RulesetRepository(db: db, clock: clock) }

    func testTheMigrationSeedsTheDefaultAsTheActiveVersion() async throws {
        // when
        let all = try await rulesets.all()
        let active = try await rulesets.active()
        // then
        XCTAssertEqual(all.count, 1)
        XCTAssertEqual(active, .standard)
        XCTAssertEqual(active.fullExtensionMinScore, 90)
        XCTAssertEqual(active.shortExtensionMinScore, 60)
        XCTAssertEqual(active.shortExtensionYears, 10)
    }

    func testPublishingIsForAdminsAndValidated() async throws {
        var lenient = AssessmentRuleset.standard
        lenient.fullExtensionMinScore = 65
        lenient.shortExtensionMinScore = 50
        // officers may not publish
        let forbidden = await domainError { _ = try await self.rulesets.publish(lenient, by: self.officer) }
        XCTAssertEqual(forbidden?.kind, .forbidden)
        // thresholds out of order are refused, naming the field
        var upsideDown = lenient
        upsideDown.shortExtensionMinScore = 95
        let order = await domainError { _ = try await self.rulesets.publish(upsideDown, by: self.admin) }
        XCTAssertEqual(order?.code, "threshold_order")
        XCTAssertEqual(order?.field, "short_extension_min_score")
        var noYears = lenient
        noYears.shortExtensionYears = 0
        let years = await domainError { _ = try await self.rulesets.publish(noYears, by: self.admin) }
        XCTAssertEqual(years?.field, "short_extension_years")
        // nothing was stored by the refused attempts
        await assertEqual(try await rulesets.all().count, 1)
    }

    func testANewVersionBecomesActiveAndOldOnesStay() async throws {
        // given
        var lenient = AssessmentRuleset.standard
        lenient.fullExtensionMinScore = 65
        lenient.shortExtensionMinScore = 50
        // when
        let published = try await rulesets.publish(lenient, by: admin)
        // then
        XCTAssertEqual(published.version, 2)
        let all = try await rulesets.all()
        XCTAssertEqual(all.map(\.ruleset.version), [2, 1])
        XCTAssertEqual(all.map(\.active), [true, false])
        await assertEqual(try await rulesets.active().fullExtensionMinScore, 65)
        let trail = try await audit.trail(entityType: RulesetRepository.entityType, entityID: "default v2")
        XCTAssertEqual(trail.map(\.action), ["publish"])
    }

    func testAssessmentsUseTheActiveRuleset() async throws {
        // given one tax-per-mu commitment of 100,000 yuan/mu met at 70 %: tax = 70,000 × area in mu,
        // so the score is 100 × 0.7 = 70 (within rounding of one yuan)
        let f = try await seedLand()
        let lease = try await seedLease(f, commitments: [Commitment(kind: .taxPerMu, target: 100_000, weight: 100)], state: .assessmentDue)
        let tax = Int64((70_000 * f.parcel.computedAreaMu).rounded())
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: tax),
                                                                    reason: "", by: officer)
        let assessments = AssessmentRepository(db: db, clock: clock)
        // when proposed under the default (90 / 60) and then under a lenient version (65 / 50)
        let strict = try await assessments.propose(leaseID: lease.id!, asOf: day("2025-03-01"))
        var lenient = AssessmentRuleset.standard
        lenient.fullExtensionMinScore = 65
        lenient.shortExtensionMinScore = 50
        _ = try await rulesets.publish(lenient, by: admin)
        let stored = try await assessments.assess(leaseID: lease.id!, asOf: day("2025-03-01"), by: officer)
        // then
        XCTAssertEqual(strict.score, 70, accuracy: 0.01)
        XCTAssertEqual(strict.kind, .extendShort)
        XCTAssertEqual(strict.extensionYears, 10)
        XCTAssertEqual(stored.proposal.kind, .extendFull)
        XCTAssertEqual(stored.proposal.extensionYears, 20)
        XCTAssertEqual(stored.proposal.rulesetVersion, 2)
    }
}
