import Foundation
import ParkDomain
import XCTest

final class PipelineRulesTests: XCTestCase {
    let today = LocalDate(year: 2025, month: 6, day: 1)!

    func testStagesMoveOneAtATimeOrDrop() throws {
        XCTAssertNoThrow(try ProjectStage.lead.checkMove(to: .pitched))
        XCTAssertNoThrow(try ProjectStage.construction.checkMove(to: .production))
        XCTAssertNoThrow(try ProjectStage.negotiating.checkMove(to: .dropped))
        XCTAssertThrowsError(try ProjectStage.lead.checkMove(to: .signed)) { e in
            let d = e as? DomainError
            XCTAssertEqual(d?.code, "stage_skipped")
            XCTAssertEqual(d?.field, "to_stage")
            XCTAssertEqual(d?.message.en.contains("pitched, negotiating"), true)
            XCTAssertEqual(d?.message.zh.contains("“推介”、“在谈”"), true)
        }
        XCTAssertThrowsError(try ProjectStage.signed.checkMove(to: .pitched)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_backwards") }
        XCTAssertThrowsError(try ProjectStage.production.checkMove(to: .dropped)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_final") }
        XCTAssertThrowsError(try ProjectStage.dropped.checkMove(to: .lead)) { e in XCTAssertEqual((e as? DomainError)?.code, "stage_final") }
    }

    func testProposalsAndReviewsAreChecked() throws {
        let since = LocalDate(year: 2025, month: 5, day: 1)!
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .dropped, effectiveOn: since, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.field, "drop_reason")
        }
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .pitched, effectiveOn: LocalDate(year: 2025, month: 6, day: 2)!, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.code, "future_date")
        }
        XCTAssertThrowsError(try StageMove.validateProposal(from: .lead, to: .pitched, effectiveOn: LocalDate(year: 2025, month: 4, day: 30)!, stageSince: since, dropReason: nil, note: "", today: today)) { e in
            XCTAssertEqual((e as? DomainError)?.code, "date_before_stage")
        }
        let staff = Principal(userID: UUID(), name: "invest", role: .officer, departmentCode: "invest")
        let otherHead = Principal(userID: UUID(), name: "land-head", role: .officer, departmentCode: "land", position: .head)
        let head = Principal(userID: UUID(), name: "invest-head", role: .officer, departmentCode: "invest", position: .head)
        for p in [staff, otherHead] {
            XCTAssertThrowsError(try StageMove.validateReview(by: p, approve: true, comment: "")) { e in
                XCTAssertEqual((e as? DomainError)?.code, "not_bureau_head")
                XCTAssertEqual((e as? DomainError)?.kind, .forbidden)
            }
        }
        XCTAssertNoThrow(try StageMove.validateReview(by: head, approve: true, comment: ""))
        XCTAssertThrowsError(try StageMove.validateReview(by: head, approve: false, comment: "  ")) { e in
            XCTAssertEqual((e as? DomainError)?.field, "comment")
        }
    }

    func testWorkingDaysAndDeadlinesOnTheCalendar() {
        let cal = WorkingCalendar.china
        // Monday 12 May 2025 + 10 working days = Monday 26 May (no holiday in between)
        let opened = LocalDate(year: 2025, month: 5, day: 12)!
        XCTAssertEqual(InvestmentLimits.defaults.escalation(openedOn: opened, calendar: cal).iso, "2025-05-26")
        // Thursday 29 May + 10: 30 May, (31 May–2 June Dragon Boat), 3–6 June, 9–13 June → Friday 13 June
        XCTAssertEqual(InvestmentLimits.defaults.escalation(openedOn: LocalDate(year: 2025, month: 5, day: 29)!, calendar: cal).iso, "2025-06-13")
        // a lead recorded on Friday 26 September 2025 is due the next working day: Sunday 28 September is a make-up working day
        XCTAssertEqual(InvestmentLimits.defaults.stageDue(.lead, since: LocalDate(year: 2025, month: 9, day: 26)!, calendar: cal)?.iso, "2025-09-28")
        XCTAssertNil(InvestmentLimits.defaults.stageDue(.signed, since: opened, calendar: cal))
        // working days between, against stepping day by day
        XCTAssertEqual(cal.workingDays(from: opened, to: LocalDate(year: 2025, month: 5, day: 26)!), 10)
        XCTAssertEqual(cal.workingDays(from: LocalDate(year: 2025, month: 9, day: 26)!, to: LocalDate(year: 2025, month: 10, day: 13)!), 7)
        // (Sunday 28 Sep make-up, 29, 30 Sep, 1–8 Oct off, 9, 10, Saturday 11 Oct make-up, Monday 13)
        var d = LocalDate(year: 2023, month: 12, day: 20)!
        for step in [1, 3, 7, 30, 200, 400] {
            let end = cal.adding(workingDays: step, to: d)
            XCTAssertEqual(cal.workingDays(from: d, to: end), step, "\(d) + \(step)")
            d = d.adding(days: 17)
        }
        XCTAssertEqual(cal.workingDays(from: opened, to: opened), 0)
        XCTAssertEqual(cal.workingDays(from: opened, to: LocalDate(year: 2025, month: 5, day: 1)!), 0)
    }

    func testDuplicateNamesAreFound() {
        XCTAssertTrue(DuplicateCheck.similar("博世汽车部件（苏州）有限公司新工厂项目", "博世汽车部件新工厂"))
        XCTAssertTrue(DuplicateCheck.similar("Bosch eBike plant phase II", "Bosch e-bike plant phase 2"))
        XCTAssertFalse(DuplicateCheck.similar("Bosch eBike plant", "Siemens Healthineers R&D centre"))
        XCTAssertFalse(DuplicateCheck.similar("项目", "有限公司"))
    }
}

