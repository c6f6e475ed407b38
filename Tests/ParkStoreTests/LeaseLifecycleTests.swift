import FluentKit
import Foundation
import ParkDomain
@testable import ParkStore
import XCTest
import ParkTestSupport

/// A lease from auction to contract through the repositories, with pinned clocks and the working
/// calendar the migration seeds (WorkingCalendar.china).
final class LeaseLifecycleTests: StoreTestCase {
    func leases(on iso: String) -> LeaseRepository { LeaseRepository(db: db, clock: pinnedClock(iso)) }

    func auction(_ f: LandFixture, on iso: String, reserve: Int64 = 10_000_000, bid: Int64 = 12_000_000) -> AuctionRecord {
        AuctionRecord(date: day(iso), reservePriceYuan: reserve, winningBidYuan: bid, depositYuan: 2_000_000,
                      winnerEnterpriseID: f.enterprise.id!)
    }

    func testRecordAuctionRefusesALowBidAFutureDateAndAParcelAlreadyLeased() async throws {
        // given
        let f = try await seedLand()
        let repo = leases(on: "2025-09-25")
        let auditBefore = try await auditCount()
        // when
        let low = await domainError { _ = try await repo.recordAuction(parcelID: f.parcel.id!, auction: self.auction(f, on: "2025-09-25", bid: 9_999_999), by: self.officer) }
        let future = await domainError { _ = try await repo.recordAuction(parcelID: f.parcel.id!, auction: self.auction(f, on: "2025-09-26"), by: self.officer) }
        let byFirm = await domainError { _ = try await repo.recordAuction(parcelID: f.parcel.id!, auction: self.auction(f, on: "2025-09-25"), by: self.enterpriseUser(f)) }
        let lease = try await repo.recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2025-09-25"), by: officer)
        let again = await domainError { _ = try await repo.recordAuction(parcelID: f.parcel.id!, auction: self.auction(f, on: "2025-09-25"), by: self.officer) }
        // then
        XCTAssertEqual(low?.code, "bid_below_reserve")
        XCTAssertEqual(low?.field, "winning_bid_yuan")
        XCTAssertEqual(low?.message.en, "the winning bid 9999999 yuan is below the reserve price 10000000 yuan")
        XCTAssertEqual(future?.code, "future_date")
        XCTAssertEqual(future?.field, "auction_date")
        XCTAssertEqual(byFirm?.kind, .forbidden)
        XCTAssertEqual(lease.state, .auctioned)
        XCTAssertNil(lease.auction.confirmedOn)
        XCTAssertEqual(again?.code, "parcel_leased")
        XCTAssertEqual(again?.kind, .conflict)
        XCTAssertEqual(again?.field, "parcel_id")
        await assertEqual(try await repo.list().count, 1)
        await assertEqual(try await auditCount(), auditBefore + 1, "only the recorded auction is audited")
    }

    func testTheDealMustBeConfirmedByTheFifthWorkingDayAfterTheAuction() async throws {
        // given an auction on Thursday 2025-09-25: working days after it are Fri 26, Sun 28 (a make-up
        // working day), Mon 29, Tue 30; 1–8 October are the National Day holiday; Thu 9 October is the 5th.
        let f = try await seedLand()
        let repo = leases(on: "2025-10-10")
        let lease = try await repo.recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2025-09-25"), by: officer)
        // when
        let deadline = ConfirmationRule.deadline(auctionDate: day("2025-09-25"), calendar: try await repo.calendar())
        let late = await domainError { _ = try await repo.confirm(lease.id!, on: self.day("2025-10-10"), by: self.officer) }
        let early = await domainError { _ = try await repo.confirm(lease.id!, on: self.day("2025-09-24"), by: self.officer) }
        let confirmed = try await repo.confirm(lease.id!, on: day("2025-10-09"), by: officer)
        // then
        XCTAssertEqual(deadline, day("2025-10-09"))
        XCTAssertEqual(late?.code, "confirmation_late")
        XCTAssertEqual(late?.field, "confirmed_on")
        XCTAssertTrue(late?.message.en.contains("confirmed by 2025-10-09") == true, late?.message.en ?? "")
        XCTAssertTrue(late?.message.zh.contains("2025-10-09") == true, late?.message.zh ?? "")
        XCTAssertEqual(early?.code, "confirmation_before_auction")
        XCTAssertEqual(confirmed.state, .confirmed)
        XCTAssertEqual(confirmed.auction.confirmedOn, day("2025-10-09"))
        await assertEqual(try await repo.find(lease.id!)?.auction.confirmedOn, day("2025-10-09"))
    }

