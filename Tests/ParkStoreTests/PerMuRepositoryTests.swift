import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// Per-mu evaluation through the store: figures from leases and reports, runs, enacting,
/// re-opening, escalation from last year's enacted grades, results, treatment list, what-if.
final class PerMuRepositoryTests: StoreTestCase {
    /// One indicator (tax per mu, weight 100, benchmark 1 万元/mu) for both groups, graded by
    /// thresholds A ≥ 150, B ≥ 100, C ≥ 50, else D; D pays 0.05 / 0.10 / 0.15 yuan/kWh.
    func scheme(year: Int, name: String = "Test", a: Double = 150) -> PerMuScheme {
        PerMuScheme(name: name, year: year, scope: PerMuScope(belowSizeMinimumMu: 0),
                    groups: [PerMuGroup(kind: .aboveSize, indicators: [PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 1)]),
                             PerMuGroup(kind: .belowSize, indicators: [PerMuIndicatorRule(.taxPerMu, weight: 100, benchmark: 1)])],
                    grading: PerMuGrading(rule: .thresholds(a: a, b: 100, c: 50)),
                    treatments: [PerMuScheme.dGradeElectricitySurcharge])
    }

    func testFiguresComeFromTheNewestReportsOfLeasesHoldingLand() async throws {
        let (e1, l1, mu1) = try await producer(1)
        let (e2, _, mu2) = try await producer(2)
        _ = try await report(l1, year: 2024, taxPerMu: 1, mu: mu1)
        let corrected = try await report(l1, year: 2024, taxPerMu: 2, mu: mu1, reason: "tax bureau correction")
        let figures = try await PerMuFiguresLoader.load(db, year: 2024)
        XCTAssertEqual(figures.map(\.enterpriseId), [e1.id!, e2.id!])
        let f1 = figures[0], f2 = figures[1]
        XCTAssertEqual(f1.landMu, mu1, accuracy: 1e-9)
        XCTAssertEqual(f1.taxWanYuan!, Double(corrected) / 10_000, accuracy: 1e-12)   // version 2 only
        XCTAssertEqual(f1.revenueWanYuan, 100)
        XCTAssertEqual(f1.electricityKWh, 1_000_000)
        XCTAssertEqual(f1.cluster, "biomedicine")
        XCTAssertTrue(f1.producing && f1.aboveDesignatedSize)
        XCTAssertEqual(f2.landMu, mu2, accuracy: 1e-9)
        XCTAssertNil(f2.taxWanYuan)                    // no report for 2024: every figure missing
        XCTAssertFalse(f2.producing)
        XCTAssertFalse(f2.pastContractedProductionDate) // no production-start commitment
        let before2016 = try await PerMuFiguresLoader.load(db, year: 2015)
        XCTAssertEqual(before2016.count, 0)  // contracts start in 2016
    }

    func testRunEnactReopenAndEscalation() async throws {
        let schemes = PerMuSchemeRepository(db: db, clock: clock), runs = PerMuRunRepository(db: db, clock: clock)
        let (e1, l1, mu1) = try await producer(1)
        let (_, l2, mu2) = try await producer(2)
        let (e3, l3, mu3) = try await producer(3)
        for y in [2023, 2024] {
            _ = try await report(l1, year: y, taxPerMu: 2, mu: mu1)      // 200 points: A
            _ = try await report(l2, year: y, taxPerMu: 1.2, mu: mu2)    // 120: B
            _ = try await report(l3, year: y, taxPerMu: 0.3, mu: mu3)    // 30: D
        }
        let s23 = try await schemes.save(scheme(year: 2023), by: officer)
        let s24 = try await schemes.save(scheme(year: 2024, name: "Test 2024"), by: officer)

        // 2023: run, enact (admin only); a second stored run is refused, a dry run is not.
        let out23 = try await runs.run(schemeID: s23.id, dryRun: false, by: officer)
        let r23 = try XCTUnwrap(out23.stored)
        XCTAssertEqual(r23.gradeCounts, [1, 1, 0, 1])
        // The distribution counted in SQL equals the one counted from the rows: totals 29.9997 (D),
        // 120.0002 (B), 200.0003 (A) → bins from 20 to 210, 9.5 wide: D in bin 1 ((30 − 20) ÷ 9.5 = 1.05),
        // B in bin 10 (100 ÷ 9.5 = 10.5), A in bin 18 (180 ÷ 9.5 = 18.9).
        let distribution = try await PerMuResultQuery(db: db).distribution(runID: r23.id)
        let h = try XCTUnwrap(distribution.values.first)
        var firstTen = PerMuResultFilter()
        firstTen.perPage = 10
        let rows = try await PerMuResultQuery(db: db).list(runID: r23.id, filter: firstTen).items
        let inMemory = PerMuHistogram.of(rows.compactMap { r in r.result.total.flatMap { t in r.result.grade.map { (t, $0) } } })
        XCTAssertEqual(distribution.count, 1)
        XCTAssertEqual(h, inMemory)
        XCTAssertEqual(h.start, 20)
        XCTAssertEqual(h.width, 9.5)
        var expected = [[Int]](repeating: [0, 0, 0, 0], count: 20)
        expected[1][Int(PerMuGrade.d.code)] = 1
        expected[10][Int(PerMuGrade.b.code)] = 1
        expected[18][Int(PerMuGrade.a.code)] = 1
        XCTAssertEqual(h.counts, expected)
        XCTAssertEqual(r23.state, .proposed)
        let denied = await domainError { _ = try await runs.enact(r23.id, by: self.officer) }
        XCTAssertEqual(denied?.code, "forbidden")
        let enacted = try await runs.enact(r23.id, by: admin)
        XCTAssertEqual(enacted.state, .enacted)
        let again = await domainError { _ = try await runs.run(schemeID: s23.id, dryRun: false, by: self.officer) }
        XCTAssertEqual(again?.code, "year_enacted")
        let dry = try await runs.run(schemeID: s23.id, dryRun: true, by: officer)
        XCTAssertNil(dry.stored)
        let runs23 = try await runs.all(year: 2023)
        XCTAssertEqual(runs23.count, 1)

        // 2024: D for the second year → 0.10 yuan/kWh on 1,000,000 kWh = 100,000 yuan.
        let out24 = try await runs.run(schemeID: s24.id, dryRun: false, by: officer)
        let r24 = try XCTUnwrap(out24.stored)
        XCTAssertEqual(r24.surchargeFen, 10_000_000)
        let query = PerMuResultQuery(db: db)
        let found = try await query.result(runID: r24.id, enterpriseID: e3.id!)
        let d = try XCTUnwrap(found)
        XCTAssertEqual(d.result.grade, .d)
        XCTAssertEqual(d.result.previousGrade, .d)
        XCTAssertEqual(d.result.consecutiveYears, 2)
        XCTAssertEqual(d.result.total!, 100 * (Double(Int64((0.3 * mu3 * 10_000).rounded())) / 10_000) / mu3, accuracy: 1e-9)
        let scheme24 = try await schemes.require(s24.id).scheme
        let explained = PerMuResultQuery.explain(d, scheme: scheme24, run: r24)
        XCTAssertTrue(explained.explanation.en.contains("grade D"), explained.explanation.en)
        XCTAssertEqual(explained.treatments.first?.rate, 0.10)
        XCTAssertEqual(explained.treatments.first?.electricitySurchargeYuan, 100_000)
        let list = try await query.treatmentList(runID: r24.id)
        XCTAssertEqual(list.map(\.enterpriseId), [e3.id!])
        XCTAssertEqual(list.first?.surchargeFen, 10_000_000)
        XCTAssertEqual(list.first?.addedRate, 0.10)

        // Ranking table: sorted by rank, filtered by grade and sub-area.
        var filter = PerMuResultFilter()
        let page = try await query.list(runID: r24.id, filter: filter)
        XCTAssertEqual(page.total, 3)
        XCTAssertEqual(page.items.map(\.result.parkRank), [1, 2, 3])
        XCTAssertEqual(page.items.first?.result.enterpriseId, e1.id!)
        filter.grade = .b
        let gradeB = try await query.list(runID: r24.id, filter: filter)
        XCTAssertEqual(gradeB.items.map(\.nameEn), ["Firm 2"])
        filter = PerMuResultFilter(); filter.subArea = "湖西"
        let west = try await query.list(runID: r24.id, filter: filter)
        XCTAssertEqual(west.items.map(\.nameEn), ["Firm 1", "Firm 3"])
        filter = PerMuResultFilter(); filter.perPage = 0
        let bad = await domainError { _ = try await query.list(runID: r24.id, filter: filter) }
        XCTAssertEqual(bad?.field, "per_page")

        // Re-opening needs an admin and a reason; then 2023 can be run again.
        let short = await domainError { _ = try await runs.reopen(year: 2023, reason: "typo", by: self.admin) }
        XCTAssertEqual(short?.code, "reason_required")
        let reopened = try await runs.reopen(year: 2023, reason: "tax bureau corrected 2023 figures", by: admin)
        XCTAssertEqual(reopened.state, .reopened)
        let rerun = try await runs.run(schemeID: s23.id, dryRun: false, by: officer)
        XCTAssertNotNil(rerun.stored)
        let actions = try await auditActions(PerMuRunRepository.entityType, r23.id.uuidString)
        XCTAssertEqual(actions, ["run", "enact", "reopen"])
    }

    func testWhatIfComparesADraftWithTheEnactedScheme() async throws {
        let schemes = PerMuSchemeRepository(db: db, clock: clock), runs = PerMuRunRepository(db: db, clock: clock)
        let (_, l1, mu1) = try await producer(1)
        let (_, l2, mu2) = try await producer(2)
        _ = try await report(l1, year: 2024, taxPerMu: 2, mu: mu1)    // 200: A, and A under the draft
        _ = try await report(l2, year: 2024, taxPerMu: 1.6, mu: mu2)  // 160: A; B under a draft with A ≥ 180
        let base = try await schemes.save(scheme(year: 2024), by: officer)
        let noBase = await domainError { _ = try await runs.compare(draftID: base.id, by: self.officer) }
        XCTAssertEqual(noBase?.code, "no_enacted_scheme")
        // Before any run, a draft compares with the earlier version of its name.
        let early = try await schemes.save(scheme(year: 2024, a: 180), by: officer)
        let (before, earlyBase, _) = try await runs.compare(draftID: early.id, by: officer)
        XCTAssertEqual(earlyBase.id, base.id)
        XCTAssertEqual(before.count(from: .a, to: .b), 1)
        let baseRun = try await runs.run(schemeID: base.id, dryRun: false, by: officer)
        _ = try await runs.enact(try XCTUnwrap(baseRun.stored).id, by: admin)
        let draft = try await schemes.save(scheme(year: 2024, a: 180), by: officer)
        XCTAssertEqual(draft.scheme.version, 3)    // same name: the next version
        let (c, b, _) = try await runs.compare(draftID: draft.id, by: officer)
        XCTAssertEqual(b.id, base.id)
        XCTAssertEqual(c.count(from: .a, to: .a), 1)
        XCTAssertEqual(c.count(from: .a, to: .b), 1)
        XCTAssertEqual(c.changes.count, 1)
        let schemeActions = try await auditActions(PerMuSchemeRepository.entityType, "Test v3")
        XCTAssertEqual(schemeActions, ["create"])
    }

    func testMergedUnitsAreStoredFoundByEveryMemberAndListedPerMember() async throws {
        // Two firms sharing parcel "P" (10 + 5 mu) and a third alone; the shared unit is D.
        let a = try await register(enterprise(11, zh: "甲", en: "A", above: true))
        let b = try await register(enterprise(12, zh: "乙", en: "B", above: true))
        let c = try await register(enterprise(13, zh: "丙", en: "C", above: true))
        func f(_ e: Enterprise, land: Double, tax: Double, parcel: String?, kWh: Double, other: Double = 0) -> PerMuFigures {
            PerMuFigures(enterpriseId: e.id!, year: 2024, cluster: "ai", subArea: "湖东", aboveDesignatedSize: true, landMu: land,
                         parcelGroup: parcel, taxWanYuan: tax, electricityKWh: kWh, otherElectricitySurchargeYuanPerKWh: other)
        }
        let figures = [f(a, land: 10, tax: 1, parcel: "P", kWh: 1_000_000), f(b, land: 5, tax: 1, parcel: "P", kWh: 500_000, other: 0.03),
                       f(c, land: 1, tax: 10, parcel: nil, kWh: 0)]
        let s = scheme(year: 2024)
        let saved = try await PerMuSchemeRepository(db: db, clock: clock).save(s, by: officer)
        let run = try PerMuEvaluator.evaluate(scheme: s, figures: figures, explanations: false)
        let units = PerMuUnit.units(from: figures, year: 2024, mergeSharedParcels: true).units.map(\.figures)
        XCTAssertEqual(units.count, 2)
        let runs = PerMuRunRepository(db: db, clock: clock)
        let stored = try await runs.store(run, figures: units, schemeID: saved.id, scheme: s, by: officer)
        _ = try await runs.enact(stored.id, by: admin)
        // 2 万元 over 15 mu = 13.33 points: D. A pays 0.05 on 1,000,000 kWh; B already pays 0.03, so 0.02 more on 500,000.
        let query = PerMuResultQuery(db: db)
        let viaB = try await query.result(runID: stored.id, enterpriseID: b.id!)
        XCTAssertEqual(viaB?.result.enterpriseId, a.id!)
        XCTAssertEqual(viaB?.result.members.map(\.enterpriseId), [a.id!, b.id!])
        XCTAssertEqual(viaB?.result.landMu, 15)
        XCTAssertEqual(viaB?.result.grade, .d)
        let list = try await query.treatmentList(runID: stored.id)
        XCTAssertEqual(list.map(\.enterpriseId), [a.id!, b.id!])
        XCTAssertEqual(list.map(\.surchargeFen), [5_000_000, 1_000_000])
        XCTAssertEqual(list.map(\.creditCode), [a.creditCode.value, b.creditCode.value])
        let history = try await runs.history(year: 2024)
        XCTAssertEqual(history[b.id!], PerMuPriorYear(grade: .d, consecutiveYears: 1))
        XCTAssertEqual(history[c.id!]?.grade, .a)
        // The rebuilt scorecard of the merged unit names both members' surcharges.
        let card = try await PerMuScorecard.load(db: db, enterprise: b.id!, year: 2024)
        XCTAssertEqual(card.result.treatments.first?.electricitySurchargeYuan ?? 0, 60_000, accuracy: 1e-6)
    }
}