final class PipelineFiguresTests: XCTestCase {
    func testMediansFromValuesAndFromHistogramsAgree() {
        // 3, 5, 5, 9 → (5 + 5) / 2 = 5; 1, 2, 10 → 2; none → nil
        XCTAssertEqual(PipelineFigures.median([9, 3, 5, 5]), 5)
        XCTAssertEqual(PipelineFigures.median([10, 1, 2]), 2)
        XCTAssertEqual(PipelineFigures.median([2, 7]), 4.5)
        XCTAssertNil(PipelineFigures.median([]))
        XCTAssertEqual(PipelineFigures.median(histogram: [(9, 1), (3, 1), (5, 2)]), 5)
        XCTAssertEqual(PipelineFigures.median(histogram: [(2, 1), (7, 1), (4, 0)]), 4.5)
        XCTAssertEqual(PipelineFigures.median(histogram: [(10, 1), (1, 1), (2, 1)]), 2)
        XCTAssertNil(PipelineFigures.median(histogram: []))
    }

    func testTheEngineFoldsCellsByHand() throws {
        // given: May 2025 — a bank (financial) and a 39 (strategic emerging, high-tech) cell; May 2024 — the 39's prior
        var cells = FDICells()
        let de = cells.key(.country, "DE"), sg = cells.key(.country, "SG")
        func dims(_ country: Int32) -> [Int32] { [country, cells.key(.cluster, ""), cells.key(.type, "x"), cells.key(.stage, "signed"), cells.key(.officer, ""), cells.key(.source, "visit")] }
        let may25 = YearMonth(iso: "2025-05")!, may24 = YearMonth(iso: "2024-05")!
        cells.append(month: may25, dims: dims(sg), flags: FDICells.financial, utilisedUSD: 1_000, contractedUSD: 4_000, newProjects: 1)
        cells.append(month: may25, dims: dims(de), flags: FDICells.strategicEmerging | FDICells.highTech, utilisedUSD: 300, utilisedCNY: 2_160, newProjects: 1)
        cells.append(month: may24, dims: dims(de), flags: FDICells.strategicEmerging, utilisedUSD: 100)
        // when
        let r = try FDIReportEngine.run(cells, from: may25, to: may25)
        // then: 1,300 utilised; comparable 300 vs 100 → +200 %; 1 of 2 new projects SEI; high-tech 300 / 1,300
        XCTAssertEqual(r.totals.utilisedUSDCents, 1_300)
        XCTAssertEqual(r.totals.utilisedCNYFen, 2_160)
        XCTAssertEqual(r.comparable.utilisedUSDCents, 300)
        XCTAssertEqual(r.comparablePriorYear.utilisedUSDCents, 100)
        XCTAssertEqual(r.utilisedGrowth, 2.0)
        XCTAssertNil(r.contractedGrowth)
        XCTAssertEqual(r.strategicEmergingShare, 0.5)
        XCTAssertEqual(try XCTUnwrap(r.highTechUtilisedShare), 300.0 / 1_300, accuracy: 1e-12)
        XCTAssertEqual(r.breakdowns[.country]?.map(\.key), ["SG", "DE"])
        XCTAssertEqual(r.months.first?.utilisedComparableUSDCents, 300)
        // an overflowing sum is an error, not a trap
        var big = FDICells()
        let k = [big.key(.country, "DE"), big.key(.cluster, ""), big.key(.type, ""), big.key(.stage, ""), big.key(.officer, ""), big.key(.source, "")]
        big.append(month: may25, dims: k, flags: 0, utilisedUSD: .max)
        big.append(month: may25, dims: k, flags: 0, utilisedUSD: 1)
        XCTAssertThrowsError(try FDIReportEngine.run(big, from: may25, to: may25)) { e in XCTAssertEqual((e as? DomainError)?.code, "overflow") }
    }
}
