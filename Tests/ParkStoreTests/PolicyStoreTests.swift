import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest

/// Policies through the store: versions, facts from the records, matching runs, grants within
/// budget, confirmation, payment export, one enterprise's answers.
final class PolicyStoreTests: StoreTestCase {
    /// 10 % of the data year's tax from 10万元 of tax, paid without application within 12万元, pro rata.
    static let taxAward = """
    policy test_tax_award
    title "纳税奖励" / "Tax award"
    department "财政局" / "Finance bureau"
    legal_reference "test 1"
    valid 2024-01-01 to 2026-12-31
    budget 12万元
    without_application true
    budget_rule pro_rata

    eligible when tax >= 10万元
    amount = round(tax * 10%, 1 yuan, half_up)
    """

    func testBuiltInsAreSeededAndSavingMakesVersionsOrRefusesWithTheLine() async throws {
        let repo = PolicyRepository(db: db, clock: clock)
        let seeded = try await repo.latest()
        XCTAssertEqual(Set(seeded.map(\.policy.id)), Set(PolicyLibrary.builtIn.map(\.id)))
        let broken = Self.taxAward.replacingOccurrences(of: "eligible when tax >= 10万元", with: "eligible when taxx >= 10万元")
        let refused = await domainError { _ = try await repo.save(broken, by: self.officer) }
        XCTAssertEqual(refused?.field, "10:15", refused?.message.en ?? "")
        let first = try await repo.save(Self.taxAward, by: officer)
        let second = try await repo.save(Self.taxAward.replacingOccurrences(of: "10%", with: "12%"), by: officer)
        XCTAssertEqual([first.version, second.version], [1, 2])
        let latest = try await repo.find("test_tax_award")
        XCTAssertEqual(latest?.version, 2)
        let actions = try await auditActions(PolicyRepository.entityType, "test_tax_award v2")
        XCTAssertEqual(actions, ["update"])
        let denied = await domainError { _ = try await repo.save(Self.taxAward, by: Principal(userID: nil, name: "firm", role: .enterprise)) }
        XCTAssertEqual(denied?.code, "forbidden")
    }

    func testMatchStoresAnswersAndGrantsWithinBudgetThenConfirmsAndExports() async throws {
        // Data year 2024 (today is 2025-06-01): A pays 100万 tax, B 50万, C 5万; D holds no land (tax unknown).
        let (a, la, _) = try await producer(1)
        let (b, lb, _) = try await producer(2)
        let (c, lc, _) = try await producer(3)
        let d = try await register(enterprise(4, zh: "丁", en: "Delta"))
        for (lease, tax) in [(la, 1_000_000), (lb, 500_000), (lc, 50_000)] as [(Lease, Int64)] {
            _ = try await ReportRepository(db: db, clock: clock).submit(
                leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: tax, revenueYuan: tax * 10), reason: "", by: officer)
        }
        _ = try await PolicyRepository(db: db, clock: clock).save(Self.taxAward, by: officer)
        let runs = PolicyRunRepository(db: db, clock: clock)
        let run = try await runs.match(asOf: day("2025-06-01"), policyID: "test_tax_award", by: officer)
        XCTAssertEqual(run.dataYear, 2024)
        XCTAssertEqual(run.policies.map(\.id), ["test_tax_award"])
        XCTAssertEqual(run.policies.first?.eligible, 2)
        XCTAssertEqual(run.policies.first?.amountFen, 15_000_000)       // 10万 + 5万
        let eligible = try await runs.results(runID: run.id, status: .eligible)
        XCTAssertEqual(Set(eligible.items.map(\.enterpriseID)), [a.id!, b.id!])
        let undetermined = try await runs.results(runID: run.id, status: .undetermined)
        XCTAssertTrue(undetermined.items.contains { $0.enterpriseID == d.id! && $0.missing == ["tax"] })
        XCTAssertFalse(undetermined.items.contains { $0.enterpriseID == c.id! })   // 5万 < 10万: not eligible