    func testAnUnconfirmedSaleLapsesOnlyOnceTheDeadlineHasPassed() async throws {
        // given the 2025-09-25 auction (deadline 2025-10-09), never confirmed
        let f = try await seedLand()
        let lease = try await leases(on: "2025-09-25").recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2025-09-25"), by: officer)
        // when
        let onTheDeadline = await domainError { _ = try await self.leases(on: "2025-10-09").lapseIfOverdue(lease.id!, by: self.officer) }
        let lapsed = try await leases(on: "2025-10-10").lapseIfOverdue(lease.id!, by: officer)
        let confirmAfter = await domainError { _ = try await self.leases(on: "2025-10-10").confirm(lease.id!, on: self.day("2025-10-09"), by: self.officer) }
        let resold = try await leases(on: "2025-10-10").recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2025-10-10"), by: officer)
        // then
        XCTAssertEqual(onTheDeadline?.code, "not_overdue")
        XCTAssertEqual(lapsed.state, .lapsed)
        XCTAssertEqual(confirmAfter?.code, "invalid_transition")
        XCTAssertEqual(resold.state, .auctioned, "a lapsed sale no longer holds the parcel")
        XCTAssertNotEqual(resold.id, lease.id)
    }

    func testSignContractChecksTheTermsAndTheAgreement() async throws {
        // given a confirmed sale
        let f = try await seedLand()
        let repo = LeaseRepository(db: db, clock: clock)
        var lease = try await repo.recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2025-03-03"), by: officer)
        lease = try await repo.confirm(lease.id!, on: day("2025-03-05"), by: officer)
        func contract(first: Int = 10, max: Int = 30) -> GrantContract {
            GrantContract(signedOn: day("2025-03-20"), startDate: day("2025-04-01"), firstTermYears: first, maxTotalYears: max, priceYuan: 12_000_000)
        }
        let start = Commitment(kind: .productionStart, targetDate: day("2027-06-30"), direction: .byDate, mandatory: true, weight: 20)
        let tax = Commitment(kind: .taxPerMu, target: 150_000, weight: 80)
        let id = lease.id!
        // when
        let beyondMax = await domainError { _ = try await repo.signContract(id, contract: contract(first: 35), commitments: [start, tax], by: self.officer) }
        let beyondStatute = await domainError { _ = try await repo.signContract(id, contract: contract(max: 51), commitments: [start, tax], by: self.officer) }
        var undated = start
        undated.targetDate = nil
        let noDate = await domainError { _ = try await repo.signContract(id, contract: contract(), commitments: [undated, tax], by: self.officer) }
        var negative = tax
        negative.weight = -1
        let negWeight = await domainError { _ = try await repo.signContract(id, contract: contract(), commitments: [start, negative], by: self.officer) }
        let stillConfirmed = try await repo.find(id)
        let signed = try await repo.signContract(id, contract: contract(), commitments: [start, tax], by: officer)
        // then
        XCTAssertEqual(beyondMax?.code, "contract_first_term")
        XCTAssertEqual(beyondMax?.field, "first_term_years")
        XCTAssertEqual(beyondStatute?.code, "contract_max_term")
        XCTAssertEqual(beyondStatute?.field, "max_total_years")
        XCTAssertTrue(beyondStatute?.message.en.contains("statutory maximum of 50 years") == true, beyondStatute?.message.en ?? "")
        XCTAssertEqual(noDate?.code, "required")
        XCTAssertEqual(noDate?.field, "commitments[0].target_date")
        XCTAssertEqual(negWeight?.code, "out_of_range")
        XCTAssertEqual(negWeight?.field, "commitments[1].weight")
        XCTAssertEqual(stillConfirmed?.state, .confirmed)
        XCTAssertNil(stillConfirmed?.contract)
        XCTAssertEqual(signed.state, .contracted)
        XCTAssertEqual(signed.contract?.firstTermEnd, day("2035-04-01"))
        XCTAssertEqual(signed.commitments, [start, tax])
        await assertEqual(try await repo.find(id)?.commitments, [start, tax])
    }

    func testAgreementRulesRefuseIncoherentCommitments() {
        // given
        let cases: [(Commitment, String, String)] = [
            (Commitment(kind: .taxPerMu, target: -1), "out_of_range", "commitments[0].target"),
            (Commitment(kind: .jobs, target: 10, measure: .averageLastYears, years: 0), "out_of_range", "commitments[0].years"),
            (Commitment(kind: .custom, label: " ", target: 1), "required", "commitments[0].label"),
            (Commitment(kind: .productionStart, targetDate: day("2027-01-01"), direction: .atLeast), "direction_kind", "commitments[0].direction"),
            (Commitment(kind: .jobs, targetDate: day("2027-01-01"), direction: .byDate), "direction_kind", "commitments[0].direction"),
        ]
        for (c, code, field) in cases {
            // when
            var caught: DomainError?
            do { try AgreementRules.validate([c]) } catch { caught = error }
            // then
            XCTAssertEqual(caught?.code, code, "\(c)")
            XCTAssertEqual(caught?.field, field, "\(c)")
        }
        XCTAssertNoThrow(try AgreementRules.validate([]))
    }