        // 15万 entitled, 12万 budget, pro rata: 8万 and 4万 exactly.
        let grants = try await runs.grants(runID: run.id)
        XCTAssertEqual(grants.map(\.entitledFen), [10_000_000, 5_000_000])
        XCTAssertEqual(grants.map(\.proposedFen), [8_000_000, 4_000_000])
        let one = try await runs.decide(runID: run.id, ids: [grants[0].id], confirm: true, by: officer)
        XCTAssertEqual(one.count, 1)
        let again = await domainError { _ = try await runs.decide(runID: run.id, ids: [grants[0].id], confirm: true, by: self.officer) }
        XCTAssertEqual(again?.code, "already_decided")
        let bulk = try await runs.decide(runID: run.id, policyID: "test_tax_award", ids: nil, confirm: true, by: officer)
        XCTAssertEqual(bulk.count, 1)
        XCTAssertEqual(bulk.totalFen, 4_000_000)
        let csv = String(decoding: try await runs.paymentCSV(runID: run.id), as: UTF8.self)
        XCTAssertTrue(csv.contains(",test_tax_award,80000.00,officer"), csv)
        XCTAssertTrue(csv.contains(",test_tax_award,40000.00,officer"), csv)
        let confirmed = try await auditActions(PolicyRunRepository.grantEntityType, grants[1].id.uuidString)
        XCTAssertEqual(confirmed, ["confirm"])