    func testAdvanceFollowsTheLifeCycleAndLeavesDedicatedStepsToTheirOwn() async throws {
        // given
        let f = try await seedLand()
        let repo = LeaseRepository(db: db, clock: clock)
        let sold = try await repo.recordAuction(parcelID: f.parcel.id!, auction: auction(f, on: "2015-03-02"), by: officer)
        // when
        let confirmByAdvance = await domainError { _ = try await repo.advance(sold.id!, to: .confirmed, by: self.officer) }
        let lease = try await seedLeaseAfter(sold)
        let skip = await domainError { _ = try await repo.advance(lease.id!, to: .inProduction, by: self.officer) }
        let byFirm = await domainError { _ = try await repo.advance(lease.id!, to: .underConstruction, by: self.enterpriseUser(f)) }
        var states: [LeaseState] = []
        for s in [LeaseState.underConstruction, .inProduction, .assessmentDue] { states.append(try await repo.advance(lease.id!, to: s, by: officer).state) }
        let assessByAdvance = await domainError { _ = try await repo.advance(lease.id!, to: .assessed, by: self.officer) }
        // then
        XCTAssertEqual(confirmByAdvance?.code, "use_dedicated_step")
        XCTAssertEqual(skip?.code, "invalid_transition")
        XCTAssertEqual(skip?.kind, .conflict)
        XCTAssertEqual(skip?.field, "state")
        XCTAssertTrue(skip?.message.en.contains("allowed: under_construction") == true, skip?.message.en ?? "")
        XCTAssertEqual(byFirm?.kind, .forbidden)
        XCTAssertEqual(states, [.underConstruction, .inProduction, .assessmentDue])
        XCTAssertEqual(assessByAdvance?.code, "use_dedicated_step")
        await assertEqual(try await repo.find(lease.id!)?.state, .assessmentDue)
    }

    /// Confirms and contracts an auctioned sale of 2015-03-02.
    func seedLeaseAfter(_ sold: Lease) async throws -> Lease {
        let repo = LeaseRepository(db: db, clock: clock)
        _ = try await repo.confirm(sold.id!, on: day("2015-03-05"), by: officer)
        return try await repo.signContract(sold.id!, contract: GrantContract(signedOn: day("2015-03-20"), startDate: day("2015-07-01"), priceYuan: 1),
                                           commitments: [], by: officer)
    }

    func testEveryStepIsAuditedAndTheChainVerifies() async throws {
        // given
        let f = try await seedLand()
        // when
        let lease = try await seedLease(f, state: .assessmentDue)
        _ = await domainError { _ = try await LeaseRepository(db: self.db, clock: self.clock).advance(lease.id!, to: .expired, by: self.officer) }
        // then
        let trail = try await audit.trail(entityType: "lease", entityID: lease.id!.uuidString)
        XCTAssertEqual(trail.reversed().map(\.action),
                       ["auction", "confirm", "contract", "state:under_construction", "state:in_production", "state:assessment_due"])
        XCTAssertEqual(Set(trail.map(\.actorName)), ["officer"])
        XCTAssertNil(trail.last?.before, "the auction has no before")
        let first = try JSONDecoder().decode(Lease.self, from: Data(try XCTUnwrap(trail.last?.after).utf8))
        XCTAssertEqual(first.state, .auctioned)
        let last = try JSONDecoder().decode(Lease.self, from: Data(try XCTUnwrap(trail.first?.after).utf8))
        let lastBefore = try JSONDecoder().decode(Lease.self, from: Data(try XCTUnwrap(trail.first?.before).utf8))
        XCTAssertEqual(lastBefore.state, .inProduction)
        XCTAssertEqual(last, lease)
        let total = try await auditCount()
        guard case .intact(let n, _) = try await audit.verify() else { return XCTFail("the chain is broken") }
        XCTAssertEqual(n, total)
    }

    // MARK: - Due list (LeaseAlertsQuery), as of 2025-06-01

    func testTheDueListShowsWindowsOpeningAndOverdueProduction() async throws {
        // given
        let startedBy2017 = Commitment(kind: .productionStart, targetDate: day("2017-12-31"), direction: .byDate, mandatory: true)
        // A: first term 2015-09-01 … 2025-09-01, window open since 2024-09-01; production started in 2017
        let a = try await seedLand(1, code: "SIP-001")
        let leaseA = try await seedLease(a, start: "2015-09-01", commitments: [startedBy2017], state: .inProduction)
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: leaseA.id!, report: PerformanceReport(year: 2017, productionStartDate: day("2017-10-01")),
                                                                    reason: "", by: officer)
        // B: first term to 2030-01-01 (window opens 2029-01-01); production was due by 2022-12-31, nothing reported
        let b = try await seedLand(2, code: "SIP-002", offset: 0.01, zh: "乙生物有限公司", en: "Beta Bio")
        let dueBy2022 = Commitment(kind: .productionStart, targetDate: day("2022-12-31"), direction: .byDate, mandatory: true)
        let leaseB = try await seedLease(b, start: "2020-01-01", commitments: [dueBy2022], state: .underConstruction)
        // C: first term to 2031-01-01; production due by 2026-12-31 (not yet): no alert
        let c = try await seedLand(3, code: "SIP-003", offset: 0.02, zh: "丙公司", en: "Gamma")
        _ = try await seedLease(c, start: "2021-01-01", commitments: [Commitment(kind: .productionStart, targetDate: day("2026-12-31"), direction: .byDate)],
                                state: .underConstruction)
        let query = LeaseAlertsQuery(db: db)
        // when
        let rows = try await query.run(today: day("2025-06-01"), withinMonths: 12)
        let onlyB = try await query.run(today: day("2025-06-01"), withinMonths: 12, enterpriseID: b.enterprise.id)
        let later = try await query.run(today: day("2028-02-01"), withinMonths: 12)
        // then
        XCTAssertEqual(rows.map(\.parcel.code), ["SIP-001", "SIP-002"], "soonest first-term end first")
        XCTAssertEqual(rows.first?.alerts, [.windowOpening(opensOn: day("2024-09-01"), firstTermEnd: day("2025-09-01"))])
        XCTAssertEqual(rows.first?.lease.id, leaseA.id)
        XCTAssertEqual(rows.first?.enterpriseName, Bilingual(zh: "甲科技有限公司", en: "Alpha Tech"))
        XCTAssertEqual(rows.last?.alerts, [.productionOverdue(committedBy: day("2022-12-31"))])
        XCTAssertEqual(rows.last?.lease.id, leaseB.id)
        XCTAssertEqual(onlyB.map(\.lease.id), [leaseB.id])
        XCTAssertEqual(rows.first?.alerts.first?.message(.en), "The assessment window opens on 2024-09-01; the first term ends on 2025-09-01")
        // B's window (2029-01-01) is within 12 months of 2028-02-01; C's production date has passed by then
        XCTAssertEqual(later.map(\.parcel.code), ["SIP-001", "SIP-002", "SIP-003"])
        XCTAssertEqual(later[1].alerts, [.windowOpening(opensOn: day("2029-01-01"), firstTermEnd: day("2030-01-01")),
                                         .productionOverdue(committedBy: day("2022-12-31"))])
        XCTAssertEqual(later[2].alerts, [.productionOverdue(committedBy: day("2026-12-31"))])

        // when B reports its production start, its stored alert facts follow in the same write
        _ = try await ReportRepository(db: db, clock: clock).submit(leaseID: leaseB.id!, report: PerformanceReport(year: 2024, productionStartDate: day("2024-05-01")),
                                                                    reason: "", by: officer)
        // then
        await assertEqual(try await query.run(today: day("2025-06-01"), withinMonths: 12).map(\.parcel.code), ["SIP-001"])
        // and pages sort in SQL: by enterprise name in English (Alpha, Beta (its window still opens
        // within 12 months of 2028-02-01), Gamma), one a page
        let byName = LeaseAlertsQuery.Choice(withinMonths: 12, sort: .enterprise, language: .en)
        let first = try await query.page(today: day("2028-02-01"), byName, try PageRequest(page: 1, perPage: 1))
        let second = try await query.page(today: day("2028-02-01"), byName, try PageRequest(page: 2, perPage: 1))
        XCTAssertEqual(first.total, 3)
        XCTAssertEqual(first.items.map(\.parcel.code) + second.items.map(\.parcel.code), ["SIP-001", "SIP-002"])
        var descending = byName
        descending.descending = true
        await assertEqual(try await query.page(today: day("2028-02-01"), descending, try PageRequest(page: 1, perPage: 5)).items.map(\.parcel.code),
                          ["SIP-003", "SIP-002", "SIP-001"])
    }
}