        // A second run for the same data year proposes nothing to A and B again: both are paid,
        // and the budget is spent.
        let rerun = try await runs.match(asOf: day("2025-06-02"), policyID: "test_tax_award", by: officer)
        let second = try await runs.grants(runID: rerun.id)
        XCTAssertEqual(second.count, 0)
    }

    func testABudgetPartlyPaidIsSharedOutOnlyToThoseNotYetPaid() async throws {
        let (a, la, _) = try await producer(1)
        let (b, lb, _) = try await producer(2)
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: la.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 1_000_000),
                                                                    reason: "", by: officer)
        _ = try await PolicyRepository(db: db, clock: clock).save(Self.taxAward, by: officer)
        let runs = PolicyRunRepository(db: db, clock: clock)
        // Run 1: only A is eligible (10万 entitled, within the 12万 budget); it is paid.
        let first = try await runs.match(asOf: day("2025-06-01"), policyID: "test_tax_award", by: officer)
        _ = try await runs.decide(runID: first.id, policyID: "test_tax_award", ids: nil, confirm: true, by: officer)
        // B's figures arrive (80万 tax → 8万 entitled); run 2 proposes B only, within the 2万 left.
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: lb.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 800_000),
                                                                    reason: "", by: officer)
        let second = try await runs.match(asOf: day("2025-06-02"), policyID: "test_tax_award", by: officer)
        let grants = try await runs.grants(runID: second.id)
        XCTAssertEqual(grants.map(\.enterpriseID), [b.id!])
        XCTAssertEqual(grants.map(\.entitledFen), [8_000_000])
        XCTAssertEqual(grants.map(\.proposedFen), [2_000_000])
        XCTAssertNotEqual(grants.first?.enterpriseID, a.id!)
    }

    func testSuppliedFactsAndOneEnterprisesAnswers() async throws {
        let (a, lease, mu) = try await producer(1)
        _ = try await ReportRepository(db: db, clock: clock).submit(
            leaseID: lease.id!, report: PerformanceReport(year: 2024, taxPaidYuan: 300_000, revenueYuan: 9_000_000, rdSpendYuan: 12_000_000,
                                                          electricityKWh: 1_500_000, averageEmployees: 80), reason: "", by: officer)
        let facts = EnterpriseFactRepository(db: db, clock: clock)
        let mine = Principal(userID: nil, name: "firm-a", role: .enterprise, enterpriseID: a.id)
        try await facts.set(enterprise: a.id!, fact: "certifications", year: nil, text: "high_tech;srdi", by: mine)
        try await facts.set(enterprise: a.id!, fact: "utilised_fdi_usd", year: 2024, text: "1,500,000.50", by: officer)
        let bad = await domainError { try await facts.set(enterprise: a.id!, fact: "hq_tier", year: nil, text: "galactic", by: mine) }
        XCTAssertEqual(bad?.field, "hq_tier")
        let other = try await register(enterprise(9, zh: "他", en: "Other"))
        let hijack = await domainError { try await facts.set(enterprise: other.id!, fact: "hq_tier", year: nil, text: "china", by: mine) }
        XCTAssertEqual(hijack?.code, "not_found")

        let park = try await PolicyFactsLoader.load(db, asOf: day("2025-06-01"), only: a.id!)
        let f = try XCTUnwrap(park.facts.first)
        XCTAssertEqual(f["tax"], .yuan(300_000))
        XCTAssertEqual(f["rd_spend"], .yuan(12_000_000))
        XCTAssertEqual(f["employees_avg"], .count(80))
        XCTAssertEqual(f["certifications"], .codes(["high_tech", "srdi"]))
        XCTAssertEqual(f["utilised_fdi_usd"], .quantity(micro: 1_500_000_500_000))
        XCTAssertEqual(f["land_mu"], .decimal((Decimal(mu) ).rounded(4)))
        XCTAssertEqual(f["lease_state"], .code("expiring"))   // first term ends 2026-01-01, within a year
        XCTAssertNil(f["permu_grade"])   // no enacted evaluation: missing, not zero

        // The R&D subsidy: high-tech, above size, 1200万 R&D → 500万 × 10% + 700万 × 8% = 106万; the grade
        // is unknown, so eligibility is undetermined and asks for it.
        let answers = try await PolicyRunRepository(db: db, clock: clock).forEnterprise(a.id!, asOf: day("2025-06-01"), by: mine)
        let rd = try XCTUnwrap(answers.first { $0.policy.policy.id == "sip_rd_expense_subsidy" })
        XCTAssertEqual(rd.explanation.outcome.status, .undetermined)
        XCTAssertEqual(rd.explanation.outcome.missingFacts, ["permu_grade"])
        let denied = await domainError { _ = try await PolicyRunRepository(db: db, clock: clock).forEnterprise(other.id!, asOf: day("2025-06-01"), by: mine) }
        XCTAssertEqual(denied?.code, "not_found")
    }

    func testSuppliedFactsImportFromCSVAllOrNothing() async throws {
        let a = try await register(enterprise(1, zh: "甲", en: "A"))
        let b = try await register(enterprise(2, zh: "乙", en: "B"))
        let facts = EnterpriseFactRepository(db: db, clock: clock)
        let bad = """
        credit_code,fact,year,value
        \(a.creditCode.value),certifications,,high_tech;srdi
        \(b.creditCode.value),utilised_fdi_usd,,1000
        91320594XXXXXXXXXX,hq_tier,,global
        \(b.creditCode.value),hq_tier,,galactic
        \(a.creditCode.value),certifications,,tech_sme
        """
        let refused = try await facts.importCSV(Data(bad.utf8), dryRun: false, by: officer)
        XCTAssertEqual(refused.errors.map(\.row), [3, 4, 5, 6])
        XCTAssertEqual(refused.errors.map(\.column), ["year", "credit_code", "value", "credit_code"])
        let none = try await facts.entries(enterprise: a.id!)
        XCTAssertEqual(none.count, 0, "nothing is written when any row fails")
        let good = """
        credit_code,fact,year,value
        \(a.creditCode.value),certifications,,high_tech;srdi
        \(b.creditCode.value),utilised_fdi_usd,2024,"1,000,000.5"
        """
        let dry = try await facts.importCSV(Data(good.utf8), dryRun: true, by: officer)
        XCTAssertEqual(dry.rows, 2)
        let dryEntries = try await facts.entries(enterprise: a.id!)
        XCTAssertEqual(dryEntries.count, 0)
        let imported = try await facts.importCSV(Data(good.utf8), dryRun: false, by: officer)
        XCTAssertEqual(imported.errors, [])
        let entries = try await facts.entries(enterprise: b.id!)
        XCTAssertEqual(entries.map(\.text), ["1000000.50"])
        XCTAssertEqual(entries.first?.year, 2024)
        let actions = try await auditActions(EnterpriseFactRepository.entityType, "\(a.id!.uuidString)/certifications/0")
        XCTAssertEqual(actions, ["import"])
    }
}
